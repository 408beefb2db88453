"""The editor's notes (``notes.yml``): loading and sanitising.

A note names the exact words it annotates, not a position (anchoring them in the essay is
:mod:`edition.text.anchoring`'s job). Note text is a small Markdown subset (emphasis, strong,
links to http(s) sources): it is HTML-escaped first, then rendered, then every element
and attribute is checked against that subset.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from edition.data import datafile
from edition.data.datafile import URL_PATTERN, DataFileError, LineMap, Problem, Spec, plain
from edition.data.glossary import Source, read_sources

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "notes.schema.json"
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
    sources: tuple[Source, ...]
    line: int
    #: The ids of the events in ``events.yml`` the note concerns, and the line naming them.
    events: tuple[str, ...] = ()
    events_line: int = 0

    @property
    def label(self) -> str:
        """How messages name the note: notes[3] 'in the following year'."""
        return f"notes[{self.index}] '{self.quote}'"


@functools.cache
def _markdown() -> markdown.Markdown:
    """One plain Python-Markdown for every note, reset between them.

    Making one per note took two thirds of the time it takes to load the notes file.
    """
    return markdown.Markdown()


def render_note(text: str) -> str:
    """The note's Markdown as HTML, allowing only emphasis, strong and http(s) links.

    Raises ValueError saying what is not allowed.
    """
    converter = _markdown()
    converter.reset()
    rendered = converter.convert(html.escape(plain(text), quote=False))
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
        if element.tag == "a" and not re.match(URL_PATTERN, href or ""):
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
        notes.append(Note(
            index=index, quote=raw["quote"], before=raw.get("before", ""),
            after=raw.get("after", ""), kind=raw["kind"], text=plain(raw["note"]),
            html=rendered,
            sources=read_sources(raw["sources"], lines, ("notes", index)),
            line=lines.line(("notes", index)),
            events=tuple(raw.get("events", ())), events_line=lines.line(("notes", index, "events")),
        ))
    if problems:
        raise NotesError(problems, SPEC.title)
    return tuple(notes)
