"""The private pain diary: its page, and the report the page asks the server for.

The diary lives in the person's browser.  To show guidance and draw the body
maps, the page sends the entries (never the notes) to ``POST
/api/diary/report``; the answer is computed, sent with ``Cache-Control:
no-store`` and forgotten: nothing is stored, and nothing from the body is
logged (an error names only what is wrong, never the entry's content).
"""

from flask import Blueprint, render_template

from bodymap.diary import Vocabulary, advise, area_changes, parse_diary
from bodymap.diary.entries import MAX_NOTES, VERSION
from bodymap.figures import diary_figures, draw
from bodymap.web.drawing import INTENSITY_NAMES
from bodymap.web.getters import bundle

bp = Blueprint("diary", __name__)

MAX_BYTES = 2 * 1024 * 1024
"""A diary of daily entries for years stays well under this."""


def vocabulary(data):
    """Return what a diary may name, from the loaded bundle."""
    return Vocabulary(
        atlas=data.atlas,
        techniques=frozenset(data.dataset.techniques),
        warnings=frozenset(flag.id for flag in data.dataset.safety.red_flags),
    )


def _source_json(source):
    return {"key": source.key, "citation": source.citation, "url": source.url}


def _drawing(data, entry, label, prefix, views, new=()):
    """Return one entry's drawing: its regions and an SVG per view."""
    atlas = data.atlas
    return {
        "label": label,
        "at": f"{entry.at:%Y-%m-%dT%H:%M}",
        "score": entry.score,
        "regions": [
            {
                "id": region_id,
                "name": atlas.regions[region_id].title,
                "intensity": level,
                "intensity_name": INTENSITY_NAMES[level],
            }
            for region_id, level in entry.worst.items()
        ],
        "figures": [
            {"view": figure.view, "svg": draw(atlas, figure)}
            for figure in diary_figures(atlas, entry, views, label, prefix, new)
        ],
    }


def report(data, body):
    """Return the guidance, the area changes and the drawings for a diary.

    :raises DiaryError: naming the entry and what is wrong with it.
    """
    entries = parse_diary(body, vocabulary(data))
    guidance = data.diary_guidance
    atlas = data.atlas
    red_flags = {flag.id: flag for flag in data.dataset.safety.red_flags}
    advice = advise(entries, guidance, atlas, red_flags)
    changes = area_changes(entries, atlas)
    drawings = []
    if entries:
        first, latest = entries[0], entries[-1]
        shown = [e for e in (first, latest) if e.spots] or [latest]
        views = [
            view_id
            for view_id in atlas.views
            if any(spot.view == view_id for e in shown for spot in e.spots)
        ] or list(atlas.views)[:1]
        drawings.append(_drawing(data, first, "First entry", "diary-first", views))
        if latest is not first:
            drawings.append(
                _drawing(
                    data, latest, "Latest entry", "diary-latest", views, changes.new
                )
            )
    return {
        "entries": len(entries),
        "guidance": [
            {
                "rule": item.rule,
                "level": item.level,
                "title": item.title,
                "text": item.text,
                "facts": list(item.facts),
                "sources": [_source_json(source) for source in item.sources],
            }
            for item in advice
        ],
        "all_clear": guidance.all_clear if entries and not advice else None,
        "disclaimer": guidance.disclaimer,
        "changes": {
            kind: [{"id": r, "name": atlas.regions[r].title} for r in ids]
            for kind, ids in (("new", changes.new), ("gone", changes.gone))
        },
        "drawings": drawings,
    }


@bp.get("/diary")
def diary_page():
    """Show the pain diary; the browser fills it from its own storage."""
    data = bundle()
    return render_template(
        "diary/diary.html",
        techniques=list(data.dataset.techniques.values()),
        technique_names={t.id: t.name for t in data.dataset.techniques.values()},
        red_flags=data.dataset.safety.red_flags,
        guidance=data.diary_guidance,
        version=VERSION,
        max_notes=MAX_NOTES,
    )
