"""Which diagrams a page shows: plain records from bodymap.figures, drawn one way."""

import ast
from pathlib import Path

import pytest

import bodymap
from bodymap import figures
from tests.conftest import SVG, parse_svg

PACKAGE = Path(bodymap.__file__).parent


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "web" not in p.relative_to(PACKAGE).parts
        and p.name not in ("__init__.py", "cli.py")
    ),
)
def test_modules_below_the_web_layer_never_import_flask(path):
    modules = set(imported_modules(PACKAGE / path))
    assert not {m for m in modules if m.split(".")[0] in ("flask", "werkzeug")}
    assert not {m for m in modules if m.startswith("bodymap.web")}


def test_every_api_route_is_in_the_api_blueprint(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api"):
            assert rule.endpoint.startswith("api."), rule.rule
        else:
            assert not rule.endpoint.startswith("api."), rule.rule


def test_no_web_module_is_over_350_lines():
    for path in (PACKAGE / "web").glob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 350, f"{path.name} has {lines} lines"


def test_a_muscle_shows_one_figure_per_view_of_its_studied_side(bundle):
    pattern = bundle.patterns.muscles["upper-trapezius"]
    shown = figures.muscle_figures(pattern)
    assert [f.view for f in shown] == pattern.views()
    assert all(f.crop is None and not f.interactive for f in shown)
    assert len({f.prefix for f in shown}) == len(shown)
    drawn = [parse_svg(figures.draw(bundle.atlas, f)) for f in shown]
    assert [root.get("aria-label") for root in drawn] == [f.title for f in shown]
    markers = [
        el
        for root in drawn
        for el in root.iter(f"{SVG}g")
        if "trigger-point" in el.get("class", "")
    ]
    assert len(markers) == len(pattern.points_on()) > 0


def test_a_thumbnail_is_framed_on_its_pattern(bundle):
    pattern = bundle.patterns.muscles["soleus"]
    thumb = figures.muscle_thumbnail(bundle.atlas, pattern)
    assert thumb.css_class == "thumbnail"
    root = parse_svg(figures.draw(bundle.atlas, thumb))
    _x, y, _width, height = map(float, root.get("viewBox").split())
    assert height < bundle.atlas.views[thumb.view].height and y > 0


def test_the_map_is_one_interactive_figure_per_view(atlas):
    shown = figures.map_figures(atlas, prefix="study")
    assert [(f.view, f.prefix) for f in shown] == [
        (v, f"study-{v}") for v in atlas.views
    ]
    assert all(f.interactive for f in shown)


def test_referral_lines_join_only_the_spots_a_trigger_point_explains(bundle):
    engine = bundle.lookup
    pattern = bundle.patterns.muscles["upper-trapezius"]
    point = next(p for p in pattern.points_on() if p.zones["essential"])
    explained = engine.spot_in_region(point.zones["essential"][0])
    elsewhere_region = next(
        r
        for r in bundle.atlas.regions_of(point.view)
        if not any(
            shapes[point.view].intersects(r.shape)
            for shapes in point.shapes.values()
            if point.view in shapes
        )
    )
    unexplained = engine.spot_in_region(elsewhere_region.id)
    spots = [explained, unexplained]
    candidate = next(
        c for c in engine.rank(spots, limit=100) if c.point.key == point.key
    )
    assert candidate.trigger_points[0].explains == (0,)
    [figure] = [
        f
        for f in figures.candidate_figures(candidate, spots, 1)
        if f.view == point.view
    ]
    assert figure.overlay.lines == [(point.x, point.y, explained.x, explained.y)]
    root = parse_svg(figures.draw(bundle.atlas, figure))
    lines = [el for el in root.iter(f"{SVG}line") if el.get("class") == "referral-line"]
    assert len(lines) == 1
    assert len(root.findall(f".//{SVG}circle[@class='spot']")) == 2


def test_a_comparison_draws_each_pattern_and_their_overlap(bundle):
    first = bundle.patterns.muscles["upper-trapezius"]
    other_id, score = bundle.similarity.ranked(first.id)[0]
    assert score > 0
    shown = figures.compare_figures(
        bundle.atlas, [first, bundle.patterns.muscles[other_id]]
    )
    classes = {c for f in shown for c, _ in f.overlay.layers}
    assert {"compare series-0", figures.OVERLAP_CLASSES} <= classes
