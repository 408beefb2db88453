"""A static network of who appears with whom, drawn at build time as SVG.

Actors are nodes; two actors share an edge when they are named in the same
paragraph, weighted by the number of paragraphs they share. :func:`layout`
places the nodes with a deterministic Fruchterman–Reingold simulation, and
:func:`render_svg` draws them as an SVG with no script and no colours of its
own: every node is a link to the actor's page, its kind is told by its shape as
well as by the stylesheet's colour, and :func:`describe` says it all in words.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from edition.data import store
from edition.pages import drawing

SVG_NS = drawing.SVG_NS
KINDS = ("person", "state", "organisation", "group")

#: Every position is at least this far from each side of the box (or a quarter of it, if less).
MARGIN = 24.0
#: The labels' size in the drawing's units, as the stylesheet draws them (``.ed-net-label``).
FONT_SIZE = 15
#: WCAG 2.2's minimum target (2.5.8), in the drawing's units: the stylesheet never draws the
#: network smaller than one unit to a CSS pixel.
TARGET = 24.0
MIN_RADIUS, MAX_RADIUS = 5.0, 22.0
MIN_STROKE, MAX_STROKE = 0.5, 6.0

_GRAVITY = 1.0  # pull towards the centre, as a share of a mean-weight edge's attraction
#: Repulsion fades to nothing at this many ideal distances (as in Fruchterman and Reingold's
#: grid variant), so that the pull to the centre brings isolated nodes close to the rest.
_REACH_SQUARED = 2.0**2
_STRETCH = 1.5  # how much further one axis may be scaled than the other when fitting the box
_CHAR_WIDTH = 0.65  # estimated advance of a label character, in ems (wide: no overlap)
_LABEL_GAP = 3.0
#: How far each shape reaches above and below its centre, in radii (shapes have equal areas).
_EXTENT = {
    "person": (1.0, 1.0),
    "state": (math.sqrt(math.pi) / 2, math.sqrt(math.pi) / 2),
    "organisation": (math.sqrt(math.pi / 2), math.sqrt(math.pi / 2)),
    "group": (
        math.sqrt(4 * math.pi / (3 * math.sqrt(3))),
        math.sqrt(4 * math.pi / (3 * math.sqrt(3))) / 2,
    ),
}
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = frozenset({"http", "https"})
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

Position = tuple[float, float]


@dataclass(frozen=True)
class Node:
    """An actor: a stable slug, its name, its kind, how often it is named, its page."""

    id: str
    label: str
    kind: str
    weight: int
    href: str
    name: str = ""  # the full name, when the drawn label is a short form ("IRGC")

    @property
    def full_name(self) -> str:
        """The name screen readers and tooltips give."""
        return self.name or self.label


@dataclass(frozen=True)
class Edge:
    """Two actors named in ``weight`` common paragraphs."""

    a: str
    b: str
    weight: int


def _checked(
    nodes: Sequence[Node], edges: Sequence[Edge]
) -> tuple[list[Node], list[Edge]]:
    """The nodes sorted by id and the edges by (a, b), or ValueError if they make no graph."""
    ids: set[str] = set()
    for node in nodes:
        if not node.id or node.id in ids:
            raise ValueError(f"node ids must be unique and non-empty: {node.id!r}")
        if node.kind not in KINDS:
            raise ValueError(f"unknown kind {node.kind!r} for {node.id!r}")
        if node.weight < 1:
            raise ValueError(f"weight of {node.id!r} must be at least 1")
        ids.add(node.id)
    pairs: set[frozenset[str]] = set()
    for edge in edges:
        pair = frozenset((edge.a, edge.b))
        if edge.a == edge.b or not pair <= ids:
            raise ValueError(f"edge {edge.a!r}–{edge.b!r} must join two known nodes")
        if pair in pairs:
            raise ValueError(f"edge {edge.a!r}–{edge.b!r} is given twice")
        if edge.weight < 1:
            raise ValueError(f"weight of edge {edge.a!r}–{edge.b!r} must be at least 1")
        pairs.add(pair)
    return sorted(nodes, key=lambda n: n.id), sorted(edges, key=lambda e: (e.a, e.b))


def _radius(weight: int, heaviest: int) -> float:
    """Radius growing with the square root of the mentions, so area tracks the count."""
    if heaviest <= 1:
        return MIN_RADIUS
    share = (math.sqrt(weight) - 1) / (math.sqrt(heaviest) - 1)
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share


def _stroke(weight: int, heaviest: int) -> float:
    """Stroke width growing linearly with the paragraphs shared."""
    if heaviest <= 1:
        return MIN_STROKE
    return MIN_STROKE + (MAX_STROKE - MIN_STROKE) * (weight - 1) / (heaviest - 1)


def _label_width(label: str) -> float:
    return len(label) * FONT_SIZE * _CHAR_WIDTH


def _box(nodes: Sequence[Node], width: float, height: float) -> tuple[float, float, float, float]:
    """The (left, top, right, bottom) bounds for centres, leaving room for shapes and labels."""
    heaviest = max((n.weight for n in nodes), default=1)
    above = below = half = 0.0
    for node in nodes:
        radius = _radius(node.weight, heaviest)
        up, down = _EXTENT[node.kind]
        above = max(above, up * radius + 2)
        below = max(below, down * radius + _LABEL_GAP + FONT_SIZE + 2)
        half = max(half, _label_width(node.label) / 2 + 2, up * radius + 2)
    side = min(max(MARGIN, half), width / 4)
    top = min(max(MARGIN, above), height / 4)
    bottom = min(max(MARGIN, below), height / 4)
    return side, top, width - side, height - bottom


@functools.lru_cache(maxsize=4)  # mkdocs serve rebuilds the same drawing on every edit
@store.kept("network-layout")  # and the next build finds it on disk
def _simulate(
    count: int, links: tuple[tuple[int, int, float], ...], iterations: int
) -> tuple[Position, ...]:
    """Fruchterman–Reingold with ideal distance 1, from a circle, with a pull to the centre.

    ``links`` are (index, index, weight relative to the mean). Each step moves a node at
    most the temperature, which cools linearly from half the starting circle's radius.
    """
    start = math.sqrt(count) / 2
    xs = [start * math.cos(2 * math.pi * i / count) for i in range(count)]
    ys = [start * math.sin(2 * math.pi * i / count) for i in range(count)]
    hottest = max(start, 1.0) / 2
    for step in range(iterations):
        dxs = [0.0] * count
        dys = [0.0] * count
        for i in range(count):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, count):
                dx, dy = xi - xs[j], yi - ys[j]
                squared = dx * dx + dy * dy
                if squared < 1e-12:  # coincident: push apart along a fixed direction
                    dx, dy, squared = 1e-3, 1e-3 * (j - i), 1e-6 * (1 + (j - i) ** 2)
                if squared >= _REACH_SQUARED:
                    continue
                # (k² / d) / d, to be multiplied by (dx, dy), less its value at the reach
                force = 1.0 / squared - 1.0 / _REACH_SQUARED
                dxs[i] += dx * force
                dys[i] += dy * force
                dxs[j] -= dx * force
                dys[j] -= dy * force
        for a, b, weight in links:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            force = weight * math.sqrt(dx * dx + dy * dy)  # weight · (d² / k) / d
            dxs[a] -= dx * force
            dys[a] -= dy * force
            dxs[b] += dx * force
            dys[b] += dy * force
        limit = hottest * (1 - step / iterations)
        for i in range(count):
            x, y = xs[i], ys[i]
            pull = _GRAVITY * math.sqrt(x * x + y * y)
            dx, dy = dxs[i] - x * pull, dys[i] - y * pull
            moved = math.sqrt(dx * dx + dy * dy)
            if moved > limit:
                dx, dy = dx * limit / moved, dy * limit / moved
            xs[i], ys[i] = x + dx, y + dy
    return tuple(zip(xs, ys, strict=True))


def _fit(points: list[Position], box: tuple[float, float, float, float]) -> list[Position]:
    """Scale and centre the points into the box (axes scaled alike, within ``_STRETCH``)."""
    left, top, right, bottom = box
    low_x, high_x = min(p[0] for p in points), max(p[0] for p in points)
    low_y, high_y = min(p[1] for p in points), max(p[1] for p in points)
    scale_x = (right - left) / (high_x - low_x) if high_x - low_x > 1e-9 else math.inf
    scale_y = (bottom - top) / (high_y - low_y) if high_y - low_y > 1e-9 else math.inf
    common = min(scale_x, scale_y)
    if math.isinf(common):
        common = 0.0
    scale_x, scale_y = min(scale_x, common * _STRETCH), min(scale_y, common * _STRETCH)
    mid_x, mid_y = (low_x + high_x) / 2, (low_y + high_y) / 2
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    return [
        (
            min(max(centre_x + (x - mid_x) * scale_x, left), right),
            min(max(centre_y + (y - mid_y) * scale_y, top), bottom),
        )
        for x, y in points
    ]


def layout(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    width: float,
    height: float,
    iterations: int = 300,
) -> dict[str, Position]:
    """Deterministic force-directed positions of the nodes' centres, by id.

    Linked nodes attract in proportion to the edge's weight, all nodes repel, and
    a gentle pull to the centre keeps isolated nodes and separate components
    near the rest. The result is scaled into the box less a margin for shapes and
    labels, and depends only on the sets of nodes and edges, not their order.
    """
    ordered, links = _checked(nodes, edges)
    if not width > 0 or not height > 0:
        raise ValueError("width and height must be positive")
    if iterations < 0:
        raise ValueError("iterations must not be negative")
    if not ordered:
        return {}
    index = {node.id: i for i, node in enumerate(ordered)}
    mean = sum(e.weight for e in links) / len(links) if links else 1.0
    indexed = tuple((index[e.a], index[e.b], e.weight / mean) for e in links)
    points = _fit(list(_simulate(len(ordered), indexed, iterations)),
                  _box(ordered, width, height))
    return {node.id: point for node, point in zip(ordered, points, strict=True)}


Box = tuple[float, float, float, float]


def _node_box(node: Node, x: float, y: float, radius: float) -> Box:
    """The (left, top, right, bottom) of a node's shape and label together, at least
    ``TARGET`` wide and high: the area a reader selects."""
    up, down = _EXTENT[node.kind]
    half = max(_label_width(node.label) / 2, up * radius, TARGET / 2)
    top = y - up * radius
    bottom = max(y + down * radius + _LABEL_GAP + FONT_SIZE * 1.2, top + TARGET)
    return x - half, top, x + half, bottom


def separate(
    boxes: dict[str, Box], width: float, height: float, gap: float = 2.0, rounds: int = 400
) -> dict[str, tuple[float, float]]:
    """How far to move each box so that no two overlap (``gap`` apart), inside the drawing.

    Each round pushes every overlapping pair apart along the axis where they overlap
    least, each by half; boxes stay inside ``width`` × ``height``. Deterministic (ids in
    order); returns each id's (dx, dy).
    """
    ids = sorted(boxes)
    count = len(ids)
    # Plain lists indexed by position in ``ids``: the pair loop runs count² / 2 times a
    # round for up to 400 rounds, so it reads floats from lists instead of calling a
    # function per pair. Each box's current sides are ``side + moved``, recomputed from
    # the moves whenever they change, exactly as a box would be placed from scratch, so
    # the drawing is the same to the bit.
    lefts = [boxes[i][0] for i in ids]
    tops = [boxes[i][1] for i in ids]
    rights = [boxes[i][2] for i in ids]
    bottoms = [boxes[i][3] for i in ids]
    dxs = [0.0] * count
    dys = [0.0] * count
    cl, ct, cr, cb = lefts[:], tops[:], rights[:], bottoms[:]
    for _ in range(rounds):
        clash = False
        for a in range(count):
            for b in range(a + 1, count):
                # min() and max() as the builtins choose between equals: the first.
                al, ar, bl, br = cl[a], cr[a], cl[b], cr[b]
                over_x = (br if br < ar else ar) - (bl if bl > al else al) + gap
                if over_x <= 0:
                    continue  # apart across: no need to look up and down
                at, ab, bt, bb = ct[a], cb[a], ct[b], cb[b]
                over_y = (bb if bb < ab else ab) - (bt if bt > at else at) + gap
                if over_y <= 0:
                    continue
                clash = True
                if over_x < over_y:
                    _push_apart(a, b, over_x, dxs, lefts, rights, cl, cr)
                else:
                    _push_apart(a, b, over_y, dys, tops, bottoms, ct, cb)
        for i in range(count):  # back inside the drawing
            left, top, right, bottom = cl[i], ct[i], cr[i], cb[i]
            dxs[i] += max(0.0, -left) - max(0.0, right - width)
            dys[i] += max(0.0, -top) - max(0.0, bottom - height)
            cl[i], cr[i] = lefts[i] + dxs[i], rights[i] + dxs[i]
            ct[i], cb[i] = tops[i] + dys[i], bottoms[i] + dys[i]
        if not clash:
            break
    return {i: (dxs[n], dys[n]) for n, i in enumerate(ids)}


def _push_apart(a: int, b: int, over: float, moves: list[float], lows: list[float],
                highs: list[float], low: list[float], high: list[float]) -> None:
    """Boxes ``a`` and ``b`` pushed apart along one axis, each by half of ``over``, ``a``
    towards its side of ``b`` (the lower id first where they coincide): ``moves`` are the
    boxes' moves along it, ``lows`` and ``highs`` their sides as laid out, ``low`` and
    ``high`` their sides now, made again from the moves."""
    half = (-1.0 if low[a] + high[a] <= low[b] + high[b] else 1.0) * over / 2
    moves[a] += half
    moves[b] -= half
    low[a], high[a] = lows[a] + moves[a], highs[a] + moves[a]
    low[b], high[b] = lows[b] + moves[b], highs[b] + moves[b]


@functools.lru_cache(maxsize=4)  # the same boxes on every mkdocs serve rebuild
@store.kept("network-separation")  # and on the next build, from disk
def _separated(boxes: tuple[tuple[str, Box], ...], width: float,
               height: float) -> tuple[tuple[str, tuple[float, float]], ...]:
    """:func:`separate` of ``boxes`` (id and box, in id order), kept for the same boxes.

    On the real edition the pass never settles and runs all its rounds; a rebuild that
    changed no box gets the same moves again."""
    return tuple(separate(dict(boxes), width, height).items())


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _lined(root: drawing.Element) -> drawing.Element:
    """``root`` with a line break after each element and inside each group and link, as
    the drawing has always been written (a label's lines stay on one)."""
    for element in root.iter():
        tag = etree.QName(element).localname
        if tag in ("svg", "g", "a"):
            element.text = "\n"
        if element is not root and tag != "tspan":
            element.tail = "\n"
    return root


def _safe_href(href: str) -> str:
    """``href`` unchanged, or ValueError if a browser would read a scheme other than http(s)."""
    scheme = _SCHEME.match(_URL_IGNORED.sub("", href))
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        raise ValueError(f"unsafe link {href!r}")
    return href


def _mentions(weight: int) -> str:
    return f"{weight} mention" if weight == 1 else f"{weight} mentions"


def node_title(node: Node) -> str:
    """The link's accessible name and tooltip: "Vladimir Putin — 24 mentions"."""
    return f"{node.full_name} — {_mentions(node.weight)}"


def _shape(parent: drawing.Element, kind: str, x: float, y: float, radius: float) -> None:
    """The node's mark: circle, square, diamond or triangle, all of the same area."""
    if kind == "person":
        drawing.add(parent, "circle", {"class": "ed-net-shape", "cx": _num(x), "cy": _num(y),
                                       "r": _num(radius)})
        return
    if kind == "state":
        half = radius * _EXTENT["state"][0]
        drawing.add(parent, "rect", {"class": "ed-net-shape", "x": _num(x - half),
                                     "y": _num(y - half), "width": _num(2 * half),
                                     "height": _num(2 * half)})
        return
    if kind == "organisation":
        reach = radius * _EXTENT["organisation"][0]
        corners = [(x, y - reach), (x + reach, y), (x, y + reach), (x - reach, y)]
    else:
        reach = radius * _EXTENT["group"][0]
        spread = reach * math.sqrt(3) / 2
        corners = [(x, y - reach), (x + spread, y + reach / 2), (x - spread, y + reach / 2)]
    points = " ".join(f"{_num(cx)},{_num(cy)}" for cx, cy in corners)
    drawing.add(parent, "polygon", {"class": "ed-net-shape", "points": points})


def _root(kind: str, view: str, id_prefix: str, title: str,
          description: str) -> drawing.Element:
    """A drawing's root, named by its ``<title>`` and described by its ``<desc>``; out of
    search: the names are found on the actors' own pages and in the lists."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    root = drawing.svg({"class": kind, "viewBox": view, "aria-labelledby": title_id,
                        "aria-describedby": desc_id, "data-search-exclude": ""})
    drawing.add(root, "title", {"id": title_id}, title)
    drawing.add(root, "desc", {"id": desc_id}, description)
    return root


def _link(parent: drawing.Element, node: Node) -> drawing.Element:
    """A node's link to its page, named by its full name and mentions."""
    name = node_title(node)
    link = drawing.add(parent, "a", {"href": _safe_href(node.href),
                                     "class": f"ed-net-node ed-net-{node.kind}",
                                     "aria-label": name})
    drawing.add(link, "title", None, name)
    return link


def render_svg(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    title: str,
    description: str,
    width: int = 800,
    height: int = 560,
    id_prefix: str = "ed-network",
) -> str:
    """The network as an ``<svg>`` element: titled, described, one link per node, no script.

    The root is a ``group`` (not ``img``, which would hide the links) named by its
    ``<title>`` and described by its ``<desc>``. Edges are drawn first and hidden
    from assistive technology; nodes follow by ascending weight, so the most
    mentioned, and their labels, are on top. Colours come from the stylesheet.
    """
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a plain identifier")
    ordered, links = _checked(nodes, edges)
    where = layout(ordered, links, width, height)
    heaviest = max((n.weight for n in ordered), default=1)
    # No two names or targets overlap: each node's shape and label, moved apart.
    boxes = {n.id: _node_box(n, *where[n.id], _radius(n.weight, heaviest)) for n in ordered}
    shift = dict(_separated(tuple(sorted(boxes.items())), width, height))
    where = {i: (x + shift[i][0], y + shift[i][1]) for i, (x, y) in where.items()}
    strongest = max((e.weight for e in links), default=1)
    root = _root("ed-network", f"0 0 {width} {height}", id_prefix, title, description)
    lines = drawing.add(root, "g", {"class": "ed-net-edges", "aria-hidden": "true",
                                    "stroke": "currentColor"})
    for edge in links:
        (x1, y1), (x2, y2) = where[edge.a], where[edge.b]
        drawing.add(lines, "line", {
            "class": "ed-net-edge", "x1": _num(x1), "y1": _num(y1), "x2": _num(x2),
            "y2": _num(y2), "stroke-width": _num(_stroke(edge.weight, strongest))})
    marks = drawing.add(root, "g", {"class": "ed-net-nodes", "fill": "currentColor",
                                    "font-size": f"{FONT_SIZE}"})
    for node in sorted(ordered, key=lambda n: (n.weight, n.id)):
        x, y = where[node.id]
        radius = _radius(node.weight, heaviest)
        baseline = y + _EXTENT[node.kind][1] * radius + _LABEL_GAP + 0.75 * FONT_SIZE
        left, top, right, bottom = _node_box(node, x, y, radius)
        link = _link(marks, node)
        # The target: shape and label together, at least 24 × 24 (drawn transparent).
        drawing.add(link, "rect", {"class": "ed-net-hit", "x": _num(left), "y": _num(top),
                                   "width": _num(right - left), "height": _num(bottom - top)})
        _shape(link, node.kind, x, y, radius)
        drawing.add(link, "text", {"class": "ed-net-label", "x": _num(x), "y": _num(baseline),
                                   "text-anchor": "middle"}, node.label)
    return drawing.markup(_lined(root))


def _series(items: Iterable[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    parts = list(items)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def describe(nodes: Sequence[Node], edges: Sequence[Edge], top: int = 5) -> str:
    """The network in a sentence: its size, the most mentioned actors, the strongest links."""
    if top < 1:
        raise ValueError("top must be at least 1")
    ordered, links = _checked(nodes, edges)
    if not ordered:
        return "No actors."
    by_id = {node.id: node for node in ordered}

    def rank(node: Node) -> tuple[int, str, str]:
        return -node.weight, node.label, node.id

    parts = [f"{len(ordered)} actor" if len(ordered) == 1 else f"{len(ordered)} actors"]
    most = sorted(ordered, key=rank)[:top]
    verb = "is" if len(most) == 1 else "are"
    parts.append(f"the most mentioned {verb} " + _series(f"{n.label} ({n.weight})" for n in most))
    pairs = [(e.weight, sorted((by_id[e.a], by_id[e.b]), key=rank)) for e in links]
    pairs.sort(key=lambda p: (-p[0], rank(p[1][0]), rank(p[1][1])))
    if pairs:
        shown = pairs[:top]
        lead = "the strongest link is " if len(shown) == 1 else "the strongest links are "
        parts.append(lead + _series(
            f"{first.label}–{second.label} ({weight} paragraph{'' if weight == 1 else 's'})"
            for weight, (first, second) in shown
        ))
    elif len(ordered) > 1:
        parts.append("no two appear in the same paragraph")
    return "; ".join(parts) + "."


#: The drawing for a narrow box (a phone): its width in units, the room the arcs take on
#: its left, a row's least height and a label's line height.
NARROW_WIDTH = 320
_ARCS = 96.0
_ROW = 30.0
_LINE = FONT_SIZE * 1.2
_NARROW_RADIUS = 10.0


def _lines(label: str, room: float) -> list[str]:
    """``label`` in lines no wider than ``room`` (by the labels' estimated width), broken
    at spaces; a word wider than the room stands alone on its line."""
    lines: list[str] = []
    for word in label.split():
        if lines and _label_width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [label]


def render_ranked_svg(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    title: str,
    description: str,
    width: int = NARROW_WIDTH,
    id_prefix: str = "ed-network-narrow",
) -> str:
    """The network for a narrow box, as an arc diagram: one row per actor, the most
    mentioned first, its shape and its whole name (broken over lines where it is long), and
    each link an arc on the left joining two rows. Rows never overlap and a name is never
    cut; each row is a link, its full width and at least ``TARGET`` high. The same
    accessible structure as :func:`render_svg`: titled, described, edges hidden from
    assistive technology, colours from the stylesheet."""
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a plain identifier")
    ordered, links = _checked(nodes, edges)
    ranked = sorted(ordered, key=lambda n: (-n.weight, n.label, n.id))
    heaviest = max((n.weight for n in ordered), default=1)
    shape_x = _ARCS + 4 + _NARROW_RADIUS
    label_x = shape_x + _NARROW_RADIUS + 6
    room = width - label_x - 4
    rows: dict[str, tuple[float, float, list[str]]] = {}  # id: (top, height, lines)
    y = 4.0
    for node in ranked:
        lines = _lines(node.label, room)
        height = max(_ROW, len(lines) * _LINE + 10, TARGET)
        rows[node.id] = (y, height, lines)
        y += height
    total = math.ceil(y + 4)
    strongest = max((e.weight for e in links), default=1)
    root = _root("ed-network ed-network--ranked", f"0 0 {width} {total}", id_prefix, title,
                 description)
    arcs = drawing.add(root, "g", {"class": "ed-net-edges", "aria-hidden": "true",
                                   "stroke": "currentColor", "fill": "none"})

    def middle(node_id: str) -> float:
        top, height, _ = rows[node_id]
        return top + height / 2

    for edge in links:
        y1, y2 = sorted((middle(edge.a), middle(edge.b)))
        reach = min((y2 - y1) / 2, _ARCS - 4)
        start = shape_x - _NARROW_RADIUS - 2
        drawing.add(arcs, "path", {
            "class": "ed-net-edge",
            "d": f"M{_num(start)},{_num(y1)} A{_num(reach)},{_num((y2 - y1) / 2)} 0 0 0 "
                 f"{_num(start)},{_num(y2)}",
            "stroke-width": _num(_stroke(edge.weight, strongest))})
    marks = drawing.add(root, "g", {"class": "ed-net-nodes", "fill": "currentColor",
                                    "font-size": f"{FONT_SIZE}"})
    for node in ranked:
        top, height, lines = rows[node.id]
        centre = top + height / 2
        radius = _NARROW_RADIUS * _radius(node.weight, heaviest) / MAX_RADIUS
        first = centre - (len(lines) - 1) * _LINE / 2 + 0.35 * FONT_SIZE
        link = _link(marks, node)
        drawing.add(link, "rect", {"class": "ed-net-hit",
                                   "x": _num(shape_x - _NARROW_RADIUS - 2), "y": _num(top),
                                   "width": _num(width - shape_x + _NARROW_RADIUS + 2),
                                   "height": _num(height)})
        _shape(link, node.kind, shape_x, centre, max(radius, 3.0))
        text = drawing.add(link, "text", {"class": "ed-net-label"})
        for i, line in enumerate(lines):
            drawing.add(text, "tspan", {"x": _num(label_x), "y": _num(first + i * _LINE)},
                        line)
    return drawing.markup(_lined(root))
