"""Where each entry occurs: one build's record, in the essay's reading order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from edition.annotate import Occurrence
from edition.forms import fold
from edition.glossary import Entry
from edition.paragraphs import PARAGRAPH_ID

#: Essay blocks before ¶1 and after ¶15, in the order the essay gives them.
_FRONT = ("title", "standfirst", "photo-title", "caption")
_LABELS = {"photo-title": "photo title"}


@dataclass(frozen=True)
class Place:
    """An essay block on a page: the target of a "where it appears" link."""

    page: str
    block: str | None

    @property
    def target(self) -> str:
        """The block as a link target: source path and anchor."""
        return f"{self.page}#{self.block}" if self.block else self.page

    @property
    def label(self) -> str:
        """How the edition cites the block: "¶12", "standfirst", "caption"."""
        if self.block is None:
            return self.page
        if PARAGRAPH_ID.fullmatch(self.block):
            return "¶" + self.block[1:]
        return _LABELS.get(self.block, self.block)

    @property
    def order(self) -> tuple[int, str]:
        """Sort key: the front matter, then ¶1–¶15, then anything else (the byline)."""
        if self.block in _FRONT:
            return _FRONT.index(self.block), ""
        if self.block and PARAGRAPH_ID.fullmatch(self.block):
            return 100 + int(self.block[1:]), ""
        return 10_000, f"{self.page}#{self.block}"


class OccurrenceIndex:
    """Every occurrence of every entry in one build."""

    def __init__(self) -> None:
        self._places: dict[str, dict[Place, int]] = defaultdict(dict)
        self._forms: set[str] = set()

    def add(self, page: str, occurrence: Occurrence) -> None:
        """Record ``occurrence`` on ``page``."""
        place = Place(page, occurrence.block)
        counts = self._places[occurrence.entry.id]
        counts[place] = counts.get(place, 0) + 1
        self._forms.add(fold(occurrence.text))

    def places(self, entry: Entry) -> list[tuple[Place, int]]:
        """The blocks where ``entry`` occurs, in reading order, with how often."""
        return sorted(self._places.get(entry.id, {}).items(), key=lambda item: item[0].order)

    def count(self, entry: Entry) -> int:
        """How many times ``entry`` occurs in all."""
        return sum(self._places.get(entry.id, {}).values())

    def unused_forms(self, entries: tuple[Entry, ...]) -> list[tuple[Entry, str]]:
        """The (entry, form) pairs that occur nowhere in the essay."""
        return [(e, form) for e in entries for form in e.forms if fold(form) not in self._forms]
