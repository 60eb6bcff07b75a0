"""Pages for people: the body map, the muscle index and each muscle."""

from typing import NamedTuple

from flask import Blueprint, abort, render_template, request

from bodymap.dataset.model import AREAS, ZONES
from bodymap.render.diagrams import candidate_overlay, pattern_overlay, views_of
from bodymap.render.svg import Overlay, view_svg
from bodymap.study.search import FIELD_LABELS, search
from bodymap.study.similarity import similarity_for
from bodymap.web import bundle
from bodymap.web.drawing import INTENSITY_NAMES, parse_form
from bodymap.web.errors import ApiError
from bodymap.widespread import SOURCE as WPI_SOURCE
from bodymap.widespread import SOURCE_URL as WPI_URL
from bodymap.widespread import widespread

bp = Blueprint("pages", __name__)

AREA_NAMES = AREAS


def get_pattern_or_404(muscle_id):
    """Return a muscle's pattern or answer with the friendly 404 page."""
    pattern = bundle().patterns.muscles.get(muscle_id)
    if pattern is None:
        abort(404)
    return pattern


def muscles_by_area():
    """Return [(area name, [patterns])] in head-to-toe order."""
    groups = {area: [] for area in AREA_NAMES}
    for pattern in bundle().patterns.muscles.values():
        groups[pattern.muscle.area].append(pattern)
    return [(AREA_NAMES[area], items) for area, items in groups.items() if items]


def region_names(region_ids):
    regions = bundle().atlas.regions
    return [regions[region_id] for region_id in region_ids]


class TechniqueAdvice(NamedTuple):
    """One technique as offered for one trigger point, screened for the person."""

    technique: object
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
    maps = [(v, view_svg(atlas, v, interactive=True)) for v in atlas.views]
    return render_template(
        "pages/home.html",
        maps=maps,
        zooms=atlas.zoom_boxes(),
        region_groups=region_groups(),
        intensities=INTENSITY_NAMES,
    )


def drawing_svgs(spots):
    """Return [(view, svg)] of the person's drawing, for the summary and print."""
    atlas = bundle().atlas
    views = [v for v in atlas.views if any(spot.view == v for spot in spots)]
    return [
        (
            view_id,
            view_svg(
                atlas,
                view_id,
                overlay=Overlay(
                    spots=[
                        (s.x, s.y, "Your pain spot") for s in spots if s.view == view_id
                    ]
                ),
                prefix=f"drawing-{view_id}",
                title=f"Your pain drawing, {view_id} view",
            ),
        )
        for view_id in views
    ]


def candidate_svgs(candidate, spots, index):
    """Return [(view, svg)] of one candidate's pattern over the spots."""
    point = candidate.point
    return [
        (
            view_id,
            view_svg(
                bundle().atlas,
                view_id,
                overlay=candidate_overlay(point, view_id, spots),
                prefix=f"cand-{index}-{view_id}",
                title=f"{point.muscle.name} ({point.side}): pattern over your pain, "
                f"{view_id} view",
            ),
        )
        for view_id in point.views()
    ]


@bp.post("/results")
def results():
    """Show ranked trigger points for a drawing (works without JavaScript)."""
    data = bundle()
    partial = request.args.get("partial") == "1"
    try:
        spots = parse_form(data.lookup, request.form)
    except ApiError as error:
        template = (
            "pages/_results_error.html" if partial else "pages/results_error.html"
        )
        return render_template(template, message=error.message), 400
    known_screen = {question.id for question in data.dataset.safety.screen}
    screen = set(request.form.getlist("screen")) & known_screen
    ticked = set(request.form.getlist("flag"))
    flags = [flag for flag in data.dataset.safety.red_flags if flag.id in ticked]
    candidates = data.lookup.rank(spots, limit=10)
    context = {
        "spots": spots,
        "spot_names": [data.atlas.regions[spot.region_id].name for spot in spots],
        "candidates": candidates,
        "flags": flags,
        "widespread": widespread(data.atlas, spots),
        "widespread_source": {"citation": WPI_SOURCE, "url": WPI_URL},
        "screen": screen,
        "intensities": INTENSITY_NAMES,
        "candidate_svgs": candidate_svgs,
        "techniques_for": techniques_for,
        "partial": partial,
    }
    if partial:
        return render_template("pages/_results.html", **context)
    return render_template("pages/results.html", drawing=drawing_svgs(spots), **context)


@bp.get("/muscles")
def muscle_index():
    """List the muscles by body area; search by name, alias, region or symptom."""
    query = request.args.get("q", "").strip()[:200]
    area = request.args.get("area") or None
    if area is not None and area not in AREA_NAMES:
        abort(400, description=f"Unknown body area {area!r}: choose one from the list.")
    matches = search(bundle().patterns, bundle().atlas, query, area)
    return render_template(
        "pages/muscles.html",
        areas=muscles_by_area(),
        area_names=AREA_NAMES,
        query=query,
        area=area,
        matches=matches,
        field_labels=FIELD_LABELS,
    )


@bp.get("/muscles/<muscle_id>")
def muscle(muscle_id):
    """Show a muscle: its pattern, where to find each trigger point, what helps."""
    pattern = get_pattern_or_404(muscle_id)
    atlas = bundle().atlas
    side = pattern.sides()[0]
    points = [point for point in pattern.trigger_points if point.side == side]
    diagrams = [
        (
            view_id,
            view_svg(
                atlas,
                view_id,
                overlay=pattern_overlay(pattern, view_id, side=side),
                prefix=f"muscle-{view_id}",
                title=f"{pattern.muscle.name}: referral pattern, {view_id} view",
            ),
        )
        for view_id in views_of(points)
    ]
    return render_template(
        "pages/muscle.html",
        pattern=pattern,
        muscle=pattern.muscle,
        area=AREA_NAMES[pattern.muscle.area],
        side=side,
        points=points,
        diagrams=diagrams,
        zones=ZONES,
        region_names=region_names,
        techniques_for=techniques_for,
        similar=similarity_for(bundle().patterns).similar(pattern.id),
    )


@bp.app_context_processor
def safety_context():
    """Give every template the disclaimer and red flags."""
    return {"safety": bundle().dataset.safety}
