"""The review sheet: every muscle's pattern beside its text, in one HTML file.

Not to be confused with the study pages' area sheets (``/study/sheet/<area>``),
which print one body area for students.

The page is meant to be opened from disk by a clinician reviewing the dataset
in one sitting, so it is self-contained: the diagrams are inline SVG and the
diagram stylesheet is embedded.  It is not served by the app, so the app's
content security policy does not apply to it.
"""

from dataclasses import dataclass
from pathlib import Path

from flask import render_template

from bodymap.dataset.model import AREAS
from bodymap.figures import Figure, muscle_figures
from bodymap.patterns import MusclePattern, TriggerPoint

TEMPLATE = "review_sheet/review.html"
DEFAULT_OUTPUT = "bodymap-review-sheet.html"


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


def render_sheet(app):
    """Return the review sheet of every muscle the app serves, as an HTML string.

    The page is rendered with the app's own templates and filters, so its
    figures are drawn exactly as the app draws them.
    """
    with app.app_context():
        bundle = app.extensions["bodymap"]
        dataset = bundle.dataset
        return render_template(
            TEMPLATE,
            areas=entries_by_area(bundle),
            muscle_count=len(dataset.muscles),
            point_count=sum(len(m.trigger_points) for m in dataset.muscles.values()),
            regions=bundle.atlas.regions,
            techniques=dataset.techniques,
            disclaimer=dataset.safety.disclaimer,
            stylesheet=bundle.diagram_css,
        )


def write_sheet(app, output=DEFAULT_OUTPUT):
    """Write the review sheet to ``output`` and return its path.

    :raises OSError: when the file cannot be written.
    """
    path = Path(output)
    path.write_text(render_sheet(app), encoding="utf-8")
    return path
