"""POST /api/lookup: the contract and every bad input."""

import json

import pytest

from tests.conftest import assert_api_error


def temple(atlas):
    x, y = atlas.regions["right-temple"].label_point
    return {"view": "front", "x": x, "y": y}


def test_lookup_ranks_candidates_best_first(client, atlas):
    body = {
        "points": [temple(atlas), {"region": "right-heel", "intensity": 3}],
        "limit": 5,
    }
    response = client.post("/api/lookup", json=body)
    assert response.status_code == 200
    candidates = response.get_json()["candidates"]
    assert 0 < len(candidates) <= 5
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)
    for candidate in candidates:
        assert {
            "muscle",
            "name",
            "trigger_point",
            "side",
            "score",
            "explains",
            "explanation",
        } <= set(candidate)
        assert candidate["side"] in {"left", "right", "midline"}
        assert set(candidate["explains"]) <= {0, 1}
        assert candidate["explanation"].startswith("explains ")


def test_right_temple_pain_ranks_right_upper_trapezius(client, atlas):
    candidates = client.post(
        "/api/lookup", json={"points": [temple(atlas)]}
    ).get_json()["candidates"]
    trapezius = [c for c in candidates if c["muscle"] == "upper-trapezius"]
    assert trapezius and all(c["side"] == "right" for c in trapezius)


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


def test_a_body_over_64_kib_is_rejected(client):
    raw = json.dumps({"points": [{"region": "right-temple"}], "pad": "x" * 70_000})
    response = client.post("/api/lookup", data=raw, content_type="application/json")
    assert_api_error(response, 400, "64 KiB")


def test_lookup_only_accepts_post(client):
    assert_api_error(client.get("/api/lookup"), 405)
