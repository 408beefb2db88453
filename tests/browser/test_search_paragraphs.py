"""#24: in Chromium, Material's search finds a variant spelling and lands on the paragraph."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support.essay import source_blocks


@pytest.mark.parametrize(("query", "word"), [("Turkmenchay", "Turkmenchai"),
                                             ("denazification", "de-Nazification"),
                                             ("Ahmadinezhad", "Ahmadinejad")])
def test_a_variant_finds_the_passage_and_opens_at_it(page: Page, base_url: str, query: str,
                                                     word: str) -> None:
    (number,) = [b.label[1:] for b in source_blocks()
                 if b.label.startswith("¶") and word in b.text]
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click(force=True)
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    hit = page.locator(f'a.md-search-result__link[href$="#p{number}"]').first
    expect(hit).to_be_visible(timeout=15000)
    expect(hit).to_contain_text(f"¶{number}")
    hit.click()
    expect(page).to_have_url(re.compile(rf"#p{number}$"))
    expect(page.locator(f"#p{number}")).to_be_in_viewport()
