"""The patient's flow as issue 11 asks for it, on a 1280x800 laptop and a phone.

Map position, both views at once, the legend, the results bar, zoom offers,
one scrolling results page, history, [hidden], and the printable page.
"""

from tests.browser.browser_checks import tab_until
from tests.browser.conftest import save_screenshot
from tests.browser.test_patient import (
    DRAWN_SPOTS_JS,
    PRESSED_JS,
    SCREEN_POINT_JS,
    ZONES_SHOWN_JS,
    mark,
)

MAP_TOP_JS = """
() => Math.min(...[...document.querySelectorAll('.map[data-view] svg')]
  .filter((svg) => svg.getBoundingClientRect().width > 0)
  .map((svg) => svg.getBoundingClientRect().top + window.scrollY))
  / window.innerHeight
"""

SHOWN_VIEWS_JS = """
() => [...document.querySelectorAll('.map[data-view]')]
  .filter((figure) => figure.getBoundingClientRect().width > 0)
  .map((figure) => figure.dataset.view)
"""

LINES_JS = """
() => [...document.querySelectorAll('.candidate-layer .referral-line')].map((line) => [
  line.closest('.map').dataset.view,
  Number(line.getAttribute('x2')).toFixed(1),
  Number(line.getAttribute('y2')).toFixed(1),
])
"""


TARGET_SIZES_JS = """
() => {
  // Each region's smaller side on screen (px), cut to the map it shows in.
  const sizes = (into, suffix) => {
    for (const svg of document.querySelectorAll('.map[data-view] svg')) {
      const frame = svg.getBoundingClientRect();
      if (!frame.width) continue;
      for (const path of svg.querySelectorAll('path[data-region]')) {
        const box = path.getBoundingClientRect();
        const width = Math.min(box.right, frame.right) - Math.max(box.x, frame.x);
        const height = Math.min(box.bottom, frame.bottom) - Math.max(box.y, frame.y);
        into[path.dataset.region + suffix] = Math.max(0, Math.min(width, height));
      }
    }
  };
  const whole = {};
  const zoomed = {};
  const wholeBody = document.querySelector('.zoom-button[data-zoom=""]');
  for (const view of document.querySelectorAll('.view-button')) {
    view.click();
    wholeBody.click();
    sizes(whole, '');
    for (const zoom of document.querySelectorAll('.zoom-button[data-zoom]')) {
      if (!zoom.dataset.zoom) continue;
      zoom.click();
      sizes(zoomed, ' ' + zoom.dataset.zoom);
    }
    wholeBody.click();
  }
  const zoomOf = {};
  for (const path of document.querySelectorAll('path[data-region]')) {
    zoomOf[path.dataset.region] = path.dataset.zoom || null;
  }
  return { whole, zoomed, zoomOf };
}
"""


FOCUSED_JS = """
() => [
  document.activeElement.closest('.map[data-view]')?.dataset.view ?? null,
  document.activeElement.dataset.region ?? null,
]
"""


def arrow_until_view(page, key, view, limit=40):
    """Press an arrow key until focus reaches ``view``; return the region."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused_view, region = page.evaluate(FOCUSED_JS)
        if focused_view == view:
            return region
    raise AssertionError(f"{key} never reached the {view} view")


def results_for(page):
    """Ask for results with the visible button; return the candidates."""
    bar = page.locator(".results-bar-button")
    button = bar if bar.is_visible() else page.locator(".find-button")
    button.click()
    page.locator("#results details[data-key]").first.wait_for()
    return page.locator("#results details[data-key]")


def test_laptop_shows_front_and_back_at_once_near_the_top(open_page):
    page = open_page("/", device="laptop")
    assert page.evaluate(SHOWN_VIEWS_JS) == ["front", "back"]
    assert page.evaluate(MAP_TOP_JS) <= 0.45
    assert not page.locator(".view-switch").is_visible()
    assert page.locator("#red-flags summary").is_visible()
    assert page.locator(".map-legend").is_visible()
    assert not page.locator(".results-bar").is_visible()
    save_screenshot(page, "flow-laptop-map")


def test_phone_starts_with_the_map_and_a_clear_toggle(open_page):
    page = open_page("/", device="phone")
    assert page.evaluate(MAP_TOP_JS) <= 0.60
    # the row of close-ups scrolls on its own; the page never scrolls sideways
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.evaluate(SHOWN_VIEWS_JS) == ["front"]
    toggle = page.locator(".view-switch")
    assert toggle.is_visible()
    back = toggle.get_by_role("button", name="Back", exact=True)
    back.tap()
    assert back.get_attribute("aria-pressed") == "true"
    assert page.evaluate(SHOWN_VIEWS_JS) == ["back"]
    assert page.locator("#red-flags summary").is_visible()


def test_phone_bar_counts_spots_and_results_show_the_right_view(open_page, atlas):
    page = open_page("/", device="phone")
    assert not page.locator(".results-bar").is_visible()
    page.get_by_role("button", name="Back", exact=True).tap()
    mark(page, atlas, "right-low-back", tap=True)
    bar = page.locator(".results-bar-button")
    assert bar.is_visible()
    assert bar.inner_text() == "1 spot · Show results"
    # the front view is showing when results arrive: they turn to the back,
    # where the low back and the main zones that explain it are
    page.get_by_role("button", name="Front", exact=True).tap()
    candidates = results_for(page)
    first = candidates.first
    assert first.evaluate("el => el.open")
    assert page.evaluate(SHOWN_VIEWS_JS) == ["back"]
    assert first.get_attribute("data-show-view") == "back"
    assert page.locator(".map[data-view=back] .candidate-zones .zone.essential").count()
    assert page.locator(".legend-result").first.is_visible()
    assert not bar.is_visible()
    assert page.locator(".results-bar-map").is_visible()
    save_screenshot(page, "flow-phone-results")


def test_spots_never_hide_a_zone_and_lines_go_only_to_explained_spots(open_page, atlas):
    page = open_page("/", device="laptop")
    for region_id in ("right-temple", "right-heel"):
        mark(page, atlas, region_id)
    fill = page.evaluate(
        "() => getComputedStyle(document.querySelector('.drawn-spot')).fill"
    )
    assert fill in ("none", "rgba(0, 0, 0, 0)")
    drawn = page.evaluate(DRAWN_SPOTS_JS)
    candidates = results_for(page)
    first = candidates.first
    explains = [int(i) for i in first.get_attribute("data-explains").split()]
    assert len(explains) == 1  # nothing in the data refers to temple and heel
    view, x, y = drawn[explains[0]]
    lines = page.evaluate(LINES_JS)
    assert lines, "a line from the trigger point to the spot it explains"
    for line_view, line_x, line_y in lines:
        assert line_view == view
        assert abs(float(line_x) - float(x)) < 1 and abs(float(line_y) - float(y)) < 1


def test_results_are_one_page_and_opening_another_does_not_jump(open_page, atlas):
    page = open_page("/", device="laptop")
    mark(page, atlas, "right-temple")
    candidates = results_for(page)
    assert candidates.count() >= 3
    overflow = page.evaluate(
        "() => getComputedStyle(document.querySelector('.drawing-panel')).overflowY"
    )
    assert overflow == "visible"
    third = candidates.nth(2).locator(":scope > summary")
    third.scroll_into_view_if_needed()
    before = third.evaluate("el => el.getBoundingClientRect().top")
    third.click()
    page.wait_for_timeout(200)
    after = third.evaluate("el => el.getBoundingClientRect().top")
    assert abs(after - before) <= 2
    assert candidates.nth(2).evaluate("el => el.open")
    assert not candidates.nth(0).evaluate("el => el.open")


def test_marking_replaces_history_and_back_never_shows_stale_results(open_page, atlas):
    page = open_page("/muscles", device="laptop")
    page.goto("/")
    length = page.evaluate("() => history.length")
    for region_id in ("right-temple", "right-side-of-neck"):
        mark(page, atlas, region_id)
    assert page.evaluate("() => history.length") == length
    assert "spots=" in page.url
    results_for(page)
    # changing the drawing makes the results stale: they go
    mark(page, atlas, "right-heel")
    assert page.locator("#results details[data-key]").count() == 0
    assert page.locator("#results").inner_text().startswith("Your drawing changed")
    results_for(page)
    page.go_back()
    page.wait_for_url("**/muscles")
    page.go_forward()
    page.wait_for_url("**/#*")
    pressed = page.evaluate(PRESSED_JS)
    assert pressed == ["right-heel", "right-side-of-neck", "right-temple"]
    # the results, if the browser kept them, are those of this drawing
    for text in page.locator("#results .results-drawing").all_inner_texts():
        for name in ("right temple", "right side of neck", "right heel"):
            assert name in text


def test_hidden_really_hides(open_page, browser, live_server):
    page = open_page("/", device="laptop")
    assert not page.locator("#clear-drawing").is_visible()
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        bare = context.new_page()
        bare.goto("/")
        for selector in (
            ".view-switch",
            ".zoom-switch",
            ".results-bar",
            "#clear-drawing",
        ):
            assert not bare.locator(selector).is_visible(), selector
        assert bare.evaluate(SHOWN_VIEWS_JS) == ["front", "back"]
        temple = bare.locator("#pick-right-temple")
        group = bare.locator("details.region-group").filter(has=temple)
        group.locator("summary").click()
        temple.check()
        bare.locator("form#drawing-form button[type=submit]").last.click()
        bare.wait_for_url("**/results")
        assert not bare.locator(".print-button").is_visible()
        assert bare.locator("li.candidate").count() > 1
    finally:
        context.close()


def test_the_printable_page_prints_every_candidate_and_the_drawing(open_page, atlas):
    page = open_page("/", device="laptop")
    mark(page, atlas, "right-temple")
    mark(page, atlas, "right-side-of-neck")
    results_for(page)
    with page.context.expect_page() as opened:
        page.locator("[data-full-page]").click()
    printable = opened.value
    open_page.watch(printable)
    printable.wait_for_load_state()
    printable.emulate_media(media="print")
    candidates = printable.locator("li.candidate")
    assert candidates.count() >= 5
    for i in range(candidates.count()):
        candidate = candidates.nth(i)
        assert candidate.locator("details[data-key]").evaluate("el => el.open")
        assert candidate.locator("figure svg").first.is_visible()
    shaded = printable.locator(".drawing-summary svg .drawing-area")
    assert shaded.count() == 2
    save_screenshot(printable, "flow-print")


def test_a_tap_on_a_small_region_opens_its_close_up(open_page, atlas):
    page = open_page("/", device="phone")
    region = atlas.regions["right-middle-finger-palmar"]
    x, y = page.evaluate(SCREEN_POINT_JS, ["front", *region.label_point])
    page.touchscreen.tap(x, y)
    note = page.locator(".zoom-note")
    assert note.is_visible() and "tap exactly where it hurts" in note.inner_text()
    assert page.evaluate(PRESSED_JS) == []
    pressed = page.locator(".zoom-button[aria-pressed=true]")
    assert pressed.inner_text() == "Right hand"
    finger = page.locator('path[data-region="right-middle-finger-palmar"]')
    box = finger.bounding_box()
    assert min(box["width"], box["height"]) >= 24
    mark(page, atlas, "right-middle-finger-palmar", tap=True)
    save_screenshot(page, "flow-phone-hand-zoom")


def test_the_row_of_close_ups_shows_and_scrolls_to_what_is_past_its_edge(open_page):
    page = open_page("/", device="laptop")
    row = page.locator(".map-section .zoom-switch")
    assert "more-right" in row.get_attribute("class")
    row.hover()
    page.mouse.wheel(0, 2000)
    page.wait_for_function(
        "() => !document.querySelector('.map-section .zoom-switch')"
        ".classList.contains('more-right')"
    )
    last = row.locator(".zoom-button").last
    last.click()
    assert last.get_attribute("aria-pressed") == "true"


def test_a_mouse_marks_small_regions_directly(open_page, atlas):
    page = open_page("/", device="laptop")
    mark(page, atlas, "right-middle-finger-palmar")
    assert not page.locator(".zoom-note").is_visible()


def test_every_region_too_small_to_tap_on_a_phone_is_big_in_its_close_up(open_page):
    page = open_page("/", device="phone")
    sizes = page.evaluate(TARGET_SIZES_JS)
    small = sorted(region_id for region_id, size in sizes["whole"].items() if size < 24)
    assert "right-outer-elbow-front" in small and "left-back-of-elbow" in small
    too_small = {
        region_id: (zoom, sizes["zoomed"].get(f"{region_id} {zoom}"))
        for region_id in small
        if (zoom := sizes["zoomOf"][region_id]) is None
        or sizes["zoomed"][f"{region_id} {zoom}"] < 24
    }
    assert not too_small, too_small
    for side in ("right", "left"):
        for region_id in (f"{side}-elbow-crease", f"{side}-back-of-elbow"):
            assert sizes["zoomOf"][region_id] == f"{side}-elbow"


def test_a_tap_near_an_elbow_opens_its_close_up(open_page, atlas):
    page = open_page("/", device="phone")
    page.get_by_role("button", name="Back", exact=True).tap()
    region = atlas.regions["left-back-of-elbow"]
    x, y = page.evaluate(SCREEN_POINT_JS, ["back", *region.label_point])
    page.touchscreen.tap(x, y)
    note = page.locator(".zoom-note")
    assert note.is_visible()
    assert "Left back of elbow (olecranon)" in note.inner_text()
    assert "left elbow closer" in note.inner_text()
    assert note.evaluate("el => el.getBoundingClientRect().top >= 0")
    assert page.evaluate(PRESSED_JS) == []
    pressed = page.locator(".zoom-button[aria-pressed=true]")
    assert pressed.inner_text() == "Left elbow"
    for region_id in (
        "left-back-of-elbow",
        "left-outer-elbow",
        "left-inner-elbow-back",
    ):
        box = page.locator(f'path[data-region="{region_id}"]').bounding_box()
        assert min(box["width"], box["height"]) >= 24, region_id
    mark(page, atlas, "left-back-of-elbow", tap=True)
    assert page.evaluate(PRESSED_JS) == ["left-back-of-elbow"]
    save_screenshot(page, "flow-phone-elbow-zoom", full_page=False)


def test_the_whole_map_is_one_tab_stop_and_arrows_cross_views(open_page):
    page = open_page("/", device="laptop")
    assert page.locator(".map [data-region][tabindex='0']").count() == 1
    tab_until(page, "el => !!el.closest('.map[data-view]')")
    assert page.evaluate(FOCUSED_JS)[0] == "front"
    back_region = arrow_until_view(page, "ArrowRight", "back")
    name = page.locator(f'[data-region="{back_region}"]').get_attribute("aria-label")
    assert name.endswith("(back)")
    assert page.locator("#map-status").inner_text() == name
    assert page.locator(".map [data-region][tabindex='0']").count() == 1
    page.keyboard.press("Space")
    assert page.evaluate(PRESSED_JS) == [back_region]
    save_screenshot(page, "flow-laptop-keyboard-focus", full_page=False)
    # Tab leaves the map from either view; Shift+Tab comes back where it was
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_JS)[0] is None
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_JS) == ["back", back_region]
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_JS)[0] is None
    page.keyboard.press("Tab")
    assert arrow_until_view(page, "ArrowLeft", "front")


def test_on_a_phone_the_tab_stop_follows_the_view_shown(open_page):
    page = open_page("/", device="phone")
    tab_until(page, "el => el.matches('.view-button[data-view=back]')")
    page.keyboard.press("Enter")
    tab_until(page, "el => !!el.closest('.map[data-view]')")
    view, region = page.evaluate(FOCUSED_JS)
    assert view == "back"
    for key in ("ArrowLeft", "ArrowRight") * 10:
        page.keyboard.press(key)
        assert page.evaluate(FOCUSED_JS)[0] == "back", "focus went to a hidden view"


ZONES_UNDER_REGIONS_JS = """
() => [...document.querySelectorAll('.candidate-zones')].every((zones) =>
  zones.compareDocumentPosition(zones.parentNode.querySelector('.regions'))
    & Node.DOCUMENT_POSITION_FOLLOWING)
"""


def test_the_map_draws_the_open_result_smooth_as_its_chart_does(open_page, atlas):
    page = open_page("/", device="laptop")
    for region_id in ("right-temple", "right-back-of-neck"):
        mark(page, atlas, region_id)
    assert page.locator(".map .is-focused").count() == 0, "a ring after a click"
    candidates = results_for(page)
    zones = page.locator(".map[data-view] .candidate-zones path.zone")
    assert zones.count() >= 2
    # smooth outlines (curves), the very paths of the result's own diagrams
    for data in zones.evaluate_all("paths => paths.map(p => p.getAttribute('d'))"):
        assert "Q" in data
    on_map, on_diagrams = candidates.first.evaluate(ZONES_SHOWN_JS)
    assert on_map == on_diagrams
    assert page.locator(".map [data-region][class*='in-']").count() == 0
    # under the regions, which stay what a click finds; marked places are
    # outlined, so they never hide a zone
    assert page.evaluate(ZONES_UNDER_REGIONS_JS)
    fill = page.evaluate(
        "() => getComputedStyle(document.getElementById('region-right-temple')).fill"
    )
    assert fill == "none"
    mark(page, atlas, "right-heel")  # still marks, through the zones
    results_for(page)
    # the key names what is drawn
    for zone in ("essential", "spillover", "local"):
        drawn = page.locator(f".candidate-zones .zone.{zone}").count() > 0
        assert page.locator(f".legend-result[data-zone={zone}]").is_visible() == drawn
    # a closed result's zones come with its diagrams when it is opened
    third = page.locator("#results details[data-key]").nth(2)
    third.locator(":scope > summary").click()
    third.locator(".map-zones").wait_for(state="attached")
    on_map, on_diagrams = third.evaluate(ZONES_SHOWN_JS)
    assert on_map and on_map == on_diagrams
    page.locator("#map-heading").evaluate("el => el.scrollIntoView()")
    save_screenshot(page, "flow-laptop-results-smooth", full_page=False)


MARKS_ON_SCREEN_JS = """
() => {
  const front = document.querySelector('.map[data-view="front"]');
  const svg = front.querySelector('svg').getBoundingClientRect();
  const labels = [...front.querySelectorAll('.side-labels text')]
    .map((text) => text.getBoundingClientRect());
  const inside = (box) => box.left >= svg.left - 1 && box.right <= svg.right + 1
    && box.top >= svg.top - 1;
  const ring = front.querySelector('.drawn-spot');
  return {
    ring: ring && Math.round(ring.getBoundingClientRect().height),
    labelHeights: labels.map((box) => Math.round(box.height)),
    labelsInside: labels.every(inside),
  };
}
"""


def test_a_close_up_keeps_spots_and_side_labels_at_their_usual_size(open_page, atlas):
    """Without this the head close-up showed FRONT 150 px tall and rings of 45 px."""
    page = open_page("/", device="phone")
    mark(page, atlas, "forehead", tap=True)
    whole = page.evaluate(MARKS_ON_SCREEN_JS)
    page.get_by_role("button", name="Head and neck").tap()
    close = page.evaluate(MARKS_ON_SCREEN_JS)
    assert close["labelsInside"] and whole["labelsInside"]
    assert max(close["labelHeights"]) <= max(whole["labelHeights"]) + 2
    # a ring keeps its size, or grows to a readable 20 px across, no more
    assert whole["ring"] - 2 <= close["ring"] <= max(whole["ring"], 24) + 2
    mark(page, atlas, "right-temple", tap=True)
    save_screenshot(page, "flow-phone-head-zoom")


FOCUS_IN_VIEW_JS = """
() => {
  const region = document.activeElement;
  const view = region.ownerSVGElement.viewBox.baseVal;
  const box = region.getBBox();
  return box.x < view.x + view.width && box.x + box.width > view.x
    && box.y < view.y + view.height && box.y + box.height > view.y;
}
"""


def test_arrow_keys_stay_inside_a_close_up(open_page):
    page = open_page("/", device="laptop")
    page.get_by_role("button", name="Right hand").click()
    tab_until(page, "el => !!el.closest('.map[data-view]')")
    assert page.evaluate(FOCUS_IN_VIEW_JS)
    visited = set()
    for key in ["ArrowUp"] * 8 + ["ArrowRight"] * 8 + ["ArrowDown"] * 8:
        page.keyboard.press(key)
        view, region = page.evaluate(FOCUSED_JS)
        assert page.evaluate(FOCUS_IN_VIEW_JS), (key, view, region)
        visited.add(region)
    assert len(visited) >= 4
    assert any("finger" in region or "thumb" in region for region in visited)


MAP_WIDTHS_JS = """
() => {
  const maps = document.querySelector('.maps').getBoundingClientRect().width;
  return [...document.querySelectorAll('.map[data-view] svg')]
    .map((svg) => svg.getBoundingClientRect().width / maps);
}
"""


def test_a_close_up_with_a_result_shown_keeps_both_maps_large(open_page, atlas):
    """The key used to sit beside the maps in a close-up and squeeze them."""
    page = open_page("/", device="laptop")
    mark(page, atlas, "forehead")
    results_for(page)
    page.get_by_role("button", name="Head and neck").click()
    widths = page.evaluate(MAP_WIDTHS_JS)
    assert len(widths) == 2 and min(widths) > 0.35, widths
    legend = page.locator(".map-legend").bounding_box()
    svg = page.locator(".map[data-view=front] svg").bounding_box()
    assert legend["y"] >= svg["y"] + svg["height"] - 1
