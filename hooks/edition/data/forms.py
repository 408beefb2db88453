"""When two spellings are the same form: apostrophes, hyphens, spaces and case.

The essay mixes straight and curly apostrophes and writes "Iran-Iraq" with a hyphen
where others use an en dash; a glossary form matches either.
"""

from __future__ import annotations

import re

#: Characters that stand for an apostrophe, and for a hyphen inside a word.
APOSTROPHES = "'’‘ʼ"
HYPHENS = "-‐‑‒–"
_UNIFY = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")})
_SPACES = re.compile(r"\s+")


def unify(text: str) -> str:
    """Apostrophes become ', hyphens and en dashes become -, white space one space."""
    return _SPACES.sub(" ", text.translate(_UNIFY))


def fold(text: str) -> str:
    """The key under which spellings count as one form (also ignoring case)."""
    return unify(text).lower()


def accepts(form: str, case: str, text: str) -> bool:
    """Whether ``text`` (already equal to ``form`` but for case) is ``form`` under ``case``.

    ``exact``: letter for letter. ``ignore``: any case. ``auto``: exact, except that a
    lower-case first letter may be capitalised, as at the start of a sentence.
    """
    if case == "ignore":
        return True
    form, text = unify(form), unify(text)
    if case == "auto" and form[:1].islower():
        return form[1:] == text[1:] and form[:1] == text[:1].lower()
    return form == text


def loose_pattern(text: str) -> str:
    """A regex for ``text`` as written, but for apostrophes, hyphens and white space."""
    parts = []
    for run in re.split(r"(\s+)", text):
        if run.isspace():
            parts.append(r"\s+")
            continue
        for char in run:
            if char in APOSTROPHES:
                parts.append("[" + re.escape(APOSTROPHES) + "]")
            elif char in HYPHENS:
                parts.append("[" + re.escape(HYPHENS) + "]")
            else:
                parts.append(re.escape(char))
    return "".join(parts)
