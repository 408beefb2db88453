"""Actor pages in Chromium: mention links land on their paragraphs; the network is usable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("actor", ["vladimir-putin", "ali-khamenei", "ali-akbar-velayati"])
def test_every_mention_link_lands_on_its_paragraph(page: Page, base_url: str, actor: str) -> None:
    page.goto(f"{base_url}actors/{actor}/")
    items = page.locator("article h2#mentions ~ ol > li")
    count = items.count()
    assert count >= 1
    for index in range(count):
        item = page.locator("article h2#mentions ~ ol > li").nth(index)
        marked = item.locator("mark").inner_text()
        link = item.locator("a").first
        href = link.get_attribute("href")
        anchor = href.split("#", 1)[1]
        link.click()
        page.wait_for_load_state()
        assert page.url.endswith("#" + anchor), (page.url, href)
        target = page.locator(f"[id='{anchor}']")
        expect(target).to_be_in_viewport()
        assert marked in target.inner_text()
        page.go_back()
        page.wait_for_load_state()


def test_an_actor_in_the_essay_shows_its_description_and_leads_to_its_page(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "essay/conclusion/")
    putin = page.locator("#p15 a.ed-actor", has_text="Putin").first
    description = putin.get_attribute("title")
    assert description and "Russia" in description
    putin.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(1)
    expect(tooltip).to_have_text(description)
    putin.click()
    expect(page).to_have_url(re.compile(r"/actors/vladimir-putin/$"))
    expect(page.locator("article h1")).to_have_text("Vladimir Putin")


def test_network_nodes_are_links_reachable_by_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "actors/")
    nodes = page.locator("figure.ed-network svg a")
    assert nodes.count() >= 30
    reached = False
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement?.closest('figure.ed-network')"):
            reached = True
            break
    assert reached, "Tab never reached the network"
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    name = label.split(" — ")[0]
    expect(page.locator("article h1")).to_have_text(name)
