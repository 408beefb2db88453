"""The site's search index: each passage once, found by any spelling, opened where it stands.

Material's search plugin makes one document per page section (split at headings). After the
build the hook rewrites its index (``rewrite``):

- each numbered essay paragraph is a document of its own, ``essay/jcpoa/#p9`` titled "¶9"
  under its part, and leaves the page's documents; paragraphs carry a document boost, so that
  for a word the essay uses its own paragraphs come before the editor's pages, and their text
  is a block per sentence, so that a hit shows the sentences that hold the words;
- the spelling variants of the entries a paragraph names ("Turkmenchay") go into a field of
  their own, ``names``, which the index searches and a result never shows: a variant finds the
  paragraph without being shown as part of the author's text;
- every note is one document, on the notes page at ``#note-<id>``, found by its number, its
  kind and its short form (the gloss the margin shows): its whole text, three times as long,
  would make the index the largest file a page loads; the essay pages' endnotes, which repeat
  them, are left out;
- every entry of the glossary is one document, found by its name, its other names and what
  it is (its definition's first sentence): a term at its place on the glossary page, an actor
  as its page; the actor pages' lists (every mention, the actors and terms beside it) repeat
  the essay and stay out, as do the actors index's lists and the places page's sources (each
  place is found by its name and what it is);
- the timeline's events are found by their dates and what happened, without the passages,
  notes and entries each links to, which are found where they stand; the pages that list
  entries (glossary, actors, notes, places, timeline) are found by their titles and leads,
  not by how to use them;
- a ``names`` field holds only the words its document does not already hold: the index
  searches words, so a name whose every word is in the title or text adds nothing.

Material's results put a document's ``title`` and ``text`` into the page as HTML. Every
document's title and text is therefore written here through one serializer (``inert``): only
the few bare tags Material's own indexer keeps, and all text escaped, whatever the document
held before (Material's own documents included).
"""

from __future__ import annotations

import html as html_text
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from lxml import etree
from lxml import html as lxml_html

from edition.data.glossary import Entry
from edition.text.paragraphs import PARAGRAPH_ID

#: The field of a document that holds the other spellings of what it names: searched, never
#: shown (Material shows only ``title``, ``text`` and ``tags``).
NAMES = "names"

#: The tags Material's own indexer keeps in a document's text (``plugins/search``), without
#: attributes; every other element is reduced to its text.
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})

#: Elements whose content is never text a reader sees.
_DROPPED = frozenset({"script", "style", "template", "object"})

#: How much an essay paragraph outweighs any other document. Material weighs a title match
#: 1,000 times a text match and a page five times a section (2 x 2 against 1 + 2 x 2, its
#: post-query boost); a paragraph naming the word in its text must still come first.
PARAGRAPH_BOOST = 10_000

#: The class of an essay page's endnotes (``text/note_marks.py``) and of the notes page's
#: parts of a note (``pages/notes.py``).
ENDNOTES = "ed-notes"
NOTE_HEAD = "ed-note-head"
NOTE_BODY = "ed-note-body"

#: The class of what an entry is, on a page that lists entries under their headings (the
#: places page); the lines beside it (sources, identifiers, the entry it is the place of)
#: repeat the glossary's.
DEFINITION = "ed-gl-definition"

#: The attribute of an essay page's endnote that holds its note's short form
#: (``text/note_marks.py``).
GLOSS = "data-ed-gloss"

#: The class of an event in the timeline's list (``pages/timeline.py``).
EVENT = "ed-event"


#: Where a sentence of plain text ends: a full stop, question or exclamation mark, perhaps a
#: closing quotation mark, white space, then what can begin a sentence.
_SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][’”'\"]))\s+(?=[“‘'\"(]?[A-Z0-9])")


def _plain(text: str) -> str:
    return " ".join(text.split())


def _serialize(element: Any, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED or not tag:
        return
    inner: list[str] = [html_text.escape(element.text or "", quote=False)]
    for child in element:
        _serialize(child, inner)
        inner.append(html_text.escape(child.tail or "", quote=False))
    content = "".join(inner)
    if tag not in KEPT:
        out.append(content)
    elif content.strip():  # as Material's indexer, which drops an empty kept element
        out.append(f"<{tag}>{content}</{tag}>")


def inert(fragment: str) -> str:
    """``fragment`` (HTML) as Material may render it: bare kept tags and escaped text only.

    Idempotent, so a document Material escaped keeps its words: ``&lt;b&gt;`` stays the text
    "<b>"; markup that was never escaped becomes its text, or nothing.
    """
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.ParserError):  # characters no HTML parser takes: all text
        return html_text.escape(fragment, quote=False).strip()
    out: list[str] = []
    _serialize(root, out)
    # White space as it came: Material's indexer keeps it in <pre> and collapses it elsewhere.
    return "".join(out).strip()


def _text(value: str) -> str:
    """Plain text (contributor or author's) as escaped document text."""
    return html_text.escape(_plain(value), quote=False)


def _paragraph(text: str) -> str:
    return f"<p>{_text(text)}</p>" if text.strip() else ""


def _sentences(text: str) -> str:
    """A paragraph's text, a block per sentence: Material's result shows the blocks that hold
    the words searched for (two at most), so a hit shows its sentences, not the paragraph."""
    return "".join(f"<p>{_text(part)}</p>" for part in _SENTENCE_END.split(_plain(text)))


#: How Material's search splits text into words (its ``search.separator``, the default).
_SEPARATOR = re.compile(r"[\s\-]+")


def _word(token: str) -> str:
    return token.strip(".,;:!?'\"()[]’‘“”").casefold()


def _names(names: Iterable[str], shown: str = "") -> str:
    """Other names, by their words that ``shown`` (the document's title and text) lacks, each
    once: the field is searched word by word, never shown."""
    seen = {_word(token) for token in _SEPARATOR.split(shown)}
    words: list[str] = []
    for token in _SEPARATOR.split(" ".join(names)):
        if _word(token) and _word(token) not in seen:
            seen.add(_word(token))
            words.append(token)
    return _text(" ".join(words))


#: Where an entry's first sentence ends: a full stop after a word of two letters or digits
#: at least ("c. 1820", "George W. Bush" and "D.C." go on), then a capital.
_FIRST_END = re.compile(r"(?<=[a-z0-9)]{2}[.?!])\s+(?=[A-Z])")


def _first_sentence(text: str) -> str:
    return _FIRST_END.split(_plain(text), maxsplit=1)[0]


def _fragment(markup: str) -> Any:
    return lxml_html.fragment_fromstring(markup or "<p></p>", create_parent="div")


def _endnote_ids(page: Any) -> set[str]:
    """The ids of the headings inside an essay page's endnotes."""
    return {element.get("id") for section in page.iter("section")
            if ENDNOTES in (section.get("class") or "").split()
            for element in section.iter() if element.get("id")}


def glosses(pages: Iterable[str]) -> dict[str, str]:
    """The short form of each note (``data-ed-gloss``), by its endnote's id, from the built
    essay pages that carry it."""
    found: dict[str, str] = {}
    for content in pages:
        if GLOSS not in content:
            continue
        for element in _fragment(content).iter():
            if element.get(GLOSS) is not None and element.get("id"):
                found[element.get("id")] = element.get(GLOSS)
    return found


def notes(page_html: str, url: str, short: Mapping[str, str] | None = None
          ) -> list[dict[str, str]]:
    """One document per note of the built notes page: its number and kind, and its words.

    The quotation in a note's head repeats the essay, and its sources and events are found
    on their own pages. A note whose short form ``short`` holds (by its id, ``note-<id>``)
    is found by that; any other, by its text.
    """
    page = lxml_html.document_fromstring(page_html)
    docs: list[dict[str, str]] = []
    for head in page.iter("p"):
        if NOTE_HEAD not in (head.get("class") or "").split() or not head.get("id"):
            continue
        link = head.find("a")
        label = _plain(link.text_content()) if link is not None else ""
        kind = head.get("data-kind-label") or ""
        title = " · ".join(part for part in (label, kind) if part)
        gloss = (short or {}).get(head.get("id"), "")
        text = _paragraph(gloss) if gloss.strip() else _note_body(head)
        docs.append({"location": f"{url}#{head.get('id')}", "title": _text(title),
                     "text": text})
    return docs


def _note_body(head: Any) -> str:
    """The paragraphs of the body that follows a note's head on the notes page."""
    body = head.getnext()
    while body is not None and NOTE_BODY not in (body.get("class") or "").split():
        if NOTE_HEAD in (body.get("class") or "").split():
            return ""
        body = body.getnext()
    return " ".join(_paragraph(p.text_content()) for p in body.iter("p")) if body is not None \
        else ""


def unlinked(page_html: str, url: str) -> dict[str, str]:
    """The text of each section of a built page that lists dated items (the timeline), by its
    location: each item's words without its links, which lead to passages, notes and entries
    found where they stand."""
    page = lxml_html.document_fromstring(page_html)
    texts: dict[str, list[str]] = {}
    section: list[str] | None = None
    for element in page.iter("h2", "p"):
        if element.tag == "h2":
            section = texts.setdefault(f"{url}#{element.get('id')}", []) \
                if element.get("id") else None
        elif section is not None and EVENT in _classes(element):
            for link in list(element.iter("a")):
                link.drop_tree()
            words = [part.strip() for part in element.text_content().split("·")]
            section.append(_paragraph(" · ".join(part for part in words if part)))
    return {location: " ".join(parts) for location, parts in texts.items()}


def _lead(text: str) -> str:
    """A page's first paragraph (its subtitle): how the rest of an index page is used is no
    passage to find."""
    first = _fragment(text).find("p")
    return _paragraph(first.text_content()) if first is not None else ""


def _classes(element: Any) -> list[str]:
    return (element.get("class") or "").split()


def described(page_html: str, url: str) -> list[dict[str, str]]:
    """One document per entry of a built page that lists entries under their headings (the
    places page): its heading and what it is, where that is not left out of search already.
    """
    page = lxml_html.document_fromstring(page_html)
    docs: list[dict[str, str]] = []
    for heading in page.iter("h2"):
        if not heading.get("id"):
            continue
        texts: list[str] = []
        sibling = heading.getnext()
        while sibling is not None and sibling.tag not in ("h1", "h2"):
            if (DEFINITION in _classes(sibling) and sibling.get("data-search-exclude") is None):
                texts.append(_paragraph(sibling.text_content()))
            sibling = sibling.getnext()
        docs.append({"location": f"{url}#{heading.get('id')}",
                     "title": _text(heading.text_content()), "text": " ".join(texts)})
    return docs


def entry_document(entry: Entry, location: str) -> dict[str, str]:
    """An entry's document: its name, what it is (its definition's first sentence), its other
    names (searched, not shown)."""
    others = [*entry.aliases, *entry.variants, *([entry.native[0]] if entry.native else [])]
    summary = _first_sentence(entry.summary)
    doc = {"location": location, "title": _text(entry.name), "text": _paragraph(summary)}
    names = _names((o for o in others if o != entry.name), f"{entry.name} {summary}")
    if names:
        doc[NAMES] = names
    return doc


def _placed(docs: list[dict[str, Any]], order: list[str],
            pages: set[str]) -> list[dict[str, Any]]:
    """``docs`` with a stand-in document for each page of ``pages`` that has none, where that
    page stands in ``order`` (Material indexes pages in the order they are built, each
    page's documents together)."""
    present = {doc["location"].split("#")[0] for doc in docs}
    missing = [url for url in order if url in pages and url not in present]
    if not missing:
        return docs
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        groups.setdefault(doc["location"].split("#")[0], []).append(doc)
    placed = [doc for url in order
              for doc in groups.pop(url, [{"location": url}] if url in missing else [])]
    return placed + [doc for rest in groups.values() for doc in rest]


def rewrite(
    index: dict[str, Any], pages: Mapping[str, str],
    variants: Mapping[tuple[str, str], Iterable[str]],
    entries: Mapping[str, Entry], notes_page: tuple[str, str] | None = None,
    lists: Iterable[str] = (), entry_pages: Mapping[str, str] | None = None,
    dated_pages: Mapping[str, str] | None = None, order: Iterable[str] = (),
) -> dict[str, Any]:
    """``index`` (Material's search_index.json) with each passage once, as described above.

    ``pages`` maps the URL of each page the hook does not generate (the essay's, the home
    page) to its built content; ``variants`` maps ``(essay URL, paragraph id)`` to the
    spelling variants of the entries the paragraph names; ``entries`` maps each entry's
    location (``actors/x/``, ``glossary/#x``) to the entry; ``notes_page`` is the notes
    page's URL and built HTML; ``lists`` are the URLs of pages that list entries found on
    their own pages (the actors index), whose sections are left out; ``entry_pages`` maps
    the URL of a page that describes entries under their headings (the places page) to its
    built HTML, whose sections become one document per entry (``described``);
    ``dated_pages`` maps the URL of a page that lists dated items (the timeline) to its built
    HTML, whose sections keep the items' words without their links (``unlinked``);
    ``order`` is every page's URL in the order the build wrote them, which places the entry
    document of an entry's own page that Material was told not to read (its actor page,
    whose every section this replaces) where Material would have put the page's documents.
    """
    short = glosses(pages.values())
    note_docs = notes(notes_page[1], notes_page[0], short) if notes_page else []
    notes_url = notes_page[0] if note_docs and notes_page else None
    pages_of = {location for location in entries if "#" not in location}
    described_docs = {url: described(html, url) for url, html in (entry_pages or {}).items()}
    dated = {location: text for url, html in (dated_pages or {}).items()
             for location, text in unlinked(html, url).items()}
    listing = set(lists)
    indexes = listing | set(described_docs) | {url for url in (dated_pages or {})} | {
        location.split("#")[0] for location in entries if "#" in location}
    if notes_url:
        indexes.add(notes_url)
    docs: list[dict[str, Any]] = []
    added: set[str] = set()
    for doc in _placed(index["docs"], list(order), pages_of):
        location: str = doc["location"]
        url = location.split("#")[0]
        if location in indexes:
            doc = {**doc, "text": _lead(doc.get("text", ""))}
        if location in dated:
            doc = {**doc, "text": dated[location]}
        if url in listing and "#" in location:
            continue
        if url in described_docs:
            if "#" not in location:
                docs.append(doc)
                docs.extend(described_docs[url])
            continue
        if location in entries or url in pages_of:
            key = location if location in entries else url
            if key not in added:
                added.add(key)
                docs.append(entry_document(entries[key], key))
            continue
        if url == notes_url:
            if "#" not in location:
                docs.append(doc)
                docs.extend(note_docs)
            continue
        if url not in pages:
            docs.append(doc)
            continue
        # An essay page's documents lose its numbered paragraphs, which become documents of
        # their own after the page's first, and its endnotes, found on the notes page.
        page = _fragment(pages[url])
        if notes_url and "#" in location and location.split("#", 1)[1] in _endnote_ids(page):
            continue
        paragraphs = [p for p in page.iter("p") if PARAGRAPH_ID.fullmatch(p.get("id", ""))]
        texts = {_plain(p.text_content()) for p in paragraphs}
        rest = _fragment(doc["text"])
        for element in list(rest.iter("p")):
            if _plain(element.text_content()) in texts:
                element.drop_tree()
        docs.append({**doc, "text": etree.tostring(rest, encoding="unicode", method="html")})
        if url in added:
            continue
        added.add(url)
        for p in paragraphs:
            anchor = p.get("id")
            paragraph = {"location": f"{url}#{anchor}", "title": f"¶{anchor[1:]}",
                         "text": _sentences(p.text_content()), "boost": PARAGRAPH_BOOST}
            names = _names(sorted(set(variants.get((url, anchor), ()))), p.text_content())
            if names:
                paragraph[NAMES] = names
            docs.append(paragraph)
    for doc in docs:
        doc["title"] = inert(doc.get("title", ""))
        doc["text"] = inert(doc.get("text", ""))
    config = dict(index.get("config", {}))
    fields = dict(config.get("fields", {}))
    fields.setdefault(NAMES, {"boost": 1.0})
    return {**index, "config": {**config, "fields": fields}, "docs": docs}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dump(index: Mapping[str, Any], out: TextIO) -> None:
    """Write ``index`` to ``out`` as ``json.dumps`` writes it (compact, characters as they
    are), one document at a time: the whole index as one string, the encoder's pieces of it
    and its encoded copy took about four times the file's size in memory (a curly quote
    makes every character of the string two bytes), at the end of the build, its peak."""
    out.write("{")
    for number, (key, value) in enumerate(index.items()):
        out.write(("," if number else "") + _json(key) + ":")
        if key == "docs" and isinstance(value, list):
            out.write("[")
            for count, doc in enumerate(value):
                out.write(("," if count else "") + _json(doc))
            out.write("]")
        else:
            out.write(_json(value))
    out.write("}")
