"""Pages for people: the body map, the results, the muscle index and each muscle."""

from typing import NamedTuple

from flask import Blueprint, render_template, request

from bodymap import figures
from bodymap.dataset.model import AREAS, Technique
from bodymap.errors import BadInput
from bodymap.study.search import FIELD_LABELS, search
from bodymap.web.drawing import INTENSITY_NAMES, parse_form
from bodymap.web.getters import area_param, bundle, get_pattern_or_404
from bodymap.widespread import SOURCE as WPI_SOURCE
from bodymap.widespread import SOURCE_URL as WPI_URL
from bodymap.widespread import widespread

bp = Blueprint("pages", __name__)


def muscles_by_area():
    """Return [(area name, [patterns])] in head-to-toe order."""
    groups = {area: [] for area in AREAS}
    for pattern in bundle().patterns.muscles.values():
        groups[pattern.muscle.area].append(pattern)
    return [(AREAS[area], items) for area, items in groups.items() if items]


class TechniqueAdvice(NamedTuple):
    """One technique as offered for one trigger point, screened for the person."""

    technique: Technique
    instructions: str | None
    avoid: list
    """Why it is not suitable, from ticked safety-screen answers."""
    care: list
    """Why it needs care, from ticked safety-screen answers."""
    cautions: list
    """Warnings for this technique on this muscle or trigger point."""


def techniques_for(spec, muscle, screen=frozenset()):
    """Return a :class:`TechniqueAdvice` per technique, self-care first.

    :param screen: the safety-screen answers the person ticked; a
        contraindication on one of them rules the technique out
        (``effect = "avoid"``) or asks for care, with its text.
    """
    techniques = bundle().dataset.techniques
    chosen = sorted(
        (techniques[t] for t in spec.techniques), key=lambda t: not t.is_self_care
    )
    return [
        TechniqueAdvice(
            technique,
            muscle.instructions.get(technique.id),
            *technique.screened(screen),
            muscle.cautions_for(spec, technique.id),
        )
        for technique in chosen
    ]


def region_groups():
    """Return [(view, area, [regions])] for the region list, in atlas order."""
    atlas = bundle().atlas
    groups = []
    for view_id in atlas.views:
        for region in atlas.regions_of(view_id):
            if not groups or groups[-1][:2] != (view_id, region.area):
                groups.append((view_id, region.area, []))
            groups[-1][2].append(region)
    return groups


@bp.get("/")
def home():
    """Show the body map for a pain drawing, with the region list as a form."""
    atlas = bundle().atlas
    return render_template(
        "pages/home.html",
        maps=figures.map_figures(atlas),
        zooms=atlas.zoom_boxes(),
        region_groups=region_groups(),
        intensities=INTENSITY_NAMES,
    )


RESULTS_LIMIT = 10
"""Candidates a results page lists."""


@bp.post("/results")
def results():
    """Show the muscles that may explain a drawing (works without JavaScript).

    The fragment the map page fetches (``?partial=1``) draws only the first
    candidate's diagrams: the others are closed, and the page asks
    :func:`result_figures` for theirs when one is opened.  Drawing all of them
    was most of the time a results page took.
    """
    data = bundle()
    partial = request.args.get("partial") == "1"
    try:
        spots = parse_form(data.lookup, request.form)
    except BadInput as error:
        template = (
            "pages/_results_error.html" if partial else "pages/results_error.html"
        )
        return render_template(template, message=error.message), error.status
    known_screen = {question.id for question in data.dataset.safety.screen}
    screen = set(request.form.getlist("screen")) & known_screen
    ticked = set(request.form.getlist("flag"))
    flags = [flag for flag in data.dataset.safety.red_flags if flag.id in ticked]
    candidates = data.lookup.rank(spots, limit=RESULTS_LIMIT)
    context = {
        "spots": spots,
        "spot_names": [data.atlas.regions[spot.region_id].name for spot in spots],
        "candidates": [
            (
                candidate,
                figures.candidate_figures(candidate, spots, index)
                if index == 1 or not partial
                else None,
            )
            for index, candidate in enumerate(candidates, start=1)
        ],
        "flags": flags,
        "widespread": widespread(data.atlas, spots),
        "widespread_source": {"citation": WPI_SOURCE, "url": WPI_URL},
        "screen": screen,
        "intensities": INTENSITY_NAMES,
        "techniques_for": techniques_for,
        "atlas": data.atlas,
        "partial": partial,
    }
    if partial:
        return render_template("pages/_results.html", **context)
    drawing = figures.drawing_figures(data.atlas, spots)
    return render_template("pages/results.html", drawing=drawing, **context)


@bp.post("/results/figures")
def result_figures():
    """Draw one candidate's diagrams for a drawing, when its result is opened.

    The form is the results form plus ``candidate``, a key such as
    ``soleus.left`` from the results fragment.
    """
    data = bundle()
    try:
        spots = parse_form(data.lookup, request.form)
    except BadInput as error:
        return _figures_error(error.message, error.status)
    key = request.form.get("candidate", "")
    candidates = data.lookup.rank(spots, limit=RESULTS_LIMIT)
    for index, candidate in enumerate(candidates, start=1):
        if candidate.key == key:
            return render_template(
                "pages/_candidate_figures.html",
                candidate_figures=figures.candidate_figures(candidate, spots, index),
            )
    return _figures_error("That muscle is not among the results for this drawing.", 404)


def _figures_error(message, status):
    return render_template("pages/_candidate_figures.html", message=message), status


@bp.get("/muscles")
def muscle_index():
    """List the muscles by body area; search by name, alias, region or symptom."""
    query = request.args.get("q", "").strip()[:200]
    area = area_param(request.args.get("area"))
    matches = search(bundle().patterns, bundle().atlas, query, area)
    return render_template(
        "pages/muscles.html",
        areas=muscles_by_area(),
        area_names=AREAS,
        query=query,
        area=area,
        matches=matches,
        field_labels=FIELD_LABELS,
    )


@bp.get("/muscles/<muscle_id>")
def muscle(muscle_id):
    """Show a muscle: its pattern, where to find each trigger point, what helps."""
    pattern = get_pattern_or_404(muscle_id)
    return render_template(
        "pages/muscle.html",
        pattern=pattern,
        muscle=pattern.muscle,
        area=AREAS[pattern.muscle.area],
        side=pattern.studied_side(),
        points=pattern.points_on(),
        diagrams=figures.muscle_figures(
            pattern, others=bundle().patterns.muscles.values()
        ),
        techniques_for=techniques_for,
        similar=bundle().similarity.similar(pattern.id),
    )
