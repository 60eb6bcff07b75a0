// The pain drawing page: ties the URL state, the map and the results to the
// drawing panel and the region list.
//
// Pointer clicks add precise spots; the keyboard and the region list tick
// whole regions. Both end up as fields of the same form, which also works
// without this script.

import { initMap, markDrawing, regionElement, regionName, resolver } from "./map.js";
import { clearResults, initResults, markStale, showCandidate } from "./results.js";
import {
  DEFAULT_INTENSITY,
  INTENSITY_NAMES,
  emptyDrawing,
  loadDrawing,
  onDrawingChange,
  saveDrawing,
  spotCount,
  spotField,
} from "./state.js";
import { initViews, isSmallOnScreen, isWholeBody, setView, zoomFor, zoomInFor } from "./views.js";

const form = document.getElementById("drawing-form");
const section = document.querySelector(".map-section");
const spotInputs = document.getElementById("spot-inputs");
const spotList = document.getElementById("spot-list");
const emptyNote = document.getElementById("drawing-empty");
const clearButton = document.getElementById("clear-drawing");
const status = document.getElementById("map-status");
const results = document.getElementById("results");
const search = document.getElementById("region-search");
const resultsBar = document.querySelector(".results-bar");
let drawing = emptyDrawing();

function announce(text) {
  status.textContent = text;
}

// Every change replaces the address, so Back leaves the page instead of
// stepping through spots; results shown for another drawing are taken away.
function commit(message) {
  saveDrawing(drawing, { replace: true });
  markStale(results);
  render();
  if (message) announce(message);
}

function marked(verb, id) {
  return verb + " " + regionName(id) + ". " + spotCount(drawing) + " spots marked.";
}

// --- the drawing panel ------------------------------------------------------
function intensitySelect(value, label, onChange) {
  const select = document.createElement("select");
  select.setAttribute("aria-label", label);
  for (const level of [1, 2, 3]) {
    const option = document.createElement("option");
    option.value = String(level);
    option.textContent = INTENSITY_NAMES[level];
    option.selected = level === value;
    select.appendChild(option);
  }
  select.addEventListener("change", () => onChange(parseInt(select.value, 10)));
  return select;
}

function listItem(text, intensity, onIntensity, onRemove) {
  const item = document.createElement("li");
  const name = document.createElement("span");
  name.textContent = text + " ";
  item.appendChild(name);
  item.appendChild(intensitySelect(intensity, "How bad at " + text, onIntensity));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "secondary remove-spot";
  remove.textContent = "Remove";
  remove.setAttribute("aria-label", "Remove " + text);
  remove.addEventListener("click", onRemove);
  item.appendChild(remove);
  return item;
}

function renderPanel() {
  spotList.textContent = "";
  spotInputs.textContent = "";
  drawing.spots.forEach((spot, index) => {
    const text = index + 1 + ". " + regionName(spot.region);
    spotList.appendChild(
      listItem(
        text,
        spot.intensity,
        (value) => {
          spot.intensity = value;
          commit();
        },
        () => {
          drawing.spots.splice(index, 1);
          commit("Removed " + regionName(spot.region) + ".");
        },
      ),
    );
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "spot";
    input.value = spotField(spot);
    spotInputs.appendChild(input);
  });
  for (const id of Object.keys(drawing.regions)) {
    spotList.appendChild(
      listItem(
        regionName(id),
        drawing.regions[id],
        (value) => {
          drawing.regions[id] = value;
          commit();
        },
        () => {
          delete drawing.regions[id];
          commit("Removed " + regionName(id) + ".");
        },
      ),
    );
  }
  const empty = spotCount(drawing) === 0;
  spotList.hidden = empty;
  emptyNote.hidden = !empty;
  clearButton.hidden = empty;
}

function syncList() {
  form.querySelectorAll("input[name='region']").forEach((box) => {
    box.checked = Object.hasOwn(drawing.regions, box.value);
    const select = document.getElementById("intensity-" + box.value);
    if (select && box.checked) select.value = String(drawing.regions[box.value]);
  });
}

// The phone's bottom bar: "N spots · Show results" while the results do not
// match the drawing, then a way back to the map.
function renderBar() {
  const count = spotCount(drawing);
  const shown = Boolean(results.querySelector("details[data-key]"));
  resultsBar.hidden = count === 0;
  const submit = resultsBar.querySelector(".results-bar-button");
  submit.textContent = count + (count === 1 ? " spot" : " spots") + " · Show results";
  submit.hidden = shown;
  resultsBar.querySelector(".results-bar-map").hidden = !shown;
}

function render() {
  markDrawing(drawing);
  syncList();
  renderPanel();
  renderBar();
}

// --- changing the drawing ---------------------------------------------------
function isMarked(id) {
  return drawing.spots.some((spot) => spot.region === id) || Boolean(drawing.regions[id]);
}

function toggleRegion(id) {
  if (isMarked(id)) {
    drawing.spots = drawing.spots.filter((spot) => spot.region !== id);
    delete drawing.regions[id];
    commit(marked("Removed", id));
  } else {
    drawing.regions[id] = DEFAULT_INTENSITY;
    commit(marked("Marked", id));
  }
}

function addSpot(view, x, y, id) {
  const path = regionElement(id);
  const zoom = isWholeBody(section) && path && isSmallOnScreen(path) && zoomFor(section, path);
  if (zoom) {
    zoomInFor(section, zoom, regionName(id));
    announce(regionName(id) + " is small at this size: the map shows it closer, tap it again.");
    return;
  }
  const note = section.querySelector(".zoom-note");
  if (note) note.hidden = true;
  if (isMarked(id)) {
    toggleRegion(id);
    return;
  }
  drawing.spots.push({ view, x, y, intensity: DEFAULT_INTENSITY, region: id });
  commit(marked("Marked", id));
}

// --- the region list --------------------------------------------------------
function initList() {
  form.querySelectorAll("input[name='region']").forEach((box) => {
    box.addEventListener("change", () => {
      if (box.checked) {
        const select = document.getElementById("intensity-" + box.value);
        drawing.regions[box.value] = select ? parseInt(select.value, 10) : DEFAULT_INTENSITY;
        commit("Marked " + regionName(box.value) + ".");
      } else {
        delete drawing.regions[box.value];
        commit("Removed " + regionName(box.value) + ".");
      }
    });
  });
  form.querySelectorAll(".region-choice select").forEach((select) => {
    select.addEventListener("change", () => {
      const id = select.id.replace(/^intensity-/, "");
      if (drawing.regions[id]) {
        drawing.regions[id] = parseInt(select.value, 10);
        commit();
      }
    });
  });
  search.closest(".region-search").hidden = false;
  search.addEventListener("input", () => {
    const words = search.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    form.querySelectorAll(".region-group").forEach((group) => {
      let shown = 0;
      group.querySelectorAll(".region-choice").forEach((choice) => {
        const name = choice.dataset.name.toLowerCase();
        const match = words.every((word) => name.includes(word));
        choice.hidden = !match;
        if (match) shown++;
      });
      group.hidden = shown === 0;
      group.open = words.length > 0 && shown > 0;
    });
  });
}

// In-page links (#red-flags) must not replace the drawing in the address.
function initAnchors() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link || link.classList.contains("skip-link")) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    if (target.tagName === "DETAILS") target.open = true;
    target.scrollIntoView({ block: "start" });
    const focusable = target.tagName === "DETAILS" ? target.querySelector("summary") : target;
    if (focusable) focusable.focus({ preventScroll: true });
  });
}

if (form) {
  initViews(section, { bothWhenWide: true });
  initAnchors();
  initMap({ onPoint: addSpot, onRegion: toggleRegion, announce });
  initList();
  initResults({
    form,
    container: results,
    onShow: (details) => setView(section, showCandidate(details, announce)),
    onResults: renderBar,
  });
  resultsBar.querySelector(".results-bar-map").addEventListener("click", () => {
    section.scrollIntoView({ block: "start" });
  });
  clearButton.addEventListener("click", () => {
    drawing = emptyDrawing();
    clearResults(results);
    commit("Drawing cleared.");
  });
  onDrawingChange(resolver, (next) => {
    drawing = next;
    clearResults(results);
    render();
  });
  drawing = loadDrawing(resolver);
  render();
}
