"""A definition, description or note links to another entry as ``[words](term:<id>)`` or
``[words](actor:<id>)``: checked at load, shown as a link on the pages that show the text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.data.glossary import GlossaryError, parse
from support.build import ROOT, build, copy_project
from support.data import GOOD_ENTRY

REFERENCE = re.compile(r"\[([^\[\]]+)\]\((term|actor):([a-z0-9-]+)\)")
OTHER = GOOD_ENTRY.replace("term: JCPOA", "term: Joint Commission").replace(
    "aliases: [Joint Comprehensive Plan of Action]", "aliases: []")


def with_note(note: str) -> str:
    return "terms:\n" + GOOD_ENTRY + f"    note: \"{note}\"\n" + OTHER


def test_a_reference_keeps_its_words_in_the_text_and_its_target_beside_it() -> None:
    glossary = parse(with_note("Its body: see [the commission](term:joint-commission).").encode())
    entry = glossary.terms[0]
    assert entry.note == "Its body: see the commission."
    (ref,) = entry.references
    assert (ref.field, ref.kind, ref.id, ref.line) == ("note", "term", "joint-commission", 9)
    assert entry.note[ref.start:ref.end] == "the commission"


def test_a_reference_to_no_entry_names_the_referring_line_and_suggests_only_ids_that_exist(
) -> None:
    with pytest.raises(GlossaryError) as caught:
        parse(with_note("See [the commission](term:joint-comission).").encode())
    assert [str(p) for p in caught.value.problems] == [
        "glossary.yml:9: term 'JCPOA': the note links 'the commission' to "
        "term:joint-comission, but no term has the id 'joint-comission' (deleted or renamed?). "
        "Did you mean 'term:joint-commission'? Link to an entry the glossary has, or write the "
        "words without the link."]


def test_a_reference_to_an_actor_must_name_an_actor() -> None:
    with pytest.raises(GlossaryError) as caught:
        parse(with_note("See [the commission](actor:joint-commission).").encode())
    (problem,) = caught.value.problems
    assert "no actor has the id 'joint-commission'" in str(problem)
    assert "Did you mean" not in str(problem)  # no actor exists to suggest


def project_references() -> list[tuple[str, str, str, str]]:
    """(entry name, words, kind, id) of every reference in the project's glossary, read
    from the file as written."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    found = []
    for entry in raw["terms"] + raw["actors"]:
        for field in ("definition", "description", "note"):
            for words, kind, target in REFERENCE.findall(entry.get(field, "")):
                found.append((entry.get("term") or entry["name"], words, kind, target))
    return found


def test_the_project_writes_no_unchecked_see_reference() -> None:
    raw = (ROOT / "glossary.yml").read_text(encoding="utf-8")
    unchecked = re.findall(r"\bsee (?!\[)[A-Z][\w-]*(?: [A-Z][\w-]*)*", raw)
    assert unchecked == []
    assert len(project_references()) >= 3


def test_each_reference_is_a_link_on_the_page_that_shows_the_text(site: Path) -> None:
    pages = [site / "glossary" / "index.html", *sorted((site / "actors").glob("*/index.html"))]
    links = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links += [(a.get_text(), a["href"]) for a in soup.select(".ed-gl-note a[href]")]
    for name, words, kind, target in project_references():
        want = f"#{target}" if kind == "term" else f"/{target}/"
        assert any(text == words and href.endswith(want) for text, href in links), (name, words)


def test_deleting_the_target_fails_the_check_and_the_build_on_the_referring_line(
        tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    rows = text.splitlines()
    at = next(n for n, row in enumerate(rows) if "](term:iraqi-air-force)" in row)
    field = next(n for n in range(at, 0, -1) if rows[n].strip().startswith("note:")) + 1
    start = text.index('  - term: "Iraqi air-force"')
    end = text.index("\n  - term: ", start + 1) + 1
    assert text[:start].count("\n") > at  # the target comes after the reference
    (project / "glossary.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_glossary.py"),
                            str(project / "glossary.yml")], capture_output=True, text=True,
                           timeout=120, cwd=project)
    built = build(project, tmp_path / "site")
    expected = (f"glossary.yml:{field}: term 'First Gulf War': the note links "
                "'Iraqi air-force' to term:iraqi-air-force, but no term has the id "
                "'iraqi-air-force'")
    assert check.returncode == 1 and built.returncode != 0
    assert expected in check.stderr and expected in built.output
