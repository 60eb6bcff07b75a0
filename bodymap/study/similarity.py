"""How alike two referral patterns are, measured on their zone geometry."""

import math

from shapely import STRtree, unary_union

from bodymap.atlas import VIEW_IDS
from bodymap.dataset.model import REFERRED_ZONES


def referred_shapes(points):
    """Return {view: geometry} covering the points' essential and spillover zones."""
    parts = {}
    for point in points:
        for zone in REFERRED_ZONES:
            for view_id, shape in point.shapes[zone].items():
                parts.setdefault(view_id, []).append(shape)
    return {view_id: unary_union(shapes) for view_id, shapes in sorted(parts.items())}


def jaccard(first, second):
    """Return intersection over union of two {view: geometry} maps (0 to 1)."""
    shared = union = 0.0
    for view_id in set(first) | set(second):
        a, b = first.get(view_id), second.get(view_id)
        if a is None or b is None:
            union += (a if b is None else b).area
            continue
        shared += a.intersection(b).area
        union += a.union(b).area
    return shared / union if union else 0.0


def _gap(first, second):
    """Return the smallest distance between two maps on a shared view (or inf)."""
    gaps = [first[v].distance(second[v]) for v in set(first) & set(second)]
    return min(gaps, default=math.inf)


class Similarity:
    """Pattern overlap between every pair of muscles, computed on demand and kept.

    Built once per bundle (see :func:`bodymap.bundle.load_bundle`).
    """

    def __init__(self, patterns):
        self.patterns = patterns
        self.ids = list(patterns.muscles)
        self.shapes = {
            muscle_id: referred_shapes(pattern.points_on())
            for muscle_id, pattern in patterns.muscles.items()
        }
        self._trees = {}
        for view_id in VIEW_IDS:
            owners = [m for m in self.ids if view_id in self.shapes[m]]
            tree = STRtree([self.shapes[m][view_id] for m in owners])
            self._trees[view_id] = (tree, owners)
        self._ranked = {}

    def score(self, first_id, second_id):
        """Return the overlap (0 to 1) of two muscles' referral patterns."""
        return jaccard(self.shapes[first_id], self.shapes[second_id])

    def overlapping(self, muscle_id):
        """Return the ids of muscles whose pattern touches this one's, via the index."""
        found = set()
        for view_id, shape in self.shapes[muscle_id].items():
            tree, owners = self._trees[view_id]
            for index in tree.query(shape, predicate="intersects"):
                found.add(owners[index])
        found.discard(muscle_id)
        return found

    def ranked(self, muscle_id):
        """Return [(other id, score)] most similar first.

        Muscles that overlap rank by overlap; the rest follow, nearest pattern
        first, so a plausible neighbour is always available as a distractor.
        """
        if muscle_id not in self._ranked:
            overlapping = self.overlapping(muscle_id)
            own = self.shapes[muscle_id]
            rows = []
            for other in self.ids:
                if other == muscle_id:
                    continue
                score = self.score(muscle_id, other) if other in overlapping else 0.0
                gap = 0.0 if score else _gap(own, self.shapes[other])
                rows.append((-score, gap, other))
            rows.sort()
            self._ranked[muscle_id] = [(other, -neg) for neg, _, other in rows]
        return self._ranked[muscle_id]

    def similar(self, muscle_id, limit=5):
        """Return up to ``limit`` [(pattern, score)] that overlap this muscle's."""
        rows = [(other, score) for other, score in self.ranked(muscle_id) if score > 0]
        return [(self.patterns.muscles[m], score) for m, score in rows[:limit]]
