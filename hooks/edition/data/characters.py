"""Every text a contributor writes is plain, visible text.

Walks every string of a data file (values and keys, at any depth, without recursion), so a
field added to a schema later is covered without being named here. Refused, with the file,
the line, the entry and the character as ``U+XXXX``:

- control characters (C0, DEL, C1), except a tab or a line break in a multi-line field;
- format characters (category Cf: bidi controls, zero-width characters, a BOM inside text),
  except the zero-width non-joiner (U+200C) and joiner (U+200D) inside a word of a script
  whose spelling needs them (Persian علی‌اکبر, in Arabic script; Sinhala ශ්‍රී and the other
  Indic scripts), and the joiner between two emoji of one emoji sequence;
- surrogates, private-use and unassigned code points; line and paragraph separators;
- any line break in a field of one line (every field but :data:`MULTILINE`);
- character references (``&#x202E;``, ``&#8203;``, ``&amp;``): a data file is plain text,
  and an HTML serializer would pass such a reference through for the browser to decode, past
  every rule above (:func:`reference`). The character itself is typed instead.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

#: The fields that hold paragraphs (folded into one by :func:`datafile.plain`).
MULTILINE = frozenset({"definition", "description", "note"})
ZWNJ = "\u200c"
ZWJ = "\u200d"
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
#: What an HTML serializer (Python-Markdown's, lxml's) leaves unescaped as a character
#: reference, and HTML5 decodes: ``&#...;``, ``&#x...;`` and ``&name;``, in any case.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
_EMOJI_BEFORE_ZWJ = {"So", "Sk"}
_VARIATION_SELECTOR_16 = "\ufe0f"


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
    """Whether the ZWNJ or ZWJ at ``index`` stands between two letters (or marks, as a
    virama) of a script that uses it; a ZWJ also between two emoji of a sequence."""
    if index == 0 or index == len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    if all(unicodedata.category(c)[0] in "LM" and _script(c) in ZWNJ_SCRIPTS
           for c in (before, after)):
        return True
    if text[index] != ZWJ:
        return False
    if before == _VARIATION_SELECTOR_16 and index >= 2:  # 🏳️‍🌈: flag, VS16, ZWJ, rainbow
        before = text[index - 2]
    return (unicodedata.category(before) in _EMOJI_BEFORE_ZWJ
            and unicodedata.category(after) == "So")


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char) or {
        "Cc": "a control character", "Cs": "a surrogate", "Co": "a private-use character",
    }.get(unicodedata.category(char), "an unassigned code point")
    return f"U+{ord(char):04X} ({name})"


def refused(text: str, multiline: bool) -> tuple[int, str, str] | None:
    """The first character ``text`` may not hold: (index, character, why), or None."""
    # Most texts are printable through and through (``str.isprintable``: no character of
    # category C* or Z* but the space, so none refused here), and need no walk.
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
        if char in (ZWNJ, ZWJ) and _joins_script_word(text, index):
            continue
        if category == "Cf":
            why = ("an invisible format character (it can hide text or reverse its direction); "
                   "remove it")
            if char == ZWNJ:
                why += (" (a zero-width non-joiner is allowed only inside a word of a script "
                        "that needs it, such as Persian)")
            elif char == ZWJ:
                why += (" (a zero-width joiner is allowed only inside a word of a script that "
                        "needs it, such as Sinhala, and between the emoji of one sequence)")
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
                and not (char in (ZWNJ, ZWJ) and _joins_script_word(text, index)))):
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)


def reference(text: str) -> tuple[int, str, str | None] | None:
    """The first character reference in ``text``: (index, the reference as written, the
    character it names or None if it names none), or None."""
    found = _REFERENCE.search(text)
    if found is None:
        return None
    written = found.group()
    body = written[1:-1]
    char: str | None
    if body.startswith("#"):
        number = int(body[2:], 16) if body[1:2] in "xX" else int(body[1:])
        char = chr(number) if 0 <= number <= 0x10FFFF else None
    else:
        char = html.entities.html5.get(body + ";")
    return found.start(), written, char


def reference_advice(written: str, char: str | None) -> str:
    """What to tell a contributor who wrote the character reference ``written``."""
    if char is None:
        return (f"'{written}' reads as a character reference in a web page; a data file is "
                "plain text, so write what you mean without '&...;' (put a space after the "
                "'&' if it is an ampersand)")
    named = " ".join(describe(c) for c in char)
    return (f"the character reference '{written}' stands for {named}; a data file is plain "
            "text, so type the character itself (if the rules allow it), not a reference")
