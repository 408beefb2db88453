"""A reader in Chromium: the essay end to end, paragraph links, palettes, print, offline."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from support.essay import Block

ESSAY_TEXT = "document.querySelectorAll('article h1#title, article .essay')"


def test_reading_the_essay_by_next_links_shows_every_word(
    page: Page, base_url: str, essay: list[Block], offsite: list[str]
) -> None:
    """innerText, what the reader sees, of every page reached by clicking "Next"."""
    page.goto(base_url)
    seen: list[str] = []
    visited = 0
    while True:
        visited += 1
        seen += page.evaluate(f"Array.from({ESSAY_TEXT}, e => e.innerText.trim())")
        following = page.locator("a.md-footer__link--next")
        if visited == 9 or following.count() == 0:
            break
        following.click()
        page.wait_for_load_state()
    assert visited == 9
    assert seen == [block.text for block in essay]
    assert offsite == []


def test_a_paragraph_number_is_visible_and_links_to_its_paragraph(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/ukraine/")
    number = page.locator("a.ed-para__num[data-para='12']")
    expect(number).to_be_visible()
    shown = number.evaluate("e => getComputedStyle(e, '::before').content")
    assert shown == '"¶12"'
    number.click()
    assert page.url.endswith("/essay/ukraine/#p12")
    expect(page.locator("#p12")).to_be_in_viewport()
    background = page.locator("div.ed-para:has(> #p12)").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the cited paragraph stands out


def test_copying_paragraphs_never_copies_their_numbers(page: Page, base_url: str) -> None:
    page.goto(base_url + "essay/jcpoa/")
    copied = page.evaluate(
        """() => {
            const range = document.createRange();
            const paras = document.querySelectorAll('div.ed-para');
            range.setStartBefore(paras[0]);
            range.setEndAfter(paras[paras.length - 1]);
            const selection = getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return selection.toString();
        }"""
    )
    assert copied.startswith("It was here that the intimacy")
    assert "¶" not in copied and "Paragraph" not in copied


def test_screen_readers_get_the_number_as_a_separate_link(page: Page, base_url: str) -> None:
    page.goto(base_url + "essay/jcpoa/")
    expect(page.get_by_role("link", name="Paragraph 8", exact=True)).to_have_attribute(
        "href", "#p8"
    )
    expect(page.get_by_role("paragraph").filter(has_text="It was here")).not_to_contain_text("¶")


def test_the_palette_toggle_switches_between_light_and_dark(page: Page, base_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("label[for='__palette_0']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_print_keeps_the_text_and_numbers_and_drops_the_chrome(page: Page, base_url: str) -> None:
    page.goto(base_url + "essay/conclusion/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("#p15")).to_be_visible()
    expect(page.locator("a.ed-para__num[data-para='15']")).to_be_visible()
    assert page.pdf()[:4] == b"%PDF"


def test_search_finds_a_phrase_of_the_essay_offline(
    page: Page, base_url: str, offsite: list[str]
) -> None:
    page.goto(base_url)
    page.get_by_placeholder("Search").first.click()
    page.keyboard.type("mellifluous")
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("mellifluous")
    expect(result.locator("a").first).to_have_attribute("href", re.compile(r"/essay/jcpoa/"))
    assert offsite == []
