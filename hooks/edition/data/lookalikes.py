"""When two names look the same to a reader: Unicode TR 39 confusables, through ICU.

A second actor "Irаn" (with a Cyrillic а) or "ＩＲＡＮ" would take the links and the page of
"Iran" while looking exactly like it. Names and forms are compared by :func:`key`: NFKC,
case folding, then ICU's confusable skeleton (``SpoofChecker.getSkeleton``, the algorithm
and data of Unicode Technical Standard 39), after the edition's own folding of apostrophes
and hyphens (:func:`edition.data.forms.unify`). A word that mixes scripts (Latin letters
with a Cyrillic or Greek one) is refused outright: :func:`mixed_script`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from edition.data.forms import unify

if TYPE_CHECKING:
    import icu

#: Scripts that do not count towards a word's script (digits, punctuation, combining marks).
_NEUTRAL = {"Common", "Inherited", "Unknown"}
#: Script mixtures that are one writing system (TR 39's "highly restrictive" level).
_ONE_SYSTEM = ({"Han", "Hiragana", "Katakana"}, {"Han", "Hangul"}, {"Han", "Bopomofo"})
_WORDS = re.compile(r"[^\s\-'/]+")


@functools.cache
def _checker() -> icu.SpoofChecker:
    # ICU is loaded only where a file is read: a reading kept on disk (edition.data.store)
    # needs none.
    import icu

    return icu.SpoofChecker()


def keys(text: str) -> tuple[str, str]:
    """The keys under which two names count as one: one key in common means they are equal
    after NFKC and case folding, or confusable by TR 39 (the same skeleton), folded or as
    written ("Iranians" and "lranians": their skeletons are one, their folded forms' not)."""
    normal = unicodedata.normalize("NFKC", unify(text))
    folded = unicodedata.normalize("NFKC", normal.casefold())
    checker = _checker()
    # The skeleton maps some letters to capitals or symbols ("I" to "l"): fold it once more.
    return (unicodedata.normalize("NFKC", checker.getSkeleton(0, folded)).casefold(),
            "\0" + checker.getSkeleton(0, normal))


def key(text: str) -> str:
    """The first of :func:`keys`: NFKC, case folding, TR 39's skeleton."""
    return keys(text)[0]


def _scripts(word: str) -> set[str]:
    import icu

    return {icu.Script.getScript(char).getName() for char in word} - _NEUTRAL


def mixed_script(text: str) -> str | None:
    """The first word of ``text`` that mixes scripts, with them named, or None:
    "'Irаn' mixes Cyrillic and Latin letters"."""
    for word in _WORDS.findall(text):
        scripts = _scripts(word)
        if len(scripts) > 1 and not any(scripts <= system for system in _ONE_SYSTEM):
            names = sorted(scripts)
            return f"the word {word!r} mixes {', '.join(names[:-1])} and {names[-1]} letters"
    return None
