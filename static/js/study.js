// Study mode. Without JavaScript every page still works: the region list
// links to region pages, the quiz uses plain forms with a checkbox list, and
// every trigger point's pattern is shown. With it, the map's regions become
// keyboard- and pointer-operable, and the muscle page switches patterns.

import { makeOperable } from "./keyboard.js";
import { initViews } from "./views.js";

function announce(root, text) {
  const live = root.querySelector("[data-live]") || document.querySelector("[data-live]");
  if (live) live.textContent = text;
}

function operable(svg, activate) {
  makeOperable(svg, { activate, announce: (text) => announce(document, text) });
}

// Study map: a region opens its "what refers here" page.
export function initStudyMap(section) {
  initViews(section);
  const template = section.dataset.regionUrl;
  section.querySelectorAll("svg").forEach((svg) => {
    // Opening a page is not a toggle: drop the pressed state.
    svg.querySelectorAll('.region[role="button"]').forEach((region) => {
      region.removeAttribute("aria-pressed");
    });
    operable(svg, (region) => {
      location.assign(template.replace("REGION", encodeURIComponent(region.dataset.region)));
    });
  });
}

// "Where does it refer?": map regions and the checkbox list stay in step.
export function initLocateQuiz(form) {
  function sync(id, selected) {
    form.querySelectorAll('.region[data-region="' + id + '"]').forEach((region) => {
      region.setAttribute("aria-pressed", String(selected));
    });
    const input = form.querySelector('input[name="regions"][value="' + id + '"]');
    if (input) input.checked = selected;
  }
  form.querySelectorAll("svg").forEach((svg) => {
    operable(svg, (region) => {
      const selected = region.getAttribute("aria-pressed") !== "true";
      sync(region.dataset.region, selected);
      announce(form, region.getAttribute("aria-label") + (selected ? " selected" : " cleared"));
    });
  });
  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.name === "regions") sync(input.value, input.checked);
  });
}

// Muscle page: show all trigger points' pattern or one on its own.
export function initPatternSwitch(switcher) {
  const section = switcher.closest("section");
  const sets = section.querySelectorAll(".pattern-set");
  switcher.hidden = false;
  section.classList.add("js-patterns");
  function show(name) {
    switcher.querySelectorAll("button").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.set === name));
    });
    sets.forEach((set) => {
      set.hidden = set.dataset.set !== name;
    });
  }
  switcher.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-set]");
    if (button) show(button.dataset.set);
  });
  show("all");
}

document.querySelectorAll(".study-map").forEach(initStudyMap);
document.querySelectorAll(".quiz-question.kind-locate").forEach(initLocateQuiz);
document.querySelectorAll(".pattern-switch").forEach(initPatternSwitch);
