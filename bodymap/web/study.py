"""Study mode: the region map, region pages, comparison, quiz, exports and sheets."""

import secrets
from functools import lru_cache
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from bodymap.render.diagrams import pattern_overlay, views_of
from bodymap.render.svg import view_svg
from bodymap.study import export, quiz
from bodymap.study.diagrams import (
    MAX_COMPARED,
    anonymous_overlay,
    compare_series,
    markers_overlay,
    region_overlay,
    series_classes,
    series_overlay,
)
from bodymap.study.regions import grouped_regions, referrer_rows
from bodymap.study.similarity import canonical_points, referred_shapes, similarity_for
from bodymap.web import bundle
from bodymap.web.errors import ApiError
from bodymap.web.pages import AREA_NAMES, get_pattern_or_404

bp = Blueprint("study", __name__)

STYLESHEETS = ("css/diagram.css", "css/study.css")
CACHE_SECONDS = 3600
SVG_FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
"""Standalone SVGs carry their own styles and never load or run anything."""


# ---------------------------------------------------------------- helpers


def similarity():
    """Return the pattern-similarity index of the loaded patterns."""
    return similarity_for(bundle().patterns)


@lru_cache(maxsize=4)
def _stylesheet(static_folder):
    return "\n".join((Path(static_folder) / name).read_text() for name in STYLESHEETS)


def stylesheet():
    """Return the diagram CSS to embed in standalone SVG files."""
    return _stylesheet(current_app.static_folder)


def get_region_or_404(region_id):
    """Return a region or answer with the friendly 404 page."""
    region = bundle().atlas.regions.get(region_id)
    if region is None:
        abort(404)
    return region


def check_view(view_id):
    """Return the view id, or answer 404 for a view that does not exist."""
    if view_id not in bundle().atlas.views:
        abort(404)
    return view_id


def area_param(value):
    """Return a validated body area (None for all areas).

    :raises QuizError: for an unknown area.
    """
    if not value:
        return None
    if value not in AREA_NAMES:
        raise quiz.QuizError(
            f"Unknown area {value!r}: use one of {', '.join(AREA_NAMES)}."
        )
    return value


def int_param(value, name):
    """Return a whole number from a query string or form value.

    :raises QuizError: when the value is not a whole number.
    """
    try:
        return int(str(value).strip())
    except ValueError:
        raise quiz.QuizError(f"{name} must be a whole number, not {value!r}.") from None


def scores_param(value, index):
    """Return the scores so far from "100,0,73", one per answered question.

    :raises QuizError: for a malformed list or one that does not match ``index``.
    """
    parts = [p for p in (value or "").split(",") if p != ""]
    scores = [int_param(p, "each score") for p in parts]
    if any(not 0 <= s <= 100 for s in scores):
        raise quiz.QuizError("Each score must be from 0 to 100.")
    if len(scores) != index:
        raise quiz.QuizError(f"Expected {index} scores before question {index + 1}.")
    return scores


def page_error(error):
    """Abort with a 400 page that shows the problem."""
    abort(400, description=str(error))


def svg_file(svg, fmt, name, thumbnail=False):
    """Return a diagram as a downloadable SVG or PNG response."""
    body, mimetype = export.render(svg, fmt)
    response = Response(body, mimetype=mimetype)
    if not thumbnail:
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Security-Policy"] = SVG_FILE_POLICY
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response


def side_points(pattern, side=None, point_id=None):
    """Return the trigger points to draw: one side, optionally one point.

    :raises 404: for a side or trigger point the muscle does not have.
    """
    side = side or pattern.sides()[0]
    if side not in pattern.sides():
        abort(404)
    points = [p for p in pattern.trigger_points if p.side == side]
    if point_id:
        points = [p for p in points if p.id == point_id]
        if not points:
            abort(404)
    return side, points


def pattern_title(pattern, points, side, view_id):
    """Return a diagram title such as "Soleus, TrP1: right side, back view"."""
    which = points[0].spec.label if len(points) == 1 else "referral pattern"
    where = "midline" if side == "midline" else f"{side} side"
    return f"{pattern.muscle.name}, {which}: {where}, {view_id} view"


@bp.app_template_filter("region_names")
def region_names_filter(region_ids):
    """Return the plain names of regions, for templates."""
    regions = bundle().atlas.regions
    return [regions[region_id].name for region_id in region_ids]


# ---------------------------------------------------------------- study map


@bp.get("/study")
def study_home():
    """Show the map: a click on a region opens what refers there."""
    atlas = bundle().atlas
    maps = [
        (view_id, view_svg(atlas, view_id, interactive=True, prefix=f"study-{view_id}"))
        for view_id in atlas.views
    ]
    areas = sorted(
        {p.muscle.area for p in bundle().patterns.muscles.values()},
        key=list(AREA_NAMES).index,
    )
    return render_template(
        "study/index.html",
        maps=maps,
        groups=grouped_regions(atlas),
        areas=[(area, AREA_NAMES[area]) for area in areas],
    )


# ---------------------------------------------------------------- region pages


def referrer_entries(region):
    """Return [(zone, [(trigger point, thumbnail url)])], essential first."""
    groups = {"essential": [], "spillover": []}
    for point, zone in bundle().patterns.referrers(region.id):
        url = url_for("study.point_thumbnail", key=point.key, view_id=region.view)
        groups[zone].append((point, url))
    return [(zone, items) for zone, items in groups.items() if items]


@bp.get("/regions/<region_id>")
def region(region_id):
    """Show every trigger point that may refer pain to one region."""
    region = get_region_or_404(region_id)
    atlas = bundle().atlas
    entries = referrer_entries(region)
    essential_muscles = list(
        dict.fromkeys(p.muscle.id for p, _ in dict(entries).get("essential", []))
    )
    diagram = view_svg(
        atlas,
        region.view,
        overlay=region_overlay(region),
        prefix="region-map",
        title=f"Where the {region.name} is ({region.view} view)",
    )
    mirror = atlas.regions.get(atlas.mirror_region_id(region.id))
    return render_template(
        "study/region.html",
        region=region,
        entries=entries,
        diagram=diagram,
        neighbours=[atlas.regions[r] for r in atlas.neighbours(region.id)],
        mirror=mirror if mirror is not None and mirror.id != region.id else None,
        compare_muscles=essential_muscles[:MAX_COMPARED]
        if len(essential_muscles) >= 2
        else [],
    )


@bp.get("/api/regions/<region_id>/referrers")
def api_referrers(region_id):
    """Return the trigger points referring to a region, essential first."""
    if region_id not in bundle().atlas.regions:
        raise ApiError(f"No region with id {region_id!r}.", 404)
    rows = referrer_rows(bundle().patterns, region_id)
    return jsonify({"region": region_id, "referrers": rows})


# ---------------------------------------------------------------- compare


def compared_patterns(values):
    """Return the patterns named in ``muscles`` (comma-separated or repeated).

    :raises QuizError: for fewer than two, more than four, repeats or unknown ids.
    """
    ids = [
        part.strip() for value in values for part in value.split(",") if part.strip()
    ]
    if not 2 <= len(ids) <= MAX_COMPARED:
        raise quiz.QuizError(
            f"Choose from 2 to {MAX_COMPARED} muscles to compare "
            f"(you chose {len(ids)})."
        )
    if len(set(ids)) != len(ids):
        raise quiz.QuizError("Each muscle can be compared only once.")
    muscles = bundle().patterns.muscles
    unknown = [m for m in ids if m not in muscles]
    if unknown:
        raise quiz.QuizError(f"No muscle with id {unknown[0]!r}.")
    return [muscles[m] for m in ids]


def compare_overlays(patterns):
    """Return [(view id, overlay)] for the views any compared pattern shows on."""
    series = compare_series([(p, canonical_points(p)) for p in patterns])
    views = [
        v for v in bundle().atlas.views if any(v in shapes for _, shapes, _ in series)
    ]
    return [(view_id, series_overlay(series, view_id)) for view_id in views]


@bp.get("/compare")
def compare():
    """Compare two to four muscles' patterns on one map, overlap marked."""
    everything = list(bundle().patterns.muscles.values())
    values = request.args.getlist("muscles")
    if not values:
        return render_template("study/compare.html", patterns=[], everything=everything)
    try:
        patterns = compared_patterns(values)
    except quiz.QuizError as error:
        page_error(error)
    ids = ",".join(p.id for p in patterns)
    names = " and ".join(p.muscle.name for p in patterns)
    diagrams = [
        (
            view_id,
            view_svg(
                bundle().atlas,
                view_id,
                overlay=overlay,
                prefix=f"compare-{view_id}",
                title=f"Compared: {names}, {view_id} view",
            ),
        )
        for view_id, overlay in compare_overlays(patterns)
    ]
    scores = similarity()
    pairs = [
        (a, b, round(100 * scores.score(a.id, b.id)))
        for i, a in enumerate(patterns)
        for b in patterns[i + 1 :]
    ]
    return render_template(
        "study/compare.html",
        patterns=patterns,
        series=[(p, series_classes(i)) for i, p in enumerate(patterns)],
        everything=everything,
        diagrams=diagrams,
        pairs=pairs,
        ids=ids,
    )


# ---------------------------------------------------------------- quiz


def quiz_settings(args):
    """Return (seed, area, mode) from request values.

    :raises QuizError: for a missing or malformed value.
    """
    if args.get("seed") in (None, ""):
        raise quiz.QuizError(
            "seed is required: a whole number that fixes the questions."
        )
    seed = int_param(args["seed"], "seed")
    area = area_param(args.get("area"))
    mode = args.get("mode") or "identify"
    quiz.check_params(seed, 0, mode)
    return seed, area, mode


def question_from(args):
    """Return the question a request names (seed, area, mode, index)."""
    seed, area, mode = quiz_settings(args)
    index = int_param(args.get("index", 0), "index")
    patterns = bundle().patterns
    return quiz.question_at(patterns, similarity(), seed, index, area, mode)


def question_diagrams(question, prefix="quiz"):
    """Return [(view id, svg)] for a question: the nameless pattern or a map to mark."""
    atlas = bundle().atlas
    points = question.points
    if question.kind == "identify":
        return [
            (
                v,
                view_svg(
                    atlas,
                    v,
                    overlay=anonymous_overlay(question.pattern, v, points),
                    prefix=f"{prefix}-{v}",
                    title=f"A referral pattern, {v} view",
                ),
            )
            for v in views_of(points)
        ]
    return [
        (
            v,
            view_svg(
                atlas,
                v,
                overlay=markers_overlay(points, v, "The trigger point"),
                interactive=True,
                prefix=f"{prefix}-{v}",
                title=f"Mark where it refers, {v} view",
            ),
        )
        for v in atlas.views
    ]


def answer_diagrams(result, prefix="answer"):
    """Return [(view id, svg)] drawing the right answer (and a located guess)."""
    question = result.question
    atlas = bundle().atlas
    pattern, points = question.pattern, question.points
    if question.kind == "identify":
        overlays = [
            (v, pattern_overlay(pattern, v, points=points, side=question.side))
            for v in views_of(points)
        ]
    else:
        essential, spillover = question.target()
        truth = atlas.shapes_of(essential + spillover)
        guess = atlas.shapes_of(list(result.hit) + list(result.extra))
        series = [
            (f"Where {pattern.muscle.name} refers", truth, points),
            ("Your answer", guess, []),
        ]
        views = [v for v in atlas.views if v in truth or v in guess]
        overlays = [
            (v, series_overlay(series, v, overlap_label="Right")) for v in views
        ]
    return [
        (
            v,
            view_svg(
                atlas,
                v,
                overlay=o,
                prefix=f"{prefix}-{v}",
                title=f"The answer: {pattern.muscle.name}, {v} view",
            ),
        )
        for v, o in overlays
    ]


def question_json(question):
    """Return a question as JSON-ready data (no muscle name for "which muscle?")."""
    data = {
        "id": question.id,
        "seed": question.seed,
        "index": question.index,
        "count": question.count,
        "area": question.area,
        "mode": question.mode,
        "kind": question.kind,
        "side": question.side,
        "diagrams": [{"view": v, "svg": svg} for v, svg in question_diagrams(question)],
    }
    if question.kind == "identify":
        data["prompt"] = "Which muscle's trigger points may refer pain like this?"
        essential, spillover = question.target()
        data["regions"] = {"essential": essential, "spillover": spillover}
        data["trigger_points"] = [
            {"view": p.view, "x": p.x, "y": p.y} for p in question.points
        ]
    else:
        data["prompt"] = locate_prompt(question)
        data["muscle"] = {
            "muscle": question.pattern.id,
            "name": question.pattern.muscle.name,
        }
    return data


def locate_prompt(question):
    where = (
        "in the middle"
        if question.side == "midline"
        else f"on the person's {question.side} side"
    )
    name = question.pattern.muscle.name
    return (
        f"{name}, trigger points {where}: mark the regions where they may refer pain."
    )


def choice_json(pattern):
    return {"muscle": pattern.id, "name": pattern.muscle.name}


def result_json(result):
    """Return an answer's score with the right answer to draw."""
    question = result.question
    essential, spillover = question.target()
    data = {
        "question": question.id,
        "kind": question.kind,
        "correct": result.correct,
        "score": result.score,
        "answer": {
            **choice_json(question.pattern),
            "side": question.side,
            "essential": essential,
            "spillover": spillover,
        },
        "feedback": feedback_text(result),
        "diagrams": [{"view": v, "svg": svg} for v, svg in answer_diagrams(result)],
    }
    if question.kind == "identify":
        data["choice"] = choice_json(result.choice)
    else:
        data["regions"] = {
            "hit": list(result.hit),
            "missed": list(result.missed),
            "extra": list(result.extra),
        }
    return data


def feedback_text(result):
    """Return one sentence saying how the answer did."""
    name = result.question.pattern.muscle.name
    if result.question.kind == "identify":
        if result.correct:
            return f"Right: this is {name}."
        return f"Not quite: you chose {result.choice.muscle.name}; this is {name}."
    return f"You scored {result.score}% overlap with where {name} may refer."


def score_result(question, values):
    """Score an answer given as form or JSON values (choice, or regions)."""
    if question.kind == "identify":
        choice = values.get("choice")
        if not isinstance(choice, str) or not choice:
            raise quiz.QuizError(
                "choice is required: the id of one of the question's choices."
            )
        return quiz.answer_choice(question, choice)
    if "regions" not in values:
        raise quiz.QuizError("regions is required: the ids of the regions you marked.")
    regions = values["regions"]
    if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
        raise quiz.QuizError("regions must be a list of region ids.")
    return quiz.answer_regions(question, bundle().atlas, regions)


def quiz_url(endpoint, question, **extra):
    return url_for(
        endpoint,
        seed=question.seed,
        area=question.area or None,
        mode=question.mode,
        **extra,
    )


@bp.get("/api/quiz")
def api_quiz():
    """Return one quiz question with its choices (seed, area, mode, index)."""
    args = request.args.to_dict()
    if not args.get("seed"):
        args["seed"] = str(secrets.randbelow(quiz.MAX_SEED))
    try:
        question = question_from(args)
    except quiz.QuizError as error:
        raise ApiError(str(error)) from None
    return jsonify(
        {
            "question": question_json(question),
            "choices": [choice_json(p) for p in question.choices],
        }
    )


@bp.post("/api/quiz/answer")
def api_quiz_answer():
    """Check an answer statelessly: the question is rebuilt from its seed."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("Send a JSON object with seed, index and choice (or regions).")
    for name in ("seed", "index"):
        if not isinstance(body.get(name), int) or isinstance(body.get(name), bool):
            raise ApiError(f"{name} is required and must be a whole number.")
    try:
        question = question_from(
            {**body, "seed": str(body["seed"]), "index": str(body["index"])}
        )
        result = score_result(question, body)
    except quiz.QuizError as error:
        raise ApiError(str(error)) from None
    return jsonify(result_json(result))


@bp.get("/study/quiz")
def quiz_page():
    """Start a quiz, or show question ``index`` of a seeded quiz."""
    if "seed" not in request.args:
        return render_template(
            "study/quiz_start.html", areas=AREA_NAMES, modes=quiz.MODES
        )
    if request.args["seed"].strip() == "":
        args = {k: v for k, v in request.args.items() if v}
        return redirect(
            url_for("study.quiz_page", **args, seed=secrets.randbelow(quiz.MAX_SEED))
        )
    try:
        question = question_from(request.args)
        scores = scores_param(request.args.get("scores"), question.index)
    except quiz.QuizError as error:
        page_error(error)
    return render_template(
        "study/quiz.html",
        question=question,
        scores=scores,
        diagrams=question_diagrams(question),
        prompt=locate_prompt(question) if question.kind == "locate" else None,
        groups=grouped_regions(bundle().atlas),
        area_name=AREA_NAMES.get(question.area),
    )


@bp.post("/study/quiz/answer")
def quiz_answer():
    """Check a quiz answer sent by the form and show the right answer."""
    values = {**request.form.to_dict(), "regions": request.form.getlist("regions")}
    try:
        question = question_from(values)
        scores = scores_param(values.get("scores"), question.index)
        result = score_result(question, values)
    except quiz.QuizError as error:
        page_error(error)
    scores = [*scores, result.score]
    score_text = ",".join(map(str, scores))
    if question.index + 1 < question.count:
        next_url = quiz_url(
            "study.quiz_page", question, index=question.index + 1, scores=score_text
        )
    else:
        next_url = quiz_url("study.quiz_review", question, scores=score_text)
    region_names = bundle().atlas.regions
    return render_template(
        "study/quiz_feedback.html",
        result=result,
        question=question,
        scores=scores,
        feedback=feedback_text(result),
        diagrams=answer_diagrams(result),
        next_url=next_url,
        last=question.index + 1 >= question.count,
        regions=region_names,
    )


@bp.get("/study/quiz/review")
def quiz_review():
    """Show the final score and review the questions that were missed."""
    try:
        seed, area, mode = quiz_settings(request.args)
        count = quiz.quiz_length(bundle().patterns, area)
        scores = scores_param(request.args.get("scores"), count)
    except quiz.QuizError as error:
        page_error(error)
    questions = quiz.quiz(bundle().patterns, similarity(), seed, area, mode)
    misses = [
        (q, s) for q, s in zip(questions, scores, strict=True) if quiz.is_miss(q, s)
    ]
    return render_template(
        "study/quiz_review.html",
        seed=seed,
        area=area,
        mode=mode,
        total=sum(scores),
        count=count,
        misses=misses,
        area_name=AREA_NAMES.get(area),
    )


# ---------------------------------------------------------------- sheets


@bp.get("/study/sheet/<area>")
def sheet(area):
    """Show a printable study sheet of every muscle in one body area."""
    if area not in AREA_NAMES:
        abort(404)
    patterns = [p for p in bundle().patterns.muscles.values() if p.muscle.area == area]
    entries = [
        (p, canonical_points(p), views_of(canonical_points(p))) for p in patterns
    ]
    return render_template(
        "study/sheet.html",
        area=area,
        area_name=AREA_NAMES[area],
        entries=entries,
        regions=bundle().atlas.regions,
    )


# ---------------------------------------------------------------- exports


def muscle_svg(pattern, view_id, side, points, thumbnail=False):
    """Return a standalone SVG of a muscle's pattern (or one trigger point's)."""
    overlay = pattern_overlay(pattern, view_id, points=points, side=side)
    return export.standalone_svg(
        bundle().atlas,
        view_id,
        overlay,
        title=pattern_title(pattern, points, side, view_id),
        stylesheet=stylesheet(),
        thumbnail=thumbnail,
    )


@bp.get("/export/muscles/<muscle_id>/<view_id>.<any(svg, png):fmt>")
def export_muscle(muscle_id, view_id, fmt):
    """Download a muscle's pattern on one view (``?side=``, ``?point=``)."""
    pattern = get_pattern_or_404(muscle_id)
    check_view(view_id)
    side, points = side_points(
        pattern, request.args.get("side"), request.args.get("point")
    )
    svg = muscle_svg(pattern, view_id, side, points)
    which = points[0].id if request.args.get("point") else None
    return svg_file(
        svg, fmt, export.file_name(muscle_id, which, side, view_id, fmt=fmt)
    )


@bp.get("/export/regions/<region_id>.<any(svg, png):fmt>")
def export_region(region_id, fmt):
    """Download a map with one region highlighted."""
    region = get_region_or_404(region_id)
    svg = export.standalone_svg(
        bundle().atlas,
        region.view,
        region_overlay(region),
        title=f"Where the {region.name} is ({region.view} view)",
        stylesheet=stylesheet(),
    )
    return svg_file(svg, fmt, export.file_name("region", region.id, fmt=fmt))


@bp.get("/export/compare/<view_id>.<any(svg, png):fmt>")
def export_compare(view_id, fmt):
    """Download a comparison of two to four muscles on one view (``?muscles=``)."""
    check_view(view_id)
    try:
        patterns = compared_patterns(request.args.getlist("muscles"))
    except quiz.QuizError as error:
        page_error(error)
    series = compare_series([(p, canonical_points(p)) for p in patterns])
    names = " and ".join(p.muscle.name for p in patterns)
    svg = export.standalone_svg(
        bundle().atlas,
        view_id,
        series_overlay(series, view_id),
        title=f"Compared: {names}, {view_id} view",
        stylesheet=stylesheet(),
    )
    return svg_file(
        svg,
        fmt,
        export.file_name("compare", *[p.id for p in patterns], view_id, fmt=fmt),
    )


@bp.get("/thumbnails/muscles/<muscle_id>.svg")
def muscle_thumbnail(muscle_id):
    """Return a small picture of a muscle's pattern on its main view."""
    pattern = get_pattern_or_404(muscle_id)
    side, points = side_points(pattern)
    shapes = referred_shapes(points)
    views = views_of(points) or ["front"]
    view_id = max(views, key=lambda v: shapes[v].area if v in shapes else 0)
    return svg_file(
        muscle_svg(pattern, view_id, side, points, thumbnail=True),
        "svg",
        "",
        thumbnail=True,
    )


@bp.get("/thumbnails/points/<key>/<view_id>.svg")
def point_thumbnail(key, view_id):
    """Return a small picture of one trigger point's pattern on one view."""
    point = bundle().patterns.by_key.get(key)
    check_view(view_id)
    if point is None:
        abort(404)
    pattern = bundle().patterns.muscles[point.muscle.id]
    svg = muscle_svg(pattern, view_id, point.side, [point], thumbnail=True)
    return svg_file(svg, "svg", "", thumbnail=True)
