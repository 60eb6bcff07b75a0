// Study mode. Without JavaScript every page still works: the region list
// links to region pages, the quiz uses plain forms with a checkbox list, and
// every trigger point's pattern is shown. With it, the map's regions become
// keyboard- and pointer-operable, and the muscle page switches patterns.
(function () {
  "use strict";

  var ARROWS = {
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  };

  function centre(element) {
    var box = element.getBBox();
    return [box.x + box.width / 2, box.y + box.height / 2];
  }

  function announce(root, text) {
    var live = root.querySelector("[data-live]") || document.querySelector("[data-live]");
    if (live) live.textContent = text;
  }

  // The neighbour lying furthest in the arrow's direction, nearest first.
  function neighbourInDirection(svg, region, direction) {
    var from = centre(region);
    var best = null;
    var bestScore = -Infinity;
    (region.dataset.neighbours || "").split(" ").forEach(function (id) {
      var other = id && svg.querySelector('[data-region="' + id + '"]');
      if (!other) return;
      var to = centre(other);
      var dx = to[0] - from[0];
      var dy = to[1] - from[1];
      var length = Math.hypot(dx, dy) || 1;
      var along = (dx * direction[0] + dy * direction[1]) / length;
      if (along <= 0.3) return;
      var score = along - length / 1000;
      if (score > bestScore) {
        bestScore = score;
        best = other;
      }
    });
    return best;
  }

  // One tab stop per map; arrows move between neighbouring regions.
  function makeOperable(svg, activate) {
    var regions = Array.prototype.slice.call(svg.querySelectorAll('.region[role="button"]'));
    if (!regions.length) return;
    var current = regions[0];
    current.setAttribute("tabindex", "0");

    function focusRegion(region) {
      current.setAttribute("tabindex", "-1");
      current.classList.remove("is-focused");
      current = region;
      current.setAttribute("tabindex", "0");
      current.classList.add("is-focused");
      current.focus();
    }

    svg.addEventListener("focusin", function (event) {
      var region = event.target.closest(".region");
      if (region) region.classList.add("is-focused");
    });
    svg.addEventListener("focusout", function (event) {
      var region = event.target.closest(".region");
      if (region) region.classList.remove("is-focused");
    });
    svg.addEventListener("click", function (event) {
      var region = event.target.closest('.region[role="button"]');
      if (!region) return;
      focusRegion(region);
      activate(region);
    });
    svg.addEventListener("keydown", function (event) {
      var region = event.target.closest('.region[role="button"]');
      if (!region) return;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        activate(region);
      } else if (ARROWS[event.key]) {
        event.preventDefault();
        var next = neighbourInDirection(svg, region, ARROWS[event.key]);
        if (next) {
          focusRegion(next);
          announce(document, next.getAttribute("aria-label"));
        }
      }
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
        window.location.href = template.replace("REGION", encodeURIComponent(region.dataset.region));
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
