"""The JSON API contract: views, regions, muscles and the error shape."""

import pytest
from shapely import Point

from tests.conftest import assert_api_error


def test_views_lists_front_and_back_with_their_size(client):
    views = client.get("/api/views").get_json()["views"]
    assert [view["id"] for view in views] == ["front", "back"]
    for view in views:
        assert view["width"] > 0 and view["height"] > view["width"]


@pytest.mark.parametrize("view", ["front", "back"])
def test_regions_of_a_view_have_names_sides_and_inner_label_points(client, atlas, view):
    regions = client.get(f"/api/regions?view={view}").get_json()["regions"]
    assert len(regions) >= 60
    for region in regions:
        assert set(region) == {"id", "name", "view", "side", "label_point"}
        assert region["view"] == view
        assert region["side"] in {"left", "right", "midline"}
        shape = atlas.regions[region["id"]].shape
        assert shape.contains(Point(region["label_point"]))


def test_regions_without_a_view_lists_both_views(client):
    regions = client.get("/api/regions").get_json()["regions"]
    assert {region["view"] for region in regions} == {"front", "back"}


@pytest.mark.parametrize("query", ["view=side", "view=", "view=FRONT"])
def test_an_unknown_view_is_a_400(client, query):
    assert_api_error(client.get(f"/api/regions?{query}"), 400, "unknown view")


def test_muscles_lists_every_muscle_with_area_and_count(client, bundle):
    muscles = client.get("/api/muscles").get_json()["muscles"]
    assert len(muscles) == len(bundle.dataset.muscles)
    trapezius = next(m for m in muscles if m["id"] == "upper-trapezius")
    assert trapezius == {
        "id": "upper-trapezius",
        "name": "Upper trapezius",
        "area": "neck",
        "trigger_points": len(bundle.dataset.muscles["upper-trapezius"].trigger_points),
    }


def test_a_muscle_has_trigger_points_for_both_sides(client):
    muscle = client.get("/api/muscles/upper-trapezius").get_json()
    points = muscle["trigger_points"]
    assert {point["side"] for point in points} == {"right", "left"}
    right = next(
        p for p in points if p["id"] == "upper-trapezius-1" and p["side"] == "right"
    )
    assert right["view"] == "back" and right["x"] > 210
    assert "right-temple" in right["essential"]
    left = next(
        p for p in points if p["id"] == "upper-trapezius-1" and p["side"] == "left"
    )
    assert left["x"] < 210 and "left-temple" in left["essential"]
    for point in points:
        assert {"local", "essential", "spillover", "techniques", "sources"} <= set(
            point
        )


def test_a_muscle_carries_techniques_with_contraindications_and_sources(client):
    muscle = client.get("/api/muscles/upper-trapezius").get_json()
    techniques = {t["id"]: t for t in muscle["techniques"]}
    assert techniques["pressure-release"]["instructions"]
    assert techniques["dry-needling"]["performer"] == "clinician"
    assert techniques["dry-needling"]["contraindications"]
    assert muscle["sources"] and all(s["citation"] for s in muscle["sources"])


def test_an_unknown_muscle_is_a_404(client):
    assert_api_error(client.get("/api/muscles/no-such-muscle"), 404, "no-such-muscle")


@pytest.mark.parametrize("path", ["/api/nothing-here", "/api/0%0A", "/api/a%0Ab/c"])
def test_an_unknown_api_route_is_a_json_404(client, path):
    assert_api_error(client.get(path), 404)
    assert_api_error(client.put(path), 404)


def test_a_wrong_method_is_a_json_405(client):
    assert_api_error(client.delete("/api/muscles"), 405)


def test_an_answer_orjson_cannot_encode_still_goes_out(app):
    """Integers beyond 64 bits fall back to the standard library, not a 500."""
    with app.test_request_context():
        response = app.json.response({"big": 2**70, "names": ("a", "b")})
    assert response.get_json() == {"big": 2**70, "names": ["a", "b"]}
