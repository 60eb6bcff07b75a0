"""The command line: listing regions, and a safety file that is broken."""

import shutil

import pytest
from click.testing import CliRunner

from bodymap.cli import main
from bodymap.dataset import DataErrors, load_dataset
from bodymap.resources import DATA_DIR


@pytest.fixture
def data_copy(tmp_path):
    """Return a writable copy of the real dataset."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.mark.parametrize("view", ["front", "back"])
def test_regions_lists_every_region_of_a_view_with_a_point_inside(runner, atlas, view):
    result = runner.invoke(main, ["regions", "--view", view])
    assert result.exit_code == 0, result.output
    rows = [line.split(None, 4) for line in result.output.splitlines()]
    assert [row[1] for row in rows] == [r.id for r in atlas.regions_of(view)]
    for view_id, region_id, x, y, name in rows:
        region = atlas.regions[region_id]
        assert view_id == view and name == region.name
        assert atlas.region_at(view, float(x), float(y)) == region


def test_regions_without_a_view_lists_both_views(runner, atlas):
    result = runner.invoke(main, ["regions"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == len(atlas.regions)


def test_regions_refuses_an_unknown_view(runner):
    result = runner.invoke(main, ["regions", "--view", "side"])
    assert result.exit_code == 2
    assert "'side' is not one of 'front', 'back'" in result.output


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("this is [not toml", "not valid TOML"),
        ('disclaimer = "Only this."\n', "red_flags"),
    ],
    ids=["not-toml", "schema"],
)
def test_an_invalid_safety_file_is_reported_by_name(data_copy, text, fragment):
    (data_copy / "safety.toml").write_text(text)
    with pytest.raises(DataErrors) as raised:
        load_dataset(data_copy)
    message = str(raised.value)
    assert "safety.toml" in message
    assert fragment in message


def test_check_data_reports_an_invalid_safety_file_without_a_traceback(data_copy):
    (data_copy / "safety.toml").write_text("this is [not toml")
    result = CliRunner().invoke(main, ["check-data", "--data", str(data_copy)])
    assert result.exit_code == 1
    assert "safety.toml" in result.output
    assert "Traceback" not in result.output
