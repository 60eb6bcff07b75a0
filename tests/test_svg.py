"""SVG output: well formed, scalable, named regions, patterns that survive greyscale."""

import pytest

from bodymap.render.diagrams import pattern_overlay
from bodymap.render.svg import view_svg
from tests.conftest import SVG
from tests.conftest import parse_svg as parse


@pytest.mark.parametrize("view", ["front", "back"])
def test_the_map_has_a_viewbox_and_one_named_button_per_region(atlas, view):
    root = parse(view_svg(atlas, view, interactive=True))
    assert root.get("viewBox") == "0 0 420 980"
    assert root.get("width") is None
    regions = root.findall(f".//{SVG}path[@data-region]")
    assert len(regions) == len(atlas.regions_of(view))
    for element in regions:
        region = atlas.regions[element.get("data-region")]
        assert element.get("role") == "button"
        assert element.get("aria-pressed") == "false"
        assert element.get("aria-label") == region.title
        assert element.get("id") == f"region-{region.id}"


def test_the_map_labels_the_persons_sides(atlas):
    root = parse(view_svg(atlas, "front", interactive=True))
    labels = {t.text: float(t.get("x")) for t in root.iter(f"{SVG}text")}
    assert labels["R"] < 210 < labels["L"]
    root = parse(view_svg(atlas, "back", interactive=True))
    labels = {t.text: float(t.get("x")) for t in root.iter(f"{SVG}text")}
    assert labels["L"] < 210 < labels["R"]


def test_rendering_is_deterministic(atlas):
    assert view_svg(atlas, "back", interactive=True) == view_svg(
        atlas, "back", interactive=True
    )


def test_a_pattern_overlay_draws_marker_zones_outline_and_legend(bundle):
    pattern = bundle.patterns.muscles["upper-trapezius"]
    svg = view_svg(
        bundle.atlas, "back", overlay=pattern_overlay(pattern, "back"), prefix="t"
    )
    root = parse(svg)
    classes = [el.get("class", "") for el in root.iter()]
    assert any("zone essential" in c for c in classes)
    spillover = [
        el for el in root.iter(f"{SVG}path") if "spillover" in el.get("class", "")
    ]
    essential = [
        el for el in root.iter(f"{SVG}path") if "essential" in el.get("class", "")
    ]
    # Essential and spillover differ by fill pattern, not only by colour.
    assert spillover and spillover[0].get("fill") == "url(#t-stipple)"
    assert essential and essential[0].get("fill") is None
    assert root.find(f".//{SVG}pattern[@id='t-stipple']") is not None
    assert any("muscle-outline" in c for c in classes)
    markers = [
        el for el in root.iter(f"{SVG}g") if "marker" in el.get("class", "").split()
    ]
    assert len(markers) == 2
    legend = root.find(f".//{SVG}g[@id='t-legend']")
    assert "Trigger point" in "".join(legend.itertext())


def test_the_right_side_pattern_is_drawn_on_the_persons_right(bundle):
    pattern = bundle.patterns.muscles["upper-trapezius"]
    overlay = pattern_overlay(pattern, "back", side="right")
    assert all(x > 210 for _classes, x, _y, _label in overlay.markers)
    overlay = pattern_overlay(pattern, "back", side="left")
    assert all(x < 210 for _classes, x, _y, _label in overlay.markers)


def test_a_thumbnail_frames_the_pattern_not_the_whole_figure(bundle):
    pattern = bundle.patterns.muscles["soleus"]
    overlay = pattern_overlay(pattern, "back")
    svg = view_svg(bundle.atlas, "back", overlay=overlay, css_class="thumbnail")
    x, y, width, height = map(float, parse(svg).get("viewBox").split())
    assert height < 980 and width / height == pytest.approx(0.75, abs=0.01)
    for _classes, mx, my, _label in overlay.markers:
        assert x <= mx <= x + width and y <= my <= y + height
