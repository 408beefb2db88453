"""The reader's tools in Chromium: layers, citations and copying, printing, accessibility."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from edition.data.glossary import load as load_glossary
from edition.data.notes import load as load_notes
from support.build import ROOT
from support.essay import paragraphs, source_blocks
from support.tools import require

from .test_quality import AXE, BEST_PRACTICE, PHONE, WCAG21_AA

PART = "essay/jcpoa/"   # ¶8 and ¶9
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
LAYERS = ("Glossary terms", "Actors", "Editor’s notes", "Text only")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")  # MLA 9, appendix 1


def configured() -> dict[str, str]:
    """mkdocs.yml's extra.edition: the one place the edition's version is set."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", "")
    edition = yaml.safe_load(text)["extra"]["edition"]
    return {"version": str(edition["version"]), "revised": str(edition["revised"])}


def paragraphs_title() -> str:
    return {b.label: b.text for b in source_blocks()}["title"]


def undashed(text: str) -> str:
    return re.sub("[-–]", "", text)


def words(text: str) -> str:
    return " ".join(text.split())


def layer(page: Page, name: str):  # type: ignore[no-untyped-def]
    """The visible checkbox of a layer (the menu's copy is hidden on a wide screen), the
    "Reading options" fold opened first if it is closed."""
    open_options(page)
    return page.get_by_role("group", name="Show").get_by_role("checkbox", name=name, exact=True)


def open_options(page: Page) -> None:
    """Open the "Reading options" fold if it is closed."""
    fold = page.locator("article details.ed-options")
    if fold.count() and not fold.evaluate("d => d.open"):
        fold.locator("summary").click()


def hrefs(page: Page, selector: str) -> list[str | None]:
    return page.eval_on_selector_all(selector, "marks => marks.map(m => m.getAttribute('href'))")


def test_the_layers_are_a_labelled_group_of_checkboxes_all_on_at_first(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + PART)
    open_options(page)
    group = page.get_by_role("group", name="Show")
    expect(group).to_have_count(1)
    for name in LAYERS:
        expect(layer(page, name)).to_be_checked(checked=name != "Text only")
    assert None not in hrefs(page, "article a.ed-annotation, article a.ed-note-ref")


@pytest.mark.parametrize(("name", "hidden", "kept"), [
    ("Glossary terms", "a.ed-term", "a.ed-actor"),
    ("Actors", "a.ed-actor", "a.ed-term"),
    ("Editor’s notes", "a.ed-note-ref", "a.ed-annotation"),
])
def test_each_layer_goes_off_and_on_without_moving_the_text(
    page: Page, base_url: str, name: str, hidden: str, kept: str
) -> None:
    page.goto(base_url + PART)
    marks = page.locator(f"article {hidden}")
    assert marks.count() > 0
    open_options(page)
    first_words = page.locator("#p8")
    before = first_words.bounding_box()
    layer(page, name).uncheck()
    assert set(hrefs(page, f"article {hidden}")) == {None}
    assert None not in hrefs(page, f"article {kept}")
    if hidden == "a.ed-note-ref":
        expect(marks.first).to_be_hidden()
        expect(page.locator(".ed-notes")).to_be_hidden()
        assert page.locator(".ed-noted").first.evaluate(
            "e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    else:
        expect(marks.first).to_be_visible()
        style = marks.first.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert style == "none"
        # No reflow: the paragraph keeps its place and its size.
        assert first_words.bounding_box() == before
    layer(page, name).check()
    assert None not in hrefs(page, f"article {hidden}")
    expect(marks.first).to_be_visible()


def test_text_only_shows_the_authors_words_bare(page: Page, base_url: str) -> None:
    page.goto(base_url + PART)
    layer(page, "Text only").check()
    assert set(hrefs(page, "article a.ed-annotation, article a.ed-note-ref")) == {None}
    expect(page.locator(".ed-summary")).to_be_hidden()
    expect(page.locator(".ed-notes")).to_be_hidden()
    for name in LAYERS[:3]:
        expect(layer(page, name)).to_be_disabled()
    # The paragraphs read as the author wrote them, numbers beside them.
    for number in (8, 9):
        assert words(page.locator(f"#p{number}").inner_text()) == words(paragraphs()[number])
        expect(page.locator(f"a.ed-para__num[href='#p{number}']")).to_be_visible()
    layer(page, "Text only").uncheck()
    expect(page.locator(".ed-summary")).to_be_visible()
    assert None not in hrefs(page, "article a.ed-annotation, article a.ed-note-ref")


def test_the_choice_holds_on_the_next_page_and_after_a_reload(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + PART)
    layer(page, "Actors").uncheck()
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(re.compile(r"essay/raisi/$"))
    expect(layer(page, "Actors")).not_to_be_checked()
    expect(layer(page, "Glossary terms")).to_be_checked()
    assert set(hrefs(page, "article a.ed-actor")) == {None}
    page.reload()
    expect(layer(page, "Actors")).not_to_be_checked()
    assert set(hrefs(page, "article a.ed-actor")) == {None}
    assert None not in hrefs(page, "article a.ed-term")


def test_the_keyboard_reaches_the_layers_and_hidden_marks_leave_the_tab_order(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + PART)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('summary.ed-options__summary')"):
            break
    else:
        raise AssertionError("Tab never reached the Reading options")
    page.keyboard.press("Enter")  # opens the fold; its first box is the next Tab stop
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.ed-layers input')")
    focused = page.evaluate("() => document.activeElement.parentElement.textContent.trim()")
    assert focused == "Glossary terms"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")
    expect(layer(page, "Glossary terms")).not_to_be_checked()
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "() => { const e = document.activeElement; return e.matches('a.ed-term') ? 'term'"
            " : e.matches('a.ed-actor') ? 'actor' : e.closest('article') ? 'other' : null; }"))
        if reached[-1] is None and "actor" in reached:
            break
    assert "term" not in reached
    assert "actor" in reached


def test_the_menu_on_a_phone_has_the_layers(browser: Browser, base_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(base_url + PART)
        page.locator("label.md-header__button[for='__drawer']").tap()
        # The drawer opens on the reader's section ("The essay"): the layers are there too.
        menu = page.locator(".md-nav__item--active.md-nav__item--nested > nav > .ed-layers")
        expect(menu).to_have_accessible_name("Show")
        box = menu.get_by_role("checkbox", name="Actors")
        expect(box).to_be_visible()
        expect(box).to_be_in_viewport()
        box.tap()
        expect(page.locator("article .ed-layers input[data-layer='actors']")).not_to_be_checked()
        assert set(hrefs(page, "article a.ed-actor")) == {None}
    finally:
        context.close()


def test_without_javascript_every_layer_shows_and_no_control_does(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + PART)
        expect(page.locator(".ed-options")).to_be_hidden()
        expect(page.locator("button.ed-cite").first).to_be_hidden()
        assert None not in hrefs(page, "article a.ed-annotation, article a.ed-note-ref")
        expect(page.locator(".ed-notes")).to_be_visible()
    finally:
        context.close()


@pytest.fixture
def clipboard(context: BrowserContext, base_url: str) -> BrowserContext:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return context


def test_cite_opens_the_paragraphs_citation_in_four_styles_and_copies_it(
    page: Page, base_url: str, clipboard: BrowserContext
) -> None:
    blocks = {b.label: b.text for b in source_blocks()}
    author, title = blocks["byline"], blocks["title"]
    url = f"{SITE_URL}{PART}#p9"
    # The reader's clock, stopped at noon on a day that is neither the build's nor the test's:
    # the access date is the reader's, and a run across midnight cannot tell two days apart.
    today = datetime.date(2031, 2, 3)
    page.clock.set_fixed_time(datetime.datetime(today.year, today.month, today.day, 12))
    page.goto(base_url + PART)
    cite = page.get_by_role("button", name="Cite paragraph 9")
    cite.click()
    dialog = page.get_by_role("dialog", name="Cite paragraph 9")
    expect(dialog).to_be_visible()
    # Built without a public address and read from another (the test server's port): the
    # dialog says that its addresses are this computer's.
    local = dialog.locator(".ed-cite-local")
    if urlsplit(SITE_URL).hostname in ("127.0.0.1", "localhost") and not base_url.startswith(
            SITE_URL.rstrip("/")):
        expect(local).to_be_visible()
        expect(local).to_contain_text("SITE_URL")
    else:
        expect(local).to_be_hidden()

    def form(style: str, index: int) -> str:
        region = dialog.get_by_role("region", name=style)
        return words(region.locator(".ed-cite-form__text, pre").nth(index).inner_text())

    # the citations of ¶9 written by hand from the manuals (tests/reader/test_citations.py
    # gives the rules), with this site's address and mkdocs.yml's edition.
    edition = configured()
    home, version = SITE_URL, edition["version"]
    original = ("https://engelsbergideas.com/essays/"
                "how-russia-and-iran-have-united-in-antipathy-towards-the-west/")
    y, m, d = (int(x) for x in edition["revised"].split("-"))
    us = f"{MONTHS[m - 1]} {d}, {y}"
    mla_day = f"{d} {MLA_MONTHS[m - 1]} {y}"
    accessed = f"{today.day} {MLA_MONTHS[today.month - 1]} {today.year}"
    # mkdocs.yml names no person as editor: the edition is the container, by its title.
    chicago = "Chicago (notes and bibliography, 18th ed.)"
    assert form(chicago, 0) == (
        f"{author}, “How Russia and Iran Have United in Antipathy towards the West,” in Russia "
        f"and Iran: An Annotated Edition, version {version} ({us}), par. 9, "
        f"{url}, originally published in Engelsberg Ideas, August 15, 2022, {original}.")
    assert form(chicago, 1) == (
        "Ansari, Ali. “How Russia and Iran Have United in Antipathy towards the West.” In Russia "
        f"and Iran: An Annotated Edition. Version {version}, {us}. {home}. "
        f"Originally published in Engelsberg Ideas, August 15, 2022. {original}.")
    assert form("MLA 9", 0) == "(Ansari, par. 9)"
    assert form("MLA 9", 1) == (
        "Ansari, Ali. “How Russia and Iran Have United in Antipathy towards the West.” Engelsberg "
        f"Ideas, 15 Aug. 2022, {original.removeprefix('https://')}. Russia and Iran: An Annotated "
        f"Edition, version {version}, {mla_day}, "
        f"{home.split('://', 1)[1]}. Accessed {accessed}.")
    assert form("APA 7", 0) == f"(Ansari, 2022/{y}, para. 9)"
    assert form("APA 7", 1) == (
        f"Ansari, A. ({y}). {title}. In Russia and Iran: An annotated edition (Version "
        f"{version}) [Annotated digital edition]. {home} (Original work published 2022)")
    bib = dialog.get_by_role("region", name="BibTeX").locator("pre").inner_text()
    assert bib.startswith("@incollection{ansari2022,") and f'url = "{home}"' in bib
    assert "journal" not in bib and "Originally published in Engelsberg Ideas" in bib
    assert f'date = "{y:04d}-{m:02d}-{d:02d}"' in bib and "editor" not in bib
    assert "month" not in bib and "year" not in bib
    assert f'urldate = "{today.isoformat()}"' in bib
    assert 'author = "Ansari, Ali"' in bib and f'title = "{title}"' in bib

    dialog.get_by_role("button", name="Copy the APA 7 reference list").click()
    expect(dialog.get_by_role("status")).to_have_text(re.compile("^Copied"))
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert words(copied) == form("APA 7", 1)
    dialog.get_by_role("button", name="Copy the BibTeX entry").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == bib

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(cite).to_be_focused()


def test_the_home_page_cites_the_whole_essay(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("button", name="Cite this essay").click()
    dialog = page.get_by_role("dialog", name="Cite this essay")
    expect(dialog).to_be_visible()
    apa = words(dialog.get_by_role("region", name="APA 7").locator(".ed-cite-form__text")
                .nth(0).inner_text())
    # APA 7 8.15: a republished work's two years, the original's first.
    assert apa == f"(Ansari, 2022/{configured()['revised'][:4]})"
    expect(dialog.locator(".ed-cite-dialog__url a")).to_have_attribute("href", SITE_URL)
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def test_a_printed_part_has_the_text_its_notes_and_definitions_and_nothing_for_screens(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + PART)
    layer(page, "Editor’s notes").uncheck()  # a layer off on screen does not thin the print
    entries = page.eval_on_selector_all(
        "article a.ed-annotation",
        "marks => marks.map(m => m.getAttribute('data-ed-href') || m.getAttribute('href'))")
    text = printed_text(page, tmp_path / "part.pdf")
    # the print says what it holds.
    assert ("This print has the author’s text with its paragraph numbers, the editor’s notes "
            "as numbered endnotes and the definitions of the terms and actors the page names, "
            "under “Terms in this part”.") in text
    # The author's paragraphs, each after its number (the notes' numbers taken out).
    bare = re.sub(r" ?\[\d+\]", "", text)
    for number in (8, 9):
        assert f"¶{number} {words(paragraphs()[number])}" in bare, number
    # The editor's notes of the part, numbered, from notes.yml.
    notes = load_notes(ROOT / "notes.yml")
    here = [n for n in notes if any(n.before + n.quote + n.after in paragraphs()[p]
                                    for p in (8, 9))]
    assert len(here) >= 5
    for note in here:
        body = words("".join(etree.fromstring(f"<div>{note.html}</div>").itertext()))
        assert body[:60] in text, note.label
    # The definitions of every term and actor on the page, from glossary.yml.
    assert "Terms in this part" in text
    glossary = load_glossary(ROOT / "glossary.yml")
    by_target = {("glossary", e.id): e for e in glossary.terms}
    by_target.update({("actors", e.id): e for e in glossary.actors})
    targets = set()
    for href in entries:
        page_name, _, anchor = href.replace("../", "").partition("#")
        targets.add(("glossary", anchor) if anchor else ("actors", page_name.split("/")[1]))
    assert len(targets) >= 10
    for target in targets:
        entry = by_target[target]
        # pdftotext drops a dash that ends a line ("2013–" + "2021" reads "20132021"):
        # dashes are compared out.
        assert undashed(f"{entry.name} {words(entry.summary)}") in undashed(text), target
    # the printed part names its source: author, title, original, edition, address.
    edition = configured()
    assert (f"Ali Ansari, “{words(paragraphs_title())}”, first published in Engelsberg Ideas, "
            "15 August 2022") in text
    assert f"version {edition['version']}" in text and f"{SITE_URL}{PART}" in text
    # Nothing that belongs to the screen.
    for screen_only in ("Back to note", "Copy", "Cite", "Text only", "Show Glossary",
                        "Search", "Table of contents", "Skip to content"):
        assert screen_only not in text, screen_only


def printed_text(page: Page, pdf: Path) -> str:
    """The page printed to ``pdf`` by Chromium, read back by pdftotext: its body's words, each
    sheet checked for the margin boxes (author and title, the page's number)."""
    pdftotext = require("pdftotext", install="sudo apt-get install poppler-utils")
    page.pdf(path=str(pdf))
    printed = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    header = f"Ali Ansari, “{paragraphs_title()}”"
    sheets = [words(sheet) for sheet in printed.split("\f") if sheet.strip()]
    assert len(sheets) > 1
    for number, sheet in enumerate(sheets, start=1):
        assert sheet.startswith(header) and sheet.endswith(f"Page {number} of {len(sheets)}")
    # The body, read without them (they would cut a paragraph running over two sheets).
    return " ".join(sheet.removeprefix(header).rsplit(" Page ", 1)[0].strip()
                    for sheet in sheets)


def test_text_only_prints_the_authors_text_alone_and_says_so(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """With "Text only" chosen, the print has the author's paragraphs with their numbers
    and its source, and none of the apparatus; its head says so."""
    page.goto(base_url + PART)
    layer(page, "Text only").check()
    text = printed_text(page, tmp_path / "text-only.pdf")
    assert ("This print has the author’s text alone, with its paragraph numbers (“Text only” "
            "is chosen): the editor’s notes and definitions are left out.") in text
    assert "the editor’s notes as numbered endnotes" not in text
    for number in (8, 9):
        assert f"¶{number} {words(paragraphs()[number])}" in text, number
    assert re.search(r"\[\d+\]", text) is None  # no note numbers in the text
    assert "Editor's notes" not in text and "Terms in this part" not in text
    for note in load_notes(ROOT / "notes.yml"):
        body = words("".join(etree.fromstring(f"<div>{note.html}</div>").itertext()))
        assert body[:60] not in text, note.label
    assert f"Ali Ansari, “{words(paragraphs_title())}”, first published in Engelsberg Ideas" in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_layers_off_and_the_cite_dialog_open(
    browser: Browser, base_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for path in ("", PART):
            page.goto(base_url + path)
            layer(page, "Text only").check()
            found[f"{path} text only"] = axe(page)
            layer(page, "Text only").uncheck()
            layer(page, "Actors").uncheck()
            layer(page, "Editor’s notes").uncheck()
            found[f"{path} actors and notes off"] = axe(page)
            page.locator("button.ed-cite").first.click()
            expect(page.locator("dialog[open]")).to_have_count(1)
            found[f"{path} cite dialog"] = axe(page)
            page.keyboard.press("Escape")
            page.evaluate("() => localStorage.clear()")
    finally:
        context.close()
    assert {k: v for k, v in found.items() if v} == {}


def axe(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the page as it is now."""
    page.evaluate(AXE)
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})",
        [*WCAG21_AA, *BEST_PRACTICE],
    )
    return [f"{rule['id']}: {node['target']}" for rule in result["violations"]
            for node in rule["nodes"]]
