"""Delivery: cached renders, compression, ETags, static URLs, headers, PNG bound."""

import gzip
import json
import re
import threading

import brotli
import pytest

from bodymap.web.delivery import Entry, ResponseCache

READS = [
    "/",
    "/muscles/upper-trapezius",
    "/api/muscles",
    "/thumbnails/muscles/deltoid.svg",
    "/export/muscles/deltoid/front.svg",
]
THREE_SPOTS = {"region": ["right-temple", "right-top-of-shoulder", "left-temple"]}


def decoded(response):
    coding = response.headers.get("Content-Encoding")
    if coding == "br":
        return brotli.decompress(response.data)
    if coding == "gzip":
        return gzip.decompress(response.data)
    return response.data


@pytest.mark.parametrize("path", READS)
def test_a_read_is_rendered_once_and_revalidated_with_its_etag(app, client, path):
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert first.headers["ETag"] == second.headers["ETag"]
    cache = app.extensions["bodymap.delivery"].cache
    assert path in {key.rstrip("?") for key in cache.entries}
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


@pytest.mark.parametrize("coding", ["br", "gzip"])
@pytest.mark.parametrize("path", READS)
def test_text_is_compressed_in_the_coding_the_browser_accepts(client, path, coding):
    plain = client.get(path)
    packed = client.get(path, headers={"Accept-Encoding": coding})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == coding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decoded(packed) == plain.data
    assert len(packed.data) < len(plain.data) / 2
    assert packed.headers["ETag"] != plain.headers["ETag"]


def test_brotli_is_preferred_when_both_are_accepted(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.headers["Content-Encoding"] == "br"


def test_a_small_answer_made_for_one_request_goes_out_with_gzip(client):
    browser = {"Accept-Encoding": "gzip, deflate, br, zstd"}
    body = {"points": [{"region": "right-temple"}]}
    lookup = client.post("/api/lookup", json=body, headers=browser)
    assert lookup.headers["Content-Encoding"] == "gzip"
    assert (
        json.loads(gzip.decompress(lookup.data))
        == client.post("/api/lookup", json=body).get_json()
    )
    fragment = client.post("/results?partial=1", data=THREE_SPOTS, headers=browser)
    assert fragment.headers["Content-Encoding"] == "br"
    only_brotli = client.post(
        "/api/lookup", json=body, headers={"Accept-Encoding": "br"}
    )
    assert "Content-Encoding" not in only_brotli.headers
    assert json.loads(only_brotli.data)["candidates"]


def test_the_results_fragment_for_three_spots_is_small_when_compressed(client):
    response = client.post(
        "/results?partial=1", data=THREE_SPOTS, headers={"Accept-Encoding": "br"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert len(response.data) <= 60 * 1024
    assert b"<svg" in decoded(response)


@pytest.mark.parametrize(
    "send",
    [
        lambda c, h: c.post("/results?partial=1", data=THREE_SPOTS, headers=h),
        lambda c, h: c.post("/results", data={}, headers=h),
        lambda c, h: c.post(
            "/api/lookup", json={"points": [{"region": "right-temple"}]}, headers=h
        ),
        lambda c, h: c.post("/api/lookup", json={"points": []}, headers=h),
    ],
    ids=["results", "results-error", "lookup", "lookup-error"],
)
@pytest.mark.parametrize("accepts", ["", "gzip, deflate, br, zstd"])
def test_answers_about_a_persons_pain_are_never_stored(send, accepts, client):
    response = send(client, {"Accept-Encoding": accepts})
    assert response.headers["Cache-Control"] == "no-store"
    assert "ETag" not in response.headers


def test_searches_are_not_kept_in_memory(app, client):
    client.get("/muscles?q=jaw+pain")
    cache = app.extensions["bodymap.delivery"].cache
    assert not [key for key in cache.entries if "jaw" in key]


def static_links(client):
    html = client.get("/").get_data(as_text=True)
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_urls_carry_the_content_hash_and_are_immutable(app, client):
    version = app.extensions["bodymap.delivery"].static_version
    links = static_links(client)
    assert links and all(link.startswith(f"/static/{version}/") for link in links)
    response = client.get(links[0])
    assert response.status_code == 200
    assert response.cache_control.immutable
    assert response.cache_control.max_age == 365 * 24 * 3600
    plain = client.get(links[0].replace(f"/{version}", ""))
    assert plain.data == response.data


def test_a_static_url_from_an_older_deploy_is_served_but_not_kept(client):
    link = static_links(client)[0]
    old = re.sub(r"/static/\w{12}/", "/static/000000000000/", link)
    response = client.get(old)
    assert response.status_code == 200
    assert response.cache_control.no_cache
    assert not response.cache_control.immutable


def test_pages_are_isolated_from_other_sites(client):
    response = client.get("/")
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_read_only_api_is_open_to_any_origin_but_lookups_are_not(client):
    read = client.get("/api/muscles", headers={"Origin": "https://example.org"})
    assert read.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in read.headers
    lookup = client.post(
        "/api/lookup",
        json={"points": [{"region": "right-temple"}]},
        headers={"Origin": "https://example.org"},
    )
    assert "Access-Control-Allow-Origin" not in lookup.headers


def test_a_png_waits_for_the_render_slot_then_gets_429_with_retry_after(
    app, client, monkeypatch
):
    cached = "/export/muscles/deltoid/back.png"
    assert client.get(cached).status_code == 200
    monkeypatch.setitem(app.config, "PNG_WAIT_SECONDS", 0.05)
    slot = app.extensions["bodymap.delivery"].png_slot
    assert slot.acquire(timeout=5)
    try:
        # A query string nothing else sends: not rendered (or cached) before.
        busy = client.get("/export/regions/right-temple.png?test=busy")
        again = client.get(cached)
    finally:
        slot.release()
    assert busy.status_code == 429
    assert int(busy.headers["Retry-After"]) > 0
    assert again.status_code == 200  # a rendered PNG needs no slot
    assert client.get("/export/regions/right-temple.png?test=busy").status_code == 200


def test_png_renders_take_turns(app, client):
    slot = app.extensions["bodymap.delivery"].png_slot
    results = []

    def fetch(path):
        results.append(client.get(path).status_code)

    threads = [
        threading.Thread(target=fetch, args=(f"/export/regions/{r}.png?test=turns",))
        for r in ("left-temple", "right-jaw-joint")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) in ([200, 200], [200, 429])
    assert slot.acquire(blocking=False)
    slot.release()


def test_the_cache_keeps_to_its_byte_budget_dropping_the_oldest():
    cache = ResponseCache(max_bytes=100_000)
    for index in range(40):
        cache.put(f"/{index}", Entry(b"x" * 5_000, {}, str(index), ()))
    assert cache.bytes <= 100_000
    assert cache.get("/0") is None
    assert cache.get("/39") is not None
    cache.put("/huge", Entry(b"x" * 50_000, {}, "huge", ()))
    assert cache.get("/huge") is None
