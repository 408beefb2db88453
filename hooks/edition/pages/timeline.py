"""The timeline page: every event of ``events.yml``, once, in order, with what concerns it.

Grouped by era, with a static SVG overview (no scripts) whose points link to the events.
The axis is broken at 1990: two centuries before it are drawn narrow, the three decades
the essay dwells on wide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from edition.data.dates import EventDate
from edition.data.events import Event as Record
from edition.data.events import Events
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
#: Drawn at one unit to a CSS pixel at least (the stylesheet; a phone scrolls it sideways),
#: so that each point's target, ``TARGET`` square, meets WCAG 2.2's 24 px (issue 22); lanes
#: and points in a lane are a target apart, so no two targets overlap.
WIDTH, LEFT, RIGHT, BREAK = 680, 24, 656, 1990
TARGET = 24
LANE = TARGET
SPAN = (1820, 2025)


@dataclass(frozen=True)
class Event:
    """An event of ``events.yml`` and the links to where the edition discusses it."""

    record: Record
    links: tuple[tuple[str, str], ...]  # (label, target as source path#anchor)

    @property
    def date(self) -> EventDate:
        """When the event happened, at the precision recorded."""
        return self.record.date

    @property
    def text(self) -> str:
        """The event's description."""
        return self.record.description

    @property
    def anchor(self) -> str:
        """The event's id on the page: ``event-`` and its id in ``events.yml``."""
        return f"event-{self.record.id}"


def events(
    anchors: list[Anchor], glossary: Glossary, occurrences: OccurrenceIndex, records: Events
) -> list[Event]:
    """Every event once, in chronological order (coarse dates before finer ones), with the
    passages and editor's notes, then the terms and actors (and up to three of their
    passages), that refer to it."""
    links: dict[str, list[tuple[str, str]]] = {record.id: [] for record in records}

    def add(event_id: str, *found: tuple[str, str]) -> None:
        links[event_id] += [link for link in found if link not in links[event_id]]

    for number, anchor in enumerate(reading_order(anchors), start=1):
        place = Place(anchor.page, anchor.block)
        for event_id in anchor.note.events:
            add(event_id, (place.label, place.target),
                ("editor's note", f"{notes_page.PAGE}#note-{anchor.note.id or number}"))
    for entry in glossary.entries:
        places = [(p.label, p.target) for p, _ in occurrences.places(entry)[:3]]
        for event_id in entry.events:
            add(event_id, (entry.name, home(entry)), *places)
    return [Event(record, tuple(links[record.id])) for record in records]


def _x(date: EventDate) -> float:
    year = date.year + (max(date.month, 1) - 1) / 12 + (max(date.day, 1) - 1) / 365
    split = LEFT + (RIGHT - LEFT) * 0.22
    if year < BREAK:
        start = SPAN[0]
        return LEFT + (split - LEFT) * (max(year, start) - start) / (BREAK - start)
    return split + 12 + (RIGHT - split - 12) * (min(year, SPAN[1]) - BREAK) / (SPAN[1] - BREAK)


def _lanes(found: Sequence[Event], gap: float = TARGET) -> list[tuple[float, int]]:
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
        f'{height}" aria-labelledby="ed-timeline-title" aria-describedby="ed-timeline-desc"'
        # Out of search: each event's label is found once, in the list below the drawing.
        ' data-search-exclude="">',
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
    for event, (x, lane) in zip(found, placed, strict=True):
        y = axis - 4 - TARGET / 2 - lane * LANE
        label = f"{event.date.label}: {event.text}"
        parts.append(
            f'<a href="#{event.anchor}" class="ed-tl-event" aria-label={quoteattr(label)}>'
            f"<title>{escape(label)}</title>"
            f'<rect class="ed-tl-hit" x="{x - TARGET / 2:.1f}" y="{y - TARGET / 2:.1f}" '
            f'width="{TARGET}" height="{TARGET}"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6"/></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


#: The timeline for a narrow box (a phone), running down: its width, the axis's x, the
#: height of the two centuries before the break, and the least height of a year after it.
DOWN_WIDTH, DOWN_AXIS, DOWN_BEFORE, DOWN_YEAR = 320, 64, 150, 32
DOWN_TOP = 16


def _year(date: EventDate) -> float:
    return date.year + (max(date.month, 1) - 1) / 12 + (max(date.day, 1) - 1) / 365


def _down_y(date: EventDate, per_year: float) -> float:
    """Where ``date`` lies down the narrow timeline, ``per_year`` units a year after the break."""
    year = _year(date)
    if year < BREAK:
        start = SPAN[0]
        return DOWN_TOP + DOWN_BEFORE * (max(year, start) - start) / (BREAK - start)
    return DOWN_TOP + DOWN_BEFORE + 12 + per_year * (min(year, SPAN[1]) - BREAK)


def _down_lanes(found: Sequence[Event], per_year: float) -> list[tuple[float, int]]:
    """Each event's y and lane across: the first lane whose last point is a target above."""
    last: list[float] = []
    placed = []
    for event in found:
        y = _down_y(event.date, per_year)
        lane = next((i for i, end in enumerate(last) if end < y - TARGET), len(last))
        if lane == len(last):
            last.append(y)
        last[lane] = y
        placed.append((y, lane))
    return placed


def svg_down(found: Sequence[Event]) -> str:
    """The overview for a narrow box: the axis runs down the left, the years beside it, each
    event a point (a 24-unit target) in the first lane to its right where it overlaps none;
    years after the break are drawn as tall as the lanes that fit need, so nothing is wider
    than the box."""
    lanes_fit = int((DOWN_WIDTH - DOWN_AXIS - 16) // LANE)
    per_year = float(DOWN_YEAR)
    placed = _down_lanes(found, per_year)
    while max((lane for _, lane in placed), default=0) >= lanes_fit:
        per_year *= 1.25
        placed = _down_lanes(found, per_year)
    height = math.ceil(_down_y(EventDate(SPAN[1]), per_year) + TARGET)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-timeline ed-timeline--down" '
        f'viewBox="0 0 {DOWN_WIDTH} {height}" aria-labelledby="ed-timeline-down-title" '
        'aria-describedby="ed-timeline-down-desc" data-search-exclude="">',
        '<title id="ed-timeline-down-title">Timeline of the events the essay moves through'
        '</title>',
        f'<desc id="ed-timeline-down-desc">{len(found)} events from {found[0].date.label} to '
        f'{found[-1].date.label}, from the top down; the axis is broken at 1990, after which '
        'it is drawn longer.</desc>' if found
        else '<desc id="ed-timeline-down-desc">No dated events.</desc>',
        '<g class="ed-tl-axis" aria-hidden="true">',
        f'<line x1="{DOWN_AXIS}" y1="{DOWN_TOP}" x2="{DOWN_AXIS}" '
        f'y2="{_down_y(EventDate(BREAK - 1), per_year):.1f}"/>',
        f'<line x1="{DOWN_AXIS}" y1="{_down_y(EventDate(BREAK), per_year):.1f}" '
        f'x2="{DOWN_AXIS}" y2="{_down_y(EventDate(SPAN[1]), per_year):.1f}"/>',
    ]
    for year in (1828, 1921, 1991, 2000, 2005, 2010, 2015, 2020, 2025):
        y = _down_y(EventDate(year), per_year)
        parts.append(f'<line x1="{DOWN_AXIS - 5}" y1="{y:.1f}" x2="{DOWN_AXIS}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{DOWN_AXIS - 9}" y="{y + 4:.1f}" text-anchor="end">{year}</text>')
    parts.append("</g>")
    for event, (y, lane) in zip(found, placed, strict=True):
        x = DOWN_AXIS + 4 + TARGET / 2 + lane * LANE
        label = f"{event.date.label}: {event.text}"
        parts.append(
            f'<a href="#{event.anchor}" class="ed-tl-event" aria-label={quoteattr(label)}>'
            f"<title>{escape(label)}</title>"
            f'<rect class="ed-tl-hit" x="{x - TARGET / 2:.1f}" y="{y - TARGET / 2:.1f}" '
            f'width="{TARGET}" height="{TARGET}"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6"/></a>'
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
        f"{len(found)} dated events, each once, in order: two centuries of Russo-Iranian "
        "relations at a glance. Each links to the passages, editor's notes, glossary entries "
        "and actors that concern it. The eras are the editor's.",
        "{ .ed-summary }",
        "",
        '<figure class="ed-timeline-figure">',
        svg(found),
        svg_down(found),
        "<figcaption>Each point is an event; select one to go to it below. The axis is broken "
        "at 1990: the two centuries before it are compressed.</figcaption>",
        "</figure>",
        "",
    ]
    era = None
    for event in found:
        title = next(t for first, last, t in ERAS if first <= event.date.year <= last)
        if title != era:
            era = title
            out += [f"## {title}", ""]
        links = " · ".join(f"[{literal(label)}]({link_from(page, target)})"
                           for label, target in event.links)
        parts = [f"**{event.date.label}**", literal(event.text)] + ([links] if links else [])
        out += [
            " · ".join(parts),
            f"{{ #{event.anchor} .ed-event }}",
            "",
        ]
    return "\n".join(out)
