"""Anchor the editor's notes in the essay by quotation.

A note names the exact words it annotates, not a position, so an edit elsewhere never
moves it; a quotation that is missing, ambiguous or crosses a paragraph is an error
naming the note and its line, and so is one that cuts through an annotated form.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from edition.data import store
from edition.data.datafile import Problem, shortened
from edition.data.forms import loose_pattern
from edition.data.notes import SPEC, Note, NotesError
from edition.text.matcher import Matcher
from edition.text.nearest import advice
from edition.text.places import Place


@dataclass(frozen=True)
class Anchor:
    """Where a note's quotation is: the page, the essay block and the span in its text."""

    note: Note
    page: str
    block: str
    start: int
    end: int



def anchor(
    notes: Iterable[Note], blocks: list[tuple[str, str, str]], file: str = "notes.yml"
) -> list[Anchor]:
    """Find each note's quotation in the essay's ``(page, block id, text)`` blocks.

    Raises :class:`NotesError` for a quotation that is missing, found more than once,
    crosses a paragraph, or overlaps another note's.
    """
    return list(_anchored(tuple(notes), tuple((page, block, text) for page, block, text in blocks),
                          file))


@store.kept("anchors")  # the same notes in the same essay: read back by the next build
def _anchored(notes: tuple[Note, ...], blocks: tuple[tuple[str, str, str], ...],
              file: str) -> tuple[Anchor, ...]:
    """:func:`anchor`, of values whose ``repr`` is all they hold (its key in the store)."""
    anchors: list[Anchor] = []
    problems: list[Problem] = []
    joined = "\n\n".join(text for _, _, text in blocks)
    for note in notes:
        pattern = re.compile(
            loose_pattern(note.before) + "(" + loose_pattern(note.quote) + ")"
            + loose_pattern(note.after)
        )
        found = [
            Anchor(note, page, block, match.start(1), match.end(1))
            for page, block, text in blocks
            for match in pattern.finditer(text)
        ]
        if len(found) == 1:
            anchors.append(found[0])
            continue
        if found:
            # Each place once, in reading order (not the order the pages were read in).
            places = sorted({Place(a.page, a.block) for a in found},
                            key=lambda place: (place.order, place.page))
            where = shortened([place.label for place in places])
            problems.append(Problem(file, note.where, (
                f"{note.label}: the quotation occurs {len(found)} times ({where}); add the "
                "words just 'before' or 'after' it to make it unique."
            )))
        elif (across := pattern.search(joined)) is not None:
            spanned = _blocks_between(blocks, across.start(), across.end())
            between = " and ".join(Place(page, block).label for page, block in
                                   (spanned[0], spanned[-1]))
            problems.append(Problem(file, note.where, (
                f"{note.label}: the quotation crosses the paragraph break between {between}; "
                "a note annotates words within one paragraph: quote the words of one of them."
            )))
        else:
            problems.append(Problem(file, note.where, (
                f"{note.label}: the quotation is not in the essay; copy the words exactly as "
                "the essay writes them (with 'before' and 'after', if given)."
                + advice(note.before + note.quote + note.after, list(blocks))
            )))
    order = {block: index for index, (_, block, _) in enumerate(blocks)}
    anchors.sort(key=lambda a: (order[a.block], a.start))
    for first, second in itertools.pairwise(anchors):
        if first.block == second.block and (first.start, first.end) == (
                second.start, second.end):
            problems.append(Problem(file, second.note.where, (
                f"{second.note.label}: it annotates the same words as {first.note.label} "
                f"(line {first.note.where}); merge them into one note."
            )))
        elif first.block == second.block and second.start < first.end:
            problems.append(Problem(file, second.note.where, (
                f"{second.note.label}: its words overlap those of {first.note.label} (line "
                f"{first.note.where}); notes may not overlap: merge them into one note, or "
                "quote words that do not overlap."
            )))
    if problems:
        raise NotesError(sorted(problems, key=lambda p: p.line), SPEC.title)
    return tuple(anchors)


def _blocks_between(blocks: Iterable[tuple[str, str, str]], start: int,
                    end: int) -> list[tuple[str, str]]:
    """The ``(page, block)`` of each block that ``start:end`` of the blocks' texts joined
    by blank lines (as :func:`anchor` joins them) touches, in order."""
    found = []
    at = 0
    for page, block, text in blocks:
        if at < end and start < at + len(text) + 2:
            found.append((page, block))
        at += len(text) + 2
    return found


def reading_order(anchors: Iterable[Anchor]) -> list[Anchor]:
    """``anchors`` in the essay's reading order: the order the notes are numbered in."""
    return sorted(anchors, key=lambda a: (Place(a.page, a.block).order, a.start))


def cut_forms(
    anchors: list[Anchor], blocks: list[tuple[str, str, str]], matcher: Matcher[Any],
    file: str = "notes.yml",
) -> list[Problem]:
    """Problems for quotations that begin or end inside an annotated form.

    Such a form would be split across the note's mark and lost as an annotation (and as
    a mention of its actor), so the quotation must take all of it or none of it.
    """
    texts = {(page, block): text for page, block, text in blocks}
    problems = []
    for anchor in anchors:
        for match in matcher.finditer(texts[anchor.page, anchor.block]):
            if match.start < anchor.start < match.end or match.start < anchor.end < match.end:
                problems.append(Problem(file, anchor.note.where, (
                    f"{anchor.note.label}: the quotation begins or ends inside "
                    f"'{match.text}', which the edition annotates as a whole; quote all of it "
                    "or none of it."
                )))
    return problems
