"""Sources at plain ``http://`` addresses (issue 25): a warning, so ``--strict`` fails, with
the ``https`` address to write instead."""

from __future__ import annotations

from collections.abc import Iterable

from edition.data.datafile import Problem
from edition.data.events import Events
from edition.data.glossary import Glossary, Source
from edition.data.notes import Note


def _insecure(file: str, line: int, label: str, sources: Iterable[Source]) -> list[Problem]:
    return [Problem(file, line, (
        f"{label}: the source '{source.title}' is at {source.url}, an unencrypted http:// "
        f"address; write https://{source.url[len('http://'):]} if the site answers there."
    )) for source in sources if source.url.lower().startswith("http://")]


def http_sources(glossary: Glossary, notes: Iterable[Note], notes_file: str,
                 events: Events) -> list[Problem]:
    """Every source of every entry, note and event that is at an ``http://`` address."""
    problems = []
    for entry in glossary.entries:
        problems += _insecure(glossary.file, entry.line, f"{entry.kind} '{entry.name}'",
                              entry.sources)
    for note in notes:
        problems += _insecure(notes_file, note.line, note.label, note.sources)
    for event in events:
        problems += _insecure(events.file, event.line, f"event '{event.id}'", event.sources)
    return problems
