// Front/back switch for the body maps on a page. Without JavaScript both
// views show side by side; with it, one at a time with a toggle.
(function () {
  "use strict";

  function setView(root, viewId) {
    root.querySelectorAll(".view-button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === viewId));
    });
    root.querySelectorAll(".map[data-view]").forEach(function (figure) {
      figure.hidden = figure.dataset.view !== viewId;
    });
    root.dispatchEvent(
      new CustomEvent("bodymap:view", { detail: { view: viewId }, bubbles: true }),
    );
  }

  // Zoom: swap each map's viewBox for a close-up of the head, a hand or the
  // feet, where regions are too small to tap on a phone.
  function setZoom(root, button) {
    root.querySelectorAll(".zoom-button").forEach(function (other) {
      other.setAttribute("aria-pressed", String(other === button));
    });
    root.querySelectorAll(".map[data-view] svg").forEach(function (svg) {
      if (!svg.dataset.wholeBody) svg.dataset.wholeBody = svg.getAttribute("viewBox");
      var view = svg.closest(".map").dataset.view;
      svg.setAttribute("viewBox", button.dataset[view] || svg.dataset.wholeBody);
    });
  }

  function initZoom(root) {
    var zoom = root.querySelector(".zoom-switch");
    if (!zoom) return;
    zoom.hidden = false;
    zoom.addEventListener("click", function (event) {
      var button = event.target.closest(".zoom-button");
      if (button) setZoom(root, button);
    });
  }

  function init(root) {
    initZoom(root);
    var switcher = root.querySelector(".view-switch");
    if (!switcher) return;
    switcher.hidden = false;
    root.classList.add("js-views");
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest(".view-button");
      if (button) setView(root, button.dataset.view);
    });
    var first = switcher.querySelector(".view-button");
    if (first) setView(root, first.dataset.view);
  }

  document.querySelectorAll(".map-section").forEach(init);
  window.bodymapSetView = setView;
})();
