"""Errors: one JSON shape for the API, friendly pages for people."""

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException


class ApiError(Exception):
    """A client error in an API request, with a message that says what is wrong."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def error_json(status, message):
    response = jsonify({"error": {"status": status, "message": message}})
    response.status_code = status
    return response


def _wants_json():
    return request.path.startswith("/api/") or request.path == "/api"


def handle_api_error(error):
    return error_json(error.status, error.message)


def handle_http_error(error):
    if _wants_json():
        message = error.description if error.code != 404 else "No such resource."
        if error.code == 413:
            message = "The request body is too large (the limit is 64 KiB)."
        return error_json(error.code, message)
    template = "errors/404.html" if error.code == 404 else "errors/error.html"
    return render_template(template, error=error), error.code


def register(app):
    app.register_error_handler(ApiError, handle_api_error)
    # Unexpected failures reach this as a 500 (logged, never shown).
    app.register_error_handler(HTTPException, handle_http_error)
