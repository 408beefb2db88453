"""The timeline page: every event of ``events.yml``, once, in order, with what concerns it.

Grouped by era, with a static SVG overview (no scripts) whose points link to the events.
The axis is broken at 1990: two centuries before it are drawn narrow, the three decades
the essay dwells on wide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from edition.data.dates import EventDate
from edition.data.events import Event as Record
from edition.data.events import Events
from edition.data.glossary import Glossary
from edition.index.occurrences import OccurrenceIndex
from edition.pages import drawing
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
    root = drawing.svg({
        "class": "ed-timeline", "viewBox": f"0 0 {WIDTH} {height}",
        "aria-labelledby": "ed-timeline-title", "aria-describedby": "ed-timeline-desc",
        # Out of search: each event's label is found once, in the list below the drawing.
        "data-search-exclude": "",
    })
    drawing.add(root, "title", {"id": "ed-timeline-title"},
                "Timeline of the events the essay moves through")
    drawing.add(root, "desc", {"id": "ed-timeline-desc"},
                f"{len(found)} events from {found[0].date.label} to {found[-1].date.label}; "
                "the axis is broken at 1990, after which it is drawn wider."
                if found else "No dated events.")
    axis_group = drawing.add(root, "g", {"class": "ed-tl-axis", "aria-hidden": "true"})
    drawing.add(axis_group, "line", {"x1": f"{LEFT}", "y1": f"{axis}",
                                     "x2": f"{_x(EventDate(BREAK - 1)):.1f}", "y2": f"{axis}"})
    drawing.add(axis_group, "line", {"x1": f"{_x(EventDate(BREAK)):.1f}", "y1": f"{axis}",
                                     "x2": f"{RIGHT}", "y2": f"{axis}"})
    for year in (1828, 1921, 1991, 2000, 2005, 2010, 2015, 2020, 2025):
        x = _x(EventDate(year))
        drawing.add(axis_group, "line",
                    {"x1": f"{x:.1f}", "y1": f"{axis}", "x2": f"{x:.1f}", "y2": f"{axis + 5}"})
        drawing.add(axis_group, "text",
                    {"x": f"{x:.1f}", "y": f"{axis + 20}", "text-anchor": "middle"}, f"{year}")
    for event, (x, lane) in zip(found, placed, strict=True):
        _point(root, event, x, axis - 4 - TARGET / 2 - lane * LANE)
    return drawing.markup(root)


def _point(root: drawing.Element, event: Event, x: float, y: float) -> None:
    """An event's point at (``x``, ``y``): a target ``TARGET`` square, linked to the event."""
    label = f"{event.date.label}: {event.text}"
    link = drawing.add(root, "a", {"href": f"#{event.anchor}", "class": "ed-tl-event",
                                   "aria-label": label})
    drawing.add(link, "title", None, label)
    drawing.add(link, "rect", {"class": "ed-tl-hit", "x": f"{x - TARGET / 2:.1f}",
                               "y": f"{y - TARGET / 2:.1f}", "width": f"{TARGET}",
                               "height": f"{TARGET}"})
    drawing.add(link, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "6"})


#: The timeline for a narrow box (a phone), running down: its width, the axis's x, the
#: height of the two centuries before the break, and the least height of a year after it.
DOWN_WIDTH, DOWN_AXIS, DOWN_BEFORE, DOWN_YEAR = 320, 64, 150, 32
DOWN_TOP = 16
#: The most the narrow timeline is drawn longer to part its points; points it still cannot
#: part (one date, or dates beyond the axis's ends) widen the box instead of hanging the build.
_MOST_STRETCH = 32.0


def _year(date: EventDate) -> float:
    return date.year + (max(date.month, 1) - 1) / 12 + (max(date.day, 1) - 1) / 365


def _down_y(date: EventDate, stretch: float) -> float:
    """Where ``date`` lies down the narrow timeline, drawn ``stretch`` times its least length."""
    year = _year(date)
    before = DOWN_BEFORE * stretch
    if year < BREAK:
        start = SPAN[0]
        return DOWN_TOP + before * (max(year, start) - start) / (BREAK - start)
    return DOWN_TOP + before + 12 + DOWN_YEAR * stretch * (min(year, SPAN[1]) - BREAK)


def _down_lanes(found: Sequence[Event], stretch: float) -> list[tuple[float, int]]:
    """Each event's y and lane across: the first lane whose last point is a target above."""
    last: list[float] = []
    placed = []
    for event in found:
        y = _down_y(event.date, stretch)
        lane = next((i for i, end in enumerate(last) if end < y - TARGET), len(last))
        if lane == len(last):
            last.append(y)
        last[lane] = y
        placed.append((y, lane))
    return placed


def svg_down(found: Sequence[Event]) -> str:
    """The overview for a narrow box: the axis runs down the left, the years beside it, each
    event a point (a 24-unit target) in the first lane to its right where it overlaps none;
    the axis is drawn as long as the lanes that fit need, so nothing is wider than the box
    (up to ``_MOST_STRETCH`` times its least length; beyond, the box is widened)."""
    lanes_fit = int((DOWN_WIDTH - DOWN_AXIS - 16) // LANE)
    stretch = 1.0
    placed = _down_lanes(found, stretch)
    while (max((lane for _, lane in placed), default=0) >= lanes_fit
           and stretch < _MOST_STRETCH):
        stretch *= 1.25
        placed = _down_lanes(found, stretch)
    lanes = max((lane for _, lane in placed), default=0) + 1
    width = max(DOWN_WIDTH, DOWN_AXIS + 16 + lanes * LANE)
    height = math.ceil(_down_y(EventDate(SPAN[1]), stretch) + TARGET)
    root = drawing.svg({
        "class": "ed-timeline ed-timeline--down", "viewBox": f"0 0 {width} {height}",
        "aria-labelledby": "ed-timeline-down-title",
        "aria-describedby": "ed-timeline-down-desc", "data-search-exclude": "",
    })
    drawing.add(root, "title", {"id": "ed-timeline-down-title"},
                "Timeline of the events the essay moves through")
    drawing.add(root, "desc", {"id": "ed-timeline-down-desc"},
                f"{len(found)} events from {found[0].date.label} to {found[-1].date.label}, "
                "from the top down; the axis is broken at 1990, after which it is drawn longer."
                if found else "No dated events.")
    axis_group = drawing.add(root, "g", {"class": "ed-tl-axis", "aria-hidden": "true"})
    drawing.add(axis_group, "line", {
        "x1": f"{DOWN_AXIS}", "y1": f"{DOWN_TOP}", "x2": f"{DOWN_AXIS}",
        "y2": f"{_down_y(EventDate(BREAK - 1), stretch):.1f}"})
    drawing.add(axis_group, "line", {
        "x1": f"{DOWN_AXIS}", "y1": f"{_down_y(EventDate(BREAK), stretch):.1f}",
        "x2": f"{DOWN_AXIS}", "y2": f"{_down_y(EventDate(SPAN[1]), stretch):.1f}"})
    for year in (1828, 1921, 1991, 2000, 2005, 2010, 2015, 2020, 2025):
        y = _down_y(EventDate(year), stretch)
        drawing.add(axis_group, "line", {"x1": f"{DOWN_AXIS - 5}", "y1": f"{y:.1f}",
                                         "x2": f"{DOWN_AXIS}", "y2": f"{y:.1f}"})
        drawing.add(axis_group, "text", {"x": f"{DOWN_AXIS - 9}", "y": f"{y + 4:.1f}",
                                         "text-anchor": "end"}, f"{year}")
    for event, (y, lane) in zip(found, placed, strict=True):
        _point(root, event, DOWN_AXIS + 4 + TARGET / 2 + lane * LANE, y)
    return drawing.markup(root)


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
