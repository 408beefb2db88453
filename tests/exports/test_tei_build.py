"""The TEI document of a real build: valid TEI P5, the author's words verbatim, every
mention marked and pointing to its list entry, every note tied to its words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from edition.data.forms import loose_pattern
from edition.data.glossary import load as load_glossary
from edition.data.notes import load as load_notes
from exports.standards import tei_schema
from support.build import ROOT, build_scope
from support.data import as_read, plain, raw_entries
from support.essay import Block
from support.site import describe_difference, page, reading_order

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: The TEI id of each block of the source text, by the label tests/support/essay.py gives it.
IDS = {"title": "title", "standfirst": "standfirst", "photo title": "photo-title",
       "caption": "caption", "byline": "byline"}
KIND_ELEMENTS = {"person": "persName", "state": "placeName", "organisation": "orgName",
                 "group": "orgName"}


@pytest.fixture(scope=build_scope)
def tei(site: Path) -> etree._ElementTree:
    return etree.parse(str(site / "edition.tei.xml"))


def block_id(label: str) -> str:
    return IDS.get(label, f"p{label.removeprefix('¶')}")


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def test_the_tei_is_valid_tei_p5(tei: etree._ElementTree) -> None:
    schema = tei_schema()
    assert schema.validate(tei), "\n".join(str(e) for e in list(schema.error_log)[:20])


def test_the_authors_words_come_out_verbatim(tei: etree._ElementTree,
                                             essay: list[Block]) -> None:
    assert len(essay) == 20  # the photo title and caption are two
    for block in essay:
        found = tei.xpath("//t:text//*[@xml:id=$id]", namespaces=NS, id=block_id(block.label))
        assert len(found) == 1, block.label
        text = "".join(found[0].itertext())
        assert text == block.text, f"{block.label}: {describe_difference(block.text, text)}"
        if block.label.startswith("¶"):
            assert local(found[0]) == "p" and found[0].get("n") == block.label[1:]


def test_the_header_names_the_essay_its_author_and_the_original(
    tei: etree._ElementTree, essay: list[Block]
) -> None:
    title = tei.xpath("//t:titleStmt/t:title[@type='main']/text()", namespaces=NS)
    assert title == [essay[0].text]
    assert tei.xpath("//t:titleStmt/t:author/text()", namespaces=NS) == [essay[-1].text]
    assert tei.xpath("//t:titleStmt/t:respStmt[@xml:id='editors']/t:resp", namespaces=NS)
    source = tei.xpath("//t:sourceDesc/t:bibl", namespaces=NS)[0]
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    url = source.xpath("t:ref/@target", namespaces=NS)[0]
    assert f"]({url})" in home  # the URL as the home page gives it
    assert "Engelsberg Ideas" in source.xpath("t:title[@level='j']/text()", namespaces=NS)
    assert source.xpath("t:date/@when", namespaces=NS) == ["2022-08-15"]
    assert "15 August 2022" in home


def test_parts_have_the_editors_headings_and_the_caption_is_a_figure(
    tei: etree._ElementTree, site: Path
) -> None:
    parts = tei.xpath("//t:body/t:div[@type='part']", namespaces=NS)
    essay_pages = [url for url in reading_order(site) if url.startswith("essay/")]
    assert len(parts) == len(essay_pages) == 8
    for div, url in zip(parts, essay_pages, strict=True):
        head = div.xpath("t:head", namespaces=NS)[0]
        assert head.get("type") == "editorial" and head.get("resp") == "#editors"
        heading = page(site, url).select_one("h1.ed-heading").get_text()
        assert heading in head.text
        first = page(site, url).select_one("p.essay[id]")["id"]
        assert div.xpath("t:p/@xml:id", namespaces=NS)[0] == first
    (figure,) = tei.xpath("//t:front/t:div[@type='illustration']/t:figure", namespaces=NS)
    assert figure.xpath("t:head/@xml:id", namespaces=NS) == ["photo-title"]
    assert figure.xpath("t:p/@xml:id", namespaces=NS) == ["caption"]


def marked(tei: etree._ElementTree) -> Counter[tuple[str, str, str]]:
    """(block id, referenced id, text) of every mention marked in the TEI text."""
    found: Counter[tuple[str, str, str]] = Counter()
    for element in tei.xpath("//t:text//*[@ref]", namespaces=NS):
        block = element.xpath("ancestor::*[@xml:id][not(self::t:seg)][1]/@xml:id",
                              namespaces=NS)[0]
        for ref in element.get("ref").split():
            found[block, ref.removeprefix("#"), "".join(element.itertext())] += 1
    return found


def test_the_file_is_utf_8_with_the_essays_characters_as_they_are(site: Path) -> None:
    """Written as UTF-8 and declared so; the essay's curly apostrophes are characters, not
    character references, so the file reads as text in any editor."""
    data = (site / "edition.tei.xml").read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "\u2019" in data.decode("utf-8")
    assert b"&#8217;" not in data


def test_the_header_states_the_editorial_practice(tei: etree._ElementTree) -> None:
    statement = tei.xpath("//t:teiHeader/t:encodingDesc/t:editorialDecl/t:p", namespaces=NS)
    assert len(statement) == 1
    assert "The author's words are given exactly as first published" in statement[0].text


def test_the_back_glosses_every_term_with_its_definition_and_the_editors_note(
        tei: etree._ElementTree) -> None:
    """Expected values from glossary.yml as written, not through the loader."""
    terms = [entry for entry in raw_entries() if entry.kind == "term"]
    (listing,) = tei.xpath("//t:back/t:div[@type='glossary']/t:list[@type='gloss']",
                           namespaces=NS)
    assert listing.xpath("t:label/t:term/text()", namespaces=NS) == [t.name for t in terms]
    items = listing.xpath("t:item", namespaces=NS)
    assert len(items) == len(terms)
    for term, item in zip(terms, items, strict=True):
        assert item.xpath("t:p/text()", namespaces=NS) == [term.summary]
        note = term.raw.get("note")
        editorial = item.xpath("t:note[@type='editorial'][@resp='#editors']/text()",
                               namespaces=NS)
        assert [plain(text) for text in editorial] == ([as_read(note)] if note else []), term.id
    assert any(term.raw.get("note") for term in terms)


def test_every_ref_points_to_an_entry_of_the_right_list(tei: etree._ElementTree) -> None:
    glossary = load_glossary(ROOT / "glossary.yml")
    ids = set(tei.xpath("//@xml:id", namespaces=NS))
    for actor in glossary.actors:
        tag = KIND_ELEMENTS[actor.category]
        listed = tei.xpath(f"//t:standOff//*[@xml:id=$id]/t:{tag}[1]", namespaces=NS,
                           id=f"actor-{actor.id}")
        assert [e.text for e in listed] == [actor.name]
        desc = tei.xpath("//*[@xml:id=$id]/t:note[@type='description']/text()",
                         namespaces=NS, id=f"actor-{actor.id}")
        assert desc == [actor.summary]
    for term in glossary.terms:
        label = tei.xpath("//t:list[@type='gloss']/t:label/t:term[@xml:id=$id]/text()",
                          namespaces=NS, id=f"term-{term.id}")
        assert label == [term.name]
    elements = tei.xpath("//t:text//*[@ref]", namespaces=NS)
    assert len(elements) > 200
    kinds = {f"actor-{a.id}": KIND_ELEMENTS[a.category] for a in glossary.actors}
    for element in elements:
        refs = [ref.removeprefix("#") for ref in element.get("ref").split()]
        assert all(ref in ids for ref in refs), refs
        actors = [ref for ref in refs if ref in kinds]
        assert local(element) == (kinds[actors[0]] if actors else "term"), refs


def test_every_actor_mention_in_the_html_is_marked_in_the_tei(
    tei: etree._ElementTree, site: Path
) -> None:
    tei_marks = marked(tei)
    # The links in the essay (the first of each actor in each part, by default) ...
    links: Counter[tuple[str, str, str]] = Counter()
    for url in reading_order(site):
        for link in page(site, url).select("article .essay a.ed-actor"):
            actor = urlsplit(link["href"]).path.rstrip("/").rsplit("/", 1)[-1]
            block = link.find_parent(class_="essay")["id"]
            links[block, f"actor-{actor}", link.get_text()] += 1
    assert sum(links.values()) > 40  # fewer, as the subjects are linked once
    for key, count in links.items():
        assert tei_marks[key] >= count, key
    # ... and every mention the actor pages list, exactly.
    glossary = load_glossary(ROOT / "glossary.yml")
    for actor in glossary.actors:
        listed: Counter[tuple[str, str, str]] = Counter()
        soup = page(site, f"actors/{actor.id}/")
        for item in soup.select("article h2#mentions ~ ol > li"):
            block = urlsplit(item.select_one("a")["href"]).fragment
            for mark in item.select("mark"):
                listed[block, f"actor-{actor.id}", mark.get_text()] += 1
        in_tei = Counter({k: v for k, v in tei_marks.items() if k[1] == f"actor-{actor.id}"})
        assert listed == in_tei, actor.name


def test_every_term_link_is_marked_as_a_term(tei: etree._ElementTree, site: Path) -> None:
    tei_marks = marked(tei)
    count = 0
    for url in reading_order(site):
        for link in page(site, url).select("article .essay a.ed-term"):
            term = urlsplit(link["href"]).fragment
            block = link.find_parent(class_="essay")["id"]
            assert tei_marks[block, f"term-{term}", link.get_text()] >= 1, (block, term)
            count += 1
    assert count > 50
    terms = tei.xpath("//t:text//t:term[@ref]", namespaces=NS)
    assert terms and all(t.get("ref").startswith("#term-") for t in terms)


def test_every_note_is_tied_to_its_words(tei: etree._ElementTree) -> None:
    notes = load_notes(ROOT / "notes.yml")
    tei_notes = tei.xpath("//t:back/t:div[@type='notes']/t:note", namespaces=NS)
    assert len(tei_notes) == len(notes)
    by_text = Counter(" ".join("".join(n.xpath("t:p", namespaces=NS)[0].itertext()).split())
                      for n in tei_notes)
    for note in notes:
        words = BeautifulSoup(note.html, "lxml").get_text()
        assert by_text[" ".join(words.split())] >= 1, note.label
    segs = {seg.get(XML_ID): seg for seg in tei.xpath("//t:seg[@type='noted']", namespaces=NS)}
    quotes = [note.quote for note in notes]
    for element in tei_notes:
        seg = segs[element.get("target").removeprefix("#")]
        words = "".join(seg.itertext())
        assert any(re.fullmatch(loose_pattern(q), words) for q in quotes), words
        assert element.get("resp") == "#editors"
        assert element.get("type") in {n.kind for n in notes}
    assert len(segs) == len(notes)


def test_every_event_is_listed_once_with_its_date_and_whatever_concerns_it(
    tei: etree._ElementTree,
) -> None:
    """The records of events.yml, read as written, each once in listEvent; each event points
    to every note and entry that refers to it, and each pointer resolves."""
    raw = yaml.safe_load((ROOT / "events.yml").read_text(encoding="utf-8"))["events"]
    events = tei.xpath("//t:standOff/t:listEvent/t:event", namespaces=NS)
    found = {e.get(XML_ID): e for e in events}
    assert len(events) == len(found) == len(raw)
    ids = set(tei.xpath("//@xml:id"))
    referring: Counter[str] = Counter()
    for record in raw:
        event = found[f"event-{record['id']}"]
        assert event.get("when") == record["date"]
        assert "".join(event.xpath("t:label//text()", namespaces=NS)) == " ".join(
            record["description"].split())
        targets = (event.get("corresp") or "").split()
        assert all(t.startswith("#") and t[1:] in ids for t in targets), targets
        referring[record["id"]] = len(targets)
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    notes = yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]
    expected = Counter(event_id for kind in ("terms", "actors") for entry in glossary[kind]
                       for event_id in entry.get("events", []))
    expected.update(event_id for note in notes for event_id in note.get("events", []))
    assert referring == expected


def test_the_file_is_written_as_lxml_writes_the_whole_tree(site: Path) -> None:
    # Written piece by piece, the file must still be exactly what lxml gives for the whole
    # document: one declaration of the TEI namespace, no piece declaring it again.
    written = (site / "edition.tei.xml").read_bytes()
    whole = etree.fromstring(written)
    assert etree.QName(whole).namespace == NS["t"]
    assert written == etree.tostring(etree.ElementTree(whole), xml_declaration=True,
                                     encoding="UTF-8")
    assert written.count(b"xmlns=") == 1
