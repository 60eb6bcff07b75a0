"""Turn referral patterns into overlays for :mod:`bodymap.render.svg`."""

from shapely import unary_union

from bodymap.atlas import VIEW_IDS
from bodymap.dataset.model import ZONE_LABELS
from bodymap.render.svg import ZONE_ORDER, Overlay

MARKER_LEGEND = ("marker", "Trigger point")


def _zone_layers(points, view_id, extra_class=""):
    layers = []
    for zone in ZONE_ORDER:
        shapes = [
            point.shapes[zone][view_id]
            for point in points
            if view_id in point.shapes[zone]
        ]
        if shapes:
            layers.append((f"zone {zone} {extra_class}".strip(), unary_union(shapes)))
    return layers


def _legend(layers):
    present = {
        zone for classes, _ in layers for zone in ZONE_LABELS if zone in classes.split()
    }
    legend = [
        (f"zone {zone}", ZONE_LABELS[zone])
        for zone in reversed(ZONE_ORDER)
        if zone in present
    ]
    return [*legend, MARKER_LEGEND]


def _outlines_on(pattern, view_id, side):
    """Return a muscle's outlines on one view and side (midline muscles: any)."""
    return [
        shape
        for outline_side, view, shape in pattern.outlines
        if view == view_id and outline_side in (side, "midline")
    ]


def muscle_layer(pattern, view_id, side, others=()):
    """Return (css classes, geometry) of the muscles drawn beneath a pattern.

    The studied muscle is emphasised; ``others`` (other muscles' patterns)
    are drawn faint around it, each with a class naming it.
    """
    layer = []
    for other in others:
        if other.id == pattern.id:
            continue
        other_side = side if other.muscle.is_paired else "midline"
        layer += [
            (f"muscle-shape muscle-{other.id}", shape)
            for shape in _outlines_on(other, view_id, other_side)
        ]
    layer += [
        (f"muscle-shape muscle-outline muscle-{pattern.id}", shape)
        for shape in _outlines_on(pattern, view_id, side)
    ]
    return layer


def pattern_overlay(pattern, view_id, points=None, side=None, others=()):
    """Return the overlay of a muscle's pattern on one view.

    :param points: the trigger points to show (default: all on ``side``).
    :param side: the side to show; default the right side (or the midline).
    :param others: other muscles' patterns to draw faint beneath (the muscle
        layer of a muscle page).
    """
    side = side or pattern.sides()[0]
    points = (
        points
        if points is not None
        else [p for p in pattern.trigger_points if p.side == side]
    )
    layers = _zone_layers(points, view_id)
    markers = markers_on(points, view_id, point_title)
    return Overlay(
        layers=layers,
        markers=markers,
        legend=_legend(layers),
        muscles=muscle_layer(pattern, view_id, side, others),
    )


def point_title(point):
    """Return a marker's tooltip, for example "Soleus: TrP1, low in the muscle"."""
    return f"{point.muscle.name}: {point.spec.label}"


def markers_on(points, view_id, title, css_class=None):
    """Return the X markers of the points that show on one view.

    :param title: a function giving each point's tooltip.
    :param css_class: an extra class; default ``tp-<trigger point id>``.
    """
    return [
        (
            f"marker trigger-point {css_class or f'tp-{point.id}'}",
            point.x,
            point.y,
            title(point),
        )
        for point in points
        if point.view == view_id
    ]


def views_of(points):
    """Return the views on which any of ``points`` shows, front first."""
    views = set()
    for point in points:
        views |= set(point.views())
    return [view for view in VIEW_IDS if view in views]


def candidate_overlay(point, view_id, spots, explained=None):
    """Return the overlay of one trigger point over a person's pain spots.

    A line joins the trigger point to each spot it explains on the same view,
    to show that the pain may come from somewhere else.

    :param explained: the spots the trigger point explains (default all).
    """
    layers = _zone_layers([point], view_id)
    markers = markers_on([point], view_id, point_title)
    on_view = [spot for spot in spots if spot.view == view_id]
    explained = spots if explained is None else explained
    lines = [
        (point.x, point.y, spot.x, spot.y)
        for spot in explained
        if spot.view == view_id and point.view == view_id
    ]
    spot_marks = [(spot.x, spot.y, "Your pain spot") for spot in on_view]
    legend = _legend(layers)
    if spot_marks:
        legend.append(("spot-key", "Your pain spot"))
    return Overlay(layers, markers, legend, spot_marks, lines)
