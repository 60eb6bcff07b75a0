"""Reading a diary from outside: dates, order, the day's lead and spots."""

from datetime import date

import pytest

from bodymap.diary import DiaryError, Vocabulary, parse_diary

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def vocabulary(bundle):
    return Vocabulary(
        atlas=bundle.atlas,
        techniques=frozenset(bundle.dataset.techniques),
        warnings=frozenset(flag.id for flag in bundle.dataset.safety.red_flags),
    )


def diary(*entries):
    return {"format": "bodymap-diary", "version": 1, "entries": list(entries)}


def entry(at, score=3, **extra):
    return {"at": at, "score": score, **extra}


def test_entries_come_back_oldest_first(vocabulary):
    entries = parse_diary(
        diary(entry("2026-11-30T08:00"), entry("2026-11-02T21:15")),
        vocabulary,
        TODAY,
    )
    assert [f"{e.at:%Y-%m-%d %H:%M}" for e in entries] == [
        "2026-11-02 21:15",
        "2026-11-30 08:00",
    ]


@pytest.mark.parametrize(
    ("at", "accepted"),
    [("2026-12-02T23:59", True), ("2026-12-03T00:00", False)],
    ids=["a-day-ahead", "two-days-ahead"],
)
def test_the_persons_day_may_be_one_ahead_of_the_servers(vocabulary, at, accepted):
    if accepted:
        assert parse_diary(diary(entry(at)), vocabulary, TODAY)
    else:
        with pytest.raises(DiaryError, match="is in the future"):
            parse_diary(diary(entry(at)), vocabulary, TODAY)


def test_a_spot_and_a_listed_region_both_resolve_to_regions(vocabulary, atlas):
    x, y = atlas.regions["right-temple"].label_point
    (parsed,) = parse_diary(
        diary(
            entry(
                "2026-11-30T08:00",
                spots=[
                    {"view": "front", "x": x, "y": y, "intensity": 1},
                    {"region": "right-back-of-neck"},
                ],
                session={"technique": "dry-needling", "soreness": 2},
                warnings=["numbness-or-weakness", "numbness-or-weakness"],
            )
        ),
        vocabulary,
        TODAY,
    )
    assert parsed.regions == {"right-temple", "right-back-of-neck"}
    assert [spot.intensity for spot in parsed.spots] == [1, 2]
    assert parsed.session.soreness == 2
    assert parsed.warnings == ("numbness-or-weakness",)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"region": "right-temple", "view": "front"}, "either a region or view"),
        ({"view": "side", "x": 1, "y": 1}, "unknown view 'side'"),
        ({"view": "front", "x": "1", "y": 1}, "x must be a number"),
        ({"view": "front", "x": float("nan"), "y": 1}, "finite number"),
        ({"region": "right-temple", "intensity": 4}, "intensity must be 1"),
        ({"view": "front", "x": 1}, "missing y"),
    ],
)
def test_a_bad_spot_names_its_entry_and_place(vocabulary, item, message):
    with pytest.raises(DiaryError, match="Entry 1 \\(2026-11-30\\), spot 1") as raised:
        parse_diary(diary(entry("2026-11-30T08:00", spots=[item])), vocabulary, TODAY)
    assert message in str(raised.value)
