"""When two spellings are the same form: apostrophes, hyphens, spaces and case.

The essay mixes straight and curly apostrophes and writes "Iran-Iraq" with a hyphen
where others use an en dash; a glossary form matches either.
"""

from __future__ import annotations

import functools
import re

from stop_words import get_stop_words

#: Characters that stand for an apostrophe, and for a hyphen inside a word.
APOSTROPHES = "'’‘ʼ"
HYPHENS = "-‐‑‒–"
_UNIFY = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")})
_SPACES = re.compile(r"\s+")
#: A form needs at least this many letters or digits to be a name ("9/11" has three),
#: unless it is an abbreviation in capitals matched letter for letter ("US").
MIN_LETTERS = 3


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


@functools.cache
def common_words() -> frozenset[str]:
    """English function and other very common words, folded: the ``stop-words`` package's
    list (1,300 words: "the", "of", "it", "us", "may", "will", "state", "world"...)."""
    return frozenset(fold(word) for word in get_stop_words("english"))


def is_abbreviation(form: str, case: str) -> bool:
    """Whether ``form`` is written in capitals and matched only so ("US", not "us")."""
    return case != "ignore" and form.isupper()


def form_problem(form: str, case: str) -> str | None:
    """Why ``form`` cannot be a name, or None: a common word alone, or too short.

    A form of one word that is a common English word ("the", "may", "us") or that has
    fewer than :data:`MIN_LETTERS` letters or digits would match all over the essay; an
    abbreviation in capitals with a case rule that keeps it in capitals ("US") may.
    """
    if is_abbreviation(form, case):
        return None
    if fold(form) in common_words():
        return "is a common English word"
    if sum(char.isalnum() for char in form) < MIN_LETTERS:
        return f"has fewer than {MIN_LETTERS} letters or digits"
    return None
