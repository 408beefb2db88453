/*
 * The notes page's script, linked by that page alone (edition.reader.assets.PAGE_ASSETS),
 * so that an essay part does not load it; the reader's own script is edition.js.
 */
/* ==== The notes page, one kind at a time ====
   The notes page lists every note, of every kind, with no script. Here each note's head
   (.ed-note-head, its kind in data-kind) and what follows it up to the next head or part
   heading form one entry; the group of buttons the build puts in the page (hidden where no
   script runs) shows one kind (or all), with the count of each, and says what is shown in a
   status line. Buttons take Tab, Enter and Space; the
   choice is in the address (?kind=slip), so a filtered list can be linked. */
(function () {
  "use strict";
  var HIDDEN = "ed-kind-hidden";

  function entriesOf(heads) {
    return Array.prototype.map.call(heads, function (head) {
      var parts = [head], next = head.nextElementSibling;
      while (next && !next.matches(".ed-note-head, h2")) {
        parts.push(next);
        next = next.nextElementSibling;
      }
      return { kind: head.getAttribute("data-kind"), head: head, parts: parts };
    });
  }

  function mount() {
    var heads = document.querySelectorAll("article .ed-note-head[data-kind]");
    var article = heads.length ? heads[0].closest("article") : null;
    // The group is in the page from the build (nothing shifts as the script
    // starts); the script only works it, once.
    var box = article ? article.querySelector(".ed-note-kinds") : null;
    if (!box || box.hasAttribute("data-ed-ready")) return;
    box.setAttribute("data-ed-ready", "");
    var entries = entriesOf(heads);
    var kinds = [], labels = {}, counts = {};
    entries.forEach(function (entry) {
      if (!(entry.kind in counts)) {
        kinds.push(entry.kind);
        counts[entry.kind] = 0;
        labels[entry.kind] = entry.head.getAttribute("data-kind-label") || entry.kind;
      }
      counts[entry.kind] += 1;
    });
    var buttons = Array.prototype.slice.call(box.querySelectorAll("button[data-kind]"));
    buttons.forEach(function (button) {
      var kind = button.getAttribute("data-kind");
      button.addEventListener("click", function () { show(kind, true); });
    });
    var status = box.querySelector("[role='status']");
    var parts = article.querySelectorAll("h2");

    function show(kind, remember) {
      if (kind && !(kind in counts)) kind = "";
      entries.forEach(function (entry) {
        var hide = kind !== "" && entry.kind !== kind;
        entry.parts.forEach(function (part) { part.classList.toggle(HIDDEN, hide); });
      });
      // A part's heading shows while one of its notes does.
      Array.prototype.forEach.call(parts, function (heading) {
        var next = heading.nextElementSibling, any = false, notes = false;
        while (next && next.tagName !== "H2") {
          if (next.matches(".ed-note-head")) {
            notes = true;
            if (!next.classList.contains(HIDDEN)) any = true;
          }
          next = next.nextElementSibling;
        }
        if (notes) heading.classList.toggle(HIDDEN, !any);
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-kind") === kind));
      });
      status.textContent = kind
        ? "Showing the " + counts[kind] + " of " + entries.length + " notes of the kind “" +
          labels[kind] + "”."
        : "Showing all " + entries.length + " notes, of every kind.";
      if (remember && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        if (kind) url.searchParams.set("kind", kind); else url.searchParams.delete("kind");
        window.history.replaceState(window.history.state, "", url.toString());
      }
    }

    var wanted = new URLSearchParams(window.location.search).get("kind") || "";
    // A link to one note shows it, whatever kind was asked for.
    var target = window.location.hash ? document.getElementById(
      decodeURIComponent(window.location.hash.slice(1))) : null;
    if (target && target.matches(".ed-note-head") &&
        wanted && target.getAttribute("data-kind") !== wanted) wanted = "";
    show(wanted, false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);  // Material's instant navigation
  }
})();
/* ==== end of the notes page's kinds ==== */
