"""Every page renders, says it is educational, and is served safely."""

import pytest
from markupsafe import escape

from bodymap import create_app
from bodymap.config import Config


def page_paths(bundle):
    return ["/", "/muscles"] + [f"/muscles/{m}" for m in bundle.dataset.muscles]


def test_every_page_renders_with_the_disclaimer(client, bundle):
    for path in page_paths(bundle):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert "Educational use only" in html, path
        assert "not a diagnosis" in html.lower(), path


def test_home_page_opens_on_the_map_with_a_way_to_study(client):
    html = client.get("/").get_data(as_text=True)
    assert 'data-view="front"' in html and 'data-view="back"' in html
    assert "Where does it hurt?" in html and "browse the muscles" in html.lower()
    assert html.index("Where does it hurt?") < html.index('class="map-section"')
    assert 'aria-label="right temple (front)"' in html


def test_a_muscle_page_explains_its_trigger_points(client, bundle):
    html = client.get("/muscles/upper-trapezius").get_data(as_text=True)
    muscle = bundle.dataset.muscles["upper-trapezius"]
    for spec in muscle.trigger_points:
        assert str(escape(spec.location)) in html
    assert "right temple" in html
    assert "Dry needling" in html and "blood thinners" in html.lower()
    assert str(escape(muscle.sources[0].citation)) in html


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/muscles/nope")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "could not find" in html and "Traceback" not in html


@pytest.mark.parametrize(
    "path", ["/", "/muscles/upper-trapezius", "/api/muscles", "/nope"]
)
def test_security_headers_are_on_every_response(client, path):
    headers = client.get(path).headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_pages_load_nothing_from_other_sites(client, bundle):
    for path in page_paths(bundle)[:3]:
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html
        assert 'src="http' not in html and 'href="http' not in html.split("sources")[0]


def test_a_server_error_shows_no_traceback():
    app = create_app(Config)  # not testing: errors are handled, not raised

    @app.get("/boom-test")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom-test")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "secret internals" not in html and "Traceback" not in html
