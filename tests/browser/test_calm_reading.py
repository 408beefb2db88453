"""The apparatus serves the essay. Measured in Chromium on the real build."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

PARTS = ("essay/post-soviet/", "essay/1990s/", "essay/2000s/", "essay/green-movement/",
         "essay/jcpoa/", "essay/raisi/", "essay/ukraine/", "essay/conclusion/")
SHARE = (Path(__file__).parent / "marking.js").read_text(encoding="utf-8")
#: "No paragraph has more than about 15 % of its characters marked" (the issue).
MOST = 0.15

FIRST_ON_LINE = """() => {
  const stranded = [];
  for (const ref of document.querySelectorAll('article .essay a.ed-note-ref')) {
    // The number as drawn: its box less the padding that widens its target.
    const outer = ref.getBoundingClientRect(), style = getComputedStyle(ref);
    const box = {left: outer.left + parseFloat(style.paddingLeft),
                 top: outer.top + parseFloat(style.paddingTop)};
    const range = document.createRange();
    const before = ref.previousSibling;
    if (!before) continue;
    range.selectNodeContents(before);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    // The number's box sits on the line of the word before it, right after it.
    const off = !last || box.left < last.right - 1 || box.top > last.bottom;
    if (off) stranded.push(ref.dataset.note);
  }
  return stranded;
}"""


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_no_paragraph_is_crowded_and_no_note_number_is_stranded(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    shares: dict[str, float] = {}
    stranded: dict[str, list[str]] = {}
    for part in PARTS:
        page.goto(base_url + part)
        shares.update(page.evaluate(SHARE))
        stranded[part] = page.evaluate(FIRST_ON_LINE)
    context.close()
    assert {f"p{n}" for n in range(1, 16)} <= set(shares), shares
    # Paragraphs, as the issue says: the byline ("Ali Ansari", ten letters) carries a note
    # whose number, as the notes are numbered through the edition, has two digits.
    assert max(v for k, v in shares.items() if k.startswith("p") and k[1:].isdigit()) <= MOST, (
        shares)
    assert stranded == {part: [] for part in PARTS}


def test_iran_and_russia_are_not_a_link_in_every_paragraph(
    browser: Browser, base_url: str
) -> None:
    """The essay's subjects, named in most paragraphs, are linked once in the whole essay:
    at their first mention after the title, the standfirst."""
    page = browser.new_page()
    linked: dict[str, list[str]] = {}
    for part in ("", *PARTS):
        page.goto(base_url + part)
        for actor in ("iran", "russia", "the-west"):
            linked.setdefault(actor, []).extend(page.locator(
                f"article .essay a.ed-actor[href$='actors/{actor}/']").evaluate_all(
                "links => links.map(a => a.closest('.essay').id)"))
    page.close()
    assert linked == {key: ["standfirst"] for key in ("iran", "russia", "the-west")}


LAYOUT_SHIFT = """new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls = (window.__cls || 0) + entry.value;
  }
}).observe({type: "layout-shift", buffered: true});"""

ESSAY_LINES = """() => {
  const tops = new Set();
  for (const p of document.querySelectorAll('article .essay')) {
    const range = document.createRange();
    range.selectNodeContents(p);
    for (const r of range.getClientRects()) {
      if (r.height > 0 && r.top >= 0 && r.bottom <= innerHeight) tops.add(Math.round(r.top));
    }
  }
  return tops.size;
}"""


#: Type of other widths than the machine's own serif and sans-serif (a condensed face where the
#: machine has one, monospace for a wide one): with narrower type more of the page stands in
#: the first screen, so a shift that some fonts show and others hide shows here, whatever
#: fonts the machine has.
FONTS = {
    "installed": "",
    "condensed": (":root { --md-text-font-family: 'DejaVu Sans Condensed', 'Liberation Sans"
                  " Narrow', 'Arial Narrow', sans-serif; --ed-essay-font: 'DejaVu Serif"
                  " Condensed', serif; } body, input, aside, .md-typeset"
                  " { font-stretch: condensed; }"),
    "wide": (":root { --md-text-font-family: monospace; --ed-essay-font: monospace; }"
             " body, input, aside { font-family: monospace; }"),
}


@pytest.mark.parametrize("width,height,fonts", [
    (1280, 900, "installed"), (390, 844, "installed"),
    (1280, 900, "condensed"), (1600, 1000, "condensed"), (1280, 900, "wide"),
])
def test_the_page_does_not_shift_as_it_loads(
    browser: Browser, site: Path, base_url: str, width: int, height: int, fonts: str
) -> None:
    """Every page of the built site: the essay's parts, each generated page (the notes page's
    kind buttons included) and one actor page standing for the rest."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(LAYOUT_SHIFT)
    if FONTS[fonts]:
        def restyle(route):  # type: ignore[no-untyped-def]
            response = route.fetch()
            route.fulfill(response=response, body=response.text() + FONTS[fonts])
        context.route("**/assets/edition.css", restyle)
    page = context.new_page()
    shifts = {}
    others = sorted(f"{index.parent.name}/" for index in site.glob("*/index.html")
                    if index.parent.name not in ("essay", "search"))
    actor = sorted(site.glob("actors/*/index.html"))[0].parent.relative_to(site).as_posix()
    assert "notes/" in others and len(others) >= 6, others
    for part in ("", *PARTS, *others, f"{actor}/"):
        page.goto(base_url + part)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        shifts[part] = page.evaluate("window.__cls || 0")
    context.close()
    assert max(shifts.values()) <= 0.02, shifts


def test_the_first_phone_screen_of_every_part_has_ten_lines_of_the_text(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    lines = {}
    for part in PARTS:
        page.goto(base_url + part)
        lines[part] = page.evaluate(ESSAY_LINES)
    context.close()
    assert min(lines.values()) >= 10, lines


def test_the_saved_layers_apply_before_the_script_arrives(
    browser: Browser, base_url: str
) -> None:
    """edition.js held back for 3 s: the marks the reader turned off are never painted."""
    context = browser.new_context()
    context.add_init_script(
        "localStorage.setItem('edition.layers', JSON.stringify({actors: false}))")
    release: list = []

    def hold(route):  # type: ignore[no-untyped-def]
        release.append(route)

    context.route("**/assets/edition.js*", hold)
    page = context.new_page()
    page.goto(base_url + PARTS[0], wait_until="commit")
    page.wait_for_selector("article a.ed-actor", state="attached")
    page.wait_for_timeout(500)
    assert release  # the script is still held
    style = page.locator("article a.ed-actor").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    assert style == "none"
    # The controls are already in the page, in their place, before the script.
    assert page.locator("article details.ed-options").count() == 1
    for route in release:
        route.continue_()
    context.close()


def test_reading_options_are_one_skip_link_away_and_say_what_they_do(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page()
    page.goto(base_url + PARTS[0])
    names = []
    for _ in range(2):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert names == ["Skip to content", "Reading options"]
    page.wait_for_timeout(400)  # Material fades the skip link in
    ring = page.evaluate("getComputedStyle(document.activeElement).opacity")
    assert ring == "1"  # the focused skip link shows
    page.keyboard.press("Enter")
    fold = page.locator("article details.ed-options")
    if not fold.evaluate("d => d.open"):
        page.locator("summary.ed-options__summary").click()
    help_text = page.get_by_role("group", name="Show").get_attribute("aria-describedby")
    assert "Text only" in page.locator(f"#{help_text}").inner_text()
    page.get_by_role("checkbox", name="Text only").check()
    # Nothing in the menus points at the notes that Text only hides.
    assert page.locator(".md-nav a[href='#editors-notes']:visible").count() == 0
    page.get_by_role("checkbox", name="Text only").uncheck()
    # The notes are reachable again: from the menu, or, where the notes sit in the margin in
    # the table of contents' place (>= 76.25em), from each margin note.
    assert page.locator(".md-nav a[href='#editors-notes']:visible, "
                        ".ed-mn a[href^='#note-']:visible").count() > 0
    page.evaluate("localStorage.clear()")
    page.close()


def test_every_paragraph_number_shows_its_focus(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + PARTS[0])
    number = page.locator("a.ed-para__num").first
    number.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    assert page.evaluate("document.activeElement.matches('a.ed-para__num')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.close()


def test_the_title_is_not_marked_as_a_noted_passage(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url)
    ref = page.locator("h1#title a.ed-note-ref")
    ref.hover()
    tint = page.locator("h1#title .ed-noted").evaluate("e => getComputedStyle(e).backgroundColor")
    assert tint == "rgba(0, 0, 0, 0)"
    title, number = page.evaluate("""() => [
        parseFloat(getComputedStyle(document.querySelector('h1#title')).fontSize),
        parseFloat(getComputedStyle(document.querySelector('h1#title a.ed-note-ref')).fontSize)]""")
    assert number < title / 2  # a small marker, not a large number after the title
    page.close()


PHONE_MARKS = {
    "note": ("#p8 a.ed-note-ref", """r => { const w = r.previousElementSibling;
        return [...(w && w.matches('.ed-noted') ? w : r).getClientRects()].map(
            b => ({top: b.top, bottom: b.bottom})); }"""),
    "term": ("#p8 a.ed-annotation", """a => [...a.getClientRects()].map(
        b => ({top: b.top, bottom: b.bottom}))"""),
}


@pytest.mark.parametrize("mark", PHONE_MARKS)
def test_on_a_phone_an_open_note_or_tooltip_hides_none_of_its_words(
    browser: Browser, base_url: str, mark: str
) -> None:
    """At 390 px a tapped note (or a term's tooltip) opens clear of the line it explains,
    and closes with Escape or with a tap elsewhere."""
    selector, words_of = PHONE_MARKS[mark]
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "essay/jcpoa/")
    overlaps = []
    refs = page.locator(selector)
    active = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    for number, note in enumerate((0, refs.count() // 2, refs.count() - 1)):
        ref = refs.nth(note)
        ref.scroll_into_view_if_needed()
        ref.tap()
        active.wait_for()
        page.wait_for_timeout(300)
        sheet = active.bounding_box()
        words = ref.evaluate(words_of)
        overlaps += [(note, w) for w in words
                     if w["bottom"] > sheet["y"] and w["top"] < sheet["y"] + sheet["height"]]
        if number % 2:
            page.locator("h1").tap()  # a tap elsewhere closes it
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(300)
        assert active.count() == 0, (mark, note)
    context.close()
    assert overlaps == []


TARGETS = """(svg) => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            width: r.width, height: r.height}; };
  // The drawing the reader sees: a phone's or a wide screen's (the other is not shown).
  const shown = [...document.querySelectorAll(svg)].filter((s) => s.checkVisibility());
  const links = shown.flatMap((s) => [...s.querySelectorAll('a')]);
  return {
    drawings: shown.length,
    links: links.map((a) => ({name: a.getAttribute('aria-label'), ...box(a)})),
    labels: shown.flatMap((s) => [...s.querySelectorAll('a text')]).map(box),
  };
}"""


def _overlapping(boxes: list[dict]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1)
            if a["left"] < b["right"] and b["left"] < a["right"]
            and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
@pytest.mark.parametrize("url,svg", [("timeline/", "svg.ed-timeline"),
                                     ("actors/", "svg.ed-network")])
def test_every_point_node_and_name_is_a_24_px_target_and_no_two_names_overlap(
    browser: Browser, base_url: str, width: int, height: int, url: str, svg: str
) -> None:
    """WCAG 2.2, 2.5.8: each selectable point, node and name at least 24 × 24 CSS px, with
    no other target over it; in the network drawing no two names overlap."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url + url)
    found = page.evaluate(TARGETS, svg)
    context.close()
    links = found["links"]
    assert found["drawings"] == 1
    assert len(links) >= 20
    small = [(a["name"], round(a["width"], 1), round(a["height"], 1)) for a in links
             if a["width"] < 24 - 0.01 or a["height"] < 24 - 0.01]
    assert small == []
    assert _overlapping(links) == []
    if svg == "svg.ed-network":
        assert len(found["labels"]) == len(links)
        assert _overlapping(found["labels"]) == []
