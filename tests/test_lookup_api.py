"""POST /api/lookup: the contract and every bad input."""

import json

import pytest

from tests.conftest import WIDESPREAD_DRAWING, assert_api_error


def temple(atlas):
    x, y = atlas.regions["right-temple"].label_point
    return {"view": "front", "x": x, "y": y}


CANDIDATE_FIELDS = {
    "muscle",
    "name",
    "side",
    "score",
    "explains",
    "explanation",
    "trigger_points",
}


def lookup(client, *points, limit=None):
    body = {"points": list(points)}
    if limit is not None:
        body["limit"] = limit
    response = client.post("/api/lookup", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_lookup_answers_the_contract(client, atlas):
    answer = lookup(client, temple(atlas), {"region": "right-heel", "intensity": 3})
    assert set(answer) == {"candidates", "widespread"}
    assert set(answer["widespread"]) == {"index", "regions", "flag"}
    assert answer["widespread"] == {"index": 0, "regions": [], "flag": False}
    candidates = answer["candidates"]
    assert 0 < len(candidates) <= 20
    for candidate in candidates:
        assert set(candidate) == CANDIDATE_FIELDS
        assert candidate["side"] in {"left", "right", "midline"}
        assert set(candidate["explains"]) <= {0, 1}
        assert candidate["explanation"].startswith("explains ")
        assert candidate["trigger_points"]
        covered = set()
        for point in candidate["trigger_points"]:
            assert set(point) == {"id", "label", "explains"}
            assert point["id"].startswith(candidate["muscle"])
            assert point["explains"]
            covered |= set(point["explains"])
        assert covered == set(candidate["explains"])


def test_muscles_are_unique_per_side_and_best_first(client, atlas):
    answer = lookup(
        client,
        {"region": "right-temple"},
        {"region": "right-back-of-neck"},
        {"region": "right-top-of-shoulder"},
        limit=30,
    )
    candidates = answer["candidates"]
    keys = [(c["muscle"], c["side"]) for c in candidates]
    assert len(keys) == len(set(keys))
    complete = [len(c["explains"]) == 3 for c in candidates]
    assert complete == sorted(complete, reverse=True)
    first = candidates[0]
    assert (first["muscle"], first["side"]) == ("upper-trapezius", "right")
    assert first["explains"] == [0, 1, 2]
    assert first["explanation"].startswith("explains all 3 of your spots")
    assert {p["id"] for p in first["trigger_points"]} >= {
        "upper-trapezius-1",
        "upper-trapezius-2",
    }


def test_right_temple_pain_ranks_right_upper_trapezius(client, atlas):
    candidates = lookup(client, temple(atlas))["candidates"]
    trapezius = [c for c in candidates if c["muscle"] == "upper-trapezius"]
    assert [c["side"] for c in trapezius] == ["right"]


def test_widespread_pain_is_flagged(client):
    answer = lookup(client, *({"region": r} for r in WIDESPREAD_DRAWING))
    assert answer["widespread"] == {
        "index": 7,
        "regions": ["left-upper", "right-upper", "left-lower", "right-lower", "axial"],
        "flag": True,
    }


BAD = [
    ({"points": []}, "empty"),
    ({}, "missing field points"),
    ({"points": "temple"}, "must be a list"),
    ({"points": [{"region": "right-temple"}], "colour": "red"}, "unknown field"),
    ({"points": [{"region": "right-temple", "size": 2}]}, "unknown field"),
    ({"points": [{"region": "nowhere"}]}, "unknown region"),
    ({"points": [{"view": "side", "x": 1, "y": 1}]}, "unknown view"),
    ({"points": [{"view": "front", "x": "1", "y": 1}]}, "x must be a number"),
    ({"points": [{"view": "front", "x": True, "y": 1}]}, "x must be a number"),
    ({"points": [{"view": "front", "x": 150}]}, "missing y"),
    (
        {"points": [{"view": "front", "x": 3, "y": 3}]},
        "point 0 (front, x=3, y=3) is outside",
    ),
    ({"points": [{"region": "right-temple", "intensity": 4}]}, "intensity"),
    ({"points": [{"region": "right-temple", "intensity": 2.5}]}, "intensity"),
    ({"points": [{"region": "right-temple"}], "limit": 0}, "limit"),
    ({"points": [{"region": "right-temple"}], "limit": 101}, "limit"),
    ({"points": [{"region": "right-temple"}] * 201}, "too many points"),
    ({"points": ["right-temple"]}, "must be an object"),
    ([1, 2], "must be a json object"),
]


@pytest.mark.parametrize("body, fragment", BAD, ids=[b[1] for b in BAD])
def test_bad_input_gets_a_clear_400(client, body, fragment):
    assert_api_error(client.post("/api/lookup", json=body), 400, fragment)


@pytest.mark.parametrize(
    "raw",
    [
        '{"points": [{"view": "front", "x": NaN, "y": 1}]}',
        '{"points": [{"view": "front", "x": 1e999, "y": 1}]}',
    ],
)
def test_non_finite_numbers_are_rejected(client, raw):
    response = client.post("/api/lookup", data=raw, content_type="application/json")
    assert_api_error(response, 400, "finite")


@pytest.mark.parametrize("raw", ["not json", "", "{" * 5000])
def test_a_body_that_is_not_json_is_rejected(client, raw):
    response = client.post("/api/lookup", data=raw, content_type="application/json")
    assert_api_error(response, 400)


def test_a_body_over_64_kib_is_a_413(client):
    raw = json.dumps({"points": [{"region": "right-temple"}], "pad": "x" * 70_000})
    response = client.post("/api/lookup", data=raw, content_type="application/json")
    assert_api_error(response, 413, "64 KiB")


def test_lookup_only_accepts_post(client):
    assert_api_error(client.get("/api/lookup"), 405)
