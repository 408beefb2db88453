"""Editor's notes in the page, in the Markdown element tree.

The annotated words are wrapped in ``<span class="ed-noted">`` (glossary and actor
annotations inside them still work) and followed by an empty link to the note, whose
number is drawn by the stylesheet from ``data-note``: the essay's text, as read or
copied, gains nothing. The notes themselves follow the page's text; Material's footnote
tooltips (``content.footnote.tooltips``) open each one in place.

#23: a note's number is its number through the whole edition (``number_of``, in reading
order), and its address is made from its stable id: ``#note-<id>`` (the note),
``#noteref-<id>`` (its mark), ``#noted-<id>`` (its words). References in its text get
their addresses from ``address``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from edition.data.notes import KINDS, Note, resolve
from edition.text.anchoring import Anchor, reading_order
from edition.text.paragraphs import is_essay_block

#: Gives the anchors of the page being rendered, in reading order.
AnchorsFor = Callable[[], list[Anchor]]
#: Gives the line of a note's dated events (``edition.text.event_links.element``), or None.
DatedFor = Callable[[Anchor], "etree.Element | None"]
#: Gives a note's number through the edition (#23).
NumberOf = Callable[[Anchor], int]
#: Gives the address, from the page being rendered, of ``p8`` or ``note:<id>`` (#23).
AddressOf = Callable[[str], str]


@dataclass
class NotePlaces:
    """Each note's number through the edition, in reading order, and the page that holds
    each note and each essay block: what a note's mark and a reference's address need."""

    numbers: dict[int, int] = field(default_factory=dict)
    note_pages: dict[str, str] = field(default_factory=dict)
    block_pages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, anchors: list[Anchor], blocks: list[tuple[str, str, str]]) -> NotePlaces:
        """The places of ``anchors`` and of the essay's ``blocks`` ``(page, id, text)``."""
        return cls(
            {anchor.note.index: number
             for number, anchor in enumerate(reading_order(anchors), start=1)},
            {anchor.note.id: anchor.page for anchor in anchors},
            {block: page for page, block, _ in blocks},
        )

    def number_of(self, anchor: Anchor) -> int:
        """The note's number through the edition, in reading order."""
        return self.numbers[anchor.note.index]

    def target(self, reference: str, page: str, notes_page: bool) -> tuple[str, str]:
        """The page and fragment a paragraph (``p8``) or a note (``note:<id>``) is at, seen
        from ``page``: a note is at its entry on the notes page (when ``notes_page``, the page
        being rendered) and at its essay page elsewhere."""
        if reference.startswith("note:"):
            key = reference.removeprefix("note:")
            return (page if notes_page else self.note_pages[key]), f"note-{key}"
        return self.block_pages[reference], reference


#: A sentence ends at ., ! or ? (and any closing quotation mark or bracket) before a space and
#: a capital, a digit or an opening quotation mark.
_SENTENCE_END = re.compile(r"""[.!?]['"\u2019\u201d)]*(?=\s+['"\u2018\u201c(]?[A-Z0-9])""")
#: Words whose full stop ends no sentence: initials and the abbreviations notes use.
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|e\.g|i\.e|c|ca|cf|St|Mr|Mrs|Ms|Dr|No|vol|pp|p|Art|art|Jr|Sr|Gen|Lt|Col)\.$")


def plain_text(html: str) -> str:
    """The words of a note's rendered HTML, without markup, on one line."""
    return " ".join("".join(etree.fromstring(f"<div>{html}</div>").itertext()).split())


def first_sentence(text: str) -> str:
    """The first sentence of plain ``text`` (all of it if it is one sentence)."""
    for end in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[:end.start() + 1]):
            return text[:end.end()]
    return text


def short_form(note: Note) -> str:
    """What the margin shows of a note: its gloss, the short form written for the margin
    (else, for a note made without one, as a test's may be, its first sentence). Plain
    text: the page gives it to the script as an attribute, which the script sets as text."""
    gloss = " ".join(note.gloss.split())  # plain text, as written
    return gloss or first_sentence(plain_text(note.html))


def note_key(anchor: Anchor, number: int) -> str:
    """What a note's addresses are made from: its stable id (the number if it has none)."""
    return anchor.note.id or str(number)


class NoteMarker(Treeprocessor):
    """Mark each note's words, link them to the note, and list the page's notes."""

    def __init__(self, md: Markdown, anchors_for: AnchorsFor,
                 dated: DatedFor | None = None, number_of: NumberOf | None = None,
                 address: AddressOf | None = None) -> None:
        super().__init__(md)
        self.anchors_for = anchors_for
        self.dated = dated
        self.number_of = number_of
        self.address = address

    def run(self, root: etree.Element) -> None:
        anchors = self.anchors_for()
        if not anchors:
            return
        numbers = {id(anchor): self.number_of(anchor) if self.number_of else n
                   for n, anchor in enumerate(anchors, start=1)}
        by_block: dict[str, list[Anchor]] = {}
        for anchor in anchors:
            by_block.setdefault(anchor.block, []).append(anchor)
        for block in root.iter():
            if is_essay_block(block) and block.get("id") in by_block:
                self._mark(block, by_block[block.get("id")], numbers)
        self._list(root, anchors, numbers)

    def _mark(self, block: etree.Element, anchors: list[Anchor], numbers: dict) -> None:
        if len(block):
            raise ValueError(
                f"the essay block '{block.get('id')}' has inline markup; a note can only "
                "annotate a plain paragraph"
            )
        text, block.text = block.text or "", None
        position, previous = 0, None
        for anchor in anchors:
            number = numbers[id(anchor)]
            key = note_key(anchor, number)
            before = text[position:anchor.start]
            if previous is None:
                block.text = before
            else:
                previous.tail = before
            span = etree.SubElement(
                block, "span", {"class": "ed-noted", "id": f"noted-{key}"}
            )
            span.text = text[anchor.start:anchor.end]
            previous = etree.SubElement(block, "a", {
                "class": "ed-note-ref footnote-ref",
                "href": f"#note-{key}",
                "id": f"noteref-{key}",
                "data-note": str(number),
                "aria-label": f"Editor's note {number}",
            })
            position = anchor.end
        if previous is not None:
            previous.tail = text[position:]

    def _list(self, root: etree.Element, anchors: list[Anchor], numbers: dict) -> None:
        section = etree.SubElement(root, "section", {
            # not-annotatable (issue 27): the apparatus, which the annotations' bodies hold,
            # not the text they annotate; no quotation's context reaches into it.
            "class": "ed-notes not-annotatable", "aria-labelledby": "editors-notes",
        })
        heading = etree.SubElement(section, "h2", {"id": "editors-notes"})
        heading.text = "Editor's notes"
        items = etree.SubElement(section, "ol")
        for anchor in anchors:
            number = numbers[id(anchor)]
            key = note_key(anchor, number)
            # The edition's number, not the list's: notes are numbered through the edition.
            item = etree.SubElement(items, "li", {
                "id": f"note-{key}", "value": str(number),
                # The margin's short form of the note (edition.js), read as text.
                "data-ed-gloss": short_form(anchor.note),
            })
            kind = etree.SubElement(item, "p", {"class": "ed-note-kind"})
            kind.text = KINDS[anchor.note.kind]
            body = etree.SubElement(item, "div", {"class": "ed-note-body"})
            html = resolve(anchor.note.html, self.address) if self.address else anchor.note.html
            body.text = self.md.htmlStash.store(html)
            _sources(item, anchor)
            # Issue 28: the note's events, each date linked to the timeline.
            events = self.dated(anchor) if self.dated is not None else None
            if events is not None:
                item.append(events)
            back = etree.SubElement(item, "p", {"class": "ed-note-back"})
            link = etree.SubElement(back, "a", {"href": f"#noteref-{key}"})
            link.text = f"Back to note {number} in the text"


def _sources(item: etree.Element, anchor: Anchor) -> None:
    """The note's sources, listed with it (#23): in the endnote, and so in the tooltip that
    opens it in place (Material copies the endnote) and on the printed page."""
    line = etree.SubElement(item, "p", {"class": "ed-note-sources"})
    label = etree.SubElement(line, "strong")
    label.text = "Sources:" if len(anchor.note.sources) > 1 else "Source:"
    label.tail = " "
    previous = None
    for source in anchor.note.sources:
        if previous is not None:
            previous.tail = " · "
        previous = etree.SubElement(line, "a", {"href": source.url})
        previous.text = source.title


class NoteMarkerExtension(Extension):
    """Python-Markdown extension registering :class:`NoteMarker`."""

    def __init__(self, anchors_for: AnchorsFor, dated: DatedFor | None = None,
                 number_of: NumberOf | None = None, address: AddressOf | None = None) -> None:
        super().__init__()
        self.anchors_for = anchors_for
        self.dated = dated
        self.number_of = number_of
        self.address = address

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After attr_list (8), before the annotations (6), which then run inside the marks.
        marker = NoteMarker(md, self.anchors_for, self.dated, self.number_of, self.address)
        md.treeprocessors.register(marker, "edition-notes", 6.5)
