"""Material's search index of a real build: each essay sentence found once, on its own page.

Generated lists that quote the essay (every mention of an actor, where a term appears) are
kept out of the index with Material's ``data-search-exclude``; the names of the glossary's
entries and what each is (the first sentence of its definition or description) stay in it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.build import ROOT, build_scope
from support.data import RawEntry, first_sentence, raw_entries
from support.essay import Block, source_blocks
from support.site import page

#: Where a sentence ends in the source: a full stop, question or exclamation mark, possibly
#: inside a closing quotation mark, then white space.
SENTENCE_END = re.compile(r"(?<=[.?!])[’”]?\s+")


def _plain(text: str) -> str:
    return " ".join(text.split())


def sentences(block: Block) -> list[str]:
    """The sentences of a source block, as the reader sees them (white space collapsed).

    Labels of fewer than four words ("Russia Iran talks", the photo's title) are not
    sentences a reader would search for, and may well occur elsewhere.
    """
    parts = (_plain(part) for part in SENTENCE_END.split(block.text))
    return [part for part in parts if len(part.split()) >= 4]


@pytest.fixture(scope=build_scope)
def index(site: Path) -> list[tuple[str, str, str]]:
    """Every document of the search index: (page URL, title, its text without markup)."""
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [
        (doc["location"].split("#")[0], doc["title"],
         _plain(BeautifulSoup(doc["text"], "html.parser").get_text(" ")))
        for doc in data["docs"]
    ]


def essay_urls() -> set[str]:
    """The URLs of the essay's pages, from the Markdown sources (not the build)."""
    docs = ROOT / "docs"
    urls = {""} if (docs / "index.md").exists() else set()
    return urls | {f"essay/{p.stem}/" for p in (docs / "essay").glob("*.md")}


def test_every_essay_sentence_is_found_once_on_its_own_page(
    site: Path, index: list[tuple[str, str, str]]
) -> None:
    essay = essay_urls()
    checked = 0
    for block in source_blocks():
        if block.label == "title":
            continue  # the essay's title is also the name of a page, which others cite
        expected: set[str] = essay
        if block.label.startswith("¶"):
            expected = {url for url in essay if page(site, url).find(id=f"p{block.label[1:]}")}
            assert len(expected) == 1, f"{block.label} is on {sorted(expected)}"
        for sentence in sentences(block):
            found = [url for url, _, text in index if sentence in text]
            assert len(found) == 1, f"{block.label}: {sentence!r} found in {found}"
            assert found[0] in expected, f"{block.label}: {sentence!r} found on {found[0]!r}"
            checked += 1
    assert checked > 90  # the essay has about a hundred sentences


@pytest.mark.parametrize("kind", ["term", "actor"])
def test_entry_names_and_summaries_stay_searchable(
    index: list[tuple[str, str, str]], kind: str
) -> None:
    entries: list[RawEntry] = [e for e in raw_entries() if e.kind == kind]
    assert entries
    home = "glossary/" if kind == "term" else "actors/"
    for entry in entries:
        url = home if kind == "term" else f"actors/{entry.id}/"
        texts = [title + " " + text for where, title, text in index if where == url]
        assert any(entry.name in text for text in texts), f"{entry.name} not searchable"
        assert any(first_sentence(entry.summary) in text for text in texts), (
            f"what the {kind} {entry.name} is, is not searchable on {url}"
        )


def test_the_lists_that_quote_the_essay_carry_materials_exclusion(site: Path) -> None:
    actor = next(e for e in raw_entries() if e.kind == "actor")
    mentions = page(site, f"actors/{actor.id}/").select("h2#mentions ~ ol")
    assert mentions and all(ol.has_attr("data-search-exclude") for ol in mentions)
    where = page(site, "glossary/").select("p.ed-gl-where")
    assert where and all(p.has_attr("data-search-exclude") for p in where)


def test_each_definition_and_description_is_found_on_its_own_page_only(
    index: list[tuple[str, str, str]]
) -> None:
    # The printed "Terms in this part" repeat them on every essay page: kept out of search.
    for entry in raw_entries():
        home = "glossary/" if entry.kind == "term" else f"actors/{entry.id}/"
        found = {where for where, _, text in index if first_sentence(entry.summary) in text}
        assert found == {home}, f"{entry.name}: found on {sorted(found)}"


def test_the_readers_tools_open_no_search_section_and_add_no_text(
    site: Path, index: list[tuple[str, str, str]]
) -> None:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    anchors = {doc["location"] for doc in data["docs"]}
    checked = 0
    for url in essay_urls():
        html = page(site, url)
        tools = html.select("dialog.ed-cite-dialog, section.ed-print-terms, p.ed-cite-essay")
        assert tools, f"{url or 'home'}: no reader's tools"
        for tool in tools:
            for element in [tool, *tool.find_all(id=True)]:
                if element.get("id"):
                    assert f"{url}#{element['id']}" not in anchors, (url, element["id"])
            for form in tool.select(".ed-cite-form__text, dd"):
                text = _plain(form.get_text())
                assert not any(text in found for where, _, found in index if where == url), (
                    url, text)
                checked += 1
    assert checked > 100  # 16 dialogs of six forms each, and the printed definitions


def test_each_event_is_found_once_in_the_timelines_list(
    index: list[tuple[str, str, str]]
) -> None:
    # The drawing above the list repeats every event in its points' titles: kept out.
    events = yaml.safe_load((ROOT / "events.yml").read_text(encoding="utf-8"))["events"]
    assert events
    for event in events:
        text = _plain(event["description"])
        found = [(where, title) for where, title, found in index if text in found]
        assert len(found) == 1 and found[0][0] == "timeline/", (text, found)


def test_the_drawings_are_kept_out_of_search(site: Path) -> None:
    # Material skips an element with the attribute and everything inside it (no <svg> nests).
    for url, selector in (("timeline/", "svg.ed-timeline"), ("actors/", "svg.ed-network")):
        drawings = page(site, url).select(selector)
        assert drawings and all(d.has_attr("data-search-exclude") for d in drawings), url
        assert not any(d.find("svg") for d in drawings)
