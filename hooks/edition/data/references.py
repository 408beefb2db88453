"""Links from one glossary entry's text to another entry, written so the build can check them.

A definition, description or note points to another entry as ``[words](term:<id>)`` or
``[words](actor:<id>)``, as a note points to another note with ``note:<id>``. The entry's text
keeps only the words (tooltips, exports and search read plain text); the references are kept
beside it, with their place in that text, so that generated pages can make each a link. A
reference to an id no entry has (the target deleted or renamed) is a problem with the
referring file and line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from edition.data.datafile import Problem

if TYPE_CHECKING:
    from edition.data.glossary import Entry

#: ``[words](term:<id>)`` or ``[words](actor:<id>)``; ids as the glossary makes them.
LINK = re.compile(r"\[([^\[\]]+)\]\((term|actor):([A-Za-z0-9][A-Za-z0-9-]*)\)")
#: The fields of an entry that may hold references, as :class:`Entry` names them.
FIELDS = ("summary", "note")


@dataclass(frozen=True)
class Reference:
    """A reference in ``field`` of an entry: ``words`` at ``start:end`` of the plain text,
    pointing at the entry of ``kind`` with ``id``; ``line`` is the line of the field."""

    field: str
    start: int
    end: int
    words: str
    kind: str
    id: str
    line: int


def split(text: str, field: str, line: int) -> tuple[str, tuple[Reference, ...]]:
    """``text`` with each reference replaced by its words, and the references."""
    out: list[str] = []
    found: list[Reference] = []
    at = length = 0
    for match in LINK.finditer(text):
        out.append(text[at:match.start()])
        length += match.start() - at
        words = " ".join(match.group(1).split())
        found.append(Reference(field, length, length + len(words), words, match.group(2),
                               match.group(3), line))
        out.append(words)
        length += len(words)
        at = match.end()
    out.append(text[at:])
    return "".join(out), tuple(found)


def problems(entries: Iterable[Entry], file: str) -> list[Problem]:
    """References to an entry the glossary does not have, each on the referring line, with
    the ids of that kind nearest the one written."""
    entries = list(entries)
    ids = {kind: sorted(e.id for e in entries if e.kind == kind) for kind in ("term", "actor")}
    found = []
    for entry in entries:
        for ref in entry.references:
            if ref.id in ids[ref.kind]:
                continue
            near = difflib.get_close_matches(ref.id, ids[ref.kind], n=1)
            hint = f" Did you mean '{ref.kind}:{near[0]}'?" if near else ""
            where = "definition" if ref.field == "summary" and entry.kind == "term" else (
                "description" if ref.field == "summary" else "note")
            found.append(Problem(file, ref.line, (
                f"{entry.kind} '{entry.name}': the {where} links '{ref.words}' to "
                f"{ref.kind}:{ref.id}, but no {ref.kind} has the id '{ref.id}' (deleted or "
                f"renamed?).{hint} Link to an entry the glossary has, or write the words "
                "without the link.")))
    return found


def segments(text: str, refs: Iterable[Reference]) -> list[tuple[str, Reference | None]]:
    """``text`` cut into runs of plain words and references, in order."""
    out: list[tuple[str, Reference | None]] = []
    at = 0
    for ref in sorted(refs, key=lambda r: r.start):
        out.append((text[at:ref.start], None))
        out.append((text[ref.start:ref.end], ref))
        at = ref.end
    out.append((text[at:], None))
    return [(words, ref) for words, ref in out if words]
