"""The editor's notes (``notes.yml``): loading, sanitising and anchoring by quotation.

A note names the exact words it annotates, not a position, so an edit elsewhere never
moves it; a quotation that is missing, ambiguous or crosses a paragraph is an error
naming the note and its line. Note text is a small Markdown subset (emphasis, strong,
links to http(s) sources): it is HTML-escaped first, then rendered, then every element
and attribute is checked against that subset.
"""

from __future__ import annotations

import html
import itertools
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from edition import datafile
from edition.datafile import DataFileError, LineMap, Problem, Spec, plain
from edition.dates import EventDate, parse_date
from edition.forms import loose_pattern
from edition.glossary import Source
from edition.matcher import Matcher
from edition.occurrences import Place

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "notes.schema.json"
SPEC = Spec(SCHEMA_FILE, {"notes": "quote"}, "the notes")
NotesError = DataFileError

KINDS = {
    "slip": "The author's slip",
    "date": "Date",
    "reference": "Reference",
    "context": "Context",
    "check": "Checking the claim",
}
_ALLOWED = {"p": set(), "em": set(), "strong": set(), "a": {"href", "title"}}


@dataclass(frozen=True)
class Note:
    """One editor's note, its words in the essay and what it says."""

    index: int
    quote: str
    before: str
    after: str
    kind: str
    text: str
    html: str
    date: EventDate | None
    event: str | None
    sources: tuple[Source, ...]
    line: int

    @property
    def label(self) -> str:
        """How messages name the note: notes[3] 'in the following year'."""
        return f"notes[{self.index}] '{self.quote}'"


@dataclass(frozen=True)
class Anchor:
    """Where a note's quotation is: the page, the essay block and the span in its text."""

    note: Note
    page: str
    block: str
    start: int
    end: int


def render_note(text: str) -> str:
    """The note's Markdown as HTML, allowing only emphasis, strong and http(s) links.

    Raises ValueError saying what is not allowed.
    """
    rendered = markdown.markdown(html.escape(plain(text), quote=False))
    root = etree.fromstring(f"<div>{rendered}</div>")
    for element in root.iter():
        if element is root:
            continue
        if element.tag not in _ALLOWED:
            raise ValueError(
                f"uses <{element.tag}>; notes allow only *emphasis*, **strong** and "
                "[links](https://...)"
            )
        extra = set(element.attrib) - _ALLOWED[element.tag]
        if extra:
            raise ValueError(f"<{element.tag}> may not have {', '.join(sorted(extra))}")
        href = element.get("href")
        if element.tag == "a" and not re.match(r"https?://[^\s<>\"'`]+$", href or ""):
            raise ValueError(f"links only to http(s) addresses, not {href!r}")
    return rendered


def load(path: Path, display_name: str | None = None) -> tuple[Note, ...]:
    """Read and validate ``notes.yml``; raise :class:`NotesError` if unsound."""
    value, lines = datafile.read(path, SPEC, display_name)
    return _notes(value, lines)


def parse(data: bytes, name: str = "notes.yml") -> tuple[Note, ...]:
    """Validate the bytes of a notes file named ``name``."""
    value, lines = datafile.parse(data, SPEC, name)
    return _notes(value, lines)


def _notes(value: dict[str, Any], lines: LineMap) -> tuple[Note, ...]:
    notes, problems = [], []
    for index, raw in enumerate(value["notes"]):
        label = f"notes[{index}] '{raw['quote']}'"
        try:
            rendered = render_note(raw["note"])
        except ValueError as error:
            problems.append(Problem(lines.name, lines.line(("notes", index, "note")),
                                    f"{label}: the note {error}."))
            rendered = ""
        date = None
        if "date" in raw:
            try:
                date = parse_date(raw["date"])
            except ValueError as error:
                problems.append(Problem(lines.name, lines.line(("notes", index, "date")),
                                        f"{label}: {error}."))
        notes.append(Note(
            index=index, quote=raw["quote"], before=raw.get("before", ""),
            after=raw.get("after", ""), kind=raw["kind"], text=plain(raw["note"]),
            html=rendered, date=date, event=plain(raw["event"]) if "event" in raw else None,
            sources=tuple(Source(s["title"].strip(), s["url"]) for s in raw["sources"]),
            line=lines.line(("notes", index)),
        ))
    if problems:
        raise NotesError(problems, SPEC.title)
    return tuple(notes)


def anchor(
    notes: Iterable[Note], blocks: list[tuple[str, str, str]], file: str = "notes.yml"
) -> list[Anchor]:
    """Find each note's quotation in the essay's ``(page, block id, text)`` blocks.

    Raises :class:`NotesError` for a quotation that is missing, found more than once,
    crosses a paragraph, or overlaps another note's.
    """
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
            where = ", ".join(Place(a.page, a.block).label for a in found)
            problems.append(Problem(file, note.line, (
                f"{note.label}: the quotation occurs {len(found)} times ({where}); add the "
                "words just 'before' or 'after' it to make it unique."
            )))
        elif pattern.search(joined):
            problems.append(Problem(file, note.line, (
                f"{note.label}: the quotation crosses a paragraph break; a note annotates "
                "words within one paragraph."
            )))
        else:
            problems.append(Problem(file, note.line, (
                f"{note.label}: the quotation is not in the essay; copy the words exactly as "
                "the essay writes them (with 'before' and 'after', if given)."
            )))
    order = {block: index for index, (_, block, _) in enumerate(blocks)}
    anchors.sort(key=lambda a: (order[a.block], a.start))
    for first, second in itertools.pairwise(anchors):
        if first.block == second.block and second.start < first.end:
            problems.append(Problem(file, second.note.line, (
                f"{second.note.label}: its words overlap those of {first.note.label} (line "
                f"{first.note.line}); notes may not overlap."
            )))
    if problems:
        raise NotesError(sorted(problems, key=lambda p: p.line), SPEC.title)
    return anchors


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
                problems.append(Problem(file, anchor.note.line, (
                    f"{anchor.note.label}: the quotation begins or ends inside "
                    f"'{match.text}', which the edition annotates as a whole; quote all of it "
                    "or none of it."
                )))
    return problems
