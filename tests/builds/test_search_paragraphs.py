"""Search lands on the paragraph, finds every listed spelling and shows only the author's words.

Material's search index of a real build: each of the essay's ¶1–¶15 is its own document,
at ``#pN`` of its page and titled "¶N" under its part; a listed variant ("Turkmenchay")
finds its glossary entry and the passages that name it, from a field that results never
show, so a snippet of the essay holds the author's words and nothing else. Every title and
text is inert HTML as Material renders it. Expected values come from the source text
(tests/fixtures/essay.txt) and the data files read with plain YAML.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.build import ROOT, build_scope
from support.data import first_sentence, raw_entries
from support.essay import source_blocks
from support.site import page


def essay_urls() -> set[str]:
    """The URLs of the essay's pages, from the Markdown sources (not the build)."""
    docs = ROOT / "docs"
    urls = {""} if (docs / "index.md").exists() else set()
    return urls | {f"essay/{p.stem}/" for p in (docs / "essay").glob("*.md")}


def _plain(text: str) -> str:
    return " ".join(text.split())


def shown(markup: str) -> str:
    """A document's title or text as Material shows it: parsed as HTML, its text."""
    return _plain(BeautifulSoup(markup, "html.parser").get_text(" "))


def searched(doc: dict[str, str]) -> str:
    """Every field of a document that the search index reads (Material's and ``names``)."""
    return " ".join(shown(doc.get(field, "")) for field in ("title", "text", "names"))


#: How Material's search splits text into words (its default ``search.separator``), and
#: what its trimmer takes off a word's ends.
SEPARATOR = re.compile(r"[\s\-]+")
PUNCTUATION = ".,;:!?'\"()[]’‘“”"


def words(text: str) -> set[str]:
    """The words of ``text`` as the index holds them: split, trimmed, case folded."""
    return {w.strip(PUNCTUATION) for w in SEPARATOR.split(text.casefold())} - {""}


def finds(doc: dict[str, str], phrase: str) -> bool:
    """Whether a search for ``phrase`` finds ``doc``: the index finds words, wherever they
    stand in its fields, so every word of the phrase is one of the document's."""
    return words(phrase) <= words(searched(doc))


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
        assert doc["title"] == f"¶{number}", doc["title"]
        (part,) = [d for d in docs if d["location"] == url]
        title = _plain(page(site, url).find("h1").get_text())
        assert title.split(" ¶")[0].strip() in part["title"], (title, part["title"])
        # the snippet is the author's paragraph, word for word, and nothing else
        assert shown(doc["text"]) == _plain(block.text), block.label
        first = _plain(block.text)[:80]
        # the page's own document keeps no copy of it: one result per sentence
        assert not any(first in shown(d["text"]) for d in docs if d["location"] == url)


@pytest.mark.parametrize("variant", ["Turkmenchay", "denazification"])
def test_a_listed_variant_finds_its_entry_and_its_passages(
    docs: list[dict[str, str]], variant: str
) -> None:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    (entry,) = [t for t in raw["terms"] if variant in t.get("variants", ())]
    hits = {d["location"] for d in docs if finds(d, variant)}
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
    hits = {d["location"] for d in docs if finds(d, variant)}
    assert any(h.startswith(f"actors/{slug}/") for h in hits), hits
    forms = list(actor.get("aliases", ()))
    if "term" in actor:
        (term,) = [t for t in raw["terms"] if t["term"] == actor["term"]]
        forms += [term["term"], *term.get("aliases", ())]
    expected = {b.label[1:] for b in source_blocks() if b.label.startswith("¶")
                and any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", b.text) for f in forms)}
    landed = {h.rsplit("#p", 1)[1] for h in hits if re.search(r"#p\d+$", h)}
    assert expected and expected <= landed, (variant, expected, landed)


#: The tags Material's own indexer keeps in a document (its plugins/search); the edition's
#: documents hold these and text, nothing else.
KEPT = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}


def test_every_title_and_text_is_inert_as_material_renders_it(docs: list[dict[str, str]]
                                                              ) -> None:
    for doc in docs:
        for field in ("title", "text"):
            for element in BeautifulSoup(doc[field], "html.parser").find_all(True):
                assert element.name in KEPT and not element.attrs, (doc["location"], field,
                                                                    str(element)[:80])


def test_no_variant_is_shown_in_the_essays_text(docs: list[dict[str, str]]) -> None:
    variants = {v for e in raw_entries() for v in e.raw.get("variants", ())}
    assert variants
    source = " ".join(_plain(b.text) for b in source_blocks())
    essay = [d for d in docs if re.search(r"#p\d+$", d["location"])]
    assert len(essay) == 15
    for doc in essay:
        for variant in variants - {v for v in variants if v in source}:
            assert variant not in shown(doc["text"]) + shown(doc["title"]), (doc["location"],
                                                                             variant)


def test_each_note_is_one_document_on_the_notes_page(docs: list[dict[str, str]]) -> None:
    notes = yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]
    assert len(notes) > 50
    for note in notes:
        (doc,) = [d for d in docs if d["location"] == f"notes/#note-{note['id']}"]
        # found by its short form, the gloss the margin shows, and by nothing else of it:
        # its whole text would make the index three times as large
        gloss = _plain(note["gloss"])
        assert shown(doc["text"]) == gloss, note["id"]
        # its quotation repeats the essay: the note's title names it by number and kind
        assert _plain(note["quote"]) not in shown(doc["title"]), note["id"]
        found = [d["location"] for d in docs if gloss in shown(d["text"])]
        assert found == [doc["location"]], (note["id"], found)


def test_each_entry_is_one_document_found_by_its_names(docs: list[dict[str, str]]) -> None:
    for entry in raw_entries():
        home = f"glossary/#{entry.id}" if entry.kind == "term" else f"actors/{entry.id}/"
        # a term, its place on the glossary page; an actor, its page, without sections
        (doc,) = [d for d in docs if d["location"] == home
                  or (entry.kind == "actor" and d["location"].startswith(home))]
        assert shown(doc["title"]) == entry.name
        assert shown(doc["text"]) == first_sentence(entry.summary)
        native = [entry.raw["native"]["text"]] if "native" in entry.raw else []
        for name in [*entry.raw.get("aliases", ()), *entry.raw.get("variants", ()), *native]:
            assert finds(doc, name), (entry.name, name)


def test_the_index_is_no_larger_than_the_passages_it_holds_once(site: Path) -> None:
    """The index, compressed, against everything it must find, once: the essay, the notes,
    the entries' definitions and the events, compressed alike. The index adds its titles,
    addresses and the site's own pages (home, colophon, places, timeline) to these; an index
    that repeats passages (every mention on every actor page) is about three times as large.
    """
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    texts = [b.text for b in source_blocks()]
    texts += [n["note"] for n in yaml.safe_load(
        (ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]]
    texts += [t["definition"] for t in raw["terms"]]
    texts += [a["description"] for a in raw["actors"]]
    texts += [e["description"] for e in yaml.safe_load(
        (ROOT / "events.yml").read_text(encoding="utf-8"))["events"]]
    passages = len(gzip.compress(" ".join(_plain(t) for t in texts).encode(), 9))
    index = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))
    assert index <= 1.75 * passages, (index, passages)


def test_the_sources_lists_that_repeat_on_every_page_stay_out(docs: list[dict[str, str]]
                                                              ) -> None:
    # An entry's sources are listed on its glossary entry, its actor page and the places
    # page; a note's, beside the note in the essay and on the notes page. The index finds
    # passages, not bibliographies: none of them is in it.
    notes = yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]
    titles = {_plain(s["title"]) for e in raw_entries() for s in e.raw["sources"]}
    titles |= {_plain(s["title"]) for n in notes for s in n.get("sources", ())}
    long = {t for t in titles if len(t) > 40}  # a short title may be a name ("Caspian Sea")
    assert len(long) > 50
    text = " ".join(shown(d["text"]) for d in docs)
    assert not [t for t in long if t in text][:5]
