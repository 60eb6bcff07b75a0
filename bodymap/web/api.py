"""The JSON API: the public contract (coordinates are those of each view)."""

import json

from flask import Blueprint, after_this_request, current_app, jsonify, request
from werkzeug.exceptions import MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.routing import PathConverter

from bodymap.errors import BadInput
from bodymap.study.regions import referrer_rows
from bodymap.web import diary, errors
from bodymap.web.api_json import (
    choice_json,
    muscle_json,
    muscle_summary_json,
    question_json,
    region_json,
    result_json,
)
from bodymap.web.drawing import parse_lookup
from bodymap.web.getters import bundle, get_pattern_or_404, get_region_or_404
from bodymap.web.quiz import new_seed, question_from, score_result
from bodymap.widespread import widespread

bp = Blueprint("api", __name__, url_prefix="/api")
errors.register_json(bp)

LOOKUP_FIELDS = ("points", "limit")
ANSWER_FIELDS = ("seed", "index", "area", "mode", "choice", "regions")


def view_param(required=False):
    """Return the ``view`` query parameter, checked against the atlas.

    :raises BadInput: for an unknown view.
    """
    views = bundle().atlas.views
    view_id = request.args.get("view")
    if view_id is None and not required:
        return None
    if view_id not in views:
        raise BadInput(f"Unknown view {view_id!r}: use one of {', '.join(views)}.")
    return view_id


def _size(limit):
    return f"{limit // 2**20} MiB" if limit % 2**20 == 0 else f"{limit // 1024} KiB"


def json_body(max_bytes=None, fields=None):
    """Return the request's decoded JSON body (the one reader every route uses).

    Every JSON endpoint reads its body here, so all answer the same way: 413
    when the body is over the limit, 400 when it is empty, not JSON, nested
    too deep, or (given ``fields``) not an object of only those fields.

    :param max_bytes: a larger limit than the app's ``MAX_CONTENT_LENGTH``.
    :param fields: the names the object may have; others are refused by name.
    :raises BadInput: as above.
    """
    if max_bytes is not None:
        request.max_content_length = max_bytes
    try:
        raw = request.get_data(cache=False)
    except RequestEntityTooLarge:
        limit = _size(request.max_content_length)
        raise BadInput(
            f"The request body is too large: the limit is {limit}.", status=413
        ) from None
    if not raw.strip():
        raise BadInput("The request body is empty: send a JSON object.")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadInput(
            "The request body is not valid JSON: send a JSON object."
        ) from None
    if fields is not None:
        if not isinstance(body, dict):
            raise BadInput(f"The body must be a JSON object with {', '.join(fields)}.")
        unknown = sorted(set(body) - set(fields))
        if unknown:
            raise BadInput(
                f"Unknown field(s) {', '.join(unknown)}: use {', '.join(fields)}."
            )
    return body


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
    return jsonify(muscle_json(get_pattern_or_404(muscle_id)))


def candidate_json(candidate):
    """Return one candidate muscle as the lookup contract gives it.

    Tuples go out as JSON arrays as they are.
    """
    return {
        "muscle": candidate.muscle.id,
        "name": candidate.muscle.name,
        "side": candidate.side,
        "score": candidate.score,
        "explains": candidate.explains,
        "explanation": candidate.explanation,
        "trigger_points": [
            {
                "id": match.point.spec.id,
                "label": match.point.spec.label,
                "explains": match.explains,
            }
            for match in candidate.trigger_points
        ],
    }


def widespread_json(result):
    return {"index": result.index, "regions": list(result.regions), "flag": result.flag}


@bp.post("/lookup")
def lookup():
    """Rank the muscles that may explain a pain drawing; say how widespread it is."""
    engine = bundle().lookup
    spots, limit = parse_lookup(engine, json_body(fields=LOOKUP_FIELDS))
    candidates = engine.rank(spots, limit)
    return jsonify(
        {
            "candidates": [candidate_json(c) for c in candidates],
            "widespread": widespread_json(widespread(engine.atlas, spots)),
        }
    )


@bp.get("/regions/<region_id>/referrers")
def referrers(region_id):
    """Return the trigger points referring to a region, essential first."""
    region = get_region_or_404(region_id)
    rows = referrer_rows(bundle().patterns, region.id)
    return jsonify({"region": region.id, "referrers": rows})


# ---------------------------------------------------------------- quiz


@bp.get("/quiz")
def quiz_question():
    """Return one quiz question with its choices (seed, area, mode, index)."""
    args = request.args.to_dict()
    if not args.get("seed"):
        args["seed"] = str(new_seed())
    question = question_from(args)
    return jsonify(
        {
            "question": question_json(question),
            "choices": [choice_json(p) for p in question.choices],
        }
    )


@bp.post("/quiz/answer")
def quiz_answer():
    """Check an answer statelessly: the question is rebuilt from its seed."""
    body = json_body(fields=ANSWER_FIELDS)
    for name in ("seed", "index"):
        if not isinstance(body.get(name), int) or isinstance(body.get(name), bool):
            raise BadInput(f"{name} is required and must be a whole number.")
    question = question_from(
        {**body, "seed": str(body["seed"]), "index": str(body["index"])}
    )
    return jsonify(result_json(score_result(question, body)))


# ---------------------------------------------------------------- diary


@bp.post("/diary/report")
def diary_report():
    """Advise on a pain diary and draw its first and latest entries; keep nothing.

    The answer (an error too) is never cached or stored, and the body is never
    logged.
    """

    @after_this_request
    def no_store(response):
        response.headers["Cache-Control"] = "no-store"
        return response

    body = json_body(max_bytes=diary.MAX_BYTES)
    return jsonify(diary.report(bundle(), body))


ANY_METHOD = ("GET", "POST", "PUT", "PATCH", "DELETE")


class AnyPath(PathConverter):
    """A path with any characters in it: Werkzeug's own stops at a newline."""

    regex = "[^/](?s:.*?)"


@bp.record_once
def _add_converter(state):
    state.app.url_map.converters["anypath"] = AnyPath


@bp.route("/", defaults={"path": ""}, methods=ANY_METHOD)
@bp.route("/<anypath:path>", methods=ANY_METHOD)
def no_such_route(path):
    """Answer an address under /api that no route serves: 405 or 404, in JSON."""
    adapter = current_app.create_url_adapter(request)
    allowed = {
        method
        for method in ANY_METHOD
        if adapter.match(request.path, method=method)[0] != request.endpoint
    }
    if allowed:
        raise MethodNotAllowed(valid_methods=sorted(allowed))
    raise NotFound("No such resource.")
