"""Every text a contributor writes is plain, visible text (issue 25).

Walks every string of a data file (values and keys, at any depth, without recursion), so a
field added to a schema later is covered without being named here. Refused, with the file,
the line, the entry and the character as ``U+XXXX``:

- control characters (C0, DEL, C1), except a tab or a line break in a multi-line field;
- format characters (category Cf: bidi controls, zero-width characters, a BOM inside text),
  except the zero-width non-joiner (U+200C) inside a word of a script whose spelling needs
  it (Persian علی‌اکبر, in Arabic script; the Indic scripts);
- surrogates, private-use and unassigned code points; line and paragraph separators;
- any line break in a field of one line (every field but :data:`MULTILINE`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

#: The fields that hold paragraphs (folded into one by :func:`datafile.plain`).
MULTILINE = frozenset({"definition", "description", "note"})
ZWNJ = "\u200c"
#: Scripts whose spelling uses the zero-width non-joiner inside a word (by Unicode name).
ZWNJ_SCRIPTS = ("ARABIC", "SYRIAC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA",
                "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA")
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_CONTROL_NAMES = {"\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\r": "CARRIAGE RETURN",
                  "\x0b": "LINE TABULATION", "\x0c": "FORM FEED", "\x85": "NEXT LINE",
                  "\x00": "NULL", "\x1b": "ESCAPE", "\x7f": "DELETE"}
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
#: Deletes the breaks and tabs a multi-line text may hold, for the printable test.
_LINES_ALLOWED = str.maketrans("", "", "\n\r\t")


def walk(value: Any) -> Iterator[tuple[tuple[Any, ...], str, bool]]:
    """Every string in ``value``: its path, the text and whether it is a key (whose path
    ends in the key itself). No recursion: any depth is walked."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path, item, False
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                if isinstance(key, str):
                    yield (*path, key), key, True
                stack.append(((*path, key), child))
        elif isinstance(item, list):
            stack.extend(((*path, i), child) for i, child in reversed(list(enumerate(item))))


def _script(char: str) -> str:
    try:
        return unicodedata.name(char).split(" ")[0]
    except ValueError:
        return ""


def _joins_script_word(text: str, index: int) -> bool:
    """Whether the ZWNJ at ``index`` stands between two letters of a script that uses it."""
    if index == 0 or index == len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    return all(unicodedata.category(c)[0] in "LM" and _script(c) in ZWNJ_SCRIPTS
               for c in (before, after))


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char) or {
        "Cc": "a control character", "Cs": "a surrogate", "Co": "a private-use character",
    }.get(unicodedata.category(char), "an unassigned code point")
    return f"U+{ord(char):04X} ({name})"


def refused(text: str, multiline: bool) -> tuple[int, str, str] | None:
    """The first character ``text`` may not hold: (index, character, why), or None."""
    # Most texts are printable through and through (``str.isprintable``: no character of
    # category C* or Z* but the space, so none refused here), and need no walk (issue 26).
    if text.isprintable() or (multiline and text.translate(_LINES_ALLOWED).isprintable()):
        return None
    for index, char in enumerate(text):
        if char in _LINE_BREAKS or char == "\t":
            if multiline and char in "\n\r\t":
                continue
            if char in "\n\r":
                return index, char, ("a line break, in a field of one line; write it on one "
                                     "line")
            return index, char, "an invisible control character; remove it"
        category = unicodedata.category(char)
        if category not in _REFUSED_CATEGORIES:
            continue
        if char == ZWNJ and _joins_script_word(text, index):
            continue
        if category == "Cf":
            why = ("an invisible format character (it can hide text or reverse its direction); "
                   "remove it")
            if char == ZWNJ:
                why += (" (a zero-width non-joiner is allowed only inside a word of a script "
                        "that needs it, such as Persian)")
        elif category == "Cc":
            why = "an invisible control character; remove it"
        else:
            why = "not a visible character; remove it"
        return index, char, why
    return None


def visible(text: str) -> str:
    """``text`` with every character :func:`refused` in a field of one line written as its
    code point (``<U+202E>``): safe to print in a terminal or a CI log."""
    out = []
    for index, char in enumerate(text):
        if (char in _LINE_BREAKS or char == "\t" or (
                unicodedata.category(char) in _REFUSED_CATEGORIES
                and not (char == ZWNJ and _joins_script_word(text, index)))):
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)
