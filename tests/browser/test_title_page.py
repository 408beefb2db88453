"""The home page is the essay's title page: a reader sees the essay, or the way into it, on
the first screen; what the edition is and how to use it has a page of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from support.essay import source_blocks

ROOT = Path(__file__).resolve().parents[2]


def _first_part() -> str:
    """The address of the essay's first part, from the menu in ``mkdocs.yml``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", "")
    config = yaml.safe_load(text)
    for item in config["nav"]:
        ((_, target),) = item.items()
        if isinstance(target, list):
            ((_, first),) = target[0].items()
            return first.removesuffix(".md") + "/"
    raise AssertionError("no section in the nav")


ON_SCREEN = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  const box = el.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, text: el.textContent.replace(/\\s+/g, ' ').trim(),
          height: innerHeight};
}"""


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_the_first_screen_of_the_home_page_is_the_essays_title_page(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    blocks = {block.label: block.text for block in source_blocks()}
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url)
    title = page.evaluate(ON_SCREEN, "h1#title")
    standfirst = page.evaluate(ON_SCREEN, "#standfirst")
    kicker = page.evaluate(ON_SCREEN, ".ed-kicker")
    caption = page.evaluate(ON_SCREEN, "#caption")
    begin = page.locator(f"article a[href$='{_first_part()}']").first
    begin_box = begin.bounding_box()
    begin_text = begin.inner_text()
    context.close()
    # The title, the standfirst and the author whole on the first screen...
    assert title["text"].startswith(blocks["title"]) and title["bottom"] <= height
    assert standfirst["text"] == blocks["standfirst"] and standfirst["bottom"] <= height
    assert blocks["byline"] in kicker["text"] and kicker["bottom"] <= height
    # ...the way into the text too, a 24 px target...
    assert "Begin reading" in begin_text
    assert begin_box is not None and begin_box["y"] + begin_box["height"] <= height
    assert begin_box["height"] >= 24
    # ...and the caption begins on it.
    assert caption["text"].startswith(blocks["caption"][:40]) and caption["top"] < height


def test_about_this_edition_is_a_page_of_its_own_linked_from_home_and_menu(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    # The home page has the menu on a desktop, and the menu and the page link the About page.
    assert page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".md-sidebar--primary a[href$='about/']").is_visible()
    assert page.locator("article a[href$='about/']").count() >= 1
    headings = page.locator("article h2").all_inner_texts()
    assert not {"About this edition", "How to use it"} & {h.strip() for h in headings}
    page.goto(base_url + "about/")
    headings = [h.strip() for h in page.locator("article h1, article h2").all_inner_texts()]
    # A page about the edition, not a page of the essay: nothing to cite, no layers to hide.
    options = page.locator("#ed-options").count()
    context.close()
    assert headings[0] == "About this edition"
    assert {"Editorial principles", "How to use it"} <= set(headings)
    assert options == 0


BUTTON = """(a) => {
  const s = getComputedStyle(a);
  return {line: s.textDecorationLine, color: s.color, fill: s.backgroundColor};
}"""


def _luminance(rgb: str) -> float:
    """WCAG's relative luminance of a computed ``rgb(r, g, b)`` colour."""
    parts = [int(v) / 255 for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("width", [390, 1280])
def test_the_way_into_the_text_looks_like_a_button(
    browser: Browser, base_url: str, width: int
) -> None:
    # A filled box with a plain label, legible on its fill, at rest and under the keyboard's
    # focus: a button, told apart from the running text's underlined links by its shape.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    begin = page.locator(f"article a[href$='{_first_part()}']").first
    states = [begin.evaluate(BUTTON)]
    begin.focus()
    states.append(begin.evaluate(BUTTON))
    context.close()
    for state in states:
        assert state["line"] == "none", state
        assert state["fill"] not in ("rgba(0, 0, 0, 0)", "transparent"), state
        light, dark = sorted((_luminance(state["color"]), _luminance(state["fill"])),
                             reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, state
