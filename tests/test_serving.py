"""Starting the app: production serving, the data folder, and start-up errors."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from bodymap import create_app
from bodymap.cli import main
from bodymap.config import ProductionConfig, with_data_dir
from bodymap.dataset import DataErrors, read_dataset
from bodymap.resources import DATA_DIR
from bodymap.startup import StartupError

BIN = Path(sys.executable).parent
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


@pytest.fixture
def data_copy(tmp_path):
    """Return a writable copy of the real dataset."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def broken_data(data_copy):
    """Return a dataset with one problem: a folder named like a muscle file."""
    (data_copy / "muscles" / "folder.toml").mkdir()
    return data_copy


def messages(root):
    return [str(error) for error in read_dataset(root)[1]]


# ---------------------------------------------------------------- the data


def test_a_folder_or_a_broken_link_named_toml_is_reported_by_name(data_copy):
    (data_copy / "muscles" / "folder.toml").mkdir()
    (data_copy / "techniques" / "gone.toml").symlink_to(data_copy / "nowhere")
    assert sorted(messages(data_copy)) == [
        "data/muscles/folder.toml: not a readable file (a folder or a broken link?)",
        "data/techniques/gone.toml: not a readable file (a folder or a broken link?)",
    ]


def test_a_data_folder_that_does_not_exist_is_one_clear_error(tmp_path):
    missing = tmp_path / "nothing-here"
    assert messages(missing) == [f"{missing}: the data folder does not exist"]


def test_technique_errors_name_the_file_in_the_folder_in_use(data_copy):
    path = data_copy / "techniques" / "dry-needling.toml"
    text = path.read_text()
    path.write_text(text.replace('screen = "anticoagulants"', 'screen = "nope"'))
    (message,) = messages(data_copy)
    assert message.startswith("data/techniques/dry-needling.toml: ")
    assert "unknown safety-screen question 'nope'" in message


def test_a_missing_safety_file_is_one_error_not_one_per_screen_question(data_copy):
    (data_copy / "safety.toml").unlink()
    assert messages(data_copy) == [
        "safety.toml: missing: the disclaimer and red flags are required"
    ]


def test_an_outline_with_far_too_many_points_is_refused_before_validation(
    data_copy,
):
    points = ", ".join(f"[{200 + i % 50}, {300 + i // 50}]" for i in range(5000))
    with (data_copy / "muscles" / "deltoid.toml").open("a") as file:
        file.write(f'\n[[outline]]\nview = "front"\npoints = [{points}]\n')
    (message,) = messages(data_copy)
    assert re.fullmatch(
        r"data/muscles/deltoid\.toml: field outline\[\d+\]\.points: "
        r"5,000 points: a shape may have at most 1,000",
        message,
    )


# ---------------------------------------------------------------- commands


@pytest.mark.parametrize("command", ["check-data", "coverage", "sheet", "serve"])
def test_every_command_takes_the_data_folder_from_the_environment(tmp_path, command):
    missing = tmp_path / "nothing-here"
    result = CliRunner().invoke(main, [command], env={"BODYMAP_DATA": str(missing)})
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_serve_stops_on_a_broken_dataset_with_the_message_only(broken_data):
    result = CliRunner().invoke(main, ["serve", "--data", str(broken_data)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: 1 problem(s) in the dataset:")
    assert "data/muscles/folder.toml" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_workers_without_production_is_a_usage_error():
    result = CliRunner().invoke(main, ["serve", "--workers", "4"])
    assert result.exit_code == 2
    assert "--workers needs --production" in result.output


def test_a_startup_error_is_still_a_data_error(broken_data):
    with pytest.raises(DataErrors) as caught:
        create_app(with_data_dir(ProductionConfig, broken_data))
    assert isinstance(caught.value, StartupError)


def test_production_config_never_debugs(monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app(ProductionConfig)
    assert app.debug is False


def run(args, data, timeout=120):
    env = {**os.environ, "BODYMAP_DATA": str(data)}
    return subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        [str(BIN / "gunicorn"), "--preload", "-b", "127.0.0.1:0", "bodymap.wsgi:app"],
        [str(BIN / "flask"), "--app", "bodymap", "run", "--port", "0"],
    ],
    ids=["gunicorn", "flask-run"],
)
def test_other_servers_stop_on_a_broken_dataset_with_the_message_only(
    broken_data, args
):
    result = run(args, broken_data)
    assert result.returncode in (1, 4)
    assert "Error: 1 problem(s) in the dataset:" in result.stderr
    assert "data/muscles/folder.toml" in result.stderr
    assert "Traceback" not in result.stderr


def wait_for_worker(server, log):
    """Return gunicorn's port once its worker has booted (a TERM sent while a
    worker is still forking is lost, and gunicorn then waits out its grace)."""
    for _ in range(600):
        text = log.read_text()
        found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", text)
        if found and "Booting worker" in text:
            return found.group(1)
        assert server.poll() is None, text
        time.sleep(0.1)
    raise AssertionError(f"gunicorn did not start:\n{log.read_text()}")


def stop(server):
    """Stop the server gracefully, or kill it, so no process outlives the test."""
    server.terminate()
    try:
        server.wait(timeout=45)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        raise


def test_production_serving_logs_paths_without_query_strings(tmp_path):
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(BIN / "bodymap"), "serve", "--production", "--workers", "1"]
            + ["--port", "0"],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        port = wait_for_worker(server, log)
        url = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{url}/healthz", timeout=30) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{url}/muscles?q=neck+pain", timeout=30):
            pass
    finally:
        stop(server)
    text = log.read_text()
    assert "Using worker: gthread" in text
    assert '"GET /healthz HTTP/1.1" 200' in text
    assert '"GET /muscles HTTP/1.1" 200' in text
    assert "neck" not in text


def test_health_check_reports_the_loaded_dataset(client, bundle):
    response = client.get("/healthz")
    assert response.get_json() == {
        "status": "ok",
        "muscles": len(bundle.patterns.muscles),
    }
    assert "no-store" in response.headers["Cache-Control"]
