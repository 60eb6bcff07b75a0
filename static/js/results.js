// Results: ask the server for the trigger points that may explain a drawing
// and show what it drew. The server renders each candidate's diagrams; the
// open candidate's zones are also shown on the map the person drew on.

import { clearPattern, showPattern } from "./map.js";

// The zones, marker and explained spots of a candidate, from its data- attributes.
function patternOf(details, drawing) {
  const data = details.dataset;
  const zones = {};
  for (const zone of ["local", "spillover", "essential"]) {
    zones[zone] = (data[zone] || "").split(" ").filter(Boolean);
  }
  return {
    view: data.view,
    x: parseFloat(data.x),
    y: parseFloat(data.y),
    zones,
    spots: drawing.spots,
  };
}

// Show an open candidate on the map; `announce(text)` says which view.
export function showCandidate(details, drawing, announce) {
  const pattern = patternOf(details, drawing);
  showPattern(pattern);
  if (announce) announce("Showing the pattern on the " + pattern.view + " view.");
  return pattern.view;
}

export function clearResults(container) {
  clearPattern();
  container.textContent = "";
}

// Send `form` to its data-results-url and put the answer in `container`.
// `getDrawing()` returns the drawing now; `onShow(details)` runs when a
// candidate opens (one at a time), so the page can show it on the map.
export function initResults({ form, container, getDrawing, onShow }) {
  container.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (!details.dataset || !details.dataset.key || !details.open) return;
      container.querySelectorAll("details[data-key]").forEach((other) => {
        if (other !== details) other.open = false;
      });
      onShow(details, getDrawing());
    },
    true,
  );
  form.addEventListener("submit", async (event) => {
    if (event.submitter && event.submitter.hasAttribute("data-full-page")) return;
    event.preventDefault();
    container.textContent = "Looking up trigger points…";
    try {
      const response = await fetch(form.dataset.resultsUrl, {
        method: "POST",
        body: new FormData(form),
      });
      container.innerHTML = await response.text();
    } catch {
      container.textContent = "Could not reach bodymap. Check your connection and try again.";
      return;
    }
    container.focus();
    const first = container.querySelector("details[data-key][open]");
    if (first) onShow(first, getDrawing());
    else clearPattern();
  });
}
