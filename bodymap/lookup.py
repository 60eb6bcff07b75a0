"""Rank muscles by how well their trigger points explain a pain drawing.

The score, in plain words
-------------------------
A pain drawing is a set of spots, each with a weight: its intensity (mild 1,
moderate 2, severe 3; moderate when not given).  Candidates are muscles on one
side of the body (the right and the left upper trapezius are two candidates;
a midline muscle is one).

1. **How well one trigger point explains one spot.**  The spot earns

   * 1.0 when it lies in the trigger point's essential (main) referred zone,
   * 0.6 when it lies over the trigger point's own local pain zone,
   * 0.5 when it lies in the spillover zone (where pain only sometimes spreads),
   * 0 otherwise (the best of these when zones overlap).

   A spot on a finger, the thumb or a toe also matches the zones on the other
   face of the same digit (the map shows one face at a time, and people with
   pain there seldom know which face hurts), at 0.6 times the weight; the
   explanation says so.

   A narrow pattern tells more than a wide one, so this is multiplied by the
   trigger point's *specificity*, ``1 - 0.5 * min(1, coverage / 0.25)``, where
   coverage is the share of the body's surface (both views) its zones cover:
   a pattern over a quarter of the body or more counts half.

2. **How well a muscle explains a spot**: the best of its trigger points.  A
   muscle explains a spot when any of its trigger points does, so upper
   trapezius with one trigger point referring to the temple and another to the
   back of the neck explains both.

3. **The muscle's score** is ``100 *`` the intensity-weighted average over all
   spots (0 for a spot it does not explain), so explaining more of the
   drawing, and the more painful spots, scores higher.

4. **The order.**  A muscle that explains every spot ranks above one that
   explains fewer, whatever the scores.  Within that, muscles go by score, but
   how often a muscle is found as a source of such pain breaks near-ties: a
   muscle the data calls a *common* source gets 5 points ahead, a *rare* one 5
   behind (a muscle without that information counts as *occasional*, 0).  So
   of two muscles less than 5 points apart, the common one comes first; the
   explanation then says "a common source of pain here".  Exact ties go to the
   muscle with more spots in its main zones, then by name and side.

Each candidate lists the trigger points that contribute, best first, and which
spots each explains.  Zones are sided: a spot at the right temple can only be
explained by trigger points whose zones include the right temple.  Spots
resolve to atlas regions through the atlas's STRtree; a zone refined by its
own outline matches its listed regions and, in a second STRtree, any spot
inside the outline.

How it stays fast
-----------------
Everything that does not depend on the drawing is worked out once: for every
region, the muscles that earn anything there and their best value (digit
faces included), as numpy arrays.  A lookup concatenates one set per spot and
sums them per muscle with ``bincount``, picks the best muscles (breaking ties
at the cut the way the final order does), and only then explains those.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import shapely
from shapely import STRtree

from bodymap.dataset.model import Muscle
from bodymap.patterns import TriggerPoint

MATCH = {"essential": 1.0, "local": 0.6, "spillover": 0.5}
ZONE_WORDS = {
    "essential": "in its main zone",
    "local": "over the trigger point itself",
    "spillover": "where its pain may spread",
}
FACE_WORDS = " on the other face of the same digit, which counts for less"
DEFAULT_INTENSITY = 2
WIDE_PATTERN = 0.25
"""Share of the body's surface at which a pattern's specificity bottoms out."""
OTHER_FACE = 0.6
"""Weight of a match on the other face of the same finger, thumb or toe."""
PREVALENCE_LEVELS = ("common", "occasional", "rare")
DEFAULT_PREVALENCE = "occasional"
PREVALENCE_BONUS = {"common": 5.0, "occasional": 0.0, "rare": -5.0}
"""Points added to a muscle's score when ordering: this is what a near-tie is."""
PREVALENCE_WORDS = {
    "common": "a common source of pain here",
    "rare": "a rare source of pain here",
}
"""What the explanation says; most muscles are occasional sources, unsaid."""

TOES = ("big-toe", "lesser-toes")
DIGIT_FACES = {
    **{toe: f"{toe}-sole" for toe in TOES},
    **{f"{toe}-sole": toe for toe in TOES},
}
"""One face of a toe -> the other (region ids without their side).

Fingers and the thumb pair by name: ``<digit>-palmar`` with ``<digit>-dorsal``.
"""


@dataclass(frozen=True)
class Spot:
    """One place that hurts, already resolved to an atlas region."""

    view: str
    x: float
    y: float
    region_id: str
    intensity: int = DEFAULT_INTENSITY


class PointMatch(NamedTuple):
    """One trigger point of a candidate muscle and the spots it explains."""

    point: TriggerPoint
    explains: tuple[int, ...]
    zones: tuple[str, ...]  # the zone that explains each index in ``explains``


class Candidate(NamedTuple):
    """A muscle on one side that may explain part of the drawing.

    A named tuple rather than a dataclass: a lookup builds twenty of them, and
    a tuple is built several times faster.
    """

    muscle: Muscle
    side: str
    score: float
    explains: tuple[int, ...]  # indices of the spots it explains
    zones: tuple[str, ...]  # the best zone for each index in ``explains``
    other_face: tuple[int, ...]  # spots matched only on the digit's other face
    trigger_points: tuple[PointMatch, ...]  # contributing ones, best first
    prevalence: str | None  # level from the data, None when it has none
    explanation: str

    @property
    def point(self):
        """Return the trigger point that explains the most, for one diagram."""
        return self.trigger_points[0].point

    @property
    def key(self):
        """Return an id unique across sides, for example "soleus.left"."""
        return f"{self.muscle.id}.{self.side}"

    def pattern_zones(self):
        """Return {zone: region ids} of the contributing trigger points together.

        Each region appears once, in its strongest zone: essential, then the
        local zone over a trigger point, then spillover.
        """
        seen, zones = set(), {}
        for zone in ("essential", "local", "spillover"):
            found = []
            for match in self.trigger_points:
                for region_id in match.point.zones[zone]:
                    if region_id not in seen:
                        seen.add(region_id)
                        found.append(region_id)
            zones[zone] = tuple(found)
        return zones

    def map_points(self, spots):
        """Return each contributing trigger point for the map, with its lines.

        A line goes from the trigger point to each spot it explains on the
        same view, and to no other spot.
        """
        return [
            {
                "view": match.point.view,
                "x": match.point.x,
                "y": match.point.y,
                "lines": [
                    [spots[i].x, spots[i].y]
                    for i in match.explains
                    if spots[i].view == match.point.view
                ],
            }
            for match in self.trigger_points
        ]

    def view_to_show(self, atlas, spots):
        """Return the view that holds the explained spots and the main zone.

        Each explained spot counts two, each essential region one; a tie goes
        to the view of the trigger point that explains the most.
        """
        votes = dict.fromkeys(atlas.views, 0)
        for i in self.explains:
            votes[spots[i].view] += 2
        for region_id in self.pattern_zones()["essential"]:
            votes[atlas.regions[region_id].view] += 1
        best = max(votes.values())
        if votes.get(self.point.view) == best:
            return self.point.view
        return next(view for view, count in votes.items() if count == best)


def prevalence_level(muscle):
    """Return the muscle's prevalence level from the data, or None."""
    return getattr(getattr(muscle, "prevalence", None), "level", None)


def _join(names):
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _side_parts(region_id):
    for prefix in ("right-", "left-"):
        if region_id.startswith(prefix):
            return prefix, region_id[len(prefix) :]
    return "", region_id


class LookupEngine:
    """Every muscle's value per region, built once, queried per drawing."""

    def __init__(self, atlas, trigger_points):
        self.atlas = atlas
        self.points = list(trigger_points)
        self._groups = []  # (muscle, side) per candidate muscle
        self._members = []  # trigger point indices per group
        group_index = {}
        for index, point in enumerate(self.points):
            key = (point.muscle.id, point.side)
            if key not in group_index:
                group_index[key] = len(self._groups)
                self._groups.append((point.muscle, point.side))
                self._members.append([])
            self._members[group_index[key]].append(index)
        self._group_of = [group_index[(p.muscle.id, p.side)] for p in self.points]
        body = sum(silhouette.area for silhouette in atlas.silhouettes.values())
        self._specificity = [
            1 - 0.5 * min(1.0, self._coverage(point) / body / WIDE_PATTERN)
            for point in self.points
        ]
        self._zone_at = [self._best_zones(point) for point in self.points]
        self._other_face = {
            region_id: other
            for region_id in atlas.regions
            if (other := self._other_face_of(region_id)) in atlas.regions
        }
        self._ids = [point.spec.id for point in self.points]
        self._value_at = [self._values_of(index) for index in range(len(self.points))]
        self._build_refined()
        self._build_vectors()
        levels = [prevalence_level(muscle) for muscle, _side in self._groups]
        self._levels = levels
        self._bonus = np.array(
            [PREVALENCE_BONUS[level or DEFAULT_PREVALENCE] for level in levels]
        )
        self._rank_names = [
            (muscle.name, ("right", "left", "midline").index(side))
            for muscle, side in self._groups
        ]
        by_name = sorted(range(len(self._groups)), key=self._rank_names.__getitem__)
        self._name_rank = np.empty(len(self._groups), dtype=np.intp)
        self._name_rank[by_name] = np.arange(len(self._groups))

    @staticmethod
    def _coverage(point):
        views = {}
        for zone in MATCH:
            for view, shape in point.shapes[zone].items():
                views.setdefault(view, []).append(shape)
        return sum(shapely.union_all(shapes).area for shapes in views.values())

    @staticmethod
    def _best_zones(point):
        """Return {region id: best zone} over the trigger point's listed zones."""
        found = {}
        for zone in MATCH:
            for region_id in point.zones[zone]:
                if region_id not in found or MATCH[zone] > MATCH[found[region_id]]:
                    found[region_id] = zone
        return found

    @staticmethod
    def _other_face_of(region_id):
        prefix, slug = _side_parts(region_id)
        stem, _, face = slug.rpartition("-")
        if face in ("palmar", "dorsal"):
            return f"{prefix}{stem}-{'dorsal' if face == 'palmar' else 'palmar'}"
        other = DIGIT_FACES.get(slug)
        return prefix + other if other else None

    def _build_refined(self):
        """Index the zones that have their own outline, by point."""
        shapes, self._refined = [], []
        for index, point in enumerate(self.points):
            for zone, refined in point.spec.zone_shapes.items():
                if zone not in MATCH:
                    continue
                shape = point.shapes[zone].get(refined.view)
                if shape is None or shape.is_empty:
                    continue
                shapely.prepare(shape)
                shapes.append(shape)
                self._refined.append((index, zone, refined.view))
        self._refined_tree = STRtree(shapes)
        self._near_refined = {
            region.id
            for shape, (_index, _zone, view) in zip(shapes, self._refined, strict=True)
            for region in self.atlas.regions_of(view)
            if region.shape.intersects(shape)
        }

    def _value(self, index, zone, other_face=False):
        factor = OTHER_FACE if other_face else 1.0
        return MATCH[zone] * self._specificity[index] * factor

    def _values_of(self, index):
        """Return {region id: (value, zone, other face)}, digit faces included."""
        zones = self._zone_at[index]
        values = {
            region_id: (self._value(index, zone), zone, False)
            for region_id, zone in zones.items()
        }
        for region_id, other in self._other_face.items():
            zone = zones.get(other)
            if zone is None:
                continue
            value = self._value(index, zone, other_face=True)
            if region_id not in values or value > values[region_id][0]:
                values[region_id] = (value, zone, True)
        return values

    def _build_vectors(self):
        """Work out, per region, the best value each muscle earns there.

        Each region keeps three parallel arrays: the muscles that earn
        anything there, their value, and whether that best value comes from
        an essential zone.
        """
        best = {region_id: {} for region_id in self.atlas.regions}
        for index, values in enumerate(self._value_at):
            group = self._group_of[index]
            for region_id, (value, zone, _face) in values.items():
                here = best[region_id]
                if group not in here or value > here[group][0]:
                    here[group] = (value, zone == "essential")
        self._vectors = {}
        for region_id, here in best.items():
            groups = sorted(here)
            self._vectors[region_id] = (
                np.array(groups, dtype=np.intp),
                np.array([here[g][0] for g in groups], dtype=float),
                np.array([here[g][1] for g in groups], dtype=bool),
            )
        self._detail = {region_id: {} for region_id in self.atlas.regions}
        for index, values in enumerate(self._value_at):
            group = self._group_of[index]
            for region_id, (value, zone, face) in values.items():
                self._detail[region_id].setdefault(group, []).append(
                    (index, value, zone, face)
                )

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

    def _refined_hits(self, spots):
        """Return, per spot, {trigger point index: zone} of refined outlines."""
        found = [{} for _spot in spots]
        if not self._refined:
            return found
        points = shapely.points([(spot.x, spot.y) for spot in spots])
        spot_hits, shape_hits = self._refined_tree.query(points, predicate="intersects")
        for spot_index, hit in zip(
            spot_hits.tolist(), shape_hits.tolist(), strict=True
        ):
            index, zone, view = self._refined[hit]
            hits = found[spot_index]
            if view == spots[spot_index].view and (
                index not in hits or MATCH[zone] > MATCH[hits[index]]
            ):
                hits[index] = zone
        return found

    def rank(self, spots, limit=20):
        """Return up to ``limit`` candidate muscles for the spots, best first."""
        total = sum(spot.intensity for spot in spots)
        if not spots or total == 0 or not self._groups:
            return []
        regions = [spot.region_id for spot in spots]
        if self._near_refined.isdisjoint(regions):
            refined = [{}] * len(spots)
            vectors = [self._vectors[region_id] for region_id in regions]
        else:
            refined = self._refined_hits(spots)
            vectors = [
                self._with_refined_vector(region_id, hits)
                for region_id, hits in zip(regions, refined, strict=True)
            ]
        groups = np.concatenate([vector[0] for vector in vectors])
        weights = np.repeat(
            np.array([spot.intensity / total for spot in spots]),
            [len(vector[0]) for vector in vectors],
        )
        values = np.concatenate([vector[1] for vector in vectors]) * weights
        size = len(self._groups)
        scores = np.round(100 * np.bincount(groups, values, minlength=size), 1)
        counts = np.bincount(groups, minlength=size)
        order = scores + self._bonus + np.where(counts == len(spots), 1000.0, 0.0)
        shortlist = np.flatnonzero(counts)
        if len(shortlist) > limit:
            cut = np.partition(order[shortlist], len(shortlist) - limit)[
                len(shortlist) - limit
            ]
            shortlist = shortlist[order[shortlist] >= cut]
        if len(shortlist) > limit:
            # ties at the cut: break them as the final sort does, in numpy
            essential = np.bincount(
                groups,
                np.concatenate([vector[2] for vector in vectors]),
                minlength=size,
            )
            best = np.lexsort(
                (
                    self._name_rank[shortlist],
                    -essential[shortlist],
                    -order[shortlist],
                )
            )
            shortlist = shortlist[best[:limit]]
        names = [self.atlas.regions[region_id].name for region_id in regions]
        ranked = []
        for group, score, rank_value in zip(
            shortlist.tolist(),
            scores[shortlist].tolist(),
            order[shortlist].tolist(),
            strict=True,
        ):
            candidate = self._candidate(group, score, regions, refined, names)
            essential = candidate.zones.count("essential")
            key = (-rank_value, -essential, self._rank_names[group])
            ranked.append((key, candidate))
        ranked.sort(key=lambda item: item[0])
        return [candidate for _key, candidate in ranked[:limit]]

    def _candidate(self, group, score, regions, refined, names):
        """Work out which trigger points explain which spots, and say so."""
        per_spot = {}
        found = {}  # trigger point index -> [spot indices, zones, total value]
        detail = self._detail
        for spot_index, region_id in enumerate(regions):
            entries = detail[region_id].get(group, ())
            if refined[spot_index]:
                entries = self._with_refined(entries, refined[spot_index], group)
            for index, value, zone, face in entries:
                record = found.get(index)
                if record is None:
                    found[index] = [[spot_index], [zone], value]
                else:
                    record[0].append(spot_index)
                    record[1].append(zone)
                    record[2] += value
                best = per_spot.get(spot_index)
                if best is None or value > best[0]:
                    per_spot[spot_index] = (value, zone, face)
        if len(found) == 1:
            ((index, (explained, zones, _total)),) = found.items()
            points = [PointMatch(self.points[index], tuple(explained), tuple(zones))]
        else:
            ordered = sorted(
                (-total, self._ids[index], index, explained, zones)
                for index, (explained, zones, total) in found.items()
            )
            points = [
                PointMatch(self.points[index], tuple(explained), tuple(zones))
                for _total, _id, index, explained, zones in ordered
            ]
        explains = tuple(per_spot)  # filled in spot order
        matches = per_spot.values()
        level = self._levels[group]
        muscle, side = self._groups[group]
        return Candidate(
            muscle,
            side,
            score,
            explains,
            tuple([match[1] for match in matches]),
            tuple([i for i, match in per_spot.items() if match[2]]),
            tuple(points),
            level,
            self._explain(explains, per_spot, names, level),
        )

    def _with_refined_vector(self, region_id, hits):
        """Return a region's arrays with the refined outlines under a spot."""
        groups, values, essential = self._vectors[region_id]
        if not hits:
            return groups, values, essential
        best = {
            group: (value, is_essential)
            for group, value, is_essential in zip(
                groups.tolist(), values.tolist(), essential.tolist(), strict=True
            )
        }
        for index, zone in hits.items():
            group, value = self._group_of[index], self._value(index, zone)
            if group not in best or value > best[group][0]:
                best[group] = (value, zone == "essential")
        ordered = sorted(best)
        return (
            np.array(ordered, dtype=np.intp),
            np.array([best[g][0] for g in ordered], dtype=float),
            np.array([best[g][1] for g in ordered], dtype=bool),
        )

    def _with_refined(self, entries, hits, group):
        """Return the entries of a spot with the refined outlines under it."""
        merged = {entry[0]: entry for entry in entries}
        for index, zone in hits.items():
            if self._group_of[index] != group:
                continue
            value = self._value(index, zone)
            if index not in merged or value > merged[index][1]:
                merged[index] = (index, value, zone, False)
        return sorted(merged.values())

    @staticmethod
    def _explain(explains, per_spot, names, level):
        count, spots = len(explains), len(names)
        if spots == 1:
            head = "explains your spot: "
        elif count == spots == 2:
            head = "explains both your spots: "
        elif count == spots:
            head = f"explains all {count} of your spots: "
        else:
            head = f"explains {count} of your {spots} spots: "
        by_zone = {}
        for i in explains:
            match = per_spot[i]
            key = (match[2], match[1])
            if key in by_zone:
                if names[i] not in by_zone[key]:
                    by_zone[key].append(names[i])
            else:
                by_zone[key] = [names[i]]
        if len(by_zone) == 1:
            ((key, found),) = by_zone.items()
            parts = [_zone_phrase(key, found)]
        else:
            parts = [
                _zone_phrase(key, by_zone[key])
                for key in _EXPLAIN_ORDER
                if key in by_zone
            ]
        text = head + "; ".join(parts)
        if level in PREVALENCE_WORDS:
            text += "; " + PREVALENCE_WORDS[level]
        return text


def _zone_phrase(key, names):
    other_face, zone = key
    phrase = f"{_join(names)} {ZONE_WORDS[zone]}"
    return phrase + FACE_WORDS if other_face else phrase


_EXPLAIN_ORDER = [
    (other_face, zone)
    for other_face in (False, True)
    for zone in ("essential", "local", "spillover")
]
