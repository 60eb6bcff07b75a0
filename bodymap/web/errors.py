"""Errors: one JSON shape for the API, friendly pages for people.

Bad input anywhere raises :class:`~bodymap.errors.BadInput`.  The API
blueprint registers :func:`register_json` so its views answer in JSON; every
other view gets the pages :func:`register` installs on the app.
"""

from flask import jsonify, render_template
from werkzeug.exceptions import HTTPException

from bodymap.errors import BadInput


def error_json(status, message):
    """Return the API's one error shape: ``{"error": {"status", "message"}}``."""
    response = jsonify({"error": {"status": status, "message": message}})
    response.status_code = status
    return response


def bad_input_json(error):
    return error_json(error.status, error.message)


def http_error_json(error):
    return error_json(error.code, error.description)


def bad_input_page(error):
    return render_template(
        "errors/error.html", code=error.status, message=error.message
    ), error.status


def http_error_page(error):
    if error.code == 404:
        return render_template("errors/404.html"), 404
    return render_template(
        "errors/error.html", code=error.code, message=error.description
    ), error.code


def register_json(blueprint):
    """Make a blueprint's errors JSON."""
    blueprint.register_error_handler(BadInput, bad_input_json)
    blueprint.register_error_handler(HTTPException, http_error_json)


def register(app):
    """Answer errors outside the API with pages; unexpected ones are a 500 page."""
    app.register_error_handler(BadInput, bad_input_page)
    app.register_error_handler(HTTPException, http_error_page)
