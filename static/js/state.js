// The pain drawing as data, kept in the URL fragment.
//
// A drawing is { spots: [{ view, x, y, intensity, region }], regions: { id:
// intensity } }. It lives in the fragment (#spots=view:x:y:i,...&regions=id:i,...)
// so a link reproduces it and Back undoes a change; nothing is sent anywhere
// until the person asks for results. This module never touches the page.

export const INTENSITY_NAMES = { 1: "mild", 2: "moderate", 3: "severe" };
export const DEFAULT_INTENSITY = 2;

export function emptyDrawing() {
  return { spots: [], regions: {} };
}

export function isIntensity(value) {
  return Number.isInteger(value) && value >= 1 && value <= 3;
}

// How many places the drawing marks: precise spots plus ticked regions.
export function spotCount(drawing) {
  return drawing.spots.length + Object.keys(drawing.regions).length;
}

// A spot as the results form sends it: "view:x:y:intensity".
export function spotField(spot) {
  return [spot.view, spot.x.toFixed(1), spot.y.toFixed(1), spot.intensity].join(":");
}

// The fragment text (without "#") for a drawing; "" when it is empty.
export function encodeDrawing(drawing) {
  const params = new URLSearchParams();
  if (drawing.spots.length) params.set("spots", drawing.spots.map(spotField).join(","));
  const regions = Object.keys(drawing.regions);
  if (regions.length) {
    params.set("regions", regions.map((id) => id + ":" + drawing.regions[id]).join(","));
  }
  return params.toString();
}

// Read a fragment as it is written, dropping only what is malformed: spots
// come back without their region (the map resolves that, see decodeDrawing).
export function parseFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const drawing = emptyDrawing();
  for (const item of (params.get("spots") || "").split(",")) {
    const parts = item.split(":");
    if (parts.length !== 4) continue;
    const spot = {
      view: parts[0],
      x: parseFloat(parts[1]),
      y: parseFloat(parts[2]),
      intensity: parseInt(parts[3], 10),
    };
    if (isFinite(spot.x) && isFinite(spot.y) && isIntensity(spot.intensity)) {
      drawing.spots.push(spot);
    }
  }
  for (const item of (params.get("regions") || "").split(",")) {
    const [id, level] = item.split(":");
    const intensity = parseInt(level, 10);
    if (id && isIntensity(intensity)) drawing.regions[id] = intensity;
  }
  return drawing;
}

// Read a drawing from a fragment for the page's map. `resolve` knows the map:
// `regionAt(view, x, y)` names the region under a point (or null) and
// `hasRegion(id)` tells whether a region exists; anything off the map is dropped.
export function decodeDrawing(hash, resolve) {
  const parsed = parseFragment(hash);
  const drawing = emptyDrawing();
  for (const spot of parsed.spots) {
    const region = resolve.regionAt(spot.view, spot.x, spot.y);
    if (region) drawing.spots.push({ ...spot, region });
  }
  for (const [id, intensity] of Object.entries(parsed.regions)) {
    if (resolve.hasRegion(id)) drawing.regions[id] = intensity;
  }
  return drawing;
}

// Put a drawing in the address bar: a new history entry, or `replace` the
// current one.
export function saveDrawing(drawing, { replace = false } = {}) {
  const hash = encodeDrawing(drawing);
  const url = location.pathname + location.search + (hash ? "#" + hash : "");
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

// The drawing in the address bar now.
export function loadDrawing(resolve) {
  return decodeDrawing(location.hash, resolve);
}

// Call `callback(drawing)` when Back or Forward changes the drawing.
export function onDrawingChange(resolve, callback) {
  addEventListener("popstate", () => callback(loadDrawing(resolve)));
}
