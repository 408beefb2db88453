"""Notes a scholar can cite: stable ids, one numbering, references that are links.

Expected values come from ``notes.yml`` as written (its ids, its ¶ references, read with
PyYAML and a regular expression over the raw note text) and from the essay's source, never
from the code under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from edition.data.notes import NotesError, parse, render_note
from support.build import ROOT, build, copy_project, replace_once
from support.site import page, reading_order, resolve

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: A paragraph reference as a contributor writes it: ¶8, ¶2–3.
PARAGRAPH = re.compile(r"¶(\d+)(?:[–-](\d+))?")
#: A link to another note as a contributor writes it: [words](note:<id>).
NOTE_LINK = re.compile(r"\]\(note:([a-z0-9-]+)\)")


def raw_notes(root: Path = ROOT) -> list[dict]:
    return yaml.safe_load((root / "notes.yml").read_text(encoding="utf-8"))["notes"]


def essay_pages(site: Path) -> list[str]:
    """The essay's pages in reading order: those with numbered endnotes."""
    return [url for url in reading_order(site) if page(site, url).select("section.ed-notes")]


def marks(site: Path) -> list[tuple[str, str, str]]:
    """Every note mark in reading order: (page, the note's id, its number)."""
    found = []
    for url in essay_pages(site):
        for ref in page(site, url).select("article a.ed-note-ref"):
            found.append((url, ref["href"].removeprefix("#note-"), ref["data-note"]))
    return found


# ---- Ids ------------------------------------------------------------------------------


def test_every_note_in_the_file_has_an_id_of_its_own() -> None:
    ids = [note["id"] for note in raw_notes()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) for key in ids)


def test_two_notes_with_one_id_are_refused_naming_both_lines() -> None:
    text = ("notes:\n"
            "  - id: talks\n    quote: the talks\n    kind: context\n    note: A.\n"
            "    sources: [{title: S, url: \"https://example.org/s\"}]\n    gloss: A.\n"
            "  - id: talks\n    quote: in Vienna\n    kind: context\n    note: B.\n"
            "    sources: [{title: S, url: \"https://example.org/s\"}]\n    gloss: B.\n")
    with pytest.raises(NotesError) as caught:
        parse(text.encode())
    assert [str(p) for p in caught.value.problems] == [
        "notes.yml:8: notes[1] 'in Vienna': the id 'talks' is already the id of notes[0] "
        "(line 2); give this note an id of its own (never change a published one)."]


# ---- One number per note ------------------------------------------------------------------


def test_notes_are_numbered_once_through_the_edition_in_reading_order(site: Path) -> None:
    found = marks(site)
    assert [int(number) for _, _, number in found] == list(range(1, len(raw_notes()) + 1))
    for url in essay_pages(site):
        soup = page(site, url)
        numbers = [a["data-note"] for a in soup.select("article a.ed-note-ref")]
        assert [li["value"] for li in soup.select("section.ed-notes li")] == numbers
        assert [a["aria-label"] for a in soup.select("article a.ed-note-ref")] == [
            f"Editor's note {n}" for n in numbers]
    heads = page(site, "notes/").select("article .ed-note-head")
    assert [re.search(r"note (\d+)", h.get_text()).group(1) for h in heads] == [
        number for _, _, number in found]


# ---- One address per note -----------------------------------------------------------------


def test_each_note_is_at_its_id_on_its_page_the_notes_page_and_in_the_exports(
        site: Path) -> None:
    ids = [note["id"] for note in raw_notes()]
    on_pages = {key: url for url, key, _ in marks(site)}
    assert sorted(on_pages) == sorted(ids)
    for key, url in on_pages.items():
        soup = page(site, url)
        assert soup.select_one(f"section.ed-notes li[id='note-{key}']") is not None
        assert soup.select_one(f"span.ed-noted[id='noted-{key}']") is not None
        assert soup.select_one(f"a[id='noteref-{key}']")["href"] == f"#note-{key}"
    notes_page = page(site, "notes/")
    assert [h["id"] for h in notes_page.select("article .ed-note-head")] == [
        f"note-{key}" for _, key, _ in marks(site)]
    collection = json.loads((site / "edition.jsonld").read_text(encoding="utf-8"))
    commenting = [item["id"].rsplit("#", 1)[1] for item in collection["first"]["items"]
                  if item["motivation"] == "commenting"]
    assert sorted(commenting) == sorted(f"note-{key}" for key in ids)
    tei = etree.parse(str(site / "edition.tei.xml"))
    notes = tei.xpath("//t:div[@type='notes']/t:note", namespaces=TEI)
    assert sorted(n.get(XML_ID) for n in notes) == sorted(f"note-{key}" for key in ids)
    for note in notes:
        (seg,) = tei.xpath(f"//t:seg[@xml:id='{note.get('target')[1:]}']", namespaces=TEI)
        assert seg.get("type") == "noted"


def test_a_note_added_before_the_others_moves_no_address(tmp_path: Path, site: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "notes.yml", "notes:\n", (
        "notes:\n  - id: an-added-note\n    quote: \"Perhaps the greatest sleight of hand\"\n"
        "    kind: context\n    gloss: An added note.\n    note: An added note.\n"
        "    sources: [{title: S, url: \"https://example.org/s\"}]\n"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    before, after = marks(site), marks(result.site)
    old = {key: (url, int(number)) for url, key, number in before}
    new = {key: (url, int(number)) for url, key, number in after}
    assert set(new) == set(old) | {"an-added-note"}
    for key, (url, number) in old.items():
        # The same page and id, so the same address; the number is one further on for the
        # notes after the added one (title and standfirst notes come before ¶1).
        assert new[key][0] == url
        assert new[key][1] in (number, number + 1)
        text = page(site, url).select_one(f"li[id='note-{key}'] .ed-note-body").get_text()
        assert page(result.site, url).select_one(
            f"li[id='note-{key}'] .ed-note-body").get_text() == text
    assert sum(new[key][1] == old[key][1] + 1 for key in old) > len(old) / 2


# ---- References inside a note ---------------------------------------------------------------


def test_render_marks_paragraph_and_note_references_outside_links() -> None:
    html = render_note("See ¶8, ¶2–3 and [the note](note:following-year); [¶9](https://e.org/x).")
    soup = BeautifulSoup(html, "html.parser")
    assert [(a.get("data-ed-ref"), a.get("data-ed-ref-to"), a.get_text())
            for a in soup.select("a")] == [
        ("p8", None, "¶8"), ("p2", "p3", "¶2–3"), ("note:following-year", None, "the note"),
        (None, None, "¶9")]
    assert soup.get_text() == "See ¶8, ¶2–3 and the note; ¶9."


def _address(url: str, href: str) -> str:
    """``href`` on the page ``url`` as a page of the site and an anchor: page/#anchor."""
    path, _, anchor = (url + href if href.startswith("#") else resolve(url, href)).partition("#")
    return f"{path.rstrip('/')}/#{anchor}"


def _paragraph_page(site: Path) -> dict[str, str]:
    """Which page holds each numbered paragraph, from the built pages' ids."""
    where = {}
    for url in essay_pages(site):
        for block in page(site, url).select("article p.essay[id]"):
            where[block["id"]] = url
    return where


@pytest.mark.parametrize("where", ["essay", "notes page"])
def test_every_reference_in_a_note_is_a_link_to_what_it_names(site: Path, where: str) -> None:
    paragraphs = _paragraph_page(site)
    on_pages = {key: url for url, key, _ in marks(site)}
    checked = 0
    for note in raw_notes():
        wanted = [f"p{m.group(1)}" for m in PARAGRAPH.finditer(note["note"])]
        wanted_notes = NOTE_LINK.findall(note["note"])
        url = on_pages[note["id"]] if where == "essay" else "notes/"
        soup = page(site, url)
        body = (soup.select_one(f"li[id='note-{note['id']}'] .ed-note-body") if where == "essay"
                else soup.select_one(f"[id='note-{note['id']}']").find_next_sibling(
                    class_="ed-note-body"))
        links = [_address(url, a["href"]) for a in body.select("a")
                 if not a["href"].startswith("http")]
        expected = [f"{paragraphs[p]}#{p}" for p in wanted]
        expected += [(f"{on_pages[k]}#note-{k}" if where == "essay" else f"notes/#note-{k}")
                     for k in wanted_notes]
        assert sorted(links) == sorted(expected), note["id"]
        for link in links:
            path, _, anchor = link.partition("#")
            assert page(site, path).select_one(f"[id='{anchor}']") is not None, link
        checked += len(links)
    # The references written in notes.yml (eleven links: ¶2–3 is one): none was missed.
    assert checked == sum(len(PARAGRAPH.findall(n["note"])) + len(NOTE_LINK.findall(n["note"]))
                          for n in raw_notes()) > 10


@pytest.mark.parametrize(("old", "new", "message"), [
    ("(see ¶8)", "(see ¶16)", "the note refers to ¶16, which the essay does not have (it has "
     "¶1–¶15); write the number of an existing paragraph."),
    ("(note:following-year)", "(note:no-such-note)", "the note links to note:no-such-note, but no "
     "note has the id 'no-such-note'; write the id of an existing note"),
])
def test_a_reference_to_nothing_fails_the_build_at_the_notes_line(
        tmp_path: Path, old: str, new: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    notes = project / "notes.yml"
    replace_once(notes, old, new)
    lines = notes.read_text(encoding="utf-8").splitlines()
    written = next(n for n, line in enumerate(lines, start=1) if new in line)
    line = max(n for n in range(1, written + 1) if lines[n - 1].strip().startswith("note:"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"notes.yml:{line}: notes[" in result.output
    assert message in result.output


def test_each_note_on_the_notes_page_says_how_to_cite_it(site: Path) -> None:
    """Its number, its paragraph and the address of the note beside the text."""
    notes_page = page(site, "notes/")
    found = marks(site)
    cites = notes_page.select("article .ed-note-cite")
    assert len(cites) == len(found)
    for (url, key, number), cite in zip(found, cites, strict=True):
        text = cite.get_text()
        paragraph = page(site, url).select_one(f"span[id='noted-{key}']").find_parent(
            id=True)["id"]
        where = f"par. {paragraph[1:]}" if paragraph.startswith("p") else f"the {paragraph}"
        assert text.startswith(f"Cite as: Editors’ note {number}, on {where} of Ali Ansari"), key
        assert text.endswith(f"{url}#note-{key}."), key
