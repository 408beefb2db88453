"""The whole edition as one TEI P5 document, built with lxml (never from strings of data).

The header names the essay, its author, this edition's responsibility and the original
publication. The text keeps the author's words exactly: the front matter (title,
standfirst, the illustration's title and caption as a ``figure``), a ``div`` per part with
the editor's heading marked as editorial, ``p`` elements numbered as the edition numbers
them, and the byline. Every mention is marked ``persName``, ``placeName``, ``orgName``
(by the actor's kind) or ``term``, with ``@ref`` into the lists of persons, places and
organisations (``standOff``) and the glossary (``back``); every note is a ``note`` whose
``@target`` is the ``seg`` holding the words it annotates.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as html_tree
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from edition.data.glossary import (
    IDENTIFIER_NAMES,
    IDENTIFIER_URLS,
    Entry,
    Source,
    identifier_url,
    slugify,
)
from edition.exports.record import Record, xml_id
from edition.text.paragraphs import PARAGRAPH_ID

PATH = "edition.tei.xml"
MEDIA_TYPE = "application/tei+xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The element that marks a mention of an actor, by the actor's kind.
ACTOR_ELEMENTS = {"person": "persName", "state": "placeName", "organisation": "orgName",
                  "group": "orgName"}
#: The list and entry elements for each of those.
#: The TEI prefix of each authority file (listPrefixDef).
PREFIXES = {"wikidata": "wd", "geonames": "geonames", "viaf": "viaf"}
LISTS = {"persName": ("listPerson", "person"), "placeName": ("listPlace", "place"),
         "orgName": ("listOrg", "org")}


#: The blocks of the front matter; every other block belongs to a part.
FRONT_BLOCKS = ("title", "standfirst", "photo-title", "caption")
#: The months, as the header's dates of first publication name them.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _el(parent: etree._Element | None, tag: str, text: str | None = None,
        **attrib: str) -> etree._Element:
    """A TEI element (appended to ``parent`` if given) with ``text`` and attributes.

    ``xml_id``/``xml_lang`` stand for ``xml:id``/``xml:lang``.
    """
    attributes = {XML_ID if k == "xml_id" else XML_LANG if k == "xml_lang" else k: v
                  for k, v in attrib.items()}
    if parent is None:
        return _text(etree.Element(f"{{{TEI_NS}}}{tag}", attributes, nsmap={None: TEI_NS}),
                     text)
    # A child is in its parent's namespace: the TEI one, or none for a part that is
    # written on its own inside the root (see write).
    name = f"{{{TEI_NS}}}{tag}" if parent.tag[0] == "{" else tag
    return _text(etree.SubElement(parent, name, attributes), text)


def _text(element: etree._Element, text: str | None) -> etree._Element:
    if text is not None:
        element.text = text
    return element


def mention_element(entries: tuple[Entry, ...]) -> str:
    """The element that marks a mention of ``entries``: by the first actor's kind, or ``term``."""
    actor = next((entry for entry in entries if entry.kind == "actor"), None)
    if actor is None:
        return "term"
    return ACTOR_ELEMENTS[actor.category]  # every kind the schema allows


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    tag: str
    attrib: tuple[tuple[str, str], ...]
    rank: int  # at the same extent, the lower rank is the outer element


def _append_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def fill(element: etree._Element, text: str, marks: list[_Mark], where: str) -> None:
    """Put ``text`` into ``element``, each mark as an element around its span.

    Marks must nest (a note's words never cut a name; a nested mention lies inside the
    longer one); a mark that crosses another raises ValueError naming ``where``.
    """
    stack: list[tuple[etree._Element, int]] = [(element, len(text))]
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        while len(stack) > 1 and stack[-1][1] <= mark.start:
            closing, end = stack.pop()
            _append_text(closing, text[position:end])
            position = end
        if mark.end > stack[-1][1]:
            raise ValueError(
                f"{where}: '{text[mark.start:mark.end]}' crosses the edge of another marked "
                "passage; marked passages must nest"
            )
        _append_text(stack[-1][0], text[position:mark.start])
        position = mark.start
        stack.append((_el(stack[-1][0], mark.tag, **dict(mark.attrib)), mark.end))
    while stack:
        closing, end = stack.pop()
        _append_text(closing, text[position:end])
        position = end


def _marks(record: Record, block: str) -> list[_Mark]:
    marks = [
        _Mark(a.start, a.end, "seg", (("type", "noted"), ("xml_id", f"noted-{a.note.id or n}")), 0)
        for n, a in record.notes_in(block)
    ]
    marks += [
        _Mark(s.start, s.end, mention_element(s.entries),
              (("ref", " ".join("#" + xml_id(e) for e in s.entries)),), 1)
        for s in record.spans_in(block)
    ]
    return marks


def _block(record: Record, parent: etree._Element, tag: str, page: str, block: str,
           text: str, **attrib: str) -> etree._Element:
    element = _el(parent, tag, xml_id=block, **attrib)
    fill(element, text, _marks(record, block), f"{page}#{block}")
    return element


def _sources(parent: etree._Element, sources: tuple[Source, ...]) -> None:
    if not sources:
        return
    listing = _el(_el(parent, "note", type="sources"), "listBibl")
    for source in sources:
        bibl = _el(listing, "bibl")
        _el(bibl, "title", source.title)
        _append_text(bibl, " ")
        _el(bibl, "ref", source.url, target=source.url)


def _header(record: Record, tei: etree._Element, title: str, author: str) -> None:
    file_desc = _el(_el(tei, "teiHeader"), "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", title, type="main")
    _el(title_stmt, "title", record.site_name, type="sub")
    _el(title_stmt, "author", author)
    resp = _el(title_stmt, "respStmt", xml_id="editors")
    _el(resp, "resp", "Annotated digital edition: the division into parts and its headings, "
        "the glossary of terms and actors, and the editor's notes")
    _el(resp, "name", f"The editors of {record.site_name}")
    # The edition's version and date of last revision, from mkdocs.yml.
    if record.version:
        edition_stmt = _el(file_desc, "editionStmt")
        edition = _el(edition_stmt, "edition", f"Version {record.version}, revised ",
                      n=record.version)
        _el(edition, "date", record.revised, when=record.revised)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "authority", f"The editors of {record.site_name}")
    _el(publication, "idno", record.site_url, type="URL")
    _el(_el(publication, "availability"), "p", record.copyright or None)
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl", type="original")
    _el(bibl, "title", title, level="a")
    _el(bibl, "author", author)
    work = record.work
    if work is not None:  # where and when the work first appeared (work.yml)
        _el(bibl, "title", work.container, level="j")
        _el(bibl, "date", f"{work.day} {MONTHS[work.month - 1]} {work.year}",
            when=work.iso_date)
        _el(bibl, "ref", work.original_url, target=work.original_url)
    encoding = _el(_el(file_desc.getparent(), "encodingDesc"), "editorialDecl")
    _el(encoding, "p", "The author's words are given exactly as first published, slips "
        "included; everything else is the editor's and marked resp=\"#editors\": the "
        "division into parts and their headings, and the notes. Mentions of actors and "
        "glossary terms are marked with @ref to the lists in standOff and back; each "
        "note's @target is the seg that holds the words it annotates.")
    # the authority files' prefixes, so that ref="wd:Q159" resolves (CETEIcean too).
    prefixes = _el(encoding.getparent(), "listPrefixDef")
    for scheme, ident in PREFIXES.items():
        url = IDENTIFIER_URLS[scheme].replace("{}", "$1")
        prefix = _el(prefixes, "prefixDef", ident=ident, matchPattern="([0-9A-Za-z]+)",
                     replacementPattern=url)
        _el(prefix, "p", f"{IDENTIFIER_NAMES[scheme]} records: {ident}:ID is {url}.")


def _actor_lists(record: Record, tei: etree._Element) -> None:
    stand_off = _el(tei, "standOff")
    lists: dict[str, etree._Element] = {}
    for tag in LISTS:
        lists[tag] = _el(stand_off, LISTS[tag][0])
    for actor in record.glossary.actors:
        tag = ACTOR_ELEMENTS[actor.category]  # every kind the schema allows
        entry = _el(lists[tag], LISTS[tag][1], xml_id=xml_id(actor))
        if tag != "persName":
            entry.set("type", actor.category)
        name = _el(entry, tag, actor.name)
        if actor.identifiers:  # the name points to its records; idno gives each
            name.set("ref", " ".join(f"{PREFIXES[k]}:{v}" for k, v in actor.identifiers))
        if actor.native:  # the name in its own script, in its language
            _el(entry, tag, actor.native[0], type="native", xml_lang=actor.native[1])
        for alias in actor.aliases:
            if alias != actor.name:
                _el(entry, tag, alias, type="variant")
        for variant in actor.variants:  # spellings the essay does not use
            _el(entry, tag, variant, type="spelling")
        for scheme, value in actor.identifiers:
            _el(entry, "idno", identifier_url(scheme, value), type=scheme)
        _el(entry, "note", actor.summary, type="description")
        if actor.note:
            _el(entry, "note", actor.note, type="editorial", resp="#editors")
        _sources(entry, actor.sources)
    _sites(record, lists["placeName"])
    for element in lists.values():
        if not len(element):
            stand_off.remove(element)
    _events(record, stand_off)


def _sites(record: Record, listing: etree._Element) -> None:
    """The places entries are at (Tehran for Iran), each once, with its point (WGS 84
    latitude and longitude) and records, pointing to the entries that are at it."""
    seen: dict[str, etree._Element] = {}
    for entry in record.glossary.entries:
        site = entry.site
        if site is None:
            continue
        place = seen.get(site.name)
        if place is None:
            place = seen[site.name] = _el(listing, "place", xml_id="site-" + slugify(site.name),
                                          type="site")
            name = _el(place, "placeName", site.name)
            if site.identifiers:
                name.set("ref", " ".join(f"{PREFIXES[k]}:{v}" for k, v in site.identifiers))
            _el(_el(place, "location"), "geo", f"{site.coordinates[0]} {site.coordinates[1]}")
            for scheme, value in site.identifiers:
                _el(place, "idno", identifier_url(scheme, value), type=scheme)
            _el(place, "note", site.what, type="description")
        _el(place, "ptr", target=f"#{xml_id(entry)}", type="placeOf")


def _events(record: Record, stand_off: etree._Element) -> None:
    """The dated events of ``events.yml``, each pointing to the notes and entries that
    concern it."""
    if not record.events:
        return
    refs: dict[str, list[str]] = {event.id: [] for event in record.events}
    for number, anchor in record.notes():
        for event_id in anchor.note.events:
            refs[event_id].append(f"#note-{anchor.note.id or number}")
    for entry in record.glossary.entries:
        for event_id in entry.events:
            refs[event_id].append(f"#{xml_id(entry)}")
    listing = _el(stand_off, "listEvent")
    for event in record.events:
        element = _el(listing, "event", xml_id=f"event-{event.id}", when=event.date.iso)
        if refs[event.id]:
            element.set("corresp", " ".join(refs[event.id]))
        _el(element, "label", event.description)
        _sources(element, event.sources)


def _note_content(note: etree._Element, html: str) -> None:
    """The note's sanitised HTML (p, em, strong, a) as TEI: p, emph, hi, ref."""
    names = {"p": "p", "em": "emph", "strong": "hi", "a": "ref"}

    def convert(source: html_tree.Element, target: etree._Element) -> None:
        _append_text(target, source.text or "")
        for child in source:
            attrib = {}
            if child.tag == "strong":
                attrib["rend"] = "bold"
            if child.tag == "a":
                attrib["target"] = child.get("href", "")
            convert(child, _el(target, names[child.tag], **attrib))
            _append_text(target, child.tail or "")

    convert(html_tree.fromstring(f"<div>{html}</div>"), note)


def _notes(record: Record, back: etree._Element) -> None:
    div = _el(back, "div", type="notes")
    _el(div, "head", "Editor's notes")
    for number, anchor in record.notes():
        # xml:id from the note's stable id; n its number through the edition.
        key = anchor.note.id or number
        note = _el(div, "note", xml_id=f"note-{key}", n=str(number),
                   type=anchor.note.kind, target=f"#noted-{key}", resp="#editors")
        _note_content(note, record.note_html(anchor))
        _sources(note, anchor.note.sources)


def _glossary(record: Record, back: etree._Element) -> None:
    div = _el(back, "div", type="glossary")
    _el(div, "head", "Glossary")
    listing = _el(div, "list", type="gloss")
    for term in record.glossary.terms:
        # The id on the term, not the label: CETEIcean's rendering of a gloss list
        # keeps the term's element and drops the label's id.
        label = _el(listing, "label")
        _el(label, "term", term.name, type=term.category, xml_id=xml_id(term))
        item = _el(listing, "item")
        _el(item, "p", term.summary)
        if term.note:
            _el(item, "note", term.note, type="editorial", resp="#editors")
        _sources(item, term.sources)


def _front(record: Record, front: etree._Element,
           blocks: list[tuple[str, str, str]]) -> None:
    """The title page, standfirst and illustration, from the blocks that make them."""
    figure: etree._Element | None = None
    for page, block, content in blocks:
        if block == "title":
            title_page = _el(front, "titlePage")
            _block(record, _el(title_page, "docTitle"), "titlePart", page, block, content,
                   type="main")
        elif block == "standfirst":
            _block(record, _el(front, "argument"), "p", page, block, content)
        else:
            if figure is None:
                figure = _el(_el(front, "div", type="illustration"), "figure")
            tag = "head" if block == "photo-title" else "p"
            _block(record, figure, tag, page, block, content)
    if figure is not None:
        _el(figure, "figDesc", "The essay was published with a photograph, which this "
            "edition does not reproduce; its title and caption are given here.",
            resp="#editors")


def _part(record: Record, body: etree._Element, number: int, page: str,
          blocks: list[tuple[str, str]]) -> None:
    """One part of the essay: its editorial head, its paragraphs, its closer last."""
    part = _el(body, "div", type="part", n=str(number))
    _el(part, "head", record.page_titles.get(page, page), type="editorial",
        resp="#editors")
    bylines: list[tuple[str, str]] = []
    for block, content in blocks:
        paragraph = PARAGRAPH_ID.fullmatch(block)
        if paragraph:
            _block(record, part, "p", page, block, content, n=paragraph.group(1))
        elif block == "byline":
            bylines.append((block, content))
        else:
            _block(record, part, "ab", page, block, content)
    for block, content in bylines:  # a closer ends its part
        _block(record, _el(part, "closer"), "signed", page, block, content)


@dataclass
class _Plan:
    """The essay's blocks sorted into the front and the parts, in the document's order."""

    title: str
    author: str
    front: list[tuple[str, str, str]]
    parts: dict[str, list[tuple[str, str]]]


def _plan(record: Record) -> _Plan:
    blocks = record.ordered_blocks()
    texts = {block: text for _, block, text in blocks}
    front: list[tuple[str, str, str]] = []
    parts: dict[str, list[tuple[str, str]]] = {}
    for page, block, content in blocks:
        if block in FRONT_BLOCKS:
            front.append((page, block, content))
        else:
            parts.setdefault(page, []).append((block, content))
    return _Plan(texts.get("title", record.site_name), texts.get("byline", ""), front, parts)


def _language(record: Record) -> str:
    return record.work.language if record.work else "en"


def write(record: Record, out: BinaryIO) -> None:
    """The TEI document as UTF-8 XML, serialised into ``out`` piece by piece.

    The bytes are those lxml writes for the whole document as one tree, but only one piece
    (the header, the lists, the front, a part, the notes, the glossary) is ever held as a
    tree. The pieces are built without a namespace and serialised inside the root, which
    declares the TEI namespace as the default once, as the whole tree's serialisation
    does; lxml would declare it again on every namespaced piece, and its incremental
    writer will not open a root with ``xml:lang`` as the tree writes it.
    """
    plan = _plan(record)

    def put(build: Callable[[etree._Element], object]) -> None:
        holder = etree.Element("holder")
        build(holder)
        for piece in holder:
            out.write(etree.tostring(piece, encoding="UTF-8"))

    root = etree.tostring(_el(None, "TEI", xml_lang=_language(record)), encoding="UTF-8")
    # The root's start tag: its empty-element form without the closing slash.
    out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n" + root[:-2] + b">")
    put(lambda holder: _header(record, holder, plan.title, plan.author))
    put(lambda holder: _actor_lists(record, holder))
    out.write(b"<text>")
    put(lambda holder: _front(record, _el(holder, "front"), plan.front))
    if not plan.parts:
        out.write(b"<body/>")
    else:
        out.write(b"<body>")
        for number, (page, blocks) in enumerate(plan.parts.items(), start=1):
            put(lambda holder, n=number, p=page, b=blocks: _part(record, holder, n, p, b))
        out.write(b"</body>")
    out.write(b"<back>")
    put(lambda holder: _notes(record, holder))
    put(lambda holder: _glossary(record, holder))
    out.write(b"</back></text></TEI>")


def render(record: Record) -> bytes:
    """:func:`write`'s bytes, in memory."""
    out = io.BytesIO()
    write(record, out)
    return out.getvalue()
