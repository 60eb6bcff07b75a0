"""Read a pain drawing from a request and check every part of it.

The same rules serve the JSON API and the form on the home page, so both
give the same clear message for the same mistake.
"""

import math
import re

from bodymap.errors import BadInput

MAX_SPOTS = 200
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
POINT_FIELDS = {"view", "x", "y", "intensity", "region"}
INTENSITY_NAMES = {1: "mild", 2: "moderate", 3: "severe"}


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value, name, where):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadInput(f"{where}: {name} must be a number.")
    if not math.isfinite(value):
        raise BadInput(f"{where}: {name} must be a finite number.")
    return float(value)


def _intensity(item, where):
    value = item.get("intensity", 2)
    if not _is_integer(value) or not 1 <= value <= 3:
        raise BadInput(
            f"{where}: intensity must be 1 (mild), 2 (moderate) or 3 (severe)."
        )
    return value


def _spot(engine, item, index):
    where = f"Point {index}"
    if not isinstance(item, dict):
        raise BadInput(f"{where} must be an object with view, x and y, or a region.")
    unknown = sorted(set(item) - POINT_FIELDS)
    if unknown:
        raise BadInput(f"{where}: unknown field(s) {', '.join(unknown)}.")
    intensity = _intensity(item, where)
    if "region" in item:
        if set(item) & {"view", "x", "y"}:
            raise BadInput(f"{where}: give either a region or view, x and y, not both.")
        region_id = item["region"]
        if not isinstance(region_id, str) or region_id not in engine.atlas.regions:
            raise BadInput(f"{where}: unknown region {region_id!r}.")
        return engine.spot_in_region(region_id, intensity)
    missing = [name for name in ("view", "x", "y") if name not in item]
    if missing:
        raise BadInput(f"{where}: missing {', '.join(missing)} (or give a region).")
    view = item["view"]
    if not isinstance(view, str) or view not in engine.atlas.views:
        views = ", ".join(engine.atlas.views)
        raise BadInput(f"{where}: unknown view {view!r}: use one of {views}.")
    x, y = _number(item["x"], "x", where), _number(item["y"], "y", where)
    spot = engine.spot_at(view, x, y, intensity)
    if spot is None:
        raise BadInput(f"{where} ({view}, x={x:g}, y={y:g}) is outside the body.")
    return spot


def parse_lookup(engine, body):
    """Return (spots, limit) from a decoded JSON body.

    :raises BadInput 400: naming what is wrong, with the point's index.
    """
    if not isinstance(body, dict):
        raise BadInput('The body must be a JSON object like {"points": [...]}.')
    unknown = sorted(set(body) - {"points", "limit"})
    if unknown:
        raise BadInput(f"Unknown field(s) {', '.join(unknown)}: use points and limit.")
    points = body.get("points")
    if points is None:
        raise BadInput("Missing field points: list the places that hurt.")
    if not isinstance(points, list):
        raise BadInput("points must be a list.")
    if not points:
        raise BadInput("The drawing is empty: mark at least one place that hurts.")
    if len(points) > MAX_SPOTS:
        raise BadInput(f"Too many points: at most {MAX_SPOTS}.")
    limit = body.get("limit", DEFAULT_LIMIT)
    if not _is_integer(limit) or not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    spots = [_spot(engine, item, index) for index, item in enumerate(points)]
    return spots, limit


def _form_spot(value):
    """Turn ``"view:x:y:intensity"`` (as the map's script sends it) into a point."""
    parts = value.split(":")
    if len(parts) != 4:
        raise BadInput(f"Spot {value!r} must look like view:x:y:intensity.")
    view, x, y, intensity = parts
    try:
        return {"view": view, "x": float(x), "y": float(y), "intensity": int(intensity)}
    except ValueError:
        raise BadInput(f"Spot {value!r} must look like view:x:y:intensity.") from None


def parse_form(engine, form):
    """Return spots from a results form.

    Spots come as ``spot`` values (``view:x:y:intensity``, from the map) and as
    ticked ``region`` ids from the list, each with an optional
    ``intensity-<region id>`` (1 to 3).
    :raises BadInput 400: for anything malformed, or no spot at all.
    """
    points = [_form_spot(value) for value in form.getlist("spot")]
    for region_id in form.getlist("region"):
        point = {"region": region_id}
        raw = form.get(f"intensity-{region_id}", "2")
        # Only plain digits: "²" passes str.isdigit but not int(), and int()
        # refuses numbers of thousands of digits.
        point["intensity"] = int(raw) if re.fullmatch(r"[0-9]{1,3}", raw) else raw
        points.append(point)
    spots, _limit = parse_lookup(engine, {"points": points})
    return spots
