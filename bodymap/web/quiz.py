"""The quiz pages, and the quiz rules shared with the JSON API.

A quiz is fully determined by (seed, area, mode), so every request carries
them and the server keeps no state: an answer is checked by rebuilding its
question from the seed.
"""

import secrets

from flask import Blueprint, redirect, render_template, request, url_for

from bodymap import figures
from bodymap.dataset.model import AREAS
from bodymap.errors import BadInput
from bodymap.study import quiz
from bodymap.study.regions import grouped_regions
from bodymap.web.getters import area_param, bundle, int_param, scores_param

bp = Blueprint("quiz", __name__)

QUIZ_PARAMS = ("area", "mode", "index", "scores")
"""The query parameters a quiz URL keeps besides its seed."""


def new_seed():
    """Return a fresh random quiz seed."""
    return secrets.randbelow(quiz.MAX_SEED)


def quiz_settings(values):
    """Return (seed, area, mode) from request values.

    :raises BadInput: for a missing or malformed value.
    """
    if values.get("seed") in (None, ""):
        raise BadInput("seed is required: a whole number that fixes the questions.")
    seed = int_param(values["seed"], "seed")
    area = area_param(values.get("area"))
    mode = values.get("mode") or "identify"
    quiz.check_params(seed, 0, mode)
    return seed, area, mode


def question_from(values):
    """Return the question some request values name (seed, area, mode, index)."""
    seed, area, mode = quiz_settings(values)
    index = int_param(values.get("index", 0), "index")
    data = bundle()
    return quiz.question_at(data.patterns, data.similarity, seed, index, area, mode)


def locate_prompt(question):
    """Return the instruction of a "where does it refer?" question."""
    where = (
        "in the middle"
        if question.side == "midline"
        else f"on the person's {question.side} side"
    )
    name = question.pattern.muscle.name
    return (
        f"{name}, trigger points {where}: mark the regions where they may refer pain."
    )


def feedback_text(result):
    """Return one sentence saying how the answer did."""
    name = result.question.pattern.muscle.name
    if result.question.kind == "identify":
        if result.correct:
            return f"Right: this is {name}."
        return f"Not quite: you chose {result.choice.muscle.name}; this is {name}."
    return f"You scored {result.score}% overlap with where {name} may refer."


def score_result(question, values):
    """Score an answer given as form or JSON values (choice, or regions).

    :raises BadInput: for a missing or malformed answer.
    """
    if question.kind == "identify":
        choice = values.get("choice")
        if not isinstance(choice, str) or not choice:
            raise BadInput(
                "choice is required: the id of one of the question's choices."
            )
        return quiz.answer_choice(question, choice)
    if "regions" not in values:
        raise BadInput("regions is required: the ids of the regions you marked.")
    regions = values["regions"]
    if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
        raise BadInput("regions must be a list of region ids.")
    return quiz.answer_regions(question, bundle().atlas, regions)


def quiz_url(endpoint, question, **extra):
    return url_for(
        endpoint,
        seed=question.seed,
        area=question.area or None,
        mode=question.mode,
        **extra,
    )


@bp.get("/study/quiz")
def quiz_page():
    """Start a quiz, or show question ``index`` of a seeded quiz."""
    if "seed" not in request.args:
        return render_template("study/quiz_start.html", areas=AREAS, modes=quiz.MODES)
    if request.args["seed"].strip() == "":
        kept = {k: request.args[k] for k in QUIZ_PARAMS if request.args.get(k)}
        return redirect(url_for("quiz.quiz_page", seed=new_seed(), **kept))
    question = question_from(request.args)
    scores = scores_param(request.args.get("scores"), question.index)
    return render_template(
        "study/quiz.html",
        question=question,
        scores=scores,
        diagrams=figures.question_figures(bundle().atlas, question),
        prompt=locate_prompt(question) if question.kind == "locate" else None,
        groups=grouped_regions(bundle().atlas),
        area_name=AREAS.get(question.area),
    )


@bp.post("/study/quiz/answer")
def quiz_answer():
    """Check a quiz answer sent by the form and show the right answer."""
    values = {**request.form.to_dict(), "regions": request.form.getlist("regions")}
    question = question_from(values)
    scores = scores_param(values.get("scores"), question.index)
    result = score_result(question, values)
    scores = [*scores, result.score]
    score_text = ",".join(map(str, scores))
    last = question.index + 1 >= question.count
    if last:
        next_url = quiz_url("quiz.quiz_review", question, scores=score_text)
    else:
        next_url = quiz_url(
            "quiz.quiz_page", question, index=question.index + 1, scores=score_text
        )
    return render_template(
        "study/quiz_feedback.html",
        result=result,
        question=question,
        scores=scores,
        feedback=feedback_text(result),
        diagrams=figures.answer_figures(bundle().atlas, result),
        next_url=next_url,
        last=last,
    )


@bp.get("/study/quiz/review")
def quiz_review():
    """Show the final score and review the questions that were missed."""
    data = bundle()
    seed, area, mode = quiz_settings(request.args)
    count = quiz.quiz_length(data.patterns, area)
    scores = scores_param(request.args.get("scores"), count)
    questions = quiz.quiz(data.patterns, data.similarity, seed, area, mode)
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
        area_name=AREAS.get(area),
    )
