"""Quality gates in Chromium on every page: WCAG 2.1 AA and best practices (axe-core),
offline, keyboard."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, expect

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: axe's best practices too (Lighthouse reports them: a dialog needs a name, landmarks…).
BEST_PRACTICE = ["best-practice"]
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


def all_pages(site: Path) -> list[str]:
    """Every page of the site as a URL path: generated ones and the 404 page included."""
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(p.removesuffix("index.html") for p in pages)


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA and best-practice violations on the page as it is now."""
    page.evaluate(AXE)
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})",
        [*WCAG21_AA, *BEST_PRACTICE],
    )
    return [
        f"{rule['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
        for rule in result["violations"] for node in rule["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_meets_wcag_21_aa(
    browser: Browser, base_url: str, site: Path, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    opened = 0
    try:
        for path in all_pages(site):
            page.goto(base_url + path)
            expect(page.locator("body")).to_have_attribute(
                "data-md-color-scheme", "slate" if scheme == "dark" else "default")
            if problems := violations(page):
                found[path] = problems
            # The Reading options, folded in the page, pass open as well.
            fold = page.locator("article details.ed-options")
            if fold.count():
                fold.locator("summary").click()
                expect(fold).to_have_attribute("open", "")
                if problems := violations(page):
                    found[path + " with the Reading options open"] = problems
                opened += 1
    finally:
        context.close()
    assert found == {}
    assert opened >= 9  # the title page and the eight parts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_on_a_phone_meet_wcag_21_aa_with_menu_and_tooltip_open(
    browser: Browser, base_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, **PHONE)
    page = context.new_page()
    found = {}
    try:
        for path in ["", "essay/jcpoa/", "glossary/", "actors/", "actors/vladimir-putin/"]:
            page.goto(base_url + path)
            found[path] = violations(page)
        page.goto(base_url + "essay/jcpoa/")
        page.locator("#p8 a.ed-annotation").first.tap()
        expect(page.locator(".md-tooltip2--active")).to_have_count(1)
        found["essay/jcpoa/ with a tooltip"] = violations(page)
        page.locator("label.md-header__button[for='__drawer']").tap()
        expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
        found["essay/jcpoa/ with the menu"] = violations(page)
        page.goto(base_url + "essay/jcpoa/")
        page.locator("summary.ed-options__summary").tap()
        expect(page.locator("article details.ed-options")).to_have_attribute("open", "")
        found["essay/jcpoa/ with the Reading options open"] = violations(page)
    finally:
        context.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_no_page_asks_for_anything_off_the_machine_or_missing(
    page: Page, base_url: str, site: Path, offsite: list[str]
) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    paths = all_pages(site)
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert len(paths) >= 45
    assert offsite == []
    assert [f for f in failed if "404.html" not in f] == []


def test_tab_reaches_every_annotation_in_order_with_visible_focus(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/raisi/")
    expected = page.evaluate(
        "() => Array.from(document.querySelectorAll('article a.ed-annotation'),"
        " a => a.textContent + ' ' + a.getAttribute('href'))"
    )
    assert len(expected) >= 10
    reached: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const e = document.activeElement;
                if (!e || !e.matches('a.ed-annotation')) return null;
                const style = getComputedStyle(e);
                return [e.textContent + ' ' + e.getAttribute('href'),
                        style.outlineStyle, style.outlineWidth];
            }"""
        )
        if focused is None:
            if len(reached) == len(expected):
                break
            continue
        name, style, width = focused
        assert style != "none" and width != "0px", f"no visible focus on {name}"
        reached.append(name)
    assert reached == expected


def test_materials_search_dialog_has_a_name(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.get_by_role("dialog", name="Search", include_hidden=True)).to_have_count(1)
    page.evaluate(AXE)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})")
    assert result["violations"] == []
    assert result["passes"] != []
