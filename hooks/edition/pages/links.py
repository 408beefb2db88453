"""Where each entry lives and how generated pages link to it and quote contributors' text.

Links are relative ``.md`` links between source files, which MkDocs checks and resolves.
Contributors' text enters the generated pages as elements' text (see ``inserts``); written
as Markdown elsewhere (a pull request's summary), it goes through :func:`literal`.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from typing import TYPE_CHECKING

from edition.data.glossary import IDENTIFIER_NAMES, Entry, Glossary, Source, identifier_url
from edition.data.references import segments
from edition.pages.inserts import Inline, block, element

if TYPE_CHECKING:
    from edition.data.events import Events

#: The glossary page, where every term is explained.
GLOSSARY = "glossary.md"
#: The characters Python-Markdown lets a backslash escape (``Markdown.ESCAPED_CHARS`` with this
#: site's extensions); escaping any other, such as ``|`` or ``~``, would show the backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")


def literal(text: str) -> str:
    """``text`` as Markdown that renders exactly ``text``: no markup, no HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def actor_page(actor: Entry) -> str:
    """The source path of an actor's page."""
    return f"actors/{actor.id}.md"


def home(entry: Entry) -> str:
    """Where the edition explains ``entry``: its actor page, or its entry on this page."""
    return actor_page(entry) if entry.kind == "actor" else f"{GLOSSARY}#{entry.id}"


def linked(entry: Entry, field: str, page: str, glossary: Glossary) -> list[Inline]:
    """``entry``'s ``field`` ("summary" or "note") as text, each reference to another entry a
    link to where that entry is explained (the load checked that it exists)."""
    text = getattr(entry, field) or ""
    refs = [ref for ref in entry.references if ref.field == field]
    if not refs:
        return [text]
    targets = {(other.kind, other.id): other for other in glossary.entries}
    return [words if ref is None else link(words, link_from(page, home(targets[ref.kind, ref.id])))
            for words, ref in segments(text, refs)]


def link(text: str, href: str) -> etree.Element:
    """A link with ``text``: a relative ``.md`` link MkDocs checks, an anchor, or a URL."""
    return element("a", text, href=href)


def lead_in(text: str) -> list[Inline]:
    """"**Sources:** ": the bold label a line of links begins with."""
    return [element("strong", text), " "]


def joined(parts: Iterable[list[Inline]], between: str) -> list[Inline]:
    """``parts`` run together, ``between`` each two."""
    out: list[Inline] = []
    for index, part in enumerate(parts):
        out += ([between] if index else []) + part
    return out


@functools.lru_cache(maxsize=65536)  # the same few thousand pairs, page after page
def link_from(page: str, target: str) -> str:
    """A relative ``.md`` link from the source file ``page`` to ``target`` (src path#anchor)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def names_line(entry_names: list[Entry], page: str) -> list[Inline]:
    """"Names: Iran, Russia": the entries named inside a phrase, each linked to its home."""
    return lead_in("Names:") + joined(
        ([link(named.name, link_from(page, home(named)))] for named in entry_names), ", ")


def sources_line(sources: tuple[Source, ...]) -> list[Inline]:
    """Sources as one line of links."""
    return lead_in("Sources:") + joined(([link(s.title, s.url)] for s in sources), " · ")


def identifiers_line(identifiers: tuple[tuple[str, str], ...]) -> list[Inline] | None:
    """Authority records (an entry's or a site's) as one line of links, or None."""
    if not identifiers:
        return None
    return lead_in("Identifiers:") + joined(
        ([link(f"{IDENTIFIER_NAMES[scheme]} {value}", identifier_url(scheme, value))]
         for scheme, value in identifiers), " · ")


# ---- What an entry or note dates, linked to the timeline -------------------


def dated_line(events: Events | None, ids: tuple[str, ...], page: str) -> list[etree.Element]:
    """"On the timeline: 14 July 2015: …", each date linked to its event (a block, or none)."""
    # Here, not above: the annotation extension links to entries (home) and needs no events.
    from edition.text import event_links

    dated = event_links.records(events, ids) if events is not None else []
    if not dated:
        return []
    items = joined(([link(event.date.label, link_from(page, event_links.target(event))),
                     f": {event.description}"] for event in dated), "; ")
    # Out of search: each event is found once, in the timeline's list.
    return [block("p", *lead_in("On the timeline:"), *items, class_=event_links.CLASS,
                  **{"data-search-exclude": None})]
