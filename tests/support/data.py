"""The data files as written, read with plain YAML: expected values that bypass the loader.

Tests take what they expect from here rather than from ``edition.data``, so that a fault in
the loader cannot make the expectation and the output agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from support.build import ROOT

#: One sound glossary term, as the lines of a ``terms:`` list (lines 2 to 8 of its file).
GOOD_ENTRY = """\
  - term: JCPOA
    aliases: [Joint Comprehensive Plan of Action]
    category: treaty
    definition: The nuclear agreement of 14 July 2015.
    sources:
      - title: A source
        url: https://example.org/jcpoa
"""


@dataclass(frozen=True)
class RawEntry:
    """A glossary entry as ``glossary.yml`` spells it out."""

    kind: str
    id: str
    name: str
    summary: str
    urls: tuple[str, ...]
    raw: dict[str, Any]


def plain(text: str) -> str:
    """Folded YAML text as it reads: runs of white space as one space."""
    return " ".join(text.split())


#: A glossary entry's link to another entry, ``[words](term:<id>)`` or ``(actor:<id>)``.
ENTRY_LINK = re.compile(r"\[([^\[\]]+)\]\((?:term|actor):[A-Za-z0-9-]+\)")


def as_read(text: str) -> str:
    """A glossary entry's text as a reader reads it: plain, each link to another entry
    reduced to its words."""
    return ENTRY_LINK.sub(lambda m: " ".join(m.group(1).split()), plain(text))


#: Where the first sentence of an entry's definition ends: a full stop after a word of two
#: letters or digits at least (not "c." or the "W." of "George W. Bush"), a space, a capital.
_FIRST_END = re.compile(r"(?<=[a-z0-9)]{2}[.?!]) (?=[A-Z])")


def first_sentence(text: str) -> str:
    """The first sentence of an entry's definition as it reads: what the entry is."""
    return _FIRST_END.split(as_read(text), maxsplit=1)[0]


def slug(text: str) -> str:
    """An entry's default id: its name in ASCII lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def raw_entries(path: Path = ROOT / "glossary.yml") -> list[RawEntry]:
    """Every term, then every actor, of the glossary file at ``path``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for kind, key, name_key, summary_key in (("term", "terms", "term", "definition"),
                                              ("actor", "actors", "name", "description")):
        for raw in data.get(key) or []:
            found.append(RawEntry(
                kind, raw.get("id") or slug(raw[name_key]), raw[name_key],
                as_read(raw[summary_key]), tuple(s["url"] for s in raw["sources"]), raw,
            ))
    return found

#: The address of a record in each authority file, as the files publish them (the
#: GeoNames semantic-web URI, the Wikidata entity URI), for the identifier tests.
RECORDS = {"wikidata": "http://www.wikidata.org/entity/{}",
           "geonames": "https://sws.geonames.org/{}/",
           "viaf": "https://viaf.org/viaf/{}"}


#: The end of a sentence as a reader finds it: ., ! or ? (and a closing quotation mark or
#: bracket) before a space and a capital, a digit or an opening quotation mark.
_SENTENCE = re.compile("[.!?]['\"\u2019\u201d)]*(?=\\s+['\"\u2018\u201c(]?[A-Z0-9])")
#: Words ending in a full stop that ends no sentence in the notes (initials, e.g., St.).
_NOT_AN_END = re.compile(r"(?:^|\s)(?:[A-Z]|e\.g|i\.e|c|cf|St|Mr|Dr|No|pp?)\.$")


def markdown_words(text: str) -> str:
    """What a reader reads of a note's Markdown: its words, without the markup, on one line."""
    import markdown
    from bs4 import BeautifulSoup

    return plain(BeautifulSoup(markdown.markdown(text), "html.parser").get_text())


def margin_forms(path: Path = ROOT / "notes.yml") -> dict[str, str]:
    """Each note's short form for the margin, by id, as notes.yml has it: its ``gloss``
    where it has one, else its text's first sentence."""
    found = {}
    for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]:
        if raw.get("gloss"):  # plain text, no Markdown
            found[raw["id"]] = plain(raw["gloss"])
            continue
        text = markdown_words(raw["note"])
        end = next((m for m in _SENTENCE.finditer(text)
                    if not _NOT_AN_END.search(text[:m.start() + 1])), None)
        found[raw["id"]] = text if end is None else text[:end.end()]
    return found


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its ``!ENV`` tags read as the list they hold."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def edition_options(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """``extra.edition`` of a ``mkdocs.yml``, as written."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return config["extra"]["edition"]


def map_view() -> tuple[float, float, float, float]:
    """The region the edition's map draws, west, south, east, north, as mkdocs.yml names it."""
    west, south, east, north = edition_options()["map"]["region"]
    return (float(west), float(south), float(east), float(north))
