"""Build SVG documents of the body map with svgwrite.

Every element gets an id derived from a data slug (never svgwrite's global
counter), so the same input always gives the same bytes.  Colours live in
``static/css/diagram.css``; elements only carry classes.  svgwrite's
``debug`` validation rejects ``role``, ``aria-*`` and ``data-*`` attributes,
so documents are built with ``debug=False``; the tests parse the output.

A diagram is drawn as a trigger-point chart: the figure as line art (outline,
face, landmarks), the muscles faint beneath, zones with smooth outlines
(essential solid, spillover stippled, local hatched), each trigger point an X
with a halo, and the person's own spots as rings on top.  The atlas regions
are drawn only on the interactive map, invisible until hovered, focused or
marked; hit-testing uses them exactly as they are.
"""

import re
from dataclasses import dataclass, field

import shapely
import svgwrite

from bodymap.atlas.lineart import lines_of
from bodymap.render.shapes import Frame, drawing_shapes

ZONE_ORDER = ("spillover", "essential", "local")
ZONE_FILLS = {"spillover": "stipple", "local": "hatch"}
"""Zones that are told apart by a fill pattern (essential is solid)."""
SERIES_PATTERNS = ("series-1", "series-2", "series-3")
"""Fill patterns for comparing patterns (the first series is a solid fill).

A layer or legend entry with the class ``fill-<pattern>`` is filled with that
pattern, for example ``fill-series-2`` or ``fill-cross`` for an overlap.
"""
SMOOTHED = ("zone", "compare", "overlap", "region-highlight")
"""Layers drawn with smooth outlines (muscles are smoothed by the curve alone)."""
LEGEND_DESIGN = 240.0
"""The legend, labels and markers are laid out for a frame this many units
wide and scaled with the frame, so their text shows at the same size on the
page (about 13 px at the 300 px a diagram usually gets) whatever the crop."""
LEGEND_ROW = 20.0
LEGEND_FONT = 13.0
LEGEND_CHARS = 26
"""Legend text longer than this is squeezed to fit its line."""
LOCATOR_HEIGHT = 84.0
LOCATOR_WIDTH = 52.0
MARKER_SIZE = 4.2
"""Half the width of a trigger point's X, in legend design units."""
SPOT_RADIUS = 7.0
THUMBNAIL_ASPECT = 0.75


@dataclass
class Overlay:
    """What to draw over a view: outlines, zones and trigger-point markers.

    ``layers`` is a list of (css classes, geometry) pairs drawn in order;
    ``muscles`` (css classes, geometry) are drawn faint beneath them.
    """

    layers: list = field(default_factory=list)
    markers: list = field(default_factory=list)  # (css classes, x, y, label)
    legend: list = field(default_factory=list)  # (css classes, text)
    spots: list = field(default_factory=list)  # (x, y, label)
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2)
    muscles: list = field(default_factory=list)  # (css classes, geometry)


def _n(value):
    """Format a coordinate: one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _point(point):
    return f"{_n(point[0])},{_n(point[1])}"


def _mid(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def curve_data(coords, closed):
    """Return SVG path data for a smooth curve through a polyline's corners.

    Each corner becomes the control point of a quadratic Bézier between the
    midpoints of its two edges, so the curve is smooth (no kinks) and stays
    within half an edge of the polyline.
    """
    points = list(coords)
    if closed and len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        return "M" + "L".join(_point(p) for p in points) + ("Z" if closed else "")
    if closed:
        parts = ["M" + _point(_mid(points[-1], points[0]))]
        for index, corner in enumerate(points):
            after = points[(index + 1) % len(points)]
            parts.append(f"Q{_point(corner)} {_point(_mid(corner, after))}")
        return "".join(parts) + "Z"
    parts = ["M" + _point(points[0])]
    for index in range(1, len(points) - 1):
        corner, after = points[index], points[index + 1]
        end = after if index == len(points) - 2 else _mid(corner, after)
        parts.append(f"Q{_point(corner)} {_point(end)}")
    return "".join(parts)


def path_data(geometry, smooth=False):
    """Return SVG path data for a (multi)polygon, holes included.

    :param smooth: draw each ring as a smooth curve through its corners
        instead of straight edges.
    """
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            if smooth:
                parts.append(curve_data(ring.coords, closed=True))
            else:
                points = [f"{x:.1f},{y:.1f}" for x, y in ring.coords[:-1]]
                parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def fill_url(prefix, pattern):
    return f"url(#{prefix}-{pattern})"


def _defs(drawing, prefix):
    """Add the fill patterns that tell zones apart without colour."""
    stipple = drawing.pattern(
        id=f"{prefix}-stipple", size=(4, 4), patternUnits="userSpaceOnUse"
    )
    stipple.add(drawing.rect((0, 0), (4, 4), class_="stipple-ground"))
    stipple.add(drawing.circle((1, 1), 0.75, class_="stipple-dot"))
    stipple.add(drawing.circle((3, 3), 0.75, class_="stipple-dot"))
    hatch = drawing.pattern(
        id=f"{prefix}-hatch",
        size=(5, 5),
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    hatch.add(drawing.rect((0, 0), (5, 5), class_="hatch-ground"))
    hatch.add(drawing.line((0, 0), (0, 5), class_="hatch-line"))
    cross = drawing.pattern(
        id=f"{prefix}-cross",
        size=(7, 7),
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    cross.add(drawing.rect((0, 0), (7, 7), class_="cross-ground"))
    cross.add(drawing.line((0, 0), (0, 7), class_="cross-line"))
    cross.add(drawing.line((0, 0), (7, 0), class_="cross-line"))
    for pattern in (stipple, hatch, cross):
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


def _fill_of(classes, prefix):
    """Return the fill url a zone or a ``fill-<pattern>`` class asks for, or None."""
    names = classes.split()
    for name in names:
        if name.startswith("fill-"):
            return fill_url(prefix, name[len("fill-") :])
    for zone, pattern in ZONE_FILLS.items():
        if "zone" in names and zone in names:
            return fill_url(prefix, pattern)
    return None


@dataclass(frozen=True)
class _Layout:
    """Where a diagram's parts go: the frame, the legend strip, the scale."""

    frame: Frame
    scale: float
    legend_rows: int
    locator: bool

    @property
    def strip(self):
        """Return the legend strip's height (0 without legend or locator)."""
        if not self.legend_rows and not self.locator:
            return 0.0
        rows = self.legend_rows * LEGEND_ROW + 14
        return max(rows, LOCATOR_HEIGHT + 12 if self.locator else 0) * self.scale

    def viewbox(self):
        frame = self.frame
        values = (frame.x, frame.y, frame.width, frame.height + self.strip)
        return " ".join(_n(value) for value in values)


def _layout(frame, legend_rows, locator):
    scale = round(frame.width / LEGEND_DESIGN, 3)
    return _Layout(frame, scale, legend_rows, locator)


def _side_labels(drawing, view, layout):
    """Write R and L (the person's sides) and FRONT/BACK inside the frame."""
    frame, s = layout.frame, layout.scale
    left_text, right_text = ("R", "L") if view.right_on_viewers_left else ("L", "R")
    group = drawing.g(
        class_="side-labels",
        transform=f"translate({_n(frame.x)},{_n(frame.y)}) scale({s:g})",
        **{"aria-hidden": "true"},
    )
    width = frame.width / s
    group.add(drawing.text(left_text, insert=(14, 26), class_="side-label"))
    group.add(drawing.text(right_text, insert=(width - 14, 26), class_="side-label"))
    group.add(
        drawing.text(view.id.upper(), insert=(width / 2, 15), class_="view-label")
    )
    return group


def _region_element(drawing, region, neighbours, zoom=None):
    """Return an interactive region: a named button, invisible until used.

    :param zoom: the close-up a tap too small for this region offers.
    """
    attributes = {
        "class_": f"region side-{region.side}",
        "data-region": region.id,
        "id": f"region-{region.id}",
        "role": "button",
        "aria-pressed": "false",
        "aria-label": region.title,
        "tabindex": "-1",
        "data-neighbours": " ".join(neighbours),
    }
    if zoom:
        attributes["data-zoom"] = zoom
    element = drawing.path(d=path_data(region.shape), **attributes)
    element.set_desc(title=region.title)  # the name shows on hover
    return element


def _figure_group(drawing, atlas, view_id, prefix, frame, thumbnail):
    """Return the figure's outline (a thumbnail's cut to its frame, coarser)."""
    shapes = drawing_shapes(atlas)
    key = (view_id, frame.bounds) if thumbnail else (view_id, "outline")
    data = shapes.path_cache.get(key)
    if data is None:
        geometry = (
            shapes.outline_in(view_id, frame) if thumbnail else shapes.outlines[view_id]
        )
        data = shapes.path_cache[key] = path_data(geometry, smooth=True)
    group = drawing.g(id=f"{prefix}-figure", class_="figure")
    group.add(drawing.path(d=data, class_="silhouette figure-outline"))
    return group


def _landmark_group(drawing, atlas, view_id):
    """Return the landmark lines (clavicles, spine, kneecaps ...) of a view."""
    group = drawing.g(class_="landmarks", **{"aria-hidden": "true"})
    for line in lines_of(atlas.views[view_id]):
        group.add(
            drawing.path(
                d=curve_data(line.coords, line.closed),
                class_=line.css_class,
                **{"data-landmark-region": line.region},
            )
        )
    return group


def _verbatim(drawing, atlas, key, build, verbatim):
    """Return an empty stand-in for a group that is the same in every diagram.

    The group (``build(drawing)``) is serialised once per atlas and
    :func:`view_svg` puts its markup where the stand-in is, so a page of
    fifteen diagrams does not build and serialise the same landmark lines
    fifteen times.  ``verbatim`` collects {stand-in markup: (markup, classes)}.
    """
    shapes = drawing_shapes(atlas)
    cached = shapes.path_cache.get(("verbatim", key))
    if cached is None:
        group = build(drawing)
        cached = (group.tostring(), frozenset(_classes_in(group)))
        shapes.path_cache[("verbatim", key)] = cached
    verbatim[f'<g data-verbatim="{key}" />'] = cached
    return drawing.g(**{"data-verbatim": key})


def _muscle_group(drawing, overlay, frame):
    group = drawing.g(class_="muscles", **{"aria-hidden": "true"})
    x0, y0, x1, y1 = frame.bounds
    for classes, geometry in overlay.muscles:
        if geometry.is_empty:
            continue
        minx, miny, maxx, maxy = geometry.bounds
        if maxx < x0 or minx > x1 or maxy < y0 or miny > y1:
            continue
        group.add(drawing.path(d=path_data(geometry, smooth=True), class_=classes))
    return group


def _layer_paths(atlas, view_id, overlay):
    """Return the overlay's layers as (classes, path data), zones smoothed.

    The spillover zone is drawn as the smooth union of spillover and
    essential, beneath the solid essential zone, so no sliver of bare skin
    opens between the two.  A smoothed zone's path data is cached with the
    zone (keyed by its geometry), since the same zones are drawn again and
    again.
    """
    essential = [
        g for c, g in overlay.layers if {"zone", "essential"} <= set(c.split())
    ]
    drawn = []
    for classes, geometry in overlay.layers:
        names = set(classes.split())
        if not names & set(SMOOTHED):
            drawn.append((classes, path_data(geometry)))
            continue
        under = essential[0] if {"zone", "spillover"} <= names and essential else None
        drawn.append((classes, _smooth_zone_data(atlas, view_id, geometry, under)))
    return drawn


def zone_paths(atlas, view_id, overlay):
    """Return the overlay's zones as drawn on a diagram: [(classes, path data)].

    The clickable map shows a result's zones with these very outlines, in a
    layer of its own (the regions stay the hit-test layer).
    """
    return [
        (classes, data)
        for classes, data in _layer_paths(atlas, view_id, overlay)
        if "zone" in classes.split() and data
    ]


def _smooth_zone_data(atlas, view_id, geometry, under=None):
    """Return the path data of a zone smoothed (grown by ``under`` first)."""
    if geometry is None or geometry.is_empty:
        return ""
    shapes = drawing_shapes(atlas)
    key = (
        "zone",
        view_id,
        shapely.to_wkb(geometry),
        None if under is None else shapely.to_wkb(under),
    )
    data = shapes.path_cache.get(key)
    if data is None:
        grown = geometry if under is None else geometry.union(under)
        data = path_data(shapes.smooth_zone(view_id, grown), smooth=True)
        shapes.path_cache[key] = data
    return data


def _marker(drawing, classes, x, y, label, size):
    marker = drawing.g(class_=classes, transform=f"translate({_n(x)},{_n(y)})")
    marker.set_desc(title=label)
    s = round(size, 2)
    marker.add(drawing.circle((0, 0), round(s * 1.55, 2), class_="marker-disc"))
    for a, b in (((-s, -s), (s, s)), ((-s, s), (s, -s))):
        marker.add(
            drawing.line(a, b, class_="marker-halo", **{"stroke-width": _n(s * 0.95)})
        )
    for a, b in (((-s, -s), (s, s)), ((-s, s), (s, -s))):
        marker.add(
            drawing.line(a, b, class_="marker-cross", **{"stroke-width": _n(s * 0.45)})
        )
    return marker


def _overlay_group(drawing, atlas, view_id, overlay, prefix, layout):
    group = drawing.g(id=f"{prefix}-overlay", class_="overlay")
    for classes, data in _layer_paths(atlas, view_id, overlay):
        if not data:
            continue
        attributes = {"class_": classes}
        fill = _fill_of(classes, prefix)
        if fill:
            attributes["fill"] = fill
        group.add(drawing.path(d=data, **attributes))
    for x1, y1, x2, y2 in overlay.lines:
        group.add(drawing.line((x1, y1), (x2, y2), class_="referral-line"))
    size = MARKER_SIZE * max(layout.scale, 1.0)
    for classes, x, y, label in overlay.markers:
        group.add(_marker(drawing, classes, x, y, label, size))
    radius = _n(SPOT_RADIUS * max(layout.scale, 1.0))
    for index, (x, y, label) in enumerate(overlay.spots):
        spot = drawing.g(class_="spot-mark", id=f"{prefix}-spot-{index}")
        spot.set_desc(title=label)
        spot.add(drawing.circle((x, y), radius, class_="spot-halo"))
        spot.add(drawing.circle((x, y), radius, class_="spot"))
        group.add(spot)
    return group


def _legend_group(drawing, overlay, prefix, layout):
    """Return the legend, below the frame, in design units scaled to the frame."""
    frame, s = layout.frame, layout.scale
    left = LOCATOR_WIDTH + 16 if layout.locator else 8
    group = drawing.g(
        id=f"{prefix}-legend",
        class_="legend",
        transform=f"translate({_n(frame.x)},{_n(frame.y + frame.height)}) scale({s:g})",
    )
    for index, (classes, text) in enumerate(overlay.legend):
        row_y = 8 + index * LEGEND_ROW
        if "marker" in classes.split():
            group.add(
                _marker(
                    drawing, "legend-marker", left + 7, row_y + 7, text, MARKER_SIZE
                )
            )
        elif "spot-key" in classes.split():
            group.add(
                drawing.circle((left + 7, row_y + 7), 6, class_="legend-swatch spot")
            )
        else:
            swatch = {"class_": f"legend-swatch {classes}"}
            fill = _fill_of(classes, prefix)
            if fill:
                swatch["fill"] = fill
            group.add(drawing.rect((left, row_y), (14, 14), **swatch))
        extra = {}
        if len(text) > LEGEND_CHARS:
            extra = {
                "textLength": _n(LEGEND_DESIGN - left - 26),
                "lengthAdjust": "spacingAndGlyphs",
            }
        group.add(
            drawing.text(
                text, insert=(left + 20, row_y + 11.5), class_="legend-text", **extra
            )
        )
    return group


def _locator_group(drawing, atlas, view_id, layout):
    """Return a small whole figure with the crop marked, left of the legend."""
    frame, s = layout.frame, layout.scale
    view = atlas.views[view_id]
    k = LOCATOR_HEIGHT / view.height
    x = (LOCATOR_WIDTH - view.width * k) / 2 + 6
    group = drawing.g(
        class_="locator",
        transform=f"translate({_n(frame.x)},{_n(frame.y + frame.height)}) "
        f"scale({s:g}) translate({_n(x)},8) scale({k:.4f})",
        **{"aria-hidden": "true"},
    )
    shapes = drawing_shapes(atlas)
    key = (view_id, "locator")
    data = shapes.path_cache.get(key)
    if data is None:
        data = shapes.path_cache[key] = path_data(shapes.locators[view_id], True)
    group.add(drawing.path(d=data, class_="locator-figure"))
    group.add(
        drawing.rect(
            (frame.x, frame.y), (frame.width, frame.height), class_="locator-frame"
        )
    )
    return group


def _classes_in(element, found=None):
    """Return every class name used in an svgwrite element tree."""
    found = set() if found is None else found
    found.update(element.attribs.get("class", "").split())
    for child in getattr(element, "elements", []):
        if hasattr(child, "attribs"):
            _classes_in(child, found)
    return found


def used_css(stylesheet, classes):
    """Return the rules of ``stylesheet`` whose selectors can match ``classes``.

    A standalone diagram embeds only what it uses (a thumbnail needs a tenth
    of the stylesheet).  At-rule blocks (hover styles) and selectors without
    a class are left out; the rules keep their order.
    """
    text = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)
    text = re.sub(r"@[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", text)
    kept = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        chosen = [
            selector.strip()
            for selector in selectors.split(",")
            if (names := re.findall(r"\.([\w-]+)", selector)) and set(names) <= classes
        ]
        if chosen:
            declarations = ";".join(
                " ".join(part.split()) for part in body.split(";") if part.strip()
            )
            kept.append(f"{','.join(chosen)}{{{declarations}}}")
    return "".join(kept)


def _is_pattern(overlay):
    """Return whether an overlay draws a pattern (zones or trigger points)."""
    return bool(overlay.markers) or any(
        set(classes.split()) & set(SMOOTHED) for classes, _ in overlay.layers
    )


def choose_frame(atlas, view_id, overlay):
    """Return the body-area crop that shows an overlay's zones and markers."""
    shapes = [geometry for _classes, geometry in overlay.layers]
    points = [(x, y) for _classes, x, y, _label in overlay.markers]
    points += [(x, y) for x, y, _label in overlay.spots]
    return drawing_shapes(atlas).frame(view_id, shapes, points)


def crop_box(overlay, view, atlas=None):
    """Return (x, y, width, height) of the frame an overlay is cropped to."""
    if atlas is None:
        return (0, 0, view.width, view.height)
    frame = choose_frame(atlas, view.id, overlay)
    return (frame.x, frame.y, frame.width, frame.height)


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
    crop=None,
    frame=None,
    legend=None,
    locator=True,
    clip=True,
):
    """Return one view as an SVG document string.

    :param interactive: make each region a named button for the pain drawing.
    :param prefix: id prefix, unique per page, for patterns and groups.
    :param stylesheet: CSS text to embed, for a standalone download.
    :param crop: frame the body area of the overlay (head and neck, hand ...)
        instead of the whole figure; by default every non-interactive diagram
        of a pattern (zones or trigger points) and every thumbnail is cropped.
    :param frame: a :class:`~bodymap.render.shapes.Frame` to show instead.
    :param legend: draw the legend below the frame (default: unless the
        diagram is a thumbnail).
    :param locator: with a crop, draw a small whole figure showing where it lies.
    :param clip: clip the drawing to its frame, for a page or viewer that gives
        it more room; an image rendered at the frame's size needs no clip.
    """
    view = atlas.views[view_id]
    prefix = prefix or f"map-{view_id}"
    thumbnail = "thumbnail" in css_class.split()
    legend = (not thumbnail) if legend is None else legend
    if crop is None:
        crop = thumbnail or (
            not interactive and overlay is not None and _is_pattern(overlay)
        )
    if frame is None:
        if crop and overlay is not None:
            frame = choose_frame(atlas, view_id, overlay)
            if thumbnail:
                frame = drawing_shapes(atlas).fixed_aspect(frame, THUMBNAIL_ASPECT)
        else:
            frame = Frame(0, 0, view.width, view.height, "whole")
    cropped = frame.area != "whole" and not thumbnail
    rows = len(overlay.legend) if overlay is not None and legend else 0
    layout = _layout(frame, rows, cropped and locator)
    drawing = svgwrite.Drawing(
        size=None,
        viewBox=layout.viewbox(),
        debug=False,
        id=prefix,
        class_=f"{css_class} view-{view_id} area-{frame.area}",
    )
    drawing.attribs["preserveAspectRatio"] = "xMidYMid meet"
    title = title or f"Body map, {view_id} view"
    drawing.attribs["role"] = "group" if interactive else "img"
    drawing.attribs["aria-label"] = title
    drawing.set_desc(title=title)
    _defs(drawing, prefix)
    if overlay is not None:
        _series_defs(drawing, prefix, overlay)
    if clip:
        # The page may give the diagram more room than its frame: clip to it.
        clip_path = drawing.defs.add(drawing.clipPath(id=f"{prefix}-clip"))
        clip_path.add(
            drawing.rect((frame.x, frame.y), (frame.width, frame.height + layout.strip))
        )
        body = drawing.add(drawing.g(class_="chart", clip_path=f"url(#{prefix}-clip)"))
    else:
        body = drawing.add(drawing.g(class_="chart"))
    body.add(_figure_group(drawing, atlas, view_id, prefix, frame, thumbnail))
    if overlay is not None and overlay.muscles and not thumbnail:
        body.add(_muscle_group(drawing, overlay, frame))
    if interactive:
        regions = drawing.g(id=f"{prefix}-regions", class_="regions")
        for region in atlas.regions_of(view_id):
            regions.add(
                _region_element(
                    drawing,
                    region,
                    atlas.neighbours(region.id),
                    atlas.zoom_of(region.id),
                )
            )
        body.add(regions)
    verbatim = {}
    if not thumbnail:
        body.add(
            _verbatim(
                drawing,
                atlas,
                f"landmarks-{view_id}",
                lambda d: _landmark_group(d, atlas, view_id),
                verbatim,
            )
        )
    if overlay is not None:
        body.add(_overlay_group(drawing, atlas, view_id, overlay, prefix, layout))
    if not thumbnail:
        body.add(_side_labels(drawing, view, layout))
    if layout.strip:
        body.add(
            drawing.rect(
                (frame.x, frame.y + frame.height),
                (frame.width, layout.strip),
                class_="legend-ground",
            )
        )
    if layout.locator:
        body.add(_locator_group(drawing, atlas, view_id, layout))
    if rows:
        body.add(_legend_group(drawing, overlay, prefix, layout))
    if stylesheet:
        used = _classes_in(drawing) | {css_class, f"view-{view_id}"}
        for _markup, classes in verbatim.values():
            used |= classes
        drawing.defs.elements.insert(0, drawing.style(used_css(stylesheet, used)))
    svg = drawing.tostring()
    for stand_in, (markup, _classes) in verbatim.items():
        svg = svg.replace(stand_in, markup, 1)
    return svg
