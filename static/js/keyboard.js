// Keyboard access to a body map, shared by every page that has one.
//
// One tab stop per map (a roving tabindex), the arrow keys move to the
// neighbouring region lying most in that direction (neighbours come from the
// server's shapely `touches`), Enter or Space activates the focused region.

const ARROWS = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

function centre(element) {
  const box = element.getBBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

function neighbourInDirection(svg, region, direction) {
  const from = centre(region);
  let best = null;
  let bestScore = -Infinity;
  for (const id of (region.dataset.neighbours || "").split(" ")) {
    const other = id && svg.querySelector('[data-region="' + id + '"]');
    if (!other) continue;
    const to = centre(other);
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    const length = Math.hypot(dx, dy) || 1;
    const along = (dx * direction[0] + dy * direction[1]) / length;
    if (along <= 0.3) continue;
    const score = along - length / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}

// Make the regions of `svg` operable. `options.activate(region)` runs on
// Enter or Space (and on a click unless `options.clicks` is false);
// `options.announce(text)` tells screen readers where focus went.
export function makeOperable(svg, options) {
  const regions = svg.querySelectorAll('.region[role="button"]');
  if (!regions.length) return;
  let current = regions[0];
  current.setAttribute("tabindex", "0");
  // Chromium makes an <svg> with focus listeners a tab stop of its own; keep
  // the map to one stop, its regions.
  svg.setAttribute("tabindex", "-1");

  function focusRegion(region) {
    current.setAttribute("tabindex", "-1");
    current.classList.remove("is-focused");
    current = region;
    current.setAttribute("tabindex", "0");
    current.classList.add("is-focused");
    current.focus();
  }

  svg.addEventListener("focusin", (event) => {
    const region = event.target.closest(".region");
    if (region) region.classList.add("is-focused");
  });
  svg.addEventListener("focusout", (event) => {
    const region = event.target.closest(".region");
    if (region) region.classList.remove("is-focused");
  });
  if (options.clicks !== false) {
    svg.addEventListener("click", (event) => {
      const region = event.target.closest('.region[role="button"]');
      if (!region) return;
      focusRegion(region);
      options.activate(region);
    });
  }
  svg.addEventListener("keydown", (event) => {
    const region = event.target.closest('.region[role="button"]');
    if (!region) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      options.activate(region);
    } else if (ARROWS[event.key]) {
      event.preventDefault();
      const next = neighbourInDirection(svg, region, ARROWS[event.key]);
      if (next) {
        focusRegion(next);
        if (options.announce) options.announce(next.getAttribute("aria-label"));
      }
    }
  });
}
