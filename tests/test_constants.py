"""One constant, one home: the JSON Schemas' lists match the model's constants."""

import json

import pytest

from bodymap.atlas import VIEW_IDS
from bodymap.dataset.loader import SCHEMA_DIR
from bodymap.dataset.model import (
    AREAS,
    EFFECTS,
    PREVALENCE_LEVELS,
    REFERRED_ZONES,
    ZONE_HELP,
    ZONE_LABELS,
    ZONES,
)


def schema_enums(kind):
    """Return {property name: enum list} for every enum in one schema, at any depth."""
    found = {}

    def walk(node, name=None):
        if isinstance(node, dict):
            if "enum" in node and name is not None:
                found.setdefault(name, node["enum"])
            for key, value in node.items():
                walk(
                    value, key if key not in ("properties", "items", "$defs") else name
                )
        elif isinstance(node, list):
            for item in node:
                walk(item, name)

    walk(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text()))
    return found


@pytest.mark.parametrize(
    ("kind", "field", "constant"),
    [
        ("muscle", "area", list(AREAS)),
        ("muscle", "view", list(VIEW_IDS)),
        ("muscle", "level", list(PREVALENCE_LEVELS)),
        ("technique", "effect", list(EFFECTS)),
    ],
)
def test_a_schema_enum_lists_exactly_the_models_constant(kind, field, constant):
    assert sorted(schema_enums(kind)[field]) == sorted(constant)


def test_every_zone_has_one_label_and_one_explanation():
    assert set(ZONE_LABELS) == set(ZONE_HELP) == set(ZONES)
    assert set(REFERRED_ZONES) < set(ZONES)
    assert len(set(ZONE_LABELS.values())) == len(ZONES)
