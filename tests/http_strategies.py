"""Hypothesis strategies for requests to every route, with hostile input.

Shared by the property test (``tests/test_fuzz.py``, in process) and the
long run against a real server (``benchmarks/fuzz.py``). Routes come from the
app's URL map, so a new route is fuzzed without listing it here. Known ids
are drawn from a few muscles and regions, so the answers worth keeping are
rendered once and the run stays quick.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from hypothesis import strategies as st

PARAMETERS = [
    "view",
    "seed",
    "area",
    "mode",
    "index",
    "scores",
    "muscles",
    "side",
    "point",
    "q",
    "partial",
    "limit",
    "endpoint",
    "_external",
    "_anchor",
    "_scheme",
]
"""Query and form names the app reads, plus url_for's own keywords."""

FIELDS = [
    "points",
    "limit",
    "view",
    "x",
    "y",
    "intensity",
    "region",
    "seed",
    "index",
    "choice",
    "regions",
    "area",
    "mode",
    "entries",
    "at",
    "spots",
    "session",
    "spot",
    "screen",
    "flag",
    "candidate",
]
"""JSON and form fields the app reads."""

AWKWARD_TEXT = [
    "",
    " ",
    "%20",
    "²",
    "٣",
    "9" * 5000,
    "-1",
    "1e308",
    "NaN",
    "../../etc/passwd",
    "\x00",
    "<script>",
    "a" * 300,
    "front:1:1:²",
    "back:1e999:1:2",
    "front:nan:1:1",
]


@dataclass(frozen=True)
class Request:
    """One HTTP request, ready for a test client or a socket."""

    method: str
    path: str
    query: tuple
    body: bytes
    content_type: str | None

    @property
    def url(self):
        query = urlencode(self.query)
        return self.path + ("?" + query if query else "")


def known_values(bundle):
    """Return a few real values for each kind of path and query argument."""
    muscles = list(bundle.patterns.muscles)[:3] + ["upper-trapezius"]
    regions = list(bundle.atlas.regions)[:3] + ["right-temple"]
    keys = [point.key for point in bundle.patterns.trigger_points[:2]]
    return {
        "muscle_id": muscles,
        "region_id": regions,
        "view_id": list(bundle.atlas.views),
        "view": list(bundle.atlas.views),
        "fmt": ["svg", "png"],
        "area": ["neck", "head-jaw", "shoulder"],
        "key": keys,
        "path": ["nothing", "quiz/answer"],
        "filename": ["css/app.css", "../secret"],
        "version": ["000000000000"],
        "region": regions,
        "muscles": [",".join(muscles[:2])],
        "mode": ["name", "locate", "bogus"],
        "seed": ["1", "12345"],
        "index": ["0", "1"],
        "candidate": ["upper-trapezius.right", "temporalis.left"],
    }


def text_values(known, name):
    """Strings for an argument: real ones, awkward ones, and anything at all."""
    return st.one_of(
        st.sampled_from(known.get(name) or ["x"]),
        st.sampled_from(AWKWARD_TEXT),
        st.text(max_size=20),
    )


def json_values(known):
    """Any JSON document, leaning on the names and values the app reads."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=10),
        st.sampled_from(AWKWARD_TEXT + known["region_id"] + known["view"]),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(
                st.one_of(st.sampled_from(FIELDS), st.text(max_size=5)),
                children,
                max_size=5,
            ),
        ),
        max_leaves=15,
    )


def plausible_lookup(known):
    """A lookup body close to valid, so the checks after the first are reached."""
    point = st.fixed_dictionaries(
        {},
        optional={
            "view": st.one_of(
                st.sampled_from(known["view"]), json_values(known), st.just(["front"])
            ),
            "x": st.one_of(st.floats(), st.integers(), st.text(max_size=3)),
            "y": st.one_of(st.floats(), st.integers(), st.just(True)),
            "intensity": st.one_of(st.integers(-5, 5), st.text(max_size=2)),
            "region": st.one_of(
                st.sampled_from(known["region_id"]), json_values(known)
            ),
        },
    )
    return st.fixed_dictionaries(
        {"points": st.lists(point, max_size=4)},
        optional={"limit": st.one_of(st.integers(-2, 200), st.text(max_size=3))},
    )


def plausible_answer(known):
    """A quiz answer close to valid: seed and index right, the rest anything."""
    return st.fixed_dictionaries(
        {"seed": st.integers(0, 10**6), "index": st.integers(-1, 12)},
        optional={
            "choice": json_values(known),
            "regions": st.one_of(
                st.lists(st.sampled_from(known["region_id"]), max_size=3),
                json_values(known),
            ),
            "area": st.one_of(
                st.sampled_from(known["area"]), st.just(["x"]), st.just({"a": 1})
            ),
            "mode": st.one_of(st.sampled_from(known["mode"]), json_values(known)),
        },
    )


def bodies(known):
    """(bytes, content type) of a request body: JSON, form, junk, too deep or big."""
    as_json = st.one_of(
        json_values(known), plausible_lookup(known), plausible_answer(known)
    ).map(lambda doc: (json.dumps(doc).encode(), "application/json"))
    form_pair = st.tuples(
        st.one_of(
            st.sampled_from(FIELDS),
            st.sampled_from([f"intensity-{r}" for r in known["region_id"]]),
            st.text(max_size=8),
        ),
        st.one_of(
            st.sampled_from(known["region_id"]),
            st.sampled_from(AWKWARD_TEXT),
            st.text(max_size=12),
        ),
    )
    as_form = st.lists(form_pair, max_size=8).map(
        lambda pairs: (urlencode(pairs).encode(), "application/x-www-form-urlencoded")
    )
    return st.one_of(
        as_json,
        as_json,
        as_form,
        as_form,
        st.tuples(
            st.binary(max_size=64),
            st.sampled_from([None, "application/json", "text/plain"]),
        ),
        st.sampled_from(
            [
                (b"[" * 60_000, "application/json"),
                (b'{"points":' * 20_000, "application/json"),
                (b"x" * (70 * 1024), "application/json"),
                (b"region=" + b"a" * (70 * 1024), "application/x-www-form-urlencoded"),
                (b"\xff\xfe", "application/json"),
            ]
        ),
    )


def _argument_names(rule):
    return re.findall(r"<(?:[^:>]+:)?([^>]+)>", rule)


def _path(rule, values):
    def fill(match):
        return quote(values[match.group(1)], safe="")

    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", fill, rule)


def requests(app):
    """Return a strategy of requests to every route of ``app``, hostile input."""
    known = known_values(app.extensions["bodymap"])
    routes = sorted(
        (rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"}))
        for rule in app.url_map.iter_rules()
    )

    all_known = sorted({v for values in known.values() for v in values})
    query = st.lists(
        st.tuples(
            st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=6)),
            st.one_of(
                st.sampled_from(all_known),
                st.sampled_from(AWKWARD_TEXT),
                st.text(max_size=10),
            ),
        ),
        max_size=4,
    ).map(tuple)
    arguments = {
        name: text_values(known, name)
        for rule, _methods in routes
        for name in _argument_names(rule)
    }
    body = bodies(known)
    odd_method = st.sampled_from(["PUT", "DELETE"])

    @st.composite
    def request(draw):
        rule, methods = draw(st.sampled_from(routes))
        method = draw(
            odd_method if draw(st.integers(0, 19)) == 0 else st.sampled_from(methods)
        )
        values = {name: draw(arguments[name]) for name in _argument_names(rule)}
        content, content_type = b"", None
        if method in ("POST", "PUT"):
            content, content_type = draw(body)
        return Request(method, _path(rule, values), draw(query), content, content_type)

    return request()


def check_answer(request, status, content_type, body):
    """Fail on a 5xx, or on an API error not in the one JSON error shape.

    A 414 comes from the server in front of the app (gunicorn refuses request
    lines over 4 KiB) before the app sees the request.
    """
    where = f"{request.method} {request.url[:200]}"
    assert status < 500, f"{status} for {where}"
    if request.path.startswith("/api/") and status >= 400 and status != 414:
        assert content_type.startswith("application/json"), f"{status} for {where}"
        document = json.loads(body)
        assert set(document) == {"error"}, f"{document} for {where}"
        assert document["error"]["status"] == status, f"{document} for {where}"
        message = document["error"]["message"]
        assert isinstance(message, str) and message, f"{document} for {where}"
