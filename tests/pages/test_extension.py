"""The annotation as an ordinary Python-Markdown extension: an essay page rendered by
Python-Markdown alone (no MkDocs) has its tooltips, linked to the published edition."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from edition.data.datafile import DataFileError, plain
from support.build import ROOT
from support.essay import paragraphs
from support.site import page

BASE = "https://edition.example.org/ansari/"
PAGE = ROOT / "docs" / "essay" / "jcpoa.md"  # ¶8 and ¶9


def render(text: str, **config: Any) -> BeautifulSoup:
    md = markdown.Markdown(
        extensions=["edition.pages.extension"],
        extension_configs={"edition.pages.extension": {
            "glossary": str(ROOT / "glossary.yml"), "base_url": BASE, **config}},
    )
    return BeautifulSoup(md.convert(text), "lxml")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def glossary_entries() -> list[dict[str, Any]]:
    """Every entry of glossary.yml, read as plain YAML: kind, forms, summary, address."""
    data = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    terms = {t["term"]: t for t in data["terms"]}
    found = []
    for term in data["terms"]:
        if any(a.get("term") in [term["term"], *term.get("aliases", [])]
               for a in data["actors"]):
            continue  # one annotation with its actor
        found.append({"forms": [term["term"], *term.get("aliases", [])],
                      "summary": plain(term["definition"]),
                      "href": f"{BASE}glossary/#{term.get('id') or slug(term['term'])}"})
    for actor in data["actors"]:
        term = next((t for t in terms.values()
                     if actor.get("term") in [t["term"], *t.get("aliases", [])]), None)
        forms = [*actor.get("aliases", []), *([term["term"], *term.get("aliases", [])]
                                              if term else [])]
        found.append({"forms": forms, "summary": plain(actor["description"]),
                      "href": f"{BASE}actors/{actor.get('id') or slug(actor['name'])}/"})
    return found


def norm(text: str) -> str:
    """One spelling for apostrophes, dashes and spaces."""
    return " ".join(re.sub("[’‘ʼ]", "'", re.sub("[‐‑‒–]", "-", text)).split())


def same(a: str, b: str) -> bool:
    """Two spellings of one form: apostrophes, dashes, spaces and case aside."""
    return norm(a).lower() == norm(b).lower()


def occurs(form: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(norm(form))}(?!\w)", norm(text)) is not None


def test_an_essay_page_gets_its_tooltips_without_mkdocs() -> None:
    soup = render(PAGE.read_text(encoding="utf-8"), mark="every")
    entries = glossary_entries()
    by_summary = {entry["summary"]: entry for entry in entries}
    source = paragraphs()
    for number in (8, 9):
        block = soup.select_one(f"p.essay#p{number}")
        assert block is not None
        assert block.get_text() == source[number]  # the text is the author's, unchanged
        links = block.select("a.ed-annotation")
        annotated = set()
        for link in links:
            entry = by_summary[link["title"]]  # the tooltip is an entry's summary
            assert link["href"] == entry["href"]
            assert any(same(link.get_text(), form) for form in entry["forms"]), link
            annotated.add(link["title"])
        # Every entry whose form occurs in the source paragraph, and is not part of a longer
        # form found there, is annotated.
        found = [(form, e) for e in entries for form in e["forms"] if occurs(form, source[number])]
        expected = {e["summary"] for form, e in found
                    if not any(form != other and norm(form) in norm(other) for other, _ in found)}
        assert len(expected) >= 5
        assert expected <= annotated, {by_summary[s]["forms"][0] for s in expected - annotated}


def test_the_same_tooltips_as_the_mkdocs_build(site: Path) -> None:
    """Python-Markdown alone marks the same words with the same tooltips as the site."""
    built = page(site, "essay/jcpoa/")
    alone = render(PAGE.read_text(encoding="utf-8"))  # mark: paragraph, as in mkdocs.yml
    for number in (8, 9):
        def marks(soup: BeautifulSoup, n: int = number) -> list[tuple[str, str]]:
            return [(a.get_text(), a["title"]) for a in soup.select(f"#p{n} a.ed-annotation")]
        assert marks(alone) and marks(alone) == marks(built)


def test_only_essay_blocks_and_text_are_annotated() -> None:
    soup = render("# Russia\n\nRussia and Iran.\n\n`Russia` and Iran.\n{ .essay }\n",
                  mark="every")
    assert soup.select("h1 a, p:not(.essay) a, code a") == []
    assert [a.get_text() for a in soup.select("p.essay a")] == ["Iran"]


def test_a_broken_glossary_says_what_to_fix(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.yml"
    broken.write_text("terms:\n  - term: X\n    category: nonsense\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"glossary.yml:3: terms\[0\] 'X': 'category'"):
        render("Text\n{ .essay }\n", glossary=str(broken))
    with pytest.raises(ValueError, match="mark must be one of"):
        render("Text\n{ .essay }\n", mark="sometimes")
