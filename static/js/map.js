// The clickable body map: hit-testing and marking.
//
// The server draws the map (one <svg> per view inside .map[data-view]); this
// module finds the region under a point, marks the person's spots and pressed
// regions on it, and shows a chosen trigger point's zones on it.

import { makeOperable } from "./keyboard.js";
import { RING_UNITS, placeMarker } from "./views.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function svgOf(view) {
  return document.querySelector(".map[data-view='" + view + "'] svg");
}

export function regionElement(id) {
  return document.getElementById("region-" + id);
}

// A region's accessible name, for example "right temple (front)".
export function regionName(id) {
  const element = regionElement(id);
  return element ? element.getAttribute("aria-label") : id;
}

// The view's own coordinates of a pointer event on `svg`.
export function toViewPoint(svg, event) {
  const point = svg.createSVGPoint();
  point.x = event.clientX;
  point.y = event.clientY;
  return point.matrixTransform(svg.getScreenCTM().inverse());
}

// The id of the region under (x, y) on a view, or null.
// isPointInFill finds nothing in a hidden (display: none) view, so a shared
// link's spots on the other view would be dropped: show it while testing.
export function regionAt(view, x, y) {
  const svg = svgOf(view);
  if (!svg) return null;
  const figure = svg.closest(".map");
  const wasHidden = figure.hidden;
  figure.hidden = false;
  const point = svg.createSVGPoint();
  point.x = x;
  point.y = y;
  let found = null;
  for (const path of svg.querySelectorAll("path[data-region]")) {
    if (path.isPointInFill(point)) {
      found = path.dataset.region;
      break;
    }
  }
  figure.hidden = wasHidden;
  return found;
}

// What the page's map can resolve, for reading a drawing from the URL.
export const resolver = {
  regionAt,
  hasRegion: (id) => Boolean(regionElement(id)),
};

function views() {
  return [...document.querySelectorAll(".map[data-view]")].map((figure) => figure.dataset.view);
}

// Draw the drawing's spots, numbered, and press the regions it marks.
export function markDrawing(drawing) {
  document.querySelectorAll(".drawn-layer").forEach((layer) => layer.remove());
  for (const view of views()) {
    const layer = document.createElementNS(SVG_NS, "g");
    layer.setAttribute("class", "drawn-layer");
    layer.setAttribute("aria-hidden", "true");
    const svg = svgOf(view);
    drawing.spots.forEach((spot, index) => {
      if (spot.view !== view) return;
      const marker = document.createElementNS(SVG_NS, "g");
      // a ring, not a disc: a zone shown under the spot stays seen
      for (const cls of ["drawn-spot-halo", "drawn-spot intensity-" + spot.intensity]) {
        const circle = document.createElementNS(SVG_NS, "circle");
        circle.setAttribute("r", RING_UNITS);
        circle.setAttribute("class", cls);
        marker.appendChild(circle);
      }
      const label = document.createElementNS(SVG_NS, "text");
      label.setAttribute("y", 3);
      label.setAttribute("class", "drawn-spot-label");
      label.textContent = String(index + 1);
      marker.appendChild(label);
      placeMarker(svg, marker, spot.x, spot.y);
      layer.appendChild(marker);
    });
    svg.appendChild(layer);
  }
  const pressed = new Set([
    ...drawing.spots.map((spot) => spot.region),
    ...Object.keys(drawing.regions),
  ]);
  document.querySelectorAll("path[data-region][role='button']").forEach((path) => {
    path.setAttribute("aria-pressed", String(pressed.has(path.dataset.region)));
  });
}

// Listen to the map: `onPoint(view, x, y, regionId)` for a pointer click on a
// region, `onRegion(regionId)` for Enter or Space; `announce(text)` for focus moves.
// The views share one tab stop; the arrow keys cross from one to the other.
export function initMap({ onPoint, onRegion, announce }) {
  document.querySelectorAll(".map[data-view] svg").forEach((svg) => {
    svg.addEventListener("click", (event) => {
      const path = event.target.closest("path[data-region]");
      if (!path) return;
      const point = toViewPoint(svg, event);
      onPoint(svg.closest(".map").dataset.view, point.x, point.y, path.dataset.region);
    });
  });
  const maps = document.querySelector(".map[data-view]")?.parentElement;
  if (!maps) return;
  makeOperable(maps, {
    clicks: false,
    activate: (region) => onRegion(region.dataset.region),
    announce,
  });
}

// Remove a trigger point's zones and marker from the map.
export function clearPattern() {
  document.querySelectorAll(".candidate-layer, .candidate-zones").forEach((layer) => {
    layer.remove();
  });
  document.querySelectorAll(".map[data-view] svg.pattern-shown").forEach((svg) => {
    svg.classList.remove("pattern-shown");
  });
}

// Draw a result's smooth zones ([classes, path data] pairs, drawn by the
// server as on its diagrams) on one view, under the regions: the regions stay
// what a click or a tap finds.
function drawZones(svg, zones) {
  const layer = document.createElementNS(SVG_NS, "g");
  layer.setAttribute("class", "candidate-zones");
  layer.setAttribute("aria-hidden", "true");
  for (const [classes, data] of zones) {
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("class", classes);
    path.setAttribute("d", data);
    layer.appendChild(path);
  }
  const regions = svg.querySelector(".regions");
  regions.parentNode.insertBefore(layer, regions);
}

function cross(svg, layer, x, y) {
  const marker = document.createElementNS(SVG_NS, "g");
  for (const d of [
    [-5, -5, 5, 5],
    [-5, 5, 5, -5],
  ]) {
    for (const cls of ["marker-halo", "marker-cross"]) {
      const stroke = document.createElementNS(SVG_NS, "line");
      stroke.setAttribute("x1", d[0]);
      stroke.setAttribute("y1", d[1]);
      stroke.setAttribute("x2", d[2]);
      stroke.setAttribute("y2", d[3]);
      stroke.setAttribute("class", cls);
      marker.appendChild(stroke);
    }
  }
  placeMarker(svg, marker, x, y);
  layer.appendChild(marker);
}

// Show a muscle's pattern on the map: its smooth zones per view (`layers`:
// { front: [[classes, path data], ...] }, absent until its diagrams are in)
// and each trigger point in `points` ({ view, x, y, lines: [[x, y], ...] })
// as an X with a line to each spot it explains.
export function showPattern({ layers, points }) {
  clearPattern();
  for (const [view, zones] of Object.entries(layers || {})) {
    const svg = svgOf(view);
    if (!svg || !zones.length) continue;
    drawZones(svg, zones);
    svg.classList.add("pattern-shown");
  }
  for (const view of views()) {
    const here = points.filter((point) => point.view === view);
    if (!here.length) continue;
    const layer = document.createElementNS(SVG_NS, "g");
    layer.setAttribute("class", "candidate-layer");
    layer.setAttribute("aria-hidden", "true");
    for (const point of here) {
      for (const [x2, y2] of point.lines) {
        const line = document.createElementNS(SVG_NS, "line");
        line.setAttribute("x1", point.x);
        line.setAttribute("y1", point.y);
        line.setAttribute("x2", x2);
        line.setAttribute("y2", y2);
        line.setAttribute("class", "referral-line");
        layer.appendChild(line);
      }
    }
    const svg = svgOf(view);
    for (const point of here) cross(svg, layer, point.x, point.y);
    svg.appendChild(layer);
  }
}
