"""The results page: works without JavaScript, screens techniques, flags danger."""

import pytest


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
