"""The dated events (``events.yml``): each event recorded once, referred to by its id.

Notes, terms and actors name the events they concern (``events: [jcpoa-agreed]``); the
timeline lists each event once, with everything that refers to it. Reading and the
structure, checked against ``events.schema.json``, are :mod:`edition.data.datafile`'s job;
here are the rules a schema cannot state: real dates, unique ids, references to known
events, and no event recorded twice.

**The same event twice.** Two records are taken to describe the same event when their dates
overlap (equal, or one inside the other: ``2015-07`` contains ``2015-07-14``) and their
descriptions share most of their distinctive words: at least two, and at least 60 per cent
of those of the shorter description. Distinctive words are the description's words folded
to lower-case ASCII, without function words ("the", "of", "is", ...) and with common English
endings cut ("striking" and "strike" are one word). A rewording of one event keeps most of
its words ("The JCPOA is agreed in Vienna", "The JCPOA (Iran nuclear deal) is agreed in
Vienna"); two events of one day share at most their setting ("Russia launches its
full-scale invasion of Ukraine", "Putin names the 'denazification' of Ukraine as an aim of
the invasion" share two of six).
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.data import datafile
from edition.data.datafile import DataFileError, LineMap, Problem, Spec, plain
from edition.data.dates import EventDate, parse_date
from edition.data.glossary import Glossary, Source, read_sources
from edition.data.notes import Note

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "events.schema.json"
SPEC = Spec(SCHEMA_FILE, {"events": "id"}, "the events")
#: Raised for unusable events or references: ``problems`` says why, one line each.
EventsError = DataFileError

#: Two descriptions on overlapping dates are one event from this share of the shorter one's
#: distinctive words (and at least ``MIN_SHARED`` of them).
SAME_EVENT_SHARE = 0.6
MIN_SHARED = 2
_FUNCTION_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "after", "be", "before", "between", "by", "for",
    "from", "has", "have", "in", "into", "is", "its", "it", "of", "off", "on", "or", "out",
    "over", "s", "than", "that", "the", "their", "then", "this", "to", "under", "up", "was",
    "were", "which", "while", "with",
))
_ENDINGS = ("ing", "ed", "es", "s", "e")


@dataclass(frozen=True)
class Event:
    """One dated event: when, what, on what authority, and where it is recorded."""

    id: str
    date: EventDate
    description: str
    sources: tuple[Source, ...]
    line: int


@dataclass(frozen=True)
class Events:
    """The validated contents of ``events.yml``, in chronological order."""

    file: str
    records: tuple[Event, ...]

    def __iter__(self) -> Iterator[Event]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def get(self, event_id: str) -> Event | None:
        """The event with id ``event_id``, if there is one."""
        return next((event for event in self.records if event.id == event_id), None)


@dataclass(frozen=True)
class Reference:
    """A note or glossary entry naming events: who it is and where it names them."""

    label: str
    file: str
    line: int
    events: tuple[str, ...]


def load(path: Path, display_name: str | None = None) -> Events:
    """Read and validate the events at ``path``; raise :class:`EventsError` if unsound."""
    return _events(*datafile.read(path, SPEC, display_name))


def parse(data: bytes, name: str = "events.yml") -> Events:
    """Validate the bytes of an events file named ``name``."""
    return _events(*datafile.parse(data, SPEC, name))


def references(
    glossary: Glossary, notes: Iterable[Note], notes_file: str = "notes.yml"
) -> list[Reference]:
    """Every glossary entry and note that names events, in file order."""
    found = [Reference(f"{entry.kind} '{entry.name}'", glossary.file, entry.events_line,
                       entry.events) for entry in glossary.entries if entry.events]
    found += [Reference(note.label, notes_file, note.events_line, note.events)
              for note in notes if note.events]
    return found


#: How alike a wrong id and an event's id must be (difflib's ratio) to be offered as a slip.
TYPO_CUTOFF = 0.8


def check_references(events: Events, refs: Iterable[Reference]) -> None:
    """Raise :class:`EventsError` naming every reference to an event ``events`` lacks."""
    known = [event.id for event in events]
    problems = []
    for ref in refs:
        for event_id in ref.events:
            if events.get(event_id) is None:
                # Only a slip of the keys is a guess: an id deleted or renamed is not near
                # one that happens to share its first words ("treaty-of-...").
                guess = difflib.get_close_matches(event_id, known, n=1, cutoff=TYPO_CUTOFF)
                hint = f" Did you mean '{guess[0]}'?" if guess else (
                    f" No event has that id (was it deleted or renamed?): add the event to "
                    f"{events.file}, or remove the id from 'events'.")
                problems.append(Problem(
                    ref.file, ref.line,
                    f"{ref.label}: 'events' names '{event_id}', which is no event in "
                    f"{events.file}.{hint}",
                ))
    if problems:
        raise EventsError(problems, SPEC.title)


def unused(events: Events, refs: Iterable[Reference]) -> list[Problem]:
    """An event no note or entry refers to: it would stand on the timeline unexplained."""
    used = {event_id for ref in refs for event_id in ref.events}
    return [Problem(events.file, event.line, f"the event '{event.id}' is referred to by no "
                    "note, term or actor; add its id to the 'events' of what concerns it, or "
                    "remove it.") for event in events if event.id not in used]


def distinctive_words(text: str) -> frozenset[str]:
    """The words that tell one description from another (see the module's docstring)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return frozenset(_stem(word) for word in re.findall(r"[a-z0-9]+", ascii_text)
                     if word not in _FUNCTION_WORDS)


def same_event(first: Event, second: Event) -> bool:
    """Whether two records describe one event: overlapping dates, mostly the same words."""
    if not (_within(first.date, second.date) or _within(second.date, first.date)):
        return False
    a, b = distinctive_words(first.description), distinctive_words(second.description)
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= SAME_EVENT_SHARE * min(len(a), len(b))


# ---- Records ----------------------------------------------------------------------


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _within(inner: EventDate, outer: EventDate) -> bool:
    """Whether ``inner`` falls within ``outer`` (a day within its month or year, or equal)."""
    return inner.year == outer.year and outer.month in (0, inner.month) and (
        outer.day in (0, inner.day))


def _events(value: dict[str, Any], lines: LineMap) -> Events:
    name = lines.name
    records: list[Event] = []
    problems: list[Problem] = []
    for index, raw in enumerate(value["events"]):
        label = f"events[{index}] '{raw['id']}'"
        try:
            date = parse_date(raw["date"])
        except ValueError as error:
            problems.append(Problem(name, lines.line(("events", index, "date")),
                                    f"{label}: {error}."))
            continue
        # An event cannot have happened after the day of the build.
        today = datetime.date.today()
        earliest = (date.year, date.month or 1, date.day or 1)
        if earliest > (today.year, today.month, today.day):
            problems.append(Problem(name, lines.line(("events", index, "date")), (
                f"{label}: the date {date.iso} is after today ({today.isoformat()}); an event "
                "is recorded once it has happened. Check the year."
            )))
            continue
        records.append(Event(
            id=raw["id"], date=date, description=plain(raw["description"]),
            sources=read_sources(raw["sources"], lines, ("events", index)),
            line=lines.line(("events", index)),
        ))
    problems += _duplicates(records, name)
    if problems:
        raise EventsError(sorted(problems, key=lambda problem: problem.line), SPEC.title)
    return Events(name, tuple(sorted(records, key=lambda event: (event.date, event.line))))


def _duplicates(records: list[Event], name: str) -> list[Problem]:
    problems = []
    for index, event in enumerate(records):
        for earlier in records[:index]:
            if earlier.id == event.id:
                problems.append(Problem(
                    name, event.line, f"the event id '{event.id}' is also the id of the event "
                    f"at {name}:{earlier.line}; give each event its own id.",
                ))
            elif same_event(earlier, event):
                when = "the same date" if earlier.date == event.date else "overlapping dates"
                shared = sorted(distinctive_words(earlier.description)
                                & distinctive_words(event.description))
                problems.append(Problem(
                    name, event.line,
                    f"the event '{event.id}' ({event.date.label}: '{event.description}') seems "
                    f"to be the event '{earlier.id}' at {name}:{earlier.line} "
                    f"({earlier.date.label}: '{earlier.description}'): {when}, mostly the "
                    f"same words ({', '.join(shared)}). Record an event once: keep one record, "
                    "with the better wording and the sources of both, and refer to its id; if "
                    "they are two events, word each so that what differs shows.",
                ))
    return problems
