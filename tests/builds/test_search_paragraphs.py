"""#24: search lands on the paragraph and finds every listed spelling.

Material's search index of a real build: each of the essay's ¶1–¶15 is its own document,
at ``#pN`` of its page and titled with its part and "¶N"; a listed variant ("Turkmenchay")
finds its glossary entry and the passages that name it. Expected values come from the
source text (tests/fixtures/essay.txt) and glossary.yml read with plain YAML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from support.build import ROOT, build_scope
from support.essay import source_blocks
from support.site import page


def essay_urls() -> set[str]:
    """The URLs of the essay's pages, from the Markdown sources (not the build)."""
    docs = ROOT / "docs"
    urls = {""} if (docs / "index.md").exists() else set()
    return urls | {f"essay/{p.stem}/" for p in (docs / "essay").glob("*.md")}


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope=build_scope)
def docs(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_each_paragraph_is_its_own_result_at_its_anchor(site: Path, docs: list[dict[str, str]]
                                                        ) -> None:
    paragraphs = [b for b in source_blocks() if b.label.startswith("¶")]
    assert len(paragraphs) == 15
    for block in paragraphs:
        number = block.label[1:]
        (url,) = [u for u in essay_urls() if page(site, u).find(id=f"p{number}")]
        found = [d for d in docs if d["location"] == f"{url}#p{number}"]
        assert len(found) == 1, block.label
        (doc,) = found
        assert doc["title"].endswith(f"· ¶{number}"), doc["title"]
        title = _plain(page(site, url).find("h1").get_text())
        assert title.split(" ¶")[0].strip() in doc["title"], (title, doc["title"])
        first = _plain(block.text)[:80]
        assert _plain(doc["text"]).startswith(first), block.label
        # the page's own document keeps no copy of it: one result per sentence
        assert not any(first in d["text"] for d in docs if d["location"] == url)


@pytest.mark.parametrize("variant", ["Turkmenchay", "denazification"])
def test_a_listed_variant_finds_its_entry_and_its_passages(
    docs: list[dict[str, str]], variant: str
) -> None:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    (entry,) = [t for t in raw["terms"] if variant in t.get("variants", ())]
    words = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.I)
    hits = {d["location"] for d in docs if words.search(d["text"])}
    assert any(h.startswith("glossary/#") for h in hits), hits
    forms = [entry["term"], *entry.get("aliases", ())]
    # the passages: every paragraph of the source that writes one of the entry's forms, or
    # the distinctive word of it ("Turkmenchai" of "Treaty of Turkmenchai")
    key = forms[0].split()[-1]
    expected = {b.label[1:] for b in source_blocks()
                if b.label.startswith("¶") and key.casefold() in b.text.casefold()}
    assert expected, variant
    landed = {h.rsplit("#p", 1)[1] for h in hits if re.search(r"#p\d+$", h)}
    assert expected <= landed, (variant, expected, landed)


def _actor_variants() -> list[tuple[str, str]]:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [(a["name"], v) for a in raw["actors"] for v in a.get("variants", ())]


def test_some_actors_list_transliterations() -> None:
    assert len(_actor_variants()) >= 5


@pytest.mark.parametrize(("name", "variant"), _actor_variants())
def test_a_transliteration_finds_its_actor_and_the_passages_that_name_it(
    docs: list[dict[str, str]], name: str, variant: str
) -> None:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    (actor,) = [a for a in raw["actors"] if a["name"] == name]
    slug = actor.get("id") or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    words = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.I)
    hits = {d["location"] for d in docs if words.search(d["text"])}
    assert any(h.startswith(f"actors/{slug}/") for h in hits), hits
    forms = list(actor.get("aliases", ()))
    if "term" in actor:
        (term,) = [t for t in raw["terms"] if t["term"] == actor["term"]]
        forms += [term["term"], *term.get("aliases", ())]
    expected = {b.label[1:] for b in source_blocks() if b.label.startswith("¶")
                and any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", b.text) for f in forms)}
    landed = {h.rsplit("#p", 1)[1] for h in hits if re.search(r"#p\d+$", h)}
    assert expected and expected <= landed, (variant, expected, landed)
