"""A note's or an entry's dated events, as shown beside it: each date linked to the timeline.

One small element, kept apart from the note marks and the generated pages so that each can
add it without knowing the other: in the endnotes (and so in the note opened in place, which
shows the endnote), on the notes page, on the glossary page and on actor pages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from edition.data.events import Event, Events

#: The timeline page (``edition.pages.timeline.PAGE``) and the anchor of each event on it.
TIMELINE = "timeline.md"
CLASS = "ed-events"


def target(event: Event) -> str:
    """The event on the timeline, as a source path and anchor."""
    return f"{TIMELINE}#event-{event.id}"


def href(event: Event, page: str) -> str:
    """A relative ``.md`` link from the source file ``page`` to ``event`` on the timeline."""
    return posixpath.relpath(TIMELINE, posixpath.dirname(page) or ".") + f"#event-{event.id}"


def records(events: Events, ids: Iterable[str]) -> list[Event]:
    """The events with these ids, in the order named (unknown ids are the data stage's error)."""
    return [event for event in map(events.get, ids) if event is not None]


def element(dated: list[Event], page: str) -> etree.Element | None:
    """``<p class="ed-events">Dated: <a>14 July 2015</a>: the JCPOA is agreed …</p>``, or None."""
    if not dated:
        return None
    # Out of search: each event is found once, in the timeline's list (Material's attribute).
    line = etree.Element("p", {"class": CLASS, "data-search-exclude": ""})
    strong = etree.SubElement(line, "strong")
    strong.text = "On the timeline:"
    strong.tail = " "
    for index, event in enumerate(dated):
        link = etree.SubElement(line, "a", {"href": href(event, page)})
        link.text = event.date.label
        link.tail = f": {event.description}" + ("; " if index < len(dated) - 1 else "")
    return line
