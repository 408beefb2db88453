"""The annotation as an ordinary Python-Markdown extension: an essay page rendered by
Python-Markdown alone (no MkDocs) has its tooltips, linked to the published edition."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from edition.data.datafile import DataFileError
from edition.pages.extension import GlossaryExtension
from edition.text.annotate import MARK_SCOPES
from support.build import ROOT
from support.data import RawEntry, raw_entries
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


def glossary_entries() -> list[dict[str, Any]]:
    """Every annotation glossary.yml asks for, read as plain YAML: forms, summary, address."""
    entries = raw_entries()
    terms = [e for e in entries if e.kind == "term"]

    def forms(entry: RawEntry) -> list[str]:
        return [*([entry.name] if entry.kind == "term" else []), *entry.raw.get("aliases", [])]

    def linked(actor: RawEntry) -> RawEntry | None:
        return next((t for t in terms if actor.raw.get("term") in forms(t)), None)

    actors = {e.id: linked(e) for e in entries if e.kind == "actor"}
    found = []
    for entry in entries:
        if entry.kind == "term" and entry in actors.values():
            continue  # one annotation with its actor
        term = actors.get(entry.id) if entry.kind == "actor" else None
        href = f"glossary/#{entry.id}" if entry.kind == "term" else f"actors/{entry.id}/"
        found.append({"forms": forms(entry) + (forms(term) if term else []),
                      "summary": entry.summary, "href": BASE + href,
                      # The pop-up names the entry, then gives its summary.
                      "tooltip": f"{entry.name}: {entry.summary}"})
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
    by_tooltip = {entry["tooltip"]: entry for entry in entries}
    source = paragraphs()
    for number in (8, 9):
        block = soup.select_one(f"p.essay#p{number}")
        assert block is not None
        assert block.get_text() == source[number]  # the text is the author's, unchanged
        links = block.select("a.ed-annotation")
        annotated = set()
        for link in links:
            entry = by_tooltip[link["title"]]  # the tooltip is an entry's name and summary
            assert link["href"] == entry["href"]
            assert any(same(link.get_text(), form) for form in entry["forms"]), link
            annotated.add(link["title"])
        # Every entry whose form occurs in the source paragraph, and is not part of a longer
        # form found there, is annotated.
        found = [(form, e) for e in entries for form in e["forms"] if occurs(form, source[number])]
        expected = {e["tooltip"] for form, e in found
                    if not any(form != other and norm(form) in norm(other) for other, _ in found)}
        assert len(expected) >= 5
        assert expected <= annotated, {by_tooltip[s]["forms"][0] for s in expected - annotated}


def test_the_same_tooltips_as_the_mkdocs_build(site: Path) -> None:
    """Python-Markdown alone marks the same entries with the same tooltips as the site, but
    for the essay's subjects: the site, which reads the whole essay, links an entry named in
    more than half of its paragraphs once in the essay; one page alone cannot. (The
site may link an entry at a later mention than the first, outside a note's words.)"""
    built = page(site, "essay/jcpoa/")
    alone = render(PAGE.read_text(encoding="utf-8"))  # mark: page, as in mkdocs.yml
    source = paragraphs()
    subjects = {e["tooltip"] for e in glossary_entries()
                if 2 * sum(any(occurs(f, text) for f in e["forms"])
                           for text in source.values()) > len(source)}
    assert len(subjects) >= 2  # Iran and Russia at least

    def marks(soup: BeautifulSoup) -> set[str]:
        return {a["title"] for a in soup.select("#p8 a.ed-annotation, #p9 a.ed-annotation")}
    assert marks(built) and marks(built) == marks(alone) - subjects
    assert marks(alone) & subjects


def test_only_essay_blocks_and_text_are_annotated() -> None:
    soup = render("# Russia\n\nRussia and Iran.\n\n`Russia` and Iran.\n{ .essay }\n",
                  mark="every")
    assert soup.select("h1 a, p:not(.essay) a, code a") == []
    assert [a.get_text() for a in soup.select("p.essay a")] == ["Iran"]


def test_a_broken_glossary_says_what_to_fix(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.yml"
    broken.write_text("terms:\n  - term: X\n    category: nonsense\n", encoding="utf-8")
    # The file by its name, as a contributor knows it.
    with pytest.raises(DataFileError, match=r"\n  glossary\.yml:3: terms\[0\] 'X': 'category'"):
        render("Text\n{ .essay }\n", glossary=str(broken))
    scopes = ", ".join(MARK_SCOPES)
    with pytest.raises(ValueError, match=f"^mark must be one of {scopes}, not 'sometimes'$"):
        render("Text\n{ .essay }\n", mark="sometimes")


def test_the_defaults_are_the_projects_glossary_relative_links_and_one_per_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without options, from the project's folder: ``glossary.yml``, links relative to the
    site's root, and each entry linked once per page (as ARCHITECTURE.md shows them)."""
    monkeypatch.chdir(ROOT)
    extension = GlossaryExtension()
    assert extension.getConfigs() == {"glossary": "glossary.yml", "base_url": "",
                                      "mark": "page"}
    md = markdown.Markdown(extensions=[extension])
    soup = BeautifulSoup(md.convert("The JCPOA and the JCPOA.\n{ .essay }\n"), "lxml")
    (jcpoa,) = [e for e in glossary_entries() if "JCPOA" in e["forms"]]
    assert [a["href"] for a in soup.select("a.ed-annotation")] == [
        jcpoa["href"].removeprefix(BASE)]



def test_a_changed_glossary_always_changes_the_tooltips(tmp_path: Path) -> None:
    """The compiled glossary is reused page after page, keyed by the file's
    content: an edit is read again even when the file keeps its size and time stamp, and a
    broken edit still stops the rendering."""
    glossary = tmp_path / "glossary.yml"
    original = (ROOT / "glossary.yml").read_text(encoding="utf-8")
    (jcpoa,) = [e for e in glossary_entries() if "JCPOA" in e["forms"]]
    glossary.write_text(original, encoding="utf-8")
    stamp = glossary.stat().st_mtime_ns

    def titles() -> list[str]:
        soup = render("The JCPOA.\n{ .essay }\n", glossary=str(glossary))
        return [a["title"] for a in soup.select("a.ed-annotation")]

    assert titles() == [jcpoa["tooltip"]]
    assert titles() == [jcpoa["tooltip"]]  # the same content: the same tooltips
    # A word of the entry's summary that occurs once in the file, in another case.
    word = next(w for w in sorted(set(jcpoa["summary"].split()), key=len, reverse=True)
                if w.isalpha() and original.count(w) == 1)
    edited = original.replace(word, word.swapcase())
    assert edited != original and len(edited.encode()) == len(original.encode())
    glossary.write_text(edited, encoding="utf-8")
    os.utime(glossary, ns=(stamp, stamp))  # same size, same time stamp: only the content
    changed = titles()
    assert changed != [jcpoa["tooltip"]] and len(changed) == 1
    glossary.write_text(original.replace("terms:", "terms: [", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"glossary\.yml"):
        titles()


def test_a_new_process_reads_the_glossary_back_from_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python-Markdown in a new process (each ``mkdocs build``) finds the sound reading of the
    same bytes on disk (``edition.data.store``) and reads nothing again; a changed file is
    read, and judged, afresh."""
    from edition.pages import extension

    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "store"))
    glossary = tmp_path / "glossary.yml"
    original = (ROOT / "glossary.yml").read_text(encoding="utf-8")
    glossary.write_text(original, encoding="utf-8")
    text = PAGE.read_text(encoding="utf-8")
    before = str(render(text, glossary=str(glossary)))
    monkeypatch.setattr(extension, "_COMPILED", {})  # what a new process holds
    monkeypatch.setattr(extension, "parse", lambda *a, **k: pytest.fail("read again"))
    assert str(render(text, glossary=str(glossary))) == before
    monkeypatch.undo()
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "store"))
    glossary.write_text(original.replace("terms:", "terms: [", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"glossary\.yml"):
        render(text, glossary=str(glossary))
