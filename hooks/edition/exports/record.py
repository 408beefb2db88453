"""What the exports are made from: one build's records, gathered once every page has rendered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from edition.data.events import Events
from edition.data.glossary import Entry, Glossary
from edition.data.notes import resolve
from edition.data.work import Work
from edition.exports.rendered import PageText, page_text
from edition.index.occurrences import OccurrenceIndex
from edition.text.anchoring import Anchor, reading_order
from edition.text.places import Place

#: How many rendered pages' texts :meth:`Record.page_text` keeps at a time.
PAGES_KEPT = 4


@dataclass(frozen=True)
class Span:
    """One mention in an essay block: where it is and every entry it counts for."""

    page: str
    block: str
    start: int
    end: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class _Block:
    """One essay block's text, and the notes and mentions in it."""

    text: str
    notes: list[tuple[int, Anchor]]
    spans: list[Span]


@dataclass(frozen=True)
class Record:
    """One build's data, as the exports read it.

    ``blocks`` are the essay's ``(page, block id, text)`` as the notes were anchored in
    them; ``page_urls``, ``page_titles`` and ``rendered`` (each page's HTML as MkDocs
    rendered it) are keyed by source path; ``entry_url`` gives the absolute address of
    the page that explains an entry; ``events`` are the dated events of ``events.yml``.
    """

    site_name: str
    site_url: str
    copyright: str
    glossary: Glossary
    anchors: tuple[Anchor, ...]
    blocks: tuple[tuple[str, str, str], ...]
    occurrences: OccurrenceIndex
    page_urls: Mapping[str, str]
    page_titles: Mapping[str, str]
    entry_url: Callable[[Entry], str]
    rendered: Mapping[str, str] = field(default_factory=dict)
    events: Events | None = None
    #: The edition's version and date of last revision, YYYY-MM-DD (mkdocs.yml, #23).
    version: str = ""
    revised: str = ""
    #: The work the edition presents, as first published (``work.yml``).
    work: Work | None = None
    _spans: list[Span] = field(default_factory=list, repr=False, compare=False)
    _texts: dict[str, PageText] = field(
        default_factory=dict, repr=False, compare=False)
    _by_block: dict[str, _Block] = field(default_factory=dict, repr=False, compare=False)

    def ordered_blocks(self) -> list[tuple[str, str, str]]:
        """The essay's blocks in reading order: front matter, ¶1–¶15, then the rest."""
        return sorted(self.blocks, key=lambda b: Place(b[0], b[1]).order)

    def text(self, block: str) -> str:
        """The text of the essay block ``block``."""
        return self._block(block).text

    def spans_in(self, block: str) -> list[Span]:
        """The mentions in the essay block ``block``, in reading order."""
        return self._block(block).spans

    def notes_in(self, block: str) -> list[tuple[int, Anchor]]:
        """The notes anchored in the essay block ``block``, numbered as in :meth:`notes`."""
        return self._block(block).notes

    def _block(self, block: str) -> _Block:
        # Gathered once per build for every block: the exports ask for each block's text,
        # notes and mentions once per block or per mention, and a search of every note or
        # mention each time would grow with the square of the edition.
        if not self._by_block:
            spans: dict[str, list[Span]] = defaultdict(list)
            for span in self.spans():
                spans[span.block].append(span)
            notes: dict[str, list[tuple[int, Anchor]]] = defaultdict(list)
            for number, anchor in self.notes():
                notes[anchor.block].append((number, anchor))
            for _, name, text in self.blocks:
                self._by_block.setdefault(name, _Block(text, notes[name], spans[name]))
        return self._by_block[block]

    def page_text(self, page: str) -> tuple[str, dict[str, int]]:
        """The text of the rendered ``page`` and where each element id begins in it."""
        found = self.reading(page)
        return found.text, found.offsets

    def reading(self, page: str) -> PageText:
        """The rendered ``page``'s text as a reader sees it, with its interface's breaks."""
        if page not in self._texts:
            # The exports ask in reading order, page after page: the last few pages are kept,
            # not every page's text at once.
            while len(self._texts) >= PAGES_KEPT:
                del self._texts[next(iter(self._texts))]
            self._texts[page] = page_text(self.rendered.get(page, ""))
        return self._texts[page]

    def notes(self) -> list[tuple[int, Anchor]]:
        """Every note with its number, in the essay's reading order (as the notes page)."""
        return list(enumerate(reading_order(self.anchors), start=1))

    def address(self, target: str) -> str:
        """#23: the absolute address of what a note refers to: a paragraph (``p8``) or
        another note (``note:<id>``, on its essay page)."""
        if target.startswith("note:"):
            key = target.removeprefix("note:")
            page = next(a.page for a in self.anchors if a.note.id == key)
            return f"{self.page_urls[page]}#note-{key}"
        page = next(page for page, block, _ in self.blocks if block == target)
        return f"{self.page_urls[page]}#{target}"

    def note_html(self, anchor: Anchor) -> str:
        """#23: a note's HTML with its references' absolute addresses."""
        return resolve(anchor.note.html, self.address)

    def spans(self) -> list[Span]:
        """Every mention in reading order, one per place in the text with all its entries.

        A mention that counts for an actor and a glossary term (the IRGC) is one span;
        a mention nested in a longer one is a span of its own.
        """
        if self._spans:
            return self._spans
        found: dict[tuple[str, str, int, int], list[Entry]] = defaultdict(list)
        for entry in self.glossary.entries:
            for mention in self.occurrences.mentions(entry):
                if mention.place.block is None:
                    continue
                key = (mention.place.page, mention.place.block, mention.start, mention.end)
                if entry not in found[key]:
                    found[key].append(entry)
        spans = [Span(page, block, start, end, tuple(entries))
                 for (page, block, start, end), entries in found.items()]
        spans.sort(key=lambda s: (Place(s.page, s.block).order, s.start, -s.end))
        self._spans.extend(spans)
        return self._spans

    def mentioned(self) -> list[Entry]:
        """The entries mentioned at least once, in the glossary's order."""
        return [entry for entry in self.glossary.entries if self.occurrences.count(entry)]


def xml_id(entry: Entry) -> str:
    """The entry's identifier in the exports: ``actor-vladimir-putin``, ``term-jcpoa``."""
    return f"{entry.kind}-{entry.id}"
