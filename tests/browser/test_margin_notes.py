"""Notes in the margin. On a wide screen (1280 and 1600 px) every editor's note of an essay
page is also shown in the margin beside its mark: whole (its gloss, or its first sentence,
with nothing cut), at most five lines of the text below its mark, never overlapping the next;
or, where notes crowd, as its number alone, which opens it in place. Linked both ways with
its mark and to the full endnote; on a phone, with the notes layer off or "Text only", none
shows. Real build, real Chromium."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from browser.test_quality import violations
from browser.test_reader import layer
from support.data import margin_forms

GAP = 8  # px between two margin notes, at least
REACH = 5  # lines of the text a note may lie below its mark
TARGET = 24  # px, WCAG 2.2's minimum target

#: Each margin note, its mark and how the browser lays them out and cuts them (or not).
BOXES = """() => [...document.querySelectorAll('article a.ed-note-ref[data-note]')].map(m => {
  const n = document.getElementById('ed-mn-' + m.dataset.note);
  const box = e => { const r = e.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
            width: r.width, height: r.height}; };
  const body = n && n.querySelector('.ed-mn-body');
  const number = n && [...n.querySelectorAll('.ed-mn-num, .ed-mn-open')]
    .find(e => e.checkVisibility());
  const clipped = [n, body].filter(e => e && e.checkVisibility()).some(e =>
    e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1 ||
    getComputedStyle(e).webkitLineClamp !== 'none' ||
    getComputedStyle(e).textOverflow === 'ellipsis');
  return {note: m.dataset.note, key: m.id.replace(/^noteref-/, ''), mark: box(m),
          markHref: m.getAttribute('href'), markId: m.id,
          visible: !!n && n.checkVisibility(),
          stub: !!n && n.classList.contains('ed-mn--stub'),
          whole: !!body && body.checkVisibility(), text: body && body.textContent,
          clipped: clipped, box: n && box(n), number: number && box(number),
          numberHref: n && n.querySelector('a.ed-mn-num').getAttribute('href')};
})"""
TEXT_RIGHT = """() => Math.max(...[...document.querySelectorAll('article .essay')]
  .map(e => e.getBoundingClientRect().right))"""
LINE = "() => parseFloat(getComputedStyle(document.querySelector('article .essay')).lineHeight)"


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


def check_layout(boxes: list[dict], text_right: float, width: int, line: float) -> float:
    """Assert the margin notes' layout; return the largest distance of a whole note from its
    mark where the note before it left room for it there."""
    worst = 0.0
    reach = REACH * line + 2
    whole = sorted((b for b in boxes if not b["stub"]), key=lambda b: b["box"]["top"])
    stubs = sorted((b for b in boxes if b["stub"]), key=lambda b: b["box"]["top"])
    column = min((b["box"]["left"] for b in whole), default=width)
    previous_bottom = float("-inf")
    for box in whole:
        top, mark = box["box"]["top"], box["mark"]["top"]
        assert box["whole"] and not box["clipped"], ("cut", box)
        assert mark - 2 <= top <= mark + reach, ("far from its mark", box)
        assert top >= previous_bottom + GAP - 0.5, ("overlap", box)
        if mark >= previous_bottom + GAP:
            assert abs(top - mark) <= 4, box
            worst = max(worst, abs(top - mark))
        assert box["box"]["left"] >= text_right, ("over the text", box)
        assert box["box"]["right"] <= width, ("off the screen", box)
        previous_bottom = box["box"]["bottom"]
    # A note with no room beside its line: its number alone, between the text and the
    # margin, near its mark, a whole target that no other number overlaps.
    for box in stubs:
        top, mark = box["box"]["top"], box["mark"]["top"]
        assert not box["whole"], ("a number alone shows no text", box)
        assert mark - 2 <= top <= mark + reach, ("far from its mark", box)
        assert box["number"]["width"] >= TARGET and box["number"]["height"] >= TARGET, box
        assert text_right <= box["box"]["left"] and box["box"]["right"] <= column, box
    for first, second in pairwise(stubs):
        assert second["box"]["top"] >= first["box"]["bottom"], (first, second)
    return worst


@pytest.mark.parametrize("width", [1280, 1600])
def test_every_margin_note_is_whole_beside_its_line_or_its_number_alone(
    browser: Browser, base_url: str, site: Path, width: int
) -> None:
    pages = essay_pages(site)
    assert len(pages) >= 9  # the title page and the eight parts
    forms = margin_forms()
    context = browser.new_context(viewport={"width": width, "height": 1000})
    measured, numbers_alone = {}, {}
    try:
        page = context.new_page()
        for path, numbers in pages.items():
            page.goto(base_url + path)
            page.evaluate("document.fonts.ready")
            boxes = page.evaluate(BOXES)
            assert [b["note"] for b in boxes] == numbers
            assert page.locator(".ed-mn").count() == len(numbers)
            assert all(b["visible"] for b in boxes), path
            for box in boxes:
                # The margin shows the note's short form, as notes.yml has it, and all of it.
                if box["whole"]:
                    assert box["text"] == forms[box["key"]], box
                # Linked: the mark to its margin note, its number to the whole endnote.
                assert box["markHref"] == f"#ed-mn-{box['note']}"
                assert box["numberHref"] == f"#note-{box['key']}"
            measured[path] = check_layout(
                boxes, page.evaluate(TEXT_RIGHT), width, page.evaluate(LINE))
            numbers_alone[path] = [b["note"] for b in boxes if b["stub"]]
    finally:
        context.close()
    print("largest misalignment (px) where there was room:", measured)
    print("notes shown by their number alone:", numbers_alone)


def test_a_mark_its_margin_note_and_its_endnote_lead_to_each_other(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/jcpoa/")
    mark = page.locator("article .essay a.ed-note-ref").first
    number = mark.get_attribute("data-note")
    key = mark.get_attribute("id").removeprefix("noteref-")
    mark.click()
    expect(page.locator(f"#ed-mn-{number}")).to_be_in_viewport()
    assert page.url.endswith(f"#ed-mn-{number}")
    # The margin note's number opens the whole note, with its sources, at the end.
    page.locator(f"#ed-mn-{number} a.ed-mn-num").click()
    assert page.url.endswith(f"#note-{key}")
    endnote = page.locator(f"#note-{key}")
    expect(endnote).to_be_in_viewport()
    expect(endnote.locator(".ed-note-sources")).to_be_visible()
    endnote.locator(".ed-note-back a").click()
    expect(mark).to_be_in_viewport()


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_hovering_or_focusing_a_mark_or_its_margin_note_lights_both(
    page: Page, base_url: str, how: str
) -> None:
    page.goto(base_url + "essay/jcpoa/")
    mark = page.locator("article .essay a.ed-note-ref").first
    number = mark.get_attribute("data-note")
    note = page.locator(f"#ed-mn-{number}")
    # The noted words are the span just before the mark (note_marks.py: noted-<id>).
    words = page.locator(f"#{mark.get_attribute('id').replace('noteref-', 'noted-', 1)}")
    plain = note.evaluate("e => getComputedStyle(e).backgroundColor")
    plain_words = words.evaluate("e => getComputedStyle(e).backgroundColor")
    for host in (mark, note.locator("a.ed-mn-num")):
        if how == "hover":
            host.hover()
        else:
            host.focus()
        page.wait_for_timeout(250)  # the tint's transition
        assert note.evaluate("e => getComputedStyle(e).backgroundColor") != plain
        assert words.evaluate("e => getComputedStyle(e).backgroundColor") != plain_words
        if how == "hover":
            page.mouse.move(1, 1)
        else:
            host.blur()
        page.wait_for_timeout(250)
        assert note.evaluate("e => getComputedStyle(e).backgroundColor") == plain


#: The margin's text enlarged, as a reader might, so that notes crowd on any page.
CROWDED = ".md-typeset .ed-mn { font-size: 1.1rem !important; }"


def crowd(page: Page) -> None:
    """Enlarge the margin's text and let the page lay its margin out again. The page does so
    in the animation frame after a resize, so the test waits for that frame: a note may show
    its number alone before the margin is crowded (it depends on the fonts), so waiting for
    such a note would read the margin as it was, its notes grown but not moved."""
    page.add_style_tag(content=CROWDED)
    page.evaluate("""() => new Promise(done => {
      window.dispatchEvent(new Event('resize'));
      requestAnimationFrame(() => done());
    })""")


def test_a_note_with_no_room_shows_its_number_which_opens_it_in_place(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/jcpoa/")
    page.evaluate("document.fonts.ready")
    crowd(page)
    boxes = page.evaluate(BOXES)
    assert any(b["stub"] for b in boxes)
    check_layout(boxes, page.evaluate(TEXT_RIGHT), 1280, page.evaluate(LINE))
    stub = next(b for b in boxes if b["stub"])
    note = page.locator(f"#ed-mn-{stub['note']}")
    button = note.locator("button.ed-mn-open")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(note.locator(".ed-mn-body")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    body = note.locator(".ed-mn-body")
    expect(body).to_be_visible()
    assert body.text_content() == margin_forms()[stub["key"]]
    # Opened over the notes below it: its text is on top where it lies.
    box = body.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.ed-mn')?.id",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top == f"ed-mn-{stub['note']}"
    expect(note.locator("a.ed-mn-more")).to_have_attribute("href", f"#note-{stub['key']}")
    # Nothing else moved.
    after = {b["note"]: b["box"] for b in page.evaluate(BOXES)}
    assert all(after[b["note"]] == b["box"] for b in boxes if b["note"] != stub["note"])
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(body).to_be_hidden()
    # Its mark in the text opens it there too, and leaves the reader where they are.
    url = page.url
    page.locator(f"#{stub['markId']}").click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_be_focused()
    assert page.url == url
    # A click elsewhere closes it.
    page.locator("article h1").click()
    expect(button).to_have_attribute("aria-expanded", "false")


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
        page.locator(".ed-mn a.ed-mn-num").nth(1).hover()
        assert violations(page) == []
        # And with a note shown by its number alone, opened.
        crowd(page)
        page.locator(".ed-mn--stub button.ed-mn-open").first.click()
        assert violations(page) == []
    finally:
        context.close()
