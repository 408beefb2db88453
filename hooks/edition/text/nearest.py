"""The essay's passage nearest a quotation that is not in it, and where the two differ.

A note's quotation must be the essay's words exactly; when it is not, the contributor needs
to see which passage it was meant to be and which characters differ. Both come from
:mod:`difflib` (Python's own sequence matcher), not from hand-written scoring. Apostrophes,
hyphens and white space are compared as the anchoring compares them (``'`` = ``’``,
``-`` = ``–``), so only the differences that stop a quotation being found are shown.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from edition.data.forms import APOSTROPHES, HYPHENS
from edition.text.places import Place

#: Length-preserving: apostrophes to ', hyphens and dashes to -, white space to a space.
_LOOSE = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-"),
                        "\n": " ", "\t": " ", "\r": " ", "\u00a0": " "})
#: How many characters of the essay may lie around the quotation's best match.
_SLACK = 40
#: Below this similarity, nothing in the essay is near enough to be named.
MIN_RATIO = 0.6
#: Unchanged text longer than this is shortened in the diff, keeping ``_CONTEXT`` each side.
_LONG, _CONTEXT = 40, 15


@dataclass(frozen=True)
class Nearest:
    """The passage of the essay most like a quotation: where it is and its words."""

    page: str
    block: str
    text: str
    ratio: float

    @property
    def label(self) -> str:
        """How the edition cites the block: "¶9", "standfirst"."""
        return Place(self.page, self.block).label


def _span(wanted: str, text: str) -> tuple[int, int] | None:
    """The span of ``text`` that best matches ``wanted`` (both already loosened)."""
    matcher = difflib.SequenceMatcher(None, text, wanted, autojunk=False)
    longest = matcher.find_longest_match(0, len(text), 0, len(wanted))
    if longest.size == 0:
        return None
    low = max(0, longest.a - longest.b - _SLACK)
    high = min(len(text), longest.a + (len(wanted) - longest.b) + _SLACK)
    window = difflib.SequenceMatcher(None, wanted, text[low:high], autojunk=False)
    matched = [block for block in window.get_matching_blocks() if block.size]
    # A stray letter or two matched far into the essay's text is not the quotation's end
    # (or beginning): drop it, so the passage is the words the quotation stands for.
    while len(matched) > 1 and _stray(matched[-2], matched[-1]):
        matched.pop()
    while len(matched) > 1 and _stray(matched[1], matched[0], before=True):
        matched.pop(0)
    start, end = low + matched[0].b, low + matched[-1].b + matched[-1].size
    # Whole words: a passage does not begin or end inside one.
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _stray(inner: difflib.Match, outer: difflib.Match, before: bool = False) -> bool:
    """Whether ``outer``, a short match beside ``inner``, lies much further off in the essay
    than in the quotation."""
    if before:
        essay_gap, quote_gap = inner.b - outer.b - outer.size, inner.a - outer.a - outer.size
    else:
        essay_gap, quote_gap = outer.b - inner.b - inner.size, outer.a - inner.a - inner.size
    return outer.size < 3 and essay_gap - quote_gap > 2


def nearest(wanted: str, blocks: list[tuple[str, str, str]]) -> Nearest | None:
    """The passage of the ``(page, block, text)`` blocks most like ``wanted``, if any is near."""
    loose = wanted.translate(_LOOSE)
    best: Nearest | None = None
    for page, block, text in blocks:
        span = _span(loose, text.translate(_LOOSE))
        if span is None:
            continue
        candidate = text[span[0]:span[1]]
        ratio = difflib.SequenceMatcher(
            None, loose, candidate.translate(_LOOSE), autojunk=False).ratio()
        if best is None or ratio > best.ratio:
            best = Nearest(page, block, candidate, ratio)
    return best if best is not None and best.ratio >= MIN_RATIO else None


def _shorten(text: str, first: bool, last: bool) -> str:
    if len(text) <= _LONG:
        return text
    head = "" if first else text[:_CONTEXT]
    tail = "" if last else text[-_CONTEXT:]
    return f"{head}…{tail}"


def difference(wanted: str, essay: str) -> str:
    """``wanted`` against the essay's ``essay``, character by character: ``[-x-]`` is in the
    quotation but not the essay, ``{+y+}`` in the essay but not the quotation."""
    matcher = difflib.SequenceMatcher(
        None, wanted.translate(_LOOSE), essay.translate(_LOOSE), autojunk=False)
    codes = matcher.get_opcodes()
    out = []
    for index, (tag, a1, a2, b1, b2) in enumerate(codes):
        if tag == "equal":
            out.append(_shorten(essay[b1:b2], index == 0, index == len(codes) - 1))
            continue
        if a2 > a1:
            out.append(f"[-{wanted[a1:a2]}-]")
        if b2 > b1:
            out.append(f"{{+{essay[b1:b2]}+}}")
    return "".join(out)


def advice(wanted: str, blocks: list[tuple[str, str, str]]) -> str:
    """A sentence naming the nearest passage and the difference, or "" if none is near."""
    found = nearest(wanted, blocks)
    if found is None:
        return ""
    return (f" The nearest passage is {found.label} ({found.page}): “{found.text}”. "
            f"Where they differ ([-yours-] {{+the essay's+}}): “{difference(wanted, found.text)}”.")
