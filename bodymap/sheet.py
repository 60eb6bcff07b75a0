"""The review sheet: every muscle's pattern beside its text, in one HTML file.

The page is meant to be opened from disk by a clinician reviewing the dataset
in one sitting, so it is self-contained: the diagrams are inline SVG and the
diagram stylesheet is embedded.  It is not served by the app, so the app's
content security policy does not apply to it.
"""

from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from bodymap.dataset.model import AREAS, ZONES
from bodymap.figures import Figure, draw, muscle_figures
from bodymap.patterns import MusclePattern, TriggerPoint
from bodymap.resources import TEMPLATE_DIR

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

    pattern: MusclePattern
    side: str
    points: tuple[TriggerPoint, ...]
    figures: tuple[Figure, ...]

    @property
    def muscle(self):
        return self.pattern.muscle


def _environment(atlas):
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["svg"] = lambda figure: Markup(draw(atlas, figure))
    return environment


def muscle_entry(pattern):
    """Return a muscle's sheet entry, drawn on the right side (or the midline)."""
    return MuscleEntry(
        pattern,
        pattern.studied_side(),
        pattern.points_on(),
        tuple(muscle_figures(pattern, prefix=f"sheet-{pattern.id}")),
    )


def entries_by_area(bundle):
    """Return [(area id, area name, [entries])] head to toe, empty areas left out."""
    groups = {area: [] for area in AREAS}
    for pattern in bundle.patterns.muscles.values():
        groups[pattern.muscle.area].append(muscle_entry(pattern))
    return [(area, AREAS[area], items) for area, items in groups.items() if items]


def render_sheet(bundle):
    """Return the review sheet of every muscle in ``bundle`` as an HTML string."""
    dataset = bundle.dataset
    template = _environment(bundle.atlas).get_template(TEMPLATE)
    return template.render(
        areas=entries_by_area(bundle),
        muscle_count=len(dataset.muscles),
        point_count=sum(len(m.trigger_points) for m in dataset.muscles.values()),
        regions=bundle.atlas.regions,
        techniques=dataset.techniques,
        disclaimer=dataset.safety.disclaimer,
        zones=ZONES,
        zone_labels=ZONE_LABELS,
        stylesheet=bundle.diagram_css,
    )


def write_sheet(bundle, output=DEFAULT_OUTPUT):
    """Write the review sheet to ``output`` and return its path.

    :raises OSError: when the file cannot be written.
    """
    path = Path(output)
    path.write_text(render_sheet(bundle), encoding="utf-8")
    return path
