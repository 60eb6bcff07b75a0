"""Study pages: the region map, what refers to a region, comparison and sheets."""

from flask import Blueprint, abort, render_template, request, url_for

from bodymap import figures
from bodymap.dataset.model import AREAS
from bodymap.study.regions import grouped_regions
from bodymap.web.getters import bundle, compared_patterns, get_region_or_404

bp = Blueprint("study", __name__)


@bp.get("/study")
def study_home():
    """Show the map: a click on a region opens what refers there."""
    atlas = bundle().atlas
    present = {p.muscle.area for p in bundle().patterns.muscles.values()}
    return render_template(
        "study/index.html",
        maps=figures.map_figures(atlas, prefix="study"),
        groups=grouped_regions(atlas),
        areas=[(area, name) for area, name in AREAS.items() if area in present],
    )


def referrer_entries(region):
    """Return [(zone, [(trigger point, thumbnail url)])], essential first."""
    groups = {"essential": [], "spillover": []}
    for point, zone in bundle().patterns.referrers(region.id):
        url = url_for("exports.point_thumbnail", key=point.key, view_id=region.view)
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
    mirror = atlas.regions.get(atlas.mirror_region_id(region.id))
    return render_template(
        "study/region.html",
        region=region,
        entries=entries,
        diagram=figures.region_figure(region),
        neighbours=[atlas.regions[r] for r in atlas.neighbours(region.id)],
        mirror=mirror if mirror is not None and mirror.id != region.id else None,
        compare_muscles=essential_muscles[: figures.MAX_COMPARED]
        if len(essential_muscles) >= 2
        else [],
    )


@bp.get("/compare")
def compare():
    """Compare two to four muscles' patterns on one map, overlap marked."""
    everything = list(bundle().patterns.muscles.values())
    values = request.args.getlist("muscles")
    if not values:
        return render_template("study/compare.html", patterns=[], everything=everything)
    patterns = compared_patterns(values)
    scores = bundle().similarity
    pairs = [
        (a, b, round(100 * scores.score(a.id, b.id)))
        for i, a in enumerate(patterns)
        for b in patterns[i + 1 :]
    ]
    return render_template(
        "study/compare.html",
        patterns=patterns,
        series=[(p, figures.series_classes(i)) for i, p in enumerate(patterns)],
        everything=everything,
        diagrams=figures.compare_figures(bundle().atlas, patterns),
        pairs=pairs,
        ids=",".join(p.id for p in patterns),
    )


@bp.get("/study/sheet/<area>")
def area_sheet(area):
    """Show a printable study sheet of every muscle in one body area.

    (Not the review sheet: that is one offline file of every muscle for a
    clinician checking the data, written by ``bodymap sheet``.)
    """
    if area not in AREAS:
        abort(404, description=f"No body area {area!r}.")
    patterns = [p for p in bundle().patterns.muscles.values() if p.muscle.area == area]
    return render_template(
        "study/area_sheet.html",
        area=area,
        area_name=AREAS[area],
        entries=[(p, p.points_on(), p.views()) for p in patterns],
    )
