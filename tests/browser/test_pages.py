"""Every kind of page in a real browser: clean, accessible, usable on a phone."""

import pytest

from tests.browser.browser_checks import (
    FOCUS_STYLE_JS,
    TARGETS_JS,
    tab_until,
    undersized_targets,
)
from tests.browser.conftest import save_screenshot, serious_violations

PAGES = {
    "home": ("/", 200),
    "muscle": ("/muscles/upper-trapezius", 200),
    "muscles": ("/muscles", 200),
    "muscle-search": ("/muscles?q=temple", 200),
    "study": ("/study", 200),
    "region": ("/regions/right-temple", 200),
    "compare": ("/compare?muscles=upper-trapezius&muscles=temporalis", 200),
    "quiz-start": ("/study/quiz", 200),
    "quiz-identify": ("/study/quiz?seed=7&mode=identify", 200),
    "quiz-locate": ("/study/quiz?seed=7&mode=locate", 200),
    "sheet": ("/study/sheet/neck", 200),
    "diary": ("/diary", 200),
    "not-found": ("/no-such-page", 404),
}
DEVICES = ["desktop", "phone"]

MENU_LINKS_CUT_OFF_JS = """() => {
  const menu = document.querySelector('.site-header nav').getBoundingClientRect();
  const right = Math.min(menu.right, window.innerWidth) + 0.5;
  return [...document.querySelectorAll('.site-header nav a')]
    .filter((a) => a.offsetParent !== null)
    .filter((a) => a.getBoundingClientRect().right > right)
    .map((a) => a.textContent);
}"""
"""The menu scrolls sideways when it must: a link past its edge is hidden."""


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_clean_and_accessible(open_page, axe, name, device):
    path, status = PAGES[name]
    page = open_page(path, device, expect_status=status if status != 200 else None)

    save_screenshot(page, f"{name}-{device}")
    assert serious_violations(axe, page) == []
    # The page-level watch (no off-origin requests, no console errors, no
    # failed requests, favicon included) is checked when the test ends.


@pytest.mark.parametrize("name", PAGES)
def test_phone_has_no_horizontal_scroll_and_big_enough_targets(open_page, name):
    path, status = PAGES[name]
    page = open_page(path, "phone", expect_status=status if status != 200 else None)

    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[1], f"{widths[0]} px wide on a {widths[1]} px phone"
    assert page.evaluate(MENU_LINKS_CUT_OFF_JS) == []
    assert undersized_targets(page.evaluate(TARGETS_JS)) == []


@pytest.mark.parametrize("device", ["phone", "narrow-phone"])
def test_every_menu_link_shows_on_a_phone(open_page, device):
    page = open_page("/", device)
    assert page.evaluate(MENU_LINKS_CUT_OFF_JS) == []
    menu = page.locator(".site-header nav").bounding_box()
    assert menu["y"] + menu["height"] < 90, "the header takes too much of the screen"


@pytest.mark.parametrize("name", PAGES)
def test_keyboard_focus_is_always_visible(open_page, name):
    path, status = PAGES[name]
    page = open_page(path, expect_status=status if status != 200 else None)

    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE_JS)
        if focus is None:
            break
        seen.append(focus)
    assert seen, "nothing on the page takes keyboard focus"
    assert [focus["name"] for focus in seen if not focus["visible"]] == []


def test_skip_link_appears_on_focus_and_jumps_to_content(open_page):
    page = open_page("/muscles")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "skip link stays off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"


def visible_view(page):
    """Return the ids of the map views currently shown."""
    return page.eval_on_selector_all(
        ".map[data-view]",
        "figures => figures.filter(f => !f.hidden).map(f => f.dataset.view)",
    )


def test_view_switch_by_click(open_page):
    page = open_page("/", "phone")
    front = page.get_by_role("button", name="Front", exact=True)
    back = page.get_by_role("button", name="Back", exact=True)

    assert visible_view(page) == ["front"]
    assert front.get_attribute("aria-pressed") == "true"
    back.click()
    assert visible_view(page) == ["back"]
    assert back.get_attribute("aria-pressed") == "true"
    assert front.get_attribute("aria-pressed") == "false"
    front.click()
    assert visible_view(page) == ["front"]


@pytest.mark.parametrize("key", ["Enter", " "])
def test_view_switch_by_keyboard(open_page, key):
    page = open_page("/", "phone")

    tab_until(page, "el => el.matches('.view-button[data-view=back]')")
    page.keyboard.press(key)
    assert visible_view(page) == ["back"]
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.dataset.view") == "front"
    page.keyboard.press(key)
    assert visible_view(page) == ["front"]


def test_every_map_region_is_a_named_button(open_page, atlas):
    page = open_page("/")

    regions = page.eval_on_selector_all(
        ".map [data-region]",
        """paths => paths.map(p => ({
            id: p.dataset.region, role: p.getAttribute('role'),
            name: p.getAttribute('aria-label'), pressed: p.getAttribute('aria-pressed'),
        }))""",
    )
    assert sorted(region["id"] for region in regions) == sorted(atlas.regions)
    for region in regions:
        assert region["role"] == "button", region
        assert region["name"] == atlas.regions[region["id"]].title, region
        assert region["pressed"] in ("true", "false"), region
    # The accessibility tree exposes the shown view's regions by name.
    # (a wide screen shows both views, so there is no switch to press)
    assert not page.locator(".view-switch").is_visible()
    for view_id in ("front", "back"):
        for region in atlas.regions_of(view_id):
            button = page.get_by_role("button", name=region.title, exact=True)
            assert button.count() == 1, region.title


def test_referral_zones_do_not_rely_on_colour_alone(open_page):
    page = open_page("/muscles/upper-trapezius")

    fills = page.eval_on_selector_all(
        ".overlay .zone",
        """zones => zones.map(z => ({
            classes: z.getAttribute('class'), fill: getComputedStyle(z).fill,
        }))""",
    )
    essential = [zone["fill"] for zone in fills if "essential" in zone["classes"]]
    spillover = [zone["fill"] for zone in fills if "spillover" in zone["classes"]]
    assert essential and spillover
    assert all(not fill.startswith("url(") for fill in essential)
    assert all(fill.startswith("url(") and "stipple" in fill for fill in spillover)
    # The README's second picture: a muscle's pattern, essential and spillover.
    page.locator("#pattern-heading").evaluate("el => el.scrollIntoView()")
    save_screenshot(page, "readme-muscle-desktop", full_page=False)


def test_region_lists_have_big_enough_targets_on_a_phone(open_page):
    home = open_page("/", "phone")
    home.locator("#region-search").fill("right")
    assert home.locator(".region-group[open]").count() > 0
    assert undersized_targets(home.evaluate(TARGETS_JS)) == []

    quiz = open_page("/study/quiz?seed=7&mode=locate", "phone")
    quiz.locator(".region-picker > summary").tap()
    assert quiz.locator(".region-picker input[name=regions]").first.is_visible()
    assert undersized_targets(quiz.evaluate(TARGETS_JS)) == []
