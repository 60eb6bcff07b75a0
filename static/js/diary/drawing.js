// The pain drawing the home page keeps in its URL fragment, as diary spots.
//
// The fragment's format belongs to the map's state module (../state.js); this
// only turns its drawing into the diary's spots and back: {view, x, y,
// intensity} for a place clicked on the map, {region, intensity} for a place
// ticked in the list. The server checks them when the entry is saved.

import { encodeDrawing, parseFragment } from "../state.js";

export function spotsFromFragment(hash) {
  const drawing = parseFragment(hash);
  const points = drawing.spots.map(({ view, x, y, intensity }) => ({ view, x, y, intensity }));
  const regions = Object.entries(drawing.regions).map(([region, intensity]) => ({
    region,
    intensity,
  }));
  return [...points, ...regions];
}

// The fragment that shows ``spots`` on the home page's map again.
export function fragmentOf(spots) {
  const drawing = { spots: [], regions: {} };
  for (const spot of spots) {
    if (spot.region) drawing.regions[spot.region] = spot.intensity;
    else drawing.spots.push(spot);
  }
  return encodeDrawing(drawing);
}
