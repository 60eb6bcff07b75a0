"""Delivery: cache, compress and version what the app sends; bound PNG renders.

Every page, diagram and export the app serves for a ``GET`` is a function of
the URL and the dataset loaded at start-up, so each is rendered once per
worker and kept in a bounded in-memory cache with its compressed forms and
an ``ETag``; a conditional request is answered ``304 Not Modified``.
Answers go out with brotli when the browser accepts it, else gzip (a
three-spot results fragment of 270 KB is 26 KB with brotli, 55 KB with
gzip); a small answer made for one request (a lookup) gets gzip, which
costs a worker less than setting up brotli. Static files get URLs carrying
a hash of the static folder (``/static/<hash>/css/app.css``), so they can
be cached for a year; a module script's relative imports resolve under the
same hash. ``POST`` answers (results, lookups, quiz answers) describe a
person's pain and are never stored by anyone: ``Cache-Control: no-store``.

PNG rendering is bounded: one render at a time per worker process; a request
that cannot start within ``PNG_WAIT_SECONDS`` gets ``429 Too Many Requests``
with ``Retry-After``, so a flood of exports cannot starve the pages.
"""

import functools
import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import brotli
from flask import current_app, g, request
from werkzeug.exceptions import TooManyRequests
from werkzeug.http import parse_accept_header

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
}
MIN_COMPRESS_BYTES = 512
"""Below this, gzip's header costs more than it saves."""
STATIC_MAX_AGE = 365 * 24 * 3600
PAGE_MAX_AGE = 300
"""Pages and API answers change only when a new dataset is deployed."""
UNCACHED_PREFIXES = ("/api/quiz", "/study/quiz", "/healthz")
"""Quiz questions without a seed are random; the health check must be live."""
PNG_WAIT_SECONDS = 2.0
RETRY_AFTER_SECONDS = 5


ENCODINGS = ("br", "gzip")
"""Content codings offered, best first."""
BROTLI_MIN_BYTES = 32 * 1024
"""An answer made for one request that is smaller than this goes out with gzip.

Setting up brotli's encoder cost a worker about 0.3 ms per answer (a lookup
under load: 2.57 ms of server CPU per request with brotli, 2.27 ms with
gzip, measured in turn on two workers), more than brotli saves on a few
kilobytes (a lookup answer: 805 bytes with brotli, 920 with gzip).  Large
one-off answers (a results fragment: 26 KB with brotli, 55 KB with gzip)
and every answer kept in the cache still get brotli."""


def encode(body, coding, cached):
    """Return ``body`` compressed with ``coding``, harder when kept for reuse.

    An answer made for one request gets the fast settings: brotli quality 4
    takes 1.8 ms for a three-spot results fragment (270 KB to 26 KB) where 5
    takes 2.6 ms; gzip level 1 takes 1.6 ms for it where level 5 takes 3.2 ms.
    """
    if coding == "br":
        return brotli.compress(body, quality=6 if cached else 4, lgwin=22)
    return gzip.compress(body, compresslevel=6 if cached else 1, mtime=0)


@dataclass(frozen=True)
class Entry:
    """A rendered answer kept for reuse: body, its compressed forms, headers."""

    body: bytes
    encoded: dict
    etag: str
    headers: tuple

    @property
    def size(self):
        return len(self.body) + sum(map(len, self.encoded.values())) + 512


class ResponseCache:
    """A thread-safe least-recently-used cache bounded by total bytes."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        if entry.size > self.max_bytes // 8:
            return  # one huge answer would push out many small ones
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self.entries[key] = entry
            self.bytes += entry.size
            while self.bytes > self.max_bytes:
                _key, evicted = self.entries.popitem(last=False)
                self.bytes -= evicted.size


def static_version(folder):
    """Return a short hash of every file in the static folder (names and bytes)."""
    digest = hashlib.sha256()
    root = Path(folder)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _state():
    return current_app.extensions["bodymap.delivery"]


def _coding(codings=ENCODINGS):
    """Return the best of ``codings`` the client accepts, or None."""
    if not codings:
        return None
    return _negotiate(request.environ.get("HTTP_ACCEPT_ENCODING", ""), codings)


@functools.lru_cache(maxsize=256)
def _negotiate(accept_encoding, codings):
    """Return the best of ``codings`` that an Accept-Encoding header allows.

    Browsers send a handful of different headers, and parsing one costs a
    worker more than compressing a small answer, so each is parsed once.
    """
    return parse_accept_header(accept_encoding).best_match(codings)


def _one_off_coding(body):
    """Return the coding for an answer made for this request only."""
    return _coding(ENCODINGS if len(body) >= BROTLI_MIN_BYTES else ("gzip",))


def _cacheable_request():
    if request.method not in ("GET", "HEAD") or request.args.get("q"):
        # Searches describe symptoms: do not keep them, even in memory.
        return False
    return not request.path.startswith(UNCACHED_PREFIXES)


def _cache_key():
    return request.full_path


def _compressible(response):
    return (
        response.mimetype in COMPRESSIBLE
        and "Content-Encoding" not in response.headers
        and response.status_code == 200
    )


def _apply(response, body, encoded, etag):
    """Set the body in the best coding, with its ETag; answer conditionally."""
    coding = _coding(tuple(encoded))
    if encoded:
        if "Vary" in response.headers:
            response.vary.add("Accept-Encoding")
        else:
            response.headers["Vary"] = "Accept-Encoding"
    if coding in encoded:
        response.set_data(encoded[coding])
        response.headers["Content-Encoding"] = coding
        if etag:
            etag = f"{etag}-{coding}"
    else:
        response.set_data(body)
    if etag:
        response.set_etag(etag)
        return response.make_conditional(request)
    return response


def serve_from_cache():
    """Answer a ``GET`` from the cache when this URL was rendered before."""
    g.png_slot = None
    if not _cacheable_request():
        return None
    entry = _state().cache.get(_cache_key())
    if entry is not None:
        g.from_cache = True
        response = current_app.response_class(status=200, headers=list(entry.headers))
        return _apply(response, entry.body, entry.encoded, entry.etag)
    if request.view_args and request.view_args.get("fmt") == "png":
        # A PNG not rendered yet: wait for this worker's render slot.
        slot = _state().png_slot
        if not slot.acquire(timeout=current_app.config["PNG_WAIT_SECONDS"]):
            raise TooManyRequests(
                "Too many pictures are being drawn right now: try again in a "
                "few seconds.",
                retry_after=RETRY_AFTER_SECONDS,
            )
        g.png_slot = slot
    return None


def release_png_slot(_error=None):
    slot = g.pop("png_slot", None)
    if slot is not None:
        slot.release()


def finish(response):
    """Cache, compress and label a response for browsers and proxies."""
    reading = request.method in ("GET", "HEAD")
    if not reading:
        # Answers to POSTs describe a person's pain: never store them anywhere.
        response.headers["Cache-Control"] = "no-store"
    if response.status_code == 429:
        response.headers.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
    if g.get("from_cache") or response.status_code != 200:
        return response
    if request.endpoint == "static":
        _static_headers(response)
        # Read the file so it can be kept and compressed like any answer.
        source = response.response
        response.direct_passthrough = False
        response.get_data()
        if hasattr(source, "close"):
            source.close()
    elif response.is_streamed:
        return response
    body = response.get_data()
    keep = (
        reading
        and _cacheable_request()
        and not response.cache_control.no_store
        and _state().cache.max_bytes > 0
    )
    encoded = {}
    if _compressible(response) and len(body) >= MIN_COMPRESS_BYTES:
        # Kept answers get every coding once; others only the one asked for.
        for coding in ENCODINGS if keep else filter(None, [_one_off_coding(body)]):
            encoded[coding] = encode(body, coding, keep)
    if not reading:
        return _apply(response, body, encoded, None)
    etag = hashlib.sha256(body).hexdigest()[:20]
    if keep:
        if not response.cache_control.max_age and request.endpoint != "static":
            response.cache_control.public = True
            response.cache_control.max_age = PAGE_MAX_AGE
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name not in ("Content-Length", "ETag", "Content-Encoding", "Vary")
        )
        _state().cache.put(_cache_key(), Entry(body, encoded, etag, headers))
    return _apply(response, body, encoded, etag)


def _static_headers(response):
    version = (request.view_args or {}).get("version")
    if version == _state().static_version:
        response.cache_control.public = True
        response.cache_control.max_age = STATIC_MAX_AGE
        response.cache_control.immutable = True
    elif version is not None:
        # A link from before the last deploy: serve today's file, keep nothing.
        response.cache_control.max_age = None
        response.cache_control.no_cache = True


@dataclass
class _Delivery:
    cache: ResponseCache
    static_version: str
    png_slot: threading.BoundedSemaphore


def register(app):
    """Add response caching, compression, static versioning and the PNG bound."""
    app.config.setdefault("RESPONSE_CACHE_BYTES", 48 * 1024 * 1024)
    app.config.setdefault("PNG_WAIT_SECONDS", PNG_WAIT_SECONDS)
    state = _Delivery(
        cache=ResponseCache(app.config["RESPONSE_CACHE_BYTES"]),
        static_version=static_version(app.static_folder),
        png_slot=threading.BoundedSemaphore(1),
    )
    app.extensions["bodymap.delivery"] = state

    # /static/<hash>/<file>: url_for("static", ...) builds these (the rule
    # with more arguments wins), the plain /static/<file> still answers.
    def static(filename, version=None):
        return app.send_static_file(filename)

    app.view_functions["static"] = static
    app.add_url_rule(
        f"{app.static_url_path}/<string(length=12):version>/<path:filename>",
        endpoint="static",
    )

    @app.url_defaults
    def add_static_version(endpoint, values):
        if endpoint == "static":
            values.setdefault("version", state.static_version)

    app.before_request(serve_from_cache)
    app.teardown_request(release_png_slot)
    app.after_request(finish)
