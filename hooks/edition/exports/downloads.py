"""The exports as files: their content, and the home page's list of them.

The list is built as elements (the serialiser escapes every text) with sizes measured
from the bytes the build writes, so it cannot say something the files do not hold. Each
file is written to disk as it is made: a large edition's exports are tens of
megabytes, which a build would otherwise hold in memory until its end.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from edition.exports import annotations, tei
from edition.exports.record import Record
from edition.text.paragraphs import PARAGRAPH_ID

#: The id of the home page's section that lists the downloads.
SECTION_ID = "downloads"
SECTION_TITLE = "Downloads"
#: The files' paths in the site, known before the build renders anything.
PATHS = (annotations.PATH, tei.PATH)
#: The page that lists them.
HOME = "index.md"


@dataclass(frozen=True)
class Export:
    """One file the site publishes beside its pages."""

    path: str
    media_type: str
    format: str
    title: str
    holds: str
    #: Where the build wrote the file, and how many bytes it holds.
    written: Path
    length: int

    @property
    def size(self) -> str:
        """The file's size as a reader reads it: "850 bytes", "12.3 kB", "1.2 MB"."""
        return human_size(self.length)


def human_size(size: int) -> str:
    """``size`` bytes in decimal units, to one decimal place above a kilobyte."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _write(directory: Path, path: str, write: Callable[[Record, BinaryIO], None],
           record: Record) -> tuple[Path, int]:
    """``write`` the export ``path`` of ``record`` into ``directory``: its file and length."""
    target = directory / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        write(record, out)
        return target, out.tell()


def exports(record: Record, directory: Path) -> list[Export]:
    """The Web Annotation collection and the TEI document of one build, written into
    ``directory`` under their paths in the site."""
    notes, spans = len(record.anchors), len(record.spans())
    actors = sum(1 for e in record.mentioned() if e.kind == "actor")
    terms = sum(1 for e in record.mentioned() if e.kind == "term")
    paragraphs = sum(1 for _, block, _ in record.blocks if PARAGRAPH_ID.fullmatch(block))
    return [
        Export(
            annotations.PATH, annotations.MEDIA_TYPE, "W3C Web Annotation, JSON-LD",
            "The editor's notes and every mention as W3C Web Annotations (JSON-LD)",
            f"The {notes} editor's notes and the {spans} mentions of {terms} glossary "
            f"terms and {actors} actors, each anchored to its page by quotation",
            *_write(directory, annotations.PATH, annotations.write, record),
        ),
        Export(
            tei.PATH, tei.MEDIA_TYPE, "TEI P5 XML",
            "The whole edition as one TEI P5 document",
            f"The essay's text, word for word, with its {paragraphs} numbered paragraphs and "
            f"the {spans} mentions marked, the {notes} notes tied to their words, the "
            "glossary, the lists of persons, places and organisations"
            + (f", and the {len(record.events)} dated events" if record.events else ""),
            *_write(directory, tei.PATH, tei.write, record),
        ),
    ]


def section(files: list[Export], href: Callable[[Export], str]) -> list[etree.Element]:
    """The home page's "Downloads" section: a heading, a sentence and a table of files."""
    heading = etree.Element("h2", {"id": SECTION_ID})
    heading.text = SECTION_TITLE
    intro = etree.Element("p")
    intro.text = ("The edition's data in two standards that scholars reuse, made from the "
                  "same files as these pages in the same build: the annotations for tools that "
                  "read W3C Web Annotations (such as Hypothesis or Recogito), the TEI document "
                  "for TEI Publisher or any XML editor.")
    table = etree.Element("table")  # no class: Material styles only unclassed tables
    head_row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in ("File", "Format", "Size", "What it holds"):
        etree.SubElement(head_row, "th", {"scope": "col"}).text = label
    body = etree.SubElement(table, "tbody")
    for export in files:
        row = etree.SubElement(body, "tr")
        link = etree.SubElement(etree.SubElement(row, "td"), "a",
                                {"href": href(export), "type": export.media_type})
        link.text = export.path
        etree.SubElement(row, "td").text = export.format
        etree.SubElement(row, "td").text = export.size
        etree.SubElement(row, "td").text = export.holds
    return [heading, intro, table]


def section_html(files: list[Export], href: Callable[[Export], str]) -> str:
    """:func:`section` serialised as HTML."""
    return "\n".join(etree.tostring(e, encoding="unicode", method="html")
                     for e in section(files, href))
