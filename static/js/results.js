// Results: ask the server for the muscles that may explain a drawing and show
// what it drew. The server draws the first candidate's diagrams; another
// candidate's are asked for when it is opened. The open candidate's zones and
// trigger points are also shown on the map the person drew on, with lines
// only to the spots each trigger point explains.

import { clearPattern, showPattern } from "./map.js";

// A candidate's smooth zones (they come with its diagrams, in data-map-zones)
// and trigger points (from its data- attributes).
function patternOf(details) {
  const data = details.dataset;
  const zones = details.querySelector("[data-map-zones]");
  return {
    layers: zones ? JSON.parse(zones.dataset.mapZones) : {},
    points: JSON.parse(data.points || "[]"),
    view: data.showView,
  };
}

// The map's key: the result's part (trigger point, each kind of zone drawn)
// while one is shown.
function showLegend(pattern) {
  const drawn = new Set(
    Object.values(pattern ? pattern.layers : {})
      .flat()
      .flatMap(([classes]) => classes.split(" ")),
  );
  document.querySelectorAll(".legend-result").forEach((item) => {
    item.hidden = !pattern || Boolean(item.dataset.zone && !drawn.has(item.dataset.zone));
  });
}

function drawOnMap(details) {
  const pattern = patternOf(details);
  showPattern(pattern);
  showLegend(pattern);
  return pattern;
}

// Show an open candidate on the map; `announce(text)` says which view.
// Returns the view that holds the explained spots and the main zone.
export function showCandidate(details, announce) {
  const pattern = drawOnMap(details);
  if (announce) announce("Showing the pattern on the " + pattern.view + " view.");
  return pattern.view;
}

export function clearResults(container) {
  clearPattern();
  showLegend(null);
  container.textContent = "";
}

// The drawing changed after results were shown: they no longer match it.
export function markStale(container) {
  if (!container.querySelector("details[data-key]")) return;
  clearResults(container);
  const note = document.createElement("p");
  note.className = "stale-note";
  note.textContent = "Your drawing changed. Show results again to see what may explain it.";
  container.appendChild(note);
}

// Keep `anchor` where it is on screen while `change()` moves what is above it.
function keepInPlace(anchor, change) {
  const before = anchor.getBoundingClientRect().top;
  change();
  const after = anchor.getBoundingClientRect().top;
  if (Math.abs(after - before) > 0.5) window.scrollBy(0, after - before);
}

// Fill a closed candidate's diagrams in, the first time it is opened. `sent`
// is the form data the results were made from.
async function loadFigures(details, sent) {
  const holder = details.querySelector("[data-figures-for]");
  const url = details.closest("[data-figures-url]")?.dataset.figuresUrl;
  if (!holder || !url || !sent || holder.getAttribute("aria-busy") === "true") return;
  holder.setAttribute("aria-busy", "true");
  const body = new FormData();
  for (const [name, value] of sent) body.append(name, value);
  body.append("candidate", holder.dataset.figuresFor);
  try {
    const response = await fetch(url, { method: "POST", body });
    holder.innerHTML = await response.text();
    if (response.ok) delete holder.dataset.figuresFor;
    if (response.ok && details.open) drawOnMap(details); // its zones came with them
  } catch {
    holder.textContent =
      "Could not load the diagram. Check your connection and open this result again.";
  }
  holder.removeAttribute("aria-busy");
}

// Send `form` to its data-results-url and put the answer in `container`.
// `onShow(details)` runs when a candidate opens (one at a time), so the page
// can show it on the map; `onResults()` runs when new results are in.
export function initResults({ form, container, onShow, onResults }) {
  let sent = null;
  container.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (!details.dataset || !details.dataset.key || !details.open) return;
      keepInPlace(details, () => {
        container.querySelectorAll("details[data-key]").forEach((other) => {
          if (other !== details) other.open = false;
        });
        onShow(details);
      });
      loadFigures(details, sent);
    },
    true,
  );
  form.addEventListener("submit", async (event) => {
    if (event.submitter && event.submitter.hasAttribute("data-full-page")) return;
    event.preventDefault();
    clearPattern();
    container.textContent = "Looking up the muscles…";
    sent = new FormData(form);
    try {
      const response = await fetch(form.dataset.resultsUrl, {
        method: "POST",
        body: sent,
      });
      container.innerHTML = await response.text();
    } catch {
      container.textContent = "Could not reach bodymap. Check your connection and try again.";
      return;
    }
    const first = container.querySelector("details[data-key][open]");
    if (first) onShow(first);
    else showLegend(null);
    if (onResults) onResults();
    container.focus({ preventScroll: true });
    container.scrollIntoView({ block: "start" });
  });
}
