"""Study mode on the web: region pages, compare, quiz (API and forms), exports."""

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from markupsafe import escape

from bodymap import create_app
from bodymap.config import TestConfig, with_data_dir
from bodymap.dataset.model import REFERRED_ZONES, ZONE_LABELS
from bodymap.resources import DATA_DIR
from tests.conftest import SVG, assert_api_error, elements, page

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def first_referred_region(bundle, muscle_id="upper-trapezius"):
    point = bundle.patterns.muscles[muscle_id].trigger_points[0]
    return point.zones["essential"][0]


def overlapping_pair(bundle):
    ranked = bundle.similarity.ranked("upper-trapezius")
    return "upper-trapezius", ranked[0][0]


# ---------------------------------------------------------------- region API


def test_referrers_api_follows_the_contract(client, bundle):
    region_id = first_referred_region(bundle)
    body = client.get(f"/api/regions/{region_id}/referrers").get_json()
    assert body["region"] == region_id
    rows = body["referrers"]
    assert rows and {"muscle", "name", "trigger_point", "side", "zone"} <= set(rows[0])
    zones = [row["zone"] for row in rows]
    assert zones == sorted(zones, key=["essential", "spillover"].index)
    for row in rows:
        point = bundle.patterns.by_key[f"{row['trigger_point']}.{row['side']}"]
        assert region_id in point.zones[row["zone"]]
        assert row["name"] == bundle.patterns.muscles[row["muscle"]].muscle.name
    assert any(row["muscle"] == "upper-trapezius" for row in rows)


@pytest.fixture(scope="module")
def one_muscle_client(tmp_path_factory):
    """Return a client of the app serving only the upper trapezius."""
    data = tmp_path_factory.mktemp("one-muscle") / "data"
    shutil.copytree(DATA_DIR, data)
    for path in (data / "muscles").glob("*.toml"):
        if path.stem != "upper-trapezius":
            path.unlink()
    return create_app(with_data_dir(TestConfig, data)).test_client()


def test_referrers_api_lists_nothing_for_a_quiet_region(one_muscle_client):
    body = one_muscle_client.get("/api/regions/right-heel/referrers").get_json()
    assert body == {"region": "right-heel", "referrers": []}
    page_html = one_muscle_client.get("/regions/right-heel").get_data(as_text=True)
    assert "No trigger point in our dataset refers pain to the right heel" in page_html


def test_referrers_api_unknown_region_is_404(client):
    assert_api_error(client.get("/api/regions/right-tail/referrers"), 404, "right-tail")


# ---------------------------------------------------------------- pages


def test_study_map_regions_open_region_pages(client, atlas):
    html = page(client, "/study")
    buttons = elements(html, "path", role="button")
    assert len(buttons) == len(atlas.regions)
    assert any(b["aria-label"] == "right temple (front)" for b in buttons)
    section = elements(html, "section", id="map")[0]
    assert section["data-region-url"] == "/regions/REGION"
    links = {a["href"] for a in elements(html, "a")}
    assert {f"/regions/{r}" for r in atlas.regions} <= links
    assert "js/study.js" in html and "css/study.css" in html


def test_region_page_lists_what_refers_there_essential_first(client, bundle):
    region_id = first_referred_region(bundle)
    html = page(client, f"/regions/{region_id}")
    region = bundle.atlas.regions[region_id]
    assert f"What may refer pain to the {escape(region.name)}" in html
    assert ZONE_LABELS["essential"] in html

    assert "/muscles/upper-trapezius#upper-trapezius-1" in html
    thumbs = [img for img in elements(html, "img") if "thumb" in img.get("class", "")]
    assert thumbs and all(
        img["alt"].startswith("Referral pattern of") for img in thumbs
    )
    assert f"/regions/{bundle.atlas.mirror_region_id(region_id)}" in html
    assert f"/export/regions/{region_id}.svg" in html


def test_region_page_puts_the_essential_group_before_the_spillover(client, bundle):
    region_id = next(
        r
        for r in bundle.atlas.regions
        if {zone for _, zone in bundle.patterns.referrers(r)} == set(REFERRED_ZONES)
    )
    html = page(client, f"/regions/{region_id}")
    headings = [
        html.index(f'<h2 id="zone-{zone}">{ZONE_LABELS[zone]}</h2>')
        for zone in REFERRED_ZONES
    ]
    assert headings == sorted(headings)


def test_unknown_region_page_is_404(client):
    assert "could not find" in page(client, "/regions/right-tail", 404)


def test_muscle_index_searches_with_thumbnails(client):
    html = page(client, "/muscles?q=temple")
    assert "/muscles/upper-trapezius" in html
    assert "refers to: right temple" in html
    images = elements(html, "img", src="/thumbnails/muscles/upper-trapezius.svg")
    assert images and images[0]["alt"] == "Referral pattern of Upper trapezius"


def test_muscle_index_filters_by_area(client, bundle):
    area = bundle.patterns.muscles["upper-trapezius"].muscle.area
    html = page(client, f"/muscles?area={area}")
    for pattern in bundle.patterns.muscles.values():
        link = f'href="/muscles/{pattern.id}"'
        assert (link in html) == (pattern.muscle.area == area), pattern.id


def test_muscle_index_without_a_search_shows_every_muscle(client, bundle):
    html = page(client, "/muscles")
    for muscle_id in bundle.patterns.muscles:
        assert f"/thumbnails/muscles/{muscle_id}.svg" in html


def test_muscle_index_refuses_an_unknown_area(client):
    assert "Unknown area" in page(client, "/muscles?area=tail", 400)


def test_muscle_index_says_when_nothing_matches(client):
    assert "No muscle matches" in page(client, "/muscles?q=zzzqqq")


def test_muscle_page_switches_each_trigger_point_and_links_regions(client, bundle):
    html = page(client, "/muscles/upper-trapezius")
    pattern = bundle.patterns.muscles["upper-trapezius"]
    right = [p for p in pattern.trigger_points if p.side == "right"]
    sets = [d["data-set"] for d in elements(html, "div", class_="pattern-set")]
    assert sets == ["all"] + [p.id for p in right]
    buttons = [b["data-set"] for b in elements(html, "button") if "data-set" in b]
    assert buttons == sets
    for point in right:
        assert f"/export/muscles/upper-trapezius/back.svg?point={point.id}" in html
    for region_id in right[0].zones["essential"]:
        assert f'href="/regions/{region_id}"' in html
    assert "/export/muscles/upper-trapezius/back.png" in html


def test_muscle_page_links_similar_patterns(client, bundle):
    similar = bundle.similarity.similar("upper-trapezius")
    html = page(client, "/muscles/upper-trapezius")
    if not similar:
        assert "Similar patterns" not in html
        return
    assert "Similar patterns" in html
    other = similar[0][0]
    assert f"/compare?muscles=upper-trapezius,{other.id}" in html


# ---------------------------------------------------------------- compare


def test_compare_draws_each_muscle_with_its_own_fill_and_marks_the_overlap(
    client, bundle
):
    first, second = overlapping_pair(bundle)
    html = page(client, f"/compare?muscles={first},{second}")
    assert 'class="compare series-0"' in html
    assert 'class="compare series-1 fill-series-1"' in html
    assert re.search(r'<pattern [^>]*id="compare-\w+-series-1"', html)
    if bundle.similarity.score(first, second) > 0:
        assert 'class="overlap fill-cross"' in html
    names = [bundle.patterns.muscles[m].muscle.name for m in (first, second)]
    for name in names:
        assert str(escape(name)) in html
    assert f"/export/compare/back.svg?muscles={first},{second}" in html.replace(
        "%2C", ","
    )


def test_compare_accepts_repeated_parameters_from_the_form(client, bundle):
    first, second = overlapping_pair(bundle)
    html = page(client, f"/compare?muscles={first}&muscles={second}")
    assert "How much they overlap" in html


def test_compare_without_muscles_shows_the_chooser(client, bundle):
    html = page(client, "/compare")
    boxes = elements(html, "input", type="checkbox", name="muscles")
    assert {b["value"] for b in boxes} == set(bundle.patterns.muscles)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("upper-trapezius", "Choose from 2 to 4"),
        ("upper-trapezius,no-such-muscle", "No muscle with id"),
        ("upper-trapezius,upper-trapezius", "only once"),
        ("a,b,c,d,e", "Choose from 2 to 4"),
        (",,", "Choose from 2 to 4"),
    ],
)
def test_compare_bad_input_is_a_400_page(client, query, message):
    html = page(client, f"/compare?muscles={query}", 400)
    assert message in html


# ---------------------------------------------------------------- exports


def parse_svg(data):
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return root


def test_exported_svg_is_a_standalone_file(client):
    response = client.get("/export/muscles/upper-trapezius/back.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "attachment" in response.headers["Content-Disposition"]
    assert (
        "bodymap-upper-trapezius-right-back.svg"
        in response.headers["Content-Disposition"]
    )
    root = parse_svg(response.data)
    style = root.find(f"{SVG}defs/{SVG}style")
    assert style is not None and ".zone.essential" in style.text
    assert root.find(f".//{SVG}path[@class='zone essential']") is not None
    assert "script-src" not in response.headers["Content-Security-Policy"]


def test_export_of_one_trigger_point_draws_only_it(client, bundle):
    pattern = bundle.patterns.muscles["upper-trapezius"]
    point = pattern.trigger_points[0]
    data = client.get(
        f"/export/muscles/upper-trapezius/{point.view}.svg?point={point.id}&side=right"
    ).data
    root = parse_svg(data)
    markers = root.findall(f".//{SVG}g[@class]")
    tp_markers = [g for g in markers if "trigger-point" in g.get("class")]
    assert [g.get("class").split()[-1] for g in tp_markers] == [f"tp-{point.id}"]


@pytest.mark.parametrize(
    "path",
    [
        "/export/muscles/upper-trapezius/back.png",
        "/export/regions/right-temple.png",
        "/export/compare/back.png?muscles=upper-trapezius,{other}",
    ],
)
def test_exported_png_is_a_png(client, bundle, path):
    response = client.get(path.format(other=overlapping_pair(bundle)[1]))
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert response.data.startswith(PNG_SIGNATURE)
    width, height = (int.from_bytes(response.data[i : i + 4], "big") for i in (16, 20))
    svg = client.get(
        path.replace(".png", ".svg").format(other=overlapping_pair(bundle)[1])
    )
    _x, _y, view_width, view_height = map(
        float, parse_svg(svg.data).get("viewBox").split()
    )
    # Exports are cropped like the page's diagram and rendered at twice its units.
    assert abs(width - 2 * view_width) <= 1
    assert abs(height - 2 * view_height) <= 1


def test_exported_compare_and_region_svgs_parse(client, bundle):
    first, second = overlapping_pair(bundle)
    parse_svg(client.get(f"/export/compare/front.svg?muscles={first},{second}").data)
    root = parse_svg(client.get("/export/regions/right-temple.svg").data)
    assert root.find(f".//{SVG}path[@class='region-highlight']") is not None


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/export/muscles/no-such-muscle/back.svg", 404),
        ("/export/muscles/upper-trapezius/side.svg", 404),
        ("/export/muscles/upper-trapezius/back.gif", 404),
        ("/export/muscles/upper-trapezius/back.svg?side=middle", 404),
        ("/export/muscles/upper-trapezius/back.svg?point=nope", 404),
        ("/export/regions/right-tail.svg", 404),
        ("/export/compare/back.svg?muscles=upper-trapezius", 400),
        ("/thumbnails/muscles/no-such-muscle.svg", 404),
        ("/thumbnails/points/nope.right/back.svg", 404),
    ],
)
def test_bad_export_requests_are_client_errors(client, path, status):
    assert client.get(path).status_code == status


def test_thumbnails_are_small_pictures(client, bundle):
    point = bundle.patterns.muscles["upper-trapezius"].trigger_points[0]
    for path in (
        "/thumbnails/muscles/upper-trapezius.svg",
        f"/thumbnails/points/{point.key}/{point.view}.svg",
    ):
        response = client.get(path)
        assert "Content-Disposition" not in response.headers
        root = parse_svg(response.data)
        assert "thumbnail" in root.get("class") and root.get("role") == "img"


def test_study_sheet_lists_the_area_for_print(client, bundle):
    area = bundle.patterns.muscles["upper-trapezius"].muscle.area
    html = page(client, f"/study/sheet/{area}")
    for pattern in bundle.patterns.muscles.values():
        listed = f'id="{pattern.id}"' in html
        assert listed == (pattern.muscle.area == area)
    assert "/export/muscles/upper-trapezius/back.svg" in html
    assert "css/study.css" in html
    with client.get("/static/css/study.css") as response:
        assert "@media print" in response.get_data(as_text=True)


def test_unknown_study_sheet_is_404(client):
    page(client, "/study/sheet/tail", 404)


# ---------------------------------------------------------------- quiz API


def test_quiz_api_follows_the_contract(client):
    body = client.get("/api/quiz?seed=17").get_json()
    assert set(body) == {"question", "choices"}
    question = body["question"]
    assert question["seed"] == 17 and question["index"] == 0
    assert question["kind"] == "identify"
    assert len(body["choices"]) >= 2
    assert all(set(c) == {"muscle", "name"} for c in body["choices"])
    for diagram in question["diagrams"]:
        root = parse_svg(diagram["svg"])
        assert root.get("class").startswith("body-map")


def test_quiz_questions_do_not_name_the_muscle(client, bundle):
    for index in range(3):
        body = client.get(f"/api/quiz?seed=17&index={index}").get_json()
        text = str(body["question"])
        for choice in body["choices"]:
            assert choice["name"] not in text


def test_quiz_api_repeats_for_a_seed(client):
    first = client.get("/api/quiz?seed=99&index=2&mode=mixed").get_json()
    again = client.get("/api/quiz?seed=99&index=2&mode=mixed").get_json()
    assert first == again


def test_quiz_api_without_a_seed_picks_one_to_reuse(client):
    body = client.get("/api/quiz").get_json()
    seed = body["question"]["seed"]
    assert client.get(f"/api/quiz?seed={seed}").get_json() == body


def test_quiz_api_filters_by_area(client, bundle):
    area = bundle.patterns.muscles["upper-trapezius"].muscle.area
    question = client.get(f"/api/quiz?seed=1&area={area}").get_json()["question"]
    assert question["area"] == area
    muscles = bundle.patterns.muscles
    assert question["count"] == min(
        10, sum(p.muscle.area == area for p in muscles.values())
    )


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("seed=abc", "seed"),
        ("seed=-3", "seed"),
        ("seed=1&index=x", "index"),
        ("seed=1&index=500", "index"),
        ("seed=1&area=tail", "Unknown area"),
        ("seed=1&mode=essay", "mode"),
    ],
)
def test_quiz_api_bad_input_is_400(client, query, fragment):
    assert_api_error(client.get(f"/api/quiz?{query}"), 400, fragment)


def answer(client, **body):
    return client.post("/api/quiz/answer", json=body)


def current_answer(bundle, seed, index=0, mode="identify"):
    from bodymap.study import quiz

    similarity = bundle.similarity
    return quiz.question_at(bundle.patterns, similarity, seed, index, mode=mode)


def test_answering_right_scores_100_and_draws_the_answer(client, bundle):
    question = current_answer(bundle, 23)
    body = answer(client, seed=23, index=0, choice=question.pattern.id).get_json()
    assert body["correct"] is True and body["score"] == 100
    assert body["answer"]["muscle"] == question.pattern.id
    assert body["choice"]["muscle"] == question.pattern.id
    assert body["diagrams"]
    svg = body["diagrams"][0]["svg"]
    assert "zone essential" in svg and str(escape(question.pattern.muscle.name)) in svg


def test_answering_wrong_says_which_muscle_it_was(client, bundle):
    question = current_answer(bundle, 23)
    wrong = next(p for p in question.choices if p.id != question.pattern.id)
    body = answer(client, seed=23, index=0, choice=wrong.id).get_json()
    assert body["correct"] is False and body["score"] == 0
    assert question.pattern.muscle.name in body["feedback"]


def test_a_perfect_located_answer_scores_100_over_the_api(client, bundle):
    question = current_answer(bundle, 8, mode="locate")
    essential, spillover = question.target()
    body = answer(
        client, seed=8, index=0, mode="locate", regions=essential + spillover
    ).get_json()
    assert body["score"] == 100 and body["correct"] is True
    assert body["regions"]["missed"] == [] and body["regions"]["extra"] == []
    empty = answer(client, seed=8, index=0, mode="locate", regions=[]).get_json()
    assert empty["score"] == 0


def test_a_located_question_names_the_muscle_but_not_the_zones(client, bundle):
    question = current_answer(bundle, 8, mode="locate")
    body = client.get("/api/quiz?seed=8&mode=locate").get_json()
    assert body["choices"] == []
    assert body["question"]["muscle"]["muscle"] == question.pattern.id
    assert "regions" not in body["question"]
    assert 'role="button"' in body["question"]["diagrams"][0]["svg"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (None, "JSON object"),
        ([1, 2], "JSON object"),
        ({"index": 0, "choice": "x"}, "seed"),
        ({"seed": 1, "choice": "x"}, "index"),
        ({"seed": True, "index": 0}, "seed"),
        ({"seed": 1, "index": 0}, "choice is required"),
        ({"seed": 1, "index": 0, "choice": "no-such-muscle"}, "not one of"),
        ({"seed": 1, "index": 0, "regions": ["right-temple"]}, "choice"),
        ({"seed": 1, "index": 0, "mode": "locate", "regions": "right-temple"}, "list"),
        (
            {"seed": 1, "index": 0, "mode": "locate", "regions": ["right-tail"]},
            "Unknown",
        ),
        ({"seed": 1, "index": 0, "mode": "locate", "choice": "x"}, "regions"),
        ({"seed": 1, "index": 0, "area": "tail", "choice": "x"}, "Unknown area"),
    ],
)
def test_quiz_answer_bad_input_is_400(client, body, fragment):
    if body is None:
        response = client.post("/api/quiz/answer", data="not json")
    else:
        response = client.post("/api/quiz/answer", json=body)
    assert_api_error(response, 400, fragment)


# ---------------------------------------------------------------- quiz pages


def test_quiz_start_page_offers_areas_and_kinds(client):
    html = page(client, "/study/quiz")
    assert elements(html, "select", name="area")
    modes = {i["value"] for i in elements(html, "input", type="radio", name="mode")}
    assert modes == {"identify", "locate", "mixed"}


def test_starting_without_a_number_redirects_to_a_seeded_quiz(client):
    response = client.get("/study/quiz?seed=&mode=locate")
    assert response.status_code == 302
    assert re.search(r"seed=\d+", response.headers["Location"])
    assert "mode=locate" in response.headers["Location"]


def test_the_whole_quiz_works_with_forms_alone(client, bundle):
    """Answer every question wrongly by form, then review the misses."""
    seed = 31
    url = f"/study/quiz?seed={seed}"
    count = None
    for index in range(11):
        html = page(client, url)
        form = elements(html, "form", method="post")[0]
        hidden = {i["name"]: i["value"] for i in elements(html, "input", type="hidden")}
        assert hidden["index"] == str(index)
        question = current_answer(bundle, seed, index)
        count = question.count
        wrong = next(p for p in question.choices if p.id != question.pattern.id)
        response = client.post(form["action"], data={**hidden, "choice": wrong.id})
        assert response.status_code == 200
        feedback = response.get_data(as_text=True)
        assert "Not quite" in feedback
        assert f"score 0 of {(index + 1) * 100}" in feedback
        url = elements(feedback, "a", class_="button")[0]["href"].replace("&amp;", "&")
        if index + 1 == count:
            break
    assert "/study/quiz/review" in url
    review = page(client, url)
    assert "Your score: 0%" in review
    assert review.count('class="review-item"') == count


def test_a_located_answer_by_form_shows_what_was_missed(client, bundle):
    question = current_answer(bundle, 8, mode="locate")
    html = page(client, "/study/quiz?seed=8&mode=locate")
    boxes = elements(html, "input", type="checkbox", name="regions")
    assert len(boxes) == len(bundle.atlas.regions)
    essential, spillover = question.target()
    data = {"seed": 8, "index": 0, "mode": "locate", "scores": "", "area": ""}
    response = client.post(
        "/study/quiz/answer", data={**data, "regions": essential[:1]}
    )
    feedback = response.get_data(as_text=True)
    assert "overlap with where" in feedback
    if len(essential + spillover) > 1:
        assert "You missed" in feedback


@pytest.mark.parametrize(
    "path",
    [
        "/study/quiz?seed=1&scores=100",
        "/study/quiz?seed=1&index=1&scores=abc",
        "/study/quiz?seed=1&index=1&scores=101",
        "/study/quiz?seed=x",
        "/study/quiz/review?seed=1&scores=100",
        "/study/quiz/review?scores=100",
    ],
)
def test_bad_quiz_pages_are_400(client, path):
    html = page(client, path, 400)
    assert "That request did not work" in html


def test_a_form_answer_with_a_foreign_choice_is_400(client):
    data = {"seed": 1, "index": 0, "mode": "identify", "scores": "", "choice": "x"}
    response = client.post("/study/quiz/answer", data=data)
    assert response.status_code == 400
    assert "not one of" in response.get_data(as_text=True)
