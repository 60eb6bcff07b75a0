"""The whole dataset holds together: every muscle and technique meets the contract.

Parametrized over every data file, so a new file is checked the moment it is
added; nothing here depends on how many muscles there are.
"""

import tomllib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from bodymap.cli import main
from bodymap.dataset import read_dataset
from bodymap.dataset.loader import PREVALENCE_REQUIRED
from bodymap.dataset.model import AREAS, EFFECTS, PREVALENCE_LEVELS, ZONES
from bodymap.patterns import bind_patterns
from bodymap.resources import DATA_DIR

MUSCLE_FILES = sorted((DATA_DIR / "muscles").glob("*.toml"))
TECHNIQUE_FILES = sorted((DATA_DIR / "techniques").glob("*.toml"))


def by_name(paths):
    return pytest.mark.parametrize("path", paths, ids=lambda path: path.stem)


def read_toml(path):
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="session")
def muscles_by_file(bundle):
    return {
        Path(muscle.file).name: muscle for muscle in bundle.dataset.muscles.values()
    }


@pytest.fixture
def muscle(muscles_by_file, path):
    return muscles_by_file[path.name]


def test_there_are_muscle_and_technique_files():
    assert MUSCLE_FILES and TECHNIQUE_FILES


def test_muscle_ids_are_unique_across_files():
    ids = Counter(read_toml(path)["id"] for path in MUSCLE_FILES)
    assert [muscle_id for muscle_id, count in ids.items() if count > 1] == []


def test_trigger_point_ids_are_unique_across_files():
    ids = Counter(
        point["id"]
        for path in MUSCLE_FILES
        for point in read_toml(path).get("trigger_points", [])
    )
    assert [point_id for point_id, count in ids.items() if count > 1] == []


def test_technique_ids_are_unique_across_files():
    ids = Counter(read_toml(path)["id"] for path in TECHNIQUE_FILES)
    assert [technique_id for technique_id, count in ids.items() if count > 1] == []


def test_the_validator_passes_every_data_file(atlas):
    """One run of the two-tier validator over every file (schema, then rules).

    Each rule it applies has a bad fixture in tests/fixtures/bad_muscles
    (tests/test_dataset.py), so the rules are not re-checked file by file here.
    """
    dataset, errors = read_dataset(DATA_DIR)
    patterns, geometry_errors = bind_patterns(dataset, atlas)
    assert [str(error) for error in errors + geometry_errors] == []
    assert sorted(Path(m.file).name for m in dataset.muscles.values()) == [
        path.name for path in MUSCLE_FILES
    ]
    assert set(patterns.muscles) == set(dataset.muscles)


@by_name(TECHNIQUE_FILES)
def test_every_technique_is_used_by_some_muscle(bundle, path):
    technique_id = read_toml(path)["id"]
    users = [
        muscle.id
        for muscle in bundle.dataset.muscles.values()
        if technique_id in muscle.instructions
        or any(technique_id in spec.techniques for spec in muscle.trigger_points)
    ]
    assert users, f"{path.name} is not referenced by any muscle"


@by_name(TECHNIQUE_FILES)
def test_every_technique_lists_contraindications_and_sources(bundle, path):
    technique = bundle.dataset.techniques[read_toml(path)["id"]]
    assert technique.contraindications
    assert technique.sources


def test_dry_needling_carries_bleeding_fear_infection_and_chest_warnings(bundle):
    needling = bundle.dataset.techniques["dry-needling"]
    assert not needling.is_self_care
    screens = {item.screen for item in needling.contraindications}
    assert {"anticoagulants", "needle-fear", "infection"} <= screens
    chest = [
        item.text
        for item in needling.contraindications
        if "chest wall" in item.text.lower()
    ]
    assert chest and "pneumothorax" in chest[0].lower()


class Page(HTMLParser):
    """Collect the tags, ids and text of an HTML page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()
        self.ids = []
        self.headings = []
        self.external = []
        self._heading = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags[tag] += 1
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in ("script", "link", "img", "iframe"):
            self.external.append((tag, attributes))
        if tag == "h3":
            self._heading = []

    def handle_endtag(self, tag):
        if tag == "h3" and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def coverage_rows(output):
    """Return {area name: (muscles, trigger points)} from the coverage table."""
    rows = {}
    for line in output.splitlines():
        head, *counts = line.strip().rsplit(maxsplit=2) or [""]
        if len(counts) == 2 and all(c.isdigit() for c in counts):
            rows[head.strip()] = (int(counts[0]), int(counts[1]))
    return rows


def test_coverage_counts_every_area_and_the_total(bundle):
    result = CliRunner().invoke(main, ["coverage"])
    assert result.exit_code == 0, result.output
    rows = coverage_rows(result.output)
    muscles = bundle.dataset.muscles.values()
    for area, name in AREAS.items():
        in_area = [m for m in muscles if m.area == area]
        points = sum(len(m.trigger_points) for m in in_area)
        assert rows[name] == (len(in_area), points)
    total_points = sum(len(m.trigger_points) for m in muscles)
    assert rows["Total"] == (len(bundle.dataset.muscles), total_points)
    assert list(rows)[: len(AREAS)] == list(AREAS.values())


def test_coverage_lists_exactly_the_regions_nothing_refers_to(bundle):
    atlas = bundle.atlas
    result = CliRunner().invoke(main, ["coverage"])
    assert result.exit_code == 0, result.output
    listed = {
        line.split()[0]
        for line in result.output.splitlines()
        if line.startswith("    ") and line.split()[0] in atlas.regions
    }
    referred = {
        region_id
        for point in bundle.patterns.trigger_points
        for region_id in point.referred_regions()
    }
    expected = {
        region.id
        for region in atlas.regions.values()
        if region.side in ("right", "midline") and region.id not in referred
    }
    assert listed == expected
    assert f"Total: {len(expected)} of " in result.output


def test_the_sheet_shows_every_muscle_with_its_diagram(bundle, tmp_path):
    output = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["sheet", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert str(output) in result.output
    html = output.read_text(encoding="utf-8")
    page = Page(html)
    assert page.tags["html"] == 1 and page.tags["style"] == 1
    assert ".zone.essential" in html  # the diagram stylesheet is embedded
    assert page.headings == [
        pattern.muscle.name
        for area in AREAS
        for pattern in bundle.patterns.muscles.values()
        if pattern.muscle.area == area
    ]
    assert page.tags["svg"] >= len(bundle.dataset.muscles)
    assert page.tags["article"] == len(bundle.dataset.muscles)
    duplicates = [i for i, count in Counter(page.ids).items() if count > 1]
    assert duplicates == []
    assert page.external == []  # nothing loaded from elsewhere: works offline
    for muscle in bundle.dataset.muscles.values():
        for spec in muscle.trigger_points:
            assert f'id="tp-{spec.id}"' in html


def test_the_sheet_is_written_to_the_current_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["sheet"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "bodymap-review-sheet.html"
    assert "<svg" in written.read_text(encoding="utf-8")


def test_the_sheet_reports_a_folder_it_cannot_write_to(tmp_path):
    output = tmp_path / "missing" / "review.html"
    result = CliRunner().invoke(main, ["sheet", "--output", str(output)])
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


@by_name(MUSCLE_FILES)
def test_every_muscle_says_how_common_it_is(muscle, path):
    if muscle.prevalence is None:
        if PREVALENCE_REQUIRED:
            pytest.fail(f"{muscle.id} has no [prevalence]")
        pytest.xfail("[prevalence] not added yet; becomes required once all have it")
    assert muscle.prevalence.level in PREVALENCE_LEVELS
    assert muscle.source(muscle.prevalence.source) is not None


def test_prevalence_becomes_required_once_every_muscle_has_it():
    missing = [
        path.stem for path in MUSCLE_FILES if "prevalence" not in read_toml(path)
    ]
    if not missing:
        assert PREVALENCE_REQUIRED, (
            "every muscle has [prevalence]: set PREVALENCE_REQUIRED = True in "
            "bodymap/dataset/loader.py and list prevalence as required in "
            "muscle.schema.json"
        )


@by_name(MUSCLE_FILES)
def test_every_muscle_names_two_sources_one_with_an_address(muscle, path):
    enough = len(muscle.sources) >= 2 and any(s.url for s in muscle.sources)
    if not enough:
        pytest.xfail("sources with a url are being added (issue 12)")
    assert enough


@by_name(MUSCLE_FILES)
def test_cautions_name_a_technique_the_trigger_point_offers(muscle, path):
    offered = {t for spec in muscle.trigger_points for t in spec.techniques}
    assert set(muscle.cautions) <= offered
    for spec in muscle.trigger_points:
        assert set(spec.cautions) <= set(spec.techniques), spec.id


@by_name(MUSCLE_FILES)
def test_a_band_across_the_midline_is_mirrored_and_found_on_both_sides(
    bundle, muscle, path
):
    patterns = bundle.patterns
    for spec in muscle.trigger_points:
        crossing = [
            r for zone in ZONES for r in spec.zones[zone] if r.startswith("left-")
        ]
        if not muscle.is_paired:
            continue
        assert bool(crossing) == spec.crosses_midline, spec.id
        if not crossing:
            continue
        right = patterns.by_key[f"{spec.id}.right"]
        left = patterns.by_key[f"{spec.id}.left"]
        for region_id in crossing:
            mirror = "right-" + region_id.removeprefix("left-")
            assert region_id in right.referred_regions() + right.zones["local"]
            assert mirror in left.referred_regions() + left.zones["local"]
            if region_id in right.referred_regions():
                found = {p.key for p, _ in patterns.referrers(region_id)}
                assert right.key in found, region_id
                found = {p.key for p, _ in patterns.referrers(mirror)}
                assert left.key in found, mirror


def test_every_red_flag_cites_a_safety_source(bundle):
    safety = bundle.dataset.safety
    keys = {source.key for source in safety.sources}
    for flag in safety.red_flags:
        assert flag.sources and set(flag.sources) <= keys, flag.id


def test_every_screen_question_rules_out_or_cautions_some_technique(bundle):
    used = {
        item.screen
        for technique in bundle.dataset.techniques.values()
        for item in technique.contraindications
        if item.screen
    }
    asked = {question.id for question in bundle.dataset.safety.screen}
    assert sorted(asked - used) == []


@by_name(TECHNIQUE_FILES)
def test_every_screened_contraindication_says_avoid_or_care(bundle, path):
    technique = bundle.dataset.techniques[read_toml(path)["id"]]
    for item in technique.contraindications:
        if item.screen:
            assert item.effect in EFFECTS, item.text
        else:
            assert item.effect is None, item.text


NEEDLING_NEAR_LUNG_OR_VESSELS = [
    "upper-trapezius",
    "levator-scapulae",
    "scalenes",
    "sternocleidomastoid",
    "rhomboids",
    "middle-trapezius",
    "lower-trapezius",
    "serratus-anterior",
    "serratus-posterior-superior",
    "serratus-posterior-inferior",
    "subclavius",
    "pectoralis-major",
    "pectoralis-minor",
    "sternalis",
    "iliocostalis",
    "quadratus-lumborum",
    "suboccipitals",
    "iliopsoas",
    "pectineus",
    "rectus-abdominis",
    "intercostals",
    "diaphragm",
    "longus-colli",
]
"""Muscles whose needling risks the lung, the neck vessels, the kidney or organs."""

HIP_STRETCHES = [
    "gluteus-maximus",
    "gluteus-medius",
    "gluteus-minimus",
    "piriformis",
    "tensor-fasciae-latae",
    "iliopsoas",
    "pectineus",
    "adductor-longus-brevis",
    "biceps-femoris",
    "medial-hamstrings",
]
"""Muscles whose stretch bends, crosses or twists the hip."""


@pytest.mark.parametrize("muscle_id", NEEDLING_NEAR_LUNG_OR_VESSELS)
def test_needling_near_the_lung_or_big_vessels_carries_a_caution(bundle, muscle_id):
    muscle = bundle.dataset.muscles[muscle_id]
    for spec in muscle.trigger_points:
        for technique in ("dry-needling", "trigger-point-injection"):
            if technique in spec.techniques:
                assert muscle.cautions_for(spec, technique), f"{spec.id} {technique}"


@pytest.mark.parametrize("muscle_id", HIP_STRETCHES)
def test_hip_stretches_warn_after_a_hip_replacement(bundle, muscle_id):
    muscle = bundle.dataset.muscles[muscle_id]
    assert "hip replacement" in muscle.cautions["stretching"]


def test_stretching_asks_about_a_hip_replacement(bundle):
    screened = {
        item.screen: item.effect
        for item in bundle.dataset.techniques["stretching"].contraindications
    }
    assert screened["hip-replacement"] == "care"


@pytest.mark.parametrize(
    "point_id", ["pectineus-1", "iliopsoas-1", "infrahyoids-1", "longus-colli-1"]
)
def test_no_self_pressure_over_big_vessels_and_nerves(bundle, point_id):
    muscle = bundle.dataset.muscles[point_id.rsplit("-", 1)[0]]
    spec = next(s for s in muscle.trigger_points if s.id == point_id)
    assert "pressure-release" not in spec.techniques
    assert muscle.cautions_for(spec, "manual-therapy")


@by_name(MUSCLE_FILES)
def test_pressure_stays_gentle_as_in_trigger_point_pressure_release(muscle, path):
    text = muscle.instructions["pressure-release"].lower()
    for harsh in ("out of 10", "good hurt", "tolerable ache", "press firmly"):
        assert harsh not in text, harsh


def test_dry_needling_names_the_front_of_the_neck(bundle):
    texts = [
        c.text for c in bundle.dataset.techniques["dry-needling"].contraindications
    ]
    assert any("front of the neck" in text for text in texts)


def test_red_flags_cover_the_causes_that_mimic_muscle_pain(bundle):
    ids = {flag.id for flag in bundle.dataset.safety.red_flags}
    assert {
        "giant-cell-arteritis",
        "neck-artery",
        "back-pain-infection-risk",
        "pulsating-lump",
        "new-back-pain-over-50",
        "kidney",
        "testicle",
    } <= ids


@pytest.mark.parametrize(
    ("question", "technique", "effect"),
    [
        ("implanted-device", "electrical-stimulation", "avoid"),
        ("anaesthetic-allergy", "trigger-point-injection", "avoid"),
        ("lymphoedema", "dry-needling", "care"),
        ("weak-immunity-or-diabetes", "dry-needling", "care"),
        ("epilepsy", "electrical-stimulation", "care"),
        ("osteoporosis", "pressure-release", "care"),
        ("hip-replacement", "stretching", "care"),
    ],
)
def test_each_screen_answer_rules_a_technique_out_or_calls_for_care(
    bundle, question, technique, effect
):
    found = [
        item.effect
        for item in bundle.dataset.techniques[technique].contraindications
        if item.screen == question
    ]
    assert found == [effect]


def test_every_right_side_region_has_a_referrer(bundle):
    referred = {
        region_id
        for point in bundle.patterns.trigger_points
        for region_id in point.referred_regions()
    }
    lonely = [
        region.id
        for region in bundle.atlas.regions.values()
        if region.side == "right" and region.id not in referred
    ]
    assert lonely == []


def test_the_rectus_abdominis_band_is_found_from_either_side(bundle):
    found = {point.key for point, _ in bundle.patterns.referrers("left-low-back")}
    assert {"rectus-abdominis-2.right", "rectus-abdominis-2.left"} <= found
