"""Sources at plain ``http://`` addresses: a warning, so ``--strict`` fails, with
the ``https`` address to write instead.

A source whose site has no ``https`` address says so, in the data file, under its ``url``::

    - title: "A page"
      url: "http://example.org/page"
      http_only: "The site answers only on http (checked 2026-12-02)."

That marker, and only that, lets an ``http://`` address pass; on an ``https://`` address it is
a warning too (it no longer says anything true). The schemas of the three files know it.
"""

from __future__ import annotations

from collections.abc import Iterable

from edition.data.datafile import Problem
from edition.data.events import Events
from edition.data.glossary import Glossary, Source
from edition.data.notes import Note

#: The key that keeps an ``http://`` address, as the data files and schemas spell it.
MARKER = "http_only"


def _insecure(file: str, line: int, label: str, sources: Iterable[Source]) -> list[Problem]:
    problems = []
    for source in sources:
        where = source.line or line
        plain_http = source.url.lower().startswith("http://")
        if plain_http and not source.http_only:
            problems.append(Problem(file, where, (
                f"{label}: the source '{source.title}' is at {source.url}, an unencrypted "
                f"http:// address; write https://{source.url[len('http://'):]} if the site "
                f"serves the same page there. If it has no https address, keep the http one "
                f"and say why under the url: '{MARKER}: \"<why, and when you checked>\"'."
            )))
        elif source.http_only and not plain_http:
            problems.append(Problem(file, where, (
                f"{label}: the source '{source.title}' is at {source.url}, an https address, "
                f"but says '{MARKER}'; remove '{MARKER}' (it is only for a site that has no "
                "https address)."
            )))
    return problems


def http_sources(glossary: Glossary, notes: Iterable[Note], notes_file: str,
                 events: Events) -> list[Problem]:
    """Every source of every entry, note and event at an ``http://`` address that does not
    say why, and every ``http_only`` marker on an ``https://`` address."""
    problems = []
    for entry in glossary.entries:
        problems += _insecure(glossary.file, entry.line, f"{entry.kind} '{entry.name}'",
                              entry.sources)
    for note in notes:
        problems += _insecure(notes_file, note.line, note.label, note.sources)
    for event in events:
        problems += _insecure(events.file, event.line, f"event '{event.id}'", event.sources)
    return problems
