"""Apply the diary's guidance rules to a person's entries.

The one place the rules run.  Each rule in ``data/diary-guidance.toml`` has a
function here that decides whether it applies and returns the facts from the
entries that made it apply; the words, the numbers and the sources come from
the data file.  Nothing here diagnoses: the rules only point out patterns the
sources say are worth stopping for, discussing, or not worrying about.

Definitions used by the rules:

* the *latest* entry is the most recent one;
* a *session* is an entry that records a treatment that day; the sessions
  *so far* are those at or before the latest entry;
* the score *before treatment* is the score of the last entry before the first
  session, or of the first entry when the diary starts on a session day;
* the latest entry is *within the soreness window* when it is at most
  ``hours`` (48) after the most recent session: exactly 48 hours counts.
"""

from dataclasses import dataclass
from datetime import timedelta

from bodymap.diary.guidance import LEVELS


@dataclass(frozen=True)
class Advice:
    """A rule that applies, with the facts from the diary that made it apply."""

    rule: str
    level: str
    title: str
    text: str
    facts: tuple[str, ...]
    sources: tuple


@dataclass(frozen=True)
class Changes:
    """Regions marked in the latest entry but not the first, and the reverse."""

    new: tuple[str, ...]
    gone: tuple[str, ...]


def _day(entry):
    return f"{entry.at:%d %b %Y}".lstrip("0")


def sessions_so_far(entries):
    """Return the entries that record a session, oldest first."""
    return [entry for entry in entries if entry.session is not None]


def before_treatment(entries):
    """Return the entry whose score stands for the pain before treatment."""
    sessions = sessions_so_far(entries)
    if not sessions:
        return None
    earlier = [entry for entry in entries if entry.at < sessions[0].at]
    return earlier[-1] if earlier else entries[0]


def within_soreness_window(entries, hours):
    """Return the session the latest entry is at most ``hours`` after, or None."""
    latest = entries[-1]
    sessions = sessions_so_far(entries)
    if not sessions:
        return None
    last = sessions[-1]
    return last if latest.at - last.at <= timedelta(hours=hours) else None


def area_changes(entries, atlas=None):
    """Return the regions new or gone in the latest entry since the first."""
    if len(entries) < 2:
        return Changes((), ())
    first, latest = entries[0].regions, entries[-1].regions

    def ordered(ids):
        if atlas is None:
            return tuple(sorted(ids))
        order = {region_id: n for n, region_id in enumerate(atlas.regions)}
        return tuple(sorted(ids, key=lambda region_id: order[region_id]))

    return Changes(ordered(latest - first), ordered(first - latest))


def _red_flag(entries, rule, context):
    latest = entries[-1]
    flags = context["red_flags"]
    return [
        f"{flags[warning].text} {flags[warning].advice}"
        if warning in flags
        else warning
        for warning in latest.warnings
    ]


def _course_so_far(entries, sessions_needed):
    """Return (latest entry, sessions, entry before treatment) once enough
    sessions have taken place and a before-treatment score exists, else None."""
    sessions = sessions_so_far(entries)
    baseline = before_treatment(entries)
    if len(sessions) < sessions_needed or baseline is None:
        return None
    return entries[-1], sessions, baseline


def _worse_after_sessions(entries, rule, context):
    course = _course_so_far(entries, rule.params["sessions"])
    if course is None:
        return []
    latest, sessions, baseline = course
    if latest.score <= baseline.score or latest is baseline:
        return []
    if within_soreness_window(entries, context["soreness_hours"]):
        return []
    return [
        f"On {_day(latest)} your pain was {latest.score}/10, after "
        f"{len(sessions)} sessions; before treatment ({_day(baseline)}) it was "
        f"{baseline.score}/10."
    ]


def _spread(entries, rule, context):
    new = area_changes(entries, context["atlas"]).new
    if not new:
        return []
    names = ", ".join(context["region_name"](region_id) for region_id in new)
    return [f"New since your first entry ({_day(entries[0])}): {names}."]


def _no_improvement(entries, rule, context):
    course = _course_so_far(entries, rule.params["sessions"])
    if course is None:
        return []
    latest, sessions, baseline = course
    if baseline.score - latest.score >= rule.params["improvement"]:
        return []
    return [
        f"After {len(sessions)} sessions your pain is {latest.score}/10 "
        f"({_day(latest)}); before treatment it was {baseline.score}/10. A fall of "
        f"{rule.params['improvement']} points or more is what counts as a clear "
        "improvement."
    ]


def _soreness(entries, rule, context):
    session = within_soreness_window(entries, rule.params["hours"])
    if session is None:
        return []
    sore = f"it left you {session.session.soreness}/10 sore"
    if session is entries[-1]:
        return [f"Your latest entry ({_day(session)}) is a session day; {sore}."]
    hours = (entries[-1].at - session.at) / timedelta(hours=1)
    return [
        f"Your last session was on {_day(session)}, {hours:.0f} hours before your "
        f"latest entry; {sore}."
    ]


RULES = {
    "red-flag": _red_flag,
    "worse-after-sessions": _worse_after_sessions,
    "spread": _spread,
    "no-improvement": _no_improvement,
    "soreness": _soreness,
}


def advise(entries, guidance, atlas, red_flags):
    """Return the advice that applies to ``entries``, most urgent first.

    :param entries: the diary's entries, oldest first (see
        :func:`bodymap.diary.entries.parse_diary`).
    :param red_flags: ``{id: RedFlag}`` from ``data/safety.toml``.
    """
    if not entries:
        return []
    context = {
        "atlas": atlas,
        "red_flags": red_flags,
        "region_name": lambda region_id: atlas.regions[region_id].title,
        "soreness_hours": guidance.rules["soreness"].params["hours"],
    }
    found = []
    for rule in guidance.rules.values():
        facts = RULES[rule.id](entries, rule, context)
        if facts:
            found.append(
                Advice(
                    rule.id,
                    rule.level,
                    rule.title,
                    rule.text,
                    tuple(facts),
                    tuple(guidance.sources[key] for key in rule.sources),
                )
            )
    return sorted(found, key=lambda advice: LEVELS.index(advice.level))
