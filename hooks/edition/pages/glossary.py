"""The glossary page, as elements built from the glossary and its occurrences.

Contributors' text is the elements' text, which the serialiser escapes, so it is always
shown literally; the page's own links are ``.md`` links that MkDocs checks
(:mod:`edition.pages.links`).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from edition.data.events import Events
from edition.data.glossary import Entry, Glossary
from edition.index.occurrences import OccurrenceIndex
from edition.pages.inserts import SEARCH_EXCLUDE, block, element
from edition.pages.links import (
    GLOSSARY,
    actor_page,
    dated_line,
    identifiers_line,
    lead_in,
    link,
    link_from,
    linked,
    names_line,
    sources_line,
)
from edition.text.places import Place

PAGE = GLOSSARY

CATEGORY_NAMES = {
    "treaty": "Treaty or agreement",
    "institution": "Institution",
    "event": "Event",
    "place": "Place",
    "term": "Term",
    "phrase": "Phrase",
}


def _sort_key(entry: Entry) -> str:
    return re.sub(r"^[^\w]+", "", entry.name).casefold()


def initial(entry: Entry) -> str:
    """The letter an entry is filed under in the glossary's A–Z: its sorted name's first
    letter without accents, "0–9" for a name that starts with a digit."""
    key = _sort_key(entry)
    first = unicodedata.normalize("NFKD", key[:1])[:1].upper() if key else ""
    if first.isdigit():
        return "0–9"
    return first if first.isalpha() else "#"


def jump_list(entries: list[Entry]) -> etree.Element:
    """The glossary's A–Z: each letter that begins an entry, a link to its first entry."""
    nav = etree.Element("nav", {"class": "ed-az not-annotatable",
                                "aria-label": "Glossary entries by letter", **SEARCH_EXCLUDE})
    nav.tail = "\n"
    items = etree.SubElement(nav, "ul")
    seen: set[str] = set()
    for entry in entries:
        letter = initial(entry)
        if letter in seen:
            continue
        seen.add(letter)
        link = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{entry.id}"})
        link.text = letter
    return nav


def render(
    glossary: Glossary, occurrences: OccurrenceIndex, page: str = PAGE,
    events: Events | None = None,
) -> list[etree.Element]:
    """The glossary page at ``page``, as the elements of its body."""
    entries = sorted(glossary.terms, key=_sort_key)
    out = [
        block("h1", "Glossary", class_="ed-heading"),
        block("p", "The editor's glossary", class_="ed-rubric"),
        block("p", f"{len(entries)} terms, treaties, institutions, events, places and phrases "
              "of the essay, explained. In the essay each is a link: hover over it, focus it "
              "with the Tab key or tap it to read the definition, and follow it to come here. ",
              element("em", "Where it appears"),
              " links back to every paragraph that uses the term.", class_="ed-summary"),
        jump_list(entries),
    ]
    for entry in entries:
        out += _entry(entry, occurrences, page, glossary)
        out += dated_line(events, entry.events, page)
    return out


def _entry(
    entry: Entry, occurrences: OccurrenceIndex, page: str, glossary: Glossary
) -> list[etree.Element]:
    actor = glossary.actor_for(entry)
    out = [block("h2", entry.name, id=entry.id)]
    meta = CATEGORY_NAMES.get(entry.category, entry.category)
    if entry.aliases:
        meta += " · in the text also as " + ", ".join(f"“{a}”" for a in entry.aliases)
    if entry.variants:  # shown, and so searchable, under every spelling
        meta += " · also spelled " + ", ".join(f"“{v}”" for v in entry.variants)
    out += [block("p", meta, class_="ed-gl-meta"),
            block("p", *linked(entry, "summary", page, glossary), class_="ed-gl-definition")]
    if entry.note:
        out.append(block("p", *linked(entry, "note", page, glossary), class_="ed-gl-note"))
    out.append(block("p", *sources_line(entry.sources), class_="ed-gl-sources"))
    identifiers = identifiers_line(entry.identifiers)
    if identifiers:
        out.append(block("p", *identifiers, class_="ed-gl-sources ed-identifiers"))
    if actor is not None:
        out.append(block("p", *lead_in("Actor:"),
                         link(actor.name, link_from(page, actor_page(actor))),
                         ", with every mention in context", class_="ed-gl-actor"))
    named = [e for e in occurrences.names(entry) if e != actor]
    if named:
        out.append(block("p", *names_line(named, page), class_="ed-gl-names"))
    places = occurrences.places(entry)
    if places:
        out.append(where_line(places, page))
    return out


def where_line(places: list[tuple[Place, int]], page: str) -> etree.Element:
    """"Where it appears": a link to each passage, with how often when more than once.

    Built as elements, not Markdown (see ``inserts``): a common term has hundreds. Left out
    of the search index: a list of places, not words a reader looks for.
    """
    line = element("p", None, "\n", class_="ed-gl-where", **SEARCH_EXCLUDE)
    line.append(element("strong", "Where it appears:", " "))
    for index, (place, count) in enumerate(places):
        tail = (f" (×{count})" if count > 1 else "") + (", " if index < len(places) - 1 else "")
        line.append(element("a", place.label, tail, href=link_from(page, place.target)))
    return line
