"""The work the edition presents, as first published: ``work.yml``, checked.

Nothing about the text is in the code: its author, title, where and when it first appeared,
its address, its language and the rights in it are data, read here and cited by the reader's
tools, the colophon and the exports. Every problem is reported with its line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from edition.data import datafile
from edition.data.datafile import DataFileError, LineMap, Problem, Spec

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "work.schema.json"
SPEC = Spec(SCHEMA_FILE, {"work": "title"}, "the work's record")


@dataclass(frozen=True)
class Work:
    """What a citation of the work names: author, title, where and when it appeared."""

    family: str
    given: str
    title: str
    container: str
    year: int
    month: int
    day: int
    original_url: str
    #: How a citation describes the text it points to (this edition, not the original).
    medium: str = "annotated digital edition"
    language: str = "en"
    #: What the text is, as the colophon names it ("essay").
    kind: str = "essay"
    #: Who holds the rights in the text, and what the edition may do with it.
    rights: str = ""

    @property
    def author(self) -> str:
        """The author's name as written: given name first."""
        return f"{self.given} {self.family}"

    @property
    def iso_date(self) -> str:
        """The publication date as YYYY-MM-DD."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def load(path: Path, display_name: str | None = None) -> Work:
    """The work recorded in the file at ``path``; raises :class:`DataFileError`."""
    return _work(*datafile.read(path, SPEC, display_name))


def parse(data: bytes, name: str = "work.yml") -> Work:
    """The work recorded in ``data`` (the bytes of ``work.yml``)."""
    return _work(*datafile.parse(data, SPEC, name))


def _work(value: dict, lines: LineMap) -> Work:
    record = value["work"]
    try:
        published = datetime.date.fromisoformat(record["published"])
    except ValueError:
        raise DataFileError([Problem(lines.name, lines.line(("work", "published")),
                                     f"'published' is {record['published']!r}, not a date: "
                                     "write it YYYY-MM-DD, in quotes.")],
                            SPEC.title) from None
    return Work(
        family=record["author"]["family"].strip(), given=record["author"]["given"].strip(),
        title=" ".join(record["title"].split()), container=record["published_in"].strip(),
        year=published.year, month=published.month, day=published.day,
        original_url=record["url"], language=record["language"],
        kind=record.get("kind", "essay"), rights=" ".join(record["rights"].split()),
    )
