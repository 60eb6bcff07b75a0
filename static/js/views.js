// Front/back switch and zoom for the body maps of a section. Without
// JavaScript both views show side by side; with it, one at a time.

// Show one view in `root` (a .map-section) and say so with a "bodymap:view" event.
export function setView(root, viewId) {
  root.querySelectorAll(".view-button").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.dataset.view === viewId));
  });
  root.querySelectorAll(".map[data-view]").forEach((figure) => {
    figure.hidden = figure.dataset.view !== viewId;
  });
  root.dispatchEvent(new CustomEvent("bodymap:view", { detail: { view: viewId }, bubbles: true }));
}

// Zoom: swap each map's viewBox for a close-up of the head, a hand or the
// feet, where regions are too small to tap on a phone.
function setZoom(root, button) {
  root.querySelectorAll(".zoom-button").forEach((other) => {
    other.setAttribute("aria-pressed", String(other === button));
  });
  root.querySelectorAll(".map[data-view] svg").forEach((svg) => {
    if (!svg.dataset.wholeBody) svg.dataset.wholeBody = svg.getAttribute("viewBox");
    const view = svg.closest(".map").dataset.view;
    svg.setAttribute("viewBox", button.dataset[view] || svg.dataset.wholeBody);
  });
}

function initZoom(root) {
  const zoom = root.querySelector(".zoom-switch");
  if (!zoom) return;
  zoom.hidden = false;
  zoom.addEventListener("click", (event) => {
    const button = event.target.closest(".zoom-button");
    if (button) setZoom(root, button);
  });
}

// Turn on the view switch and zoom buttons of a .map-section.
export function initViews(root) {
  initZoom(root);
  const switcher = root.querySelector(".view-switch");
  if (!switcher) return;
  switcher.hidden = false;
  root.classList.add("js-views");
  switcher.addEventListener("click", (event) => {
    const button = event.target.closest(".view-button");
    if (button) setView(root, button.dataset.view);
  });
  const first = switcher.querySelector(".view-button");
  if (first) setView(root, first.dataset.view);
}
