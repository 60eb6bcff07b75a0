"""The body atlas: regions tile the figure, sides are right, borders are stable."""

import random

import pytest
import shapely
from shapely import Point, affinity, unary_union
from shapely.testing import assert_geometries_equal

from bodymap.atlas import CENTRE, EDGE_TOLERANCE, HEIGHT, WIDTH

VIEWS = ["front", "back"]
TOLERANCE = 0.5  # square view units of gap or overlap allowed in a whole view


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_has_at_least_sixty_named_regions(atlas, view):
    regions = atlas.regions_of(view)
    assert len(regions) >= 60
    for region in regions:
        if region.side == "midline":
            assert not region.name.startswith(("right ", "left "))
        else:
            assert region.name.startswith(f"{region.side} ")
            assert region.id.startswith(f"{region.side}-")


def test_region_ids_are_unique_across_views(atlas):
    ids = [region.id for view in VIEWS for region in atlas.regions_of(view)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("view", VIEWS)
def test_regions_tile_the_silhouette_without_gaps_or_overlaps(atlas, view):
    shapes = [region.shape for region in atlas.regions_of(view)]
    silhouette = atlas.silhouettes[view]
    union = unary_union(shapes)
    assert union.symmetric_difference(silhouette).area < TOLERANCE
    assert abs(sum(shape.area for shape in shapes) - silhouette.area) < TOLERANCE


@pytest.mark.parametrize("view", VIEWS)
def test_every_region_is_one_valid_piece_with_its_label_inside(atlas, view):
    for region in atlas.regions_of(view):
        assert region.shape.is_valid, region.id
        assert region.shape.geom_type == "Polygon", region.id
        assert region.shape.contains(Point(region.label_point)), region.id


@pytest.mark.parametrize("view", VIEWS)
def test_left_regions_mirror_right_regions(atlas, view):
    for region in atlas.regions_of(view):
        if region.side != "right":
            continue
        twin = atlas.regions[atlas.mirror_region_id(region.id)]
        mirrored = affinity.scale(region.shape, xfact=-1, origin=(CENTRE, 0))
        assert_geometries_equal(
            shapely.normalize(mirrored), shapely.normalize(twin.shape), tolerance=1e-6
        )


@pytest.mark.parametrize("view", VIEWS)
def test_silhouette_is_symmetric_and_inside_the_view(atlas, view):
    silhouette = atlas.silhouettes[view]
    mirrored = affinity.scale(silhouette, xfact=-1, origin=(CENTRE, 0))
    assert silhouette.symmetric_difference(mirrored).area < TOLERANCE
    minx, miny, maxx, maxy = silhouette.bounds
    assert 0 < minx and maxx < WIDTH and 0 < miny and maxy < HEIGHT


def test_front_view_shows_the_persons_right_on_the_viewers_left(atlas):
    temple = atlas.regions["right-temple"]
    assert temple.view == "front"
    assert temple.label_point[0] < CENTRE
    assert atlas.views["front"].side_of(100) == "right"


def test_back_view_shows_the_persons_right_on_the_viewers_right(atlas):
    heel = atlas.regions["right-heel"]
    assert heel.view == "back"
    assert heel.label_point[0] > CENTRE
    assert atlas.views["back"].side_of(300) == "right"


def test_figure_has_believable_proportions(atlas):
    # Eight heads tall: the head is about an eighth of the height, the
    # shoulders about two heads wide, the hands reach the middle of the thigh.
    front = atlas.silhouettes["front"]
    minx, top, maxx, bottom = front.bounds
    head = atlas.regions["forehead"].shape.bounds
    height = bottom - top
    chin = atlas.regions["chin"].shape.bounds[3]
    assert 0.11 < (chin - top) / height < 0.14
    fingertip = atlas.regions["right-middle-finger-palmar"].shape.bounds[3]
    assert 0.52 < (fingertip - top) / height < 0.62
    assert head[1] == pytest.approx(top, abs=1)


def test_a_point_inside_a_region_finds_it(atlas):
    temple = atlas.regions["right-temple"]
    assert atlas.region_at("front", *temple.label_point) is temple


def test_a_point_on_a_shared_border_resolves_to_one_region_every_time(atlas):
    temple, ear = atlas.regions["right-temple"], atlas.regions["right-ear"]
    border = temple.shape.intersection(ear.shape)
    assert border.length > 0
    x, y = shapely.get_coordinates(border)[0]  # a vertex both outlines share
    assert temple.shape.intersects(Point(x, y)) and ear.shape.intersects(Point(x, y))
    found = {atlas.region_at("front", x, y).id for _ in range(5)}
    assert found == {min(temple.id, ear.id)}


def test_a_click_just_off_the_edge_goes_to_the_nearest_region(atlas):
    silhouette = atlas.silhouettes["front"]
    minx = silhouette.bounds[0]
    leftmost = min(silhouette.exterior.coords, key=lambda c: c[0])
    region = atlas.region_at("front", minx - 2, leftmost[1])
    assert region is not None and region.side == "right"


def test_a_point_far_from_the_body_finds_nothing(atlas):
    assert atlas.region_at("front", 5, 5) is None


def _region_at_by_testing_every_region(atlas, view, x, y):
    regions = atlas.regions_of(view)
    point = Point(x, y)
    hits = [region for region in regions if region.shape.intersects(point)]
    if not hits:
        near = [region.shape.distance(point) for region in regions]
        hits = [
            region
            for region, distance in zip(regions, near, strict=True)
            if distance <= EDGE_TOLERANCE and distance == min(near)
        ]
    return min(hits, key=lambda region: region.id) if hits else None


@pytest.mark.parametrize("view", VIEWS)
def test_a_click_finds_the_same_region_as_testing_every_region(atlas, view):
    """The click grid answers exactly, on its squares' edges and off the body too."""
    rng = random.Random(7)
    clicks = [
        (rng.uniform(-6, WIDTH + 6), rng.uniform(-6, HEIGHT + 6)) for _ in range(600)
    ]
    # Whole numbers fall on grid lines; shared borders' corners are hardest.
    clicks += [(round(x), round(y)) for x, y in clicks[:200]]
    for region in atlas.regions_of(view)[::3]:
        clicks += [tuple(xy) for xy in shapely.get_coordinates(region.shape)[::7]]
    for x, y in clicks:
        expected = _region_at_by_testing_every_region(atlas, view, x, y)
        assert atlas.region_at(view, x, y) == expected, (view, x, y)


def test_neighbours_share_a_border(atlas):
    assert "right-ear" in atlas.neighbours("right-temple")
    assert "left-temple" not in atlas.neighbours("right-temple")
    for neighbour in atlas.neighbours("right-heel"):
        assert atlas.regions[neighbour].view == "back"


def test_zoom_boxes_frame_the_small_regions(atlas):
    boxes = {zoom_id: per_view for zoom_id, _label, per_view in atlas.zoom_boxes()}
    for zoom_id, region_id in [
        ("right-hand", "right-index-finger-palmar"),
        ("left-hand", "left-index-finger-palmar"),
        ("feet", "right-big-toe"),
        ("head", "right-temple"),
    ]:
        x, y, width, height = map(float, boxes[zoom_id]["front"].split())
        minx, miny, maxx, maxy = atlas.regions[region_id].shape.bounds
        assert x <= minx and maxx <= x + width and y <= miny and maxy <= y + height


@pytest.mark.parametrize(
    ("region_id", "view", "neighbour"),
    [
        ("perineum", "front", "pubic"),
        ("right-iliac-crest", "back", "right-flank"),
        ("right-greater-trochanter", "back", "right-outer-hip"),
        ("right-upper-teeth", "front", "nose-and-mouth"),
        ("right-lower-teeth", "front", "right-lower-jaw"),
        ("right-index-finger-thumb-side-palmar", "front", "right-index-finger-palmar"),
        ("right-index-finger-thumb-side-dorsal", "back", "right-index-finger-dorsal"),
        (
            "right-little-finger-outer-side-palmar",
            "front",
            "right-little-finger-palmar",
        ),
        ("right-little-finger-outer-side-dorsal", "back", "right-little-finger-dorsal"),
    ],
)
def test_the_landmarks_reviewers_asked_for_are_regions(
    atlas, region_id, view, neighbour
):
    region = atlas.regions[region_id]
    assert region.view == view
    assert neighbour in atlas.neighbours(region_id)
    assert atlas.region_at(view, *region.label_point) == region


@pytest.mark.parametrize(
    ("region_id", "zoom_id"),
    [
        ("right-elbow-crease", "right-elbow"),
        ("left-elbow-crease", "left-elbow"),
        ("right-back-of-elbow", "right-elbow"),
        ("left-outer-elbow", "left-elbow"),
        ("right-ear", "head"),
        ("left-middle-finger-dorsal", "left-hand"),
        ("right-big-toe", "feet"),
    ],
)
def test_a_small_region_names_the_close_up_that_holds_it(atlas, region_id, zoom_id):
    assert atlas.zoom_of(region_id) == zoom_id
    region = atlas.regions[region_id]
    boxes = {zoom: per_view for zoom, _label, per_view in atlas.zoom_boxes()}
    x, y, width, height = map(float, boxes[zoom_id][region.view].split())
    label_x, label_y = region.label_point
    assert x <= label_x <= x + width and y <= label_y <= y + height


def test_the_left_elbow_close_up_mirrors_the_right(atlas):
    boxes = {zoom: per_view for zoom, _label, per_view in atlas.zoom_boxes()}
    assert boxes["right-elbow"]["front"] == boxes["left-elbow"]["back"]
    assert boxes["left-elbow"]["front"] == boxes["right-elbow"]["back"]
