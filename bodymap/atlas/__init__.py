"""The body atlas: the front and back views, their silhouettes and regions.

Each view has its own coordinate system: SVG user units, x to the viewer's
right, y down, origin at the top left, ``width`` × ``height``.  The figure
stands in anatomical position, so the person's right side is on the viewer's
LEFT in the front view and on the viewer's RIGHT in the back view.  All of
that is decided here, in :func:`View.to_view`; nothing else converts sides.
"""

from dataclasses import dataclass, field

import shapely
from shapely import Point, Polygon, STRtree, affinity, box, unary_union
from shapely.ops import polylabel

from bodymap.atlas.click_grid import ClickGrid
from bodymap.atlas.figure import ZOOMS, right_half
from bodymap.atlas.landmarks import LANDMARKS
from bodymap.atlas.partition import cut_regions

WIDTH = 420.0
HEIGHT = 980.0
CENTRE = WIDTH / 2
VIEW_IDS = ("front", "back")
EDGE_TOLERANCE = 4.0
"""How far outside the outline (in view units) a click still counts."""
NEIGHBOUR_GAP = 0.5


@dataclass(frozen=True)
class Region:
    """A named patch of skin on one view."""

    id: str
    name: str
    view: str
    side: str
    area: str
    shape: Polygon = field(repr=False, compare=False)
    label_point: tuple[float, float] = field(compare=False)

    @property
    def title(self):
        """Return the accessible name, for example "right temple (front)"."""
        return f"{self.name} ({self.view})"


@dataclass(frozen=True)
class View:
    """One drawing of the body: front or back."""

    id: str
    width: float
    height: float

    @property
    def right_on_viewers_left(self):
        """Tell whether the person's right is on the viewer's left.

        The figure stands in the anatomical position: seen from the front, the
        person faces the viewer, so their right is on the viewer's left; seen
        from behind it is on the viewer's right.  This is the one place that
        decides it.
        """
        return self.id == "front"

    def to_view(self, shape):
        """Move ``shape`` from body coordinates into this view's coordinates.

        Body coordinates put the person's right at positive ``u``.
        """
        flip = -1 if self.right_on_viewers_left else 1
        return affinity.affine_transform(shape, [flip, 0, 0, 1, CENTRE, 0])

    def side_of(self, x):
        """Return which of the person's sides the view coordinate ``x`` is on."""
        if abs(x - CENTRE) < 1e-9:
            return "midline"
        on_viewers_left = x < CENTRE
        return "right" if on_viewers_left == self.right_on_viewers_left else "left"

    def x_on_side(self, side, offset):
        """Return the x lying ``offset`` units from the midline on the person's side."""
        toward_right = -1 if self.right_on_viewers_left else 1
        return CENTRE + offset * (toward_right if side == "right" else -toward_right)

    def viewers_half(self, side):
        """Return "left" or "right": the viewer's half holding the person's side."""
        return "left" if (side == "right") == self.right_on_viewers_left else "right"

    def mirror_x(self, x):
        """Return the x of the mirror point on the person's other side."""
        return 2 * CENTRE - x


def _label_point(shape):
    point = polylabel(shape, tolerance=0.5)
    return (round(point.x, 1), round(point.y, 1))


class Atlas:
    """Both views with their silhouettes and regions, built once and indexed."""

    def __init__(self):
        self.views = {view_id: View(view_id, WIDTH, HEIGHT) for view_id in VIEW_IDS}
        self.silhouettes = {}
        self.regions = {}
        self._trees = {}
        self._grids = {}
        self._view_regions = {}
        self._neighbours = {}
        for view in self.views.values():
            self._build_view(view)
        zoom_shapes = {view.id: self._zoom_shapes(view) for view in self.views.values()}
        self._zooms = {
            region.id: _smallest_holding(zoom_shapes[region.view], region.label_point)
            for region in self.regions.values()
        }

    def _build_view(self, view):
        half = right_half(view.id)
        whole = unary_union([half, affinity.scale(half, xfact=-1, origin=(0, 0))])
        self.silhouettes[view.id] = view.to_view(whole)
        regions = []
        for cut in cut_regions(half, LANDMARKS[view.id]):
            shape = view.to_view(cut.shape)
            shapely.prepare(shape)
            region = Region(
                cut.slug,
                cut.label,
                view.id,
                cut.side,
                cut.area,
                shape,
                _label_point(shape),
            )
            regions.append(region)
            self.regions[region.id] = region
        self._view_regions[view.id] = regions
        tree = STRtree([region.shape for region in regions])
        self._trees[view.id] = tree
        self._grids[view.id] = ClickGrid(tree, view.width, view.height)
        for region in regions:
            touching = tree.query(
                region.shape, predicate="dwithin", distance=NEIGHBOUR_GAP
            )
            self._neighbours[region.id] = tuple(
                sorted(regions[i].id for i in touching if regions[i].id != region.id)
            )

    def neighbours(self, region_id):
        """Return the ids of the regions that share a border with this one."""
        return self._neighbours[region_id]

    def regions_of(self, view_id):
        """Return the regions of one view, in authoring order."""
        return list(self._view_regions[view_id])

    def region_at(self, view_id, x, y):
        """Return the region under the point, or None when it is off the body.

        A point on a shared border belongs to the region whose id sorts first,
        so the answer never depends on index order.  A point just outside the
        outline (a click on the edge) goes to the nearest region.
        """
        regions = self._view_regions[view_id]
        hits = self._grids[view_id].hits(x, y)
        if not hits:
            hits = self._trees[view_id].query_nearest(
                Point(x, y), max_distance=EDGE_TOLERANCE, all_matches=True
            )
        if len(hits) == 0:
            return None
        if len(hits) == 1:
            return regions[hits[0]]
        return min((regions[i] for i in hits), key=lambda region: region.id)

    def shapes_of(self, region_ids):
        """Return {view: geometry} covering the given regions, front first."""
        parts = {}
        for region_id in region_ids:
            region = self.regions[region_id]
            parts.setdefault(region.view, []).append(region.shape)
        return {view: unary_union(parts[view]) for view in self.views if view in parts}

    def _zoom_shapes(self, view):
        """Return {zoom id: box} of the close-ups on one view, in view units."""
        shapes = {}
        for zoom_id, (_label, (u0, y0, u1, y1), mirrored) in ZOOMS.items():
            if mirrored:
                u0, u1 = -u1, -u0
            shapes[zoom_id] = view.to_view(box(u0, y0, u1, y1))
        return shapes

    def zoom_boxes(self):
        """Return [(id, label, {view: "x y w h"})] close-ups of small regions."""
        per_view = {view.id: self._zoom_shapes(view) for view in self.views.values()}
        boxes = []
        for zoom_id, (label, _bounds, _mirrored) in ZOOMS.items():
            frames = {}
            for view_id, shapes in per_view.items():
                minx, miny, maxx, maxy = shapes[zoom_id].bounds
                frames[view_id] = f"{minx:g} {miny:g} {maxx - minx:g} {maxy - miny:g}"
            boxes.append((zoom_id, label, frames))
        return boxes

    def zoom_of(self, region_id):
        """Return the id of the close-up to pick a region from, or None.

        It is the closest close-up (the smallest box) holding the region's
        label point.
        """
        return self._zooms[region_id]

    def mirror_region_id(self, region_id):
        """Return the id of the same region on the person's other side."""
        for this, other in (("right-", "left-"), ("left-", "right-")):
            if region_id.startswith(this):
                return other + region_id[len(this) :]
        return region_id


def build_atlas():
    """Build the atlas (a fraction of a second; do it once at start-up)."""
    return Atlas()


def _smallest_holding(shapes, point):
    """Return the id of the smallest of {id: shape} that holds ``point``, or None."""
    holding = [
        (shape.area, shape_id)
        for shape_id, shape in shapes.items()
        if shape.covers(Point(point))
    ]
    return min(holding)[1] if holding else None
