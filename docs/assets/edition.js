/*
 * Annotations in the essay are links whose title Material shows as a tooltip on
 * hover and keyboard focus (content.tooltips). This adds what WCAG 2.1 SC 1.4.13
 * and touch screens need on top:
 *  - Escape dismisses an open tooltip without moving focus; hovering again shows it;
 *  - on a touch screen the first tap on an annotation or a note's number shows its
 *    tooltip and the second tap follows the link (to the glossary, the actor's page or
 *    the note at the end of the part).
 * Without JavaScript the link's title and its target page still give the definition.
 *
 * Security: Material builds a tooltip by appending the title to the tooltip with
 * innerHTML, so a title is read as HTML. Glossary text is untrusted (it comes from pull
 * requests), so before any tooltip can open, the title of every element Material gives
 * a tooltip is replaced by its HTML-escaped text: Material's innerHTML then yields the
 * text exactly as written. Without JavaScript the browser shows the plain title.
 */
(function () {
  "use strict";

  var ANNOTATION = "a.ed-annotation, a.ed-note-ref";
  var TOOLTIP_HOSTS = ".md-content [title]:not([data-preview]):not([data-ed-escaped])";
  var lastPointer = "mouse";
  var armed = null;

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function escapeTitles() {
    document.querySelectorAll(TOOLTIP_HOSTS).forEach(function (host) {
      host.setAttribute("title", escapeHtml(host.getAttribute("title")));
      host.setAttribute("data-ed-escaped", "");
    });
  }

  // Now (this script runs before any pointer or key event can open a tooltip), and
  // again for every page Material swaps in should instant navigation be enabled.
  escapeTitles();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(escapeTitles);
  }

  function openTooltips() {
    return document.querySelectorAll(".md-tooltip2--active");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var tooltips = openTooltips();
    tooltips.forEach(function (tooltip) {
      tooltip.classList.remove("md-tooltip2--active");
      tooltip.classList.add("ed-dismissed");
    });
    if (tooltips.length) armed = null;
  });

  // A tooltip dismissed with Escape stays mounted while its host keeps focus, and Material
  // sees no change to show it again: a new hover over the host brings it back.
  document.addEventListener("mouseover", function (event) {
    var host = event.target instanceof Element
      ? event.target.closest("[aria-describedby^='__tooltip2'], [aria-controls^='__tooltip2']")
      : null;
    if (!host) return;
    var id = host.getAttribute("aria-describedby") || host.getAttribute("aria-controls");
    var tooltip = id ? document.getElementById(id) : null;
    if (tooltip && tooltip.classList.contains("ed-dismissed")) {
      tooltip.classList.remove("ed-dismissed");
      tooltip.classList.add("md-tooltip2--active");
    }
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
