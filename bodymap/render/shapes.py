"""Geometry for drawing: smooth zones, the drawn outline, crops by body area.

Hit-testing uses the atlas regions exactly as they are; this module only
decides how things *look*.  Everything here is shapely (no svgwrite, no
flask) and is built once per atlas, then cached: smoothing a zone costs a few
milliseconds, so a zone is smoothed the first time it is drawn and reused.
"""

import weakref
from dataclasses import dataclass

import numpy
import shapely
from shapely import Polygon, affinity, box, make_valid, unary_union

from bodymap.atlas import CENTRE

QUAD_SEGS = 8
CLOSE_RADIUS = 6.0
"""Closing (grow then shrink) fills notches and gaps between neighbouring cells."""
OPEN_RADII = (5.0, 3.5, 2.5)
"""Opening (shrink then grow) rounds corners; thin parts try smaller radii."""
OPEN_KEEP = 0.85
"""Share of a part's area an opening must keep, or a smaller radius is tried."""
ZONE_DETAIL = 0.15
EDGE_REACH = 10.0
RESAMPLE = 1.0
AVERAGE_WINDOW = 16.0
"""Outlines are averaged over this length (twice): zigzags of cells go."""
AVERAGE_PASSES = 2
OUTLINE_CLOSE = 3.0
OUTLINE_OPEN = 1.5
OUTLINE_DETAIL = 0.25
LOCATOR_DETAIL = 2.5
THUMBNAIL_DETAIL = 0.8
MUSCLE_DETAIL = 0.5

# Body areas a diagram is cropped to, in body coordinates (u towards the
# person's right, y down) for the person's right side: (u0, y0, u1, y1).
# Central areas span both sides; paired ones are mirrored for the left.
AREAS = {
    "head-neck": ((-72, 22, 72, 214), False),
    "hand": ((104, 440, 178, 586), True),
    "forearm-hand": ((88, 318, 180, 590), True),
    "head-shoulder": ((-64, 22, 136, 262), True),
    "shoulder-arm": ((-8, 150, 178, 586), True),
    "trunk": ((-112, 150, 112, 520), False),
    "low-back-hip": ((-112, 300, 112, 740), False),
    "hip-thigh": ((-24, 360, 112, 730), True),
    "leg-foot": ((-16, 640, 96, 975), True),
    "lower-limb": ((-24, 360, 112, 975), True),
    "upper-body": ((-178, 22, 178, 586), False),
}
"""Crops by body area, tried smallest first: (box, paired)."""
AREA_MARGIN = 10.0
"""Content may stick out of an area's box by this much and still fit it."""
CONTENT_MARGIN = 14.0
MIN_ASPECT = 0.62
"""A crop is at least this wide for its height, so it never turns into a sliver."""


@dataclass(frozen=True)
class Frame:
    """A crop of a view: the box in view units and the body area it shows."""

    x: float
    y: float
    width: float
    height: float
    area: str

    @property
    def bounds(self):
        return (self.x, self.y, self.x + self.width, self.y + self.height)


def _round(value):
    return round(value, 1)


class DrawingShapes:
    """The shapes a diagram of one atlas is drawn with, built once and cached."""

    def __init__(self, atlas):
        self.atlas = atlas
        self.outlines = {}
        self.locators = {}
        self._zones = {}
        self._boxes = {}
        self.path_cache = {}
        """SVG path data drawn again and again (outlines), keyed by the caller."""
        for view_id, silhouette in atlas.silhouettes.items():
            outline = silhouette.buffer(OUTLINE_CLOSE, quad_segs=QUAD_SEGS)
            outline = outline.buffer(-OUTLINE_CLOSE - OUTLINE_OPEN, quad_segs=QUAD_SEGS)
            outline = outline.buffer(OUTLINE_OPEN, quad_segs=QUAD_SEGS)
            self.outlines[view_id] = outline.simplify(OUTLINE_DETAIL)
            shapely.prepare(self.outlines[view_id])
            self.locators[view_id] = silhouette.simplify(LOCATOR_DETAIL)

    def smooth_zone(self, view_id, geometry):
        """Return a zone drawn as a clinician would: round, no notches, on the body.

        The union of a zone's regions is closed (notches and gaps between
        neighbouring cells filled), clipped to the drawn outline, then opened
        part by part (corners rounded), and simplified.  Cached by geometry.
        """
        if geometry is None or geometry.is_empty:
            return geometry
        key = (view_id, shapely.to_wkb(geometry))
        cached = self._zones.get(key)
        if cached is None:
            cached = self._smooth(view_id, geometry)
            self._zones[key] = cached
        return cached

    def _smooth(self, view_id, geometry):
        outline = self.outlines[view_id]
        closed = geometry.buffer(CLOSE_RADIUS, quad_segs=QUAD_SEGS).buffer(
            -CLOSE_RADIUS, quad_segs=QUAD_SEGS
        )
        # Reach past the body where the zone meets its edge, so that after
        # smoothing and clipping the zone still runs flush with the outline.
        beyond = closed.buffer(EDGE_REACH, quad_segs=QUAD_SEGS).difference(outline)
        reached = unary_union([closed, beyond])
        averaged = unary_union(
            [_average(part) for part in getattr(reached, "geoms", [reached])]
        )
        clipped = averaged.intersection(outline)
        parts = []
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type != "Polygon" or part.area < 1:
                continue
            parts.append(_open(part))
        if not parts:
            return geometry
        return unary_union(parts).simplify(ZONE_DETAIL)

    def frame(self, view_id, shapes, points, margin=CONTENT_MARGIN):
        """Return the :class:`Frame` showing ``shapes`` and ``points`` on a view.

        The frame is the smallest body area (head and neck, hand, shoulder and
        arm, trunk, hip and thigh, leg and foot) that holds everything, grown
        to hold it with a margin; the whole figure when nothing fits.
        """
        view = self.atlas.views[view_id]
        bounds = _content_bounds(shapes, points)
        if bounds is None:
            return Frame(0, 0, view.width, view.height, "whole")
        minx, miny, maxx, maxy = bounds
        chosen, area = None, "whole"
        for name, candidate in self._area_boxes(view).items():
            cx0, cy0, cx1, cy1 = candidate
            if (
                minx >= cx0 - AREA_MARGIN
                and maxx <= cx1 + AREA_MARGIN
                and miny >= cy0 - AREA_MARGIN
                and maxy <= cy1 + AREA_MARGIN
            ):
                chosen, area = candidate, name
                break
        if chosen is None:
            return Frame(0, 0, view.width, view.height, "whole")
        x0 = min(chosen[0], minx - margin)
        y0 = min(chosen[1], miny - margin)
        x1 = max(chosen[2], maxx + margin)
        y1 = max(chosen[3], maxy + margin)
        width, height = x1 - x0, y1 - y0
        if width < MIN_ASPECT * height:
            grow = (MIN_ASPECT * height - width) / 2
            x0, x1 = x0 - grow, x1 + grow
        x0, y0 = max(x0, 0), max(y0, 0)
        x1, y1 = min(x1, view.width), min(y1, view.height)
        return Frame(_round(x0), _round(y0), _round(x1 - x0), _round(y1 - y0), area)

    def fixed_aspect(self, frame, aspect):
        """Return ``frame`` grown to width/height = ``aspect`` about its centre.

        Thumbnails share one aspect so they line up; the frame may then reach
        past the view's edge (blank paper).
        """
        width, height = frame.width, frame.height
        if width < aspect * height:
            width = aspect * height
        else:
            height = width / aspect
        x = frame.x + (frame.width - width) / 2
        y = max(0.0, frame.y + (frame.height - height) / 2)
        return Frame(_round(x), _round(y), _round(width), _round(height), frame.area)

    def _area_boxes(self, view):
        """Return {area: (x0, y0, x1, y1)} in view units, both sides, small first."""
        if view.id not in self._boxes:
            self._boxes[view.id] = self._build_area_boxes(view)
        return self._boxes[view.id]

    @staticmethod
    def _build_area_boxes(view):
        boxes = {}
        for name, (bounds, paired) in AREAS.items():
            sides = ("right", "left") if paired else ("centre",)
            for side in sides:
                u0, y0, u1, y1 = bounds
                if side == "left":
                    u0, u1 = -u1, -u0
                shape = view.to_view(box(u0, y0, u1, y1))
                boxes[f"{name}-{side}" if paired else name] = shape.bounds
        return dict(
            sorted(
                boxes.items(),
                key=lambda item: (item[1][2] - item[1][0]) * (item[1][3] - item[1][1]),
            )
        )

    def outline_in(self, view_id, frame, detail=THUMBNAIL_DETAIL):
        """Return the drawn outline cut to a frame, coarser: for thumbnails."""
        x0, y0, x1, y1 = frame.bounds
        cut = box(x0 - 2, y0 - 2, x1 + 2, y1 + 2)
        return self.outlines[view_id].intersection(cut).simplify(detail)

    def muscle_shape(self, geometry):
        """Return a muscle outline ready to draw smooth (lightly simplified)."""
        return geometry.simplify(MUSCLE_DETAIL)


def _average_ring(coords, window):
    """Return a closed ring resampled every unit and smoothed by moving averages."""
    ring = numpy.asarray(coords, dtype=float)
    steps = numpy.hypot(*numpy.diff(ring, axis=0).T)
    along = numpy.concatenate([[0.0], numpy.cumsum(steps)])
    length = along[-1]
    count = max(int(length / RESAMPLE), 8)
    distances = numpy.arange(count) * (length / count)
    points = numpy.column_stack(
        [numpy.interp(distances, along, ring[:, k]) for k in (0, 1)]
    )
    half = max(1, min(int(window / 2 / RESAMPLE), count // 8))
    kernel = numpy.ones(2 * half + 1) / (2 * half + 1)
    for _ in range(AVERAGE_PASSES):
        padded = numpy.concatenate([points[-half:], points, points[:half]])
        points = numpy.column_stack(
            [numpy.convolve(padded[:, k], kernel, mode="valid") for k in (0, 1)]
        )
    return points


def _average(part):
    """Return a polygon whose outline is smoothed by a moving average (no zigzags)."""
    if part.geom_type != "Polygon" or part.is_empty:
        return part
    shell = _average_ring(part.exterior.coords, AVERAGE_WINDOW)
    holes = [
        _average_ring(ring.coords, AVERAGE_WINDOW)
        for ring in part.interiors
        if ring.length > 4 * RESAMPLE
    ]
    return make_valid(Polygon(shell, holes)).buffer(0)


def _open(part):
    """Round a polygon's corners with the largest opening that keeps it whole."""
    for radius in OPEN_RADII:
        opened = part.buffer(-radius, quad_segs=QUAD_SEGS).buffer(
            radius, quad_segs=QUAD_SEGS
        )
        if not opened.is_empty and opened.area >= OPEN_KEEP * part.area:
            return opened
    return part


def _content_bounds(shapes, points):
    xs, ys = [x for x, _ in points], [y for _, y in points]
    for shape in shapes:
        if shape is None or shape.is_empty:
            continue
        minx, miny, maxx, maxy = shape.bounds
        xs += [minx, maxx]
        ys += [miny, maxy]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


_SHAPES = weakref.WeakKeyDictionary()


def drawing_shapes(atlas):
    """Return the :class:`DrawingShapes` of an atlas, built on first use."""
    shapes = _SHAPES.get(atlas)
    if shapes is None:
        shapes = DrawingShapes(atlas)
        _SHAPES[atlas] = shapes
    return shapes


def mirror_view_x(shape):
    """Return a view-space shape mirrored about the midline."""
    return affinity.scale(shape, xfact=-1, origin=(CENTRE, 0))
