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
 * Material also copies text into a title itself: a header title or a table-of-contents
 * entry cut off with an ellipsis (.md-ellipsis) gets its innerText, an actor's name, as
 * the title of its link, and a tooltip. Every title set on such a host, or anywhere in the
 * content, later is escaped as it is set (a MutationObserver's callback runs before any
 * event could open the tooltip), so no path leads contributor text into innerHTML raw.
 */
(function () {
  "use strict";

  var ANNOTATION = "a.ed-annotation, a.ed-note-ref";
  var TOOLTIP_HOSTS = ".md-content [title]:not([data-preview])";
  // Where Material's ellipsis copies cut-off text into a title: the .md-ellipsis element
  // itself or the link around it (the header's title, the table of contents, the menu).
  var ELLIPSIS = ".md-ellipsis";
  var lastPointer = "mouse";
  var armed = null;

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // A host's escaped title is also kept in data-ed-escaped: a title equal to it is the one
  // this script wrote (or Material put back after a tooltip closed), never escaped twice.
  function escapeTitle(host) {
    var title = host.getAttribute("title");
    if (title === null || title === host.getAttribute("data-ed-escaped")) return;
    var escaped = escapeHtml(title);
    host.setAttribute("data-ed-escaped", escaped);
    host.setAttribute("title", escaped);
  }

  function isTooltipHost(element) {
    return element.matches(TOOLTIP_HOSTS) || element.matches(ELLIPSIS) ||
      element.querySelector(ELLIPSIS) !== null;
  }

  function escapeTitles() {
    document.querySelectorAll(TOOLTIP_HOSTS).forEach(escapeTitle);
  }

  if (typeof MutationObserver === "function") {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        var host = record.target;
        if (host.nodeType === 1 && host.hasAttribute("title") && isTooltipHost(host)) {
          escapeTitle(host);
        }
      });
    }).observe(document.documentElement, {
      subtree: true, attributes: true, attributeFilter: ["title"]
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
      // On a phone the words a tooltip or note explains move into the upper part
      // of the screen first, so that it opens below them and covers none of them.
      var words = target.classList.contains("ed-note-ref") &&
        target.previousElementSibling && target.previousElementSibling.matches(".ed-noted")
        ? target.previousElementSibling : target;
      var box = words.getBoundingClientRect();
      if (window.matchMedia("(max-width: 44.9375em)").matches &&
          box.bottom > window.innerHeight * 0.55) {
        window.scrollBy(0, box.top - window.innerHeight * 0.25);
      }
    }
  }, true);
})();

/*
 * ==== The reader's tools ====
 * Layers: a labelled group of checkboxes on every essay page (under the part's rubric, and
 * at the top of the menu on narrow screens) shows or hides each layer of the apparatus:
 * glossary terms, actors, editor's notes, or the author's text only. A hidden mark keeps
 * its text where it is and loses its link (href moved to data-ed-href), so it leaves the tab
 * order; the choice is kept in localStorage ("edition.layers") for every page and the next
 * visit (edition/head.html applies it before the first paint). Without JavaScript there are
 * no controls and every layer shows.
 * Cite: each "Cite" button opens its citation dialog (rendered at build time); each "Copy"
 * button copies its citation's text to the clipboard and says so in a status line.
 * Material's search dialog gets an accessible name, and its tooltips a landmark.
 */
(function () {
  "use strict";

  var KEY = "edition.layers";
  var LAYERS = [
    ["terms", "Glossary terms"],
    ["actors", "Actors"],
    ["notes", "Editor\u2019s notes"],
    ["text", "Text only"]
  ];
  var groups = 0;

  function load() {
    var saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(KEY) || "{}") || {};
    } catch (error) {
      saved = {};
    }
    return {
      terms: saved.terms !== false,
      actors: saved.actors !== false,
      notes: saved.notes !== false,
      text: saved.text === true
    };
  }

  function save(state) {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* private browsing: the choice holds for this page only */
    }
  }

  function shown(state, layer) {
    return !state.text && state[layer];
  }

  function apply(state) {
    var root = document.documentElement;
    root.classList.toggle("ed-hide-terms", !state.terms);
    root.classList.toggle("ed-hide-actors", !state.actors);
    root.classList.toggle("ed-hide-notes", !state.notes);
    root.classList.toggle("ed-text-only", state.text);
    document.querySelectorAll("article a.ed-annotation, article a.ed-note-ref")
      .forEach(function (mark) {
        var layer = mark.classList.contains("ed-note-ref") ? "notes"
          : mark.classList.contains("ed-actor") ? "actors" : "terms";
        if (!shown(state, layer) && mark.hasAttribute("href")) {
          mark.setAttribute("data-ed-href", mark.getAttribute("href"));
          mark.removeAttribute("href");
        } else if (shown(state, layer) && mark.hasAttribute("data-ed-href")) {
          mark.setAttribute("href", mark.getAttribute("data-ed-href"));
          mark.removeAttribute("data-ed-href");
        }
      });
    document.querySelectorAll(".ed-layers input[data-layer]").forEach(function (box) {
      var layer = box.getAttribute("data-layer");
      if (layer === "text") {
        box.checked = state.text;
      } else {
        box.checked = shown(state, layer);
        box.disabled = state.text;
      }
    });
  }

  function bind(group) {
    group.addEventListener("change", function (event) {
      var box = event.target;
      if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-layer")) return;
      var state = load();
      state[box.getAttribute("data-layer")] = box.checked;
      save(state);
      apply(state);
    });
    return group;
  }

  function control() {
    groups += 1;
    var group = document.createElement("fieldset");
    // not-annotatable: interface, which annotation clients skip.
    group.className = "ed-layers not-annotatable";
    var legend = document.createElement("legend");
    legend.textContent = "Show";
    group.appendChild(legend);
    LAYERS.forEach(function (layer) {
      var id = "ed-layer-" + layer[0] + "-" + groups;
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.setAttribute("data-layer", layer[0]);
      var label = document.createElement("label");
      label.htmlFor = id;
      label.className = "ed-layers__option" + (layer[0] === "text" ? " ed-layers__text" : "");
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + layer[1]));
      group.appendChild(label);
    });
    return bind(group);
  }

  function mountLayers() {
    // The page's control is in the build's HTML (edition/options.html).
    document.documentElement.classList.add("ed-js");
    var inArticle = document.querySelector("article .ed-layers--page");
    if (!inArticle || inArticle.hasAttribute("data-ed-bound")) return;
    inArticle.setAttribute("data-ed-bound", "");
    bind(inArticle);
    // In the drawer: under the title of the menu and of each open level of it (the drawer
    // shows the reader's own section first), so the control is there at every level.
    document.querySelectorAll(
      ".md-nav--primary, .md-nav--primary .md-nav__item--active.md-nav__item--nested > nav")
      .forEach(function (nav) {
        var title = nav.querySelector(":scope > .md-nav__title");
        if (!title) return;
        var inMenu = control();
        inMenu.classList.add("ed-layers--menu");
        inMenu.setAttribute("aria-describedby", "ed-options-help");
        title.insertAdjacentElement("afterend", inMenu);
      });
    apply(load());
  }

  // The choice made on another tab or window applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(load());
  });

  function mountCitations() {
    document.querySelectorAll("button.ed-cite[hidden], button.ed-copy[hidden]")
      .forEach(function (button) {
        button.hidden = false;
      });
    document.querySelectorAll("dialog.ed-cite-dialog").forEach(function (dialog) {
      if (dialog.querySelector(".ed-copy-status")) return;
      var status = document.createElement("p");
      status.className = "ed-copy-status not-annotatable";  // interface
      status.setAttribute("role", "status");
      dialog.appendChild(status);
    });
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-ed-copy"));
    var dialog = button.closest("dialog");
    var status = dialog ? dialog.querySelector(".ed-copy-status") : null;
    if (!source || !navigator.clipboard) {
      if (status) status.textContent = "Copying is not available here: select the text.";
      return;
    }
    var text = source.textContent.replace(/\s+$/, "");
    navigator.clipboard.writeText(text).then(function () {
      if (status) status.textContent = "Copied: " + button.getAttribute("aria-label")
        .replace(/^Copy the /, "") + ".";
    }, function () {
      if (status) status.textContent = "Could not copy: select the text.";
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var cite = target.closest("button.ed-cite");
    if (cite) {
      var dialog = document.getElementById(cite.getAttribute("data-ed-cite"));
      if (dialog && typeof dialog.showModal === "function" && !dialog.open) {
        var status = dialog.querySelector(".ed-copy-status");
        if (status) status.textContent = "";
        dialog.showModal();
      }
      return;
    }
    var close = target.closest("button.ed-cite-close");
    if (close && close.closest("dialog")) {
      close.closest("dialog").close();
      return;
    }
    var copyButton = target.closest("button.ed-copy");
    if (copyButton) copy(copyButton);
  });

  // A click on the backdrop (outside the dialog's box) closes it.
  document.addEventListener("click", function (event) {
    var dialog = event.target;
    if (!(dialog instanceof HTMLDialogElement) || !dialog.open) return;
    var box = dialog.getBoundingClientRect();
    if (event.clientX < box.left || event.clientX > box.right ||
        event.clientY < box.top || event.clientY > box.bottom) {
      dialog.close();
    }
  });

  // Material appends each open tooltip to <body>, outside every landmark (axe's "region"):
  // it belongs to the text it explains, so it moves into <main>. No ancestor of <main> is
  // positioned, so the tooltip's absolute position is the same there.
  var main = document.querySelector("main");
  if (main && window.MutationObserver) {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node instanceof Element && node.classList.contains("md-tooltip2")) {
            node.classList.add("not-annotatable");  // interface, as annotators see it
            main.appendChild(node);
          }
        });
      });
    }).observe(document.body, { childList: true });
  }

  function nameSearch() {
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }

  function mount() {
    nameSearch();
    mountLayers();
    mountCitations();
  }

  mount();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  }
})();

/* ==== Citations: the access date ==========================================
   Each citation's access date (MLA's "Accessed …", BibTeX's urldate) is a
   <span data-ed-today="mla|iso"> written at build time as a placeholder; the
   reader's day is filled in here, in the style's form. */
(function () {
  "use strict";
  var MLA = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec."];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fill() {
    var d = new Date();
    document.querySelectorAll("[data-ed-today]").forEach(function (span) {
      span.textContent = span.getAttribute("data-ed-today") === "iso"
        ? d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate())
        : d.getDate() + " " + MLA[d.getMonth()] + " " + d.getFullYear();
    });
  }
  // A build without its public address cites this computer's: say so where the page is
  // read from anywhere else.
  function local() {
    document.querySelectorAll("[data-ed-local-origin]").forEach(function (note) {
      note.hidden = note.getAttribute("data-ed-local-origin") === window.location.origin;
    });
  }
  function start() { fill(); local(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation
  }
})();

/* ==== Margin notes ==================================================
   On a wide screen (>= 76.25em, where Material shows its right-hand sidebar) each editor's
   note of an essay page is also shown in the margin beside its mark, as a note a reader
   reads whole at a glance: its number and its short form, the endnote's data-ed-gloss (the
   note's gloss, or its first sentence), set as text. The full note, its sources and its
   events stay in the endnote, which the margin note's number opens. The build's HTML is
   unchanged and without JavaScript nothing changes. The margin notes take the space of the
   right-hand table of contents (hidden on essay pages while they show); the reading column
   keeps its 36em measure.
   A note sits at the top of its mark's line, or just below the note before it; it never
   sits more than REACH lines below its mark, so that it is read beside its line: a note
   that would have to go further shows only its number, a button that opens the note in
   place, over the notes below it. The layout is recomputed on resize, font load and layer
   changes. The mark links to its margin note while they show (to the endnote otherwise);
   hovering or focusing a mark or its margin note lights both, and the mark's words. The
   layers (notes off, Text only) hide them; print keeps the endnotes. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var GAP = 8;
  var REACH = 5;  // lines of the text a note may sit below its mark
  var state = null;  // {article, column, items: [{mark, note, words, open}]}
  var pending = 0;

  function setTarget(mark, hash) {
    var attr = mark.hasAttribute("href") ? "href"
      : mark.hasAttribute("data-ed-href") ? "data-ed-href" : "href";
    mark.setAttribute(attr, hash);
  }

  function build(article) {
    var marks = article.querySelectorAll("a.ed-note-ref[data-note]");
    if (!marks.length) return null;
    var column = document.createElement("div");
    column.className = "ed-mn-column not-annotatable";
    column.setAttribute("data-search-exclude", "");
    var items = [];
    marks.forEach(function (mark) {
      var n = mark.getAttribute("data-note");
      // The endnote is where the mark points (its stable address, #note-<id>).
      var target = (mark.getAttribute("href") || mark.getAttribute("data-ed-href") || "");
      var endnote = target.charAt(0) === "#" ? document.getElementById(target.slice(1)) : null;
      if (!endnote || !endnote.hasAttribute("data-ed-gloss") ||
          document.getElementById("ed-mn-" + n)) return;
      // A note, not an <aside>: a complementary landmark must not sit inside <main>.
      var note = document.createElement("div");
      note.className = "ed-mn";
      note.setAttribute("role", "note");
      note.id = "ed-mn-" + n;
      note.setAttribute("aria-label", "Editor\u2019s note " + n);
      // The number leads to the whole note, its sources and events, at the end of the page.
      var full = document.createElement("a");
      full.className = "ed-mn-num";
      full.href = "#" + endnote.id;
      full.textContent = n;
      full.setAttribute("aria-label", "Note " + n + " in full, with its sources");
      // Where the note cannot sit beside its line, the number alone, which opens it here.
      var open = document.createElement("button");
      open.type = "button";
      open.className = "ed-mn-open";
      open.textContent = n;
      open.setAttribute("aria-expanded", "false");
      open.setAttribute("aria-controls", note.id + "-body");
      open.setAttribute("aria-label", "Editor\u2019s note " + n);
      var body = document.createElement("p");
      body.className = "ed-mn-body";
      body.id = note.id + "-body";
      body.textContent = endnote.getAttribute("data-ed-gloss");
      var more = document.createElement("a");
      more.className = "ed-mn-more";
      more.href = "#" + endnote.id;
      more.textContent = "Full note";
      more.setAttribute("aria-label", "Note " + n + " in full, with its sources");
      note.appendChild(full);
      note.appendChild(open);
      note.appendChild(body);
      note.appendChild(more);
      column.appendChild(note);
      var words = mark.previousElementSibling && mark.previousElementSibling.matches(".ed-noted")
        ? mark.previousElementSibling : null;
      var item = { mark: mark, note: note, words: words, n: n, endnote: endnote.id,
                   button: open };
      items.push(item);
      [note, mark].forEach(function (host) {
        host.addEventListener("mouseenter", function () { light(item, true); });
        host.addEventListener("mouseleave", function () { light(item, held(item)); });
        host.addEventListener("focusin", function () { light(item, true); });
        host.addEventListener("focusout", function (event) {
          if (!note.contains(event.relatedTarget) && event.relatedTarget !== mark) {
            light(item, false);
          }
        });
      });
      open.addEventListener("click", function () { toggle(item); });
      // The mark of a note shown by its number alone opens it there, in place.
      mark.addEventListener("click", function (event) {
        if (!document.documentElement.classList.contains("ed-mn-on") ||
            !note.classList.contains("ed-mn--stub")) return;
        event.preventDefault();
        toggle(item, true);
        open.focus();
      });
    });
    if (!items.length) return null;
    article.appendChild(column);
    return { article: article, column: column, items: items };
  }

  function held(item) {
    var active = document.activeElement;
    return item.note.contains(active) || active === item.mark;
  }

  function light(item, on) {
    item.note.classList.toggle("ed-mn--lit", on);
    item.mark.classList.toggle("ed-note-ref--lit", on);
    if (item.words) item.words.classList.toggle("ed-noted--lit", on);
  }

  function toggle(item, force) {
    var open = force === undefined
      ? item.button.getAttribute("aria-expanded") !== "true" : force;
    state.items.forEach(function (other) {
      if (other !== item && open) setOpen(other, false);
    });
    setOpen(item, open);
  }

  function setOpen(item, open) {
    item.button.setAttribute("aria-expanded", open ? "true" : "false");
    item.note.classList.toggle("ed-mn--open", open);
  }

  function showing() {
    var root = document.documentElement;
    return WIDE.matches && !root.classList.contains("ed-hide-notes") &&
      !root.classList.contains("ed-text-only");
  }

  function layout() {
    pending = 0;
    if (!state || !state.article.isConnected) return;
    var root = document.documentElement;
    var on = showing();
    root.classList.toggle("ed-mn-on", on);
    state.items.forEach(function (item) {
      setTarget(item.mark, on ? "#" + item.note.id : "#" + item.endnote);
    });
    if (!on) return;
    var base = state.article.getBoundingClientRect();
    // The text column: the author's paragraphs, the summary and the illustration, each at
    // most 36em wide; the rest of the page (headings, endnotes) keeps to the same measure.
    var right = 0;
    state.article.querySelectorAll(".essay:not(.essay-title), .ed-summary, .ed-illustration")
      .forEach(function (block) {
        right = Math.max(right, block.getBoundingClientRect().right - base.left);
      });
    if (!right) right = base.width * 0.65;
    var left = right + 32;
    state.column.style.left = left + "px";
    state.column.style.width = Math.min(400, Math.max(160, base.width - left)) + "px";
    place(base);
  }

  /* Each note at the top of its mark's line, or GAP px below the note before it, and at
     most REACH lines of the text below its mark. A note that cannot be placed so shows its
     number alone, in the gutter between the text and the margin (the stylesheet), on its
     mark's line or just below the number before it. */
  function place(base) {
    var essay = state.article.querySelector(".essay:not(.essay-title)") || state.article;
    var line = parseFloat(window.getComputedStyle(essay).lineHeight) || 27;
    var reach = REACH * line;
    var floor = -Infinity, numbers = -Infinity;
    state.items.forEach(function (item) {
      var note = item.note;
      var want = item.mark.getBoundingClientRect().top - base.top;
      var top = Math.max(want, floor + GAP);
      note.classList.remove("ed-mn--stub");
      if (top - want <= reach) {
        setOpen(item, false);
        note.style.top = top + "px";
        floor = top + note.offsetHeight;
        return;
      }
      note.classList.add("ed-mn--stub");
      top = Math.max(want, numbers + 2);
      note.style.top = top + "px";
      numbers = top + item.button.offsetHeight;
    });
  }

  function schedule() {
    if (!pending) pending = window.requestAnimationFrame(layout);
  }

  function mount() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !article.querySelector(".ed-notes") ||
        article.querySelector(".ed-mn-column")) return;
    state = build(article);
    // The head set the margin layout before the first paint; a page with no note to put in
    // the margin keeps its contents sidebar.
    if (!state) {
      document.documentElement.classList.remove("ed-mn-on");
      return;
    }
    layout();
    if (window.ResizeObserver) new ResizeObserver(schedule).observe(article);
    article.querySelectorAll("img").forEach(function (img) {
      if (!img.complete) img.addEventListener("load", schedule);
    });
  }

  // A click anywhere else closes an open note.
  document.addEventListener("click", function (event) {
    if (!state || !(event.target instanceof Element)) return;
    state.items.forEach(function (item) {
      if (item.note.classList.contains("ed-mn--open") && !item.note.contains(event.target) &&
          !item.mark.contains(event.target)) setOpen(item, false);
    });
  });

  // Escape closes an open note and gives the focus back to its number.
  document.addEventListener("keydown", function (event) {
    if (!state || (event.key !== "Escape" && event.key !== "Esc")) return;
    state.items.forEach(function (item) {
      if (item.button.getAttribute("aria-expanded") !== "true") return;
      setOpen(item, false);
      if (item.note.contains(document.activeElement)) item.button.focus();
    });
  });

  window.addEventListener("resize", schedule);
  if (typeof WIDE.addEventListener === "function") WIDE.addEventListener("change", layout);
  if (document.fonts) {
    document.fonts.ready.then(schedule);
    document.fonts.addEventListener("loadingdone", schedule);
  }
  window.addEventListener("load", schedule);
  // The layers are classes on <html> (set by the reader's tools above and before the first
  // paint): a change of layer lays the margin out again.
  if (window.MutationObserver) {
    new MutationObserver(function () {
      var on = showing();
      if (on !== document.documentElement.classList.contains("ed-mn-on")) layout();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  }

  mount();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  }
})();
/* ==== end of margin notes ==== */

/* ==== Endnotes that do not bury the next part ====================================
   On a phone the endnotes of a part run longer than the part: they fold, under their
   heading, behind a button that says how many there are (the stylesheet hides the list
   from the first paint, where the script runs and the screen is narrow). A note number
   still opens its note in place (Material's tooltip, from the list however it is shown),
   and any way to a note in the list (its number's second tap, a link, an address with
   #note-...) unfolds it first. Without the script, or on a wider screen, the list shows. */
(function () {
  "use strict";

  function open(section, on) {
    section.classList.toggle("ed-notes--open", on);
    var button = section.querySelector(".ed-notes-toggle");
    if (button) {
      button.setAttribute("aria-expanded", on ? "true" : "false");
      button.textContent = (on ? "Hide the " : "Show the ") + button.getAttribute("data-count");
    }
  }

  function reveal(id) {
    var target = id ? document.getElementById(id) : null;
    var section = target ? target.closest("section.ed-notes") : null;
    if (!section || section.classList.contains("ed-notes--open")) return false;
    open(section, true);
    return true;
  }

  function mount() {
    document.querySelectorAll("article section.ed-notes").forEach(function (section) {
      var heading = section.querySelector(":scope > h2");
      var list = section.querySelector(":scope > ol");
      if (!heading || !list || section.querySelector(".ed-notes-toggle")) return;
      if (!list.id) list.id = (heading.id || "ed-notes") + "-list";
      var count = list.querySelectorAll(":scope > li").length;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ed-notes-toggle";
      button.setAttribute("aria-controls", list.id);
      button.setAttribute("data-count", count === 1 ? "editor\u2019s note"
        : count + " editor\u2019s notes");
      button.addEventListener("click", function () {
        open(section, !section.classList.contains("ed-notes--open"));
      });
      heading.insertAdjacentElement("afterend", button);
      open(section, false);
    });
    reveal(decodeURIComponent(window.location.hash.slice(1)));
  }

  // Before the browser scrolls to a note: a link's click, then the address's change.
  document.addEventListener("click", function (event) {
    // A number's first tap on a touch screen opens its tooltip and follows no link.
    if (event.defaultPrevented) return;
    var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (link) reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
  }, true);
  window.addEventListener("hashchange", function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (reveal(id)) document.getElementById(id).scrollIntoView();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  }
})();
/* ==== end of endnotes that fold ==== */

/* ==== Search: a group of results opens at its best passage ====
 * Material heads each group of search results with its page, linked to the top of the page
 * (with an empty highlight when the page itself did not match). The edition's passages are
 * documents of their own (an essay paragraph at #pN, a note at #note-<id>,
 * hooks/edition/pages/search.py), so a group's title opens the group's best hit instead,
 * where the page itself scored lower. Material folds a group's weaker hits under "N more on
 * this page"; the essay's paragraphs stay in view (each shows only its sentences that
 * match), so no passage of the essay that holds the words is hidden.
 */
(function () {
  "use strict";

  function score(link) {
    var article = link.querySelector("article[data-md-score]");
    return article ? Number(article.getAttribute("data-md-score")) : 0;
  }

  function retarget(item) {
    var links = item.querySelectorAll("a.md-search-result__link");
    if (links.length > 1 && links[0].href.indexOf("#") === -1 &&
        score(links[1]) > score(links[0])) {
      links[0].href = links[1].href;
    }
    var more = item.querySelector("details.md-search-result__more");
    if (!more) return;
    var hidden = more.querySelectorAll("a.md-search-result__link");
    for (var i = 0; i < hidden.length; i++) {
      if (/#p\d+$/.test(hidden[i].getAttribute("href") || "")) more.open = true;
    }
  }

  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver || list.hasAttribute("data-ed-retarget")) return;
    list.setAttribute("data-ed-retarget", "");
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node instanceof Element && node.matches("li.md-search-result__item")) {
            retarget(node);
          }
        });
      });
    }).observe(list, { childList: true });
  }

  watch();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(watch);
  }
})();
