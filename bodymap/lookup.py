"""Rank trigger points by how well their referral patterns explain a pain drawing.

The score, in plain words
-------------------------
A pain drawing is a set of spots, each with a weight: its intensity (mild 1,
moderate 2, severe 3; moderate when not given).  For one trigger point on one
side of the body, each spot earns a match:

* 1.0 when it lies in the trigger point's essential (main) referred zone,
* 0.6 when it lies over the trigger point's own local pain zone,
* 0.5 when it lies in the spillover zone (where pain only sometimes spreads),
* 0 otherwise (the best of these when zones overlap).

The *explained share* is the weighted sum of matches divided by the total
weight of all spots, so explaining more of the drawing, and the more painful
spots, ranks higher.  Then a narrow pattern tells more than a wide one: the
score is multiplied by a *specificity* of ``1 - 0.5 * min(1, coverage / 0.25)``,
where coverage is the share of the body's surface (both views) that the
pattern's zones cover: a pattern over a quarter of the body or more counts
half.  The final score is ``100 * explained share * specificity``; ties go to
the candidate with more spots in its main zone, then by muscle name.

Sides are kept apart because zones are sided: a spot at the right temple can
only be explained by trigger points whose zones include the right temple.
Spots resolve to atlas regions through the atlas's STRtree; zones refined by a
polygon are tested against their own prepared geometry in a second STRtree.
"""

import heapq
from dataclasses import dataclass

import shapely
from shapely import Point, STRtree

MATCH = {"essential": 1.0, "local": 0.6, "spillover": 0.5}
ZONE_WORDS = {
    "essential": "in its main zone",
    "local": "over the trigger point itself",
    "spillover": "where its pain may spread",
}
DEFAULT_INTENSITY = 2
WIDE_PATTERN = 0.25
"""Share of the body's surface at which a pattern's specificity bottoms out."""


@dataclass(frozen=True)
class Spot:
    """One place that hurts, already resolved to an atlas region."""

    view: str
    x: float
    y: float
    region_id: str
    intensity: int = DEFAULT_INTENSITY


@dataclass(frozen=True)
class Candidate:
    """A trigger point that may explain part of the drawing."""

    point: object
    score: float
    explains: tuple  # indices of the spots it explains
    zones: tuple  # the zone that explains each index in ``explains``
    explanation: str


def _join(names):
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class LookupEngine:
    """An index of every trigger point's zones, built once, queried per drawing."""

    def __init__(self, atlas, trigger_points):
        self.atlas = atlas
        self.points = list(trigger_points)
        self._by_region = {}
        refined_shapes, self._refined = [], []
        for index, point in enumerate(self.points):
            for zone in MATCH:
                refined_views = {
                    v for v in point.shapes[zone] if self._is_refined(point, zone, v)
                }
                for region_id in point.zones[zone]:
                    if atlas.regions[region_id].view not in refined_views:
                        self._by_region.setdefault(region_id, []).append((index, zone))
                for view in refined_views:
                    shape = point.shapes[zone][view]
                    shapely.prepare(shape)
                    refined_shapes.append(shape)
                    self._refined.append((index, zone, view))
        self._refined_tree = STRtree(refined_shapes)
        body = sum(silhouette.area for silhouette in atlas.silhouettes.values())
        self._names = [(point.muscle.name, point.key) for point in self.points]
        self._specificity = [
            1 - 0.5 * min(1.0, self._coverage(point) / body / WIDE_PATTERN)
            for point in self.points
        ]

    @staticmethod
    def _is_refined(point, zone, view):
        return (
            zone in point.spec.zone_shapes and point.spec.zone_shapes[zone].view == view
        )

    @staticmethod
    def _coverage(point):
        views = {}
        for zone in MATCH:
            for view, shape in point.shapes[zone].items():
                views.setdefault(view, []).append(shape)
        return sum(shapely.union_all(shapes).area for shapes in views.values())

    def spot_at(self, view, x, y, intensity=DEFAULT_INTENSITY):
        """Return the spot for a click, or None when it is off the body."""
        region = self.atlas.region_at(view, x, y)
        if region is None:
            return None
        return Spot(view, float(x), float(y), region.id, intensity)

    def spot_in_region(self, region_id, intensity=DEFAULT_INTENSITY):
        """Return a spot at the inner label point of a region from the list."""
        region = self.atlas.regions[region_id]
        x, y = region.label_point
        return Spot(region.view, x, y, region_id, intensity)

    def _matches(self, spot):
        """Return {trigger point index: (match, zone)} for one spot."""
        found = {}

        def offer(index, zone):
            if index not in found or MATCH[zone] > found[index][0]:
                found[index] = (MATCH[zone], zone)

        for index, zone in self._by_region.get(spot.region_id, ()):
            offer(index, zone)
        if self._refined:
            hits = self._refined_tree.query(
                Point(spot.x, spot.y), predicate="intersects"
            )
            for hit in hits:
                index, zone, view = self._refined[hit]
                if view == spot.view:
                    offer(index, zone)
        return found

    def rank(self, spots, limit=20):
        """Return up to ``limit`` candidates for the spots, best first.

        Scores are summed for every trigger point a spot touches; only the
        ``limit`` best become candidates with their explanation.
        """
        total = sum(spot.intensity for spot in spots)
        if not spots or total == 0:
            return []
        per_spot = [self._matches(spot) for spot in spots]
        share, essential = {}, {}
        for spot, found in zip(spots, per_spot, strict=True):
            weight = spot.intensity / total
            for index, (match, zone) in found.items():
                share[index] = share.get(index, 0.0) + match * weight
                if zone == "essential":
                    essential[index] = essential.get(index, 0) + 1
        scores = {
            index: round(100 * value * self._specificity[index], 1)
            for index, value in share.items()
        }

        def order(index):
            return (-scores[index], -essential.get(index, 0), *self._names[index])

        best = heapq.nsmallest(limit, scores, key=order)
        return [
            self._candidate(index, scores[index], per_spot, spots) for index in best
        ]

    def _candidate(self, index, score, per_spot, spots):
        hits = [
            (spot_index, found[index][1])
            for spot_index, found in enumerate(per_spot)
            if index in found
        ]
        return Candidate(
            point=self.points[index],
            score=score,
            explains=tuple(spot_index for spot_index, _zone in hits),
            zones=tuple(zone for _spot_index, zone in hits),
            explanation=self._explain(hits, spots),
        )

    def _explain(self, hits, spots):
        count = len(hits)
        noun = "spot" if len(spots) == 1 else "spots"
        parts = []
        for zone in ("essential", "local", "spillover"):
            names = []
            for i, hit_zone in hits:
                name = self.atlas.regions[spots[i].region_id].name
                if hit_zone == zone and name not in names:
                    names.append(name)
            if names:
                parts.append(f"{_join(names)} {ZONE_WORDS[zone]}")
        return f"explains {count} of your {len(spots)} {noun}: " + "; ".join(parts)
