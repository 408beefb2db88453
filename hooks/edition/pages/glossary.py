"""The glossary page, as Markdown generated from the glossary and its occurrences.

Contributors' text is escaped for Markdown and HTML, so it is always shown
literally; the page's own links are ``.md`` links that MkDocs checks
(:mod:`edition.pages.links`).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from edition.data.events import Events
from edition.data.glossary import Entry, Glossary
from edition.index.occurrences import OccurrenceIndex
from edition.pages.inserts import SEARCH_EXCLUDE, Insert, element
from edition.pages.links import (
    GLOSSARY,
    actor_page,
    dated_line,
    identifiers_line,
    link_from,
    linked,
    literal,
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
    glossary: Glossary, occurrences: OccurrenceIndex, insert: Insert, page: str = PAGE,
    events: Events | None = None,
) -> str:
    """The Markdown of the glossary page at ``page``; ``insert`` puts built elements in it."""
    entries = sorted(glossary.terms, key=_sort_key)
    out = [
        "# Glossary { .ed-heading }",
        "",
        "The editor's glossary",
        "{ .ed-rubric }",
        "",
        f"{len(entries)} terms, treaties, institutions, events, places and phrases of the essay, "
        "explained. In the essay each is a link: hover over it, focus it with the Tab key or tap "
        "it to read the definition, and follow it to come here. *Where it appears* links back "
        "to every paragraph that uses the term.",
        "{ .ed-summary }",
        "",
        insert([jump_list(entries)]),
        "",
    ]
    for entry in entries:
        out += _entry(entry, occurrences, insert, page, glossary)
        out += dated_line(events, entry.events, page)
    return "\n".join(out)


def _entry(
    entry: Entry, occurrences: OccurrenceIndex, insert: Insert, page: str, glossary: Glossary
) -> list[str]:
    actor = glossary.actor_for(entry)
    lines = [f"## {literal(entry.name)} {{ #{entry.id} }}", ""]
    meta = CATEGORY_NAMES.get(entry.category, literal(entry.category))
    if entry.aliases:
        meta += " · in the text also as " + ", ".join(f"“{literal(a)}”" for a in entry.aliases)
    if entry.variants:  # shown, and so searchable, under every spelling
        meta += " · also spelled " + ", ".join(f"“{literal(v)}”" for v in entry.variants)
    lines += [meta, "{ .ed-gl-meta }", "", linked(entry, "summary", page, glossary),
              "{ .ed-gl-definition }", ""]
    if entry.note:
        lines += [linked(entry, "note", page, glossary), "{ .ed-gl-note }", ""]
    lines += [sources_line(entry.sources), "{ .ed-gl-sources }", ""]
    if identifiers_line(entry):
        lines += [identifiers_line(entry), "{ .ed-gl-sources .ed-identifiers }", ""]
    if actor is not None:
        link = link_from(page, actor_page(actor))
        lines += [f"**Actor:** [{literal(actor.name)}]({link}), with every mention in context",
                  "{ .ed-gl-actor }", ""]
    named = [e for e in occurrences.names(entry) if e != actor]
    if named:
        lines += [names_line(named, page), "{ .ed-gl-names }", ""]
    places = occurrences.places(entry)
    if places:
        lines += [insert([where_line(places, page)]), ""]
    return lines


def where_line(places: list[tuple[Place, int]], page: str) -> etree.Element:
    """"Where it appears": a link to each passage, with how often when more than once.

    Built as elements, not Markdown (see ``inserts``): a common term has hundreds. Left out
    of the search index: a list of places, not words a reader looks for.
    """
    line = element("p", class_="ed-gl-where", **SEARCH_EXCLUDE)
    line.append(element("strong", "Where it appears:", " "))
    for index, (place, count) in enumerate(places):
        tail = (f" (×{count})" if count > 1 else "") + (", " if index < len(places) - 1 else "")
        line.append(element("a", place.label, tail, href=link_from(page, place.target)))
    return line
