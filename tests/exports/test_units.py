"""The exports' parts, without a build: marking nested spans, quoting, page text, sizes."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from edition.data.glossary import Entry, Glossary
from edition.exports import annotations, tei
from edition.exports.annotations import quote_selector
from edition.exports.downloads import exports, human_size
from edition.exports.record import Record
from edition.exports.rendered import page_text, text_and_offsets
from edition.index.occurrences import OccurrenceIndex

T = "{http://www.tei-c.org/ns/1.0}"


def mark(start: int, end: int, tag: str, rank: int = 1, **attrib: str) -> tei._Mark:
    return tei._Mark(start, end, tag, tuple(attrib.items()), rank)


def entry(kind: str, category: str, name: str = "X") -> Entry:
    return Entry(kind, name.lower(), name, (), (name,), category, "s", None, (), "auto", 1)


def test_marks_nest_and_the_text_is_unchanged() -> None:
    text = "the Supreme Leader Ali Khamenei said so"
    p = tei._el(None, "p")
    tei.fill(p, text, [
        mark(4, 31, "seg", rank=0, type="noted"),    # the note's words
        mark(4, 31, "persName", ref="#a"),           # the same extent: inside the seg
        mark(4, 18, "term", ref="#t"),              # nested in the longer mention
    ], "here")
    assert "".join(p.itertext()) == text
    seg = p[0]
    assert seg.tag == T + "seg" and seg[0].tag == T + "persName"
    pers = seg[0]
    assert pers[0].tag == T + "term" and pers[0].text == "Supreme Leader"
    assert pers[0].tail == " Ali Khamenei" and seg.tail == " said so" and p.text == "the "


def test_marks_that_touch_are_siblings() -> None:
    # "Russia-Iran": one mark ends where the next begins; neither holds the other.
    text = "Russia-Iran ties"
    p = tei._el(None, "p")
    tei.fill(p, text, [mark(0, 7, "placeName", ref="#r"), mark(7, 11, "placeName", ref="#i")],
             "here")
    assert [(child.text, child.tail, len(child)) for child in p] == [
        ("Russia-", None, 0), ("Iran", " ties", 0)]
    assert "".join(p.itertext()) == text


def test_marks_that_cross_are_refused_with_where() -> None:
    with pytest.raises(ValueError, match=r"essay/x\.md#p3"):
        tei.fill(tei._el(None, "p"), "one two three",
                 [mark(0, 7, "seg"), mark(4, 13, "term")], "essay/x.md#p3")


def test_hostile_text_stays_text_in_xml() -> None:
    hostile = '<script>alert("x")</script> & javascript:alert(1)'
    p = tei._el(None, "p")
    tei.fill(p, hostile, [mark(0, 8, "term", ref="#t")], "here")
    parsed = etree.fromstring(etree.tostring(p))
    assert "".join(parsed.itertext()) == hostile
    assert not parsed.xpath("//*[local-name()='script']")


@pytest.mark.parametrize(("kind", "category", "expected"), [
    ("actor", "person", "persName"), ("actor", "state", "placeName"),
    ("actor", "organisation", "orgName"), ("actor", "group", "orgName"),
    ("term", "treaty", "term"),
])
def test_a_mention_is_marked_by_the_actors_kind(kind: str, category: str, expected: str) -> None:
    assert tei.mention_element((entry(kind, category),)) == expected
    # An actor that is one with a term (the IRGC): the actor decides.
    assert tei.mention_element((entry("term", "institution"), entry(kind, category))) == (
        expected if kind == "actor" else "term")


def test_a_quote_takes_enough_context_to_be_unique() -> None:
    text = ("Iran said no. " * 6) + "And then Iran said yes."
    start = text.index("Iran said yes")
    selector = quote_selector(text, start, start + 4)
    assert selector["exact"] == "Iran"
    found = selector["prefix"] + "Iran" + selector["suffix"]
    assert text.count(found) == 1
    first = quote_selector(text, 0, 4)  # "Iran said no. " three times: needs a longer suffix
    # At the start of the text there is no prefix: it is left out, not given empty.
    assert "prefix" not in first
    assert text.count("Iran" + first["suffix"]) == 1
    assert len(first["suffix"]) > 32


def test_a_quote_stays_within_its_segment_and_is_unique_in_every_reading() -> None:
    text = "Cite this. Iran said no. Iran said no. Show"
    start = text.index("Iran said no", 12)
    low, high = text.index("Iran"), text.index(" Show")
    selector = quote_selector(text, start, start + 4, low, high, ("Iran said no. Iran",))
    assert "Cite" not in selector["prefix"] and "Show" not in selector.get("suffix", "")
    assert selector["prefix"] == "Iran said no. "
    # Unique in the other reading too: "Iran said no. Iran" is there once, with no suffix.
    assert text.count(selector["prefix"] + "Iran" + selector.get("suffix", "")) == 1


def test_interface_text_is_left_out_and_breaks_the_reading() -> None:
    html = ('<p id="a">One <button class="ed-cite not-annotatable">Cite</button>two</p>'
            '<section class="not-annotatable"><h2 id="n">Notes</h2></section><p id="b">three</p>')
    found = page_text(html)
    assert found.text == "One twothree"
    assert found.whole == "One Citetwo" + "Notes" + "three"
    assert found.breaks == (4, 7)
    assert "n" not in found.offsets
    assert found.text[found.offsets["b"]:found.ends["b"]] == "three"
    assert found.text[found.offsets["a"]:found.ends["a"]] == "One two"
    assert found.segment(0, 3) == (0, 4) and found.segment(7, 12) == (7, 12)


def test_page_text_and_offsets_agree_with_a_parser() -> None:
    html = ('<h1 id="title">A &amp; B</h1>\n<!-- hidden -->\n<div class="ed-para"><a href="#p1">'
            '</a><p id="p1">One <a title="t">two</a> three</p></div>')
    text, offsets = text_and_offsets(html)
    assert text == BeautifulSoup(html, "lxml").get_text()
    assert text[offsets["p1"]:].startswith("One two three")
    assert text[offsets["title"]:].startswith("A & B")


@pytest.mark.parametrize(("size", "label"), [
    (0, "0 bytes"), (999, "999 bytes"), (1000, "1.0 kB"), (1050, "1.1 kB"),
    (383_248, "383.2 kB"), (1_000_000, "1.0 MB"), (1_050_000, "1.1 MB"), (2_500_000, "2.5 MB"),
])
def test_sizes_read_as_a_reader_reads_them(size: int, label: str) -> None:
    assert human_size(size) == label


def _record(site_name: str) -> Record:
    return Record(site_name=site_name, site_url="https://example.org/edition/", copyright="",
                  glossary=Glossary("glossary.yml", ()), anchors=(), blocks=(),
                  occurrences=OccurrenceIndex(), page_urls={}, page_titles={},
                  entry_url=lambda entry: "")


@pytest.mark.parametrize("site_name", ['An edition', 'Quotes " and "items": [] in a name'])
def test_an_empty_collection_is_written_as_orjson_writes_it(site_name: str) -> None:
    # The streamed writer splices the items into the frame's last '"items": []'; the site's
    # name cannot fool it, and no annotation leaves an empty list.
    record = _record(site_name)
    written = annotations.render(record)
    assert written == orjson.dumps(annotations.collection(record),
                                   option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    assert json.loads(written)["first"]["items"] == []
    assert json.loads(written)["label"].startswith(site_name)


def test_a_notes_markup_becomes_its_tei_counterpart() -> None:
    """Every element a note's sanitised HTML may hold (p, em, strong, a), with the TEI P5
    element for it: ``emph``, ``hi rend="bold"``, ``ref target``; text and tails kept."""
    note = tei._el(None, "note")
    tei._note_content(note, '<p>One <em>two</em> <strong>three</strong> '
                            '<a href="https://example.org/?a=1&amp;b=2">four</a> five.</p>')
    parsed = etree.fromstring(etree.tostring(note))
    (p,) = parsed
    assert p.tag == f"{T}p"
    assert [(child.tag, dict(child.attrib), child.text, child.tail) for child in p] == [
        (f"{T}emph", {}, "two", " "),
        (f"{T}hi", {"rend": "bold"}, "three", " "),
        (f"{T}ref", {"target": "https://example.org/?a=1&b=2"}, "four", " five."),
    ]
    assert "".join(parsed.itertext()) == "One two three four five."


def test_an_edition_without_a_title_block_is_titled_by_the_sites_name() -> None:
    document = etree.fromstring(tei.render(_record("An edition")))
    ns = {"t": T[1:-1]}
    assert document.xpath("//t:titleStmt/t:title[@type='main']/text()", namespaces=ns) == [
        "An edition"]


def test_an_edition_without_events_does_not_offer_them(tmp_path: Path) -> None:
    (_, tei_file) = exports(_record("An edition"), tmp_path)
    assert tei_file.holds.endswith("the lists of persons, places and organisations")
    assert "events" not in tei_file.holds


def test_each_export_is_written_to_disk_as_its_serialiser_writes_it(tmp_path: Path) -> None:
    # Written into the directory under its path in the site, never returned as
    # bytes; what lands on disk is what render() gives, and the size is the file's own.
    record = _record("An edition")
    files = exports(record, tmp_path / "site")
    assert [f.path for f in files] == [annotations.PATH, tei.PATH]
    for export, render in zip(files, (annotations.render, tei.render), strict=True):
        assert export.written == tmp_path / "site" / export.path
        assert export.written.read_bytes() == render(record)
        assert export.length == export.written.stat().st_size
        assert export.size == human_size(export.written.stat().st_size)



def test_occurrences_are_counted_overlaps_included() -> None:
    # "aa" is in "aaaa" at 0, 1 and 2; a quotation is unique only if no overlapping copy is.
    assert annotations._occurrences("aaaa", "aa") == 3
    assert annotations._occurrences("abab", "aba") == 1
    assert annotations._occurrences("abc", "d") == 0


def test_a_prefix_a_bitap_matcher_cannot_place_gives_way_to_the_suffix() -> None:
    # The 32 characters before "Iran" stand twice: a best-match client
    # (dom-anchor-text-quote) looks for the prefix alone and could land on either; the
    # suffix stands once.
    phrase = "after the long talks in Vienna with the envoys, "
    text = phrase + "Russia waited. " + phrase + "Iran signed in July. The end."
    start = text.index("Iran signed")
    selector = quote_selector(text, start, start + 4)
    assert "prefix" not in selector
    assert text.count(selector["suffix"]) == 1 and len(selector["suffix"]) <= 32
    assert text.count("Iran" + selector["suffix"]) == 1


def test_a_longer_context_grows_the_suffix_and_keeps_the_prefix_within_32() -> None:
    # The words and 32 characters either side stand twice; the suffix tells them apart.
    repeated = "x" * 40 + " Iran " + "y" * 40
    text = repeated + " first. " + repeated + " second."
    start = text.index(" Iran ") + 1
    selector = quote_selector(text, start, start + 4)
    assert len(selector["prefix"]) <= 32 < len(selector["suffix"])
    assert text.count(selector["prefix"] + "Iran" + selector["suffix"]) == 1
