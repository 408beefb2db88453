"""Issue 22: notes in the margin. On a wide screen (1280 px) every editor's note of an essay
page is also shown in the margin beside its mark, clamped with a "Show all" button, never
overlapping the next, linked both ways with its mark; on a phone, with the notes layer off
or "Text only", none shows. Real build, real Chromium."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from browser.test_quality import violations
from browser.test_reader import layer

GAP = 8  # px between two margin notes, at least

#: Each margin note, its mark and the text column's right edge, as the browser lays them out.
BOXES = """() => [...document.querySelectorAll('article a.ed-note-ref[data-note]')].map(m => {
  const n = document.getElementById('ed-mn-' + m.dataset.note);
  const r = m.getBoundingClientRect();
  const b = n ? n.getBoundingClientRect() : null;
  return {note: m.dataset.note, markTop: r.top + scrollY,
          markHref: m.getAttribute('href'), markId: m.id,
          top: b && b.top + scrollY, bottom: b && b.bottom + scrollY,
          left: b && b.left, right: b && b.right,
          backHref: n && n.querySelector('a.ed-mn-num').getAttribute('href'),
          visible: !!n && n.checkVisibility()};
})"""


def essay_pages(site: Path) -> dict[str, list[str]]:
    """Every page of the built site with note marks, and the numbers of its notes, read from
    its HTML as the build wrote it (before any script ran)."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        numbers = [a["data-note"] for a in soup.select("article a.ed-note-ref[data-note]")]
        if numbers:
            folder = html.parent.relative_to(site).as_posix()
            pages["" if folder == "." else folder + "/"] = numbers
    return pages


def check_layout(boxes: list[dict], text_right: float, width: int) -> float:
    """Assert the margin notes' layout; return the largest distance of a note from its mark
    where the note before it left room for it there."""
    worst = 0.0
    previous_bottom = float("-inf")
    for box in sorted(boxes, key=lambda b: b["top"]):
        assert box["top"] >= box["markTop"] - 2, box
        assert box["top"] >= previous_bottom + GAP - 0.5, ("overlap", box)
        if box["markTop"] >= previous_bottom + GAP:
            assert abs(box["top"] - box["markTop"]) <= 4, box
            worst = max(worst, abs(box["top"] - box["markTop"]))
        assert box["left"] >= text_right, ("over the text", box)
        assert box["right"] <= width, ("off the screen", box)
        previous_bottom = box["bottom"]
    # Pairwise as well: no two boxes share a pixel row.
    spans = sorted((b["top"], b["bottom"]) for b in boxes)
    for (_, bottom), (top, _) in pairwise(spans):
        assert top >= bottom
    return worst


def test_every_note_has_one_margin_note_beside_its_mark_at_1280(
    page: Page, base_url: str, site: Path
) -> None:
    pages = essay_pages(site)
    assert len(pages) >= 9  # the title page and the eight parts
    measured = {}
    for path, numbers in pages.items():
        page.goto(base_url + path)
        page.evaluate("document.fonts.ready")
        boxes = page.evaluate(BOXES)
        assert [b["note"] for b in boxes] == numbers
        for number in numbers:
            expect(page.locator(f"#ed-mn-{number}")).to_have_count(1)
        assert page.locator(".ed-mn").count() == len(numbers)
        assert all(b["visible"] for b in boxes), path
        for box in boxes:
            # Linked both ways: the mark to its margin note, its number back to the mark.
            assert box["markHref"] == f"#ed-mn-{box['note']}"
            assert box["backHref"] == f"#{box['markId']}"
            assert page.locator(box["backHref"]).count() == 1
        text_right = page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('article .essay')]"
            ".map(e => e.getBoundingClientRect().right))")
        measured[path] = check_layout(boxes, text_right, 1280)
        # Close to its line even where notes crowd: folded to fewer lines there, no note
        # lies more than half a screen (900 px high) below its mark.
        drift = max(b["top"] - b["markTop"] for b in boxes)
        assert drift <= 450, (path, drift)
        # Readable without a hover: the text is there, four lines of it (two where notes
        # crowd) until opened.
        body = page.locator(f"#ed-mn-{numbers[0]} .ed-mn-body")
        expect(body).to_be_visible()
        assert body.inner_text().strip()
    print("largest misalignment (px) where there was room:", measured)


def test_a_mark_and_its_margin_note_lead_to_each_other(page: Page, base_url: str) -> None:
    page.goto(base_url + "essay/jcpoa/")
    mark = page.locator("article .essay a.ed-note-ref").first
    number = mark.get_attribute("data-note")
    mark.click()
    expect(page.locator(f"#ed-mn-{number}")).to_be_in_viewport()
    assert page.url.endswith(f"#ed-mn-{number}")
    # Hovering or focusing the margin note tints its words, as hovering the mark does.
    # The noted words are the span just before the mark (note_marks.py: noted-<id>).
    words = page.locator(f"#{mark.get_attribute('id').replace('noteref-', 'noted-', 1)}")
    plain = words.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator(f"#ed-mn-{number} a.ed-mn-num").focus()
    page.wait_for_timeout(250)
    assert words.evaluate("e => getComputedStyle(e).backgroundColor") != plain
    page.locator(f"#ed-mn-{number} a.ed-mn-num").click()
    assert page.url.endswith(f"#{mark.get_attribute('id')}")
    expect(mark).to_be_in_viewport()


def test_show_all_expands_a_note_in_place_and_pushes_the_next_below_it(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/post-soviet/")
    page.evaluate("document.fonts.ready")
    notes = page.locator(".ed-mn")
    toggle = notes.first.locator("button.ed-mn-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_text("Show all")
    before = notes.first.bounding_box()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Show less")
    after = notes.first.bounding_box()
    assert after["height"] > before["height"] + 10
    following = notes.nth(1).bounding_box()
    assert following["y"] >= after["y"] + after["height"] + GAP - 0.5
    text_right = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('article .essay')]"
        ".map(e => e.getBoundingClientRect().right))")
    check_layout(page.evaluate(BOXES), text_right, 1280)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert notes.first.bounding_box()["height"] == pytest.approx(before["height"], abs=1)


def test_no_margin_note_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url + "essay/post-soviet/")
        marks = page.locator("article a.ed-note-ref")
        assert marks.count() > 0
        for index in range(page.locator(".ed-mn").count()):
            expect(page.locator(".ed-mn").nth(index)).to_be_hidden()
        # The mark still opens its note in place and leads to the endnote.
        # Its endnote is the list item of the part's notes with the mark's own number.
        number = marks.first.get_attribute("data-note")
        endnote = page.locator(f".ed-notes li[value='{number}']")
        expect(endnote).to_have_count(1)
        expect(marks.first).to_have_attribute("href", "#" + endnote.get_attribute("id"))
        expect(page.locator(".md-sidebar--secondary")).to_have_count(1)
    finally:
        context.close()


@pytest.mark.parametrize("name", ["Text only", "Editor’s notes"])
def test_the_layers_turn_margin_notes_off_and_on(page: Page, base_url: str, name: str) -> None:
    page.goto(base_url + "essay/post-soviet/")
    expect(page.locator(".ed-mn").first).to_be_visible()
    box = layer(page, name)
    if name == "Text only":
        box.check()
    else:
        box.uncheck()
    for index in range(page.locator(".ed-mn").count()):
        expect(page.locator(".ed-mn").nth(index)).to_be_hidden()
    if name == "Text only":
        box.uncheck()
    else:
        box.check()
    expect(page.locator(".ed-mn").first).to_be_visible()
    expect(page.locator("article a.ed-note-ref").first).to_have_attribute(
        "href", "#ed-mn-" + page.locator("article a.ed-note-ref").first.get_attribute("data-note"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_margin_notes_showing(
    browser: Browser, base_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "essay/post-soviet/")
        expect(page.locator(".ed-mn").first).to_be_visible()
        page.locator(".ed-mn button.ed-mn-toggle").first.click()
        page.locator(".ed-mn a.ed-mn-num").nth(1).hover()
        assert violations(page) == []
    finally:
        context.close()
