"""In-page checks shared by the browser tests (JavaScript run through Playwright)."""

MIN_TARGET = 24

# Links, buttons and other controls a finger must hit, with their boxes.  The
# map's own regions are left out: the region list is their full-size
# equivalent (WCAG 2.2, 2.5.8 "equivalent" exception).
TARGETS_JS = """
() => {
  const selector = 'a[href], button, summary, input, select, textarea, [role="button"]';
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && box.width > 0 && box.height > 0
      && box.right > 0 && box.bottom > -window.scrollY;
  };
  // A link in running text: inline, in a paragraph or beside words of its own.
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    if (el.parentElement.closest('p')) return true;
    const words = [...el.parentElement.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent.trim()).join('');
    return words.length > 3;
  };
  return [...document.querySelectorAll(selector)]
    .filter((el) => !el.closest('svg') && visible(el))
    .map((el) => {
      const box = el.getBoundingClientRect();
      return {
        name: (el.getAttribute('aria-label') || el.innerText || el.outerHTML)
          .trim().slice(0, 60),
        x: box.left + window.scrollX, y: box.top + window.scrollY,
        width: box.width, height: box.height, inline: inSentence(el),
      };
    });
}
"""


def _distance_to_box(x, y, box):
    dx = max(box["x"] - x, 0, x - (box["x"] + box["width"]))
    dy = max(box["y"] - y, 0, y - (box["y"] + box["height"]))
    return (dx * dx + dy * dy) ** 0.5


def _centre(box):
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def undersized_targets(targets):
    """Return the targets that break WCAG 2.2's 24 px target-size rule.

    A target passes when it is at least 24 x 24 px, when it is a link inside a
    sentence, or when a 24 px circle on its centre touches no other target and
    no other small target's circle (the spacing exception).
    """
    small = [
        box
        for box in targets
        if min(box["width"], box["height"]) < MIN_TARGET and not box["inline"]
    ]
    failures = []
    radius = MIN_TARGET / 2
    for box in small:
        x, y = _centre(box)
        crowded = any(
            other is not box and _distance_to_box(x, y, other) < radius
            for other in targets
        ) or any(
            other is not box
            and ((x - _centre(other)[0]) ** 2 + (y - _centre(other)[1]) ** 2) ** 0.5
            < MIN_TARGET
            for other in small
        )
        if crowded:
            failures.append(f"{box['name']!r}: {box['width']:.0f}x{box['height']:.0f}")
    return failures


FOCUS_STYLE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const marked = el.classList.contains('is-focused')
    || !!el.querySelector('.is-focused');
  const label = el.getAttribute('aria-label') || el.innerText || el.tagName;
  return {name: label.trim().slice(0, 60), visible: outline || shadow || marked};
}
"""


def tab_until(page, predicate_js, key="Tab", limit=400):
    """Press Tab (or ``key``) until ``predicate_js`` holds for the focused element."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate(f"({predicate_js})(document.activeElement)"):
            return presses
    raise AssertionError(f"Tab never reached an element matching {predicate_js}")
