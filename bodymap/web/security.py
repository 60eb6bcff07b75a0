"""Security headers: no inline code, no framing, nothing sent elsewhere."""

from flask import request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


PUBLIC_PREFIXES = ("/api/", "/export/", "/thumbnails/")
"""Public facts and pictures other sites (and the static export) may embed."""


def add_cross_origin_headers(response):
    """Isolate pages from other sites; open the read-only API to any origin.

    ``GET`` answers under ``/api`` are public facts (views, regions, muscles)
    sent without cookies, so any site may read them (``*``, no credentials);
    diagrams and exports may be embedded anywhere (the static export links
    to the app for the ones it cannot freeze).
    A ``POST`` (a lookup describes a person's pain) gets no CORS headers: a
    browser lets only our own pages send one.
    """
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    reading = request.method in ("GET", "HEAD")
    if reading and request.path.startswith("/api/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
    if reading and request.path.startswith(PUBLIC_PREFIXES):
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    else:
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    return response


def add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
    )
    return response


def register(app):
    app.after_request(add_security_headers)
    app.after_request(add_cross_origin_headers)
