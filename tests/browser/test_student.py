"""The student's path in a real browser: search, a region page, compare, a quiz."""

import re

from bodymap.study import quiz
from tests.browser.browser_checks import tab_until
from tests.browser.conftest import serious_violations
from tests.browser.test_patient import SCREEN_POINT_JS

QUIZ_SEED = 42
QUIZ_AREA = "head-jaw"


def test_student_searches_the_index_and_opens_a_muscle(open_page):
    page = open_page("/muscles")

    page.get_by_label("Search by name, alias, region or symptom").fill("temple")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/muscles\?q=temple"))
    heading = page.locator("#results-heading").inner_text()
    assert re.match(r"\d+ muscles? found for “temple”", heading), heading
    cards = page.locator(".search-results .muscle-card a")
    names = cards.all_inner_texts()
    assert "Temporalis" in names and "Upper trapezius" in names

    page.get_by_role("link", name="Temporalis", exact=True).click()
    page.wait_for_url(re.compile(r"/muscles/temporalis$"))
    assert page.locator("h1").inner_text() == "Temporalis"


def test_student_opens_a_region_page_from_the_study_map(open_page, atlas):
    page = open_page("/study")

    region = atlas.regions["right-temple"]
    x, y = page.evaluate(SCREEN_POINT_JS, [region.view, *region.label_point])
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/regions/right-temple$"))

    assert page.locator("h1").inner_text() == "What may refer pain to the right temple"
    essential = page.locator(".zone-essential .referrer").evaluate_all(
        "items => items.map(item => item.dataset.muscle)"
    )
    assert "temporalis" in essential and "upper-trapezius" in essential
    # Thumbnails are real images that loaded (the watch fails on any 404).
    first = page.locator(".zone-essential img.thumb").first
    first.scroll_into_view_if_needed()
    assert first.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0


def test_study_map_opens_a_region_by_keyboard(open_page):
    page = open_page("/study")

    tab_until(page, "el => !!el.closest('svg')")
    region_id = page.evaluate("() => document.activeElement.dataset.region")
    assert region_id, "the map's first tab stop is not a region"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/regions/{region_id}$"))


def test_student_compares_two_muscles(open_page, axe):
    page = open_page("/compare")

    page.get_by_label("Upper trapezius", exact=True).check()
    page.get_by_label("Temporalis", exact=True).check()
    page.get_by_role("button", name="Compare", exact=True).click()
    page.wait_for_url(re.compile(r"/compare\?"))

    legend = page.locator(".compare-legend li").all_inner_texts()
    assert sorted(text.strip() for text in legend) == ["Temporalis", "Upper trapezius"]
    rows = page.locator(".overlap-table tbody tr").all_inner_texts()
    assert len(rows) == 1 and re.search(r"\d+%", rows[0]), rows
    assert page.locator(".compare-maps svg").count() >= 1
    assert serious_violations(axe, page) == []


def expected_quiz(bundle):
    """Return the seeded quiz's questions, built in-process like the server does."""
    patterns = bundle.patterns
    return quiz.quiz(patterns, bundle.similarity, QUIZ_SEED, QUIZ_AREA)


def test_student_finishes_a_seeded_quiz(open_page, bundle, axe):
    questions = expected_quiz(bundle)
    page = open_page("/study/quiz")

    page.get_by_label("Body area").select_option(QUIZ_AREA)
    page.get_by_label("Which muscle is this?").check()
    page.get_by_label("Quiz number (optional)").fill(str(QUIZ_SEED))
    page.get_by_role("button", name="Start the quiz").click()

    for question in questions:
        status = page.locator(".quiz-status").inner_text()
        assert f"Question {question.index + 1} of {len(questions)}" in status
        assert f"quiz {QUIZ_SEED}" in status
        offered = page.locator("input[name=choice]").evaluate_all(
            "inputs => inputs.map(input => input.value)"
        )
        assert offered == [choice.id for choice in question.choices]
        # Miss the first question on purpose; answer the rest correctly.
        right = question.pattern.id
        wrong = next(choice for choice in offered if choice != right)
        answer = wrong if question.index == 0 else right
        page.locator(f"input[name=choice][value='{answer}']").check()
        page.get_by_role("button", name="Check my answer").click()
        feedback = page.locator("h1.feedback")
        expected_class = "is-wrong" if question.index == 0 else "is-right"
        assert expected_class in feedback.get_attribute("class")
        if question.index == 0:
            assert serious_violations(axe, page) == []
        last = question.index + 1 == len(questions)
        next_name = "See your results" if last else "Next question"
        page.get_by_role("link", name=next_name).click()

    count = len(questions)
    expected = round(100 * (count - 1) / count)
    assert page.locator("h1").inner_text() == f"Your score: {expected}%"
    missed = page.locator(".review-item a").all_inner_texts()
    assert missed == [questions[0].pattern.muscle.name]
    assert serious_violations(axe, page) == []
