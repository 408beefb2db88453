"""The notes page shows one kind of note at a time, by keyboard too; without a script
it lists every kind. Expected counts come from notes.yml as written."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from browser.test_quality import violations
from support.build import ROOT

KINDS = Counter(note["kind"] for note in yaml.safe_load(
    (ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"])


def shown(page: Page) -> Counter:
    """The kinds of the note heads a reader sees."""
    return Counter(page.evaluate("""() => [...document.querySelectorAll(
        'article .ed-note-head')].filter(h => h.offsetParent !== null)
        .map(h => h.dataset.kind)"""))


def test_without_a_script_every_kind_is_listed_and_no_control_shows(browser: Browser,
                                                                    base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "notes/")
        assert shown(page) == KINDS
        # The group is in the build's HTML (so nothing shifts), shown only with the script.
        assert page.locator(".ed-note-kinds").count() == 1
        expect(page.locator(".ed-note-kinds")).to_be_hidden()
    finally:
        context.close()


def test_one_kind_at_a_time_by_keyboard_and_the_choice_is_in_the_address(
        page: Page, base_url: str) -> None:
    page.goto(base_url + "notes/")
    buttons = page.locator(".ed-note-kinds button")
    expect(buttons).to_have_count(len(KINDS) + 1)
    slip = page.locator(".ed-note-kinds button[data-kind='slip']")
    expect(slip).to_have_text(f"The author's slip ({KINDS['slip']})")
    slip.focus()
    page.keyboard.press("Enter")
    expect(slip).to_have_attribute("aria-pressed", "true")
    assert shown(page) == Counter({"slip": KINDS["slip"]})
    expect(page.locator(".ed-note-kinds [role='status']")).to_contain_text(
        f"{KINDS['slip']} of {sum(KINDS.values())} notes")
    assert page.url.endswith("?kind=slip")
    # A part heading with no note of the kind is hidden with its notes.
    visible_parts = page.evaluate("""() => [...document.querySelectorAll('article h2')]
        .filter(h => h.offsetParent !== null).length""")
    assert visible_parts < page.locator("article h2").count()
    check = page.locator(".ed-note-kinds button[data-kind='check']")
    check.focus()
    page.keyboard.press("Space")
    assert shown(page) == Counter({"check": KINDS["check"]})
    page.keyboard.press("Shift+Tab")
    everything = page.locator(".ed-note-kinds button[data-kind='']")
    everything.focus()
    page.keyboard.press("Enter")
    assert shown(page) == KINDS
    assert "kind=" not in page.url
    # The address of a filtered list opens filtered.
    page.goto(base_url + "notes/?kind=date")
    assert shown(page) == Counter({"date": KINDS["date"]})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_kind_buttons_meet_wcag_with_a_kind_pressed(browser: Browser, base_url: str,
                                                        scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "notes/?kind=slip")
        expect(page.locator(".ed-note-kinds button[aria-pressed='true']")).to_have_count(1)
        assert violations(page) == []
        sizes = page.evaluate("""() => [...document.querySelectorAll('.ed-note-kinds button')]
            .map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })""")
        assert all(w >= 24 and h >= 24 for w, h in sizes), sizes
    finally:
        context.close()
