"""The study side as a static site, frozen with Frozen-Flask.

Muscle pages, region pages, the muscle index, study home, study sheets,
thumbnails and SVG/PNG exports are functions of their path, so Frozen-Flask
can save each as a file. The site is chosen by URL rule (not by view name),
pages become folders (``/muscles/deltoid`` is saved as
``muscles/deltoid/index.html``, so any static host serves it as HTML), and
every link inside the site is relative, so it works from any sub-path. Links
to the dynamic part (the pain drawing, results, quiz, comparison) point at
``app_url``, where the app runs.
"""

import posixpath
import re
import warnings
from pathlib import Path

from flask import request
from flask_frozen import Freezer, MissingURLGeneratorWarning
from werkzeug.routing import Map

SITE_RULES = {
    "/muscles": "page",
    "/muscles/<muscle_id>": "page",
    "/regions/<region_id>": "page",
    "/study": "page",
    "/study/sheet/<area>": "page",
    "/thumbnails/muscles/<muscle_id>.svg": "file",
    "/thumbnails/points/<key>/<view_id>.svg": "file",
    "/export/muscles/<muscle_id>/<view_id>.<fmt>": "file",
    "/export/regions/<region_id>.<fmt>": "file",
}
"""The URL rules of the static site; pages get a trailing slash (a folder)."""

FREEZING = "bodymap.freezing_page"
"""Marks the requests Frozen-Flask makes to save a page (not the outer context
in which it lists URLs: that must stay absolute)."""

REDIRECT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>bodymap: study</title>
<meta http-equiv="refresh" content="0; url=study/index.html">
</head><body><p><a href="study/index.html">bodymap study pages</a></p></body></html>
"""


def _shape(rule):
    """Return a rule's path without converters: ``/a/<any(x, y):b>`` is ``/a/<b>``."""
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"<\1>", rule.rule)


def site_endpoints(app):
    """Return {endpoint: "page" or "file"} for the rules of the static site."""
    return {
        rule.endpoint: SITE_RULES[_shape(rule)]
        for rule in app.url_map.iter_rules()
        if _shape(rule) in SITE_RULES
    }


def _pages_as_folders(app, page_endpoints):
    """Give page rules a trailing slash, so each page is saved as a folder."""
    rules = []
    for rule in app.url_map.iter_rules():
        copy = rule.empty()
        if rule.endpoint in page_endpoints and not rule.rule.endswith("/"):
            copy.rule = rule.rule + "/"
        rules.append(copy)
    old = app.url_map
    app.url_map = Map(
        rules,
        strict_slashes=old.strict_slashes,
        merge_slashes=old.merge_slashes,
        host_matching=old.host_matching,
        converters=old.converters,
    )


def freeze_site(app, destination, app_url="", png=True):
    """Write the study side of ``app`` into ``destination``; return the file count.

    :param app: an app made for this export (its URL map is changed).
    :param app_url: where the dynamic part runs, for links to it ("" for the
        root of the same host).
    :param png: also render every linked PNG export (slow: about a second
        each).
    """
    endpoints = site_endpoints(app)
    _pages_as_folders(app, {e for e, kind in endpoints.items() if kind == "page"})
    destination = Path(destination).resolve()
    app.config.update(
        FREEZER_DESTINATION=str(destination),
        FREEZER_REMOVE_EXTRA_FILES=False,  # never delete what was there
        FREEZER_RELATIVE_URLS=False,  # links are made relative below
        FREEZER_IGNORE_404_NOT_FOUND=False,
    )

    choices = _argument_values(app.extensions["bodymap"])

    arguments = {rule.endpoint: rule.arguments for rule in app.url_map.iter_rules()}

    def in_site(endpoint, values):
        if endpoint == "static":
            return True
        # A query string cannot be frozen: such links go to the app.
        path_only = set(values) - {"_anchor"} <= arguments.get(endpoint, set())
        return (
            endpoint in endpoints and path_only and (png or values.get("fmt") != "png")
        )

    def known(values):
        # Only real values: never a stand-in such as region_id="REGION" for a script.
        return all(
            values[name] in allowed
            for name, allowed in choices.items()
            if name in values
        )

    make_url = app.url_for

    def site_url_for(endpoint, **values):
        url = make_url(endpoint, **values)
        if not request.environ.get(FREEZING):
            return url  # Frozen-Flask listing the URLs to fetch
        if in_site(endpoint, values):
            return _relative(url)
        return app_url.rstrip("/") + url

    # Pages (templates and views alike) link relatively while being frozen.
    app.url_for = site_url_for
    app.jinja_env.globals["url_for"] = site_url_for
    app.before_request(lambda: request.environ.update({FREEZING: True}))

    freezer = Freezer(app, with_static_files=True, with_no_argument_rules=False)
    logged = freezer.url_for_logger.iter_calls
    # Follow the links pages make, but only those inside the site.
    freezer.url_for_logger.iter_calls = lambda: (
        (endpoint, values)
        for endpoint, values in logged()
        if in_site(endpoint, values) and known(values)
    )

    @freezer.register_generator
    def site_pages():
        """Every page of the site; the files come from the links on them."""
        for endpoint, kind in endpoints.items():
            if kind != "page":
                continue
            arguments = next(app.url_map.iter_rules(endpoint)).arguments
            if not arguments:
                yield endpoint, {}
            elif len(arguments) == 1:
                (name,) = arguments
                for value in choices.get(name, ()):
                    yield endpoint, {name: value}

    with warnings.catch_warnings():
        # The dynamic part (drawing, API, quiz) is left out on purpose.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        files = sum(1 for _page in freezer.freeze_yield())
    (destination / "index.html").write_text(REDIRECT_PAGE, encoding="utf-8")
    return files + 1


def _relative(url):
    """Return ``url`` relative to the page being frozen (folders get index.html)."""
    path, mark, anchor = url.partition("#")
    if path.endswith("/"):
        path += "index.html"
    here = (
        request.path if request.path.endswith("/") else posixpath.dirname(request.path)
    )
    return posixpath.relpath(path, here) + mark + anchor


def _argument_values(bundle):
    """Return the values each page argument takes: every muscle, region, area."""
    muscles = bundle.patterns.muscles
    return {
        "muscle_id": list(muscles),
        "region_id": list(bundle.atlas.regions),
        "area": list(dict.fromkeys(p.muscle.area for p in muscles.values())),
    }
