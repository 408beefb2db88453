"""A keyboard reaches the text first: a skip link, then a few Tab stops to the first paragraph;
the phone's closed menu takes none of them; the reading options stay put."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page

from browser.test_calm_reading import PARTS

#: "At most a dozen Tab stops from the top of a part to its first paragraph."
MOST_STOPS = 12

FOCUSED = """() => {
  const el = document.activeElement;
  const para = el.closest('.ed-para, .essay');
  return {tag: el.tagName, href: el.getAttribute('href'), text: (el.textContent || '').trim(),
          inText: !!para, inMenu: !!el.closest('.md-sidebar--primary')};
}"""


def _tab_to_text(page: Page) -> list[dict]:
    """Tab from the top of the page until the focus is in the essay's text."""
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["inText"]:
            break
    return stops


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_a_part_s_first_paragraph_is_a_dozen_tab_stops_away_after_a_skip_link(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    walks = {}
    for part in PARTS:
        page.goto(base_url + part)
        walks[part] = _tab_to_text(page)
    skip_target = page.evaluate(
        "() => { const a = document.querySelector('a.md-skip'); "
        "return !!document.querySelector('article').querySelector(a.getAttribute('href')); }")
    context.close()
    for part, stops in walks.items():
        assert stops[0]["text"] == "Skip to content", (part, stops[0])
        assert stops[-1]["inText"], (part, stops)
        assert len(stops) <= MOST_STOPS, (part, [s["text"][:30] for s in stops])
        # The closed phone menu (and, on a desktop, the menu beside the text) comes after.
        assert not any(s["inMenu"] for s in stops), (part, stops)
    assert skip_target


def test_the_closed_phone_menu_is_out_of_the_tab_order_and_the_open_one_in_it(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + PARTS[0])
    closed = []
    for _ in range(80):
        page.keyboard.press("Tab")
        closed.append(page.evaluate(FOCUSED)["inMenu"])
    page.evaluate("document.getElementById('__drawer').checked = true")
    page.wait_for_timeout(400)
    page.locator(".md-sidebar--primary a.md-nav__link").first.focus()
    opened = page.evaluate(FOCUSED)["inMenu"]
    context.close()
    assert not any(closed)
    assert opened


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_reading_options_stay_on_their_side_when_opened(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url + PARTS[0])
    summary = page.locator("summary.ed-options__summary")
    before = summary.bounding_box()
    summary.click()
    after = summary.bounding_box()
    context.close()
    assert before is not None and after is not None
    assert abs((before["x"] + before["width"]) - (after["x"] + after["width"])) <= 1
    assert abs(before["y"] - after["y"]) <= 1


@pytest.mark.parametrize("layers", [{"notes": False}, {"text": True}])
@pytest.mark.parametrize("width,height", [(1280, 900), (1600, 1000)])
def test_no_table_of_contents_heading_stands_alone(
    browser: Browser, base_url: str, layers: dict, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(
        f"localStorage.setItem('edition.layers', {json.dumps(json.dumps(layers))});")
    page = context.new_page()
    lone = {}
    for part in PARTS:
        page.goto(base_url + part)
        lone[part] = page.evaluate("""() => [...document.querySelectorAll('nav.md-nav--secondary')]
          .filter(nav => nav.checkVisibility())
          .filter(nav => ![...nav.querySelectorAll('a.md-nav__link')]
                           .some(a => a.checkVisibility())).length""")
    context.close()
    assert lone == {part: 0 for part in PARTS}
