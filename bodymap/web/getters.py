"""Shared getters: turn request values into data, or answer 404 / bad input.

Every surface (pages, study, quiz, exports and the API) reads ids and
parameters through these, so the same mistake gets the same message
everywhere; the error handlers decide whether that is JSON or a page.
"""

from flask import abort, current_app

from bodymap.dataset.model import AREAS
from bodymap.errors import BadInput
from bodymap.figures import MAX_COMPARED


def bundle():
    """Return the app's loaded :class:`~bodymap.bundle.Bundle`."""
    return current_app.extensions["bodymap"]


def get_pattern_or_404(muscle_id):
    """Return a muscle's pattern.

    :raises 404: when no muscle has that id.
    """
    pattern = bundle().patterns.muscles.get(muscle_id)
    if pattern is None:
        abort(404, description=f"No muscle with id {muscle_id!r}.")
    return pattern


def get_region_or_404(region_id):
    """Return an atlas region.

    :raises 404: when no region has that id.
    """
    region = bundle().atlas.regions.get(region_id)
    if region is None:
        abort(404, description=f"No region with id {region_id!r}.")
    return region


def get_view_or_404(view_id):
    """Return a view id that exists.

    :raises 404: for a view the atlas does not have.
    """
    if view_id not in bundle().atlas.views:
        abort(404, description=f"No view with id {view_id!r}.")
    return view_id


def get_point_or_404(key):
    """Return a sided trigger point by key, for example ``"soleus-1.left"``.

    :raises 404: when no trigger point has that key.
    """
    point = bundle().patterns.by_key.get(key)
    if point is None:
        abort(404, description=f"No trigger point with key {key!r}.")
    return point


def side_points(pattern, side=None, point_id=None):
    """Return (side, trigger points) to draw: one side, optionally one point.

    :raises 404: for a side or trigger point the muscle does not have.
    """
    side = side or pattern.studied_side()
    if side not in pattern.sides():
        abort(404, description=f"{pattern.muscle.name} has no {side!r} side.")
    points = pattern.points_on(side)
    if point_id:
        points = tuple(p for p in points if p.id == point_id)
        if not points:
            abort(404, description=f"No trigger point {point_id!r} on that side.")
    return side, points


def area_param(value):
    """Return a validated body area (None for all areas).

    :raises BadInput: for an unknown area.
    """
    if not value:
        return None
    if not isinstance(value, str) or value not in AREAS:
        raise BadInput(f"Unknown area {value!r}: use one of {', '.join(AREAS)}.")
    return value


def int_param(value, name):
    """Return a whole number from a query string or form value.

    :raises BadInput: when the value is not a whole number.
    """
    text = str(value).strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 12:
        raise BadInput(f"{name} must be a whole number, not {value!r}.")
    return int(text)


def scores_param(value, count):
    """Return the scores so far from "100,0,73": exactly ``count`` of 0 to 100.

    :raises BadInput: for a malformed list or one of the wrong length.
    """
    parts = [p for p in (value or "").split(",") if p != ""]
    scores = [int_param(p, "each score") for p in parts]
    if any(not 0 <= s <= 100 for s in scores):
        raise BadInput("Each score must be from 0 to 100.")
    if len(scores) != count:
        raise BadInput(f"Expected {count} scores, one per question answered.")
    return scores


def compared_patterns(values):
    """Return the patterns named in ``muscles`` (comma-separated or repeated).

    :raises BadInput: for fewer than two, more than four, repeats or unknown ids.
    """
    ids = [
        part.strip() for value in values for part in value.split(",") if part.strip()
    ]
    if not 2 <= len(ids) <= MAX_COMPARED:
        raise BadInput(
            f"Choose from 2 to {MAX_COMPARED} muscles to compare "
            f"(you chose {len(ids)})."
        )
    if len(set(ids)) != len(ids):
        raise BadInput("Each muscle can be compared only once.")
    muscles = bundle().patterns.muscles
    unknown = [m for m in ids if m not in muscles]
    if unknown:
        raise BadInput(f"No muscle with id {unknown[0]!r}.")
    return [muscles[m] for m in ids]
