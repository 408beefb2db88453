"""When two spellings are the same form: apostrophes, hyphens, spaces and case.

The essay mixes straight and curly apostrophes and writes "Iran-Iraq" with a hyphen
where others use an en dash; a glossary form matches either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from edition.data import store

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


#: The letters that Python's ``re.IGNORECASE`` takes as one beyond what ``str.lower`` makes
#: one (CPython's ``re._casefix``): long s and s, dotless i and i, final and medial sigma,
#: micro sign and mu, the Greek symbol forms, the Cyrillic round forms. Each class is written
#: in lower case; its first letter is the one :func:`fold` writes for all.
_ONE_LETTER = ("i\u0131", "s\u017f", "\u00b5\u03bc", "\u03b9\u0345\u1fbe", "\u0390\u1fd3",
               "\u03b0\u1fe3", "\u03b2\u03d0", "\u03b5\u03f5", "\u03b8\u03d1", "\u03ba\u03f0",
               "\u03c0\u03d6", "\u03c1\u03f1", "\u03c3\u03c2", "\u03c6\u03d5", "\u0432\u1c80",
               "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85",
               "\u044a\u1c86", "\u0463\u1c87", "\ua64b\u1c88", "\u1e61\u1e9b", "\ufb06\ufb05")
_CANONICAL = str.maketrans({member: letters[0] for letters in _ONE_LETTER
                            for member in letters[1:]})
#: The one letter whose ``str.lower`` is two (İ: i and a combining dot); ``re.IGNORECASE``
#: takes it as i, and a key must keep one character per letter matched.
_BEFORE_LOWER = str.maketrans({"\u0130": "i"})


def fold(text: str) -> str:
    """The key under which spellings count as one form, ignoring case exactly as the
    matcher's ``re.IGNORECASE`` does (ſ and s, ı and i, ς and σ, µ and μ are one), so that
    whatever the matcher finds is a key it has: the one case folding of matching and lookup.
    """
    return unify(text).translate(_BEFORE_LOWER).lower().translate(_CANONICAL)


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
#: The list asked: wordfreq's ``small`` English list holds every word of Zipf 3 or more with
#: the very frequency its ``large`` list gives (all 15,145 words at or above
#: :data:`COMMON_ZIPF` in either list are in both, at one value), so that every answer at or
#: above the line is the same, and a rarer word is below the line in both; it loads in a
#: tenth of the time.
WORDLIST = "small"


@functools.cache
def zipf(form: str) -> float | None:
    """The Zipf frequency (log10 of uses per billion words) of ``form`` in wordfreq's English
    list, or None if wordfreq does not read it as one word of letters: a phrase, a hyphenated
    compound (whose parts wordfreq counts apart), a number ("9/11"). Exact from
    :data:`COMMON_ZIPF` up; 0 for a word below Zipf 3 (:data:`WORDLIST`)."""
    # wordfreq is the costliest import of the data stage (its tokenizer's tables): only the
    # common-word check, run where the essay is read, asks it, never a plain glossary load.
    from wordfreq import tokenize, zipf_frequency

    words = tokenize(unify(form), "en")
    if len(words) != 1 or not words[0].replace("'", "").isalpha():
        return None
    return zipf_frequency(words[0], "en", wordlist=WORDLIST)


def common_word(form: str, case: str) -> float | None:
    """The Zipf frequency of ``form`` if it is a common English word that would match in
    lower case (so all over the essay), else None. ``case`` ``exact`` or ``auto`` with a
    capital first letter ("Iran") keeps a name to its capital, and is not asked."""
    return common_words([(form, case)]).get((form, case))


def common_words(forms: Iterable[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """Each (form, case) of ``forms`` that :func:`common_word` refuses, with its frequency.

    Asked together, so that wordfreq's answers are kept on disk in one piece
    (:mod:`edition.data.store`): a new build asks wordfreq, and so imports it, only for a
    form no build has asked about."""
    asked = [(form, case) for form, case in forms if accepts(form, case, form.lower())]
    if not asked:
        return {}
    kept = store.key("zipf", WORDLIST)
    known = _known(kept)
    missing = {form for form, _ in asked} - known.keys()
    for form in missing:
        known[form] = zipf(form)
    if missing:
        store.put(kept, known)
    return {(form, case): frequency for form, case in asked
            if (frequency := known[form]) is not None and frequency >= COMMON_ZIPF}


@functools.cache
def _known(kept: str) -> dict[str, float | None]:
    """wordfreq's answers kept under ``kept``, added to as this process asks more."""
    found = store.get(kept)
    return dict(found) if isinstance(found, dict) else {}


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
