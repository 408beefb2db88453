"""The timeline page: every dated event of the notes, glossary and actors, in order.

Grouped by era, with a static SVG overview (no scripts) whose points link to the events.
The axis is broken at 1990: two centuries before it are drawn narrow, the three decades
the essay dwells on wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from edition.data.dates import EventDate
from edition.data.glossary import Glossary
from edition.index.occurrences import OccurrenceIndex
from edition.pages import notes as notes_page
from edition.pages.links import home, link_from, literal
from edition.text.anchoring import Anchor, reading_order
from edition.text.places import Place

PAGE = "timeline.md"
#: (first year, last year, title) of the editor's eras.
ERAS = (
    (1500, 1990, "Empires, revolutions and the Soviet Union"),
    (1991, 1999, "After the Soviet collapse: the 1990s"),
    (2000, 2012, "Putin and Ahmadinejad: the 2000s"),
    (2013, 2020, "The nuclear deal and after"),
    (2021, 2100, "The Raisi era and the war in Ukraine"),
)
WIDTH, LEFT, RIGHT, BREAK, LANE = 800, 30, 780, 1990, 10
SPAN = (1820, 2025)


@dataclass(frozen=True)
class Event:
    """A dated event and the links to where the edition discusses it."""

    date: EventDate
    text: str
    links: tuple[tuple[str, str], ...]  # (label, target as source path#anchor)


def events(
    anchors: list[Anchor], glossary: Glossary, occurrences: OccurrenceIndex
) -> list[Event]:
    """Every dated event, in chronological order (coarse dates before finer ones)."""
    found: list[Event] = []
    for number, anchor in enumerate(reading_order(anchors), start=1):
        note = anchor.note
        if note.date and note.event:
            place = Place(anchor.page, anchor.block)
            found.append(Event(note.date, note.event, (
                (place.label, place.target), ("editor's note", f"{notes_page.PAGE}#note-{number}"),
            )))
    for entry in glossary.entries:
        if entry.date and entry.event:
            own = (entry.name, home(entry))
            places = tuple((p.label, p.target) for p, _ in occurrences.places(entry)[:3])
            found.append(Event(entry.date, entry.event, (own, *places)))
    return _merged(sorted(found, key=lambda e: (e.date, e.text)))


def _merged(found: list[Event]) -> list[Event]:
    """One event for each date and text, with the links of every source that gives it."""
    merged: list[Event] = []
    for event in found:
        if merged and (merged[-1].date, merged[-1].text) == (event.date, event.text):
            new = tuple(link for link in event.links if link not in merged[-1].links)
            links = merged[-1].links + new
            merged[-1] = Event(event.date, event.text, links)
        else:
            merged.append(event)
    return merged


def _x(date: EventDate) -> float:
    year = date.year + (max(date.month, 1) - 1) / 12 + (max(date.day, 1) - 1) / 365
    split = LEFT + (RIGHT - LEFT) * 0.22
    if year < BREAK:
        start = SPAN[0]
        return LEFT + (split - LEFT) * (max(year, start) - start) / (BREAK - start)
    return split + 12 + (RIGHT - split - 12) * (min(year, SPAN[1]) - BREAK) / (SPAN[1] - BREAK)


def _lanes(found: Sequence[Event], gap: float = 9.0) -> list[tuple[float, int]]:
    """Each event's x and lane: the lowest lane whose last point is far enough to the left."""
    last: list[float] = []
    placed = []
    for event in found:
        x = _x(event.date)
        lane = next((i for i, end in enumerate(last) if end < x - gap), len(last))
        if lane == len(last):
            last.append(x)
        last[lane] = x
        placed.append((x, lane))
    return placed


def svg(found: Sequence[Event]) -> str:
    """A static, accessible overview: a point per event, linked to it on the page."""
    placed = _lanes(found)
    lanes = max((lane for _, lane in placed), default=0) + 1
    height = 60 + lanes * LANE
    axis = height - 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-timeline" viewBox="0 0 {WIDTH} '
        f'{height}" aria-labelledby="ed-timeline-title" aria-describedby="ed-timeline-desc">',
        '<title id="ed-timeline-title">Timeline of the events the essay moves through</title>',
        f'<desc id="ed-timeline-desc">{len(found)} events from {found[0].date.label} to '
        f'{found[-1].date.label}; the axis is broken at 1990, after which it is drawn wider.'
        '</desc>' if found else '<desc id="ed-timeline-desc">No dated events.</desc>',
        '<g class="ed-tl-axis" aria-hidden="true">',
        f'<line x1="{LEFT}" y1="{axis}" x2="{_x(EventDate(BREAK - 1)):.1f}" y2="{axis}"/>',
        f'<line x1="{_x(EventDate(BREAK)):.1f}" y1="{axis}" x2="{RIGHT}" y2="{axis}"/>',
    ]
    for year in (1828, 1921, 1991, 2000, 2005, 2010, 2015, 2020, 2025):
        x = _x(EventDate(year))
        parts.append(f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 5}"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis + 20}" text-anchor="middle">{year}</text>')
    parts.append("</g>")
    for number, (event, (x, lane)) in enumerate(zip(found, placed, strict=True), start=1):
        y = axis - 12 - lane * LANE
        label = f"{event.date.label}: {event.text}"
        parts.append(
            f'<a href="#event-{number}" class="ed-tl-event" aria-label={quoteattr(label)}>'
            f"<title>{escape(label)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5"/></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(found: list[Event], page: str = PAGE) -> str:
    """The Markdown of the timeline page."""
    out = [
        "# Timeline { .ed-heading }",
        "",
        "The editor's timeline of the events the essay moves through",
        "{ .ed-rubric }",
        "",
        f"{len(found)} dated events, from the editor's notes, the glossary and the actors, "
        "in order: two centuries of Russo-Iranian relations at a glance. Each links to the "
        "passages and entries that concern it. The eras are the editor's.",
        "{ .ed-summary }",
        "",
        '<figure class="ed-timeline-figure">',
        svg(found),
        "<figcaption>Each point is an event; select one to go to it below. The axis is broken "
        "at 1990: the two centuries before it are compressed.</figcaption>",
        "</figure>",
        "",
    ]
    era = None
    for number, event in enumerate(found, start=1):
        title = next(t for first, last, t in ERAS if first <= event.date.year <= last)
        if title != era:
            era = title
            out += [f"## {title}", ""]
        links = " · ".join(f"[{literal(label)}]({link_from(page, target)})"
                           for label, target in event.links)
        out += [
            f"**{event.date.label}** · {literal(event.text)} · {links}",
            f"{{ #event-{number} .ed-event }}",
            "",
        ]
    return "\n".join(out)
