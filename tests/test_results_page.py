"""The results page: works without JavaScript, screens techniques, flags danger."""

import json
import re
from html import unescape

import pytest

from tests.conftest import WIDESPREAD_DRAWING


def post_results(client, data, partial=False):
    return client.post("/results" + ("?partial=1" if partial else ""), data=data)


def test_the_region_list_form_gives_ranked_results(client):
    response = post_results(
        client, {"region": ["right-temple"], "intensity-right-temple": "3"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Upper trapezius" in html
    assert "right temple (severe)" in html
    assert "What you can do yourself" in html and "With a clinician" in html
    assert html.index("What you can do yourself") < html.index("With a clinician")
    assert "Educational use only" in html


def test_map_spots_from_the_script_are_accepted(client, atlas):
    x, y = atlas.regions["right-heel"].label_point
    html = post_results(client, {"spot": f"back:{x}:{y}:2"}).get_data(as_text=True)
    assert "Soleus" in html and "right heel" in html


def test_the_safety_screen_marks_needling_as_not_suitable(client):
    data = {"region": ["right-temple"], "screen": ["anticoagulants"]}
    html = post_results(client, data).get_data(as_text=True)
    assert "Not suitable for you" in html
    without = post_results(client, {"region": ["right-temple"]}).get_data(as_text=True)
    assert "Not suitable for you" not in without


def test_an_answer_that_calls_for_care_keeps_the_technique_and_says_why(client):
    data = {"region": ["right-temple"], "screen": ["pregnancy"]}
    html = post_results(client, data).get_data(as_text=True)
    assert "Needs care for you" in html
    assert "Needs care, because of your answer:" in html
    assert "Pregnancy: needs special care" in html


def test_a_caution_is_shown_with_its_technique(client):
    html = post_results(client, {"region": ["right-temple"]}).get_data(as_text=True)
    assert "<strong>Caution:</strong> The top of the lung lies close under" in html


def test_a_ticked_red_flag_says_see_a_clinician_now(client):
    data = {"region": ["right-temple"], "flag": ["numbness-or-weakness"]}
    html = post_results(client, data).get_data(as_text=True)
    assert 'class="see-clinician" role="alert"' in html
    assert "See a clinician now" in html


def test_red_flags_are_always_reachable(client):
    html = client.get("/").get_data(as_text=True)
    assert 'id="red-flags"' in html
    html = post_results(client, {"region": ["right-heel"]}).get_data(as_text=True)
    assert 'id="red-flags"' in html and "see-clinician" not in html


def test_the_partial_is_a_fragment_for_the_script(client):
    response = post_results(client, {"region": ["right-temple"]}, partial=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "data-essential=" in html
    assert 'formaction="/results"' in html and "printable page" in html


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "empty"),
        ({"region": ["nowhere"]}, "unknown region"),
        ({"spot": ["front:1:2"]}, "view:x:y:intensity"),
        ({"spot": ["front:3:3:2"]}, "outside the body"),
        ({"region": ["right-temple"], "intensity-right-temple": "9"}, "intensity"),
    ],
)
def test_a_bad_form_gets_a_400_page_that_says_why(client, data, message):
    response = post_results(client, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_the_home_page_offers_the_region_list_without_javascript(client):
    html = client.get("/").get_data(as_text=True)
    assert 'method="post"' in html and 'name="region" value="right-temple"' in html
    assert 'name="screen" value="anticoagulants"' in html


def candidate_blocks(html):
    """Return the HTML of each candidate in the results list."""
    return html.split('<li class="candidate"')[1:]


def test_each_muscle_is_listed_once_with_the_trigger_points_that_explain(client):
    regions = ["right-temple", "right-back-of-neck", "right-top-of-shoulder"]
    html = post_results(client, {"region": regions}).get_data(as_text=True)
    blocks = candidate_blocks(html)
    names = [b.split('class="candidate-name">')[1].split("<")[0] for b in blocks]
    assert names[0] == "Upper trapezius"
    assert names.count("Upper trapezius") == 1
    first = blocks[0]
    assert "It explains all 3 of your spots" in first
    assert "(your right side)" in first
    assert first.count("<li><strong>TrP") >= 2
    assert "Explains your right temple" in first


def test_the_printable_page_opens_every_candidate(client):
    html = post_results(client, {"region": ["right-heel"]}).get_data(as_text=True)
    blocks = candidate_blocks(html)
    assert len(blocks) > 1
    assert all("<details open" in block for block in blocks)
    partial = post_results(client, {"region": ["right-heel"]}, partial=True)
    blocks = candidate_blocks(partial.get_data(as_text=True))
    assert ["<details open" in block for block in blocks][:2] == [True, False]


def test_the_printable_page_draws_every_candidate(client):
    html = post_results(client, {"region": ["right-heel"]}).get_data(as_text=True)
    assert all("<svg" in block for block in candidate_blocks(html))


def test_the_fragment_draws_the_open_candidate_and_the_rest_on_request(client):
    drawing = {"region": ["right-temple", "right-back-of-neck"]}
    html = post_results(client, drawing, partial=True).get_data(as_text=True)
    first, second, *_rest = candidate_blocks(html)
    assert "<svg" in first and "data-figures-for" not in first
    assert "<svg" not in second
    key = second.split('data-figures-for="')[1].split('"')[0]
    assert 'data-figures-url="/results/figures"' in html

    response = client.post("/results/figures", data={**drawing, "candidate": key})
    figures = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert figures.count("<svg") >= 1 and 'id="cand-2-' in figures
    name = second.split('class="candidate-name">')[1].split("<")[0]
    assert f"{name} ({key.split('.')[1]}): pattern over your pain" in figures


@pytest.mark.parametrize(
    "data, status, message",
    [
        ({"region": ["right-temple"], "candidate": "nosuch.right"}, 404, "not among"),
        ({"region": ["right-temple"]}, 404, "not among"),
        ({"candidate": "upper-trapezius.right"}, 400, "empty"),
        ({"region": ["nowhere"], "candidate": "x"}, 400, "unknown region"),
    ],
)
def test_figures_for_a_result_not_in_the_list_say_why(client, data, status, message):
    response = client.post("/results/figures", data=data)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert "<svg" not in response.get_data(as_text=True)


def test_widespread_pain_opens_the_results_with_a_notice(client):
    html = post_results(client, {"region": list(WIDESPREAD_DRAWING)}).get_data(
        as_text=True
    )
    assert "Your pain is widespread" in html
    assert "7 of the 19 body areas" in html and "5 of the 5 body regions" in html
    assert "https://doi.org/10.1016/j.semarthrit.2016.08.012" in html
    assert html.index("Your pain is widespread") < html.index("candidate-name")
    local = post_results(client, {"region": list(WIDESPREAD_DRAWING[:3])}).get_data(
        as_text=True
    )
    assert "Your pain is widespread" not in local


def test_a_known_prevalence_is_shown_with_its_source(client, bundle):
    muscle = bundle.dataset.muscles["gluteus-medius"]
    assert muscle.prevalence is not None
    html = post_results(client, {"region": ["right-upper-buttock"]})
    text = html.get_data(as_text=True)
    block = next(b for b in candidate_blocks(text) if ">Gluteus medius<" in b)
    assert muscle.prevalence.basis in block


def test_the_open_result_carries_its_smooth_zones_for_the_map(client):
    response = post_results(client, {"region": ["right-temple"]}, partial=True)
    html = response.get_data(as_text=True)
    found = re.findall(r"data-map-zones='([^']*)'", html)
    assert len(found) == 1  # the open result's; the others come with their diagrams
    zones = json.loads(unescape(found[0]))
    assert set(zones) <= {"front", "back"} and zones
    kinds = {classes for pairs in zones.values() for classes, _data in pairs}
    assert "zone essential" in kinds
    for pairs in zones.values():
        for _classes, data in pairs:
            assert data.startswith("M") and "Q" in data  # smooth curves
    full = post_results(client, {"region": ["right-temple"]}).get_data(as_text=True)
    assert "data-map-zones=" not in full  # the printable page has no map to draw on
