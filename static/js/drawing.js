// The pain drawing on the home page.
//
// Spots live in the URL fragment (#spots=view:x:y:i,...&regions=id:i,...), so a
// link reproduces the drawing and the back button undoes a change; nothing is
// sent anywhere until the person asks for results. Pointer clicks add precise
// spots; the keyboard and the region list tick whole regions. Both end up as
// fields of the same form, which also works without this script.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var NAMES = { 1: "mild", 2: "moderate", 3: "severe" };
  var form = document.getElementById("drawing-form");
  if (!form) return;
  var spotInputs = document.getElementById("spot-inputs");
  var spotList = document.getElementById("spot-list");
  var emptyNote = document.getElementById("drawing-empty");
  var clearButton = document.getElementById("clear-drawing");
  var status = document.getElementById("map-status");
  var results = document.getElementById("results");
  var search = document.getElementById("region-search");
  var state = { spots: [], regions: {} };

  function svgOf(view) {
    return document.querySelector(".map[data-view='" + view + "'] svg");
  }

  function regionElement(id) {
    return document.getElementById("region-" + id);
  }

  function regionName(id) {
    var element = regionElement(id);
    return element ? element.getAttribute("aria-label") : id;
  }

  function announce(text) {
    status.textContent = text;
  }

  // --- state <-> URL fragment -------------------------------------------
  function encode() {
    var params = new URLSearchParams();
    if (state.spots.length) {
      params.set(
        "spots",
        state.spots
          .map(function (s) {
            return [s.view, s.x.toFixed(1), s.y.toFixed(1), s.intensity].join(":");
          })
          .join(","),
      );
    }
    var regions = Object.keys(state.regions);
    if (regions.length) {
      params.set(
        "regions",
        regions
          .map(function (id) {
            return id + ":" + state.regions[id];
          })
          .join(","),
      );
    }
    return params.toString();
  }

  function decode(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var next = { spots: [], regions: {} };
    (params.get("spots") || "").split(",").forEach(function (item) {
      var parts = item.split(":");
      if (parts.length !== 4 || !svgOf(parts[0])) return;
      var x = parseFloat(parts[1]);
      var y = parseFloat(parts[2]);
      var intensity = parseInt(parts[3], 10);
      if (!isFinite(x) || !isFinite(y) || !(intensity >= 1 && intensity <= 3)) return;
      var region = regionAt(parts[0], x, y);
      if (region)
        next.spots.push({ view: parts[0], x: x, y: y, intensity: intensity, region: region });
    });
    (params.get("regions") || "").split(",").forEach(function (item) {
      var parts = item.split(":");
      var intensity = parseInt(parts[1], 10);
      if (regionElement(parts[0]) && intensity >= 1 && intensity <= 3)
        next.regions[parts[0]] = intensity;
    });
    return next;
  }

  function commit(message) {
    var hash = encode();
    var url = location.pathname + location.search + (hash ? "#" + hash : "");
    history.pushState(null, "", url);
    render();
    if (message) announce(message);
  }

  // --- geometry ----------------------------------------------------------
  function toViewPoint(svg, event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  // isPointInFill finds nothing in a hidden (display: none) view, so a shared
  // link's spots on the other view would be dropped: show it while testing.
  function regionAt(view, x, y) {
    var svg = svgOf(view);
    var figure = svg.closest(".map");
    var wasHidden = figure.hidden;
    figure.hidden = false;
    var point = svg.createSVGPoint();
    point.x = x;
    point.y = y;
    var found = null;
    var paths = svg.querySelectorAll("path[data-region]");
    for (var i = 0; i < paths.length && !found; i++) {
      if (paths[i].isPointInFill(point)) found = paths[i].dataset.region;
    }
    figure.hidden = wasHidden;
    return found;
  }

  // --- rendering ---------------------------------------------------------
  function spotCount() {
    return state.spots.length + Object.keys(state.regions).length;
  }

  function drawMarks() {
    document.querySelectorAll(".drawn-layer").forEach(function (layer) {
      layer.remove();
    });
    ["front", "back"].forEach(function (view) {
      var svg = svgOf(view);
      if (!svg) return;
      var layer = document.createElementNS(SVG_NS, "g");
      layer.setAttribute("class", "drawn-layer");
      layer.setAttribute("aria-hidden", "true");
      state.spots.forEach(function (spot, index) {
        if (spot.view !== view) return;
        var circle = document.createElementNS(SVG_NS, "circle");
        circle.setAttribute("cx", spot.x);
        circle.setAttribute("cy", spot.y);
        circle.setAttribute("r", 7);
        circle.setAttribute("class", "drawn-spot intensity-" + spot.intensity);
        layer.appendChild(circle);
        var label = document.createElementNS(SVG_NS, "text");
        label.setAttribute("x", spot.x);
        label.setAttribute("y", spot.y + 3);
        label.setAttribute("class", "drawn-spot-label");
        label.textContent = String(index + 1);
        layer.appendChild(label);
      });
      svg.appendChild(layer);
    });
  }

  function syncRegions() {
    var pressed = {};
    state.spots.forEach(function (spot) {
      pressed[spot.region] = true;
    });
    Object.keys(state.regions).forEach(function (id) {
      pressed[id] = true;
    });
    document.querySelectorAll("path[data-region][role='button']").forEach(function (path) {
      path.setAttribute("aria-pressed", String(Boolean(pressed[path.dataset.region])));
    });
    form.querySelectorAll("input[name='region']").forEach(function (box) {
      box.checked = Object.prototype.hasOwnProperty.call(state.regions, box.value);
      var select = document.getElementById("intensity-" + box.value);
      if (select && box.checked) select.value = String(state.regions[box.value]);
    });
  }

  function intensitySelect(value, label, onChange) {
    var select = document.createElement("select");
    select.setAttribute("aria-label", label);
    [1, 2, 3].forEach(function (level) {
      var option = document.createElement("option");
      option.value = String(level);
      option.textContent = NAMES[level];
      option.selected = level === value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      onChange(parseInt(select.value, 10));
    });
    return select;
  }

  function listItem(text, intensity, onIntensity, onRemove) {
    var item = document.createElement("li");
    var name = document.createElement("span");
    name.textContent = text + " ";
    item.appendChild(name);
    item.appendChild(intensitySelect(intensity, "How bad at " + text, onIntensity));
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "secondary remove-spot";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + text);
    remove.addEventListener("click", onRemove);
    item.appendChild(remove);
    return item;
  }

  function renderList() {
    spotList.textContent = "";
    spotInputs.textContent = "";
    state.spots.forEach(function (spot, index) {
      var text = index + 1 + ". " + regionName(spot.region);
      spotList.appendChild(
        listItem(
          text,
          spot.intensity,
          function (value) {
            spot.intensity = value;
            commit();
          },
          function () {
            state.spots.splice(index, 1);
            commit("Removed " + regionName(spot.region) + ".");
          },
        ),
      );
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "spot";
      input.value = [spot.view, spot.x.toFixed(1), spot.y.toFixed(1), spot.intensity].join(":");
      spotInputs.appendChild(input);
    });
    Object.keys(state.regions).forEach(function (id) {
      spotList.appendChild(
        listItem(
          regionName(id),
          state.regions[id],
          function (value) {
            state.regions[id] = value;
            commit();
          },
          function () {
            delete state.regions[id];
            commit("Removed " + regionName(id) + ".");
          },
        ),
      );
    });
    var empty = spotCount() === 0;
    spotList.hidden = empty;
    emptyNote.hidden = !empty;
    clearButton.hidden = empty;
  }

  function render() {
    drawMarks();
    syncRegions();
    renderList();
  }

  // --- changing the drawing ----------------------------------------------
  function toggleRegion(id) {
    var hadSpots = state.spots.some(function (spot) {
      return spot.region === id;
    });
    if (hadSpots || state.regions[id]) {
      state.spots = state.spots.filter(function (spot) {
        return spot.region !== id;
      });
      delete state.regions[id];
      commit("Removed " + regionName(id) + ". " + spotCount() + " spots marked.");
    } else {
      state.regions[id] = 2;
      commit("Marked " + regionName(id) + ". " + spotCount() + " spots marked.");
    }
  }

  function onMapClick(event) {
    var path = event.target.closest("path[data-region]");
    if (!path) return;
    var svg = path.ownerSVGElement;
    var view = svg.closest(".map").dataset.view;
    var id = path.dataset.region;
    var hit = state.spots.some(function (s) {
      return s.region === id;
    });
    if (hit || state.regions[id]) {
      toggleRegion(id);
      return;
    }
    var point = toViewPoint(svg, event);
    state.spots.push({ view: view, x: point.x, y: point.y, intensity: 2, region: id });
    commit("Marked " + regionName(id) + ". " + spotCount() + " spots marked.");
  }

  // Pointer clicks add a precise spot; the keyboard toggles whole regions.
  function initMaps() {
    document.querySelectorAll(".map[data-view] svg").forEach(function (svg) {
      svg.addEventListener("click", onMapClick);
      window.bodymapMapKeyboard(svg, {
        clicks: false,
        activate: function (region) {
          toggleRegion(region.dataset.region);
        },
        announce: announce,
      });
    });
  }

  // --- the region list ----------------------------------------------------
  function initList() {
    form.querySelectorAll("input[name='region']").forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) {
          var select = document.getElementById("intensity-" + box.value);
          state.regions[box.value] = select ? parseInt(select.value, 10) : 2;
          commit("Marked " + regionName(box.value) + ".");
        } else {
          delete state.regions[box.value];
          commit("Removed " + regionName(box.value) + ".");
        }
      });
    });
    form.querySelectorAll(".region-choice select").forEach(function (select) {
      select.addEventListener("change", function () {
        var id = select.id.replace(/^intensity-/, "");
        if (state.regions[id]) {
          state.regions[id] = parseInt(select.value, 10);
          commit();
        }
      });
    });
    search.closest(".region-search").hidden = false;
    search.addEventListener("input", function () {
      var words = search.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      form.querySelectorAll(".region-group").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll(".region-choice").forEach(function (choice) {
          var name = choice.dataset.name.toLowerCase();
          var match = words.every(function (word) {
            return name.indexOf(word) !== -1;
          });
          choice.hidden = !match;
          if (match) shown++;
        });
        group.hidden = shown === 0;
        group.open = words.length > 0 && shown > 0;
      });
    });
  }

  // --- results ------------------------------------------------------------
  function clearCandidate() {
    document.querySelectorAll(".candidate-layer").forEach(function (layer) {
      layer.remove();
    });
    document
      .querySelectorAll("path.in-essential, path.in-spillover, path.in-local")
      .forEach(function (path) {
        path.classList.remove("in-essential", "in-spillover", "in-local");
      });
  }

  function showCandidate(details) {
    clearCandidate();
    ["local", "spillover", "essential"].forEach(function (zone) {
      (details.dataset[zone] || "").split(" ").forEach(function (id) {
        var path = id && regionElement(id);
        if (path) path.classList.add("in-" + zone);
      });
    });
    var view = details.dataset.view;
    var svg = svgOf(view);
    var x = parseFloat(details.dataset.x);
    var y = parseFloat(details.dataset.y);
    var layer = document.createElementNS(SVG_NS, "g");
    layer.setAttribute("class", "candidate-layer");
    layer.setAttribute("aria-hidden", "true");
    state.spots.forEach(function (spot) {
      if (spot.view !== view) return;
      var line = document.createElementNS(SVG_NS, "line");
      line.setAttribute("x1", x);
      line.setAttribute("y1", y);
      line.setAttribute("x2", spot.x);
      line.setAttribute("y2", spot.y);
      line.setAttribute("class", "referral-line");
      layer.appendChild(line);
    });
    [
      [-5, -5, 5, 5],
      [-5, 5, 5, -5],
    ].forEach(function (d) {
      ["marker-halo", "marker-cross"].forEach(function (cls) {
        var stroke = document.createElementNS(SVG_NS, "line");
        stroke.setAttribute("x1", x + d[0]);
        stroke.setAttribute("y1", y + d[1]);
        stroke.setAttribute("x2", x + d[2]);
        stroke.setAttribute("y2", y + d[3]);
        stroke.setAttribute("class", cls);
        layer.appendChild(stroke);
      });
    });
    svg.appendChild(layer);
    if (window.bodymapSetView) window.bodymapSetView(document.querySelector(".map-section"), view);
    announce("Showing the pattern on the " + view + " view.");
  }

  function initResults() {
    results.addEventListener(
      "toggle",
      function (event) {
        var details = event.target;
        if (!details.dataset || !details.dataset.key || !details.open) return;
        results.querySelectorAll("details[data-key]").forEach(function (other) {
          if (other !== details) other.open = false;
        });
        showCandidate(details);
      },
      true,
    );
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.hasAttribute("data-full-page")) return;
      event.preventDefault();
      results.textContent = "Looking up trigger points…";
      fetch(form.dataset.resultsUrl, { method: "POST", body: new FormData(form) })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          results.innerHTML = html;
          results.focus();
          var first = results.querySelector("details[data-key][open]");
          if (first) showCandidate(first);
          else clearCandidate();
        })
        .catch(function () {
          results.textContent = "Could not reach bodymap. Check your connection and try again.";
        });
    });
  }

  clearButton.addEventListener("click", function () {
    state = { spots: [], regions: {} };
    clearCandidate();
    results.textContent = "";
    commit("Drawing cleared.");
  });

  window.addEventListener("popstate", function () {
    state = decode(location.hash);
    render();
  });

  initMaps();
  initList();
  initResults();
  state = decode(location.hash);
  render();
})();
