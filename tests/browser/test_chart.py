"""The chart as people see it: readable legend, cropped diagrams, no seams."""

import pytest

LEGEND_PX = """() => [...document.querySelectorAll('.legend-text')]
  .filter(t => t.getBoundingClientRect().width > 0)
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""

SEAMS = """() => [...document.querySelectorAll('path[data-region]')]
  .filter(r => getComputedStyle(r).stroke !== 'none').length"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("muscle", ["temporalis", "infraspinatus", "soleus"])
def test_legend_text_is_at_least_12_px_as_shown(open_page, device, muscle):
    page = open_page(f"/muscles/{muscle}", device=device)
    sizes = page.evaluate(LEGEND_PX)
    assert sizes and min(sizes) >= 12, sizes


def test_region_borders_are_invisible_until_used(open_page):
    page = open_page("/")
    assert page.evaluate(SEAMS) == 0
    assert page.locator("svg .landmark").count() >= 24


def test_a_head_muscle_is_drawn_on_the_head_with_a_locator(open_page):
    page = open_page("/muscles/temporalis")
    heights = page.evaluate(
        """() => [...document.querySelectorAll('.pattern-set svg.body-map')]
          .map(s => s.viewBox.baseVal.height)"""
    )
    assert heights and max(heights) <= 0.35 * 980
    assert page.locator(".pattern-set svg .locator").count() == len(heights)
