"""The apparatus on a phone (390 px): note numbers are whole targets, the endnotes of a part
fold below it and open wherever a reader goes to a note. Real build, real Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.test_margin_notes import essay_pages

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
TARGET = 24  # px, WCAG 2.2's minimum target (2.5.8)

#: Each note number on the page: its box, and the points of it (corners, inset a pixel, and
#: the centre) where a tap would reach something else.
NUMBERS = """() => [...document.querySelectorAll('article a.ed-note-ref')].map(m => {
  m.scrollIntoView({block: 'center'});
  const r = m.getBoundingClientRect();
  const points = [[r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1],
                  [r.right - 1, r.bottom - 1], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
  return {note: m.dataset.note, width: r.width, height: r.height,
          missed: points.filter(([x, y]) => document.elementFromPoint(x, y) !== m).length};
})"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_every_note_number_is_a_whole_24_px_target_on_a_phone(
    phone: BrowserContext, base_url: str, site
) -> None:
    page = phone.new_page()
    for path, numbers in essay_pages(site).items():
        page.goto(base_url + path)
        page.evaluate("document.fonts.ready")
        found = page.evaluate(NUMBERS)
        assert [n["note"] for n in found] == numbers
        small = [n for n in found
                 if n["width"] < TARGET or n["height"] < TARGET or n["missed"]]
        assert small == [], path


def test_the_targets_leave_the_text_where_it_was(browser: Browser, base_url: str) -> None:
    """The number's wider target takes no room: each line of the part breaks where it
    would with the number drawn as text of its own width."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + "essay/jcpoa/")
        lines = "() => [...document.querySelectorAll('article .essay')].map(e => e.offsetHeight)"
        page.evaluate("document.fonts.ready")
        with_targets = page.evaluate(lines)
        page.add_style_tag(content=".md-typeset a.ed-note-ref { padding: 0 0.15em !important;"
                           " margin: 0 !important; }")
        assert page.evaluate(lines) == with_targets
    finally:
        context.close()


def endnotes(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("article section.ed-notes")


def test_on_a_phone_a_parts_endnotes_fold_below_it(phone: BrowserContext, base_url: str) -> None:
    page = phone.new_page()
    page.goto(base_url + "essay/jcpoa/")
    section = endnotes(page)
    items = section.locator("ol > li")
    count = items.count()
    assert count > 1
    expect(items.first).to_be_hidden()
    button = section.get_by_role("button")
    expect(button).to_have_accessible_name(f"Show the {count} editor’s notes")
    expect(button).to_have_attribute("aria-expanded", "false")
    box = button.bounding_box()
    assert box["width"] >= TARGET and box["height"] >= TARGET
    # The next part is close below the last paragraph: the folded notes take a few lines.
    last = page.locator("article .essay").last.bounding_box()
    footer = page.locator(".md-footer").bounding_box()
    assert footer["y"] - (last["y"] + last["height"]) < 400
    button.tap()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_have_accessible_name(f"Hide the {count} editor’s notes")
    expect(items.first).to_be_visible()
    expect(items.last).to_be_visible()
    button.tap()
    expect(items.first).to_be_hidden()


def test_folded_notes_still_open_in_place_and_unfold_where_a_reader_goes(
    phone: BrowserContext, base_url: str
) -> None:
    page = phone.new_page()
    page.goto(base_url + "essay/jcpoa/")
    mark = page.locator("article a.ed-note-ref").nth(2)
    endnote = page.locator(mark.get_attribute("href"))
    text = " ".join(endnote.locator(".ed-note-body").text_content().split())
    mark.scroll_into_view_if_needed()
    mark.tap()  # first tap: the note in place, its list still folded
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_contain_text(text[:40])
    expect(endnote).to_be_hidden()
    mark.tap()  # second tap: to the note, unfolded
    expect(page).to_have_url(re.compile(re.escape(mark.get_attribute("href")) + "$"))
    expect(endnote).to_be_visible()
    expect(endnote).to_be_in_viewport()


def test_an_address_of_a_note_opens_the_folded_list(phone: BrowserContext, base_url: str) -> None:
    page = phone.new_page()
    page.goto(base_url + "essay/jcpoa/")
    target = page.locator("article section.ed-notes li").last.get_attribute("id")
    page.goto(base_url + "essay/jcpoa/#" + target)
    expect(page.locator("#" + target)).to_be_visible()
    expect(page.locator("#" + target)).to_be_in_viewport()


def test_on_a_wide_screen_and_without_a_script_the_endnotes_show(
    browser: Browser, base_url: str
) -> None:
    for options in ({"viewport": {"width": 1100, "height": 900}},
                    {**PHONE, "java_script_enabled": False}):
        context = browser.new_context(**options)
        try:
            page = context.new_page()
            page.goto(base_url + "essay/jcpoa/")
            expect(endnotes(page).locator("ol > li").first).to_be_visible()
            expect(endnotes(page).locator("button")).to_have_count(0 if not options.get(
                "java_script_enabled", True) else 1)
            expect(endnotes(page).locator("button")).to_be_hidden()
        finally:
            context.close()
