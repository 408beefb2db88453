"""How generated pages link to entries and quote contributors' text: as elements, or as
literal Markdown where Markdown is written (a pull request's summary)."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from markdown.serializers import to_html_string
from mkdocs.utils.yaml import yaml_load

from edition.data.glossary import Source, load
from edition.pages.inserts import Inline, block
from edition.pages.links import home, link_from, literal, names_line, sources_line
from support.build import ROOT
from support.data import raw_entries

#: The Markdown extensions the site's pages are rendered with.
EXTENSIONS = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def rendered(text: str) -> BeautifulSoup:
    """``text`` rendered as the site renders a page's Markdown."""
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "lxml")


def serialised(parts: list[Inline]) -> Tag:
    """A line's ``parts`` in a paragraph, written by Python-Markdown's serialiser."""
    return BeautifulSoup(to_html_string(block("p", *parts)), "lxml").p


@pytest.mark.parametrize("text", [
    "Iran’s *nuclear* programme (JCPOA) [1] #2 <b>bold</b> & `code` _x_ 1. - + ! | ~ > {a}",
    r"a \ backslash, 3 * 4 = 12, [link](https://example.org), ![image](x.png)",
    "# not a heading",
    "- not a list",
])
def test_literal_text_renders_exactly_as_written(text: str) -> None:
    soup = rendered(literal(text))
    assert soup.get_text() == text
    assert [tag.name for tag in soup.find_all(True)] == ["html", "body", "p"]


@pytest.mark.parametrize(("page", "target", "link"), [
    ("essay/raisi.md", "glossary.md#jcpoa", "../glossary.md#jcpoa"),
    ("index.md", "actors/iran.md", "actors/iran.md"),
    ("actors/iran.md", "actors/russia.md", "russia.md"),
    ("actors/iran.md", "essay/raisi.md#p11", "../essay/raisi.md#p11"),
    ("glossary.md", "glossary.md#irgc", "glossary.md#irgc"),
])
def test_links_are_relative_between_source_files(page: str, target: str, link: str) -> None:
    assert link_from(page, target) == link


def test_actors_live_on_their_page_and_terms_on_the_glossary_page() -> None:
    glossary = load(ROOT / "glossary.yml")
    expected = {e.id: (f"actors/{e.id}.md" if e.kind == "actor" else f"glossary.md#{e.id}")
                for e in raw_entries()}
    assert {entry.id: home(entry) for entry in glossary.entries} == expected


def test_sources_are_one_line_of_links_with_their_titles() -> None:
    sources = (Source("Reuters *report* <b>x</b> &", "https://example.org/a_(b)?c=1&d=2"),
               Source("BBC", "https://example.org/c"))
    soup = serialised(sources_line(sources))
    assert soup.select_one("strong").get_text() == "Sources:"
    assert [(a.get_text(), a["href"]) for a in soup.select("a")] == [
        ("Reuters *report* <b>x</b> &", "https://example.org/a_(b)?c=1&d=2"),
        ("BBC", "https://example.org/c")]
    assert soup.get_text() == "Sources: Reuters *report* <b>x</b> & · BBC"
    assert soup.select("b") == []


def test_names_are_one_line_of_links_to_each_entry_s_home() -> None:
    glossary = load(ROOT / "glossary.yml")
    raw = raw_entries()
    term = next(e for e in raw if e.kind == "term")
    actor = next(e for e in raw if e.kind == "actor")
    named = [next(e for e in glossary.entries if e.id == r.id) for r in (actor, term)]
    soup = serialised(names_line(named, "actors/index.md"))
    assert soup.select_one("strong").get_text() == "Names:"
    assert [(a.get_text(), a["href"]) for a in soup.select("a")] == [
        (actor.name, f"{actor.id}.md"), (term.name, f"../glossary.md#{term.id}")]
    assert soup.get_text() == f"Names: {actor.name}, {term.name}"
