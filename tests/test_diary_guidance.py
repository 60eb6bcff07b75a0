"""The diary's guidance file: valid as shipped; each mistake named by file and field."""

import shutil

import pytest

from bodymap.bundle import load_bundle
from bodymap.dataset import DataErrors
from bodymap.diary.guidance import FILE_NAME, RULE_IDS, load_guidance
from bodymap.resources import DATA_DIR

REAL = (DATA_DIR / FILE_NAME).read_text(encoding="utf-8")

# (what is wrong, text in the real file, replacement, message part, field)
MISTAKES = [
    (
        "unknown-level",
        'level = "discuss"',
        'level = "maybe"',
        "'maybe' is not one of",
        "rules[3].level",
    ),
    (
        "missing-hours",
        "hours = 48\n",
        "",
        "'hours' is a required property",
        "rules[4]",
    ),
    (
        "unknown-source",
        'sources = ["dommerholt-fdlp-2019", "farrar-2001"]',
        'sources = ["dommerholt-fdlp-2019", "farrar-2002"]',
        "source 'farrar-2002' is not among the file's [[sources]]",
        "rules[3].sources",
    ),
    (
        "unknown-rule",
        'id = "spread"',
        'id = "spreading"',
        "'spreading' is not one of",
        "rules[2].id",
    ),
    (
        "duplicate-rule",
        'id = "spread"',
        'id = "soreness"\nhours = 48',
        "this rule is listed twice",
        "rules[4].id",
    ),
    (
        "wrong-version",
        "version = 1",
        "version = 2",
        "1 was expected",
        "version",
    ),
    ("not-toml", "version = 1", "version = = 1", "not valid TOML", ""),
]


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_the_shipped_guidance_is_valid_and_has_every_rule(bundle):
    guidance = bundle.diary_guidance
    assert tuple(guidance.rules) == RULE_IDS
    assert "not a diagnosis" in guidance.disclaimer
    for rule in guidance.rules.values():
        assert rule.sources, rule.id
        assert all(key in guidance.sources for key in rule.sources)
    assert guidance.rules["soreness"].params == {"hours": 48}
    assert guidance.rules["worse-after-sessions"].params == {"sessions": 2}
    assert guidance.rules["no-improvement"].params == {"sessions": 6, "improvement": 2}
    assert any(source.url for source in guidance.sources.values())


@pytest.mark.parametrize(
    ("old", "new", "message", "field"),
    [mistake[1:] for mistake in MISTAKES],
    ids=[mistake[0] for mistake in MISTAKES],
)
def test_a_mistake_is_reported_with_file_and_field(data_copy, old, new, message, field):
    assert old in REAL
    (data_copy / FILE_NAME).write_text(REAL.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_guidance(data_copy)
    matching = [e for e in raised.value.errors if message in e.message]
    assert matching, str(raised.value)
    assert matching[0].file.endswith(f"data/{FILE_NAME}")
    assert (matching[0].field or "") == field
    assert FILE_NAME in str(raised.value)


def test_the_app_will_not_start_without_the_guidance(data_copy):
    (data_copy / FILE_NAME).unlink()
    with pytest.raises(DataErrors, match="diary-guidance.toml: missing"):
        load_bundle(data_copy)


def test_a_source_no_rule_cites_is_an_orphan(data_copy):
    extra = '\n[[sources]]\nkey = "unused"\ncitation = "Nobody cites this."\n'
    (data_copy / FILE_NAME).write_text(REAL + extra, encoding="utf-8")
    with pytest.raises(DataErrors, match="source 'unused' is cited by no rule"):
        load_guidance(data_copy)
