"""The JSON API: the public contract (coordinates are those of each view)."""

import json

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from bodymap.diary import DiaryError
from bodymap.web import bundle, diary
from bodymap.web.drawing import parse_lookup
from bodymap.web.errors import ApiError, error_json
from bodymap.widespread import widespread

bp = Blueprint("api", __name__, url_prefix="/api")


def view_param(required=False):
    """Return the ``view`` query parameter, checked against the atlas.

    :raises ApiError 400: for an unknown view.
    """
    views = bundle().atlas.views
    view_id = request.args.get("view")
    if view_id is None and not required:
        return None
    if view_id not in views:
        raise ApiError(f"Unknown view {view_id!r}: use one of {', '.join(views)}.")
    return view_id


def get_pattern(muscle_id):
    """Return a muscle's pattern.

    :raises ApiError 404: when no muscle has that id.
    """
    pattern = bundle().patterns.muscles.get(muscle_id)
    if pattern is None:
        raise ApiError(f"No muscle with id {muscle_id!r}.", 404)
    return pattern


def region_json(region):
    return {
        "id": region.id,
        "name": region.name,
        "view": region.view,
        "side": region.side,
        "label_point": list(region.label_point),
    }


def source_json(source):
    return {
        "key": source.key,
        "citation": source.citation,
        "url": source.url,
        "note": source.note,
    }


def prevalence_json(prevalence):
    if prevalence is None:
        return None
    return {
        "level": prevalence.level,
        "source": prevalence.source,
        "basis": prevalence.basis,
    }


def technique_json(technique, instructions=None, cautions=None):
    return {
        "id": technique.id,
        "name": technique.name,
        "performer": technique.performer,
        "summary": technique.summary,
        "how": technique.how,
        "instructions": instructions,
        "expect": technique.expect,
        "stop_if": technique.stop_if,
        "contraindications": [
            {"text": item.text, "screen": item.screen, "effect": item.effect}
            for item in technique.contraindications
        ],
        "cautions": list(cautions or ()),
    }


def placed_point_json(point):
    """Return where a sided trigger point sits and the regions of its zones."""
    return {
        "key": point.key,
        "label": point.spec.label,
        "side": point.side,
        "view": point.view,
        "x": point.x,
        "y": point.y,
        **{zone: list(regions) for zone, regions in point.zones.items()},
    }


def trigger_point_json(point):
    spec = point.spec
    return {
        "id": spec.id,
        **placed_point_json(point),
        "location": spec.location,
        "symptoms": list(spec.symptoms),
        "perpetuating_factors": list(spec.perpetuating_factors),
        "techniques": list(spec.techniques),
        "sources": list(spec.sources),
        "note": spec.note,
        "crosses_midline": spec.crosses_midline,
        "cautions": dict(spec.cautions),
    }


def muscle_summary_json(pattern):
    muscle = pattern.muscle
    return {
        "id": muscle.id,
        "name": muscle.name,
        "area": muscle.area,
        "trigger_points": len(muscle.trigger_points),
    }


def muscle_json(pattern):
    muscle = pattern.muscle
    techniques = bundle().dataset.techniques
    used = sorted({t for spec in muscle.trigger_points for t in spec.techniques})
    return {
        **muscle_summary_json(pattern),
        "aliases": list(muscle.aliases),
        "symmetry": muscle.symmetry,
        "description": muscle.description,
        "trigger_points": [
            trigger_point_json(point) for point in pattern.trigger_points
        ],
        "techniques": [
            technique_json(
                techniques[t],
                muscle.instructions.get(t),
                [muscle.cautions[t]] if t in muscle.cautions else [],
            )
            for t in used
        ],
        "prevalence": prevalence_json(muscle.prevalence),
        "sources": [source_json(source) for source in muscle.sources],
    }


@bp.get("/views")
def views():
    """List the views with their coordinate systems."""
    return jsonify(
        {
            "views": [
                {"id": view.id, "width": view.width, "height": view.height}
                for view in bundle().atlas.views.values()
            ]
        }
    )


@bp.get("/regions")
def regions():
    """List the regions of one view (``?view=``) or of all views."""
    atlas = bundle().atlas
    view_id = view_param()
    view_ids = [view_id] if view_id else list(atlas.views)
    return jsonify(
        {"regions": [region_json(r) for v in view_ids for r in atlas.regions_of(v)]}
    )


@bp.get("/muscles")
def muscles():
    """List the muscles with their body area and trigger-point count."""
    patterns = bundle().patterns.muscles.values()
    return jsonify({"muscles": [muscle_summary_json(p) for p in patterns]})


@bp.get("/muscles/<muscle_id>")
def muscle(muscle_id):
    """Return one muscle in full: both sides' trigger points, techniques, sources."""
    return jsonify(muscle_json(get_pattern(muscle_id)))


def candidate_json(candidate):
    """Return one candidate muscle as the lookup contract gives it."""
    return {
        "muscle": candidate.muscle.id,
        "name": candidate.muscle.name,
        "side": candidate.side,
        "score": candidate.score,
        "explains": list(candidate.explains),
        "explanation": candidate.explanation,
        "trigger_points": [
            {
                "id": match.point.id,
                "label": match.point.spec.label,
                "explains": list(match.explains),
            }
            for match in candidate.trigger_points
        ],
    }


def widespread_json(result):
    return {"index": result.index, "regions": list(result.regions), "flag": result.flag}


def json_body():
    """Return the decoded JSON body.

    :raises ApiError 400: when the body is too large or not JSON.
    """
    try:
        raw = request.get_data(cache=False)
    except RequestEntityTooLarge:
        raise ApiError("The request body is too large: the limit is 64 KiB.") from None
    if not raw.strip():
        raise ApiError("The request body is empty: send a JSON object.")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError("The request body is not valid JSON.") from None


@bp.post("/lookup")
def lookup():
    """Rank the muscles that may explain a pain drawing; say how widespread it is."""
    engine = bundle().lookup
    spots, limit = parse_lookup(engine, json_body())
    candidates = engine.rank(spots, limit)
    return jsonify(
        {
            "candidates": [candidate_json(c) for c in candidates],
            "widespread": widespread_json(widespread(engine.atlas, spots)),
        }
    )


@bp.post("/diary/report")
def diary_report():
    """Advise on a pain diary and draw its first and latest entries; keep nothing.

    The answer is never cached or stored, and the body is never logged.
    """
    try:
        response = jsonify(diary.report(bundle(), diary.read_diary_body()))
    except DiaryError as error:
        response = error_json(400, str(error))
    response.headers["Cache-Control"] = "no-store"
    return response
