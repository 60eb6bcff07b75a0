from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest

from bodymap import create_app
from bodymap.config import TestConfig


@pytest.fixture(scope="session")
def app():
    return create_app(TestConfig)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def bundle(app):
    return app.extensions["bodymap"]


@pytest.fixture(scope="session")
def atlas(bundle):
    return bundle.atlas


def assert_api_error(response, status, *fragments):
    """Check the one JSON error shape every API error uses."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message
    return message


SVG = "{http://www.w3.org/2000/svg}"
"""The SVG namespace, as ElementTree spells tag names."""


def parse_svg(text):
    """Return the root element of an SVG document."""
    return ElementTree.fromstring(text)


class _StartTags(HTMLParser):
    """Collect (tag, attributes) of every start tag in a page."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html, tag, **wanted):
    """Return the attributes of each ``tag`` whose attributes include ``wanted``.

    ``class_="x"`` and ``aria_label="y"`` match ``class`` and ``aria-label``.
    """
    wanted = {k.rstrip("_").replace("_", "-"): v for k, v in wanted.items()}
    return [
        attrs
        for name, attrs in _StartTags(html).found
        if name == tag and all(attrs.get(k) == v for k, v in wanted.items())
    ]


def page(client, path, status=200):
    """Return the text of ``path``, checking its status first."""
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


WIDESPREAD_DRAWING = (
    "right-top-of-shoulder",
    "left-top-of-shoulder",
    "right-outer-hip",
    "left-outer-hip",
    "right-back-of-neck",
    "right-low-back",
    "right-shin",
)
"""Seven places over four body regions: the ACR 2016 widespread-pain notice shows."""
