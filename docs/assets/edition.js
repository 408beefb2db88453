/*
 * Annotations in the essay are links whose title Material shows as a tooltip on
 * hover and keyboard focus (content.tooltips). This adds what WCAG 2.1 SC 1.4.13
 * and touch screens need on top:
 *  - Escape dismisses an open tooltip without moving focus;
 *  - on a touch screen the first tap on an annotation shows its tooltip and the
 *    second tap follows the link to the glossary or actor page.
 * Without JavaScript the link's title and its target page still give the definition.
 */
(function () {
  "use strict";

  var ANNOTATION = "a.ed-annotation";
  var lastPointer = "mouse";
  var armed = null;

  function openTooltips() {
    return document.querySelectorAll(".md-tooltip2--active");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var tooltips = openTooltips();
    tooltips.forEach(function (tooltip) {
      tooltip.classList.remove("md-tooltip2--active");
    });
    if (tooltips.length) armed = null;
  });

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest(ANNOTATION) : null;
    if (!target || lastPointer !== "touch") {
      armed = null;
      return;
    }
    if (armed !== target) {
      event.preventDefault();
      armed = target;
      target.focus();
    }
  }, true);
})();
