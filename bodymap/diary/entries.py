"""Read a pain diary sent by the browser, or imported from a file.

A diary is outside input like any other: it comes from the person's own
browser storage or from a file they carried from another device.  Every part
is checked and a problem is a :class:`DiaryError` whose message a patient can
act on ("Entry 3: ..."), so an import that fails leaves the diary as it was.

The file format (version 1)::

    {"format": "bodymap-diary", "version": 1, "exported": "2026-11-30T09:15",
     "entries": [{"at": "2026-11-30T09:15", "score": 6,
                  "spots": [{"view": "front", "x": 130.5, "y": 40.0, "intensity": 2},
                            {"region": "right-temple", "intensity": 3}],
                  "session": {"technique": "dry-needling", "soreness": 4},
                  "warnings": ["numbness-or-weakness"],
                  "notes": "Slept badly."}]}

``at`` is the person's local date and time; one entry per day.  ``session``
(optional) is a treatment that day and how sore it left them (0 to 10);
``warnings`` are ids of the red flags in ``data/safety.toml``.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bodymap.errors import BadInput

FORMAT = "bodymap-diary"
VERSION = 1
MAX_ENTRIES = 1000
MAX_SPOTS = 200
MAX_NOTES = 2000
EARLIEST = date(2000, 1, 1)
TOP_FIELDS = {"format", "version", "exported", "entries"}
ENTRY_FIELDS = {"at", "score", "spots", "session", "warnings", "notes"}
SPOT_FIELDS = {"view", "x", "y", "intensity", "region"}
SESSION_FIELDS = {"technique", "soreness"}


class DiaryError(BadInput):
    """A diary that cannot be read, with a message saying what to fix."""


@dataclass(frozen=True)
class DiarySpot:
    """One place that hurt, resolved to an atlas region."""

    view: str
    x: float
    y: float
    region: str
    intensity: int


@dataclass(frozen=True)
class Session:
    """A treatment session on the day of an entry."""

    technique: str
    soreness: int


@dataclass(frozen=True)
class Entry:
    """One day of the diary."""

    at: datetime
    score: int
    spots: tuple[DiarySpot, ...]
    session: Session | None
    warnings: tuple[str, ...]

    @property
    def regions(self):
        """Return the set of region ids this entry's drawing marks."""
        return {spot.region for spot in self.spots}

    @property
    def worst(self):
        """Return {region id: the worst intensity marked there}, in drawing order."""
        worst = {}
        for spot in self.spots:
            worst[spot.region] = max(worst.get(spot.region, 0), spot.intensity)
        return worst


@dataclass(frozen=True)
class Vocabulary:
    """What a diary may name: the atlas, the techniques and the red flags."""

    atlas: object
    techniques: frozenset
    warnings: frozenset


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _fields(item, allowed, where):
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise DiaryError(f"{where}: unknown field(s) {', '.join(unknown)}.")


def _when(value, where, today):
    example = "2026-11-30T09:15"
    if not isinstance(value, str):
        raise DiaryError(f"{where}: the date and time must be text like {example}.")
    try:
        when = datetime.strptime(value, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise DiaryError(
            f"{where}: {value!r} is not a valid date and time: use the form "
            f"{example} (year-month-day, then hours:minutes)."
        ) from None
    if when.date() < EARLIEST:
        raise DiaryError(f"{where}: the date {value[:10]} is too far in the past.")
    # The person's day may be ahead of the server's: allow one day's lead.
    if when.date() > today + timedelta(days=1):
        raise DiaryError(f"{where}: the date {value[:10]} is in the future.")
    return when


def _score(value, name, where):
    if not _is_integer(value) or not 0 <= value <= 10:
        raise DiaryError(f"{where}: {name} must be a whole number from 0 to 10.")
    return value


def _spot(item, where, atlas):
    if not isinstance(item, dict):
        raise DiaryError(f"{where} must be an object with view, x and y, or a region.")
    _fields(item, SPOT_FIELDS, where)
    intensity = item.get("intensity", 2)
    if not _is_integer(intensity) or not 1 <= intensity <= 3:
        raise DiaryError(
            f"{where}: intensity must be 1 (mild), 2 (moderate) or 3 (severe)."
        )
    if "region" in item:
        if set(item) & {"view", "x", "y"}:
            raise DiaryError(f"{where}: give either a region or view, x and y.")
        region = (
            atlas.regions.get(item["region"])
            if isinstance(item["region"], str)
            else None
        )
        if region is None:
            raise DiaryError(f"{where}: unknown region {item['region']!r}.")
        x, y = region.label_point
        return DiarySpot(region.view, x, y, region.id, intensity)
    missing = [name for name in ("view", "x", "y") if name not in item]
    if missing:
        raise DiaryError(f"{where}: missing {', '.join(missing)} (or give a region).")
    if item["view"] not in atlas.views:
        raise DiaryError(f"{where}: unknown view {item['view']!r}.")
    coordinates = []
    for name in ("x", "y"):
        value = item[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DiaryError(f"{where}: {name} must be a number.")
        if not math.isfinite(value):
            raise DiaryError(f"{where}: {name} must be a finite number.")
        coordinates.append(float(value))
    region = atlas.region_at(item["view"], *coordinates)
    if region is None:
        raise DiaryError(f"{where} is outside the body.")
    return DiarySpot(item["view"], *coordinates, region.id, intensity)


def _session(value, where, vocabulary):
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DiaryError(f"{where}: session must be an object with a technique.")
    _fields(value, SESSION_FIELDS, f"{where}, session")
    technique = value.get("technique")
    if technique not in vocabulary.techniques:
        raise DiaryError(f"{where}: unknown treatment technique {technique!r}.")
    soreness = _score(value.get("soreness", 0), "soreness after the session", where)
    return Session(technique, soreness)


def _entry(item, index, vocabulary, today):
    where = f"Entry {index + 1}"
    if not isinstance(item, dict):
        raise DiaryError(f"{where} must be an object.")
    _fields(item, ENTRY_FIELDS, where)
    if "at" not in item:
        raise DiaryError(f"{where}: missing the date and time (at).")
    when = _when(item["at"], where, today)
    where = f"Entry {index + 1} ({when:%Y-%m-%d})"
    if "score" not in item:
        raise DiaryError(f"{where}: missing the overall pain score (score).")
    score = _score(item["score"], "the pain score", where)
    spots = item.get("spots", [])
    if not isinstance(spots, list) or len(spots) > MAX_SPOTS:
        raise DiaryError(f"{where}: spots must be a list of at most {MAX_SPOTS}.")
    parsed = tuple(
        _spot(spot, f"{where}, spot {number + 1}", vocabulary.atlas)
        for number, spot in enumerate(spots)
    )
    warnings = item.get("warnings", [])
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        raise DiaryError(f"{where}: warnings must be a list of warning-sign ids.")
    for warning in warnings:
        if warning not in vocabulary.warnings:
            raise DiaryError(f"{where}: unknown warning sign {warning!r}.")
    notes = item.get("notes", "")
    if not isinstance(notes, str) or len(notes) > MAX_NOTES:
        raise DiaryError(
            f"{where}: notes must be text of at most {MAX_NOTES} characters."
        )
    session = _session(item.get("session"), where, vocabulary)
    return Entry(when, score, parsed, session, tuple(dict.fromkeys(warnings)))


def _check_version(body):
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise DiaryError(
            f'This is not a bodymap diary: the file should start with {{"format": '
            f'"{FORMAT}", ...}}.'
        )
    version = body.get("version")
    if not _is_integer(version):
        raise DiaryError("This diary does not say which version it is.")
    if version != VERSION:
        raise DiaryError(
            f"This diary is version {version}, but this bodymap reads version "
            f"{VERSION}. Export it again from a bodymap that matches, or update "
            "bodymap."
        )


def parse_diary(body, vocabulary, today=None):
    """Return the entries of a decoded diary, oldest first.

    :param vocabulary: the regions, techniques and warning signs it may name.
    :param today: the server's date (for "in the future"); today by default.
    :raises DiaryError: naming the entry and what is wrong with it.
    """
    _check_version(body)
    _fields(body, TOP_FIELDS, "The diary")
    entries = body.get("entries")
    if not isinstance(entries, list):
        raise DiaryError("The diary has no list of entries.")
    if len(entries) > MAX_ENTRIES:
        raise DiaryError(f"The diary has more than {MAX_ENTRIES} entries.")
    today = today or date.today()
    parsed = [
        _entry(item, index, vocabulary, today) for index, item in enumerate(entries)
    ]
    seen = {}
    for index, entry in enumerate(parsed):
        day = entry.at.date()
        if day in seen:
            raise DiaryError(
                f"Entry {index + 1}: {day} already has an entry (entry "
                f"{seen[day] + 1}): a diary keeps one entry per day."
            )
        seen[day] = index
    return tuple(sorted(parsed, key=lambda entry: entry.at))
