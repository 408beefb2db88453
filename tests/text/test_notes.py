"""Editor's notes: loading, sanitising, anchoring by quotation, rendering, real builds."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from edition.data.glossary import load
from edition.data.notes import NotesError, parse, render_note
from edition.text.anchoring import anchor, cut_forms
from edition.text.annotate import targets
from edition.text.matcher import Matcher
from edition.text.note_marks import NoteMarkerExtension
from support.build import ROOT, build, copy_project, replace_once
from support.essay import paragraphs
from support.site import page, reading_order, resolve

NOTE = """\
  - quote: {quote}
    kind: reference
    note: A note.
    sources: [{{title: S, url: "https://example.org/s"}}]
    id: {id}
    gloss: A gloss.
"""


def note_yaml(quote: str) -> str:
    """One note of a notes file, its id made from its words."""
    return NOTE.format(quote=quote, id="n-" + "-".join(re.findall("[a-z0-9]+", quote.lower())))


def notes(*quotes: str, extra: str = "") -> tuple:
    text = "notes:\n" + "".join(note_yaml(q) for q in quotes) + extra
    return parse(text.encode())


def problems(call) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(NotesError) as caught:
        call()
    return [str(p) for p in caught.value.problems]


BLOCKS = [
    ("essay/a.md", "p1", "Nonetheless, in the following year Russia joined. The year after."),
    ("essay/a.md", "p2", "In the following year, Iran refused. It ended"),
    ("essay/b.md", "p3", "there. Then Iran’s turn came."),
]


# ---- Sanitising and loading ---------------------------------------------------------

LINKS_ONLY = "links only to http(s) addresses or to another note (note:<id>)"


def test_note_text_allows_emphasis_strong_and_http_links_only() -> None:
    assert render_note("An *inference*, **not** [a fact](https://example.org/x).") == (
        '<p>An <em>inference</em>, <strong>not</strong> <a href="https://example.org/x">a fact'
        "</a>.</p>")
    assert render_note("<script>alert(1)</script> & <b>") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;</p>")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("![x](https://example.org/i.png)", "uses <img>"),
        ("`code`", "uses <code>"),
        ("# Heading", "uses <h1>"),
        ("- a list", "uses <ul>"),
        ("[x](javascript:alert(1))", f"{LINKS_ONLY}, not 'javascript:alert(1)'"),
        ("[x](notes.md)", f"{LINKS_ONLY}, not 'notes.md'"),
        ("[x](note:Not_an_id)", f"{LINKS_ONLY}, not 'note:Not_an_id'"),
    ],
)
def test_anything_else_in_a_note_is_refused(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match="^" + problem.replace("(", r"\(").replace(")", r"\)")):
        render_note(text)


def test_bad_notes_name_the_line_and_the_note() -> None:
    bad = note_yaml("x").replace("note: A note.", "note: '![i](https://e.org/i.png)'")
    dated = note_yaml("y") + "    events: [jcpoa-agreed]\n"
    undated = note_yaml("z") + "    events: []\n"
    assert problems(lambda: parse(("notes:\n" + bad + dated + undated).encode())) == [
        "notes.yml:21: notes[2] 'z': 'events' needs at least 1 item(s)."
    ]
    assert problems(lambda: parse(("notes:\n" + bad + dated).encode())) == [
        "notes.yml:4: notes[0] 'x': the note uses <img>; notes allow only *emphasis*, **strong** "
        "and [links](https://...).",
    ]
    (_, note) = parse(("notes:\n" + note_yaml("x") + dated).encode())
    assert (note.events, note.events_line) == (("jcpoa-agreed",), 14)


# ---- Anchoring ------------------------------------------------------------------------


def test_a_quotation_is_found_once_with_apostrophes_and_spaces_loosened() -> None:
    (found,) = anchor(notes("Iran's  turn"), BLOCKS)
    assert (found.page, found.block) == ("essay/b.md", "p3")
    assert BLOCKS[2][2][found.start:found.end] == "Iran’s turn"


def test_a_quotation_not_in_the_essay_is_an_error() -> None:
    assert problems(lambda: anchor(notes("the year before"), BLOCKS)) == [
        "notes.yml:2: notes[0] 'the year before': the quotation is not in the essay; copy the "
        "words exactly as the essay writes them (with 'before' and 'after', if given). The "
        "nearest passage is ¶1 (essay/a.md): “The year after”. Where they differ ([-yours-] "
        "{+the essay's+}): “[-t-]{+T+}he year [-b-]{+aft+}e[-fo-]r[-e-]”."
    ]


def test_an_ambiguous_quotation_is_an_error_until_context_settles_it() -> None:
    assert problems(lambda: anchor(notes("following year"), BLOCKS)) == [
        "notes.yml:2: notes[0] 'following year': the quotation occurs 2 times (¶1, ¶2); add "
        "the words just 'before' or 'after' it to make it unique."
    ]
    text = "notes:\n" + note_yaml("following year") + "    before: 'in the '\n"
    (found,) = anchor(parse(text.encode()), BLOCKS)
    assert found.block == "p1"


def test_a_quotation_across_a_paragraph_break_is_an_error() -> None:
    assert problems(lambda: anchor(notes("It ended there"), BLOCKS)) == [
        "notes.yml:2: notes[0] 'It ended there': the quotation crosses the paragraph break "
        "between ¶2 and ¶3; a note annotates words within one paragraph: quote the words of "
        "one of them."
    ]


def test_an_edit_elsewhere_in_the_paragraph_does_not_move_the_note() -> None:
    (before,) = anchor(notes("Russia joined"), BLOCKS)
    edited = [(p, b, "An added sentence. " + t if b == "p1" else t) for p, b, t in BLOCKS]
    (after,) = anchor(notes("Russia joined"), edited)
    assert after.start == before.start + len("An added sentence. ")
    assert edited[0][2][after.start:after.end] == "Russia joined"


def test_overlapping_notes_are_an_error() -> None:
    assert problems(lambda: anchor(notes("the following year Russia", "year Russia joined"),
                                   BLOCKS[:1])) == [
        "notes.yml:8: notes[1] 'year Russia joined': its words overlap those of notes[0] 'the "
        "following year Russia' (line 2); notes may not overlap: merge them into one note, "
        "or quote words that do not overlap."
    ]


def test_two_notes_on_the_same_words_are_told_to_merge() -> None:
    second = note_yaml("the following year Russia").replace(
        "id: n-the-following-year-russia", "id: another-note")
    assert problems(lambda: anchor(parse(("notes:\n" + note_yaml("the following year Russia")
                                          + second).encode()), BLOCKS[:1])) == [
        "notes.yml:8: notes[1] 'the following year Russia': it annotates the same words as "
        "notes[0] 'the following year Russia' (line 2); merge them into one note."
    ]


@pytest.mark.parametrize("quote", ["Plan of Action (JCPOA) was", "Once the Joint Comprehensive"])
def test_a_quotation_may_not_begin_or_end_inside_an_annotated_form(quote: str) -> None:
    matcher = Matcher(targets(load(ROOT / "glossary.yml")))
    blocks = [("essay/x.md", "p8", "Once the Joint Comprehensive Plan of Action (JCPOA) was")]
    anchors = anchor(notes(quote), blocks)
    assert [str(p) for p in cut_forms(anchors, blocks, matcher)] == [
        f"notes.yml:2: notes[0] '{quote}': the quotation begins or ends "
        "inside 'Joint Comprehensive Plan of Action', which the edition annotates as a whole; "
        "quote all of it or none of it."
    ]


@pytest.mark.parametrize("quote", ["Joint Comprehensive Plan of Action", "Once the Joint "
                                   "Comprehensive Plan of Action (JCPOA)", "(JCPOA) was"])
def test_a_quotation_that_takes_a_whole_form_or_none_of_it_is_fine(quote: str) -> None:
    matcher = Matcher(targets(load(ROOT / "glossary.yml")))
    blocks = [("essay/x.md", "p8", "Once the Joint Comprehensive Plan of Action (JCPOA) was")]
    anchors = anchor(notes(quote), blocks)
    assert len(anchors) == 1
    assert cut_forms(anchors, blocks, matcher) == []


# ---- Rendering ----------------------------------------------------------------------


def test_marks_leave_the_text_unchanged_and_list_the_notes_in_order() -> None:
    text = BLOCKS[0][2]
    found = anchor(notes("The year after", "in the following year"), BLOCKS[:1])
    html = markdown.markdown(f"{text}\n{{ .essay #p1 }}", extensions=[
        "attr_list", NoteMarkerExtension(lambda: found)])
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("#p1").get_text() == text
    assert [s.get_text() for s in soup.select("span.ed-noted")] == [
        "in the following year", "The year after"]
    refs = soup.select("a.ed-note-ref")
    # the addresses are made from the notes' ids, in notes.yml's words.
    assert [(a["href"], a["id"], a["data-note"], a.get_text()) for a in refs] == [
        ("#note-n-in-the-following-year", "noteref-n-in-the-following-year", "1", ""),
        ("#note-n-the-year-after", "noteref-n-the-year-after", "2", "")]
    assert [(li["id"], li["value"]) for li in soup.select("section.ed-notes li")] == [
        ("note-n-in-the-following-year", "1"), ("note-n-the-year-after", "2")]
    assert soup.select_one("#note-n-the-year-after .ed-note-body").get_text() == "A note."


def test_a_note_keeps_the_number_the_edition_gives_it() -> None:
    """Numbered through the edition (``number_of``), not from 1 on each page."""
    text = BLOCKS[0][2]
    found = anchor(notes("The year after", "in the following year"), BLOCKS[:1])
    numbers = {"n-in-the-following-year": 12, "n-the-year-after": 13}
    html = markdown.markdown(f"{text}\n{{ .essay #p1 }}", extensions=[
        "attr_list", NoteMarkerExtension(lambda: found, number_of=lambda a: numbers[a.note.id])])
    soup = BeautifulSoup(html, "lxml")
    assert [a["data-note"] for a in soup.select("a.ed-note-ref")] == ["12", "13"]
    assert [li["value"] for li in soup.select("section.ed-notes li")] == ["12", "13"]
    assert soup.select_one("#note-n-the-year-after .ed-note-back a").get_text() == (
        "Back to note 13 in the text")


def test_a_note_on_a_block_with_markup_is_refused_with_the_block_named() -> None:
    text = BLOCKS[0][2]
    found = anchor(notes("The year after"), BLOCKS[:1])
    md = markdown.Markdown(extensions=["attr_list", NoteMarkerExtension(lambda: found)])
    with pytest.raises(ValueError, match=r"^the essay block 'p1' has inline markup; a note can "
                                         r"only annotate a plain paragraph$"):
        md.convert(f"*{text}*\n{{ .essay #p1 }}")


# ---- The real build -------------------------------------------------------------------


def test_every_note_is_marked_once_and_the_essay_text_is_unchanged(site: Path) -> None:
    marks = 0
    source = paragraphs()
    for url in reading_order(site):
        soup = page(site, url)
        refs = soup.select("article a.ed-note-ref")
        marks += len(refs)
        for ref in refs:
            assert soup.select_one(f"li[id='{ref['href'][1:]}'] .ed-note-body") is not None
        for number, text in source.items():
            block = soup.select_one(f"p[id='p{number}']")
            if block is not None:
                assert block.get_text() == text
    assert marks == len(load_notes_count())


def test_every_endnote_lists_its_sources(site: Path) -> None:
    """Wherever a note is shown in full, its sources (as notes.yml gives them) go with it."""
    import yaml

    raw = yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]
    wanted = sorted(tuple((s["title"].strip(), s["url"]) for s in n["sources"]) for n in raw)
    found = []
    for url in reading_order(site):
        for item in page(site, url).select("section.ed-notes li[id^='note-']"):
            (line,) = item.select("p.ed-note-sources")
            found.append(tuple((a.get_text(), a["href"]) for a in line.select("a")))
    assert sorted(found) == wanted


def load_notes_count() -> tuple:
    from edition.data.notes import load as load_notes

    return load_notes(ROOT / "notes.yml")


def test_the_notes_page_lists_every_note_in_reading_order(site: Path) -> None:
    soup = page(site, "notes/")
    heads = soup.select("article .ed-note-head")
    assert len(heads) == len(load_notes_count())
    order, urls = [], reading_order(site)
    for head in heads:
        target = resolve("notes/", head.select_one("a")["href"])
        path, _, anchor_id = target.partition("#")
        marks = [a["id"] for a in page(site, path).select("article a.ed-note-ref")]
        assert anchor_id in marks, target
        order.append((urls.index(path), marks.index(anchor_id)))
    assert order == sorted(order)


def test_a_note_that_lost_its_words_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "notes.yml").write_text("notes:\n" + note_yaml("more discreet"), "utf-8")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "notes.yml:2: notes[0] 'more discreet': the quotation is not in the essay" in (
        result.output)


@pytest.mark.parametrize(
    ("quote", "message"),
    [
        ("the Russians", "the quotation occurs "),
        ("wait. When the Iranians did return", None),
        ("turning into parody. That said", "the quotation crosses the paragraph break "
         "between ¶11 and ¶12"),
    ],
)
def test_anchoring_in_a_real_build(tmp_path: Path, quote: str, message: str | None) -> None:
    project = copy_project(tmp_path / "project")
    (project / "notes.yml").write_text("notes:\n" + note_yaml(f'"{quote}"'), "utf-8")
    result = build(project, tmp_path / "site", strict=False)
    if message is None:
        assert result.returncode == 0, result.output
        assert page(result.site, "essay/raisi/").select_one("span.ed-noted").get_text() == quote
    else:
        assert result.returncode != 0 and "Traceback" not in result.output
        assert f"notes.yml:2: notes[0] '{quote}': {message}" in result.output


def test_an_edit_elsewhere_in_the_paragraph_keeps_every_note_on_its_words(
    tmp_path: Path, site: Path
) -> None:
    project = copy_project(tmp_path / "project")
    part = project / "docs" / "essay" / "jcpoa.md"
    replace_once(part, "It was here that", "INSERTED WORDS. It was here that")
    result = build(project, tmp_path / "site", strict=False)
    assert page(result.site, "essay/jcpoa/").select_one("#p8").get_text().startswith(
        "INSERTED WORDS. It was here that")
    edited = [s.get_text() for s in page(result.site, "essay/jcpoa/").select("#p8 .ed-noted")]
    original = [s.get_text() for s in page(site, "essay/jcpoa/").select("#p8 .ed-noted")]
    assert edited == original and "more discrete" in edited
