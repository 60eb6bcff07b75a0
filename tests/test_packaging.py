"""A normal (non-editable) install carries the data, templates and static files."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_data_templates_static_and_schemas(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            tmp_path,
            ROOT,
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bodymap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "bodymap/_share/data/safety.toml",
        "bodymap/_share/data/muscles/upper-trapezius.toml",
        "bodymap/_share/data/techniques/dry-needling.toml",
        "bodymap/_share/templates/base.html",
        "bodymap/_share/static/css/app.css",
        "bodymap/_share/static/js/drawing.js",
        "bodymap/dataset/schema/muscle.schema.json",
    }
    assert expected <= names
