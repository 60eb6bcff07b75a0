// The timeline of the overall pain score, drawn as SVG in the browser, and
// the table of the same numbers. It reads in greyscale: one dark line, a
// circle for a day without treatment, a filled diamond for a treatment day.

const SVG_NS = "http://www.w3.org/2000/svg";
const MARGIN = { left: 44, right: 18, top: 16, bottom: 44 };
const DAY = 24 * 60 * 60 * 1000;

function element(name, attributes, text) {
  const node = document.createElementNS(SVG_NS, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
  if (text !== undefined) node.textContent = text;
  return node;
}

// "2026-11-30T09:15" as a local time.
export function timeOf(at) {
  const [date, time] = at.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

export function shortDate(at) {
  return timeOf(at).toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

export function longDate(at) {
  return timeOf(at).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}

function sessionShape(x, y) {
  const r = 7;
  return element("path", {
    d: `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`,
    class: "point session",
  });
}

export function drawChart(container, entries) {
  container.textContent = "";
  // A narrow chart on a phone keeps its text readable.
  const narrow = container.clientWidth > 0 && container.clientWidth < 520;
  const WIDTH = narrow ? 360 : 640;
  const HEIGHT = narrow ? 240 : 280;
  const svg = element("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-labelledby": "chart-title",
    class: "timeline-chart",
  });
  const first = timeOf(entries[0].at).getTime();
  const last = timeOf(entries[entries.length - 1].at).getTime();
  const span = Math.max(last - first, DAY);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const inset = 16; // keeps the first and last points clear of the axis labels
  const xOf = (entry) =>
    entries.length === 1
      ? MARGIN.left + plotWidth / 2
      : MARGIN.left +
        inset +
        ((timeOf(entry.at).getTime() - first) / span) * (plotWidth - 2 * inset);
  const yOf = (score) => MARGIN.top + plotHeight - (score / 10) * plotHeight;

  const scores = entries.map((entry) => `${shortDate(entry.at)}: ${entry.score}`).join(", ");
  svg.appendChild(
    element("title", { id: "chart-title" }, `Overall pain by day, 0 to 10. ${scores}.`),
  );

  const grid = element("g", { class: "grid", "aria-hidden": "true" });
  for (let score = 0; score <= 10; score += 2) {
    const y = yOf(score);
    grid.appendChild(element("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y }));
    grid.appendChild(
      element("text", { x: MARGIN.left - 8, y: y + 4, class: "tick y" }, String(score)),
    );
  }
  grid.appendChild(
    element(
      "text",
      {
        x: 12,
        y: MARGIN.top + plotHeight / 2,
        class: "axis-label",
        transform: `rotate(-90 12 ${MARGIN.top + plotHeight / 2})`,
      },
      "Pain (0–10)",
    ),
  );
  // Date labels where they fit: the first, the last, and others between that
  // keep clear of their neighbours (anchored so none runs off the edge).
  const gap = 56;
  const xs = entries.map(xOf);
  const shown = entries.length === 1 ? [0] : [0, entries.length - 1];
  entries.forEach((entry, index) => {
    if (shown.includes(index)) return;
    if (shown.every((other) => Math.abs(xs[other] - xs[index]) >= gap)) shown.push(index);
  });
  if (shown.length === 2 && xs[shown[1]] - xs[shown[0]] < gap * 1.6) shown.pop();
  shown.forEach((index) => {
    const first = index === 0 && entries.length > 1;
    const last = index === entries.length - 1 && entries.length > 1;
    grid.appendChild(
      element(
        "text",
        {
          x: xs[index],
          y: HEIGHT - MARGIN.bottom + 20,
          class: "tick x",
          "text-anchor": first ? "start" : last ? "end" : "middle",
        },
        shortDate(entries[index].at),
      ),
    );
  });
  svg.appendChild(grid);

  const data = element("g", { class: "series", "aria-hidden": "true" });
  if (entries.length > 1) {
    const points = entries.map(
      (entry) => `${xOf(entry).toFixed(1)},${yOf(entry.score).toFixed(1)}`,
    );
    data.appendChild(element("polyline", { points: points.join(" "), class: "score-line" }));
  }
  entries.forEach((entry) => {
    const x = xOf(entry);
    const y = yOf(entry.score);
    data.appendChild(
      entry.session
        ? sessionShape(x, y)
        : element("circle", { cx: x, cy: y, r: 5.5, class: "point" }),
    );
    data.appendChild(element("text", { x, y: y - 11, class: "point-label" }, String(entry.score)));
  });
  svg.appendChild(data);
  container.appendChild(svg);
}

const PRINT_ROWS = 10;

export function fillTable(table, entries, names) {
  const body = table.tBodies[0];
  body.textContent = "";
  entries.forEach((entry, index) => {
    const row = body.insertRow();
    row.dataset.at = entry.at;
    if (index < entries.length - PRINT_ROWS) row.classList.add("print-hidden");
    const date = document.createElement("th");
    date.scope = "row";
    date.textContent = longDate(entry.at);
    row.appendChild(date);
    row.insertCell().textContent = `${entry.score}/10`;
    row.insertCell().textContent = entry.session
      ? `${names.technique(entry.session.technique)}, sore ${entry.session.soreness}/10`
      : "—";
    const places = (entry.spots || []).length;
    row.insertCell().textContent = places ? String(places) : "none";
    const warnings = (entry.warnings || []).length;
    row.insertCell().textContent = [
      warnings ? `Warning sign noted (${warnings}).` : "",
      entry.notes || "",
    ]
      .join(" ")
      .trim();
  });
  const more = document.getElementById("table-more");
  more.hidden = entries.length <= PRINT_ROWS;
  more.textContent = `The last ${PRINT_ROWS} of ${entries.length} entries; the chart shows them all.`;
}
