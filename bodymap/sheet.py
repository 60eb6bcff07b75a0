"""The review sheet: every muscle's pattern beside its text, in one HTML file.

The page is meant to be opened from disk by a clinician reviewing the dataset
in one sitting, so it is self-contained: the diagrams are inline SVG and the
diagram stylesheet is embedded.  It is not served by the app, so the app's
content security policy does not apply to it.
"""

from dataclasses import dataclass
from pathlib import Path

import jinja2

from bodymap.dataset.model import AREAS, ZONES
from bodymap.render.diagrams import pattern_overlay, views_of
from bodymap.render.svg import view_svg
from bodymap.resources import STATIC_DIR, TEMPLATE_DIR

TEMPLATE = "sheet/review.html"
DEFAULT_OUTPUT = "bodymap-review-sheet.html"
ZONE_LABELS = {
    "local": "Local pain",
    "essential": "Essential zone",
    "spillover": "Spillover zone",
}


@dataclass(frozen=True)
class MuscleEntry:
    """One muscle as the sheet shows it: the drawn side, its points, figures."""

    pattern: object
    side: str
    points: tuple
    figures: tuple  # (view id, svg)

    @property
    def muscle(self):
        return self.pattern.muscle


def _environment():
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def figure_svg(atlas, pattern, view_id, side):
    """Return the SVG of one muscle's pattern on one view, ids unique per page."""
    return view_svg(
        atlas,
        view_id,
        overlay=pattern_overlay(pattern, view_id, side=side),
        prefix=f"sheet-{pattern.muscle.id}-{view_id}",
        title=f"{pattern.muscle.name}: referral pattern, {view_id} view",
    )


def muscle_entry(atlas, pattern):
    """Return a muscle's sheet entry, drawn on the right side (or the midline)."""
    side = pattern.sides()[0]
    points = tuple(point for point in pattern.trigger_points if point.side == side)
    figures = tuple(
        (view_id, figure_svg(atlas, pattern, view_id, side))
        for view_id in views_of(points)
    )
    return MuscleEntry(pattern, side, points, figures)


def entries_by_area(bundle):
    """Return [(area id, area name, [entries])] head to toe, empty areas left out."""
    groups = {area: [] for area in AREAS}
    for pattern in bundle.patterns.muscles.values():
        groups[pattern.muscle.area].append(muscle_entry(bundle.atlas, pattern))
    return [(area, AREAS[area], items) for area, items in groups.items() if items]


def render_sheet(bundle):
    """Return the review sheet of every muscle in ``bundle`` as an HTML string."""
    dataset = bundle.dataset
    template = _environment().get_template(TEMPLATE)
    return template.render(
        areas=entries_by_area(bundle),
        muscle_count=len(dataset.muscles),
        point_count=sum(len(m.trigger_points) for m in dataset.muscles.values()),
        regions=bundle.atlas.regions,
        techniques=dataset.techniques,
        disclaimer=dataset.safety.disclaimer,
        zones=ZONES,
        zone_labels=ZONE_LABELS,
        stylesheet=(STATIC_DIR / "css" / "diagram.css").read_text(encoding="utf-8"),
    )


def write_sheet(bundle, output=DEFAULT_OUTPUT):
    """Write the review sheet to ``output`` and return its path.

    :raises OSError: when the file cannot be written.
    """
    path = Path(output)
    path.write_text(render_sheet(bundle), encoding="utf-8")
    return path
