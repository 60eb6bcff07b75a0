// Read the pain drawing the home page keeps in its URL fragment
// (#spots=view:x:y:intensity,...&regions=id:intensity,...) as diary spots:
// {view, x, y, intensity} for a place clicked on the map, {region, intensity}
// for a place ticked in the list. The server checks them when saving.

export function spotsFromFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const spots = [];
  (params.get("spots") || "").split(",").forEach((item) => {
    const [view, x, y, intensity] = item.split(":");
    if (!view || y === undefined) return;
    spots.push({
      view,
      x: Number.parseFloat(x),
      y: Number.parseFloat(y),
      intensity: Number.parseInt(intensity, 10) || 2,
    });
  });
  (params.get("regions") || "").split(",").forEach((item) => {
    const [region, intensity] = item.split(":");
    if (!region) return;
    spots.push({ region, intensity: Number.parseInt(intensity, 10) || 2 });
  });
  return spots.filter(
    (spot) => spot.region || (Number.isFinite(spot.x) && Number.isFinite(spot.y)),
  );
}

// The fragment that shows ``spots`` on the home page's map again.
export function fragmentOf(spots) {
  const params = new URLSearchParams();
  const points = spots.filter((spot) => !spot.region);
  const regions = spots.filter((spot) => spot.region);
  if (points.length)
    params.set(
      "spots",
      points.map((s) => [s.view, s.x.toFixed(1), s.y.toFixed(1), s.intensity].join(":")).join(","),
    );
  if (regions.length)
    params.set("regions", regions.map((s) => `${s.region}:${s.intensity}`).join(","));
  return params.toString();
}
