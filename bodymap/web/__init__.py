"""The web layer: page and API blueprints, errors and security headers."""

from flask import current_app


def bundle():
    """Return the app's loaded :class:`~bodymap.bundle.Bundle`."""
    return current_app.extensions["bodymap"]
