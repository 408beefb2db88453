"""The places index: every place of the glossary, with a map drawn at build time.

The map is a static SVG made from Natural Earth country outlines vendored in
``natural_earth/`` (public domain, via world-atlas, ISC licence beside the data): nothing is
fetched at run time, no tiles, no script. Each place with a point is marked and linked to
its entry below; a region of whole states (Central Asia) shades them. The list below the
map says everything the map shows, for readers who cannot see it. The outlines are clipped
to the region drawn and thinned to about a pixel, so the page stays light.
"""

from __future__ import annotations

import itertools
import json
import math
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from edition.data.forms import fold
from edition.data.glossary import (
    Entry,
    Glossary,
    slugify,
)
from edition.index.occurrences import Mention, OccurrenceIndex
from edition.pages import drawing
from edition.pages.actors import mention_list
from edition.pages.inserts import block, raw
from edition.pages.links import (
    GLOSSARY,
    actor_page,
    home,
    identifiers_line,
    joined,
    lead_in,
    link,
    link_from,
    sources_line,
)
from edition.pages.registry import Ids

PAGE = "places.md"
#: The ids the places page has besides its places': its heading's and the map's.
PAGE_IDS = ("places", "ed-map-title", "ed-map-desc")
DATA = Path(__file__).resolve().parent / "natural_earth" / "countries.json"
#: Every country's outline, coarser: a map that ``DATA`` does not cover is drawn from them.
WORLD_DATA = DATA.with_name("world.json")
#: The outlines as the map draws them, made from ``DATA`` by ``scripts/vendor_natural_earth.py``
#: (clipped and thinned once, there, not in every build), with the map they were made for.
OUTLINES = DATA.with_name("outlines.json")
#: A region drawn: west, south, east, north (degrees). The edition's is
#: ``extra.edition.map.region`` in ``mkdocs.yml``, else made from its places (:func:`region`).
View = tuple[float, float, float, float]
#: The map of an edition with no region and no point: every land but Antarctica.
WORLD: View = (-180.0, -60.0, 180.0, 85.0)
WIDTH = 800
#: The labels' type size in the map's units, on a wide screen and on a phone (where the
#: 800-unit map is drawn at under half size), as the stylesheet sets them; and each
#: point's radius there.
LABEL_SIZES = {"wide": (16.0, 7.0), "narrow": (36.0, 11.0)}
#: A label character's advance, in ems, generous (wide letters included): the room a
#: label needs; a line's height.
_ADVANCE, _LEADING = 0.62, 1.2
#: A label longer than this many ems is set on two lines, broken at a space.
_LONGEST_LINE = 16


Rings = tuple[tuple[tuple[float, float], ...], ...]


@cache
def _read(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def _countries(scale: str) -> tuple[tuple[str, Rings], ...]:
    """Each country's name and rings (longitude, latitude) at ``scale``: ``region``, the
    finer outlines of the region ``DATA``'s ``box`` names, or ``world``, the coarser ones of
    every country, ``WORLD_DATA``."""
    listed = _read(DATA if scale == "region" else WORLD_DATA)["countries"]
    return tuple((c["name"], tuple(tuple((p[0], p[1]) for p in ring) for ring in c["rings"]))
                 for c in listed)


def bounds(view: View) -> View:
    """What a map of ``view`` shows, its outlines' margin included, in degrees: west,
    south, east, north."""
    west, south, east, north = view
    x_per_degree = WIDTH / (east - west)
    y_per_degree = x_per_degree / math.cos(math.radians((south + north) / 2))
    lon, lat = _MARGIN / x_per_degree, _MARGIN / y_per_degree
    return west - lon, south - lat, east + lon, north + lat


def scale(view: View) -> str:
    """The outlines a map of ``view`` is drawn from: the region's finer ones where they
    cover all it shows, else the world's, so that a map of any region has its coasts."""
    west, south, east, north = bounds(view)
    box_west, box_south, box_east, box_north = _read(DATA)["box"]
    inside = box_west <= west and box_south <= south and east <= box_east and north <= box_north
    return "region" if inside else "world"


def region(options: object, glossary: Glossary) -> View:
    """The region the map draws: ``options`` (``extra.edition.map``) name it as ``region``,
    west, south, east, north in degrees; without it, the places' points and a margin (a tenth
    of their extent, at least two degrees), or, with no point, the world. A ``ValueError``
    names what to fix."""
    found = options or {}
    if not isinstance(found, dict) or set(found) - {"region"}:
        raise ValueError("'map' must be a mapping whose one option is 'region'.")
    if "region" in found:
        view = found["region"]
        if (not isinstance(view, list) or len(view) != 4
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in view)
                or not (-180 <= view[0] < view[2] <= 180 and -90 < view[1] < view[3] < 90)):
            raise ValueError("'map.region' must be [west, south, east, north] in degrees, "
                             "west before east and south before north, such as [14, 30, 78, 60].")
        return (float(view[0]), float(view[1]), float(view[2]), float(view[3]))
    marked = [p.coordinates for p in points(glossary) if p.coordinates is not None]
    if not marked:
        return WORLD
    lats, lons = [lat for lat, _ in marked], [lon for _, lon in marked]
    pad_lat = max((max(lats) - min(lats)) / 10, 2.0)
    pad_lon = max((max(lons) - min(lons)) / 10, 2.0)
    return (max(min(lons) - pad_lon, -180.0), max(min(lats) - pad_lat, -89.0),
            min(max(lons) + pad_lon, 180.0), min(max(lats) + pad_lat, 89.0))


def project(lat: float, lon: float, view: View) -> tuple[float, float]:
    """Map coordinates of a point: equirectangular, true to scale at the view's mid-latitude."""
    west, south, east, north = view
    x_per_degree = WIDTH / (east - west)
    y_per_degree = x_per_degree / math.cos(math.radians((south + north) / 2))
    return (lon - west) * x_per_degree, (north - lat) * y_per_degree


def height(view: View) -> float:
    """The map's height in its own units."""
    west, south, _east, _north = view
    return project(south, west, view)[1]


def on_map(coordinates: tuple[float, float] | None, view: View) -> bool:
    """Whether a point lies inside the region drawn (a place far from the rest may not)."""
    if coordinates is None:
        return False
    west, south, east, north = view
    return south <= coordinates[0] <= north and west <= coordinates[1] <= east


def places(glossary: Glossary) -> list[Entry]:
    """The glossary's places, by name."""
    return sorted((t for t in glossary.terms if t.category == "place"),
                  key=lambda t: t.name.casefold())


@dataclass(frozen=True)
class Point:
    """A place on the map: a place term, or the site of entries (Tehran for Iran)."""

    id: str
    name: str
    coordinates: tuple[float, float] | None
    countries: tuple[str, ...] = ()
    entry: Entry | None = None  # the place term
    at: tuple[Entry, ...] = ()  # the entries whose site it is


def points(glossary: Glossary) -> list[Point]:
    """Every place the index lists, by name: the place terms and the entries' sites."""
    # Every id on the page claimed once: the map's own, the page's heading, the entries'.
    ids = Ids(PAGE_IDS)
    found = [Point(ids.claim(e.id), e.name, e.coordinates, e.countries, entry=e)
             for e in places(glossary)]
    taken = {point.id for point in found}
    sites: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        if entry.site is not None:
            sites.setdefault(entry.site.name, []).append(entry)
    for name, entries in sites.items():
        site = entries[0].site
        assert site is not None
        anchor = slugify(name)
        found.append(Point(ids.claim(anchor if anchor not in taken else f"place-{anchor}"),
                           name, site.coordinates, at=tuple(entries)))
    return sorted(found, key=lambda p: p.name.casefold())


def site_mentions(point: Point, occurrences: OccurrenceIndex) -> list[Mention]:
    """The mentions of a site in reading order: of the forms that name the place, or every
    mention of an entry that names no such forms (a treaty named after its village)."""
    found: list[Mention] = []
    for entry in point.at:
        assert entry.site is not None
        forms = {fold(form) for form in entry.site.forms}
        found += [m for m in occurrences.mentions(entry) if not forms or fold(m.text) in forms]
    return sorted(set(found), key=lambda m: (m.place.order, m.start))


#: How far past the map's edges an outline is drawn, in the map's units: a clipped edge
#: runs along this frame, out of sight.
_MARGIN = 10.0
#: The least distance, in the map's units (about a pixel on a wide screen), between two
#: points of an outline that are both drawn.
_STEP = 1.0

Vertex = tuple[float, float]


def clip(ring: list[Vertex], box: tuple[float, float, float, float]) -> list[Vertex]:
    """The part of the polygon ``ring`` inside ``box`` (left, top, right, bottom), by
    Sutherland and Hodgman's algorithm: one pass per edge of the box, each keeping the
    points on its inner side and adding the crossings. Empty if nothing is inside."""
    left, top, right, bottom = box
    edges = (
        (lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom)),
    )
    points = ring
    for inside, crossing in edges:
        kept: list[Vertex] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(crossing(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(crossing(previous, current))
        points = kept
        if not points:
            break
    return points


def _at_x(a: Vertex, b: Vertex, x: float) -> Vertex:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: Vertex, b: Vertex, y: float) -> Vertex:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def thin(ring: list[Vertex], step: float = _STEP) -> list[Vertex]:
    """``ring`` without the points closer than ``step`` to the last point kept (the first
    point is always kept; the outline closes on it)."""
    kept: list[Vertex] = []
    for point in ring:
        if not kept or math.dist(point, kept[-1]) >= step:
            kept.append(point)
    return kept


def frame(view: View) -> tuple[float, float, float, float]:
    """The box an outline is clipped to: the map and its margin (left, top, right, bottom)."""
    return -_MARGIN, -_MARGIN, WIDTH + _MARGIN, height(view) + _MARGIN


def outline(rings: tuple[tuple[tuple[float, float], ...], ...], view: View) -> str:
    """An SVG path of ``rings`` (longitude, latitude), clipped to the map and its margin:
    the outlines of Russia, China or India run far beyond the region drawn."""
    box = frame(view)
    parts = []
    for ring in rings:
        points = thin(clip([project(lat, lon, view) for lon, lat in ring], box))
        if len(points) < 3:
            continue
        # In tenths of a unit, each point after the first as its step from the one before
        # (SVG's relative "l", repeated implicitly): the steps add up to the points exactly.
        tenths = [(round(x * 10), round(y * 10)) for x, y in points]
        steps = (f"{_tenths(x - px)},{_tenths(y - py)}"
                 for (px, py), (x, y) in itertools.pairwise(tenths))
        parts.append(f"M{_tenths(tenths[0][0])},{_tenths(tenths[0][1])}l{' '.join(steps)}z")
    return "".join(parts)


def _tenths(value: int) -> str:
    """``value`` tenths as a number of the path: 12 is "1.2", 10 is "1", -3 is "-0.3"."""
    whole, tenth = divmod(abs(value), 10)
    return ("-" if value < 0 else "") + (f"{whole}.{tenth}" if tenth else f"{whole}")


def outlines_made(view: View) -> dict[str, Any]:
    """What ``OUTLINES`` holds: the map they fit and each country's name and outline, for
    the countries that have one on the map."""
    drawn = ((name, outline(rings, view)) for name, rings in _countries(scale(view)))
    return {**_map_made_for(view), "countries": [[name, path] for name, path in drawn if path]}


def _map_made_for(view: View) -> dict[str, Any]:
    """The map an outline fits: its view, width, margin and thinning step."""
    return {"view": list(view), "width": WIDTH, "margin": _MARGIN, "step": _STEP}


@cache
def _country_paths(view: View) -> tuple[tuple[str, str], ...]:
    """Each country's name and outline, as vendored, read once per process (under ``mkdocs
    serve`` not again on every rebuild). Outlines made for another map (the view changed
    and the script was not run again) are drawn here instead, the same as the script would,
    so the map is never wrong; ``tests/pages/test_map_outlines.py`` keeps the file current."""
    data: dict[str, Any] = json.loads(OUTLINES.read_text(encoding="utf-8"))
    if {key: data.get(key) for key in _map_made_for(view)} != _map_made_for(view):
        data = outlines_made(view)
    return tuple((name, path) for name, path in data["countries"])


def degrees(coordinates: tuple[float, float]) -> str:
    """A point as a reader writes it: 38.90° N, 77.04° W."""
    lat, lon = coordinates
    return (f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.2f}° {'E' if lon >= 0 else 'W'}")


def beyond(coordinates: tuple[float, float], view: View) -> tuple[str, float, float]:
    """For a point outside the region drawn: the direction it lies in ("west", "north-east",
    …) and the point on the map's edge nearest it, where its marker stands."""
    west, south, east, north = view
    lat, lon = coordinates
    ns = "north" if lat > north else "south" if lat < south else ""
    ew = "west" if lon < west else "east" if lon > east else ""
    x, y = project(min(max(lat, south), north), min(max(lon, west), east), view)
    return "-".join(part for part in (ns, ew) if part), x, y


def _edge_box(entry: Point, view: View) -> Box:
    """The room an arrow on the edge and its name take, at the larger type size."""
    assert entry.coordinates is not None
    toward, x, y = beyond(entry.coordinates, view)
    size = max(size for size, _ in LABEL_SIZES.values())
    width = len(entry.name) * size * _ADVANCE + 40
    if toward.endswith("west"):
        return (x, y - size, x + width, y + size)
    if toward.endswith("east"):
        return (x - width, y - size, x, y + size)
    return (x - width / 2, y - 40 - size, x + width / 2, y + 40 + size)


def _edge_marker(root: drawing.Element, entry: Point, view: View) -> None:
    """A place beyond the region drawn: an arrow on the map's edge pointing toward it,
    linked to its entry like the points."""
    assert entry.coordinates is not None
    toward, x, y = beyond(entry.coordinates, view)
    label = f"{entry.name}: {degrees(entry.coordinates)}, beyond the map to the {toward}"
    # The arrow is 32 units long and points out of the map: west or east when the place
    # lies that way, else north or south; its name stands inside the map, behind it.
    if toward.endswith(("west", "east")):
        d = -1 if toward.endswith("west") else 1
        base = x - 32 * d
        shape = f"{x:.1f},{y:.1f} {base:.1f},{y - 14:.1f} {base:.1f},{y + 14:.1f}"
        text_x, text_y, anchor = base - 6 * d, y + 5, "start" if d < 0 else "end"
    else:
        d = -1 if toward == "north" else 1
        base = y - 32 * d
        shape = f"{x:.1f},{y:.1f} {x - 14:.1f},{base:.1f} {x + 14:.1f},{base:.1f}"
        text_x, text_y, anchor = x, base - 6 * d + (12 if d < 0 else 0), "middle"
    link = drawing.add(root, "a", {"href": f"#{entry.id}", "class": "ed-map-place ed-map-beyond",
                                   "aria-label": label})
    drawing.add(link, "title", None, label)
    drawing.add(link, "polygon", {"points": shape})
    drawing.add(link, "text", {"x": f"{text_x:.1f}", "y": f"{text_y:.1f}",
                               "text-anchor": anchor}, entry.name)


Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> float:
    """The area two (left, top, right, bottom) boxes share."""
    return (max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            * max(0.0, min(a[3], b[3]) - max(a[1], b[1])))


def _label_lines(name: str) -> list[str]:
    """A label on one line, or, if it is long, on lines of at most ``_LONGEST_LINE``
    characters broken at spaces (a longer word stands alone)."""
    lines: list[str] = []
    for word in name.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= _LONGEST_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class Label:
    """Where a place's name is set: its anchor point, alignment and lines, and its box."""

    x: float
    y: float  # the first line's baseline
    anchor: str  # start, middle or end
    lines: tuple[str, ...]
    box: Box


def _candidates(x: float, y: float, lines: list[str], size: float,
                radius: float) -> list[Label]:
    """A name's places around its point, in order of preference: right, left, below and
    above it, centred on it, then, on each side, drawn to one end of it; then the corners."""
    width = max(len(line) for line in lines) * size * _ADVANCE
    tall = len(lines) * size * _LEADING
    gap = radius + 6
    corner = gap * 0.7
    ascent = 0.8 * size
    spots = []  # (anchor x, box left, box top, anchor)
    for top in dict.fromkeys((y - tall / 2, y - tall + 0.6 * size, y - 0.6 * size)):
        spots += [(x + gap, x + gap, top, "start"), (x - gap, x - gap - width, top, "end")]
    for left in (x - width / 2, x - size, x - width + size):
        spots += [(left, left, y + gap, "start"), (left, left, y - gap - tall, "start")]
    spots += [(x + corner, x + corner, y + corner, "start"),
              (x + corner, x + corner, y - corner - tall, "start"),
              (x - corner, x - corner - width, y + corner, "end"),
              (x - corner, x - corner - width, y - corner - tall, "end")]
    return [Label(ax, top + (tall / len(lines) - size) / 2 + ascent, anchor, tuple(lines),
                  (left, top, left + width, top + tall))
            for ax, left, top, anchor in spots]


def place_labels(marked: list[tuple[str, str, float, float]], size: float, radius: float,
                 width: float, tall: float, reserved: Sequence[Box] = ()) -> dict[str, Label]:
    """Each point's name (id, name, x, y) set where it overlaps no other name, no point and
    nothing ``reserved``, inside the map: around its point, in the most preferred places
    that leave every name room (a search that takes the most crowded points first and
    goes back when a name finds no room); where no such setting is found, each name in
    turn where it overlaps least."""
    pad = size * 0.1
    # A point as drawn, a unit larger (a name keeps ``pad`` from it as from another name).
    dots = {key: (x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1)
            for key, _, x, y in marked}

    def crowding(item: tuple[str, str, float, float]) -> tuple[int, str]:
        _, name, x, y = item
        return -sum(1 for _, _, ox, oy in marked if math.hypot(ox - x, oy - y) < size * 8), name

    def clash(key: str, label: Label, taken: list[Box]) -> float:
        left, top, right, bottom = label.box
        grown = (left - pad, top - pad, right + pad, bottom + pad)
        outside = max(0.0, -left) + max(0.0, right - width) + max(0.0, -top) + max(
            0.0, bottom - tall)
        return outside * size * 100 + sum(_overlap(grown, other) for other in taken) + sum(
            _overlap(grown, dot) for other, dot in dots.items() if other != key)

    order = sorted(marked, key=crowding)
    options = [(key, _candidates(x, y, _label_lines(name), size, radius))
               for key, name, x, y in order]
    chosen: list[Label] = []
    budget = [20_000]

    def search(index: int) -> bool:
        if index == len(options):
            return True
        key, candidates = options[index]
        for label in candidates:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if clash(key, label, [*reserved, *(c.box for c in chosen)]) == 0:
                chosen.append(label)
                if search(index + 1):
                    return True
                chosen.pop()
        return False

    if search(0):
        return {key: label for (key, _), label in zip(options, chosen, strict=True)}
    placed: dict[str, Label] = {}
    taken: list[Box] = list(reserved)
    for key, candidates in options:
        best = min(candidates, key=lambda label: clash(key, label, taken))
        placed[key] = best
        taken.append(best.box)
    return placed


def _label_text(parent: drawing.Element, label: Label, variant: str) -> None:
    """The name as SVG text, a line per ``tspan``, for one width of screen."""
    text = drawing.add(parent, "text", {
        "class": f"ed-map-label ed-map-label--{variant}", "x": f"{label.x:.1f}",
        "y": f"{label.y:.1f}", "text-anchor": label.anchor})
    for i, line in enumerate(label.lines):
        drawing.add(text, "tspan", {"x": f"{label.x:.1f}",
                                    "dy": "0" if i == 0 else f"{_LEADING:g}em"}, line)


def svg(found: list[Point], view: View, page: str = PAGE) -> str:
    """The map: the region's countries, each place marked and linked to its entry."""
    shaded = {country for entry in found for country in entry.countries}
    tall = height(view)
    marked = [e for e in found if on_map(e.coordinates, view)]
    off = [e for e in found if e.coordinates and not on_map(e.coordinates, view)]
    off_text = (" Beyond the region drawn, an arrow on its edge points toward: "
                + ", ".join(f"{e.name} (to the {beyond(e.coordinates, view)[0]})"
                            for e in off if e.coordinates) + ".") if off else ""
    root = drawing.svg({
        "class": "ed-map", "viewBox": f"0 0 {WIDTH} {tall:.0f}",
        "aria-labelledby": "ed-map-title", "aria-describedby": "ed-map-desc",
        "data-search-exclude": "",
    })
    drawing.add(root, "title", {"id": "ed-map-title"}, "Map of the places the essay names")
    drawing.add(root, "desc", {"id": "ed-map-desc"},
                f"The region from {_span(view[0], view[2], 'E', 'W')} and "
                f"{_span(view[1], view[3], 'N', 'S')}: "
                f"{len(marked)} places marked with a point ("
                + ", ".join(e.name for e in marked) + "); shaded, the states of "
                + (", ".join(sorted(shaded)) or "none") + "." + off_text
                + " Each place is listed below the map.")
    drawing.add(root, "rect", {"class": "ed-map-sea", "width": f"{WIDTH}",
                               "height": f"{tall:.0f}"})
    land = drawing.add(root, "g", {"class": "ed-map-land", "aria-hidden": "true"})
    for name, outline in _country_paths(view):
        kind = {"class": "ed-map-region"} if name in shaded else {}
        path = drawing.add(land, "path", {**kind, "d": outline})
        drawing.add(path, "title", None, name)
    # Each name set twice, once at the type size of a wide screen and once at a phone's
    # (the stylesheet shows one), where it overlaps no other name and no point, nor the
    # arrows on the edge and their names.
    where = {entry.id: project(*entry.coordinates, view)
             for entry in marked if entry.coordinates}
    edges = [_edge_box(entry, view) for entry in off]
    labels = {variant: place_labels([(e.id, e.name, *where[e.id]) for e in marked], size,
                                    radius, WIDTH, tall, edges)
              for variant, (size, radius) in LABEL_SIZES.items()}
    for entry in marked:
        assert entry.coordinates is not None
        x, y = where[entry.id]
        label = f"{entry.name}: {degrees(entry.coordinates)}"
        link = drawing.add(root, "a", {"href": f"#{entry.id}", "class": "ed-map-place",
                                       "aria-label": label})
        drawing.add(link, "title", None, label)
        drawing.add(link, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "7"})
        for variant in LABEL_SIZES:
            _label_text(link, labels[variant][entry.id], variant)
    for entry in off:
        _edge_marker(root, entry, view)
    return drawing.markup(root)


def _span(low: float, high: float, positive: str, negative: str) -> str:
    """Two longitudes or latitudes as the map's description gives them: "14° to 78° E",
    "80° W to 10° E"."""
    def side(value: float) -> str:
        return positive if value >= 0 else negative
    if side(low) == side(high):
        return f"{abs(low):g}° to {abs(high):g}° {side(high)}"
    return f"{abs(low):g}° {side(low)} to {abs(high):g}° {side(high)}"


def render(glossary: Glossary, occurrences: OccurrenceIndex, view: View,
           page: str = PAGE) -> list[etree.Element]:
    """The places page, as the elements of its body; ``view`` is the region the map draws."""
    found = points(glossary)
    out = [
        block("h1", "Places", class_="ed-heading"),
        block("p", "The editor's index of places", class_="ed-rubric"),
        block("p", f"{len(found)} places the essay names or its entries are at, what each is, "
              "where it lies and every mention in context. The map is drawn from Natural "
              "Earth's country outlines (public domain); borders are today's.",
              class_="ed-summary"),
        # The map, as lxml wrote it, in a figure of the edition's own words.
        raw("\n".join([
            '<figure class="ed-map-figure">',
            svg(found, view, page),
            "<figcaption>Each point is a place; select one to go to it below. An arrow on the "
            "edge points toward a place beyond the region drawn. Shaded: the states of a "
            "region the glossary defines by them.</figcaption>",
            "</figure>",
        ])),
        block("p", "On the map and below: ",
              *joined(([link(p.name, f"#{p.id}")] for p in found), " · "),
              class_="ed-gl-meta ed-contents"),
    ]
    for point in found:
        out.append(block("h2", point.name, id=point.id))
        where = []
        if point.coordinates:
            where.append(degrees(point.coordinates))
            if not on_map(point.coordinates, view):
                where.append("beyond the region of the map, to the "
                             + beyond(point.coordinates, view)[0])
        if point.countries:
            where.append("the states of " + ", ".join(point.countries))
        meta = "Place" + (" · " + " · ".join(where) if where else "")
        out.append(block("p", meta, class_="ed-gl-meta"))
        entry = point.entry
        if entry is not None:
            identifiers = identifiers_line(entry.identifiers)
            out += [
                # searchable once, on the glossary page that holds it
                block("p", entry.summary, class_="ed-gl-definition",
                      **{"data-search-exclude": ""}),
                block("p", *sources_line(entry.sources), class_="ed-gl-sources"),
                *([block("p", *identifiers, class_="ed-gl-sources ed-identifiers")]
                  if identifiers else []),
                block("p", *lead_in("In the glossary:"),
                      link(entry.name, link_from(page, f"{GLOSSARY}#{entry.id}")),
                      class_="ed-gl-where"),
            ]
            mentions = occurrences.mentions(entry)
        else:
            out += _site_lines(point, page)
            mentions = site_mentions(point, occurrences)
        if mentions:
            out.append(mention_list(mentions, page, occurrences.title))
    return out


def _site_lines(point: Point, page: str) -> list[etree.Element]:
    """What a site is, its records and the entries that are at it."""
    site = point.at[0].site
    assert site is not None
    lines = [block("p", site.what, class_="ed-gl-definition")]
    identifiers = identifiers_line(site.identifiers)
    if identifiers:
        lines.append(block("p", *identifiers, class_="ed-gl-sources ed-identifiers"))
    entries = []
    for entry in point.at:
        target = actor_page(entry) if entry.kind == "actor" else home(entry)
        named = (" (the essay's " + ", ".join(f"“{f}”" for f in entry.site.forms)
                 + ")") if entry.site and entry.site.forms else ""
        entries.append([link(entry.name, link_from(page, target)), named])
    lines.append(block("p", *lead_in("The place of:"), *joined(entries, "; "),
                       class_="ed-gl-where"))
    return lines
