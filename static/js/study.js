// Study mode. Without JavaScript every page still works: the region list
// links to region pages, the quiz uses plain forms with a checkbox list, and
// every trigger point's pattern is shown. With it, the map's regions become
// keyboard- and pointer-operable, and the muscle page switches patterns.
(function () {
  "use strict";

  function announce(root, text) {
    var live = root.querySelector("[data-live]") || document.querySelector("[data-live]");
    if (live) live.textContent = text;
  }

  function makeOperable(svg, activate) {
    window.bodymapMapKeyboard(svg, {
      activate: activate,
      announce: function (text) {
        announce(document, text);
      },
    });
  }

  // Study map: a region opens its "what refers here" page.
  function initStudyMap(section) {
    var template = section.dataset.regionUrl;
    section.querySelectorAll("svg").forEach(function (svg) {
      // Opening a page is not a toggle: drop the pressed state.
      svg.querySelectorAll('.region[role="button"]').forEach(function (region) {
        region.removeAttribute("aria-pressed");
      });
      makeOperable(svg, function (region) {
        window.location.href = template.replace(
          "REGION",
          encodeURIComponent(region.dataset.region),
        );
      });
    });
  }

  // "Where does it refer?": map regions and the checkbox list stay in step.
  function initLocateQuiz(form) {
    function box(id) {
      return form.querySelector('input[name="regions"][value="' + id + '"]');
    }
    function sync(id, selected) {
      form.querySelectorAll('.region[data-region="' + id + '"]').forEach(function (region) {
        region.setAttribute("aria-pressed", String(selected));
      });
      var input = box(id);
      if (input) input.checked = selected;
    }
    form.querySelectorAll("svg").forEach(function (svg) {
      makeOperable(svg, function (region) {
        var selected = region.getAttribute("aria-pressed") !== "true";
        sync(region.dataset.region, selected);
        announce(form, region.getAttribute("aria-label") + (selected ? " selected" : " cleared"));
      });
    });
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (input.name === "regions") sync(input.value, input.checked);
    });
  }

  // Muscle page: show all trigger points' pattern or one on its own.
  function initPatternSwitch(switcher) {
    var section = switcher.closest("section");
    var sets = section.querySelectorAll(".pattern-set");
    switcher.hidden = false;
    section.classList.add("js-patterns");
    function show(name) {
      switcher.querySelectorAll("button").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.set === name));
      });
      sets.forEach(function (set) {
        set.hidden = set.dataset.set !== name;
      });
    }
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-set]");
      if (button) show(button.dataset.set);
    });
    show("all");
  }

  document.querySelectorAll(".study-map").forEach(initStudyMap);
  document.querySelectorAll(".quiz-question.kind-locate").forEach(initLocateQuiz);
  document.querySelectorAll(".pattern-switch").forEach(initPatternSwitch);
})();
