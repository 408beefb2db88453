"""When two spellings are the same form: apostrophes, hyphens, spaces and case.

The essay mixes straight and curly apostrophes and writes "Iran-Iraq" with a hyphen
where others use an en dash; a glossary form matches either.
"""

from __future__ import annotations

import functools
import re

from wordfreq import tokenize, zipf_frequency

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


#: A one-word form that matches in lower case is refused as a common English word (unless its
#: entry says why it means one) at this Zipf frequency or above in wordfreq's English list:
#: 10 ** (3.5 - 9), about three uses in a million words, which the 15,000 or so most
#: frequent English words reach. Every word the guard must refuse is well above it
#: ("state" 5.78, "war" 5.46, "deal" 5.32, "leadership" 4.77, "crisis" 4.62, "talks" 4.61,
#: "regime" 4.30, "sanctions" 3.95, the rarest), and the glossary's lower-case forms that are
#: not everyday words are well below it ("audiotape" 2.06, "irredentist" 1.69). Capitalised
#: names ("Iran" 4.62) are not asked: under ``case`` ``auto`` or ``exact`` they match only
#: as written.
COMMON_ZIPF = 3.5


@functools.cache
def zipf(form: str) -> float | None:
    """The Zipf frequency (log10 of uses per billion words) of ``form`` in wordfreq's English
    list, or None if wordfreq does not read it as one word of letters: a phrase, a hyphenated
    compound (whose parts wordfreq counts apart), a number ("9/11")."""
    words = tokenize(unify(form), "en")
    if len(words) != 1 or not words[0].replace("'", "").isalpha():
        return None
    return zipf_frequency(words[0], "en")


def common_word(form: str, case: str) -> float | None:
    """The Zipf frequency of ``form`` if it is a common English word that would match in
    lower case (so all over the essay), else None. ``case`` ``exact`` or ``auto`` with a
    capital first letter ("Iran") keeps a name to its capital, and is not asked."""
    if not accepts(form, case, form.lower()):
        return None
    frequency = zipf(form)
    return frequency if frequency is not None and frequency >= COMMON_ZIPF else None


def is_abbreviation(form: str, case: str) -> bool:
    """Whether ``form`` is written in capitals and matched only so ("US", not "us")."""
    return case != "ignore" and form.isupper()


def form_problem(form: str, case: str) -> str | None:
    """Why ``form`` cannot be a name, or None: too short.

    A form with fewer than :data:`MIN_LETTERS` letters or digits would match all over the
    essay; an abbreviation in capitals with a case rule that keeps it in capitals ("US") may.
    A common word (:func:`common_word`) is refused where the essay is at hand, so that the
    message can name the passages it would link (``edition.index.checks``).
    """
    if is_abbreviation(form, case):
        return None
    if sum(char.isalnum() for char in form) < MIN_LETTERS:
        return f"has fewer than {MIN_LETTERS} letters or digits"
    return None
