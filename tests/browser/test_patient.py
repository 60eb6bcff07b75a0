"""The patient's pain drawing in a real browser: mouse, keyboard and phone."""

import json
from urllib.parse import urlsplit

import pytest

from tests.browser.browser_checks import tab_until
from tests.browser.conftest import save_screenshot, serious_violations

# Three spots across both views: a temple headache with a sore neck and
# shoulder top behind, the textbook upper-trapezius picture.
SPOTS = [
    ("front", "right-temple"),
    ("back", "right-back-of-neck"),
    ("back", "right-top-of-shoulder"),
]

SCREEN_POINT_JS = """
([view, x, y]) => {
  const svg = document.querySelector(`.map[data-view="${view}"] svg`);
  svg.scrollIntoView({block: 'center'});
  const point = svg.createSVGPoint();
  point.x = x;
  point.y = y;
  const screen = point.matrixTransform(svg.getScreenCTM());
  return [screen.x, screen.y];
}
"""

PRESSED_JS = """
() => [...document.querySelectorAll('path[data-region][aria-pressed="true"]')]
  .map(path => path.dataset.region).sort()
"""

DRAWN_SPOTS_JS = """
() => [...document.querySelectorAll('.drawn-spot')].map(circle => [
  circle.closest('.map').dataset.view,
  Number(circle.closest('.marker').dataset.x).toFixed(1),
  Number(circle.closest('.marker').dataset.y).toFixed(1),
])
"""

ZONES_SHOWN_JS = r"""
(details) => {
  // "view classes path-data" of each zone on the big map and on the
  // candidate's own diagrams: the map shows the diagrams' smooth zones.
  const zones = (paths, viewOf) => [...paths]
    .map((path) => [viewOf(path), path.getAttribute('class'), path.getAttribute('d')])
    .map((parts) => parts.join(' '))
    .sort();
  return [
    zones(document.querySelectorAll('.map[data-view] .candidate-zones path'),
          (path) => path.closest('.map').dataset.view),
    zones(details.querySelectorAll('.small-maps svg .overlay path.zone'),
          (path) => path.ownerSVGElement.getAttribute('class').match(/view-(\w+)/)[1]),
  ];
}
"""


def show_view(page, view, tap=False):
    """Turn the figure to ``view`` with its switch (a wide screen shows both)."""
    button = page.get_by_role("button", name=view.capitalize(), exact=True)
    if not button.is_visible():
        assert page.locator(f'.map[data-view="{view}"]').is_visible()
        return
    button.tap() if tap else button.click()
    assert button.get_attribute("aria-pressed") == "true"


def mark(page, atlas, region_id, tap=False):
    """Click (or tap) the map at a point inside the region."""
    region = atlas.regions[region_id]
    x, y = page.evaluate(SCREEN_POINT_JS, [region.view, *region.label_point])
    if tap:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)
    pressed = page.locator(f'path[data-region="{region_id}"]')
    assert pressed.get_attribute("aria-pressed") == "true", region.title


def ask_for_results(page, press=None):
    """Submit the drawing and wait for the ranked candidates."""
    if press:
        page.keyboard.press(press)
    else:
        page.locator(".find-button").click()
    page.locator("#results details[data-key]").first.wait_for()
    return page.locator("#results details[data-key]")


def check_candidate_drawn(page, details):
    """The open candidate's zones are the ones drawn on the big map."""
    assert details.evaluate("el => el.open")
    details.locator(".map-zones").wait_for(state="attached")  # with its diagrams
    on_map, on_diagrams = details.evaluate(ZONES_SHOWN_JS)
    assert any(" zone essential " in zone for zone in on_map)
    assert on_map == on_diagrams
    assert page.locator(".map [data-region].in-essential").count() == 0
    view = details.get_attribute("data-show-view")
    shown = page.locator(f'.map[data-view="{view}"]')
    assert shown.is_visible()
    points = json.loads(details.get_attribute("data-points"))
    crosses = page.locator(".candidate-layer .marker-cross")
    assert crosses.count() == 2 * len(points)
    lines = page.locator(".candidate-layer .referral-line")
    assert lines.count() == sum(len(point["lines"]) for point in points)


def test_patient_marks_three_spots_and_sees_a_candidate_drawn(open_page, atlas, axe):
    page = open_page("/")

    for view, region_id in SPOTS:
        show_view(page, view)
        mark(page, atlas, region_id)
    assert page.evaluate(PRESSED_JS) == sorted(region for _, region in SPOTS)
    assert page.locator("#spot-list li").count() == 3
    assert "spots=" in urlsplit(page.url).fragment

    candidates = ask_for_results(page)
    assert candidates.count() >= 2
    summary = page.locator("#results").inner_text()
    assert "right temple" in summary and "Upper trapezius" in summary
    check_candidate_drawn(page, candidates.nth(0))
    # The README's picture: the best match drawn beside the results.
    page.locator("#map-heading").evaluate("el => el.scrollIntoView()")
    save_screenshot(page, "readme-desktop", full_page=False)

    second = candidates.nth(1)
    assert second.locator("svg").count() == 0
    second.locator(":scope > summary").click()
    check_candidate_drawn(page, second)
    assert not candidates.nth(0).evaluate("el => el.open")
    # Its diagram is drawn when it is opened, not sent with the list.
    diagram = second.locator(".small-maps figure svg").first
    diagram.wait_for()
    assert "pattern over your pain" in diagram.get_attribute("aria-label")
    assert second.locator("[data-figures-for]").count() == 0

    save_screenshot(page, "patient-results-desktop")
    assert serious_violations(axe, page) == []


def test_shared_link_reproduces_the_drawing(open_page, atlas):
    page = open_page("/")
    entries = page.evaluate("() => history.length")
    for view, region_id in SPOTS:
        show_view(page, view)
        mark(page, atlas, region_id)
    drawn = page.evaluate(DRAWN_SPOTS_JS)
    url = urlsplit(page.url)

    shared = open_page(f"{url.path}#{url.fragment}")
    assert shared.evaluate(DRAWN_SPOTS_JS) == drawn
    assert shared.evaluate(PRESSED_JS) == sorted(region for _, region in SPOTS)
    assert shared.locator("#spot-list li").count() == 3
    # Each spot replaces the address: no history entry per spot.
    assert page.evaluate("() => history.length") == entries


def pick_from_list(page, query, region_id):
    """Search the region list and tick one place, by keyboard alone."""
    tab_until(page, "el => el.id === 'region-search'", key="Shift+Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    tab_until(page, f"el => el.id === 'pick-{region_id}'")
    page.keyboard.press("Space")
    assert page.locator(f"#pick-{region_id}").is_checked()


def test_patient_flow_by_keyboard_alone_through_the_region_list(open_page, atlas):
    page = open_page("/")

    tab_until(page, "el => el.id === 'region-search'")
    for query, region_id in [
        ("temple", "right-temple"),
        ("right back of neck", "right-back-of-neck"),
        ("right top of shoulder", "right-top-of-shoulder"),
    ]:
        pick_from_list(page, query, region_id)
    assert page.evaluate(PRESSED_JS) == sorted(region for _, region in SPOTS)
    status = page.locator("#map-status").inner_text()
    assert "right top of shoulder" in status.lower()

    tab_until(page, "el => el.type === 'submit' && !el.hasAttribute('data-full-page')")
    candidates = ask_for_results(page, press="Enter")
    check_candidate_drawn(page, candidates.nth(0))
    tab_until(page, "el => el.matches('#candidate-2 summary')")
    page.keyboard.press("Enter")
    check_candidate_drawn(page, candidates.nth(1))


def test_map_is_one_tab_stop_with_arrow_keys_and_enter(open_page):
    page = open_page("/")

    tab_until(page, "el => el.matches('.map[data-view=front] [data-region]')")
    first = page.evaluate("() => document.activeElement.dataset.region")
    assert page.locator(".is-focused").count() == 1
    page.keyboard.press("Enter")
    assert page.evaluate(PRESSED_JS) == [first]
    moved = None
    for key in ("ArrowDown", "ArrowRight", "ArrowLeft", "ArrowUp"):
        page.keyboard.press(key)
        moved = page.evaluate("() => document.activeElement.dataset.region")
        if moved != first:
            break
    assert moved and moved != first, "arrow keys do not move between regions"
    name = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert page.locator("#map-status").inner_text() == name
    # One tab stop for the whole map, though a wide screen shows front and
    # back side by side: Tab leaves the map; Shift+Tab comes back to the
    # region and leaves again.
    in_map = "() => document.activeElement.closest('.map[data-view]')?.dataset.view"
    page.keyboard.press("Tab")
    assert not page.evaluate(in_map)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.dataset.region") == moved
    page.keyboard.press("Shift+Tab")
    assert not page.evaluate(in_map)


@pytest.mark.parametrize("zoom", ["Head and neck"])
def test_patient_flow_on_a_phone_with_taps(open_page, atlas, zoom):
    page = open_page("/", "phone")

    # Small head regions are tapped in the close-up.
    page.get_by_role("button", name=zoom, exact=True).tap()
    for view, region_id in SPOTS:
        show_view(page, view, tap=True)
        mark(page, atlas, region_id, tap=True)
    assert page.evaluate(PRESSED_JS) == sorted(region for _, region in SPOTS)

    page.locator(".find-button").tap()
    candidates = page.locator("#results details[data-key]")
    candidates.first.wait_for()
    candidates.nth(1).locator(":scope > summary").tap()
    check_candidate_drawn(page, candidates.nth(1))

    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[1], f"{widths[0]} px wide on a {widths[1]} px phone"
    save_screenshot(page, "patient-results-phone")


def test_printable_results_page_for_the_clinician(open_page, atlas, axe):
    page = open_page("/")
    for view, region_id in SPOTS:
        show_view(page, view)
        mark(page, atlas, region_id)
    ask_for_results(page)

    page.context.on("page", open_page.watch)  # watched from its first request
    printable_button = page.get_by_role("button", name="Open a printable page")
    with page.context.expect_page() as new_tab:
        printable_button.click()
    printable = new_tab.value
    printable.wait_for_load_state()

    assert printable.url.endswith("/results")
    drawing = printable.locator(".drawing-summary")
    assert drawing.locator("svg").count() == 2  # both views were marked
    text = printable.locator(".results-body").inner_text()
    assert "right temple (moderate)" in text
    assert printable.locator("details[data-key]").count() >= 2
    assert printable.get_by_role("button", name="Print for my clinician").is_visible()
    save_screenshot(printable, "printable-results-desktop")
    assert serious_violations(axe, printable) == []
