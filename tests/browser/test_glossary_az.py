"""The glossary opens with an A–Z of its entries: one link a letter, to the letter's first
entry."""

from __future__ import annotations

import unicodedata

from playwright.sync_api import Browser

from support.data import raw_entries


def _letter(name: str) -> str:
    """The letter a reader files ``name`` under: its first letter or digit, unaccented."""
    first = next(c for c in unicodedata.normalize("NFKD", name) if c.isalnum()).upper()
    return "0–9" if first.isdigit() else first


def test_the_glossary_opens_with_an_a_to_z_of_its_entries(browser: Browser, base_url: str) -> None:
    terms = [e for e in raw_entries() if e.kind == "term"]
    letters = sorted({_letter(e.name) for e in terms}, key=lambda x: (x != "0–9", x))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "glossary/")
    jump = page.locator("article nav.ed-az")
    links = jump.locator("a")
    found = links.all_inner_texts()
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    before_entries = page.evaluate("""() => {
      const nav = document.querySelector('article nav.ed-az');
      const first = document.querySelector('article h2');
      return !!(nav.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    # Each letter leads to the first entry filed under it.
    landed = {}
    for letter in found:
        page.locator("article nav.ed-az a", has_text=letter).first.click()
        landed[letter] = page.evaluate(
            "() => document.getElementById(location.hash.slice(1)).textContent.trim()")
    context.close()
    assert found == letters
    assert before_entries
    assert all(box is not None and box["width"] >= 24 and box["height"] >= 24 for box in boxes)
    firsts = {}
    for name in sorted((e.name for e in terms),
                       key=lambda n: n.lstrip("'\"‘“(").casefold()):
        firsts.setdefault(_letter(name), name)
    assert {letter: text for letter, text in landed.items()} == firsts


def test_each_pop_up_names_the_entry_it_explains(browser: Browser, base_url: str) -> None:
    """The words marked are often another form than the entry's name ("Imperial Russia" for
    the Russian Empire): the pop-up says which entry it explains."""
    names = {e.id: e.name for e in raw_entries()}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "essay/post-soviet/")
    marks = page.locator("article .essay a.ed-annotation")
    shown = {}
    for index in range(min(marks.count(), 8)):
        mark = marks.nth(index)
        entry = mark.get_attribute("href").rstrip("/").rsplit("/", 1)[-1].split("#")[-1]
        mark.hover()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for()
        shown[entry] = tooltip.inner_text().strip()
        page.mouse.move(0, 0)
        page.wait_for_timeout(300)
    context.close()
    assert len(shown) >= 5
    assert {e: text.startswith(names[e] + ":") for e, text in shown.items()} == {
        e: True for e in shown}, shown
