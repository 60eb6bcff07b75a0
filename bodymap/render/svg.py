"""Build SVG documents of the body map with svgwrite.

Every element gets an id derived from a data slug (never svgwrite's global
counter), so the same input always gives the same bytes.  Colours live in
``static/css/diagram.css``; elements only carry classes.  svgwrite's
``debug`` validation rejects ``role``, ``aria-*`` and ``data-*`` attributes,
so documents are built with ``debug=False``; the tests parse the output.
"""

from dataclasses import dataclass, field

import svgwrite

from bodymap.atlas import CENTRE

ZONE_TITLES = {
    "local": "Local pain",
    "essential": "Essential zone",
    "spillover": "Spillover zone",
}
LEGEND_WIDTH = 140.0
"""The legend sits in the empty top corner beside the head, on the right."""
ZONE_ORDER = ("spillover", "essential", "local")
MARKER_SIZE = 5.0
DRAWING_DETAIL = 0.3
"""Simplify outlines to this tolerance (view units, well under a pixel) where
exactness does not matter: the silhouette, and regions of non-interactive
diagrams.  The clickable map keeps exact regions so the browser and the
server agree on which region a click falls in."""
SIDE_LABEL_Y = 172.0
SERIES_PATTERNS = ("series-1", "series-2", "series-3")
"""Fill patterns for comparing patterns (the first series is a solid fill).

A layer or legend entry with the class ``fill-<pattern>`` is filled with that
pattern, for example ``fill-series-2`` or ``fill-cross`` for an overlap.
"""


@dataclass
class Overlay:
    """What to draw over a view: outlines, zones and trigger-point markers.

    ``layers`` is a list of (css classes, geometry) pairs drawn in order.
    """

    layers: list = field(default_factory=list)
    markers: list = field(default_factory=list)  # (css classes, x, y, label)
    legend: list = field(default_factory=list)  # (css classes, text)
    spots: list = field(default_factory=list)  # (x, y, label)
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2)


def path_data(geometry):
    """Return SVG path data for a (multi)polygon, holes included."""
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [f"{x:.1f},{y:.1f}" for x, y in ring.coords[:-1]]
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _defs(drawing, prefix):
    """Add the fill patterns that tell zones apart without colour."""
    hatch = drawing.pattern(
        id=f"{prefix}-hatch",
        size=(6, 6),
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    hatch.add(drawing.rect((0, 0), (6, 6), class_="hatch-ground"))
    hatch.add(drawing.line((0, 0), (0, 6), class_="hatch-line"))
    dots = drawing.pattern(
        id=f"{prefix}-dots", size=(5, 5), patternUnits="userSpaceOnUse"
    )
    dots.add(drawing.rect((0, 0), (5, 5), class_="dots-ground"))
    dots.add(drawing.circle((2.5, 2.5), 1.1, class_="dots-dot"))
    cross = drawing.pattern(
        id=f"{prefix}-cross",
        size=(7, 7),
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    cross.add(drawing.rect((0, 0), (7, 7), class_="cross-ground"))
    cross.add(drawing.line((0, 0), (0, 7), class_="cross-line"))
    cross.add(drawing.line((0, 0), (7, 0), class_="cross-line"))
    for pattern in (hatch, dots, cross):
        drawing.defs.add(pattern)


def _series_defs(drawing, prefix, overlay):
    """Add the comparison fill patterns the overlay uses (stripes, dots, bars)."""
    used = {
        c for classes, _ in [*overlay.layers, *overlay.legend] for c in classes.split()
    }
    marks = {
        "series-1": lambda p: p.add(
            drawing.line((0, 0), (0, 6), class_="series-1-mark")
        ),
        "series-2": lambda p: p.add(
            drawing.circle((3, 3), 1.4, class_="series-2-mark")
        ),
        "series-3": lambda p: p.add(
            drawing.line((0, 1.5), (6, 1.5), class_="series-3-mark")
        ),
    }
    for name in SERIES_PATTERNS:
        if f"fill-{name}" not in used:
            continue
        extra = {"patternTransform": "rotate(-45)"} if name == "series-1" else {}
        pattern = drawing.pattern(
            id=f"{prefix}-{name}", size=(6, 6), patternUnits="userSpaceOnUse", **extra
        )
        pattern.add(drawing.rect((0, 0), (6, 6), class_=f"{name}-ground"))
        marks[name](pattern)
        drawing.defs.add(pattern)


def _named_fill(classes, prefix):
    """Return the fill url a ``fill-<pattern>`` class asks for, or None."""
    for name in classes.split():
        if name.startswith("fill-"):
            return fill_url(prefix, name[len("fill-") :])
    return None


def crop_box(overlay, view, aspect=0.75, min_height=300.0, margin=24.0):
    """Return (x, y, width, height) framing an overlay's shapes and markers.

    The frame keeps one aspect ratio so thumbnails line up, is never smaller
    than ``min_height`` (so a heel pattern still shows the foot around it) and
    stays inside the view's height.
    """
    shapes = [
        geometry for _classes, geometry in overlay.layers if not geometry.is_empty
    ]
    points = [(x, y) for _classes, x, y, _label in overlay.markers]
    if not shapes and not points:
        return (0, 0, view.width, view.height)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    for shape in shapes:
        minx, miny, maxx, maxy = shape.bounds
        xs += [minx, maxx]
        ys += [miny, maxy]
    height = max(min_height, max(ys) - min(ys) + 2 * margin)
    height = max(height, (max(xs) - min(xs) + 2 * margin) / aspect)
    height = min(height, view.height)
    width = height * aspect
    if width >= view.width:
        x = (view.width - width) / 2
    else:
        x = min(max((min(xs) + max(xs) - width) / 2, 0), view.width - width)
    y = min(max((min(ys) + max(ys) - height) / 2, 0), view.height - height)
    return (round(x, 1), round(y, 1), round(width, 1), round(height, 1))


def fill_url(prefix, pattern):
    return f"url(#{prefix}-{pattern})"


def _side_labels(drawing, view):
    """Write R and L (the person's sides) beside the head."""
    right_x = CENTRE - 150 if view.id == "front" else CENTRE + 150
    left_x = 2 * CENTRE - right_x
    group = drawing.g(class_="side-labels", **{"aria-hidden": "true"})
    group.add(drawing.text("R", insert=(right_x, SIDE_LABEL_Y), class_="side-label"))
    group.add(drawing.text("L", insert=(left_x, SIDE_LABEL_Y), class_="side-label"))
    group.add(
        drawing.text(f"{view.id.upper()}", insert=(CENTRE, 20), class_="view-label")
    )
    return group


def _region_element(drawing, region, neighbours, interactive):
    """Return a region's path; only the interactive map's regions carry ids.

    A page shows one interactive map per view but may show many diagrams of
    the same view (results, study sheets), so ids there would repeat.
    """
    attributes = {
        "class_": f"region side-{region.side}",
        "data-region": region.id,
    }
    if interactive:
        attributes.update(
            {
                "id": f"region-{region.id}",
                "role": "button",
                "aria-pressed": "false",
                "aria-label": region.title,
                "tabindex": "-1",
                "data-neighbours": " ".join(neighbours),
            }
        )
    shape = region.shape if interactive else region.shape.simplify(DRAWING_DETAIL)
    element = drawing.path(d=path_data(shape), **attributes)
    if not interactive:
        element.set_desc(title=region.title)
    return element


def _overlay_group(drawing, overlay, prefix):
    group = drawing.g(id=f"{prefix}-overlay", class_="overlay")
    for classes, geometry in overlay.layers:
        data = path_data(geometry)
        if not data:
            continue
        attributes = {"class_": classes}
        for zone, pattern in (("spillover", "hatch"), ("local", "dots")):
            if zone in classes.split():
                attributes["fill"] = fill_url(prefix, pattern)
        if _named_fill(classes, prefix):
            attributes["fill"] = _named_fill(classes, prefix)
        group.add(drawing.path(d=data, **attributes))
    for x1, y1, x2, y2 in overlay.lines:
        group.add(drawing.line((x1, y1), (x2, y2), class_="referral-line"))
    for index, (x, y, label) in enumerate(overlay.spots):
        spot = drawing.circle((x, y), 7, class_="spot", id=f"{prefix}-spot-{index}")
        spot.set_desc(title=label)
        group.add(spot)
    for classes, x, y, label in overlay.markers:
        marker = drawing.g(class_=classes, transform=f"translate({x:.1f},{y:.1f})")
        marker.set_desc(title=label)
        s = MARKER_SIZE
        marker.add(drawing.line((-s, -s), (s, s), class_="marker-halo"))
        marker.add(drawing.line((-s, s), (s, -s), class_="marker-halo"))
        marker.add(drawing.line((-s, -s), (s, s), class_="marker-cross"))
        marker.add(drawing.line((-s, s), (s, -s), class_="marker-cross"))
        group.add(marker)
    return group


def _legend_group(drawing, overlay, prefix, view):
    group = drawing.g(id=f"{prefix}-legend", class_="legend")
    left = view.width - LEGEND_WIDTH
    for index, (classes, text) in enumerate(overlay.legend):
        row_y = 30 + index * 17
        swatch = {"class_": f"legend-swatch {classes}"}
        for zone, pattern in (("spillover", "hatch"), ("local", "dots")):
            if zone in classes.split():
                swatch["fill"] = fill_url(prefix, pattern)
        if _named_fill(classes, prefix):
            swatch["fill"] = _named_fill(classes, prefix)
        if "marker" in classes.split():
            marker = drawing.text(
                "✕", insert=(left + 2, row_y + 12), class_="legend-marker"
            )
            group.add(marker)
        else:
            group.add(drawing.rect((left, row_y), (14, 14), **swatch))
        text_at = (left + 20, row_y + 11)
        group.add(drawing.text(text, insert=text_at, class_="legend-text"))
    return group


def view_svg(
    atlas,
    view_id,
    *,
    overlay=None,
    interactive=False,
    prefix=None,
    title=None,
    stylesheet=None,
    css_class="body-map",
    crop=False,
):
    """Return one view as an SVG document string.

    :param interactive: make each region a named button for the pain drawing.
    :param prefix: id prefix, unique per page, for patterns and groups.
    :param stylesheet: CSS text to embed, for a standalone download.
    :param crop: frame the overlay instead of the whole figure (thumbnails).
    """
    view = atlas.views[view_id]
    prefix = prefix or f"map-{view_id}"
    frame = (0, 0, view.width, view.height)
    if crop and overlay is not None:
        frame = crop_box(overlay, view)
    drawing = svgwrite.Drawing(
        size=None,
        viewBox=" ".join(f"{value:g}" for value in frame),
        debug=False,
        id=prefix,
        class_=f"{css_class} view-{view_id}",
    )
    drawing.attribs["preserveAspectRatio"] = "xMidYMid meet"
    title = title or f"Body map, {view_id} view"
    drawing.attribs["role"] = "group" if interactive else "img"
    drawing.attribs["aria-label"] = title
    drawing.set_desc(title=title)
    if stylesheet:
        drawing.defs.add(drawing.style(stylesheet))
    _defs(drawing, prefix)
    if overlay is not None:
        _series_defs(drawing, prefix, overlay)
    drawing.add(
        drawing.path(
            d=path_data(atlas.silhouettes[view_id].simplify(DRAWING_DETAIL)),
            class_="silhouette",
        )
    )
    regions = drawing.g(id=f"{prefix}-regions", class_="regions")
    for region in atlas.regions_of(view_id):
        regions.add(
            _region_element(drawing, region, atlas.neighbours(region.id), interactive)
        )
    drawing.add(regions)
    if overlay is not None:
        drawing.add(_overlay_group(drawing, overlay, prefix))
    drawing.add(_side_labels(drawing, view))
    if overlay is not None and overlay.legend:
        drawing.add(_legend_group(drawing, overlay, prefix, view))
    return drawing.tostring()
