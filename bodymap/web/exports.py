"""Diagram files: SVG and PNG downloads, and the thumbnails pages link to."""

from flask import Blueprint, Response, request

from bodymap import figures
from bodymap.study import export
from bodymap.web.getters import (
    bundle,
    compared_patterns,
    get_pattern_or_404,
    get_point_or_404,
    get_region_or_404,
    get_view_or_404,
    side_points,
)

bp = Blueprint("exports", __name__)

CACHE_SECONDS = 3600
SVG_FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
"""Standalone SVGs carry their own styles and never load or run anything."""


def figure_file(figure, fmt, name=None):
    """Return a figure as an SVG or PNG response, a download when ``name`` is set."""
    data = bundle()
    body, mimetype = export.diagram_file(data.atlas, figure, data.diagram_css, fmt)
    response = Response(body, mimetype=mimetype)
    if name:
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Security-Policy"] = SVG_FILE_POLICY
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response


@bp.get("/export/muscles/<muscle_id>/<view_id>.<any(svg, png):fmt>")
def export_muscle(muscle_id, view_id, fmt):
    """Download a muscle's pattern on one view (``?side=``, ``?point=``)."""
    pattern = get_pattern_or_404(muscle_id)
    get_view_or_404(view_id)
    point_id = request.args.get("point")
    side, points = side_points(pattern, request.args.get("side"), point_id)
    figure = figures.muscle_view_figure(pattern, view_id, side, points)
    which = points[0].id if point_id else None
    name = export.file_name(muscle_id, which, side, view_id, fmt=fmt)
    return figure_file(figure, fmt, name)


@bp.get("/export/regions/<region_id>.<any(svg, png):fmt>")
def export_region(region_id, fmt):
    """Download a map with one region highlighted."""
    region = get_region_or_404(region_id)
    figure = figures.region_figure(region, prefix="diagram")
    return figure_file(figure, fmt, export.file_name("region", region.id, fmt=fmt))


@bp.get("/export/compare/<view_id>.<any(svg, png):fmt>")
def export_compare(view_id, fmt):
    """Download a comparison of two to four muscles on one view (``?muscles=``)."""
    get_view_or_404(view_id)
    patterns = compared_patterns(request.args.getlist("muscles"))
    [figure] = figures.compare_figures(bundle().atlas, patterns, views=[view_id])
    ids = [p.id for p in patterns]
    return figure_file(figure, fmt, export.file_name("compare", *ids, view_id, fmt=fmt))


@bp.get("/thumbnails/muscles/<muscle_id>.svg")
def muscle_thumbnail(muscle_id):
    """Return a small picture of a muscle's pattern on its main view."""
    pattern = get_pattern_or_404(muscle_id)
    return figure_file(figures.muscle_thumbnail(bundle().atlas, pattern), "svg")


@bp.get("/thumbnails/points/<key>/<view_id>.svg")
def point_thumbnail(key, view_id):
    """Return a small picture of one trigger point's pattern on one view."""
    point = get_point_or_404(key)
    get_view_or_404(view_id)
    pattern = bundle().patterns.muscles[point.muscle.id]
    figure = figures.point_thumbnail(bundle().atlas, pattern, point, view_id)
    return figure_file(figure, "svg")
