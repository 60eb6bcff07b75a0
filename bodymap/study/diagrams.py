"""Overlays for study diagrams: single trigger points, comparisons, regions."""

from itertools import combinations

from shapely import unary_union

from bodymap.render.diagrams import MARKER_LEGEND, markers_on, pattern_overlay
from bodymap.render.svg import SERIES_PATTERNS, Overlay
from bodymap.study.similarity import referred_shapes

SERIES = ("series-0", *SERIES_PATTERNS)
"""One colour and fill pattern per compared muscle (solid, stripes, dots, bars)."""
OVERLAP_CLASSES = "overlap fill-cross"
MAX_COMPARED = len(SERIES)


def series_classes(index):
    """Return the classes that give compared pattern ``index`` its look."""
    name = SERIES[index]
    return f"compare {name}" if index == 0 else f"compare {name} fill-{name}"


def anonymous_overlay(pattern, view_id, points):
    """Return a pattern overlay that names no muscle (for quiz questions)."""
    named = pattern_overlay(pattern, view_id, points=points, side=points[0].side)
    layers = [(c, shape) for c, shape in named.layers if "muscle-outline" not in c]
    markers = [(c, x, y, "Trigger point") for c, x, y, _ in named.markers]
    return Overlay(layers=layers, markers=markers, legend=named.legend)


def markers_overlay(points, view_id, label):
    """Return an overlay with only the trigger-point markers on one view."""
    markers = markers_on(points, view_id, lambda _point: label)
    return Overlay(markers=markers, legend=[MARKER_LEGEND] if markers else [])


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


def compare_series(patterns_and_points):
    """Return series for :func:`series_overlay` from [(pattern, points)]."""
    return [
        (pattern.muscle.name, referred_shapes(points), points)
        for pattern, points in patterns_and_points
    ]


def region_overlay(region):
    """Return an overlay that highlights one region."""
    return Overlay(
        layers=[("region-highlight", region.shape)],
        legend=[("region-highlight", region.name)],
    )
