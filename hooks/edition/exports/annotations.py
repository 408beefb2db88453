"""The editor's notes and every mention as a W3C Web Annotation collection, in JSON-LD.

Each note is an ``Annotation`` whose body is the note's text (the same sanitised HTML the
pages show) and its kind as a tag, and whose target is the essay page with a
``TextQuoteSelector`` (the author's exact words, with enough of the text before and after
them to find one place, never the interface's text), a ``TextPositionSelector`` (the
words' offsets in the reader's text of the page's content, as Recogito counts) and a
``FragmentSelector`` for the paragraph, refined by a quotation chosen inside it. Each
mention of a glossary term or an actor is an ``identifying`` annotation whose body is the
entry's page. See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import urljoin

import orjson

from edition.data.glossary import Entry, identifier_url
from edition.exports.record import Record

PATH = "edition.jsonld"
MEDIA_TYPE = "application/ld+json"
#: The Web Annotation JSON-LD context (a copy is vendored for the tests only).
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: How much of the text before and after the words a selector quotes, at least.
CONTEXT_CHARS = 32
#: A fragment identifier of an HTML page, as the Web Annotation model names it.
HTML_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3236"


def _occurrences(text: str, needle: str) -> int:
    """How many times ``needle`` occurs in ``text``, overlaps included."""
    count, at = 0, text.find(needle)
    while at != -1:
        count, at = count + 1, text.find(needle, at + 1)
    return count


def quote_selector(text: str, start: int, end: int, low: int = 0, high: int | None = None,
                   also: tuple[str, ...] = ()) -> dict[str, str]:
    """A ``TextQuoteSelector`` for ``text[start:end]`` that finds one place in ``text``.

    Quotes :data:`CONTEXT_CHARS` characters either side, never before ``low`` nor after
    ``high`` (the reader's text between two interface elements). While the words with
    their prefix and suffix occur elsewhere in ``text`` (or in any of ``also``, the same
    page as other clients read it), the suffix grows, then the prefix: a best-match client
    built on a bitap matcher (diff-match-patch, as dom-anchor-text-quote) looks for the
    prefix alone, and for the suffix only when there is no prefix, and cannot look for
    more than 32 characters (``Match_MaxBits``). So the prefix stays within 32 characters
    when it can; and a prefix that stands more than once on its own is left out when the
    words and a suffix of 32 characters are unique, so that such a client goes by the
    suffix. An empty prefix or suffix is left out, so that a best-match client does not
    look for it at an arbitrary place.
    """
    high = len(text) if high is None else high
    readings = (text, *also)

    def unique(found: str) -> bool:
        return all(_occurrences(t, found) <= 1 for t in readings)

    def selector(before: int, after: int) -> dict[str, str]:
        chosen = {"type": "TextQuoteSelector", "exact": text[start:end]}
        prefix, suffix = text[max(low, start - before):start], text[end:min(high, end + after)]
        if prefix:
            chosen["prefix"] = prefix
        if suffix:
            chosen["suffix"] = suffix
        return chosen

    def found(chosen: dict[str, str]) -> str:
        return chosen.get("prefix", "") + chosen["exact"] + chosen.get("suffix", "")

    width = CONTEXT_CHARS
    chosen = selector(width, width)
    if "prefix" in chosen and not unique(chosen["prefix"]):
        alone = selector(0, width)  # the suffix alone, for a best-match client
        if "suffix" in alone and unique(alone["suffix"]) and unique(found(alone)):
            return alone
    after = width
    while not unique(found(chosen)) and end + after < high:  # a longer suffix first
        after *= 2
        chosen = selector(width, after)
    before = width
    while not unique(found(chosen)) and start - before > low:  # then a longer prefix
        before *= 2
        chosen = selector(before, after)
    return chosen


def _target(record: Record, page: str, block: str, start: int, end: int) -> dict[str, Any]:
    """The page, the words in the page's rendered text, and the block they are in.

    The page-level quotation's context stays within the reader's text between two
    interface elements; the ``TextPositionSelector`` counts the reader's text of the
    page's content (every text node outside the interface, as Recogito counts); the
    fragment's refining quotation is chosen within the fragment's own text. Where the
    rendered page is not known (or its block's text differs), the words are quoted
    against the block's text alone.
    """
    reading = record.reading(page)
    at = reading.offsets.get(block)
    words = record.text(block)[start:end]
    selectors: list[dict[str, Any]]
    if at is not None and reading.text[at + start:at + end] == words:
        begin, finish = at + start, at + end
        low, high = reading.segment(begin, finish)
        quote = quote_selector(reading.text, begin, finish, low, high, (reading.whole,))
        inside = reading.text[at:reading.ends.get(block, len(reading.text))]
        refined = quote_selector(inside, start, end)
        selectors = [quote, {"type": "TextPositionSelector", "start": begin, "end": finish}]
    else:
        quote = refined = quote_selector(record.text(block), start, end)
        selectors = [quote]
    return {
        "source": record.page_urls[page],
        "selector": [
            *selectors,
            {"type": "FragmentSelector", "conformsTo": HTML_FRAGMENTS, "value": block,
             "refinedBy": refined},
        ],
    }


def _identifying(record: Record, entry: Entry) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "SpecificResource", "purpose": "identifying",
                            "source": record.entry_url(entry)}
    if entry.identifiers:  # the entity's authority records ("schema" is anno's prefix)
        body["schema:sameAs"] = [{"id": identifier_url(scheme, value)}
                                 for scheme, value in entry.identifiers]
    if entry.native:  # the name in its own script, tagged with its language
        body["schema:alternateName"] = {"@value": entry.native[0], "@language": entry.native[1]}
    return body


def _items(record: Record) -> Iterator[dict[str, Any]]:
    """The annotations, one at a time: the notes, then every mention, in reading order."""
    base = urljoin(record.site_url, PATH)
    editors = _editors(record)
    for number, anchor in record.notes():
        yield {
            # the note's stable id, not its number (which changes as notes are added).
            "id": f"{base}#note-{anchor.note.id or number}",
            "type": "Annotation",
            "motivation": "commenting",
            "creator": editors,
            "body": [
                {"type": "TextualBody", "value": record.note_html(anchor), "format": "text/html",
                 "language": "en", "purpose": "commenting"},
                {"type": "TextualBody", "value": anchor.note.kind, "purpose": "tagging"},
            ],
            "target": _target(record, anchor.page, anchor.block, anchor.start, anchor.end),
        }
    for number, span in enumerate(record.spans(), start=1):
        yield {
            "id": f"{base}#mention-{number}",
            "type": "Annotation",
            "motivation": "identifying",
            "creator": editors,
            "body": [_identifying(record, entry) for entry in span.entries],
            "target": _target(record, span.page, span.block, span.start, span.end),
        }


def _editors(record: Record) -> dict[str, str]:
    return {"id": urljoin(record.site_url, "#editors"), "type": "Organization",
            "name": f"The editors of {record.site_name}"}


def _frame(record: Record, items: list[dict[str, Any]], total: int) -> dict[str, Any]:
    base = urljoin(record.site_url, PATH)
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"{record.site_name}: the editor's notes and every mention of a glossary "
                 "term or an actor",
        "total": total,
        # The edition's version and date of last revision, from mkdocs.yml: "modified"
        # is the Web Annotation vocabulary's dcterms:modified.
        **({"modified": f"{record.revised}T00:00:00Z"} if record.revised else {}),
        **({"generator": {"type": "Software", "name": f"{record.site_name}, version "
                          f"{record.version}"}} if record.version else {}),
        "first": {
            "id": f"{base}#page-1",
            "type": "AnnotationPage",
            "partOf": base,
            "startIndex": 0,
            "items": items,
        },
    }


def collection(record: Record) -> dict[str, Any]:
    """The ``AnnotationCollection`` of the notes, then every mention, in reading order."""
    items = list(_items(record))
    return _frame(record, items, len(items))


#: orjson's indentation, and the depth of the items in the collection (``first.items``).
_INDENT = orjson.OPT_INDENT_2
_ITEM_DEPTH = b"\n" + b" " * 6
_ITEMS = b'"items": []'


def write(record: Record, out: BinaryIO) -> None:
    """The collection as UTF-8 JSON-LD into ``out``, indented by two spaces, exactly as
    ``orjson.dumps(collection(record), option=OPT_INDENT_2 | OPT_APPEND_NEWLINE)`` writes it.

    Written by orjson one annotation at a time into the collection's frame, so that the
    annotations are never all held as Python objects (for a large edition, several times the
    file's size). An item written alone is indented from the margin: each of its lines is
    moved to the items' depth (JSON strings hold no raw line breaks, so only layout moves).
    The standard library's encoder was not used: it falls back to pure Python as soon as it
    indents.
    """
    total = len(record.notes()) + len(record.spans())
    frame = orjson.dumps(_frame(record, [], total), option=_INDENT)
    # "items" is the last key of the last object: its empty list is the frame's last "[]"
    # written after that key (a string value holds no unescaped quote).
    before, _, after = frame.rpartition(_ITEMS)
    out.write(before)
    out.write(b'"items": [')
    written = 0
    for item in _items(record):
        out.write(b"," if written else b"")
        out.write(_ITEM_DEPTH)
        out.write(orjson.dumps(item, option=_INDENT).replace(b"\n", _ITEM_DEPTH))
        written += 1
    out.write(b"\n    ]" if written else b"]")
    out.write(after)
    out.write(b"\n")


def render(record: Record) -> bytes:
    """:func:`write`'s bytes, in memory."""
    out = io.BytesIO()
    write(record, out)
    return out.getvalue()
