"""The diary's guidance rules at the edges: 48 hours, second session, new area."""

from datetime import datetime, timedelta

import pytest

from bodymap.diary.entries import DiarySpot, Entry, Session
from bodymap.diary.rules import (
    advise,
    area_changes,
    before_treatment,
    within_soreness_window,
)

START = datetime(2026, 11, 2, 9, 0)
NECK = "right-back-of-neck"
TEMPLE = "right-temple"
SHOULDER = "right-top-of-shoulder"


@pytest.fixture(scope="module")
def context(bundle):
    red_flags = {flag.id: flag for flag in bundle.dataset.safety.red_flags}
    return bundle.diary_guidance, bundle.atlas, red_flags


def entry(atlas, at, score, regions=(NECK,), session=None, warnings=()):
    """Return an entry ``at`` hours after the start (or at a datetime)."""
    when = START + timedelta(hours=at) if not isinstance(at, datetime) else at
    spots = tuple(
        DiarySpot(atlas.regions[r].view, *atlas.regions[r].label_point, r, 2)
        for r in regions
    )
    treated = Session("dry-needling", session) if session is not None else None
    return Entry(when, score, spots, treated, tuple(warnings))


def rules_of(context, entries):
    guidance, atlas, red_flags = context
    return [advice.rule for advice in advise(entries, guidance, atlas, red_flags)]


def test_an_empty_diary_gives_no_advice(context):
    assert rules_of(context, []) == []


def test_a_steady_diary_without_sessions_gives_no_advice(context, atlas):
    entries = [entry(atlas, 24 * day, 5) for day in range(5)]
    assert rules_of(context, entries) == []


@pytest.mark.parametrize(
    ("hours", "expected"),
    [(0, True), (47, True), (48, True), (48 + 1 / 60, False), (72, False)],
    ids=["same-time", "47h", "exactly-48h", "48h01", "72h"],
)
def test_soreness_is_expected_up_to_and_including_48_hours(
    context, atlas, hours, expected
):
    entries = [
        entry(atlas, 0, 5),
        entry(atlas, 24, 5, session=4),
        entry(atlas, 24 + hours, 5),
    ]
    if hours == 0:
        entries = entries[:2]
    assert ("soreness" in rules_of(context, entries)) is expected


def test_higher_pain_within_48_hours_of_a_second_session_is_soreness_not_stop(
    context, atlas
):
    entries = [
        entry(atlas, 0, 4),
        entry(atlas, 24, 5, session=3),
        entry(atlas, 24 * 8, 5, session=3),
        entry(atlas, 24 * 10, 7),  # exactly 48 hours after the second session
    ]
    assert rules_of(context, entries) == ["soreness"]


@pytest.mark.parametrize(
    ("sessions", "expected"),
    [(1, []), (2, ["worse-after-sessions"]), (3, ["worse-after-sessions"])],
    ids=["first-session", "second-session", "third-session"],
)
def test_pain_above_the_score_before_treatment_stops_from_the_second_session(
    context, atlas, sessions, expected
):
    entries = [entry(atlas, 0, 4)]
    for number in range(sessions):
        entries.append(entry(atlas, 24 * 7 * (number + 1), 5, session=3))
    entries.append(entry(atlas, 24 * 7 * sessions + 72, 6))
    assert rules_of(context, entries) == expected


def test_pain_back_to_the_score_before_treatment_is_not_worse(context, atlas):
    entries = [
        entry(atlas, 0, 4),
        entry(atlas, 24, 6, session=3),
        entry(atlas, 24 * 8, 6, session=3),
        entry(atlas, 24 * 11, 4),
    ]
    assert rules_of(context, entries) == []


def test_the_score_before_treatment_is_the_last_entry_before_the_first_session(
    atlas,
):
    entries = [
        entry(atlas, 0, 3),
        entry(atlas, 24, 6),
        entry(atlas, 48, 6, session=2),
    ]
    assert before_treatment(entries).score == 6
    session_first = [entry(atlas, 0, 5, session=2), entry(atlas, 24, 4)]
    assert before_treatment(session_first).score == 5
    assert before_treatment([entry(atlas, 0, 5)]) is None


def test_a_new_area_in_the_latest_drawing_means_stop(context, atlas):
    entries = [
        entry(atlas, 0, 5, regions=(NECK, SHOULDER)),
        entry(atlas, 24, 5, regions=(NECK, TEMPLE)),
    ]
    guidance, _, red_flags = context
    (advice,) = advise(entries, guidance, atlas, red_flags)
    assert advice.rule == "spread"
    assert advice.level == "stop"
    assert "right temple (front)" in advice.facts[0]
    assert area_changes(entries, atlas).new == (TEMPLE,)
    assert area_changes(entries, atlas).gone == (SHOULDER,)


def test_an_area_that_went_away_is_not_spread(context, atlas):
    entries = [
        entry(atlas, 0, 5, regions=(NECK, SHOULDER)),
        entry(atlas, 24, 3, regions=(NECK,)),
    ]
    assert rules_of(context, entries) == []


def test_a_warning_sign_means_stop_with_its_advice(context, atlas):
    entries = [
        entry(atlas, 0, 3),
        entry(atlas, 24, 3, warnings=["numbness-or-weakness"]),
    ]
    guidance, _, red_flags = context
    (advice,) = advise(entries, guidance, atlas, red_flags)
    assert advice.rule == "red-flag"
    assert "Numbness" in advice.facts[0]
    assert red_flags["numbness-or-weakness"].advice in advice.facts[0]


def test_only_the_latest_entrys_warning_signs_count(context, atlas):
    entries = [
        entry(atlas, 0, 3, warnings=["fever-or-unwell"]),
        entry(atlas, 24, 3),
    ]
    assert rules_of(context, entries) == []


@pytest.mark.parametrize(
    ("sessions", "before", "latest", "expected"),
    [(5, 6, 6, False), (6, 6, 6, True), (6, 6, 4, False), (6, 7, 6, True)],
    ids=["five-sessions", "six-no-change", "six-2-points-better", "six-1-better"],
)
def test_about_six_sessions_without_a_2_point_fall_means_discuss(
    context, atlas, sessions, before, latest, expected
):
    entries = [entry(atlas, 0, before)]
    for number in range(sessions):
        entries.append(entry(atlas, 24 * 7 * (number + 1), before, session=2))
    entries.append(entry(atlas, 24 * 7 * sessions + 96, latest))
    assert ("no-improvement" in rules_of(context, entries)) is expected


def test_advice_is_ordered_stop_first_and_carries_its_sources(context, atlas):
    entries = [
        entry(atlas, 0, 4),
        entry(atlas, 24 * 7, 5, session=4),
        entry(atlas, 24 * 14, 5, session=4, regions=(NECK, TEMPLE)),
    ]
    guidance, _, red_flags = context
    advice = advise(entries, guidance, atlas, red_flags)
    assert [a.rule for a in advice] == ["spread", "soreness"]
    assert [a.level for a in advice] == ["stop", "expected"]
    assert all(a.sources and a.text for a in advice)


def test_the_soreness_window_names_the_session(atlas):
    entries = [entry(atlas, 0, 5, session=3), entry(atlas, 30, 5)]
    assert within_soreness_window(entries, 48) is entries[0]
    assert within_soreness_window(entries, 24) is None
