"""The diagrams read as a trigger-point chart: smooth zones, crops, landmarks."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from shapely import LineString

from bodymap.atlas.lineart import lines_of
from bodymap.render.diagrams import pattern_overlay, views_of
from bodymap.render.svg import view_svg

SVG = "{http://www.w3.org/2000/svg}"
STEP = 2.0
SHARP = math.pi / 4
MAX_SHARP_PER_100 = 0.3


def _subpaths(d):
    """Yield each subpath of M/L/Q/Z path data as a list of points, finely sampled."""
    tokens = re.findall(r"[MLQZ]|-?\d+(?:\.\d+)?", d)
    points, current, index = [], None, 0
    while index < len(tokens):
        command = tokens[index]
        index += 1
        if command == "Z":
            if points:
                yield points
            points = []
            continue
        if command == "M":
            if points:
                yield points
            current = (float(tokens[index]), float(tokens[index + 1]))
            points = [current]
            index += 2
        elif command == "L":
            current = (float(tokens[index]), float(tokens[index + 1]))
            points.append(current)
            index += 2
        elif command == "Q":
            c = (float(tokens[index]), float(tokens[index + 1]))
            e = (float(tokens[index + 2]), float(tokens[index + 3]))
            start = current
            for k in range(1, 9):
                t = k / 8
                points.append(
                    tuple(
                        (1 - t) ** 2 * start[i] + 2 * (1 - t) * t * c[i] + t * t * e[i]
                        for i in (0, 1)
                    )
                )
            current = e
            index += 4
    if points:
        yield points


def _resample(points, step):
    """Return points every ``step`` units along a closed polyline, and its length."""
    samples, carry, length = [], 0.0, 0.0
    for index, a in enumerate(points):
        b = points[(index + 1) % len(points)]
        seg = math.dist(a, b)
        length += seg
        t = carry
        while t < seg:
            f = t / seg
            samples.append((a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])))
            t += step
        carry = t - seg
    return samples, length


def sharp_turns(d, step=STEP):
    """Return (turns sharper than 45°, outline length) of a path, sampled every 2."""
    corners, total = 0, 0.0
    for points in _subpaths(d):
        samples, length = _resample(points, step)
        if length < 4 or len(samples) < 3:
            continue
        total += length
        for i, b in enumerate(samples):
            a, c = samples[i - 1], samples[(i + 1) % len(samples)]
            u, v = (b[0] - a[0], b[1] - a[1]), (c[0] - b[0], c[1] - b[1])
            nu, nv = math.hypot(*u), math.hypot(*v)
            if nu < 1e-6 or nv < 1e-6:
                continue
            cos = max(-1.0, min(1.0, (u[0] * v[0] + u[1] * v[1]) / (nu * nv)))
            corners += math.acos(cos) > SHARP
    return corners, total


def muscle_diagrams(bundle):
    """Yield (muscle id, view, svg) for every muscle page's pattern diagrams."""
    for pattern in bundle.patterns.muscles.values():
        side = pattern.sides()[0]
        points = [p for p in pattern.trigger_points if p.side == side]
        for view_id in views_of(points):
            overlay = pattern_overlay(pattern, view_id, side=side)
            yield pattern.id, view_id, view_svg(bundle.atlas, view_id, overlay=overlay)


def zone_paths(svg):
    root = ET.fromstring(svg)
    for path in root.iter(f"{SVG}path"):
        names = path.get("class", "").split()
        if "zone" in names and {"essential", "spillover"} & set(names):
            if "legend-swatch" not in names:
                yield path.get("d")


def test_zone_outlines_are_smooth_over_every_muscle_page(bundle):
    corners, length, worst = 0, 0.0, []
    for muscle_id, view_id, svg in muscle_diagrams(bundle):
        for d in zone_paths(svg):
            c, n = sharp_turns(d)
            corners += c
            length += n
            if c:
                worst.append((c, muscle_id, view_id))
    per_100 = 100 * corners / length
    worst.sort(reverse=True)
    assert per_100 <= MAX_SHARP_PER_100, (round(per_100, 3), worst[:8])


def test_the_sharp_turn_measure_finds_a_square_corner():
    corners, length = sharp_turns("M0,0L20,0L20,20L0,20Z")
    assert corners == 4
    assert length == 80


@pytest.mark.parametrize("view_id", ["front", "back"])
def test_each_view_has_at_least_twelve_landmarks_on_their_regions(atlas, view_id):
    lines = lines_of(atlas.views[view_id])
    assert len(lines) >= 12
    for line in lines:
        shape = LineString(line.coords)
        middle = shape.interpolate(0.5, normalized=True)
        region = atlas.region_at(view_id, middle.x, middle.y)
        near = shape.intersection(atlas.regions[line.region].shape.buffer(2))
        # Its middle lies on the region, or half of it does (a midline mouth
        # between the lip regions, a crease along a border).
        assert region.id == line.region or near.length >= shape.length / 2, line


@pytest.mark.parametrize("view_id", ["front", "back"])
def test_the_map_draws_landmarks_and_hides_region_borders(atlas, view_id):
    root = ET.fromstring(view_svg(atlas, view_id, interactive=True))
    landmarks = [el for el in root.iter() if "landmark" in el.get("class", "").split()]
    assert len(landmarks) >= 12
    regions = root.findall(f".//{SVG}path[@data-region]")
    assert len(regions) == len(atlas.regions_of(view_id))
    assert all(region.get("stroke") is None for region in regions)


def test_the_front_view_has_a_face(atlas):
    root = ET.fromstring(view_svg(atlas, "front", interactive=True))
    classes = " ".join(el.get("class", "") for el in root.iter())
    for part in ("landmark-eye", "landmark-nose", "landmark-mouth", "landmark-ear"):
        assert part in classes


def _viewbox(svg):
    return [float(v) for v in ET.fromstring(svg).get("viewBox").split()]


def test_a_head_muscle_is_cropped_to_the_head_and_neck(bundle):
    pattern = bundle.patterns.muscles["temporalis"]
    for view_id in ("front", "back"):
        svg = view_svg(bundle.atlas, view_id, overlay=pattern_overlay(pattern, view_id))
        _x, _y, _w, height = _viewbox(svg)
        assert height <= 0.35 * bundle.atlas.views[view_id].height
        root = ET.fromstring(svg)
        texts = {t.text for t in root.iter(f"{SVG}text")}
        assert {"R", "L", view_id.upper()} <= texts
        assert root.find(f".//{SVG}g[@class='locator']") is not None


def test_every_crop_holds_its_zones_and_markers(bundle):
    for pattern in bundle.patterns.muscles.values():
        side = pattern.sides()[0]
        for point in (p for p in pattern.trigger_points if p.side == side):
            overlay = pattern_overlay(pattern, point.view, points=[point], side=side)
            svg = view_svg(bundle.atlas, point.view, overlay=overlay)
            x, y, width, height = _viewbox(svg)
            assert x - 0.1 <= point.x <= x + width + 0.1
            assert y - 0.1 <= point.y <= y + height + 0.1
            for _classes, shape in overlay.layers:
                minx, miny, maxx, maxy = shape.bounds
                assert minx >= x - 0.1 and maxx <= x + width + 0.1, pattern.id
                assert miny >= y - 0.1 and maxy <= y + height + 0.1, pattern.id


def test_a_refined_outline_keeps_every_listed_region_in_the_drawing(bundle):
    """A refined zone outline no longer hides listed regions it does not reach."""
    checked = 0
    for point in bundle.patterns.trigger_points:
        for zone, refined in point.spec.zone_shapes.items():
            drawn = point.shapes[zone][refined.view]
            for region_id in point.zones[zone]:
                region = bundle.atlas.regions[region_id]
                if region.view == refined.view:
                    assert drawn.intersection(region.shape).area > 0, (
                        point.key,
                        region_id,
                    )
                    checked += 1
    assert checked
