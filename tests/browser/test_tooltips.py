"""Glossary tooltips in Chromium: hover, keyboard, touch, no JavaScript, hostile glossary text."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page, expect

from support.build import ROOT, build, copy_project
from support.data import raw_entries
from support.essay import paragraphs
from support.http import serving

JCPOA_PAGE = "essay/jcpoa/"
ANNOTATION = "a.ed-annotation"
ACTIVE = re.compile(r"\bmd-tooltip2--active\b")
#: Longest a tooltip may take to appear or fade (Material's transition is 0.25 s).
SETTLE_MS = 3_000


def plain(text: str) -> str:
    """Text as a reader sees it: runs of white space are one space."""
    return " ".join(text.split())


def glossary_entry(term: str, path: Path = ROOT / "glossary.yml") -> dict[str, Any]:
    """The raw entry for ``term`` in ``glossary.yml`` as it is now."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in data["terms"]:
        if entry["term"] == term:
            return entry
    raise AssertionError(f"{path}: no term {term!r}")


#: How ¶8 first names the JCPOA, the occurrence that is linked (one link per paragraph).
JCPOA_IN_P8 = "Joint Comprehensive Plan of Action"


def jcpoa(page: Page) -> Locator:
    """The annotation of the JCPOA in ¶8: its first occurrence there, the expanded name."""
    return page.locator(f"#p8 {ANNOTATION}").filter(has_text=re.compile(f"^{JCPOA_IN_P8}$"))


@contextlib.contextmanager
def jcpoa_page(
    browser: Browser, base_url: str, **options: Any
) -> Iterator[tuple[Page, Locator, str]]:
    """A fresh context with ``options``, open on the JCPOA's page: the page, the annotation
    and what its pop-up should say: the entry's name, then its definition."""
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(base_url + JCPOA_PAGE)
        entry = glossary_entry("JCPOA")
        yield page, jcpoa(page), f"{entry['term']}: {plain(entry['definition'])}"
    finally:
        context.close()


def tooltip_of(page: Page, host: Locator) -> Locator:
    """The tooltip Material mounted for ``host``, found through its aria-describedby."""
    expect(host).to_have_attribute("aria-describedby", re.compile(r"\S"), timeout=SETTLE_MS)
    tooltip_id = host.get_attribute("aria-describedby")
    assert tooltip_id
    return page.locator(f"div.md-tooltip2[role='tooltip'][id='{tooltip_id}']")


def expect_shown(tooltip: Locator, text: str) -> None:
    """The tooltip is mounted, active, fully opaque, on screen and says ``text``."""
    expect(tooltip).to_have_class(ACTIVE, timeout=SETTLE_MS)
    expect(tooltip).to_have_css("opacity", "1", timeout=SETTLE_MS)
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".md-tooltip2__inner")).to_be_in_viewport()
    shown = plain(tooltip.inner_text())
    assert shown == text, f"the tooltip says {shown!r}, not the definition {text!r}"


def centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None, f"{locator} has no box"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


# ---- Mouse --------------------------------------------------------------------------


def test_hovering_a_term_shows_its_definition_and_the_tooltip_is_hoverable(
    page: Page, base_url: str
) -> None:
    entry = glossary_entry("JCPOA")
    definition = f"{entry['term']}: {plain(entry['definition'])}"  # the pop-up names its term
    page.goto(base_url + JCPOA_PAGE)
    term = jcpoa(page)
    expect(term).to_have_count(1)
    title = term.get_attribute("title")
    assert title, "the annotation has no title for Material to show"

    term.hover()
    tooltip = tooltip_of(page, term)
    expect_shown(tooltip, definition)
    expect(term).not_to_have_attribute("title", re.compile(".*"))  # no native tooltip as well

    # WCAG 1.4.13 (hoverable): the pointer can move onto the tooltip without it vanishing.
    x, y = centre(tooltip.locator(".md-tooltip2__inner"))
    page.mouse.move(x, y, steps=8)
    page.wait_for_timeout(800)  # longer than Material's 250 ms grace period after leaving
    assert tooltip.count() == 1 and ACTIVE.search(tooltip.get_attribute("class") or ""), (
        "the tooltip closed when the pointer moved onto it (WCAG 1.4.13: hoverable)"
    )
    expect_shown(tooltip, definition)
    assert page.evaluate("() => document.querySelector('.md-tooltip2__inner:hover') !== null")

    # Moving away hides and unmounts it, and the link gets its title back.
    x, y = centre(page.locator("article h1").first)
    page.mouse.move(x, y, steps=8)
    expect(tooltip).to_be_hidden(timeout=SETTLE_MS)
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    expect(term).not_to_have_attribute("aria-describedby", re.compile(".*"))
    expect(term).to_have_attribute("title", title)


# ---- Keyboard -----------------------------------------------------------------------


def test_tabbing_to_a_term_shows_it_escape_hides_it_and_enter_follows_it(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + JCPOA_PAGE)
    index = -1
    for _ in range(150):
        page.keyboard.press("Tab")
        index = page.evaluate(
            f"() => Array.from(document.querySelectorAll('{ANNOTATION}'))"
            ".indexOf(document.activeElement)"
        )
        if index >= 0:
            break
    assert index >= 0, "150 presses of Tab never reached an annotation"
    term = page.locator(ANNOTATION).nth(index)
    focused = page.evaluate_handle("() => document.activeElement")

    href = term.evaluate("e => e.href")
    entry_id = urlsplit(href).fragment
    assert entry_id and urlsplit(href).path.endswith("/glossary/")
    # What the tooltip must say: the term's name and definition as glossary.yml writes them.
    name, summary = next((e.name, e.summary) for e in raw_entries()
                         if e.kind == "term" and e.id == entry_id)
    shown = f"{name}: {summary}"
    tooltip = tooltip_of(page, term)
    expect(tooltip).to_have_class(ACTIVE, timeout=SETTLE_MS)
    expect_shown(tooltip, shown)
    outline = term.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus outline: {outline}"

    page.keyboard.press("Escape")
    expect(tooltip).not_to_have_class(ACTIVE, timeout=SETTLE_MS)
    expect(tooltip).to_have_css("opacity", "0", timeout=SETTLE_MS)
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    assert page.evaluate("e => document.activeElement === e", focused), "Escape moved focus"

    page.keyboard.press("Enter")
    expect(page).to_have_url(href)
    heading = page.locator(f"article h2[id='{entry_id}']")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    # The entry it leads to gives the same definition.
    expect(page.locator(f"article h2[id='{entry_id}'] ~ p.ed-gl-definition").first).to_have_text(
        summary
    )


# ---- Touch --------------------------------------------------------------------------


def test_first_tap_shows_the_definition_and_second_tap_follows_the_link(
    browser: Browser, base_url: str
) -> None:
    touch = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}
    with jcpoa_page(browser, base_url, **touch) as (page, term, definition):
        href = term.evaluate("e => e.href")
        before = page.url

        term.tap()
        tooltip = tooltip_of(page, term)
        expect_shown(tooltip, definition)
        page.wait_for_timeout(500)  # a navigation, had the tap started one, would be under way
        assert page.url == before
        assert page.evaluate("() => document.activeElement?.textContent") == JCPOA_IN_P8

        term.tap()
        expect(page).to_have_url(href)
        entry_id = urlsplit(href).fragment
        expect(page.locator(f"article h2[id='{entry_id}']")).to_be_visible()


# ---- Without JavaScript ----------------------------------------------------------------


def test_without_javascript_the_title_and_the_link_still_give_the_definition(
    browser: Browser, base_url: str
) -> None:
    with jcpoa_page(browser, base_url, java_script_enabled=False) as (page, term, definition):
        expect(term).to_have_attribute("title", definition)
        expect(page.locator(".md-tooltip2")).to_have_count(0)

        href = term.evaluate("e => e.href")
        term.click()
        expect(page).to_have_url(href)
        entry_id = urlsplit(href).fragment
        heading = page.locator(f"article h2[id='{entry_id}']")
        expect(heading).to_have_text("JCPOA")
        shown = page.locator(f"article h2[id='{entry_id}'] ~ p.ed-gl-definition").first
        expect(shown).to_have_text(definition.removeprefix("JCPOA: "))


# ---- The paragraph's words ----------------------------------------------------------------


def test_annotating_leaves_the_paragraph_text_unchanged(page: Page, base_url: str) -> None:
    page.goto(base_url + JCPOA_PAGE)
    expect(page.locator(f"#p8 {ANNOTATION}").first).to_be_attached()
    assert page.locator("#p8").inner_text() == paragraphs()[8]
    # ... also while a tooltip is mounted (Material moves the title out of the link).
    jcpoa(page).hover()
    expect(page.locator(".md-tooltip2--active")).to_have_count(1, timeout=SETTLE_MS)
    assert page.locator("#p8").inner_text() == paragraphs()[8]


# ---- Hostile glossary text -------------------------------------------------------------

#: Contributors' text that would run script if it ever became markup.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '"><script>window.__pwned=2;alert(2)</script>',
    "</a><svg onload=window.__pwned=3;alert(3)>",
    "[x](javascript:window.__pwned=4)",
    '{ onmouseover="window.__pwned=5" }',
    "&lt script&gt window.__pwned=6 R&D,",
)
JCPOA_DEFINITION = " ".join(PAYLOADS[:4])
JCPOA_NOTE = " ".join(PAYLOADS[3:])


class _NoAliasDumper(yaml.SafeDumper):
    """Writes every value out in full: the glossary loader rejects YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def hostile_glossary(path: Path) -> dict[str, Any]:
    """Rewrite the glossary at ``path``: every text a contributor writes becomes a payload.

    Terms, aliases, ids and URLs stay as they are, so every form still occurs in the
    essay and the strict build has nothing to warn about.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for n, entry in enumerate(data["terms"]):
        if entry["term"] == "JCPOA":
            entry["definition"], entry["note"] = JCPOA_DEFINITION, JCPOA_NOTE
            titles = PAYLOADS
        else:
            entry["definition"] = PAYLOADS[n % len(PAYLOADS)]
            entry["note"] = PAYLOADS[(n + 1) % len(PAYLOADS)]
            titles = (PAYLOADS[(n + 2) % len(PAYLOADS)],)
        url = entry["sources"][0]["url"]
        entry["sources"] = [{"title": title, "url": url} for title in titles]
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(text, encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == data
    return data


@dataclass
class HostileSite:
    """The project built with a hostile glossary, and where it is served."""

    site: Path
    url: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSite]:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    hostile_glossary(project / "glossary.yml")
    result = build(project, project / "site")
    assert result.returncode == 0, f"strict build of the hostile glossary failed:\n{result.output}"
    assert result.warnings == []
    with serving(result.site) as url:
        yield HostileSite(result.site, url)


@dataclass
class Watch:
    """What a page did that it should not have."""

    dialogs: list[str]
    requests: list[str]


def watched_page(browser: Browser, base_url: str) -> tuple[Page, Watch]:
    """A page on a new context that records dialogs and blocks requests leaving the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    watch = Watch([], [])
    local = urlsplit(base_url).netloc

    def route(route):  # type: ignore[no-untyped-def]
        url = urlsplit(route.request.url)
        watch.requests.append(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != local:
            route.abort()
        else:
            route.continue_()

    def dialog(dialog):  # type: ignore[no-untyped-def]
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", dialog)
    return page, watch


#: Anything on a page that a payload would have created.
EVIDENCE = """() => ({
    pwned: typeof window.__pwned,
    handlers: Array.from(
        document.querySelectorAll('[onerror], [onload], [onmouseover], [onclick]'),
        e => e.outerHTML),
    scriptLinks: Array.from(
        document.querySelectorAll('a[href^="javascript:" i]'), e => e.outerHTML),
    elements: Array.from(
        document.querySelectorAll(
            'article img, article script, article svg, article iframe, '
            + '.md-tooltip2 img, .md-tooltip2 script, .md-tooltip2 svg'),
        e => e.outerHTML),
    scripts: Array.from(document.scripts, s => s.textContent)
        .filter(t => t.includes('__pwned')),
})"""
CLEAN = {"pwned": "undefined", "handlers": [], "scriptLinks": [], "elements": [], "scripts": []}


def test_hostile_definitions_are_shown_literally_and_run_nothing(
    browser: Browser, hostile: HostileSite
) -> None:
    html = (hostile.site / JCPOA_PAGE / "index.html").read_text(encoding="utf-8")
    titles = {
        a["title"]
        for a in BeautifulSoup(html, "lxml").select(f"#p8 {ANNOTATION}")
        if a.get_text() in ("JCPOA", "Joint Comprehensive Plan of Action")
    }
    assert titles == {f"JCPOA: {JCPOA_DEFINITION}"}, (
        "the built title is not the name and the definition, verbatim")

    page, watch = watched_page(browser, hostile.url)
    try:
        page.goto(hostile.url + JCPOA_PAGE)
        term = jcpoa(page)
        term.hover()
        tooltip = tooltip_of(page, term)
        expect_shown(tooltip, f"JCPOA: {JCPOA_DEFINITION}")
        assert "<img src=x" in tooltip.inner_text()

        # The alias carries the same definition; mount its tooltip from the keyboard.
        alias = page.locator(f"#p8 {ANNOTATION}").filter(
            has_text=re.compile(r"^Joint Comprehensive Plan of Action$")
        )
        page.mouse.move(0, 0)
        alias.focus()
        expect_shown(tooltip_of(page, alias), f"JCPOA: {JCPOA_DEFINITION}")
        page.wait_for_timeout(500)  # time for an <img onerror> or <svg onload> to fire
        assert page.evaluate(EVIDENCE) == CLEAN
        assert page.locator("#p8").inner_text() == paragraphs()[8]

        page.goto(hostile.url + "glossary/")
        entry = "article h2[id='jcpoa']"
        expect(page.locator(entry)).to_have_text("JCPOA")
        definition = page.locator(f"{entry} ~ p.ed-gl-definition").first
        expect(definition).to_have_text(JCPOA_DEFINITION)
        expect(page.locator(f"{entry} ~ p.ed-gl-note").first).to_have_text(JCPOA_NOTE)
        sources = page.locator(f"{entry} ~ p.ed-gl-sources").first.locator("a")
        expect(sources).to_have_text(list(PAYLOADS))
        article = page.locator("article").inner_text()
        for payload in PAYLOADS:
            assert payload in article, f"not shown literally on the glossary page: {payload}"
        definition.hover()
        page.wait_for_timeout(500)
        assert page.evaluate(EVIDENCE) == CLEAN

        loaded_x = [url for url in watch.requests if urlsplit(url).path.endswith("/x")]
        assert loaded_x == [], "an <img src=x> from a payload was loaded"
        assert watch.dialogs == []
    finally:
        page.context.close()
