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
