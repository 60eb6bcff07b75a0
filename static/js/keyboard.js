// Keyboard access to a body map, shared by every page that has one.
//
// One tab stop for the whole map, however many views it shows (a roving
// tabindex): the arrow keys move to the neighbouring region lying most in that
// direction (neighbours come from the server's shapely `touches`), and left or
// right past the edge of one view into the view beside it; Enter or Space
// activates the focused region; Tab leaves the map.

const ARROWS = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};
const REGION = '.region[role="button"]';

function centre(element) {
  const box = element.getBBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

function screenCentre(element) {
  const box = element.getBoundingClientRect();
  return [box.left + box.width / 2, box.top + box.height / 2];
}

// True when part of `region` lies inside what its map shows now (all of it,
// or a close-up's box).
function inView(region) {
  const view = region.ownerSVGElement?.viewBox.baseVal;
  if (!view || !view.width) return true;
  const box = region.getBBox();
  return (
    box.x < view.x + view.width &&
    box.x + box.width > view.x &&
    box.y < view.y + view.height &&
    box.y + box.height > view.y
  );
}

function isShown(region) {
  const figure = region.closest(".map");
  return !(figure && figure.hidden) && region.getClientRects().length > 0 && inView(region);
}

function neighbourInDirection(svg, region, direction) {
  const from = centre(region);
  let best = null;
  let bestScore = -Infinity;
  for (const id of (region.dataset.neighbours || "").split(" ")) {
    const other = id && svg.querySelector('[data-region="' + id + '"]');
    if (!other || !inView(other)) continue;
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

// Left or right from the edge of one view: the region of the nearest view
// beside it, on that view's near side and at about the same height on screen.
function acrossViews(root, region, direction) {
  if (!direction[0]) return null;
  const svg = region.ownerSVGElement;
  const from = screenCentre(region);
  let best = null;
  let bestScore = Infinity;
  for (const other of root.querySelectorAll(REGION)) {
    if (other.ownerSVGElement === svg || !isShown(other)) continue;
    const to = screenCentre(other);
    const dx = (to[0] - from[0]) * direction[0];
    if (dx <= 0) continue;
    const score = dx + 3 * Math.abs(to[1] - from[1]);
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}

// Make the regions under `root` operable: `root` is one map's <svg> or an
// element holding several (front and back side by side), which then share one
// tab stop. `options.activate(region)` runs on Enter or Space (and on a click
// unless `options.clicks` is false); `options.announce(text)` tells screen
// readers where focus went.
export function makeOperable(root, options) {
  const regions = [...root.querySelectorAll(REGION)];
  if (!regions.length) return;
  let current = regions.find(isShown) || regions[0];
  const lastIn = new Map();
  for (const region of regions) region.setAttribute("tabindex", "-1");
  current.setAttribute("tabindex", "0");
  // Chromium makes an <svg> with focus listeners a tab stop of its own; keep
  // the map to one stop, its regions.
  const svgs = root instanceof SVGSVGElement ? [root] : root.querySelectorAll("svg");
  svgs.forEach((svg) => svg.setAttribute("tabindex", "-1"));

  function setCurrent(region) {
    current.setAttribute("tabindex", "-1");
    current.classList.remove("is-focused");
    current = region;
    lastIn.set(region.ownerSVGElement, region);
    current.setAttribute("tabindex", "0");
  }

  function focusRegion(region) {
    setCurrent(region);
    current.focus();
  }

  // A view was hidden (one view at a time on a phone) or a close-up chosen:
  // keep the tab stop on a region that shows, the one last focused there if
  // it still shows.
  const keepTabStopShown = () => {
    if (isShown(current)) return;
    const shown = [...svgs].find((svg) => !svg.closest(".map")?.hidden);
    if (!shown) return;
    const last = lastIn.get(shown);
    const first = [...shown.querySelectorAll(REGION)].find(isShown);
    setCurrent(last && isShown(last) ? last : first || current);
  };
  document.addEventListener("bodymap:view", keepTabStopShown);
  document.addEventListener("bodymap:zoom", keepTabStopShown);

  // The ring shows for the keyboard, not after a click or a tap.
  root.addEventListener("focusin", (event) => {
    const region = event.target.closest(".region");
    if (region && region.matches(":focus-visible")) region.classList.add("is-focused");
  });
  root.addEventListener("focusout", (event) => {
    const region = event.target.closest(".region");
    if (region) region.classList.remove("is-focused");
  });
  if (options.clicks !== false) {
    root.addEventListener("click", (event) => {
      const region = event.target.closest(REGION);
      if (!region) return;
      focusRegion(region);
      options.activate(region);
    });
  }
  root.addEventListener("keydown", (event) => {
    const region = event.target.closest(REGION);
    if (!region) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      options.activate(region);
    } else if (ARROWS[event.key]) {
      event.preventDefault();
      const direction = ARROWS[event.key];
      const next =
        neighbourInDirection(region.ownerSVGElement, region, direction) ||
        acrossViews(root, region, direction);
      if (next) {
        focusRegion(next);
        if (options.announce) options.announce(next.getAttribute("aria-label"));
      }
    }
  });
}
