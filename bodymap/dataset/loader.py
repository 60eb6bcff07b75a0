"""Read the TOML data files, validate them in two tiers and build the model.

Tier one checks each file against its JSON Schema (``schema/``); tier two
checks what a schema cannot: file names match ids, ids are unique, every
referenced technique, source and screen question exists, a zone does not list
a region twice.  Geometry checks (regions exist, points inside the body) come
later, in :mod:`bodymap.patterns`, once the atlas is at hand.  Every problem
is collected, so one run reports them all.
"""

import json
import tomllib
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from bodymap.dataset.errors import DataError, DataErrors
from bodymap.dataset.model import (
    ZONES,
    Contraindication,
    Dataset,
    Muscle,
    Prevalence,
    RedFlag,
    Safety,
    ScreenQuestion,
    Shape,
    Source,
    Technique,
    TriggerPointSpec,
)

SCHEMA_DIR = Path(__file__).parent / "schema"
PREVALENCE_REQUIRED = True
"""Whether every muscle must say how common it is (``[prevalence]``).

False while the muscle files are being filled in; the consistency tests
fail once every muscle has it and this is still False, so it gets switched.
"""
MAX_SHAPE_POINTS = 1000
"""Hand-drawn outlines and zone shapes use a few dozen points; far more is a
mistake (an export from a drawing tool), and would make every diagram heavy
and validation slow, so such a file is refused before its schema check."""


@cache
def _validator(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    return Draft202012Validator(schema)


def _field_path(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or None


def _entry_name(document, path):
    """Name the entry an error is in: the trigger point, else the top-level id."""
    parts = list(path)
    if len(parts) >= 2 and parts[0] == "trigger_points" and isinstance(parts[1], int):
        points = document.get("trigger_points")
        if isinstance(points, list) and parts[1] < len(points):
            point_id = (
                points[parts[1]].get("id")
                if isinstance(points[parts[1]], dict)
                else None
            )
            return (
                f"trigger point {point_id!r}"
                if point_id
                else f"trigger point #{parts[1] + 1}"
            )
    identifier = document.get("id")
    return repr(identifier) if isinstance(identifier, str) else None


def _schema_errors(kind, document, file):
    errors = sorted(_validator(kind).iter_errors(document), key=lambda e: list(e.path))
    return [
        DataError(
            file,
            error.message,
            _entry_name(document, error.path),
            _field_path(error.path),
        )
        for error in errors
    ]


def _read_toml(path, root):
    file = path.relative_to(root.parent) if path.is_relative_to(root.parent) else path
    if not path.is_file():
        # A folder or a broken link named *.toml: say so, no traceback.
        raise DataError(file, "not a readable file (a folder or a broken link?)")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), file
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataError(file, f"not valid TOML: {error}") from None
    except OSError as error:
        raise DataError(file, f"cannot read: {error.strerror or error}") from None


def _oversized_shapes(node, file, path=()):
    """Return an error for each ``points`` list longer than MAX_SHAPE_POINTS."""
    problems = []
    if isinstance(node, dict):
        points = node.get("points")
        if isinstance(points, list) and len(points) > MAX_SHAPE_POINTS:
            problems.append(
                DataError(
                    file,
                    f"{len(points):,} points: a shape may have at most "
                    f"{MAX_SHAPE_POINTS:,}",
                    None,
                    _field_path((*path, "points")),
                )
            )
        items = ((key, value) for key, value in node.items() if key != "points")
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return problems
    for key, value in items:
        problems += _oversized_shapes(value, file, (*path, key))
    return problems


def _sources(items):
    return tuple(
        Source(item["key"], item["citation"], item.get("url"), item.get("note"))
        for item in items
    )


def _shape(item):
    return Shape(item["view"], tuple((float(x), float(y)) for x, y in item["points"]))


def _trigger_point(item):
    return TriggerPointSpec(
        id=item["id"],
        label=item["label"],
        location=item["location"],
        view=item["view"],
        x=float(item["x"]),
        y=float(item["y"]),
        zones={zone: tuple(item[zone]) for zone in ZONES},
        zone_shapes={
            zone: _shape(item[f"{zone}_shape"])
            for zone in ZONES
            if f"{zone}_shape" in item
        },
        symptoms=tuple(item["symptoms"]),
        perpetuating_factors=tuple(item["perpetuating_factors"]),
        techniques=tuple(item["techniques"]),
        sources=tuple(item["sources"]),
        note=item.get("note"),
        crosses_midline=item.get("crosses_midline", False),
        cautions=dict(item.get("cautions", {})),
    )


def _muscle(document, file):
    return Muscle(
        id=document["id"],
        name=document["name"],
        aliases=tuple(document.get("aliases", ())),
        area=document["area"],
        symmetry=document.get("symmetry", "paired"),
        description=document["description"],
        sources=_sources(document["sources"]),
        outline=tuple(_shape(item) for item in document["outline"]),
        instructions=dict(document["instructions"]),
        trigger_points=tuple(
            _trigger_point(item) for item in document["trigger_points"]
        ),
        file=str(file),
        prevalence=Prevalence(**document["prevalence"])
        if "prevalence" in document
        else None,
        cautions=dict(document.get("cautions", {})),
    )


def _technique(document):
    return Technique(
        id=document["id"],
        name=document["name"],
        performer=document["performer"],
        summary=document["summary"],
        how=document["how"],
        expect=document["expect"],
        stop_if=document["stop_if"],
        contraindications=tuple(
            Contraindication(item["text"], item.get("screen"), item.get("effect"))
            for item in document["contraindications"]
        ),
        sources=_sources(document["sources"]),
    )


def _safety(document):
    return Safety(
        disclaimer=document["disclaimer"],
        disclaimer_details=document["disclaimer_details"],
        red_flags=tuple(
            RedFlag(f["id"], f["text"], f["advice"], tuple(f["sources"]))
            for f in document["red_flags"]
        ),
        screen=tuple(
            ScreenQuestion(q["id"], q["question"]) for q in document["screen"]
        ),
        sources=_sources(document["sources"]),
    )


def _load_kind(folder, kind, build, root, errors):
    """Load every ``*.toml`` in ``folder`` that passes its schema."""
    items = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            document, file = _read_toml(path, root)
        except DataError as error:
            errors.append(error)
            continue
        problems = _oversized_shapes(document, file) or _schema_errors(
            kind, document, file
        )
        if not problems and document["id"] != path.stem:
            problems.append(
                DataError(
                    file,
                    f"id {document['id']!r} must match the file name {path.stem!r}",
                    repr(document["id"]),
                    "id",
                )
            )
        if not problems and document["id"] in items:
            problems.append(
                DataError(file, f"duplicate id {document['id']!r}", None, "id")
            )
        errors += problems
        if not problems:
            items[document["id"]] = build(document, file)
    return items


def _check_muscle(muscle, techniques, screen_ids, seen_points, errors):
    source_keys = {source.key for source in muscle.sources}
    file = muscle.file

    def problem(message, entry, field):
        errors.append(DataError(file, message, entry, field))

    for key in muscle.instructions:
        if key not in techniques:
            problem(
                f"unknown technique {key!r}", repr(muscle.id), f"instructions.{key}"
            )
    if muscle.prevalence is None and PREVALENCE_REQUIRED:
        problem(
            "missing [prevalence]: say how common the muscle is, with a source",
            repr(muscle.id),
            "prevalence",
        )
    if muscle.prevalence and muscle.prevalence.source not in source_keys:
        problem(
            f"source {muscle.prevalence.source!r} is not among the muscle's sources",
            repr(muscle.id),
            "prevalence.source",
        )
    listed = {t for point in muscle.trigger_points for t in point.techniques}
    for key in muscle.cautions:
        if key not in techniques:
            problem(f"unknown technique {key!r}", repr(muscle.id), f"cautions.{key}")
        elif key not in listed:
            problem(
                f"technique {key!r} is not listed by any of the muscle's "
                "trigger points",
                repr(muscle.id),
                f"cautions.{key}",
            )
    for index, point in enumerate(muscle.trigger_points):
        entry = f"trigger point {point.id!r}"
        where = f"trigger_points[{index}]"
        if point.id in seen_points:
            problem(
                f"trigger point id {point.id!r} is already used in "
                f"{seen_points[point.id]}",
                entry,
                f"{where}.id",
            )
        seen_points[point.id] = file
        for technique in point.techniques:
            if technique not in techniques:
                problem(
                    f"unknown technique {technique!r}", entry, f"{where}.techniques"
                )
        for key in point.sources:
            if key not in source_keys:
                problem(
                    f"source {key!r} is not among the muscle's sources",
                    entry,
                    f"{where}.sources",
                )
        for key in point.cautions:
            if key not in techniques:
                problem(f"unknown technique {key!r}", entry, f"{where}.cautions.{key}")
            elif key not in point.techniques:
                problem(
                    f"technique {key!r} is not among this trigger point's techniques",
                    entry,
                    f"{where}.cautions.{key}",
                )
        for zone in ZONES:
            other_side = [
                r
                for r in point.zones[zone]
                if r.startswith("left-") and not point.crosses_midline
            ]
            if other_side and muscle.is_paired:
                problem(
                    "author the person's right side: "
                    + ", ".join(other_side)
                    + " is on the left (set crosses_midline = true for a band "
                    "across both sides)",
                    entry,
                    f"{where}.{zone}",
                )
        if point.crosses_midline and not any(
            r.startswith("left-") for zone in ZONES for r in point.zones[zone]
        ):
            problem(
                "crosses_midline is set but no zone names a left-* region",
                entry,
                f"{where}.crosses_midline",
            )
        overlap = set(point.zones["essential"]) & set(point.zones["spillover"])
        if overlap:
            problem(
                "regions in both essential and spillover zones: "
                + ", ".join(sorted(overlap)),
                entry,
                f"{where}.spillover",
            )
        if not any(
            techniques[t].is_self_care for t in point.techniques if t in techniques
        ):
            problem(
                "needs at least one self-care technique", entry, f"{where}.techniques"
            )


def _check_safety(safety, errors):
    keys = {source.key for source in safety.sources}
    for index, flag in enumerate(safety.red_flags):
        for key in flag.sources:
            if key not in keys:
                errors.append(
                    DataError(
                        "data/safety.toml",
                        f"source {key!r} is not among the safety sources",
                        f"red flag {flag.id!r}",
                        f"red_flags[{index}].sources",
                    )
                )


def _check_techniques(techniques, screen_ids, root, errors):
    folder = root.name or str(root)
    for technique in techniques.values():
        for index, item in enumerate(technique.contraindications):
            if item.screen and item.screen not in screen_ids:
                errors.append(
                    DataError(
                        f"{folder}/techniques/{technique.id}.toml",
                        f"unknown safety-screen question {item.screen!r}",
                        repr(technique.id),
                        f"contraindications[{index}].screen",
                    )
                )


def _load_safety(root, errors):
    path = root / "safety.toml"
    if not path.exists():
        errors.append(
            DataError(path.name, "missing: the disclaimer and red flags are required")
        )
        return None
    try:
        document, file = _read_toml(path, root)
    except DataError as error:
        errors.append(error)
        return None
    problems = _schema_errors("safety", document, file)
    errors += problems
    return None if problems else _safety(document)


def load_dataset(root):
    """Load and validate the dataset in ``root``.

    :raises DataErrors: listing every problem found, each naming its file,
        entry and field.
    """
    dataset, errors = read_dataset(root)
    if errors:
        raise DataErrors(errors)
    return dataset


def read_dataset(root):
    """Return (dataset of the files that passed, list of every problem found)."""
    root = Path(root)
    errors = []
    if not root.is_dir():
        problem = "does not exist" if not root.exists() else "is not a folder"
        errors.append(DataError(root, f"the data folder {problem}"))
        return Dataset(muscles={}, techniques={}, safety=None), errors
    safety = _load_safety(root, errors)
    techniques = _load_kind(
        root / "techniques",
        "technique",
        lambda doc, _file: _technique(doc),
        root,
        errors,
    )
    muscles = _load_kind(root / "muscles", "muscle", _muscle, root, errors)
    screen_ids = set()
    if safety is not None:
        _check_safety(safety, errors)
        # Without a safety file its absence is the one error, not one per
        # screen question a technique names.
        screen_ids = {question.id for question in safety.screen}
        _check_techniques(techniques, screen_ids, root, errors)
    seen_points = {}
    for muscle in muscles.values():
        _check_muscle(muscle, techniques, screen_ids, seen_points, errors)
    if not muscles and not errors:
        errors.append(DataError(root / "muscles", "no muscle files found"))
    return Dataset(muscles=muscles, techniques=techniques, safety=safety), errors
