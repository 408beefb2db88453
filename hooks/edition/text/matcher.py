"""One compiled matcher per build for every form of every entry.

The forms are merged into a prefix tree and compiled as a single regular
expression, so a text is scanned once whatever the size of the glossary. Matches
are whole words, leftmost and then longest ("Treaty of Turkmenchai" wins over
"Turkmenchai"), never overlapping. The expression ignores case so that the
longest form always wins; each entry's own case rule is checked on the match.

A form is whole words: a letter or digit may not stand on either side of it, so a
hyphen or an apostrophe ends a word ("Iran" is found in "Iran's" and "Iran-Iraq War",
never in "Iranian"). Forms inside a longer match are found by :meth:`Matcher.within`,
with the same compiled expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from edition.data.forms import APOSTROPHES, HYPHENS, accepts, fold

T = TypeVar("T")

_WORD = re.compile(r"\w")
_TOKENS = {
    "'": "[" + re.escape(APOSTROPHES) + "]",
    "-": "[" + re.escape(HYPHENS) + "]",
    " ": r"\s+",
}


@dataclass(frozen=True)
class Match(Generic[T]):
    """One occurrence: where it is, the text as written, and whose form it is."""

    start: int
    end: int
    text: str
    form: str
    target: T


def _pattern(tree: dict[str, dict]) -> str:
    """The regex for a prefix tree of folded forms; a ``""`` key marks the end of a form."""
    branches = [
        (_TOKENS.get(char) or re.escape(char)) + _pattern(child)
        for char, child in tree.items()
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a form ends, longer forms continue optionally; a greedy ? tries them first.
    return f"(?:{body})?" if "" in tree else body


class Matcher(Generic[T]):
    """Finds the forms of many targets in text, with one compiled expression."""

    def __init__(self, forms: Iterable[tuple[str, str, T]]) -> None:
        """``forms``: (form, case rule, target) triples; folded forms must be unique."""
        self._forms: dict[str, tuple[str, str, T]] = {}
        tree: dict[str, dict] = {}
        for form, case, target in forms:
            key = fold(form)
            if key in self._forms:
                raise ValueError(f"the form {form!r} is listed twice")
            self._forms[key] = (form, case, target)
            node = tree
            for char in key:
                node = node.setdefault(char, {})
            node[""] = {}
        body = _pattern(tree)
        self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def __len__(self) -> int:
        return len(self._forms)

    def finditer(self, text: str) -> Iterator[Match[T]]:
        """Every occurrence in ``text``, left to right, longest first, never overlapping."""
        if self._regex is None:
            return
        position = 0
        while (found := self._regex.search(text, position)) is not None:
            match = self._accepted(text, found.start(), found.end())
            if match is None:
                position = found.start() + 1
                continue
            yield match
            position = match.end

    def within(self, text: str, start: int, end: int) -> Iterator[Match[T]]:
        """Every form match contained in ``text[start:end]`` but the whole span, left to right.

        At each word where forms begin, every one that ends within the span, longest first:
        the names inside a phrase, "Iran" in "Iran-Iraq War". Matches may overlap.
        """
        if self._regex is None:
            return
        position = start
        while (found := self._regex.search(text, position, end)) is not None:
            at, stop = found.start(), found.end()
            while stop > at and (match := self._accepted(text, at, stop)) is not None:
                if (match.start, match.end) != (start, end):
                    yield match
                stop = self._shorter(text, at, match.end)
            position = at + 1

    def _accepted(self, text: str, start: int, end: int) -> Match[T] | None:
        """The longest form at ``start``, ending at or before ``end``, that its case allows."""
        while end > start:
            written = text[start:end]
            form, case, target = self._forms[fold(written)]
            if accepts(form, case, written):
                return Match(start, end, written, form, target)
            end = self._shorter(text, start, end)
        return None

    def _shorter(self, text: str, start: int, end: int) -> int:
        """The end of the next shorter whole-word match at ``start``, or ``start``."""
        assert self._regex is not None
        for stop in range(end - 1, start, -1):
            if stop < len(text) and _WORD.match(text[stop]) and _WORD.match(text[stop - 1]):
                continue
            found = self._regex.match(text, start, stop)
            if found is not None and found.end() == stop:
                return stop
        return start
