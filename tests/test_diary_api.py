"""POST /api/diary/report: guidance and drawings for a diary, answered and forgotten."""

import json
import logging

import pytest

from tests.conftest import assert_api_error

URL = "/api/diary/report"


def diary(*entries, version=1):
    return {"format": "bodymap-diary", "version": version, "entries": list(entries)}


def day(date, score, regions=("right-back-of-neck",), **extra):
    spots = [{"region": region, "intensity": 2} for region in regions]
    return {"at": f"{date}T09:00", "score": score, "spots": spots, **extra}


def post(client, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_the_answer_is_never_stored(client):
    response = post(client, diary(day("2026-11-02", 5)))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    failed = post(client, diary(day("2026-11-31", 5)))
    assert failed.headers["Cache-Control"] == "no-store"


def test_an_empty_diary_has_nothing_to_say(client):
    body = post(client, diary()).get_json()
    assert body["entries"] == 0
    assert body["guidance"] == [] and body["all_clear"] is None
    assert body["drawings"] == []
    assert "not a diagnosis" in body["disclaimer"]


def test_a_worsening_diary_says_stop_and_names_the_new_area(client, atlas):
    body = post(
        client,
        diary(
            day("2026-11-02", 4),
            day("2026-11-03", 5, session={"technique": "dry-needling", "soreness": 4}),
            day("2026-11-10", 5, session={"technique": "dry-needling", "soreness": 5}),
            day("2026-11-14", 7, regions=("right-back-of-neck", "right-temple")),
        ),
    ).get_json()
    rules = [item["rule"] for item in body["guidance"]]
    assert rules == ["worse-after-sessions", "spread"]
    assert {item["level"] for item in body["guidance"]} == {"stop"}
    assert body["guidance"][0]["title"] == "Stop and talk to your clinician"
    assert "7/10" in body["guidance"][0]["facts"][0]
    assert body["guidance"][0]["sources"][0]["citation"]
    assert body["changes"] == {
        "new": [{"id": "right-temple", "name": atlas.regions["right-temple"].title}],
        "gone": [],
    }
    assert body["all_clear"] is None


def test_the_first_and_latest_drawings_come_drawn_on_the_same_views(client, atlas):
    body = post(
        client,
        diary(
            day("2026-11-02", 4),
            day("2026-11-05", 3, regions=("right-temple",)),
        ),
    ).get_json()
    first, latest = body["drawings"]
    assert (first["label"], latest["label"]) == ("First entry", "Latest entry")
    assert [f["view"] for f in first["figures"]] == ["front", "back"]
    assert [f["view"] for f in latest["figures"]] == ["front", "back"]
    assert first["regions"] == [
        {
            "id": "right-back-of-neck",
            "name": atlas.regions["right-back-of-neck"].title,
            "intensity": 2,
            "intensity_name": "moderate",
        }
    ]
    svg = latest["figures"][0]["svg"]
    assert 'class="diary-area intensity-2 diary-new"' in svg
    assert "Latest entry: pain drawing, front view" in svg
    assert body["changes"]["gone"][0]["id"] == "right-back-of-neck"


def test_a_steady_diary_is_all_clear(client):
    body = post(client, diary(day("2026-11-02", 4), day("2026-11-03", 4))).get_json()
    assert body["guidance"] == []
    assert "Keep to the plan" in body["all_clear"]


def test_a_point_spot_is_resolved_to_its_region(client, atlas):
    x, y = atlas.regions["right-temple"].label_point
    entry = {
        "at": "2026-11-02T09:00",
        "score": 3,
        "spots": [{"view": "front", "x": x, "y": y, "intensity": 3}],
    }
    body = post(client, diary(entry)).get_json()
    assert body["drawings"][0]["regions"][0]["id"] == "right-temple"
    assert body["drawings"][0]["regions"][0]["intensity_name"] == "severe"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (diary(version=2), "version 2, but this bodymap reads version 1"),
        ({"entries": []}, "not a bodymap diary"),
        ([], "not a bodymap diary"),
        (
            diary(day("2026-02-30", 4)),
            "Entry 1: '2026-02-30T09:00' is not a valid date",
        ),
        (diary(day("30/11/2026", 4)), "use the form 2026-11-30T09:15"),
        (diary(day("2099-01-01", 4)), "2099-01-01 is in the future"),
        (
            diary(day("2026-11-02", 4, regions=("left-elbowz",))),
            "Entry 1 (2026-11-02), spot 1: unknown region 'left-elbowz'",
        ),
        (diary(day("2026-11-02", 11)), "pain score must be a whole number from 0"),
        (diary(day("2026-11-02", True)), "pain score must be a whole number"),
        (
            diary(day("2026-11-02", 4, session={"technique": "cupping"})),
            "unknown treatment technique 'cupping'",
        ),
        (
            diary(day("2026-11-02", 4, warnings=["headache"])),
            "unknown warning sign 'headache'",
        ),
        (
            diary(day("2026-11-02", 4), day("2026-11-02", 5)),
            "Entry 2: 2026-11-02 already has an entry (entry 1)",
        ),
        (diary(day("2026-11-02", 4, mood="ok")), "unknown field(s) mood"),
        (diary(day("2026-11-02", 4, notes="x" * 2001)), "at most 2000 characters"),
    ],
    ids=[
        "wrong-version",
        "no-format",
        "not-an-object",
        "impossible-date",
        "date-format",
        "future",
        "unknown-region",
        "score-range",
        "score-bool",
        "unknown-technique",
        "unknown-warning",
        "two-entries-a-day",
        "unknown-field",
        "long-notes",
    ],
)
def test_a_bad_diary_gets_a_clear_message(client, body, message):
    assert_api_error(post(client, body), 400, message)


def test_not_json_and_too_large_are_clear(client):
    response = client.post(URL, data=b"{nope", content_type="application/json")
    assert_api_error(response, 400, "not valid JSON")
    huge = json.dumps(diary(day("2026-11-02", 4, notes="x" * (3 * 1024 * 1024))))
    response = client.post(URL, data=huge, content_type="application/json")
    assert_api_error(response, 413, "too large")


def test_a_spot_off_the_body_is_rejected(client):
    entry = {
        "at": "2026-11-02T09:00",
        "score": 3,
        "spots": [{"view": "front", "x": 1, "y": 1}],
    }
    assert_api_error(post(client, diary(entry)), 400, "spot 1 is outside the body")


def test_nothing_from_the_diary_reaches_the_log(client, caplog):
    secret = "my private note about a bad week"
    caplog.set_level(logging.DEBUG)
    post(client, diary(day("2026-11-02", 4, notes=secret)))
    post(client, diary(day("2026-11-31", 4, notes=secret)))
    assert secret not in caplog.text
