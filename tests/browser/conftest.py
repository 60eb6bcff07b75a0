"""Real-browser fixtures: one bodymap server and one Chromium per test session.

The app runs as its own process on a free loopback port (``bodymap serve``),
and Playwright drives Debian's Chromium (it cannot download browsers here).
Every page a test opens is watched: a request to another origin, a console
error or a failed request fails the test when it ends.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "laptop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "has_touch": True,
        "is_mobile": True,
    },
    "narrow-phone": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "has_touch": True,
        "is_mobile": True,
    },
}
SERVER_START_SECONDS = 30


def find_chromium():
    """Return the path of a Chromium to drive, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port():
    """Return a loopback TCP port nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url, process, log_path):
    """Poll ``url`` until the server answers; fail with its log if it never does."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"bodymap serve exited early:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"bodymap serve did not answer at {url}:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Start ``bodymap serve`` on a free loopback port; yield its base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("server") / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bodymap", "serve", "--port", str(port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_answering(f"{base_url}/muscles", process, log_path)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    """Launch one headless Chromium for the session.

    Outside CI a missing browser skips the browser tests with the reason; in CI
    (``CI`` set) it is an error, since there they must run.
    """
    executable = find_chromium()
    if executable is None:
        message = "no chromium on PATH (Debian: apt-get install chromium)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"browser tests must run in CI: {message}")
        pytest.skip(f"browser tests skipped: {message}")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageWatch:
    """Record what a page asks for and complains about while a test runs."""

    def __init__(self, origin):
        self.origin = origin
        self.requests = []
        self.problems = []
        self.expected = set()

    def expect_status(self, path, status):
        """Accept one error status for ``path`` (a 404 page answering 404)."""
        self.expected.add((path, status))

    def attach(self, page):
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _is_expected(self, url, status):
        return (urlsplit(url).path, status) in self.expected

    def _on_response(self, response):
        if response.status >= 400 and not self._is_expected(
            response.url, response.status
        ):
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def _on_request_failed(self, request):
        # Leaving a page cancels what it still loads (often the favicon): not
        # a failure. Error statuses are caught in _on_response.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _on_console(self, message):
        if message.type != "error":
            return
        url = message.location.get("url", "")
        expected_paths = {path for path, _ in self.expected}
        if (
            "Failed to load resource" in message.text
            and urlsplit(url).path in expected_paths
        ):
            return
        self.problems.append(f"console error: {message.text} at {url}")

    def off_origin(self):
        """Return every requested URL outside the app's own origin."""
        return [
            url
            for url in self.requests
            if not url.startswith(f"{self.origin}/") and not url.startswith("data:")
        ]


@pytest.fixture
def open_page(browser, live_server):
    """Return ``open_page(path, device="desktop")``: a watched page, loaded.

    When the test ends, any off-origin request, console error or failed
    request on any page it opened fails the test.
    """
    contexts = []
    watches = []

    def watch_(page, expect_status=None, path=None):
        """Watch a page the test did not open itself (a new tab)."""
        watch = PageWatch(live_server)
        if expect_status:
            watch.expect_status(path, expect_status)
        watch.attach(page)
        watches.append(watch)

    def open_(path, device="desktop", expect_status=None):
        context = browser.new_context(base_url=live_server, **DEVICES[device])
        contexts.append(context)
        page = context.new_page()
        watch_(page, expect_status, path)
        response = page.goto(path, wait_until="load")
        assert response.status == (expect_status or 200), f"{path}: {response.status}"
        return page

    def expect_status_(path, status):
        """Accept an error status for ``path`` on every page opened so far."""
        for watch in watches:
            watch.expect_status(path, status)

    open_.watch = watch_
    open_.expect_status = expect_status_
    yield open_
    for context in contexts:
        context.close()
    for watch in watches:
        off_origin = watch.off_origin()
        assert not off_origin, "requests left the app's origin:\n" + "\n".join(
            off_origin
        )
        assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture(scope="session")
def axe():
    """Return the axe-core runner."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(axe, page):
    """Run axe-core on ``page``; return its serious and critical violations."""
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def save_screenshot(page, name, full_page=True):
    """Write a screenshot to test-artifacts/screenshots/; return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=full_page)
    return path
