"""#24: the places index: every place of the glossary, with a map drawn at build time.

The map is a static SVG made from Natural Earth country outlines vendored in
``natural_earth/`` (public domain, via world-atlas, ISC licence beside the data): nothing is
fetched at run time, no tiles, no script. Each place with a point is marked and linked to
its entry below; a region of whole states (Central Asia) shades them. The list below the
map says everything the map shows, for readers who cannot see it. The outlines are clipped
to the region drawn and thinned to about a pixel, so the page stays light (issue 26).
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from edition.data.forms import fold
from edition.data.glossary import (
    IDENTIFIER_NAMES,
    Entry,
    Glossary,
    identifier_url,
    slugify,
)
from edition.index.occurrences import Mention, OccurrenceIndex
from edition.pages.actors import mention_list
from edition.pages.inserts import Insert
from edition.pages.links import (
    GLOSSARY,
    actor_page,
    home,
    identifiers_line,
    link_from,
    literal,
    sources_line,
)
from edition.pages.registry import Ids

PAGE = "places.md"
#: The ids the places page has besides its places': its heading's and the map's.
PAGE_IDS = ("places", "ed-map-title", "ed-map-desc")
DATA = Path(__file__).resolve().parent / "natural_earth" / "countries.json"
#: The outlines as the map draws them, made from ``DATA`` by ``scripts/vendor_natural_earth.py``
#: (clipped and thinned once, there, not in every build), with the map they were made for.
OUTLINES = DATA.with_name("outlines.json")
#: The region drawn: west, south, east, north (degrees).
VIEW = (14.0, 30.0, 78.0, 60.0)
WIDTH = 800
#: About the width of one character of a label at a phone's type size (30 units, the
#: stylesheet's), wide letters included: the room a label needs.
_PHONE_EM = 17


@cache
def _countries() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple((c["name"], tuple(tuple((p[0], p[1]) for p in ring) for ring in c["rings"]))
                 for c in data["countries"])


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates of a point: equirectangular, true to scale at the view's mid-latitude."""
    west, south, east, north = VIEW
    x_per_degree = WIDTH / (east - west)
    y_per_degree = x_per_degree / math.cos(math.radians((south + north) / 2))
    return (lon - west) * x_per_degree, (north - lat) * y_per_degree


def height() -> float:
    """The map's height in its own units."""
    west, south, _east, _north = VIEW
    return project(south, west)[1]


def on_map(coordinates: tuple[float, float] | None) -> bool:
    """Whether a point lies inside the region drawn (Washington does not)."""
    if coordinates is None:
        return False
    west, south, east, north = VIEW
    return south <= coordinates[0] <= north and west <= coordinates[1] <= east


def places(glossary: Glossary) -> list[Entry]:
    """The glossary's places, by name."""
    return sorted((t for t in glossary.terms if t.category == "place"),
                  key=lambda t: t.name.casefold())


@dataclass(frozen=True)
class Point:
    """#24: a place on the map: a place term, or the site of entries (Tehran for Iran)."""

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


def frame() -> tuple[float, float, float, float]:
    """The box an outline is clipped to: the map and its margin (left, top, right, bottom)."""
    return -_MARGIN, -_MARGIN, WIDTH + _MARGIN, height() + _MARGIN


def outline(rings: tuple[tuple[tuple[float, float], ...], ...]) -> str:
    """An SVG path of ``rings`` (longitude, latitude), clipped to the map and its margin:
    the outlines of Russia, China or India run far beyond the region drawn."""
    box = frame()
    parts = []
    for ring in rings:
        points = thin(clip([project(lat, lon) for lon, lat in ring], box))
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


def outlines_made() -> dict[str, Any]:
    """What ``OUTLINES`` holds: the map they fit and each country's name and outline, for
    the countries that have one on the map."""
    drawn = ((name, outline(rings)) for name, rings in _countries())
    return {**_map_made_for(), "countries": [[name, path] for name, path in drawn if path]}


def _map_made_for() -> dict[str, Any]:
    """The map an outline fits: its view, width, margin and thinning step."""
    return {"view": list(VIEW), "width": WIDTH, "margin": _MARGIN, "step": _STEP}


@cache
def _country_paths() -> tuple[tuple[str, str], ...]:
    """Each country's name and outline, as vendored, read once per process (under ``mkdocs
    serve`` not again on every rebuild). Outlines made for another map (the view changed
    and the script was not run again) are drawn here instead, the same as the script would,
    so the map is never wrong; ``tests/pages/test_map_outlines.py`` keeps the file current."""
    data: dict[str, Any] = json.loads(OUTLINES.read_text(encoding="utf-8"))
    if {key: data.get(key) for key in _map_made_for()} != _map_made_for():
        data = outlines_made()
    return tuple((name, path) for name, path in data["countries"])


def degrees(coordinates: tuple[float, float]) -> str:
    """A point as a reader writes it: 38.90° N, 77.04° W."""
    lat, lon = coordinates
    return (f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.2f}° {'E' if lon >= 0 else 'W'}")


def beyond(coordinates: tuple[float, float]) -> tuple[str, float, float]:
    """For a point outside the region drawn: the direction it lies in ("west", "north-east",
    …) and the point on the map's edge nearest it, where its marker stands."""
    west, south, east, north = VIEW
    lat, lon = coordinates
    ns = "north" if lat > north else "south" if lat < south else ""
    ew = "west" if lon < west else "east" if lon > east else ""
    x, y = project(min(max(lat, south), north), min(max(lon, west), east))
    return "-".join(part for part in (ns, ew) if part), x, y


def _edge_marker(entry: Point) -> str:
    """A place beyond the region drawn: an arrow on the map's edge pointing toward it,
    linked to its entry like the points."""
    assert entry.coordinates is not None
    toward, x, y = beyond(entry.coordinates)
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
    return (f'<a href="#{entry.id}" class="ed-map-place ed-map-beyond" '
            f"aria-label={quoteattr(label)}><title>{escape(label)}</title>"
            f'<polygon points="{shape}"/>'
            f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="{anchor}">'
            f"{escape(entry.name)}</text></a>")


def svg(found: list[Point], page: str = PAGE) -> str:
    """The map: the region's countries, each place marked and linked to its entry."""
    shaded = {country for entry in found for country in entry.countries}
    tall = height()
    marked = [e for e in found if on_map(e.coordinates)]
    off = [e for e in found if e.coordinates and not on_map(e.coordinates)]
    off_text = (" Beyond the region drawn, an arrow on its edge points toward: "
                + escape(", ".join(f"{e.name} (to the {beyond(e.coordinates)[0]})"
                                   for e in off if e.coordinates)) + ".") if off else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-map" viewBox="0 0 {WIDTH} '
        f'{tall:.0f}" aria-labelledby="ed-map-title" aria-describedby="ed-map-desc" '
        'data-search-exclude="">',
        '<title id="ed-map-title">Map of the places the essay names</title>',
        f'<desc id="ed-map-desc">The region from {VIEW[0]:g}° to {VIEW[2]:g}° E and '
        f'{VIEW[1]:g}° to {VIEW[3]:g}° N: '
        f'{len(marked)} places marked with a point ('
        + escape(", ".join(e.name for e in marked)) + "); shaded, the states of "
        + escape(", ".join(sorted(shaded)) or "none") + "." + off_text
        + " Each place is listed below the map.</desc>",
        f'<rect class="ed-map-sea" width="{WIDTH}" height="{tall:.0f}"/>',
        '<g class="ed-map-land" aria-hidden="true">',
    ]
    for name, outline in _country_paths():
        kind = ' class="ed-map-region"' if name in shaded else ""
        parts.append(f"<path{kind} d=\"{outline}\"><title>{escape(name)}</title></path>")
    parts.append("</g>")
    for entry in marked:
        assert entry.coordinates is not None
        x, y = project(*entry.coordinates)
        label = f"{entry.name}: {degrees(entry.coordinates)}"
        # A label goes left of its point when another point lies close on its right.
        crowded = any(0 < project(*o.coordinates)[0] - x < 200
                      and abs(project(*o.coordinates)[1] - y) < 40
                      for o in marked if o is not entry and o.coordinates)
        text_x, text_y, anchor = (x - 11, y + 5, "end") if crowded else (x + 11, y + 5, "start")
        if crowded and x - 11 < _PHONE_EM * len(entry.name):
            # No room on the left at a phone's larger type either: below the point.
            text_x, text_y, anchor = x, y + 34, "middle"
        parts.append(
            f'<a href="#{entry.id}" class="ed-map-place" aria-label={quoteattr(label)}>'
            f"<title>{escape(label)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7"/>'
            f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="{anchor}">'
            f"{escape(entry.name)}</text></a>"
        )
    parts += [_edge_marker(entry) for entry in off]
    parts.append("</svg>")
    return "".join(parts)


def render(glossary: Glossary, occurrences: OccurrenceIndex, insert: Insert,
           page: str = PAGE) -> str:
    """The Markdown of the places page; ``insert`` puts built elements in it."""
    found = points(glossary)
    out = [
        "# Places { .ed-heading }",
        "",
        "The editor's index of places",
        "{ .ed-rubric }",
        "",
        f"{len(found)} places the essay names or its entries are at, what each is, where it "
        "lies and every mention in context. The map is drawn from Natural Earth's country "
        "outlines (public domain); borders are today's.",
        "{ .ed-summary }",
        "",
        '<figure class="ed-map-figure">',
        svg(found, page),
        "<figcaption>Each point is a place; select one to go to it below. An arrow on the "
        "edge points toward a place beyond the region drawn. Shaded: the states of a region "
        "the glossary defines by them.</figcaption>",
        "</figure>",
        "",
        "On the map and below: " + " · ".join(f"[{literal(p.name)}](#{p.id})" for p in found),
        "{ .ed-gl-meta .ed-contents }",
        "",
    ]
    for point in found:
        out += [f"## {literal(point.name)} {{ #{point.id} }}", ""]
        where = []
        if point.coordinates:
            where.append(degrees(point.coordinates))
            if not on_map(point.coordinates):
                where.append("beyond the region of the map, to the "
                             + beyond(point.coordinates)[0])
        if point.countries:
            where.append("the states of " + ", ".join(literal(c) for c in point.countries))
        meta = "Place" + (" · " + " · ".join(where) if where else "")
        out += [meta, "{ .ed-gl-meta }", ""]
        entry = point.entry
        if entry is not None:
            out += [literal(entry.summary),
                    # searchable once, on the glossary page that holds it
                    '{ .ed-gl-definition data-search-exclude="" }',
                    "", sources_line(entry.sources), "{ .ed-gl-sources }", "",
                    *([identifiers_line(entry) or "", "{ .ed-gl-sources .ed-identifiers }", ""]
                      if entry.identifiers else []),
                    f"**In the glossary:** [{literal(entry.name)}]"
                    f"({link_from(page, f'{GLOSSARY}#{entry.id}')})", "{ .ed-gl-where }", ""]
            mentions = occurrences.mentions(entry)
        else:
            out += _site_lines(point, page)
            mentions = site_mentions(point, occurrences)
        if mentions:
            out += [insert([mention_list(mentions, page, occurrences.title)]), ""]
    return "\n".join(out)


def _site_lines(point: Point, page: str) -> list[str]:
    """What a site is, its records and the entries that are at it."""
    site = point.at[0].site
    assert site is not None
    lines = [literal(site.what), "{ .ed-gl-definition }", ""]
    if site.identifiers:
        links = " · ".join(f"[{IDENTIFIER_NAMES[k]} {v}](<{identifier_url(k, v)}>)"
                           for k, v in site.identifiers)
        lines += [f"**Identifiers:** {links}", "{ .ed-gl-sources .ed-identifiers }", ""]
    entries = []
    for entry in point.at:
        target = actor_page(entry) if entry.kind == "actor" else home(entry)
        named = (" (the essay's " + ", ".join(f"“{literal(f)}”" for f in entry.site.forms)
                 + ")") if entry.site and entry.site.forms else ""
        entries.append(f"[{literal(entry.name)}]({link_from(page, target)}){named}")
    lines += ["**The place of:** " + "; ".join(entries), "{ .ed-gl-where }", ""]
    return lines
