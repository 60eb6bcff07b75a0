// Front/back switch and zoom for the body maps of a section. Without
// JavaScript both views show side by side. With it, a narrow screen shows one
// view at a time with a toggle; a section started with `bothWhenWide` keeps
// both views side by side on a wide screen and hides the toggle there.

const NARROW = matchMedia("(max-width: 52rem)");
const COARSE = matchMedia("(pointer: coarse)");
export const MIN_TARGET = 24;

function singleView(root) {
  return root.dataset.singleView === "true";
}

// Show `viewId` in `root` (a .map-section): the only one on a narrow screen;
// say so with a "bodymap:view" event.
export function setView(root, viewId) {
  root.dataset.view = viewId;
  root.querySelectorAll(".view-button").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.dataset.view === viewId));
  });
  const single = singleView(root);
  root.querySelectorAll(".map[data-view]").forEach((figure) => {
    figure.hidden = single && figure.dataset.view !== viewId;
    const svg = figure.querySelector("svg");
    if (svg && !figure.hidden) rescaleMarkers(svg);
  });
  root.dispatchEvent(new CustomEvent("bodymap:view", { detail: { view: viewId }, bubbles: true }));
}

function boxOf(text) {
  return text.split(/[\s,]+/).map(Number);
}

// Screen pixels per view unit of `svg` as laid out now (0 while hidden).
function pixelsPerUnit(svg) {
  const [, , width, height] = boxOf(svg.getAttribute("viewBox"));
  const box = svg.getBoundingClientRect();
  return box.width && box.height ? Math.min(box.width / width, box.height / height) : 0;
}

function showsWholeBody(svg) {
  return !svg.dataset.wholeBody || svg.getAttribute("viewBox") === svg.dataset.wholeBody;
}

// How much something drawn in view units must shrink in a close-up to keep
// the size it has on the whole body, measured on screen (the whole body is
// often fitted to the screen's height and a close-up to its width). Until
// the whole body has been seen, the ratio of the boxes' widths stands in.
function sizeKeepingScale(svg) {
  if (showsWholeBody(svg)) return 1;
  const here = pixelsPerUnit(svg);
  const whole = Number(svg.dataset.wholeScale || 0);
  if (here && whole) return whole / here;
  return boxOf(svg.getAttribute("viewBox"))[2] / boxOf(svg.dataset.wholeBody)[2];
}

// Markers keep their size too, but a spot's ring grows to a readable size
// where the whole body drew it smaller (its number is inside).
export const RING_UNITS = 7;
const MIN_RING_PIXELS = 10;
function markerScale(svg) {
  const here = pixelsPerUnit(svg);
  const readable = here ? MIN_RING_PIXELS / (RING_UNITS * here) : 0;
  return Math.min(1, Math.max(sizeKeepingScale(svg), readable));
}

// Put `marker` (a <g> drawn around 0,0: a spot's ring, a trigger point's X)
// at x, y of `svg`, at the size it has on the whole body.
export function placeMarker(svg, marker, x, y) {
  marker.classList.add("marker");
  marker.dataset.x = x;
  marker.dataset.y = y;
  marker.setAttribute("transform", `translate(${x} ${y}) scale(${markerScale(svg)})`);
}

// After a zoom, a view switch or a resize: markers keep their size on
// screen, and the R, L and FRONT/BACK labels go to the close-up's top corners
// at their usual size.
function rescaleMarkers(svg) {
  if (showsWholeBody(svg) && pixelsPerUnit(svg)) svg.dataset.wholeScale = pixelsPerUnit(svg);
  const markers = markerScale(svg);
  svg.querySelectorAll(".marker").forEach((marker) => {
    const { x, y } = marker.dataset;
    marker.setAttribute("transform", `translate(${x} ${y}) scale(${markers})`);
  });
  const scale = sizeKeepingScale(svg);
  const labels = svg.querySelector(".side-labels");
  if (!labels || !svg.dataset.wholeBody) return;
  if (!labels.dataset.wholeBody) labels.dataset.wholeBody = labels.getAttribute("transform");
  const [x0, y0] = boxOf(svg.dataset.wholeBody);
  const [x, y, width] = boxOf(svg.getAttribute("viewBox"));
  const [tx, ty, s] = labels.dataset.wholeBody.match(/-?[\d.]+/g).map(Number);
  const moved = `translate(${x + (tx - x0) * scale} ${y + (ty - y0) * scale})`;
  labels.setAttribute("transform", `${moved} scale(${s * scale})`);
  // R and L stay in the corners, FRONT or BACK in the middle.
  const across = width / (s * scale);
  const [left, right] = labels.querySelectorAll(".side-label");
  const name = labels.querySelector(".view-label");
  if (right) right.setAttribute("x", across - Number(left.getAttribute("x")));
  if (name) name.setAttribute("x", across / 2);
}

// Zoom: swap each map's viewBox for a close-up (the head, an elbow, a hand,
// the feet ...), where regions are too small to tap.
export function setZoom(root, button) {
  root.dataset.zoom = button.dataset.zoom;
  root.querySelectorAll(".zoom-button").forEach((other) => {
    other.setAttribute("aria-pressed", String(other === button));
  });
  root.querySelectorAll(".map[data-view] svg").forEach((svg) => {
    if (!svg.dataset.wholeBody) svg.dataset.wholeBody = svg.getAttribute("viewBox");
    rescaleMarkers(svg); // notes the whole body's scale while it shows
    const view = svg.closest(".map").dataset.view;
    svg.setAttribute("viewBox", button.dataset[view] || svg.dataset.wholeBody);
    rescaleMarkers(svg);
  });
  const note = root.querySelector(".zoom-note");
  if (note) note.hidden = true;
  root.dispatchEvent(new CustomEvent("bodymap:zoom", { bubbles: true }));
}

// True when the maps show the whole body (no close-up chosen).
export function isWholeBody(root) {
  const pressed = root.querySelector(".zoom-button[aria-pressed='true']");
  return !pressed || !pressed.dataset.zoom;
}

// The close-up button to pick the region `path` from (the server names it in
// the region's data-zoom), or null.
export function zoomFor(root, path) {
  const zoom = path.dataset.zoom;
  return (zoom && root.querySelector(`.zoom-button[data-zoom="${zoom}"]`)) || null;
}

// True when a finger taps a region smaller than a fingertip target on screen
// (a mouse is precise enough for any region).
export function isSmallOnScreen(path) {
  if (!COARSE.matches) return false;
  const box = path.getBoundingClientRect();
  return Math.min(box.width, box.height) < MIN_TARGET;
}

// Open the close-up `button` for a tap that landed on a region too small to
// pick at this size, and say so just above the map, where the person looks.
export function zoomInFor(root, button, regionName) {
  setZoom(root, button);
  const note = root.querySelector(".zoom-note");
  if (!note) return;
  note.textContent =
    regionName.charAt(0).toUpperCase() +
    regionName.slice(1) +
    " is small at this size, so the map now shows " +
    button.textContent.trim().toLowerCase() +
    " closer: tap exactly where it hurts.";
  note.hidden = false;
  note.scrollIntoView({ block: "nearest" });
}

// A row of close-ups longer than the map scrolls sideways: fade its right
// edge while there is more to see, and let a mouse wheel scroll it.
function initZoomRow(row) {
  const edge = () =>
    row.classList.toggle("more-right", row.scrollLeft + row.clientWidth < row.scrollWidth - 1);
  row.addEventListener("scroll", edge, { passive: true });
  window.addEventListener("resize", edge);
  row.addEventListener("wheel", (event) => {
    if (row.scrollWidth <= row.clientWidth || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      return;
    }
    event.preventDefault();
    row.scrollLeft += event.deltaY;
  });
  edge();
}

function initZoom(root) {
  const zoom = root.querySelector(".zoom-switch");
  if (!zoom) return;
  zoom.hidden = false;
  window.addEventListener("resize", () => {
    root.querySelectorAll(".map[data-view] svg").forEach(rescaleMarkers);
  });
  zoom.addEventListener("click", (event) => {
    const button = event.target.closest(".zoom-button");
    if (button) {
      setZoom(root, button);
      button.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });
  initZoomRow(zoom);
}

// Turn on the view switch and zoom buttons of a .map-section.
export function initViews(root, { bothWhenWide = false } = {}) {
  initZoom(root);
  const switcher = root.querySelector(".view-switch");
  if (!switcher) return;
  root.classList.add("js-views");
  switcher.addEventListener("click", (event) => {
    const button = event.target.closest(".view-button");
    if (button) setView(root, button.dataset.view);
  });
  const first = switcher.querySelector(".view-button");
  const apply = () => {
    const single = !bothWhenWide || NARROW.matches;
    root.dataset.singleView = String(single);
    switcher.hidden = !single;
    setView(root, root.dataset.view || (first && first.dataset.view));
  };
  NARROW.addEventListener("change", apply);
  apply();
}
