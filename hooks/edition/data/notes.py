"""The editor's notes (``notes.yml``): loading and sanitising.

A note names the exact words it annotates, not a position (anchoring them in the essay is
:mod:`edition.text.anchoring`'s job), and has a stable ``id``, unique in the file, that makes
its address (``#note-<id>``). Note text is a small Markdown subset (emphasis, strong, links
to http(s) sources): it is HTML-escaped first, then rendered, then every element and
attribute is checked against that subset.

References inside a note are written ``¶8`` or ``¶2–3`` (a paragraph, a run of them)
and ``[words](note:<id>)`` (another note). The rendered HTML holds each as a link without an
address, ``<a data-ed-ref="p8">``; :func:`resolve` gives it the address wherever the note is
shown. Note ids are checked here; paragraphs, which need the essay, in
:mod:`edition.index.checks`.

Every note also has a ``gloss``, its short form in plain text for the margin and the note
opened in place, where only a few lines fit: at most ``GLOSS_WORDS`` words, checked here so
that the build and the quick check refuse a longer one alike.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
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
#: A note's id, as the schema has it; and a link to another note, ``note:<id>``.
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NOTE_LINK = re.compile(f"note:({ID_PATTERN})")
#: A reference to a paragraph in a note's text: ¶8, ¶2–3 (en dash or hyphen).
_PARAGRAPHS = re.compile(r"¶\s?(\d+)(?:\s?[–-]\s?(\d+))?")
#: The attribute that holds a reference's target until :func:`resolve` gives it an address.
REF = "data-ed-ref"
#: The most words a note's gloss may have: what the margin shows whole beside its line.
GLOSS_WORDS = 25


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
    #: The note's stable id (its address is ``#note-<id>``), and the line of its text.
    id: str = ""
    text_line: int = 0
    #: What the note's text refers to, in order: ``p8`` (a paragraph), ``note:<id>``.
    refs: tuple[str, ...] = ()
    #: The line of its quotation, where problems with its words are reported (the
    #: entry begins with its id now, a line above).
    quote_line: int = 0
    #: The note's short form, plain text of at most ``GLOSS_WORDS`` words, for the margin
    #: and the note opened in place; the full note stays for the endnotes and the notes page.
    gloss: str = ""

    @property
    def where(self) -> int:
        """The line problems with the note's words name: its quotation's, else the entry's."""
        return self.quote_line or self.line

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
        if element.tag == "a" and not (re.match(URL_PATTERN, href or "")
                                       or _NOTE_LINK.fullmatch(href or "")):
            raise ValueError(
                f"links only to http(s) addresses or to another note (note:<id>), not {href!r}")
    _mark_references(root)
    return (root.text or "") + "".join(etree.tostring(child, encoding="unicode")
                                       for child in root)


def _mark_references(root: etree.Element) -> None:
    """Links to other notes and ¶ references as links without an address (``REF``)."""
    if root.tag == "a":  # a link's words stay as they are
        target = _NOTE_LINK.fullmatch(root.get("href", ""))
        if target is not None:
            del root.attrib["href"]
            root.set(REF, f"note:{target.group(1)}")
        return
    children = list(root)
    _wrap_paragraphs(root, None)
    for child in children:
        _mark_references(child)
        _wrap_paragraphs(root, child)


def _wrap_paragraphs(parent: etree.Element, child: etree.Element | None) -> None:
    """Wrap each ¶ reference in ``parent.text`` (``child`` None) or ``child.tail``."""
    text = parent.text if child is None else child.tail
    matches = list(_PARAGRAPHS.finditer(text or ""))
    if not matches:
        return
    assert text is not None
    position = list(parent).index(child) + 1 if child is not None else 0
    head = text[:matches[0].start()]
    for number, match in enumerate(matches):
        link = etree.Element("a", {REF: f"p{int(match.group(1))}"})
        if match.group(2):
            link.set(REF + "-to", f"p{int(match.group(2))}")
        link.text = match.group(0)
        following = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        link.tail = text[match.end():following]
        parent.insert(position + number, link)
    if child is None:
        parent.text = head
    else:
        child.tail = head


def _backward_ranges(rendered: str) -> list[tuple[str, int, int]]:
    """Each ¶ range written high to low (``¶9–2``): as written, and its two numbers."""
    if not rendered or REF + "-to" not in rendered:
        return []
    found = []
    for element in etree.fromstring(f"<div>{rendered}</div>").iter("a"):
        start, end = element.get(REF), element.get(REF + "-to")
        if start and end and int(end[1:]) < int(start[1:]):
            found.append((element.text or "", int(end[1:]), int(start[1:])))
    return found


def references(rendered: str) -> tuple[str, ...]:
    """What a note's rendered HTML refers to: ``p8`` for each paragraph (both ends of a
    run), ``note:<id>`` for each note, in order."""
    found: list[str] = []
    for element in etree.fromstring(f"<div>{rendered}</div>").iter("a"):
        found += [element.get(name) for name in (REF, REF + "-to") if element.get(name)]
    return tuple(found)


def resolve(rendered: str, address: Callable[[str], str]) -> str:
    """The note's HTML with each reference's address, ``address("p8")`` or
    ``address("note:<id>")``."""
    if REF not in rendered:
        return rendered
    root = etree.fromstring(f"<div>{rendered}</div>")
    for element in root.iter("a"):
        target = element.attrib.pop(REF, None)
        element.attrib.pop(REF + "-to", None)
        if target is not None:
            element.set("href", address(target))
    return (root.text or "") + "".join(etree.tostring(child, encoding="unicode")
                                       for child in root)


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
    first: dict[str, int] = {}
    for index, raw in enumerate(value["notes"]):
        if raw["id"] in first:
            problems.append(Problem(lines.name, lines.line(("notes", index, "id")), (
                f"notes[{index}] '{raw['quote']}': the id '{raw['id']}' is already the id of "
                f"notes[{first[raw['id']]}] (line {lines.line(('notes', first[raw['id']], 'id'))}"
                "); give this note an id of its own (never change a published one).")))
        first.setdefault(raw["id"], index)
    for index, raw in enumerate(value["notes"]):
        label = f"notes[{index}] '{raw['quote']}'"
        text_line = lines.line(("notes", index, "note"))
        try:
            rendered = render_note(raw["note"])
        except ValueError as error:
            problems.append(Problem(lines.name, text_line, f"{label}: the note {error}."))
            rendered = ""
        gloss = plain(raw["gloss"])
        if len(gloss.split()) > GLOSS_WORDS:
            problems.append(Problem(lines.name, lines.line(("notes", index, "gloss")), (
                f"{label}: the gloss has {len(gloss.split())} words; a gloss has at most "
                f"{GLOSS_WORDS} (one sentence, or two short ones, saying what the reader needs "
                "at that line). Shorten it; the full note keeps the rest.")))
        refs = references(rendered) if rendered else ()
        problems += [Problem(lines.name, text_line, (
            f"{label}: the range '{written}' runs backwards; write the lower number first "
            f"(¶{low}–{high})."))
            for written, low, high in _backward_ranges(rendered)]
        for ref in refs:
            if ref.startswith("note:") and ref[5:] not in first:
                problems.append(Problem(lines.name, text_line, (
                    f"{label}: the note links to {ref}, but no note has the id '{ref[5:]}'; "
                    "write the id of an existing note (the 'id' of each note in this file).")))
        notes.append(Note(
            index=index, quote=raw["quote"], before=raw.get("before", ""),
            after=raw.get("after", ""), kind=raw["kind"], text=plain(raw["note"]),
            html=rendered,
            sources=read_sources(raw["sources"], lines, ("notes", index)),
            line=lines.line(("notes", index)),
            events=tuple(raw.get("events", ())), events_line=lines.line(("notes", index, "events")),
            id=raw["id"], text_line=text_line, refs=refs,
            quote_line=lines.line(("notes", index, "quote")), gloss=gloss,
        ))
    if problems:
        raise NotesError(problems, SPEC.title)
    return tuple(notes)
