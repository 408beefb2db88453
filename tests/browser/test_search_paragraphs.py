"""In Chromium, Material's search finds the essay first, lands on its paragraph, shows only the
author's words in an essay snippet, and renders hostile data as inert text.

Expected values come from the source text (tests/fixtures/essay.txt) and glossary.yml read
with plain YAML, never from the search index under test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from support.build import ROOT, build, copy_project, replace_once
from support.data import raw_entries
from support.essay import source_blocks
from support.http import serving


def paragraphs_with(word: str) -> set[str]:
    """The numbers of the source paragraphs that write ``word`` (whole word, any case)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    return {b.label[1:] for b in source_blocks()
            if b.label.startswith("¶") and pattern.search(b.text)}


def search(page: Page, base_url: str, query: str) -> Locator:
    """Type ``query`` into Material's search box; the result groups, once shown."""
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click(force=True)
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    items = page.locator("li.md-search-result__item")
    expect(items.first).to_be_visible(timeout=15000)
    return items


def hrefs(item: Locator) -> list[str]:
    """The addresses an item's links open, without the highlight query."""
    return [re.sub(r"\?h=[^#]*", "", link.get_attribute("href") or "")
            for link in item.locator("a.md-search-result__link").all()]


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
    # the paragraph's own result, titled with its number (its group's title opens it too)
    hit = page.locator(f'a.md-search-result__link[href$="#p{number}"]',
                       has=page.locator("h2", has_text=f"¶{number}")).first
    expect(hit).to_be_visible(timeout=15000)
    hit.click()
    expect(page).to_have_url(re.compile(rf"#p{number}$"))
    expect(page.locator(f"#p{number}")).to_be_in_viewport()


@pytest.mark.parametrize("word", ["Zarif", "Turkmenchai"])
def test_the_title_of_a_group_opens_its_paragraph(page: Page, base_url: str, word: str
                                                  ) -> None:
    expected = paragraphs_with(word)
    assert expected
    first = search(page, base_url, word).first.locator("a.md-search-result__link").first
    href = first.get_attribute("href") or ""
    assert re.search(r"\?h=[^#&]+", href), href  # the word to highlight, not an empty one
    first.click()
    expect(page).to_have_url(re.compile(r"#p\d+$"))
    number = page.url.rsplit("#p", 1)[1]
    assert number in expected, (word, number, expected)
    expect(page.locator(f"#p{number}")).to_be_in_viewport()


def _entry_home(word: str) -> str:
    """The address of the one entry whose name ends with ``word``."""
    (entry,) = [e for e in raw_entries() if e.name.split()[-1] == word]
    return f"glossary/#{entry.id}" if entry.kind == "term" else f"actors/{entry.id}/"


@pytest.mark.parametrize("word", ["Zarif", "Turkmenchai"])
def test_the_essay_comes_first_then_its_entry(page: Page, base_url: str, word: str) -> None:
    expected = paragraphs_with(word)
    items = search(page, base_url, word)
    groups = [hrefs(item) for item in items.all()]
    essay = [g for g in groups if g[0].startswith(base_url + "essay/")]
    assert groups[:len(essay)] == essay, groups  # every group of the essay comes first
    landed = {h.rsplit("#p", 1)[1] for g in essay for h in g if re.search(r"#p\d+$", h)}
    assert landed == expected, (word, landed, expected)
    for number in expected:  # none is folded away under "N more on this page"
        expect(page.locator(f'a.md-search-result__link[href$="#p{number}"]',
                            has=page.locator("h2")).first).to_be_visible()
    # then the entry: its page, or its place on the glossary page
    after = groups[len(essay)]
    assert base_url + _entry_home(word) in after, (word, after)


@pytest.mark.parametrize(("actor", "variant"), [
    (a["name"], v) for a in yaml.safe_load(
        (ROOT / "glossary.yml").read_text(encoding="utf-8"))["actors"]
    for v in a.get("variants", ())[:1]][:3])
def test_an_essay_snippet_shows_only_the_authors_words(page: Page, base_url: str, actor: str,
                                                       variant: str) -> None:
    # the variant finds the passage, and the snippet does not add it to the author's text
    items = search(page, base_url, variant)
    essay = [i for i in items.all() if hrefs(i)[0].startswith(base_url + "essay/")]
    assert essay, (actor, variant)
    source = " ".join(b.text for b in source_blocks())
    for item in essay:
        text = item.inner_text()
        assert variant in source or variant not in text, (variant, text[:200])
        assert "also spelled" not in text


PAYLOAD = "<img src=x onerror=alert(1)>"
SHOWN = "<b onmouseover=alert(2)>Taliban</b>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    """A copy of the project whose Taliban lists a spelling that is markup, and whose
    description begins with markup, served; None if the build refuses them (with a located
    message)."""
    root = tmp_path_factory.mktemp("hostile-search")
    project = copy_project(root / "project")
    glossary = project / "glossary.yml"
    replace_once(glossary, 'variants: ["Taleban"]', f'variants: ["Taleban", "{PAYLOAD}"]')
    replace_once(glossary, "      Islamist movement that emerged around Kandahar",
                 f"      {SHOWN} Islamist movement that emerged around Kandahar")
    result = build(project, root / "site")
    if result.returncode != 0:
        assert re.search(r"glossary\.yml:\d+", result.output), result.output
        assert "Traceback" not in result.output
        yield None
        return
    with serving(Path(result.site)) as url:
        yield url


def test_markup_in_an_entry_stays_inert_text_in_the_results(browser: Browser,
                                                            hostile_site: str | None) -> None:
    if hostile_site is None:
        return  # refused with its file and line: the other way a payload passes
    # a page of its own: the shared one is held to the session's site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # opened from a link, as a victim would, and typed
    page.goto(hostile_site + "?q=Taleban")
    expect(page.locator("li.md-search-result__item").first).to_be_visible(timeout=15000)
    typed = search(page, hostile_site, "Taleban")
    assert page.locator(".md-search-result img, .md-search-result [onerror]").count() == 0
    # the entry is found by its other spelling, and its description shows the markup as text
    (taliban,) = [i for i in typed.all() if any("actors/taliban/" in h for h in hrefs(i))]
    expect(taliban).to_contain_text(SHOWN)
    assert page.locator(".md-search-result b, .md-search-result [onmouseover]").count() == 0
    assert dialogs == []
    context.close()
