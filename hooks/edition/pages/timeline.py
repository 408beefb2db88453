"""The timeline page: every event of ``events.yml``, once, in order, with what concerns it.

Grouped by the editor's eras, with a static SVG overview (no scripts) whose points link to
the events. The eras, the years the axis spans and marks, and a year where it is broken (the
years before it drawn narrow, those the text dwells on wide) are the edition's, from
``extra.edition.timeline`` in ``mkdocs.yml`` (:func:`axis`); without them, the axis spans
the events' years, unbroken, and the events are one era.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from edition.data.dates import EventDate
from edition.data.events import Event as Record
from edition.data.events import Events
from edition.data.glossary import Glossary
from edition.index.occurrences import OccurrenceIndex
from edition.pages import drawing
from edition.pages import notes as notes_page
from edition.pages.inserts import Inline, block, element, raw
from edition.pages.links import home, joined, link, link_from
from edition.text.anchoring import Anchor, reading_order
from edition.text.places import Place

PAGE = "timeline.md"
#: Drawn at one unit to a CSS pixel at least (the stylesheet; a phone scrolls it sideways),
#: so that each point's target, ``TARGET`` square, meets WCAG 2.2's 24 px; lanes
#: and points in a lane are a target apart, so no two targets overlap.
WIDTH, LEFT, RIGHT = 680, 24, 656
TARGET = 24
LANE = TARGET
#: The options of ``extra.edition.timeline``.
OPTIONS = ("span", "break", "ticks", "eras", "summary")


@dataclass(frozen=True)
class Axis:
    """The edition's timeline: the years the axis spans, the year it is broken at (``None``:
    unbroken), the years marked on it, the eras as (first year, last year, title), and the
    words of the summary after the count of events (empty: none)."""

    span: tuple[int, int]
    ticks: tuple[int, ...]
    eras: tuple[tuple[int, int, str], ...] = ()
    broken_at: int | None = None
    summary: str = ""

    def era(self, year: int) -> str:
        """The title of the era ``year`` falls in; the empty string outside every era."""
        return next((title for first, last, title in self.eras if first <= year <= last), "")


def _years(value: object, where: str, count: int | None = None) -> tuple[int, ...]:
    if (not isinstance(value, list) or not value or (count and len(value) != count)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        size = f"{count} years" if count else "years"
        raise ValueError(f"'{where}' must be a list of {size}, such as [1820, 2025].")
    return tuple(value)


def axis(options: object, records: Events) -> Axis:
    """The timeline ``options`` (``extra.edition.timeline``) describe, checked; what they
    leave out is made from the events: the span from the first event's year to the last's,
    the span's ends marked, no break, one era. A ``ValueError`` names the option to fix."""
    found = options or {}
    if not isinstance(found, dict):
        raise ValueError("'timeline' must be a mapping of options: " + ", ".join(OPTIONS) + ".")
    unknown = sorted(set(found) - set(OPTIONS))
    if unknown:
        raise ValueError(f"unknown option(s) under 'timeline': {', '.join(unknown)}; the "
                         "options are " + ", ".join(f"'{o}'" for o in OPTIONS) + ".")
    years = [record.date.year for record in records]
    if "span" in found:
        start, end = _years(found["span"], "timeline.span", 2)
    else:
        start, end = (min(years), max(years) + 1) if years else (2000, 2001)
    if not start < end:
        raise ValueError(f"'timeline.span' must run forward: {start} is not before {end}.")
    broken_at = found.get("break")
    if broken_at is not None and not (isinstance(broken_at, int) and start < broken_at < end):
        raise ValueError(f"'timeline.break' must be a year inside the span, {start} to {end}.")
    ticks = _years(found["ticks"], "timeline.ticks") if "ticks" in found else (start, end)
    eras = []
    for number, era in enumerate(found.get("eras") or [], start=1):
        if (not isinstance(era, dict) or set(era) != {"from", "to", "title"}
                or not all(isinstance(era[k], int) for k in ("from", "to"))
                or not isinstance(era["title"], str) or not era["title"].strip()):
            raise ValueError(f"'timeline.eras' item {number} must have a year 'from', a year "
                             "'to' and a 'title'.")
        eras.append((era["from"], era["to"], era["title"]))
    summary = found.get("summary", "")
    if not isinstance(summary, str):
        raise ValueError("'timeline.summary' must be text.")
    result = Axis((start, end), ticks, tuple(eras), broken_at, summary.strip())
    if eras:
        for record in records:
            if not result.era(record.date.year):
                raise ValueError(f"'timeline.eras' has no era for {record.date.year}, the year "
                                 f"of the event '{record.id}': add one or widen one.")
    return result


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


def _x(date: EventDate, axis: Axis) -> float:
    year = date.year + (max(date.month, 1) - 1) / 12 + (max(date.day, 1) - 1) / 365
    (start, end), cut = axis.span, axis.broken_at
    if cut is None:
        return LEFT + (RIGHT - LEFT) * (min(max(year, start), end) - start) / (end - start)
    split = LEFT + (RIGHT - LEFT) * 0.22
    if year < cut:
        return LEFT + (split - LEFT) * (max(year, start) - start) / (cut - start)
    return split + 12 + (RIGHT - split - 12) * (min(year, end) - cut) / (end - cut)


def _lanes(found: Sequence[Event], axis: Axis, gap: float = TARGET) -> list[tuple[float, int]]:
    """Each event's x and lane: the lowest lane whose last point is far enough to the left."""
    last: list[float] = []
    placed = []
    for event in found:
        x = _x(event.date, axis)
        lane = next((i for i, end in enumerate(last) if end < x - gap), len(last))
        if lane == len(last):
            last.append(x)
        last[lane] = x
        placed.append((x, lane))
    return placed


def _broken(axis: Axis, drawn: str) -> str:
    """The words of a drawing's description on the axis's break, if it has one."""
    if axis.broken_at is None:
        return ""
    return f"; the axis is broken at {axis.broken_at}, after which it is drawn {drawn}"


def _frame(found: Sequence[Event], axis: Axis, size: tuple[int, int], ends: tuple[str, str],
           along: Callable[[EventDate], float], across: float,
           down: bool = False) -> tuple[drawing.Element, drawing.Element]:
    """A drawing of the timeline, ``size`` wide and high, and its axis's group: the title,
    the description and the axis line, from ``ends[0]`` to ``ends[1]`` (as written),
    standing at ``across`` (running across, or ``down``), in two parts where the axis is
    broken; ``along`` is where a date lies along it. The two drawings the page has, the wide
    one and the phone's, differ only in that."""
    variant = "ed-timeline-down" if down else "ed-timeline"
    root = drawing.svg({
        "class": "ed-timeline ed-timeline--down" if down else "ed-timeline",
        "viewBox": f"0 0 {size[0]} {size[1]}",
        "aria-labelledby": f"{variant}-title", "aria-describedby": f"{variant}-desc",
        # Out of search: each event's label is found once, in the list below the drawing.
        "data-search-exclude": "",
    })
    drawing.add(root, "title", {"id": f"{variant}-title"},
                "Timeline of the events the essay moves through")
    reading = ", from the top down" if down else ""
    drawing.add(root, "desc", {"id": f"{variant}-desc"},
                f"{len(found)} events from {found[0].date.label} to "
                f"{found[-1].date.label}{reading}{_broken(axis, 'longer' if down else 'wider')}."
                if found else "No dated events.")
    ticks = drawing.add(root, "g", {"class": "ed-tl-axis", "aria-hidden": "true"})
    cut = axis.broken_at
    parts = [ends] if cut is None else [
        (ends[0], f"{along(EventDate(cut - 1)):.1f}"), (f"{along(EventDate(cut)):.1f}", ends[1])]
    for a, b in parts:
        if down:
            drawing.add(ticks, "line", {"x1": f"{across}", "y1": a, "x2": f"{across}", "y2": b})
        else:
            drawing.add(ticks, "line", {"x1": a, "y1": f"{across}", "x2": b, "y2": f"{across}"})
    return root, ticks


def svg(found: Sequence[Event], timeline: Axis) -> str:
    """A static, accessible overview: a point per event, linked to it on the page."""
    placed = _lanes(found, timeline)
    lanes = max((lane for _, lane in placed), default=0) + 1
    height = 60 + lanes * LANE
    axis = height - 40
    root, ticks = _frame(found, timeline, (WIDTH, height), (f"{LEFT}", f"{RIGHT}"),
                         lambda date: _x(date, timeline), axis)
    for year in timeline.ticks:
        x = _x(EventDate(year), timeline)
        drawing.add(ticks, "line",
                    {"x1": f"{x:.1f}", "y1": f"{axis}", "x2": f"{x:.1f}", "y2": f"{axis + 5}"})
        drawing.add(ticks, "text",
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


def _down_y(date: EventDate, stretch: float, axis: Axis) -> float:
    """Where ``date`` lies down the narrow timeline, drawn ``stretch`` times its least length
    (``DOWN_YEAR`` units a year after the break, or from the span's start where the axis is
    unbroken)."""
    year = _year(date)
    (start, end), cut = axis.span, axis.broken_at
    per_year = DOWN_YEAR * stretch
    if cut is None:
        return DOWN_TOP + per_year * (min(max(year, start), end) - start)
    before = DOWN_BEFORE * stretch
    if year < cut:
        return DOWN_TOP + before * (max(year, start) - start) / (cut - start)
    return DOWN_TOP + before + 12 + per_year * (min(year, end) - cut)


def _down_lanes(found: Sequence[Event], stretch: float, axis: Axis) -> list[tuple[float, int]]:
    """Each event's y and lane across: the first lane whose last point is a target above."""
    last: list[float] = []
    placed = []
    for event in found:
        y = _down_y(event.date, stretch, axis)
        lane = next((i for i, end in enumerate(last) if end < y - TARGET), len(last))
        if lane == len(last):
            last.append(y)
        last[lane] = y
        placed.append((y, lane))
    return placed


def svg_down(found: Sequence[Event], axis: Axis) -> str:
    """The overview for a narrow box: the axis runs down the left, the years beside it, each
    event a point (a 24-unit target) in the first lane to its right where it overlaps none;
    the axis is drawn as long as the lanes that fit need, so nothing is wider than the box
    (up to ``_MOST_STRETCH`` times its least length; beyond, the box is widened)."""
    lanes_fit = int((DOWN_WIDTH - DOWN_AXIS - 16) // LANE)
    stretch = 1.0
    placed = _down_lanes(found, stretch, axis)
    while (max((lane for _, lane in placed), default=0) >= lanes_fit
           and stretch < _MOST_STRETCH):
        stretch *= 1.25
        placed = _down_lanes(found, stretch, axis)
    lanes = max((lane for _, lane in placed), default=0) + 1
    width = max(DOWN_WIDTH, DOWN_AXIS + 16 + lanes * LANE)
    end = _down_y(EventDate(axis.span[1]), stretch, axis)
    height = math.ceil(end + TARGET)
    root, ticks = _frame(found, axis, (width, height), (f"{DOWN_TOP}", f"{end:.1f}"),
                         lambda date: _down_y(date, stretch, axis), DOWN_AXIS, down=True)
    for year in axis.ticks:
        y = _down_y(EventDate(year), stretch, axis)
        drawing.add(ticks, "line", {"x1": f"{DOWN_AXIS - 5}", "y1": f"{y:.1f}",
                                    "x2": f"{DOWN_AXIS}", "y2": f"{y:.1f}"})
        drawing.add(ticks, "text", {"x": f"{DOWN_AXIS - 9}", "y": f"{y + 4:.1f}",
                                    "text-anchor": "end"}, f"{year}")
    for event, (y, lane) in zip(found, placed, strict=True):
        _point(root, event, DOWN_AXIS + 4 + TARGET / 2 + lane * LANE, y)
    return drawing.markup(root)


def _period(years: int) -> str:
    """A span of years in words, as a caption rounds it: "two centuries", "five decades"."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    for size, unit in ((100, "centuries"), (10, "decades"), (1, "years")):
        count = round(years / size)
        if count >= 2 or size == 1:
            return f"{words[count] if count < len(words) else count} {unit}"
    return f"{years} years"


def render(found: list[Event], axis: Axis, page: str = PAGE) -> list[etree.Element]:
    """The timeline page, as the elements of its body."""
    cut = axis.broken_at
    summary = f": {axis.summary}" if axis.summary else ""
    eras = " The eras are the editor's." if axis.eras else ""
    caption = "" if cut is None else (
        f" The axis is broken at {cut}: the {_period(cut - axis.span[0])} before it are "
        "compressed.")
    out = [
        block("h1", "Timeline", class_="ed-heading"),
        block("p", "The editor's timeline of the events the essay moves through",
              class_="ed-rubric"),
        block("p", f"{len(found)} dated events, each once, in order{summary}. Each links to "
              f"the passages, editor's notes, glossary entries and actors that concern "
              f"it.{eras}", class_="ed-summary"),
        # The drawings, as lxml wrote them, in a figure of the edition's own words.
        raw("\n".join([
            '<figure class="ed-timeline-figure">',
            svg(found, axis),
            svg_down(found, axis),
            f"<figcaption>Each point is an event; select one to go to it below.{caption}"
            "</figcaption>",
            "</figure>",
        ])),
    ]
    era = None
    for event in found:
        title = axis.era(event.date.year)
        if title and title != era:
            era = title
            out.append(block("h2", title))
        parts: list[list[Inline]] = [[element("strong", event.date.label)], [event.text]]
        if event.links:
            parts.append(joined(([link(label, link_from(page, target))]
                                 for label, target in event.links), " · "))
        out.append(block("p", *joined(parts, " · "), id=event.anchor, class_="ed-event"))
    return out
