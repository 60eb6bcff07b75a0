"""Load the diary's guidance rules from ``data/diary-guidance.toml``.

The file holds what a clinician should be able to review without reading
code: each rule's level, its words, its numbers (hours, sessions, points) and
its sources.  It is checked in two tiers like the muscle files: first against
``guidance.schema.json``, then that every rule appears once and cites sources
the file lists.  Every problem is a :class:`~bodymap.dataset.DataError`
naming the file, the rule and the field.
"""

import json
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from bodymap.dataset.errors import DataError, DataErrors
from bodymap.dataset.model import Source

FILE_NAME = "diary-guidance.toml"
SCHEMA = Path(__file__).with_name("guidance.schema.json")
RULE_IDS = ("red-flag", "worse-after-sessions", "spread", "no-improvement", "soreness")
"""Every rule :mod:`bodymap.diary.rules` knows how to apply, in the order shown."""
LEVELS = ("stop", "discuss", "expected")
"""Guidance levels, most urgent first."""


@dataclass(frozen=True)
class Rule:
    """One guidance rule: when it applies is code, what it says is data."""

    id: str
    level: str
    title: str
    text: str
    sources: tuple[str, ...]
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Guidance:
    """The diary's rules with their sources, as loaded from the data file."""

    disclaimer: str
    all_clear: str
    rules: dict[str, Rule]
    sources: dict[str, Source]
    file: str = FILE_NAME


@cache
def _validator():
    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _field_path(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or None


def _rule_entry(document, path):
    parts = list(path)
    rules = document.get("rules")
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(rules, list):
        item = rules[parts[1]] if parts[1] < len(rules) else None
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return f"rule {item['id']!r}"
        return f"rule #{parts[1] + 1}"
    return None


def _schema_errors(document, file):
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(e.path))
    return [
        DataError(
            file,
            error.message,
            _rule_entry(document, error.path),
            _field_path(error.path),
        )
        for error in errors
    ]


def _build(document, file):
    sources = {
        item["key"]: Source(item["key"], item["citation"], item.get("url"))
        for item in document["sources"]
    }
    rules = {}
    errors = []
    for index, item in enumerate(document["rules"]):
        entry = f"rule {item['id']!r}"
        if item["id"] in rules:
            errors.append(
                DataError(
                    file, "this rule is listed twice", entry, f"rules[{index}].id"
                )
            )
            continue
        for key in item["sources"]:
            if key not in sources:
                errors.append(
                    DataError(
                        file,
                        f"source {key!r} is not among the file's [[sources]]",
                        entry,
                        f"rules[{index}].sources",
                    )
                )
        params = {
            name: item[name]
            for name in ("sessions", "improvement", "hours")
            if name in item
        }
        rules[item["id"]] = Rule(
            item["id"],
            item["level"],
            item["title"],
            item["text"],
            tuple(item["sources"]),
            params,
        )
    missing = [rule_id for rule_id in RULE_IDS if rule_id not in rules]
    if missing:
        errors.append(
            DataError(file, f"missing rule(s): {', '.join(missing)}", None, "rules")
        )
    used = {key for rule in rules.values() for key in rule.sources}
    for index, key in enumerate(sources):
        if key not in used:
            errors.append(
                DataError(
                    file,
                    f"source {key!r} is cited by no rule",
                    None,
                    f"sources[{index}].key",
                )
            )
    ordered = {rule_id: rules[rule_id] for rule_id in RULE_IDS if rule_id in rules}
    guidance = Guidance(
        document["disclaimer"], document["all_clear"], ordered, sources, str(file)
    )
    return guidance, errors


def read_guidance(data_dir):
    """Return (guidance or None, list of every problem found) for ``data_dir``."""
    path = Path(data_dir) / FILE_NAME
    file = f"{Path(data_dir).name}/{FILE_NAME}"
    if not path.exists():
        return None, [DataError(file, "missing: the pain diary's guidance rules")]
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return None, [DataError(file, f"not valid TOML: {error}")]
    errors = _schema_errors(document, file)
    if errors:
        return None, errors
    guidance, errors = _build(document, file)
    return (None if errors else guidance), errors


def load_guidance(data_dir):
    """Load and check the guidance rules.

    :raises DataErrors: naming the file, rule and field of each problem.
    """
    guidance, errors = read_guidance(data_dir)
    if errors:
        raise DataErrors(errors)
    return guidance
