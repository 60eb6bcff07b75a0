"""Which diagrams a page shows: the view, the overlay, the frame and the title.

Every page, download and the review sheet asks this module for its figures
and gets plain :class:`Figure` records back; :func:`draw` is the one place a
figure becomes SVG (through :mod:`bodymap.render.svg`).  Views and templates
never call the renderer themselves, so a change to what a diagram shows
happens here and a change to how it is drawn happens in :mod:`bodymap.render`.

Nothing here knows about Flask: functions take the bundle's parts (atlas,
patterns, lookup results) and return data.
"""

from dataclasses import dataclass, replace
from itertools import combinations

from shapely import unary_union

from bodymap.atlas import VIEW_IDS
from bodymap.render.diagrams import (
    MARKER_LEGEND,
    candidate_overlay,
    markers_on,
    pattern_overlay,
    views_of,
)
from bodymap.render.shapes import Frame
from bodymap.render.svg import SERIES_PATTERNS, Overlay, view_svg, zone_paths
from bodymap.study.similarity import referred_shapes

SERIES = ("series-0", *SERIES_PATTERNS)
"""One colour and fill pattern per compared muscle (solid, stripes, dots, bars)."""
OVERLAP_CLASSES = "overlap fill-cross"
MAX_COMPARED = len(SERIES)


@dataclass(frozen=True)
class Figure:
    """One diagram as a page shows it.

    ``prefix`` makes the SVG's ids unique on its page; ``crop`` is a
    :class:`~bodymap.render.shapes.Frame` to show, or None for the renderer's
    choice (a pattern is cropped to its body area, a map shows the whole
    view); ``interactive`` makes each region a button of the pain drawing.
    """

    view: str
    title: str
    prefix: str
    overlay: Overlay | None = None
    crop: Frame | None = None
    interactive: bool = False
    css_class: str = "body-map"
    caption: str = ""


def draw(atlas, figure, stylesheet=None, clip=True):
    """Return a figure as an SVG document string (the one way figures are drawn).

    :param stylesheet: CSS text to embed, for a file opened on its own.
    :param clip: clip to the frame (only an image rendered at the frame's own
        size can do without).
    """
    return view_svg(
        atlas,
        figure.view,
        overlay=figure.overlay,
        interactive=figure.interactive,
        prefix=figure.prefix,
        title=figure.title,
        stylesheet=stylesheet,
        css_class=figure.css_class,
        frame=figure.crop,
        clip=clip,
    )


def _caption(view_id):
    return f"{view_id.capitalize()} view"


def _side_words(side):
    return "midline" if side == "midline" else f"{side} side"


# ---------------------------------------------------------------- the body map


def map_figures(atlas, prefix="map"):
    """Return the clickable body map, one figure per view."""
    return [
        Figure(
            view=view_id,
            title=f"Body map, {view_id} view",
            prefix=f"{prefix}-{view_id}",
            interactive=True,
            caption=_caption(view_id),
        )
        for view_id in atlas.views
    ]


def drawing_figures(atlas, spots):
    """Return the person's pain drawing on each view that has a spot.

    Each marked place is shaded as the whole region it lies in (darker for
    more pain), with a ring at the spot, so a printout reads as a pain drawing.
    """
    views = [v for v in atlas.views if any(spot.view == v for spot in spots)]
    return [
        Figure(
            view=view_id,
            title=f"Your pain drawing, {view_id} view",
            prefix=f"drawing-{view_id}",
            overlay=Overlay(
                layers=[
                    (
                        f"drawing-area intensity-{s.intensity}",
                        atlas.regions[s.region_id].shape,
                    )
                    for s in spots
                    if s.view == view_id
                ],
                spots=[
                    (s.x, s.y, "Your pain spot") for s in spots if s.view == view_id
                ],
            ),
            caption=_caption(view_id),
        )
        for view_id in views
    ]


def diary_figures(atlas, entry, views, label, prefix, new=()):
    """Return one diary entry's drawing on ``views``, for side-by-side comparison.

    Each marked region is shaded by the worst intensity marked there (the
    classes ``diary-area intensity-N``); regions in ``new`` are also
    ``diary-new`` (outlined in the diary's stylesheet); spots keep their place.
    """
    worst = entry.worst
    return [
        Figure(
            view=view_id,
            title=f"{label}: pain drawing, {view_id} view",
            prefix=f"{prefix}-{view_id}",
            overlay=Overlay(
                layers=[
                    (
                        f"diary-area intensity-{level}"
                        + (" diary-new" if region_id in new else ""),
                        atlas.regions[region_id].shape,
                    )
                    for region_id, level in worst.items()
                    if atlas.regions[region_id].view == view_id
                ],
                spots=[
                    (spot.x, spot.y, atlas.regions[spot.region].title)
                    for spot in entry.spots
                    if spot.view == view_id
                ],
            ),
            caption=_caption(view_id),
        )
        for view_id in views
    ]


def candidate_figures(candidate, spots, index):
    """Return a candidate muscle's pattern over the person's spots, per view.

    Every contributing trigger point is drawn with its zones; lines join each
    trigger point only to the spots it explains.
    """
    muscle = candidate.muscle
    views = views_of([match.point for match in candidate.trigger_points])
    return [
        Figure(
            view=view_id,
            title=f"{muscle.name} ({candidate.side}): pattern over your pain, "
            f"{view_id} view",
            prefix=f"cand-{index}-{view_id}",
            overlay=_candidate_overlay(candidate, view_id, spots),
            caption=_caption(view_id),
        )
        for view_id in views
    ]


def _candidate_overlay(candidate, view_id, spots):
    """Return one overlay of all a candidate's contributing trigger points."""
    parts = [
        candidate_overlay(
            match.point, view_id, spots, explained=[spots[i] for i in match.explains]
        )
        for match in candidate.trigger_points
    ]
    first = parts[0]
    return Overlay(
        layers=[layer for part in parts for layer in part.layers],
        markers=[marker for part in parts for marker in part.markers],
        legend=list(dict.fromkeys(item for part in parts for item in part.legend)),
        spots=first.spots,
        lines=[line for part in parts for line in part.lines],
        muscles=first.muscles,
    )


def map_zones(atlas, figures):
    """Return {view: [[classes, path data], ...]}: the figures' zones for the map.

    A candidate's smooth zones, exactly as its diagrams draw them, for the
    clickable map to show in a layer over the whole figure.
    """
    return {
        figure.view: [
            list(pair) for pair in zone_paths(atlas, figure.view, figure.overlay)
        ]
        for figure in figures
        if figure.overlay is not None
    }


# ---------------------------------------------------------------- muscles


def pattern_title(pattern, points, side, view_id):
    """Return a diagram title such as "Soleus, TrP1: right side, back view"."""
    which = points[0].spec.label if len(points) == 1 else "referral pattern"
    return f"{pattern.muscle.name}, {which}: {_side_words(side)}, {view_id} view"


def muscle_figures(pattern, prefix="muscle", others=()):
    """Return a muscle's whole pattern on the side it is studied on, per view.

    :param others: the other muscles' patterns, drawn faint beneath the
        studied one (the muscle layer), so a student sees where it lies.
    """
    side = pattern.studied_side()
    return [
        Figure(
            view=view_id,
            title=f"{pattern.muscle.name}: referral pattern, {view_id} view",
            prefix=f"{prefix}-{view_id}",
            overlay=pattern_overlay(pattern, view_id, side=side, others=others),
            caption=_caption(view_id),
        )
        for view_id in views_of(pattern.points_on(side))
    ]


def muscle_view_figure(pattern, view_id, side, points):
    """Return one view of a muscle's pattern (or of some of its trigger points)."""
    return Figure(
        view=view_id,
        title=pattern_title(pattern, points, side, view_id),
        prefix="diagram",
        overlay=pattern_overlay(pattern, view_id, points=points, side=side),
        caption=_caption(view_id),
    )


def thumbnail(figure):
    """Return ``figure`` as a small picture (the renderer frames its pattern)."""
    return replace(figure, css_class="thumbnail")


def main_view(points):
    """Return the view where ``points`` refer over the largest area."""
    shapes = referred_shapes(points)
    views = views_of(points) or list(VIEW_IDS[:1])
    return max(views, key=lambda v: shapes[v].area if v in shapes else 0)


def muscle_thumbnail(atlas, pattern):
    """Return a small picture of a muscle's pattern on its main view."""
    side = pattern.studied_side()
    points = pattern.points_on(side)
    view_id = main_view(points)
    return thumbnail(muscle_view_figure(pattern, view_id, side, points))


def point_thumbnail(atlas, pattern, point, view_id):
    """Return a small picture of one trigger point's pattern on one view."""
    return thumbnail(muscle_view_figure(pattern, view_id, point.side, [point]))


# ---------------------------------------------------------------- regions


def region_overlay(region):
    """Return an overlay that highlights one region."""
    return Overlay(
        layers=[("region-highlight", region.shape)],
        legend=[("region-highlight", region.name)],
    )


def region_figure(region, prefix="region-map"):
    """Return the map of one region's view with the region highlighted."""
    return Figure(
        view=region.view,
        title=f"Where the {region.name} is ({region.view} view)",
        prefix=prefix,
        overlay=region_overlay(region),
        caption=f"The {region.name}, {region.view} view",
    )


# ---------------------------------------------------------------- comparison


def series_classes(index):
    """Return the classes that give compared pattern ``index`` its look."""
    name = SERIES[index]
    return f"compare {name}" if index == 0 else f"compare {name} fill-{name}"


def series_overlay(series, view_id, overlap_label="Overlap"):
    """Return an overlay drawing each (label, {view: geometry}, points) in its series.

    Where two or more series cover the same skin the overlap is drawn on top
    with the cross pattern, so it reads without colour.
    """
    layers, legend, markers = [], [], []
    shapes = []
    for index, (label, per_view, points) in enumerate(series):
        classes = series_classes(index)
        legend.append((f"legend-series {classes}", label))
        shape = per_view.get(view_id)
        if shape is not None and not shape.is_empty:
            layers.append((classes, shape))
            shapes.append(shape)
        markers += markers_on(
            points,
            view_id,
            lambda point, label=label: f"{label}: {point.spec.label}",
            css_class=f"series-marker-{index}",
        )
    overlaps = [a.intersection(b) for a, b in combinations(shapes, 2)]
    overlap = unary_union(overlaps) if overlaps else None
    if overlap is not None and overlap.area > 0:
        layers.append((OVERLAP_CLASSES, overlap))
    legend.append((f"legend-series {OVERLAP_CLASSES}", overlap_label))
    if markers:
        legend.append(MARKER_LEGEND)
    return Overlay(layers=layers, markers=markers, legend=legend)


def _compare_series(patterns):
    return [
        (pattern.muscle.name, referred_shapes(points), points)
        for pattern, points in ((p, p.points_on()) for p in patterns)
    ]


def compare_figures(atlas, patterns, views=None):
    """Return two to four muscles' patterns on one map per view, overlap marked.

    :param views: the views to draw (default: those any pattern shows on).
    """
    series = _compare_series(patterns)
    if views is None:
        views = [v for v in atlas.views if any(v in shapes for _, shapes, _ in series)]
    names = " and ".join(p.muscle.name for p in patterns)
    return [
        Figure(
            view=view_id,
            title=f"Compared: {names}, {view_id} view",
            prefix=f"compare-{view_id}",
            overlay=series_overlay(series, view_id),
            caption=_caption(view_id),
        )
        for view_id in views
    ]


# ---------------------------------------------------------------- quiz


def _anonymous_overlay(pattern, view_id, points):
    """Return a pattern overlay that names no muscle."""
    named = pattern_overlay(pattern, view_id, points=points, side=points[0].side)
    layers = [(c, shape) for c, shape in named.layers if "muscle-outline" not in c]
    markers = [(c, x, y, "Trigger point") for c, x, y, _ in named.markers]
    return Overlay(layers=layers, markers=markers, legend=named.legend)


def _markers_overlay(points, view_id, label):
    markers = markers_on(points, view_id, lambda _point: label)
    return Overlay(markers=markers, legend=[MARKER_LEGEND] if markers else [])


def question_figures(atlas, question, prefix="quiz"):
    """Return a question's figures: the nameless pattern, or maps to mark."""
    points = question.points
    if question.kind == "identify":
        caption = (
            "midline"
            if question.side == "midline"
            else f"the person's {question.side} side"
        )
        return [
            Figure(
                view=v,
                title=f"A referral pattern, {v} view",
                prefix=f"{prefix}-{v}",
                overlay=_anonymous_overlay(question.pattern, v, points),
                caption=f"{_caption(v)}, {caption}",
            )
            for v in views_of(points)
        ]
    return [
        Figure(
            view=v,
            title=f"Mark where it refers, {v} view",
            prefix=f"{prefix}-{v}",
            overlay=_markers_overlay(points, v, "The trigger point"),
            interactive=True,
            caption=_caption(v),
        )
        for v in atlas.views
    ]


def answer_figures(atlas, result, prefix="answer"):
    """Return the right answer to a question (with a located guess beside it)."""
    question = result.question
    pattern, points = question.pattern, question.points
    if question.kind == "identify":
        overlays = [
            (v, pattern_overlay(pattern, v, points=points, side=question.side))
            for v in views_of(points)
        ]
    else:
        essential, spillover = question.target()
        truth = atlas.shapes_of(essential + spillover)
        guess = atlas.shapes_of(list(result.hit) + list(result.extra))
        series = [
            (f"Where {pattern.muscle.name} refers", truth, points),
            ("Your answer", guess, []),
        ]
        views = [v for v in atlas.views if v in truth or v in guess]
        overlays = [
            (v, series_overlay(series, v, overlap_label="Right")) for v in views
        ]
    return [
        Figure(
            view=v,
            title=f"The answer: {pattern.muscle.name}, {v} view",
            prefix=f"{prefix}-{v}",
            overlay=overlay,
            caption=_caption(v),
        )
        for v, overlay in overlays
    ]
