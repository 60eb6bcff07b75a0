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
own outline matches its listed regions and any spot inside the outline.

How it stays fast
-----------------
Everything that does not depend on the drawing is worked out once, when the
engine is built, for every region:

* each muscle that earns anything there and how (a ``Reach``: its best value
  and zone, every trigger point's, and what the explanation says when that is
  the only spot it explains);
* the same muscles as numpy arrays: their numbers, their best values, and
  which of those are in a main zone;
* the refined outlines within a click's reach of it.

A lookup adds up its spots' values per muscle and orders the best few.  A
typical drawing meets a few dozen (muscle, spot) matches (a region has about
six muscles), and those are summed in plain Python; a larger one joins its
spots' arrays, adds them up with ``bincount`` and lets numpy pick the best.
Both ways give the same scores to the last bit.  Only the best are
explained, each from its spots' ``Reach``.  Most candidates explain a single
spot, and their sentence was written when the engine was built; the sentences
about several spots are remembered, as the same ones recur across drawings.
A spot inside refined outlines takes its region's arrays and ``Reach`` with
those outlines added, worked out the first time that region meets those
outlines.
"""

import functools
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import shapely

from bodymap.atlas import EDGE_TOLERANCE
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
_TAIL = {level: "; " + words for level, words in PREVALENCE_WORDS.items()}

SORT_ALL = 128
"""Up to this many muscles, numpy sorts them all faster than it cuts first."""
FEW_MATCHES = 64
"""Up to this many (muscle, spot) matches, a drawing is ranked in plain Python."""
EXPLANATIONS_KEPT = 4096
"""How many multi-spot explanations to remember: the same ones recur."""

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
    a tuple is built several times faster.  The engine builds them (and their
    ``PointMatch``es) with ``_new``, which skips the named tuple's own
    ``__new__`` (a Python function, half the cost) and takes every field.
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


_new = tuple.__new__
"""Build a named tuple from a tuple of all its fields, in order."""


def prevalence_level(muscle):
    """Return the muscle's prevalence level from the data, or None."""
    return getattr(getattr(muscle, "prevalence", None), "level", None)


def _join(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _side_parts(region_id):
    for prefix in ("right-", "left-"):
        if region_id.startswith(prefix):
            return prefix, region_id[len(prefix) :]
    return "", region_id


class Reach(NamedTuple):
    """How one muscle explains a spot in one region, worked out once.

    ``entries`` holds every trigger point of the muscle that earns anything
    there, the way a candidate lists them when this is the only spot it
    explains (best first, then by id); the other fields describe the best.
    """

    value: float
    zone: str
    other_face: bool
    words: tuple[str, bool, str]  # (region name, other face, zone): explanation
    said: str  # the explanation after its head, when this is the only spot
    entries: tuple[tuple[int, float, str, bool], ...]  # (point, value, zone, face)


class RegionMatches(NamedTuple):
    """Every muscle that earns anything in one region, by group and as arrays."""

    reach: dict[int, Reach]  # group -> how it explains a spot here
    groups: np.ndarray  # the same groups
    values: np.ndarray  # rows: each one's best value, 1.0 where it is essential


def _region_matches(reach):
    """Return the RegionMatches of {group: Reach}."""
    groups = list(reach)
    return RegionMatches(
        reach,
        np.array(groups, dtype=np.intp),
        np.array(
            [
                [reach[group].value for group in groups],
                [reach[group].zone == "essential" for group in groups],
            ],
            dtype=float,
        ),
    )


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
        self._other_face = {
            region_id: other
            for region_id in atlas.regions
            if (other := self._other_face_of(region_id)) in atlas.regions
        }
        self._ids = [point.spec.id for point in self.points]
        levels = [prevalence_level(muscle) for muscle, _side in self._groups]
        self._levels = levels
        self._about = [
            (muscle, side, level)
            for (muscle, side), level in zip(self._groups, levels, strict=True)
        ]
        self._bonus = np.array(
            [PREVALENCE_BONUS[level or DEFAULT_PREVALENCE] for level in levels]
        )
        self._build_reach()
        self._build_outlines()
        rank_names = [
            (muscle.name, ("right", "left", "midline").index(side))
            for muscle, side in self._groups
        ]
        by_name = sorted(range(len(self._groups)), key=rank_names.__getitem__)
        self._name_rank_down = np.empty(len(self._groups), dtype=np.intp)
        self._name_rank_down[by_name] = np.arange(len(self._groups))[::-1]
        self._bonus_list = self._bonus.tolist()
        self._name_rank_down_list = self._name_rank_down.tolist()

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

    def _value(self, index, zone, other_face=False):
        factor = OTHER_FACE if other_face else 1.0
        return MATCH[zone] * self._specificity[index] * factor

    def _values_of(self, index):
        """Return {region id: (value, zone, other face)}, digit faces included."""
        zones = self._best_zones(self.points[index])
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

    def _reach_of(self, name, entries):
        """Return the Reach of trigger point entries (by index) in one region.

        Its words and sentence are shared with every equal Reach: regions
        repeat them, and at 100 times today's data copies would take tens of
        megabytes.
        """
        index, value, zone, face = max(entries, key=lambda entry: entry[1])
        level = self._levels[self._group_of[index]]
        said = name + _ZONE_ENDINGS[face, zone] + _TAIL.get(level, "")
        return Reach(
            value,
            zone,
            face,
            self._shared.setdefault((name, face, zone), (name, face, zone)),
            self._shared.setdefault(said, said),
            tuple(sorted(entries, key=lambda entry: (-entry[1], self._ids[entry[0]]))),
        )

    def _build_reach(self):
        """Work out, per region, how each muscle that earns anything explains it."""
        self._shared = {}
        found = {region_id: {} for region_id in self.atlas.regions}
        for index in range(len(self.points)):
            group = self._group_of[index]
            for region_id, (value, zone, face) in self._values_of(index).items():
                found[region_id].setdefault(group, []).append(
                    (index, value, zone, face)
                )
        self._matches = {
            region_id: _region_matches(
                {
                    group: self._reach_of(self.atlas.regions[region_id].name, entries)
                    for group, entries in here.items()
                }
            )
            for region_id, here in found.items()
        }

    def _build_outlines(self):
        """Index the zones that have their own outline by the regions they reach.

        A click counts for a region up to ``EDGE_TOLERANCE`` outside it, so an
        outline is listed for every region within that distance.
        """
        near = {}
        for index, point in enumerate(self.points):
            for zone, refined in point.spec.zone_shapes.items():
                if zone not in MATCH:
                    continue
                shape = point.shapes[zone].get(refined.view)
                if shape is None or shape.is_empty:
                    continue
                shapely.prepare(shape)
                outline = (shape.bounds, shape, index, zone)
                for region in self.atlas.regions_of(refined.view):
                    if shapely.dwithin(region.shape, shape, EDGE_TOLERANCE):
                        near.setdefault(region.id, []).append(outline)
        self._outlines = near
        # (region, outlines under a spot) -> its matches: a region meets few
        self._refined_matches = {}

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

    def rank(self, spots, limit=20):
        """Return up to ``limit`` candidate muscles for the spots, best first."""
        total = sum([spot.intensity for spot in spots])
        if not spots or total == 0 or not self._groups:
            return []
        here = [self._matches_at(spot) for spot in spots]
        if sum([len(matches.reach) for matches in here]) <= FEW_MATCHES:
            best, scores = self._best_of_few(spots, total, here, limit)
        else:
            best, scores = self._best_of_many(spots, total, here, limit)
        found = self._found(best, [matches.reach for matches in here])
        return [
            self._candidate(group, score, found[group], len(spots))
            for group, score in zip(found, scores, strict=True)
        ]

    def _best_of_many(self, spots, total, here, limit):
        """Return the best groups and their scores, summed in numpy."""
        scores, counts, essential = self._totals(spots, total, here)
        order = scores + self._bonus  # prevalence breaks near-ties
        order[counts == len(spots)] += 1000.0  # explaining every spot comes first
        best = self._best(order, counts, essential, limit)
        return best.tolist(), scores[best].tolist()

    def _best_of_few(self, spots, total, here, limit):
        """Return what ``_best_of_many`` returns, summed in plain Python.

        A typical drawing meets a few dozen (muscle, spot) matches, where
        numpy's cost per call outweighs its speed per element.  The sums and
        the rounding are done in the same order as numpy's, so the scores are
        equal to the last bit (a test ranks hundreds of drawings both ways).
        """
        sums = {}  # group -> [score, spots explained, spots in its main zone]
        for spot, matches in zip(spots, here, strict=True):
            weight = spot.intensity / total
            for group, reach in matches.reach.items():
                found = sums.get(group)
                if found is None:
                    sums[group] = [reach.value * weight, 1, reach.zone == "essential"]
                else:
                    found[0] += reach.value * weight
                    found[1] += 1
                    found[2] += reach.zone == "essential"
        everything = len(spots)
        bonus, name_rank_down = self._bonus_list, self._name_rank_down_list
        ranked = []
        for group, (summed, count, essential) in sums.items():
            score = round(100 * summed * 10) / 10  # as numpy's round(1) does it
            first = 1000.0 if count == everything else 0.0
            order = score + bonus[group] + first
            ranked.append((order, essential, name_rank_down[group], group, score))
        ranked.sort(reverse=True)
        best = ranked[:limit]
        return [entry[3] for entry in best], [entry[4] for entry in best]

    def _totals(self, spots, total, here):
        """Return per muscle its score, spots explained and spots in main zones."""
        parts = [matches.groups for matches in here]
        groups = np.concatenate(parts)
        values = np.concatenate([matches.values for matches in here], axis=1)
        weights = np.array([spot.intensity / total for spot in spots]).repeat(
            list(map(len, parts))
        )
        size = len(self._groups)
        scores = (100 * np.bincount(groups, values[0] * weights, size)).round(1)
        counts = np.bincount(groups, minlength=size)
        return scores, counts, np.bincount(groups, values[1], size)

    def _matches_at(self, spot):
        """Return the RegionMatches of a spot, refined outlines under it included."""
        if spot.region_id in self._outlines:
            hits = self._refined_hits(spot)
            if hits:
                key = (spot.region_id, tuple(sorted(hits.items())))
                if key not in self._refined_matches:
                    self._refined_matches[key] = self._merged(spot.region_id, hits)
                return self._refined_matches[key]
        return self._matches[spot.region_id]

    @staticmethod
    def _found(groups, reaches):
        """Return {group: [(spot index, Reach)]} for the spots each explains."""
        found = {group: [] for group in groups}
        for i, here in enumerate(reaches):
            fewer, more = (here, found) if len(here) < len(found) else (found, here)
            for group in fewer:
                if group in more:
                    found[group].append((i, here[group]))
        return found

    def _best(self, order, counts, essential, limit):
        """Return the ``limit`` best muscles that explain anything, best first.

        By ``order``, then the number of spots in their main zones, then name
        and side (``_name_rank_down`` counts names from Z to A, so that one
        ascending sort puts the best last).  With many muscles, only those
        ordered at or above the ``limit``-th best (ties at the cut included)
        are sorted.
        """
        shortlist = counts.nonzero()[0]
        if len(shortlist) > max(limit, SORT_ALL):
            ordered = order[shortlist]
            cut = np.partition(ordered, len(shortlist) - limit)[len(shortlist) - limit]
            shortlist = shortlist[ordered >= cut]
        worst_first = np.lexsort(
            (self._name_rank_down[shortlist], essential[shortlist], order[shortlist])
        )
        return shortlist[worst_first[::-1][:limit]]

    def _refined_hits(self, spot):
        """Return {trigger point index: best zone} of the outlines under a spot."""
        x, y = spot.x, spot.y
        hits = {}
        for (x0, y0, x1, y1), shape, index, zone in self._outlines[spot.region_id]:
            if (
                x0 <= x <= x1
                and y0 <= y <= y1
                and shapely.intersects_xy(shape, x, y)
                and (index not in hits or MATCH[zone] > MATCH[hits[index]])
            ):
                hits[index] = zone
        return hits

    def _merged(self, region_id, hits):
        """Return a region's RegionMatches with the outlines ``hits`` added."""
        reach = dict(self._matches[region_id].reach)
        name = self.atlas.regions[region_id].name
        for index, zone in hits.items():
            group = self._group_of[index]
            entries = reach[group].entries if group in reach else ()
            merged = {entry[0]: entry for entry in entries}
            value = self._value(index, zone)
            if index not in merged or value > merged[index][1]:
                merged[index] = (index, value, zone, False)
            reach[group] = self._reach_of(name, sorted(merged.values()))
        return _region_matches(reach)

    def _candidate(self, group, score, found, count):
        """Say which of the muscle's trigger points explain which spots.

        ``found`` holds (spot index, Reach) for each spot the muscle explains,
        in spot order, and ``count`` is the number of spots.
        """
        if len(found) == 1:  # most candidates explain one spot
            i, reach = found[0]
            explains, zones, said = (i,), (reach.zone,), reach.said
            other_face = explains if reach.other_face else ()
            if len(reach.entries) == 1:  # and most with one trigger point
                point = self.points[reach.entries[0][0]]
                points = (_new(PointMatch, (point, explains, zones)),)
            else:
                points = self._matches_of_one_spot(reach.entries, explains)
        else:
            explains, reaches = zip(*found, strict=True)
            zones = tuple([reach.zone for reach in reaches])
            words = tuple([reach.words for reach in reaches])
            said = _phrases(words) + _TAIL.get(self._levels[group], "")
            other_face = tuple([i for i, reach in found if reach.other_face])
            points = self._point_matches(group, found, explains, zones)
        muscle, side, level = self._about[group]
        return _new(
            Candidate,
            (
                muscle,
                side,
                score,
                explains,
                zones,
                other_face,
                points,
                level,
                _head(len(explains), count) + said,
            ),
        )

    def _matches_of_one_spot(self, entries, explains):
        """Return the PointMatches of a candidate that explains one spot."""
        return tuple(
            [
                _new(PointMatch, (self.points[index], explains, (zone,)))
                for index, _value, zone, _face in entries
            ]
        )

    def _point_matches(self, group, found, explains, zones):
        """Return the contributing trigger points, the one earning most first."""
        members = self._members[group]
        if len(members) == 1:
            return (_new(PointMatch, (self.points[members[0]], explains, zones)),)
        by_point = {}  # trigger point index -> [-total value, id, index, spots, zones]
        for i, reach in found:
            for index, value, zone, _face in reach.entries:
                record = by_point.get(index)
                if record is None:
                    by_point[index] = [-value, self._ids[index], index, [i], [zone]]
                else:
                    record[0] -= value
                    record[3].append(i)
                    record[4].append(zone)
        return tuple(
            [
                _new(PointMatch, (self.points[index], tuple(spots), tuple(zones)))
                for _total, _id, index, spots, zones in sorted(by_point.values())
            ]
        )


@functools.lru_cache(maxsize=1024)
def _head(count, spots):
    """Return how a candidate's explanation starts: how many spots it explains."""
    if spots == 1:
        return "explains your spot: "
    if count == spots == 2:
        return "explains both your spots: "
    if count == spots:
        return f"explains all {count} of your spots: "
    return f"explains {count} of your {spots} spots: "


@functools.lru_cache(maxsize=EXPLANATIONS_KEPT)
def _phrases(words):
    """Return what the explanation says of several spots, grouped by zone.

    ``words`` holds (region name, other face, zone) for each spot the
    candidate explains, in spot order.
    """
    by_zone = {}
    for name, other_face, zone in words:
        names = by_zone.setdefault((other_face, zone), [])
        if name not in names:
            names.append(name)
    return "; ".join(
        [
            _join(by_zone[key]) + _ZONE_ENDINGS[key]
            for key in sorted(by_zone, key=_ORDER)
        ]
    )


_ZONE_ENDINGS = {
    (other_face, zone): f" {ZONE_WORDS[zone]}{FACE_WORDS if other_face else ''}"
    for other_face in (False, True)
    for zone in ("essential", "local", "spillover")
}
"""What follows the names of the spots matched in each zone (and face)."""
_ORDER = list(_ZONE_ENDINGS).index
"""The place of each zone (and face) in an explanation: the order above."""
