// What the server says about the diary, shown on the page: the guidance with
// its sources, and the first and latest drawings with the areas that changed.

import * as store from "./store.js";
import { longDate } from "./chart.js";

// Send the diary without its notes; the server answers and forgets it.
export class ReportError extends Error {}

export async function requestReport(reportUrl, body) {
  let response;
  try {
    response = await fetch(reportUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(store.forServer(body)),
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    throw new ReportError("Could not reach bodymap. Check your connection and try again.");
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ReportError(
      answer && answer.error ? answer.error.message : "bodymap could not read the diary.",
    );
  }
  return answer;
}

export function text(tag, content, className) {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

const LEVEL_WORDS = { stop: "Stop", discuss: "Discuss", expected: "Expected" };

export function showGuidance(box, report) {
  box.textContent = "";
  report.guidance.forEach((item) => {
    const article = document.createElement("article");
    article.className = `advice level-${item.level}`;
    const heading = document.createElement("h3");
    heading.appendChild(text("span", LEVEL_WORDS[item.level], "level-badge"));
    heading.appendChild(document.createTextNode(` ${item.title}`));
    article.appendChild(heading);
    article.appendChild(text("p", item.text));
    const facts = document.createElement("ul");
    facts.className = "facts";
    item.facts.forEach((fact) => facts.appendChild(text("li", fact)));
    article.appendChild(facts);
    const sources = document.createElement("details");
    sources.className = "sources";
    sources.appendChild(text("summary", "Where this rule comes from"));
    const list = document.createElement("ul");
    item.sources.forEach((source) => {
      const li = text("li", `${source.citation} `);
      if (source.url) {
        const link = text("a", source.url);
        link.href = source.url;
        link.rel = "noreferrer";
        li.appendChild(link);
      }
      list.appendChild(li);
    });
    sources.appendChild(list);
    article.appendChild(sources);
    box.appendChild(article);
  });
  if (report.all_clear) box.appendChild(text("p", report.all_clear, "all-clear"));
}

function regionList(regions) {
  const list = document.createElement("ul");
  list.className = "region-names";
  regions.forEach((region) =>
    list.appendChild(text("li", `${region.name}: ${region.intensity_name}`)),
  );
  return list;
}

export function figures(drawing) {
  const box = document.createElement("div");
  box.className = "diary-figures";
  drawing.figures.forEach((figure) => {
    const holder = document.createElement("div");
    holder.className = "diary-figure";
    // The server's own drawing (svgwrite output from this origin).
    holder.innerHTML = figure.svg;
    box.appendChild(holder);
  });
  return box;
}

export function showDrawings(box, changes, report) {
  box.textContent = "";
  report.drawings.forEach((drawing) => {
    const figure = document.createElement("figure");
    figure.className = "diary-drawing";
    const caption = document.createElement("figcaption");
    caption.appendChild(text("strong", `${drawing.label}, ${longDate(drawing.at)}`));
    caption.appendChild(document.createTextNode(` · pain ${drawing.score}/10`));
    figure.appendChild(caption);
    figure.appendChild(figures(drawing));
    if (drawing.regions.length) figure.appendChild(regionList(drawing.regions));
    else figure.appendChild(text("p", "No places marked.", "muted"));
    box.appendChild(figure);
  });
  changes.textContent = "";
  if (report.drawings.length < 2) {
    changes.appendChild(
      text("p", "Save another day to compare it with your first entry.", "muted"),
    );
    return;
  }
  const { new: added, gone } = report.changes;
  if (!added.length && !gone.length)
    changes.appendChild(text("p", "The same places as in your first entry."));
  [
    [added, "New since your first entry (outlined with a dashed line): ", "changes-new"],
    [gone, "Gone since your first entry: ", "changes-gone"],
  ].forEach(([regions, label, className]) => {
    if (!regions.length) return;
    const line = text("p", "", className);
    line.appendChild(text("strong", label));
    line.appendChild(
      document.createTextNode(regions.map((region) => region.name).join(", ") + "."),
    );
    changes.appendChild(line);
  });
}
