"""Pages for people: the body map, the muscle index and each muscle."""

from flask import Blueprint, abort, render_template

from bodymap.dataset.model import ZONES
from bodymap.render.diagrams import pattern_overlay, views_of
from bodymap.render.svg import view_svg
from bodymap.web import bundle

bp = Blueprint("pages", __name__)

AREA_NAMES = {
    "head-jaw": "Head and jaw",
    "neck": "Neck",
    "shoulder": "Shoulder",
    "upper-back": "Upper back",
    "upper-arm": "Upper arm",
    "forearm-hand": "Forearm and hand",
    "chest-abdomen": "Chest and abdomen",
    "low-back": "Low back and pelvis",
    "hip-buttock": "Hip and buttock",
    "thigh": "Thigh",
    "leg": "Leg",
    "foot": "Foot",
}


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


def techniques_for(spec, muscle):
    """Return the trigger point's techniques, self-care first, with instructions."""
    techniques = bundle().dataset.techniques
    chosen = [techniques[t] for t in spec.techniques]
    chosen.sort(key=lambda technique: not technique.is_self_care)
    return [(technique, muscle.instructions.get(technique.id)) for technique in chosen]


@bp.get("/")
def home():
    """Show the body map with its front/back switch."""
    atlas = bundle().atlas
    maps = [
        (view_id, view_svg(atlas, view_id, interactive=True)) for view_id in atlas.views
    ]
    return render_template("pages/home.html", maps=maps, areas=muscles_by_area())


@bp.get("/muscles")
def muscle_index():
    """List every muscle by body area."""
    return render_template("pages/muscles.html", areas=muscles_by_area())


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
    )


@bp.app_context_processor
def safety_context():
    """Give every template the disclaimer and red flags."""
    return {"safety": bundle().dataset.safety}
