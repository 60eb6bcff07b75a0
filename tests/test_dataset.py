"""The dataset: the real data is valid; broken files fail with a clear message."""

import shutil
from pathlib import Path

import pytest

from bodymap.bundle import load_bundle
from bodymap.cli import main
from bodymap.dataset import DataErrors, load_dataset
from bodymap.resources import DATA_DIR

BAD_MUSCLES = sorted(
    (Path(__file__).parent / "fixtures" / "bad_muscles").glob("*.toml")
)


def expectation(path):
    """Read the '# expect:' and '# field:' header of a bad fixture."""
    lines = path.read_text().splitlines()
    expect = lines[0].removeprefix("# expect: ")
    field = lines[1].removeprefix("# field:").strip()
    return expect, field


@pytest.fixture
def data_copy(tmp_path):
    """Return a writable copy of the real dataset."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_the_bundled_dataset_is_valid(bundle):
    assert len(bundle.dataset.muscles) >= 24
    assert bundle.patterns.trigger_points


@pytest.mark.parametrize("fixture", BAD_MUSCLES, ids=lambda path: path.stem)
def test_a_broken_muscle_file_is_reported_with_file_entry_and_field(data_copy, fixture):
    expect, field = expectation(fixture)
    shutil.copy(fixture, data_copy / "muscles" / fixture.name)
    with pytest.raises(DataErrors) as raised:
        load_bundle(data_copy)
    matching = [e for e in raised.value.errors if expect in e.message]
    assert matching, str(raised.value)
    error = matching[0]
    assert error.file.endswith(f"muscles/{fixture.name}")
    assert (error.field or "") == field
    assert fixture.name in str(raised.value)


def test_every_problem_is_reported_at_once(data_copy):
    for fixture in BAD_MUSCLES:
        shutil.copy(fixture, data_copy / "muscles" / fixture.name)
    with pytest.raises(DataErrors) as raised:
        load_bundle(data_copy)
    reported = {Path(error.file).name for error in raised.value.errors}
    assert reported >= {path.name for path in BAD_MUSCLES}


def test_a_technique_must_name_a_known_screen_question(data_copy):
    path = data_copy / "techniques" / "dry-needling.toml"
    path.write_text(path.read_text().replace('screen = "infection"', 'screen = "moon"'))
    with pytest.raises(DataErrors, match=r"dry-needling.toml.*unknown safety-screen"):
        load_dataset(data_copy)


def test_dry_needling_carries_its_contraindications(bundle):
    needling = bundle.dataset.techniques["dry-needling"]
    assert needling.performer == "clinician"
    screens = {item.screen for item in needling.contraindications}
    assert {"anticoagulants", "needle-fear", "infection"} <= screens
    text = " ".join(item.text for item in needling.contraindications).lower()
    assert "chest" in text and "lung" in text or "pneumothorax" in text


def test_the_safety_file_lists_red_flags_and_a_disclaimer(bundle):
    safety = bundle.dataset.safety
    assert "not a diagnosis" in safety.disclaimer.lower()
    ids = {flag.id for flag in safety.red_flags}
    assert {
        "numbness-or-weakness",
        "chest-pain-or-breathlessness",
        "bladder-or-bowel",
    } <= ids


def test_check_data_command_passes_on_the_bundled_data(runner):
    result = runner.invoke(main, ["check-data"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK:")


def test_check_data_command_lists_every_problem(data_copy):
    from click.testing import CliRunner

    for fixture in BAD_MUSCLES[:3]:
        shutil.copy(fixture, data_copy / "muscles" / fixture.name)
    result = CliRunner().invoke(main, ["check-data", "--data", str(data_copy)])
    assert result.exit_code == 1
    for fixture in BAD_MUSCLES[:3]:
        assert fixture.name in result.output


@pytest.mark.parametrize("side", ["right", "left"])
def test_each_paired_muscle_exists_on_both_sides(bundle, side):
    for pattern in bundle.patterns.muscles.values():
        if pattern.muscle.is_paired:
            assert any(point.side == side for point in pattern.trigger_points)


def test_left_side_is_the_mirror_of_the_authored_right(bundle):
    atlas = bundle.atlas
    points = bundle.patterns.by_key
    right, left = points["upper-trapezius-1.right"], points["upper-trapezius-1.left"]
    assert left.x == pytest.approx(atlas.views["back"].mirror_x(right.x), abs=0.1)
    assert left.y == right.y
    assert atlas.views["back"].side_of(left.x) == "left"
    assert left.zones["essential"] == tuple(
        atlas.mirror_region_id(r) for r in right.zones["essential"]
    )
    assert all(region.startswith("left-") for region in left.zones["essential"])
