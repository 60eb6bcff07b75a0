"""Find muscles by name, alias, the regions they refer to, or a symptom."""

import re
from dataclasses import dataclass

from bodymap.dataset.model import ZONES
from bodymap.patterns import MusclePattern

FIELDS = ("name", "alias", "region", "symptom")
FIELD_LABELS = {
    "name": "name",
    "alias": "also called",
    "region": "refers to",
    "symptom": "symptom",
}


@dataclass(frozen=True)
class Match:
    """A muscle that matched, with the texts that matched grouped by field."""

    pattern: MusclePattern
    reasons: tuple  # (field, text)

    @property
    def rank(self):
        return min(
            (FIELDS.index(field) for field, _ in self.reasons), default=len(FIELDS)
        )


def words(text):
    """Return the lower-case words of a text, punctuation dropped."""
    return re.findall(r"[\w]+", text.lower())


def muscle_terms(pattern, atlas):
    """Return every (field, text) a muscle can be found by."""
    muscle = pattern.muscle
    terms = [("name", muscle.name)]
    terms += [("alias", alias) for alias in muscle.aliases]
    region_ids = dict.fromkeys(
        region_id
        for point in pattern.trigger_points
        for zone in ZONES
        for region_id in point.zones[zone]
    )
    terms += [("region", atlas.regions[region_id].name) for region_id in region_ids]
    symptoms = dict.fromkeys(s for spec in muscle.trigger_points for s in spec.symptoms)
    terms += [("symptom", symptom) for symptom in symptoms]
    return terms


def _matches(query_words, text_words):
    return all(any(w.startswith(q) for w in text_words) for q in query_words)


def match_muscle(pattern, atlas, query_words):
    """Return a :class:`Match` when every query word is found, else None."""
    terms = [(field, text, words(text)) for field, text in muscle_terms(pattern, atlas)]
    everything = [w for _, _, text_words in terms for w in text_words]
    if not _matches(query_words, everything):
        return None
    reasons = [
        (field, text)
        for field, text, text_words in terms
        if any(any(w.startswith(q) for w in text_words) for q in query_words)
    ]
    return Match(pattern, tuple(reasons))


def search(patterns, atlas, query="", area=None):
    """Return the muscles matching ``query`` (all words) within ``area``.

    An empty query lists every muscle of the area.  Name matches come first,
    then aliases, regions and symptoms; ties keep alphabetical order.
    """
    query_words = words(query or "")
    found = []
    for pattern in patterns.muscles.values():
        if area and pattern.muscle.area != area:
            continue
        if not query_words:
            found.append(Match(pattern, ()))
            continue
        match = match_muscle(pattern, atlas, query_words)
        if match is not None:
            found.append(match)
    if query_words:
        found.sort(key=lambda match: match.rank)
    return found
