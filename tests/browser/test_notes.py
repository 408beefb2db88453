"""Editor's notes in Chromium: open in place, close with Escape, jump there and back."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from support.build import build, copy_project, keep_referred_events
from support.http import serving

#: A wide window that still opens notes in place (no margin notes below 76.25em).
IN_PLACE = {"width": 1100, "height": 900}
HOSTILE = '<img src=x onerror="window.__pwned=1"> *fine* [link](https://example.org/x)'


def first_note(page: Page, base_url: str) -> tuple[str, str]:
    """Open the first essay page with a note; return its URL and the note's text. The
    window is narrower than 1220 px (76.25em), where a note opens in place: wider, it sits in
    the margin beside its mark (test_margin_notes.py)."""
    page.set_viewport_size(IN_PLACE)
    for part in ("post-soviet", "1990s", "2000s", "green-movement", "jcpoa", "raisi", "ukraine",
                 "conclusion"):
        page.goto(f"{base_url}essay/{part}/")
        if page.locator("a.ed-note-ref").count():
            text = page.locator("section.ed-notes li .ed-note-body").first.inner_text()
            return page.url, " ".join(text.split())
    raise AssertionError("no essay page has a note")


def test_a_note_opens_in_place_on_focus_and_hover_and_escape_closes_it(
    page: Page, base_url: str
) -> None:
    _, text = first_note(page, base_url)
    marker = page.locator("a.ed-note-ref").first
    # the note's number through the edition, as its endnote is numbered.
    number = page.locator("section.ed-notes li").first.get_attribute("value")
    expect(marker).to_have_attribute("aria-label", f"Editor's note {number}")
    marker.focus()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(1)
    expect(tooltip).to_contain_text(text[:40])
    page.keyboard.press("Escape")
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    assert page.evaluate("() => document.activeElement.matches('a.ed-note-ref')")
    page.mouse.move(0, 0)
    marker.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text(text[:40])


def test_following_a_note_goes_to_it_and_back_to_the_words(page: Page, base_url: str) -> None:
    url, _ = first_note(page, base_url)
    marker = page.locator("a.ed-note-ref").first
    key = marker.get_attribute("href").removeprefix("#note-")
    marker.click()
    expect(page).to_have_url(re.compile(rf"#note-{key}$"))
    expect(page.locator(f"#note-{key}")).to_be_in_viewport()
    page.locator(f"#note-{key} .ed-note-back a").click()
    expect(page).to_have_url(re.compile(rf"#noteref-{key}$"))
    expect(page.locator("span.ed-noted").first).to_be_in_viewport()
    assert page.url.startswith(url)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile-notes")
    project = copy_project(root / "project")
    (project / "notes.yml").write_text(
        "notes:\n  - quote: more discrete\n    kind: slip\n"
        f"    note: '{HOSTILE}'\n"
        '    sources: [{title: "<b>S</b>", url: "https://example.org/s"}]\n    id: more-discrete\n'
        f"    gloss: '{HOSTILE}'\n",
        encoding="utf-8",
    )
    keep_referred_events(project)
    result = build(project, root / "site")
    assert result.returncode == 0, result.output
    with serving(result.site) as url:
        yield url


def test_note_text_runs_nothing(browser: Browser, hostile_site: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("essay/jcpoa/", "notes/"):
            page.goto(hostile_site + path)
            if path.startswith("essay"):
                page.locator("a.ed-note-ref").first.hover()
                expect(page.locator(".md-tooltip2--active")).to_contain_text("<img src=x")
            body = page.locator(".ed-note-body").first
            expect(body).to_contain_text('<img src=x onerror="window.__pwned=1">')
            expect(body.locator("em")).to_have_text("fine")
            assert body.locator("img, script").count() == 0
            assert page.evaluate("() => window.__pwned") is None
        assert dialogs == []
    finally:
        context.close()


def test_the_notes_page_and_timeline_are_reachable_in_reading_order(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/conclusion/")
    page.locator("a.md-footer__link--next").click()
    expect(page.locator("article h1")).to_have_text("Editor's notes")
    page.locator("a.md-footer__link--next").click()
    expect(page.locator("article h1")).to_have_text("Timeline")




def test_a_note_is_reachable_by_keyboard(page: Page, base_url: str) -> None:
    page.set_viewport_size(IN_PLACE)
    page.goto(base_url + "essay/jcpoa/")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.ed-note-ref')"):
            break
    else:
        raise AssertionError("Tab never reached a note's number")
    expect(page.locator(".md-tooltip2--active")).to_have_count(1)
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#note-[a-z0-9-]+$"))


def test_on_a_phone_the_first_tap_opens_a_note_and_the_second_follows_it(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True,
                                  is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + "essay/jcpoa/")
        marker = page.locator("a.ed-note-ref").first
        before = page.url
        marker.tap()
        expect(page.locator(".md-tooltip2--active")).to_have_count(1)
        page.wait_for_timeout(300)
        assert page.url == before
        marker.tap()
        expect(page).to_have_url(re.compile(re.escape(marker.get_attribute("href")) + "$"))
    finally:
        context.close()


def test_a_note_open_in_place_links_to_its_sources(page: Page, base_url: str) -> None:
    """The tooltip holds the note's sources, as notes.yml gives them, as links."""
    import yaml

    from support.build import ROOT

    raw = {note["id"]: note for note in yaml.safe_load(
        (ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]}
    first_note(page, base_url)
    marker = page.locator("a.ed-note-ref").first
    key = marker.get_attribute("href").removeprefix("#note-")
    marker.focus()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(1)
    links = tooltip.locator(".ed-note-sources a")
    expect(links).to_have_count(len(raw[key]["sources"]))
    assert [(links.nth(i).inner_text(), links.nth(i).get_attribute("href"))
            for i in range(links.count())] == [
        (s["title"].strip(), s["url"]) for s in raw[key]["sources"]]
