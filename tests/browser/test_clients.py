"""The exports read by the clients scholars use, in Chromium, against the built site.

Each client is the pinned npm package (``package.json``), bundled by esbuild from
``node_modules`` at test time (``clients/entry.js``), and run in the essay's pages with the
site's own scripts running: Apache Annotator (the W3C selector library, exact matching and
``refinedBy``), dom-anchor-text-quote (the best-match anchoring of Hypothesis-style
clients, given the position hint Hypothesis gives it), Recogito's text annotator (positions, through its W3C adapter, exactly as the
README says) and CETEIcean (the TEI Consortium's renderer). The expected annotations are
the export's own items, every one of them; the expected pointers, every ``#`` pointer of
the TEI file.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from playwright.sync_api import Browser, Page

from support.build import ROOT
from support.tools import require

ENTRY = Path(__file__).with_name("clients") / "entry.js"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clients bundled into one script (``window.editionClients``)."""
    require("npm", install="sudo apt-get install npm")
    if not ESBUILD.exists():
        message = "the export clients are not installed: run 'npm ci' (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("clients") / "clients.js"
    subprocess.run([str(ESBUILD), str(ENTRY), "--bundle", "--format=iife",
                    f"--outfile={out}", "--log-level=warning"], check=True, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def collection(site: Path) -> dict[str, Any]:
    return json.loads((site / "edition.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_page(collection: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The export's annotations by the path of their page."""
    pages: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in collection["first"]["items"]:
        pages[urlsplit(item["target"]["source"]).path].append(item)
    assert sum(map(len, pages.values())) == collection["total"] > 0
    return dict(pages)


def open_page(page: Page, base_url: str, path: str, clients: Path) -> None:
    """The built page with its own scripts run, then the clients added."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url.rstrip("/") + path)
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.documentElement.classList.contains('ed-js')")
    page.add_script_tag(path=str(clients))
    assert not errors, errors


#: What both scripts below begin with: the clients, and a point's offset in the text of
#: document.body.
PRELUDE = """  const C = window.editionClients;
  const body = document.body;
  const at = (node, offset) => {
    const r = document.createRange(); r.setStart(body, 0); r.setEnd(node, offset);
    return r.toString().length;
  };
"""

#: Apache Annotator and dom-anchor-text-quote on every annotation of the page; each match
#: described by its text and its offsets in the text of document.body.
ANCHOR = """
async (items) => {
""" + PRELUDE + """  const where = (range) => range && {text: range.toString(),
    start: at(range.startContainer, range.startOffset),
    end: at(range.endContainer, range.endOffset)};
  const fragmentMatcher = (selector) => async function* (scope) {
    const element = document.getElementById(selector.value);
    const range = document.createRange();
    if (element && (scope.contains ? scope.contains(element) : true)) {
      range.selectNodeContents(element); yield range;
    }
  };
  const refinable = C.makeRefinable((selector) =>
    selector.type === "FragmentSelector" ? fragmentMatcher(selector)
      : C.createTextQuoteSelectorMatcher(selector));
  const text = body.textContent;
  const out = [];
  for (const item of items) {
    const selectors = item.target.selector;
    const quote = selectors.find((s) => s.type === "TextQuoteSelector");
    const fragment = selectors.find((s) => s.type === "FragmentSelector");
    const quoted = [];
    for await (const range of C.createTextQuoteSelectorMatcher(quote)(body)) quoted.push(range);
    const refined = [];
    for await (const range of refinable(fragment)(body)) refined.push(range);
    const element = document.getElementById(fragment.value);
    const inside = (range) => !!element && element.contains(range.startContainer)
      && element.contains(range.endContainer);
    // dom-anchor-text-quote, best match, in the page's body and (refinedBy) in the fragment.
    // In the body with the hint Hypothesis's client gives it, the TextPositionSelector's start:
    // without one it prefers the candidate nearest the middle of the body's text, so that any
    // page with more text after the essay than before it (the menu follows the text, for the
    // keyboard) would anchor a title-length quotation in a citation or a printed definition.
    const position = selectors.find((s) => s.type === "TextPositionSelector");
    const bestOf = (root, selector, options) => {
      try { return {range: where(C.textQuote.toRange(root, selector, options))}; }
      catch (e) { return {range: null, error: String(e)}; }
    };
    const best = bestOf(body, quote, position ? {hint: position.start} : undefined);
    // In the fragment, as offsets in the element's text: dom-anchor-text-position cannot
    // make a Range that ends at the end of its root's text, where a paragraph's last words are.
    let bestRefined = null, refinedPlace = null;
    if (element && quoted.length === 1) {
      const inElement = (node, offset) => {
        const r = document.createRange(); r.setStart(element, 0); r.setEnd(node, offset);
        return r.toString().length;
      };
      refinedPlace = {start: inElement(quoted[0].startContainer, quoted[0].startOffset),
        end: inElement(quoted[0].endContainer, quoted[0].endOffset)};
      try { bestRefined = C.textQuote.toTextPosition(element, fragment.refinedBy); }
      catch (e) { bestRefined = {error: String(e)}; }
    }
    // Whether a matcher of 32 characters (diff-match-patch's bitap) could tell the place
    // apart in the body's text: by the quote's prefix alone (its whole context before the
    // words), or by the 32 characters after the words.
    const count = (needle) => needle ? text.split(needle).length - 1 : 2;
    const after = quoted.length === 1 ? text.slice(where(quoted[0]).end,
      where(quoted[0]).end + 32) : "";
    const separable = (quote.prefix || "").length >= 32 || count(quote.prefix) === 1
      || count(after) === 1;
    out.push({id: item.id, exact: quote.exact,
      quoted: quoted.map(where), quotedInside: quoted.map(inside),
      refined: refined.map(where), refinedInside: refined.map(inside),
      best: best.range, bestError: best.error || null, bestRefined, refinedPlace,
      separable});
  }
  return out;
}
"""


def test_apache_annotator_and_best_match_find_every_annotation_on_its_words(
    readings: dict[str, dict[str, Any]], by_page: dict[str, list[dict[str, Any]]],
) -> None:
    problems: list[str] = []
    checked = 0
    for path, reading in readings.items():
        for found in reading["anchored"]:
            checked += 1
            name = f"{path} {found['id']} {found['exact']!r}"
            quoted, refined, best = found["quoted"], found["refined"], found["best"]
            if len(quoted) != 1 or quoted[0]["text"] != found["exact"]:
                problems.append(f"{name}: TextQuoteSelector matches {quoted}")
                continue
            if not found["quotedInside"][0]:
                problems.append(f"{name}: the quote matches outside its fragment")
            if refined != quoted or found["refinedInside"] != [True]:
                problems.append(f"{name}: refinedBy inside the fragment finds {refined}")
            if found["bestRefined"] != found["refinedPlace"]:
                problems.append(f"{name}: dom-anchor-text-quote finds refinedBy in the "
                                f"fragment at {found['bestRefined']}, not "
                                f"{found['refinedPlace']}")
            if best != quoted[0]:
                why = "" if found["separable"] else (
                    "; no 32 characters of its context tell its place apart")
                problems.append(f"{name}: dom-anchor-text-quote finds {best} "
                                f"({found['bestError']}), not {quoted[0]}{why}")
    assert checked == sum(map(len, by_page.values()))
    assert not problems, f"{len(problems)} of {checked}:\n" + "\n".join(problems)


#: Recogito's text annotator on the page's content (article .ed-text), fed the page's items
#: through its W3C adapter exactly as the README says; each loaded annotation's range, as
#: Recogito revives it from the TextPositionSelector, described like the matches above.
RECOGITO = """
async (items) => {
""" + PRELUDE + """  const container = document.querySelector("article .ed-text");
  const anno = C.createTextAnnotator(container, {
    adapter: C.W3CTextFormat(location.href, container)});
  const errors = [];
  // Recogito reports an annotation it cannot read on the console ("Discarded … invalid").
  const error = console.error, warn = console.warn;
  console.error = console.warn = (...args) => { errors.push(args.join(" ")); };
  try { anno.setAnnotations(items); } finally { console.error = error; console.warn = warn; }
  // The stored target, revived in the container as Recogito revives it to draw it.
  const where = (range) => ({text: range.toString(),
    start: at(range.startContainer, range.startOffset),
    end: at(range.endContainer, range.endOffset)});
  const quotes = Object.fromEntries(items.map((item) => [item.id,
    item.target.selector.find((s) => s.type === "TextQuoteSelector")]));
  const loaded = [];
  for (const a of anno.state.store.all()) {
    const range = C.reviveTarget(a.target, container).selector[0].range;
    const exact = [];  // Apache Annotator's match of the same item, measured at the same time
    for await (const match of C.createTextQuoteSelectorMatcher(quotes[a.id])(body)) {
      exact.push(where(match));
    }
    loaded.push({id: a.id, drawn: where(range), exact});
  }
  // The text Recogito counts in its container, as its W3C adapter walks it.
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, (node) =>
    node.parentElement?.closest(".not-annotatable") ? NodeFilter.FILTER_SKIP
      : NodeFilter.FILTER_ACCEPT);
  let counted = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) counted += node.data;
  return {loaded, errors, counted};
}
"""


@pytest.fixture(scope="module")
def readings(browser: Browser, base_url: str, clients: Path,
             by_page: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Each page opened once: its annotations anchored by Apache Annotator and
    dom-anchor-text-quote (``ANCHOR``), then loaded into Recogito (``RECOGITO``)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    local = urlsplit(base_url).netloc
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).netloc == local else route.abort())
    found: dict[str, dict[str, Any]] = {}
    try:
        for path, items in by_page.items():
            page = context.new_page()
            open_page(page, base_url, path, clients)
            found[path] = {"anchored": page.evaluate(ANCHOR, items),
                           "recogito": page.evaluate(RECOGITO, items)}
            page.close()
    finally:
        context.close()
    return found


def built_text(site: Path, path: str) -> str:
    """The text of the built page's ``.ed-text``, without its ``not-annotatable`` parts."""
    soup = BeautifulSoup((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"),
                         "lxml")
    holders = soup.select(".ed-text")
    assert len(holders) == 1, path
    for interface in holders[0].select(".not-annotatable"):
        interface.decompose()
    return holders[0].get_text()


def test_recogito_loads_every_annotation_of_each_page_on_its_words(
    readings: dict[str, dict[str, Any]], by_page: dict[str, list[dict[str, Any]]],
    site: Path,
) -> None:
    problems: list[str] = []
    loaded = 0
    for path, items in by_page.items():
        result = readings[path]["recogito"]
        problems += [f"{path}: {error}" for error in result["errors"]]
        # The site's scripts add no text Recogito counts: the container holds the text of
        # the built page's content, interface left out, with the scripts run.
        if result["counted"] != built_text(site, path):
            problems.append(f"{path}: the scripts change the text Recogito counts")
        if len(result["loaded"]) != len(items):
            problems.append(f"{path}: Recogito loaded {len(result['loaded'])} of {len(items)}")
        for annotation in result["loaded"]:
            loaded += 1
            if annotation["exact"] != [annotation["drawn"]]:
                problems.append(f"{path} {annotation['id']}: Recogito draws "
                                f"{annotation['drawn']}, not {annotation['exact']}")
    assert not problems, f"{len(problems)} problems, {loaded} loaded:\n" + "\n".join(problems[:40])
    assert loaded == sum(map(len, by_page.values()))


def tei_pointers(site: Path) -> list[tuple[str, str]]:
    """Every ``#`` pointer of the TEI file: the attribute's name and the id it names."""
    root = etree.parse(str(site / "edition.tei.xml")).getroot()
    pointers: list[tuple[str, str]] = []
    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            pointers += [(etree.QName(name).localname, token[1:])
                         for token in value.split() if token.startswith("#")]
    return sorted(pointers)


#: CETEIcean rendering edition.tei.xml into the page; every '#' pointer of the rendered
#: elements, and whether the id it names is an element of the rendering.
CETEICEAN = """
async (url) => {
  const C = window.editionClients;
  const errors = [];
  window.addEventListener("error", (e) => errors.push(String(e.message)));
  const rendered = await new C.CETEI().getHTML5(url);
  const holder = document.createElement("div");
  holder.id = "tei-rendering";
  holder.append(rendered);
  document.body.replaceChildren(holder);
  const pointers = [];
  for (const element of holder.querySelectorAll("*")) {
    if (!element.localName.startsWith("tei-")) continue;
    for (const attribute of element.attributes) {
      if (attribute.name === "data-origname" || attribute.name === "id") continue;
      for (const token of attribute.value.split(/\\s+/)) {
        if (!token.startsWith("#")) continue;
        const target = document.getElementById(token.slice(1));
        pointers.push([attribute.name, token.slice(1),
          !!target && holder.contains(target) && target.localName.startsWith("tei-")]);
      }
    }
  }
  const paragraphs = [...holder.querySelectorAll("tei-body tei-p[id]")].map((e) => e.id);
  return {pointers, errors, paragraphs};
}
"""


def test_every_tei_pointer_resolves_in_ceteicean(
    page: Page, base_url: str, clients: Path, site: Path,
) -> None:
    expected = tei_pointers(site)
    assert expected
    open_page(page, base_url, "/", clients)
    result = page.evaluate(CETEICEAN, base_url + "edition.tei.xml")
    assert not result["errors"]
    dead = [(name, target) for name, target, found in result["pointers"] if not found]
    assert not dead, f"{len(dead)} of {len(expected)} pointers dead: {dead[:20]}"
    # Every pointer of the file is in the rendering; CETEIcean's endnotes copy a note's
    # content to a list at the end, so the pointers inside such notes stand there twice.
    rendered = Counter((name, target) for name, target, _ in result["pointers"])
    assert set(rendered) == set(expected)
    assert not Counter(expected) - rendered
    root = etree.parse(str(site / "edition.tei.xml")).getroot()
    tei = "{http://www.tei-c.org/ns/1.0}"
    # The essay's numbered paragraphs, each rendered once under its id.
    paragraphs = [p.get(XML_ID) for p in root.iter(f"{tei}p")
                  if p.get(XML_ID) and p.getparent() is not None
                  and any(a.tag == f"{tei}body" for a in p.iterancestors())]
    assert result["paragraphs"] == paragraphs and paragraphs
