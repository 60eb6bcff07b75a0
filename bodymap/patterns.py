"""Referral patterns on the body: the dataset bound to the atlas, both sides.

This is where authored data meets geometry.  Each trigger point authored for
the person's right side becomes a :class:`TriggerPoint` for the right and, by
mirroring, for the left (midline muscles stay single).  Zones become shapely
geometry per view.  Anything in the data that does not fit the atlas (an
unknown region, a point off the body or on the wrong half) is a
:class:`~bodymap.dataset.DataError` naming file, entry and field.
"""

from dataclasses import dataclass, field

from shapely import Point, Polygon, affinity, make_valid, unary_union
from shapely.geometry.base import BaseGeometry

from bodymap.atlas import CENTRE, VIEW_IDS
from bodymap.dataset import DataError
from bodymap.dataset.model import REFERRED_ZONES, ZONES, Muscle, TriggerPointSpec

OUTLINE_SLACK = 3.0
"""How far (view units) a trigger point may sit outside its muscle's outline."""
BODY_SLACK = 1.0
REFINED_COVER = 0.05
"""Least share of a listed region a refined zone outline must cover where it
reaches into it (less is a slip of the pen, not a refinement)."""
OUTLINE_INSIDE = 0.99
"""Share of a muscle outline's area that must lie on the body (rounding aside)."""
ZONE_SLACK = 4.0
"""How far (view units) a refined zone shape may overhang the body's edge: the
same allowance as a click on the edge of the map (zones are clipped to the
silhouette when drawn, so a small overhang on a thin limb is harmless)."""
ZONE_INSIDE = 0.5
"""Share of a refined zone shape's area that must lie on the body."""


@dataclass(frozen=True)
class TriggerPoint:
    """One trigger point on one side of the body, with its zones as geometry."""

    spec: TriggerPointSpec = field(repr=False)
    muscle: Muscle = field(repr=False)
    side: str
    view: str
    x: float
    y: float
    zones: dict[str, tuple[str, ...]] = field(repr=False)
    """Region ids per zone kind, on this side."""
    shapes: dict[str, dict[str, BaseGeometry]] = field(repr=False, compare=False)
    """Geometry per zone kind and view id."""

    @property
    def id(self):
        return self.spec.id

    @property
    def key(self):
        """Return an id unique across sides, for example "soleus-1.left"."""
        return f"{self.spec.id}.{self.side}"

    def referred_regions(self):
        """Return the essential and spillover regions, essential first."""
        return self.zones["essential"] + self.zones["spillover"]

    def views(self):
        """Return the views this trigger point's pattern shows on."""
        seen = {self.view}
        for per_view in self.shapes.values():
            seen |= set(per_view)
        return [view for view in VIEW_IDS if view in seen]


@dataclass(frozen=True)
class MusclePattern:
    """A muscle with its outlines and trigger points on both sides."""

    muscle: Muscle
    outlines: tuple[tuple[str, str, BaseGeometry], ...]  # (side, view, polygon)
    trigger_points: tuple[TriggerPoint, ...]

    @property
    def id(self):
        return self.muscle.id

    def sides(self):
        """Return the sides this muscle has trigger points on: right, left, midline."""
        return sorted(
            {point.side for point in self.trigger_points},
            key=["right", "left", "midline"].index,
        )

    def studied_side(self):
        """Return the side the muscle is shown and studied on: right, else midline."""
        return self.sides()[0]

    def points_on(self, side=None):
        """Return the trigger points on ``side`` (default the studied side)."""
        side = side or self.studied_side()
        return tuple(point for point in self.trigger_points if point.side == side)

    def views(self, side=None):
        """Return the views the pattern on ``side`` shows on, front first."""
        seen = {view for point in self.points_on(side) for view in point.views()}
        return [view for view in VIEW_IDS if view in seen]


class Patterns:
    """Every muscle's pattern, with an index from region to trigger points."""

    def __init__(self, muscles):
        self.muscles = muscles
        self.trigger_points = [
            point for pattern in muscles.values() for point in pattern.trigger_points
        ]
        self.by_key = {point.key: point for point in self.trigger_points}
        self._referrers = {}
        for point in self.trigger_points:
            for zone in REFERRED_ZONES:
                for region_id in point.zones[zone]:
                    self._referrers.setdefault(region_id, []).append((point, zone))

    def referrers(self, region_id):
        """Return (trigger point, zone) pairs referring to a region, essential first."""
        found = self._referrers.get(region_id, [])
        return sorted(
            found,
            key=lambda pair: (pair[1] != "essential", pair[0].muscle.name, pair[0].key),
        )


def _mirror(shape):
    return affinity.scale(shape, xfact=-1, origin=(CENTRE, 0))


def _polygon(shape):
    polygon = Polygon(shape.points)
    return polygon if polygon.is_valid else make_valid(polygon)


class _Binder:
    """Check one muscle against the atlas and build its two-sided pattern."""

    def __init__(self, atlas, muscle, errors):
        self.atlas = atlas
        self.muscle = muscle
        self.errors = errors

    def problem(self, message, entry, field_name):
        self.errors.append(DataError(self.muscle.file, message, entry, field_name))

    def on_right_half(self, view_id, x):
        if not self.muscle.is_paired:
            return True
        return self.atlas.views[view_id].side_of(x) == "right"

    def outlines(self):
        shapes = []
        for index, shape in enumerate(self.muscle.outline):
            polygon = _polygon(shape)
            body = self.atlas.silhouettes[shape.view]
            inside = polygon.intersection(body)
            field_name = f"outline[{index}].points"
            entry = repr(self.muscle.id)
            if polygon.area == 0 or inside.area < OUTLINE_INSIDE * polygon.area:
                self.problem(
                    "outline must be a polygon lying inside the body", entry, field_name
                )
            elif not self.on_right_half(shape.view, polygon.centroid.x):
                self.problem(self._wrong_half(shape.view), entry, field_name)
            shapes.append((shape.view, inside))
        return shapes

    def _wrong_half(self, view_id):
        half = self.atlas.views[view_id].viewers_half("right")
        half = f"{half} (x {'<' if half == 'left' else '>'} {CENTRE:g})"
        return (
            f"author the person's right side: on the {view_id} view that is "
            f"the viewer's {half}"
        )

    def check_point(self, spec, index, outlines):
        entry, where = f"trigger point {spec.id!r}", f"trigger_points[{index}]"
        point = Point(spec.x, spec.y)
        if self.atlas.silhouettes[spec.view].distance(point) > BODY_SLACK:
            self.problem(
                f"({spec.x}, {spec.y}) is outside the body on the {spec.view} view",
                entry,
                f"{where}.x",
            )
        elif not self.on_right_half(spec.view, spec.x):
            self.problem(self._wrong_half(spec.view), entry, f"{where}.x")
        elif not any(
            view == spec.view and shape.distance(point) <= OUTLINE_SLACK
            for view, shape in outlines
        ):
            self.problem(
                f"({spec.x}, {spec.y}) is outside the muscle's outline "
                f"on the {spec.view} view",
                entry,
                f"{where}.x",
            )
        for zone in ZONES:
            for region_id in spec.zones[zone]:
                if region_id not in self.atlas.regions:
                    self.problem(
                        f"unknown region {region_id!r}", entry, f"{where}.{zone}"
                    )
        for zone, shape in spec.zone_shapes.items():
            polygon = _polygon(shape)
            body = self.atlas.silhouettes[shape.view]
            if not body.buffer(ZONE_SLACK).covers(polygon) or (
                polygon.intersection(body).area < ZONE_INSIDE * polygon.area
            ):
                self.problem(
                    f"the {zone} shape leaves the body on the {shape.view} view "
                    f"(it may overhang the edge by at most {ZONE_SLACK:g} units)",
                    entry,
                    f"{where}.{zone}_shape",
                )
            listed = [
                self.atlas.regions[r].shape
                for r in spec.zones[zone]
                if r in self.atlas.regions and self.atlas.regions[r].view == shape.view
            ]
            if not listed or not polygon.intersects(unary_union(listed)):
                self.problem(
                    f"the {zone} shape must overlap the {zone} regions "
                    f"on the {shape.view} view",
                    entry,
                    f"{where}.{zone}_shape",
                )
                continue
            for region_id in spec.zones[zone]:
                region = self.atlas.regions.get(region_id)
                if region is None or region.view != shape.view:
                    continue
                share = polygon.intersection(region.shape).area / region.shape.area
                if 0 < share < REFINED_COVER:
                    self.problem(
                        f"the {zone} shape stands for region {region_id!r} but "
                        f"covers only {share:.0%} of it: cover at least "
                        f"{REFINED_COVER:.0%} of it, or keep clear of it to "
                        "draw the region whole",
                        entry,
                        f"{where}.{zone}_shape",
                    )

    def zone_shapes(self, spec, zones, mirrored):
        """Return {zone: {view: geometry}} for one side."""
        shapes = {}
        for zone in ZONES:
            merged = self.atlas.shapes_of(zones[zone])
            refined = spec.zone_shapes.get(zone)
            if refined is not None:
                merged[refined.view] = self._refined_zone(
                    refined, zones[zone], mirrored
                )
            shapes[zone] = merged
        return shapes

    def _refined_zone(self, refined, region_ids, mirrored):
        """Return a refined zone: its outline, plus listed regions it keeps clear of.

        The outline stands for the listed regions it overlaps; a listed region
        it does not reach (the outer elbow beside a hand outline) is drawn
        whole, so no listed region vanishes from the drawing or the lookup.
        """
        polygon = _polygon(refined)
        polygon = _mirror(polygon) if mirrored else polygon
        parts = [polygon.intersection(self.atlas.silhouettes[refined.view])]
        for region_id in region_ids:
            region = self.atlas.regions.get(region_id)
            if region is not None and region.view == refined.view:
                if polygon.intersection(region.shape).area == 0:
                    parts.append(region.shape)
        return unary_union(parts)

    def sided_point(self, spec, side):
        mirrored = side == "left"
        mirror_region = (
            self.atlas.mirror_region_id if mirrored else (lambda region_id: region_id)
        )
        zones = {
            zone: tuple(mirror_region(r) for r in spec.zones[zone]) for zone in ZONES
        }
        x = self.atlas.views[spec.view].mirror_x(spec.x) if mirrored else spec.x
        return TriggerPoint(
            spec=spec,
            muscle=self.muscle,
            side=side,
            view=spec.view,
            x=round(x, 1),
            y=spec.y,
            zones=zones,
            shapes=self.zone_shapes(spec, zones, mirrored),
        )

    def bind(self):
        count = len(self.errors)
        outlines = self.outlines()
        for index, spec in enumerate(self.muscle.trigger_points):
            self.check_point(spec, index, outlines)
        if len(self.errors) > count:
            return None
        sides = ("right", "left") if self.muscle.is_paired else ("midline",)
        sided_outlines = []
        for side in sides:
            for view, shape in outlines:
                sided_outlines.append(
                    (side, view, _mirror(shape) if side == "left" else shape)
                )
        points = tuple(
            self.sided_point(spec, side)
            for side in sides
            for spec in self.muscle.trigger_points
        )
        return MusclePattern(self.muscle, tuple(sided_outlines), points)


def bind_patterns(dataset, atlas):
    """Return (patterns of the muscles that fit the atlas, list of problems)."""
    errors = []
    muscles = {}
    for muscle_id in sorted(
        dataset.muscles, key=lambda m: dataset.muscles[m].name.lower()
    ):
        pattern = _Binder(atlas, dataset.muscles[muscle_id], errors).bind()
        if pattern is not None:
            muscles[muscle_id] = pattern
    return Patterns(muscles), errors
