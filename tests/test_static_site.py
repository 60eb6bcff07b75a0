"""``bodymap export``: the study side as a static site that works from a sub-path."""

import re
import shutil
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from bodymap.cli import main
from bodymap.resources import DATA_DIR

KEEP = {"deltoid", "upper-trapezius"}
APP_URL = "https://app.example.org"
LINK = re.compile(r'(?:href|src|data-[a-z-]+-url)="([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Export a two-muscle dataset (without PNGs, which take a second each)."""
    root = tmp_path_factory.mktemp("export")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    for path in (data / "muscles").glob("*.toml"):
        if path.stem not in KEEP:
            path.unlink()
    out = root / "public" / "bodymap"
    out.mkdir(parents=True)
    (out / "keep.txt").write_text("mine")
    result = CliRunner().invoke(
        main,
        ["export", str(out), "--data", str(data), "--no-png", "--app-url", APP_URL],
    )
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    return out


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_pages_are_folders_with_an_index(site):
    for name in ["index.html", "study/index.html", "muscles/index.html"]:
        assert (site / name).is_file(), name
    for muscle in KEEP:
        page = (site / "muscles" / muscle / "index.html").read_text()
        assert "<h1" in page
    assert (site / "regions/right-temple/index.html").is_file()
    assert list((site / "thumbnails/muscles").glob("*.svg"))
    assert list((site / "export/muscles/deltoid").glob("*.svg"))


def test_every_link_inside_the_site_is_relative_and_resolves(site):
    checked = 0
    for page in html_files(site):
        for link in LINK.findall(page.read_text()):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("#") or not parts.path:
                continue
            assert not link.startswith("/"), f"{page}: {link}"
            if parts.query:
                continue  # only the app answers queries (checked below)
            if "REGION" in parts.path:
                continue  # a template the study map's script fills in
            target = (page.parent / parts.path).resolve()
            assert target.exists(), f"{page.relative_to(site)}: {link}"
            checked += 1
    assert checked > 1000


def test_links_to_the_dynamic_part_and_queries_go_to_the_app(site):
    page = (site / "muscles/deltoid/index.html").read_text()
    links = LINK.findall(page)
    assert f"{APP_URL}/" in links
    assert f"{APP_URL}/study/quiz" in links
    assert any(
        link.startswith(f"{APP_URL}/export/muscles/deltoid/") and "?point=" in link
        for link in links
    )
    assert not any(link.endswith(".png") and "://" not in link for link in links)


def test_static_files_are_copied_under_their_hash(site):
    (version,) = [p.name for p in (site / "static").iterdir() if p.is_dir()]
    assert (site / "static" / version / "css" / "app.css").is_file()
    assert len(version) == 12


def test_export_never_deletes_what_was_in_the_folder(site):
    assert (site / "keep.txt").read_text() == "mine"
