"""Where a passage of the essay is: a block on a page, its label and reading order."""

from __future__ import annotations

from dataclasses import dataclass

from edition.text.paragraphs import PARAGRAPH_ID

#: Essay blocks before ¶1, in the order the essay gives them.
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
