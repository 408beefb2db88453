"""The actors' network: deterministic layout, accessible static SVG, a summary in words."""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
import re
import xml.etree.ElementTree as etree

import pytest

from edition.pages import network
from edition.pages.network import (
    MARGIN,
    Edge,
    Node,
    describe,
    layout,
    render_svg,
)

NS = "{http://www.w3.org/2000/svg}"
W, H = 800, 560
KINDS = ["person", "state", "organisation", "group"]


def node(id: str, weight: int = 1, kind: str = "person", label: str = "", href: str = "") -> Node:
    return Node(id, label or id.title(), kind, weight, href or f"{id}/")


def big_graph(count: int = 40, links: int = 300) -> tuple[list[Node], list[Edge]]:
    """A reproducible graph of the size the essay produces."""
    rng = random.Random(7)
    nodes = [node(f"actor-{i}", rng.randint(1, 60), KINDS[i % 4]) for i in range(count)]
    pairs: dict[tuple[int, int], int] = {}
    while len(pairs) < links:
        a, b = sorted(rng.sample(range(count), 2))
        pairs[(a, b)] = rng.randint(1, 14)
    return nodes, [Edge(f"actor-{a}", f"actor-{b}", w) for (a, b), w in sorted(pairs.items())]


def small_graph() -> tuple[list[Node], list[Edge]]:
    nodes = [
        node("russia", 60, "state", "Russia"),
        node("iran", 55, "state", "Iran"),
        node("vladimir-putin", 24, "person", "Vladimir Putin"),
        node("irgc", 12, "organisation", "IRGC"),
        node("houthis", 3, "group", "Houthis"),
    ]
    edges = [
        Edge("iran", "russia", 14),
        Edge("russia", "vladimir-putin", 9),
        Edge("iran", "irgc", 6),
        Edge("houthis", "iran", 1),
    ]
    return nodes, edges


def distance(where: dict[str, tuple[float, float]], a: str, b: str) -> float:
    return math.dist(where[a], where[b])


def parse(svg: str) -> etree.Element:
    return etree.fromstring(svg)


def links_of(root: etree.Element) -> list[etree.Element]:
    return root.findall(f".//{NS}a")


# Layout


def test_layout_is_deterministic_and_independent_of_input_order() -> None:
    nodes, edges = big_graph()
    first = layout(nodes, edges, W, H)
    assert layout(nodes, edges, W, H) == first
    assert layout(nodes[::-1], edges[::-1], W, H) == first
    assert render_svg(nodes, edges, title="T", description="D") == render_svg(
        nodes[::-1], edges[::-1], title="T", description="D")


def test_every_node_gets_a_position_inside_the_box_less_the_margin() -> None:
    for nodes, edges in (big_graph(), small_graph(), ([node("alone")], [])):
        where = layout(nodes, edges, W, H)
        assert set(where) == {n.id for n in nodes}
        for x, y in where.values():
            assert MARGIN <= x <= W - MARGIN
            assert MARGIN <= y <= H - MARGIN


def test_the_layout_uses_the_box() -> None:
    nodes, edges = big_graph()
    xs, ys = zip(*layout(nodes, edges, W, H).values(), strict=True)
    assert max(xs) - min(xs) > W / 2
    assert max(ys) - min(ys) > H / 2


def test_a_heavily_connected_pair_ends_closer_than_any_unconnected_pair() -> None:
    ids = ["a", "b", "c", "d", "e", "f"]
    edges = [Edge("a", "b", 12), Edge("b", "c", 1), Edge("c", "d", 1), Edge("d", "e", 1),
             Edge("e", "f", 1), Edge("a", "f", 1)]
    where = layout([node(i) for i in ids], edges, W, H)
    linked = {frozenset((e.a, e.b)) for e in edges}
    close = distance(where, "a", "b")
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if frozenset((a, b)) not in linked:
                assert close < distance(where, a, b), (a, b)


def test_heavier_edges_pull_harder() -> None:
    nodes = [node(i) for i in "abcd"]
    edges = [Edge("a", "b", 10), Edge("b", "c", 1), Edge("c", "d", 10), Edge("d", "a", 1)]
    where = layout(nodes, edges, W, H)
    assert distance(where, "a", "b") < distance(where, "b", "c")
    assert distance(where, "c", "d") < distance(where, "d", "a")


def test_an_isolated_node_stays_in_view_without_squashing_the_rest() -> None:
    nodes, edges = big_graph(20, 80)
    nodes.append(node("loner", 5))
    where = layout(nodes, edges, W, H)
    x, y = where["loner"]
    assert MARGIN <= x <= W - MARGIN and MARGIN <= y <= H - MARGIN
    rest = [p for key, p in where.items() if key != "loner"]
    xs, ys = zip(*rest, strict=True)
    # Had the loner been pushed far away, fitting the box would crush the connected nodes.
    assert max(xs) - min(xs) > 0.6 * (W - 2 * MARGIN)
    assert max(ys) - min(ys) > 0.6 * (H - 2 * MARGIN)


def test_disconnected_components_stay_in_view_and_apart() -> None:
    left = [node(f"l{i}") for i in range(5)]
    right = [node(f"r{i}") for i in range(5)]
    edges = [Edge(f"l{i}", f"l{j}", 2) for i in range(5) for j in range(i + 1, 5)]
    edges += [Edge(f"r{i}", f"r{i + 1}", 3) for i in range(4)]
    where = layout(left + right, edges, W, H)
    for x, y in where.values():
        assert MARGIN <= x <= W - MARGIN and MARGIN <= y <= H - MARGIN
    nearest = min(math.dist(where[a.id], where[b.id]) for a in left for b in right)
    assert nearest > 20


def test_degenerate_inputs() -> None:
    assert layout([], [], W, H) == {}
    assert layout([node("one")], [], W, H) == {"one": (W / 2, pytest.approx(H / 2, abs=H / 4))}
    for width, height in ((0, H), (W, 0), (-1, H)):
        with pytest.raises(ValueError, match=r"^width and height must be positive$"):
            layout([node("a")], [], width, height)
    with pytest.raises(ValueError, match=r"^iterations must not be negative$"):
        layout([node("a")], [], W, H, iterations=-1)
    # No iteration at all is a layout too: the starting positions, fitted to the box.
    assert set(layout([node("a"), node("b")], [], W, H, iterations=0)) == {"a", "b"}


def test_the_layout_is_centred_and_its_axes_scaled_alike() -> None:
    """A wide, low box: the drawing is centred, and its height is not stretched to the box's
    full width (only its extremes touch the top and bottom of the box)."""
    nodes, edges = big_graph(20, 60)
    where = layout(nodes, edges, W, 200)
    xs, ys = zip(*where.values(), strict=True)
    assert (min(xs) + max(xs)) / 2 == pytest.approx(W / 2, abs=0.5)
    assert sum(y in (min(ys), max(ys)) for y in ys) == 2


def test_a_long_label_stays_inside_the_drawing() -> None:
    """Half of any label's width (at least half an em a character) fits on either side."""
    label = "The Islamic Revolutionary Guard Corps of the Islamic Republic"
    nodes = [node("a", label=label), node("b"), node("c")]
    for x, _ in layout(nodes, [Edge("a", "b", 1), Edge("b", "c", 1)], W, H).values():
        assert len(label) * 12 * 0.5 / 2 <= x <= W - len(label) * 12 * 0.5 / 2


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [
        ([node("a"), node("a")], [], "node ids must be unique and non-empty: 'a'"),
        ([Node("a", "A", "planet", 1, "a/")], [], "unknown kind 'planet' for 'a'"),
        ([node("a", weight=0)], [], "weight of 'a' must be at least 1"),
        ([node("a")], [Edge("a", "a", 1)], "edge 'a'–'a' must join two known nodes"),
        ([node("a")], [Edge("a", "ghost", 1)], "edge 'a'–'ghost' must join two known nodes"),
        ([node("a"), node("b")], [Edge("a", "b", 1), Edge("b", "a", 2)],
         "edge 'b'–'a' is given twice"),
        ([node("a"), node("b")], [Edge("a", "b", 0)], "weight of edge 'a'–'b' must be at least 1"),
    ],
)
def test_malformed_graphs_are_refused(nodes: list[Node], edges: list[Edge], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        layout(nodes, edges, W, H)
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        render_svg(nodes, edges, title="T", description="D")


def test_forty_nodes_and_three_hundred_edges_lay_out() -> None:
    """A smoke test of the essay's size (it runs in well under a second, but is not timed)."""
    nodes, edges = big_graph()
    assert len(render_svg(nodes, edges, title="T", description=describe(nodes, edges))) > 0


# SVG


def test_the_svg_is_a_titled_described_group_not_an_image() -> None:
    nodes, edges = small_graph()
    root = parse(render_svg(nodes, edges, title="Who appears with whom", description="Five."))
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox") == f"0 0 {W} {H}"
    assert root.get("role") is None  # not "img", which would hide the links inside
    title = root.find(f"{NS}title")
    desc = root.find(f"{NS}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id") == "ed-network-title"
    assert root.get("aria-describedby") == desc.get("id") == "ed-network-desc"
    assert (title.text, desc.text) == ("Who appears with whom", "Five.")
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def test_the_id_prefix_keeps_two_networks_on_a_page_apart() -> None:
    nodes, edges = small_graph()
    root = parse(render_svg(nodes, edges, title="T", description="D", id_prefix="net-2"))
    assert root.get("aria-labelledby") == "net-2-title"
    with pytest.raises(ValueError):
        render_svg(nodes, edges, title="T", description="D", id_prefix='x" onload="y')


def test_one_link_per_node_with_its_href_and_name() -> None:
    nodes, edges = small_graph()
    root = parse(render_svg(nodes, edges, title="T", description="D"))
    links = links_of(root)
    assert len(links) == len(nodes)
    by_href = {a.get("href"): a for a in links}
    for n in nodes:
        a = by_href[n.href]
        name = f"{n.label} — {n.weight} mentions"
        assert a.get("aria-label") == name
        assert a.find(f"{NS}title").text == name
        label = a.find(f"{NS}text")
        assert label.text == n.label
        assert label.get("class") == "ed-net-label"
        assert label.get("text-anchor") == "middle"
        assert a.get("class") == f"ed-net-node ed-net-{n.kind}"


def test_one_mention_is_singular() -> None:
    root = parse(render_svg([node("a", 1, label="Ann")], [], title="T", description="D"))
    assert links_of(root)[0].get("aria-label") == "Ann — 1 mention"


def test_one_hidden_line_per_edge_in_order_and_edges_before_nodes() -> None:
    nodes, edges = small_graph()
    svg = render_svg(nodes, edges, title="T", description="D")
    root = parse(svg)
    groups = root.findall(f"{NS}g")
    assert [g.get("class") for g in groups] == ["ed-net-edges", "ed-net-nodes"]
    assert groups[0].get("aria-hidden") == "true"
    lines = groups[0].findall(f"{NS}line")
    assert len(lines) == len(edges) == len(root.findall(f".//{NS}line"))
    assert all(line.get("class") == "ed-net-edge" for line in lines)
    where = layout(nodes, edges, W, H)
    for line, edge in zip(lines, sorted(edges, key=lambda e: (e.a, e.b)), strict=True):
        assert float(line.get("x1")) == pytest.approx(where[edge.a][0], abs=0.05)
        assert float(line.get("y2")) == pytest.approx(where[edge.b][1], abs=0.05)


def test_stroke_width_grows_with_the_paragraphs_shared() -> None:
    nodes, edges = small_graph()
    root = parse(render_svg(nodes, edges, title="T", description="D"))
    widths = [float(line.get("stroke-width")) for line in root.iter(f"{NS}line")]
    weights = [e.weight for e in sorted(edges, key=lambda e: (e.a, e.b))]
    assert all(0.5 <= w <= 6 for w in widths)
    assert widths[weights.index(14)] == 6.0 and widths[weights.index(1)] == 0.5
    assert sorted(widths) == [w for _, w in sorted(zip(weights, widths, strict=True))]


def test_nodes_are_drawn_lightest_first_so_the_most_mentioned_are_on_top() -> None:
    nodes = [node("b", 5), node("a", 5), node("c", 40), node("d", 1)]
    root = parse(render_svg(nodes, [], title="T", description="D"))
    assert [a.get("href") for a in links_of(root)] == ["d/", "a/", "b/", "c/"]


def test_each_kind_has_its_own_shape_and_size_follows_the_root_of_the_mentions() -> None:
    nodes = [node("p", 100, "person"), node("s", 25, "state"),
             node("o", 4, "organisation"), node("g", 1, "group")]
    root = parse(render_svg(nodes, [], title="T", description="D"))
    shapes = {}
    for a in links_of(root):
        found = [el for el in a if el.get("class") == "ed-net-shape"]
        assert len(found) == 1
        shapes[a.get("href")] = found[0]
    assert shapes["p/"].tag == f"{NS}circle" and float(shapes["p/"].get("r")) == 22.0
    assert shapes["s/"].tag == f"{NS}rect"
    assert shapes["s/"].get("width") == shapes["s/"].get("height")
    diamond = shapes["o/"].get("points").split()
    triangle = shapes["g/"].get("points").split()
    assert shapes["o/"].tag == shapes["g/"].tag == f"{NS}polygon"
    assert (len(diamond), len(triangle)) == (4, 3)

    def height(points: list[str]) -> float:
        ys = [float(p.split(",")[1]) for p in points]
        return max(ys) - min(ys)

    # Area tracks mentions: the square (25) is bigger than the diamond (4), itself bigger
    # than the smallest mark, a triangle of radius 5 (1 mention).
    assert float(shapes["s/"].get("height")) > height(diamond) > height(triangle) > 5


def test_labels_sit_below_their_shapes() -> None:
    nodes, edges = small_graph()
    root = parse(render_svg(nodes, edges, title="T", description="D"))
    for a in links_of(root):
        shape = next(el for el in a if el.get("class") == "ed-net-shape")
        text = a.find(f"{NS}text")
        if shape.tag == f"{NS}circle":
            bottom = float(shape.get("cy")) + float(shape.get("r"))
        elif shape.tag == f"{NS}rect":
            bottom = float(shape.get("y")) + float(shape.get("height"))
        else:
            bottom = max(float(p.split(",")[1]) for p in shape.get("points").split())
        assert float(text.get("y")) > bottom
        assert float(text.get("y")) < H


def test_hostile_strings_are_escaped_and_round_trip() -> None:
    label = '<script>alert(1)</script> & "Co"'
    href = 'a"b\'c&d<e>/'
    title = "</title><script>alert(2)</script>"
    description = 'x" onload="alert(3)'
    nodes = [Node("evil", label, "group", 3, href), node("plain")]
    svg = render_svg(nodes, [Edge("evil", "plain", 1)], title=title, description=description)
    root = parse(svg)
    assert "<script" not in svg.lower()
    tags = {el.tag.removeprefix(NS) for el in root.iter()}
    assert tags <= {"svg", "title", "desc", "g", "line", "a", "circle", "rect", "polygon", "text"}
    assert not [name for el in root.iter() for name in el.attrib if name.lower().startswith("on")]
    evil = next(a for a in links_of(root) if a.get("class").endswith("ed-net-group"))
    assert evil.get("href") == href
    assert evil.find(f"{NS}text").text == label
    assert evil.get("aria-label") == f"{label} — 3 mentions"
    assert root.find(f"{NS}title").text == title
    assert root.find(f"{NS}desc").text == description


def test_characters_xml_cannot_hold_are_dropped() -> None:
    svg = render_svg([node("a", label="Bell\x07 \x00Co")], [], title="T\x1b", description="D")
    root = parse(svg)
    assert links_of(root)[0].find(f"{NS}text").text == "Bell Co"


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x", "data:text/html,x"])
def test_links_with_a_dangerous_scheme_are_refused(href: str) -> None:
    with pytest.raises(ValueError):
        render_svg([node("a", href=href)], [], title="T", description="D")


@pytest.mark.parametrize("href", ["a/", "../actors/a/", "#a", "https://example.org/a", "?q=1"])
def test_relative_and_web_links_are_kept(href: str) -> None:
    root = parse(render_svg([node("a", href=href)], [], title="T", description="D"))
    assert links_of(root)[0].get("href") == href


def test_no_inline_colour_no_style_and_one_decimal_numbers() -> None:
    nodes, edges = big_graph()
    svg = render_svg(nodes, edges, title="T", description="D")
    root = parse(svg)
    assert "style" not in svg and "#" not in svg
    for el in root.iter():
        for name in ("fill", "stroke"):
            assert el.get(name) in (None, "currentColor")
        for name in ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height",
                     "stroke-width"):
            if el.tag != f"{NS}svg" and el.get(name) is not None:
                assert re.fullmatch(r"\d+\.\d", el.get(name)), (name, el.get(name))
        if el.get("points"):
            assert re.fullmatch(r"\d+\.\d,\d+\.\d( \d+\.\d,\d+\.\d)+", el.get("points"))


def test_an_empty_network_still_renders() -> None:
    root = parse(render_svg([], [], title="T", description="No actors."))
    assert links_of(root) == [] and root.findall(f".//{NS}line") == []


# describe


def test_describe_a_small_graph() -> None:
    nodes, edges = small_graph()
    assert describe(nodes, edges, top=3) == (
        "5 actors; the most mentioned are Russia (60), Iran (55) and Vladimir Putin (24); "
        "the strongest links are Russia–Iran (14 paragraphs), Russia–Vladimir Putin "
        "(9 paragraphs) and Iran–IRGC (6 paragraphs).")
    assert describe(nodes, edges).endswith(
        "Iran–IRGC (6 paragraphs) and Iran–Houthis (1 paragraph).")


def test_describe_singulars_ties_and_absences() -> None:
    assert describe([], []) == "No actors."
    assert describe([node("a", 2, label="Ann")], []) == (
        "1 actor; the most mentioned is Ann (2).")
    two = [node("b", 4, label="Bo"), node("a", 4, label="Al")]
    assert describe(two, []) == (
        "2 actors; the most mentioned are Al (4) and Bo (4); no two appear in the same paragraph.")
    assert describe(two, [Edge("b", "a", 1)], top=1) == (
        "2 actors; the most mentioned is Al (4); the strongest link is Al–Bo (1 paragraph).")
    with pytest.raises(ValueError):
        describe(two, [], top=0)


def test_a_short_label_keeps_the_full_name_for_screen_readers() -> None:
    irgc = Node("irgc", "IRGC", "organisation", 8, "irgc/", "Islamic Revolutionary Guard Corps")
    root = etree.fromstring(render_svg([irgc], [], title="t", description="d"))
    link = root.find(f".//{NS}a")
    assert link.get("aria-label") == "Islamic Revolutionary Guard Corps — 8 mentions"
    assert link.find(f"{NS}text").text == "IRGC"


def test_targets_are_24_units_and_never_overlap() -> None:
    """Each node's target (shape and label, a transparent rectangle) is at least
    24 × 24 and no two overlap, even in a crowded graph; each stays inside the drawing."""
    nodes, edges = big_graph(34, 200)
    root = parse(render_svg(nodes, edges, title="T", description="D", width=680, height=720))
    boxes = []
    for link in links_of(root):
        rect = link.find(f"{NS}rect[@class='ed-net-hit']")
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        assert w >= 24 and h >= 24
        assert x >= 0 and x + w <= 680.1 and y >= 0 and y + h <= 720.1
        boxes.append((x, y, x + w, y + h))
    assert len(boxes) == 34
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert overlaps == []


def _fresh(nodes: list[Node], edges: list[Edge]) -> str:
    """The drawing made with nothing kept from an earlier one."""
    network._separated.cache_clear()
    network._simulate.cache_clear()
    return render_svg(nodes, edges, title="Network", description="Who is named with whom.")


def test_a_kept_separation_is_the_one_its_boxes_give_and_a_changed_box_is_moved_anew() -> None:
    # Under mkdocs serve the labels' separation is kept between rebuilds, by the
    # boxes themselves; a rebuild with a longer label (a larger box) is separated again.
    nodes, edges = big_graph(20, 60)
    first = _fresh(nodes, edges)
    assert render_svg(nodes, edges, title="Network",
                      description="Who is named with whom.") == first
    changed = [dataclasses.replace(nodes[0], label="A much longer name than any other"),
               *nodes[1:]]
    kept = render_svg(changed, edges, title="Network", description="Who is named with whom.")
    assert kept != first
    assert kept == _fresh(changed, edges)


# ---- The drawing for a narrow box (a phone): ranked rows joined by arcs ---------------

def ranked(nodes: list[Node], edges: list[Edge]) -> etree.Element:
    return parse(network.render_ranked_svg(nodes, edges, title="T", description="D"))


def rows_of(root: etree.Element) -> list[tuple[float, float, float, float]]:
    """Each node's target (its row), as (left, top, right, bottom), in drawing order."""
    boxes = []
    for a in links_of(root):
        hit = a.find(f"{NS}rect")
        x, y = float(hit.get("x")), float(hit.get("y"))
        boxes.append((x, y, x + float(hit.get("width")), y + float(hit.get("height"))))
    return boxes


def test_the_narrow_drawing_ranks_the_most_mentioned_first_one_row_each() -> None:
    nodes, edges = big_graph()
    root = ranked(nodes, edges)
    width = float(root.get("viewBox").split()[2])
    assert width == network.NARROW_WIDTH
    expected = [n.href for n in sorted(nodes, key=lambda n: (-n.weight, n.label, n.id))]
    assert [a.get("href") for a in links_of(root)] == expected
    rows = rows_of(root)
    height = float(root.get("viewBox").split()[3])
    for above, below in itertools.pairwise(rows):
        assert below[1] >= above[3]  # rows never overlap
    for left, top, right, bottom in rows:
        assert right - left >= network.TARGET and bottom - top >= network.TARGET
        assert left >= 0 and right <= width and top >= 0 and bottom <= height


def test_the_narrow_drawing_sets_a_long_name_whole_on_lines_inside_its_width() -> None:
    long = "Office of the Supreme Leader of the Islamic Republic of Iran"
    root = ranked([node("office", 5, "organisation", long), node("iran", 9, "state", "Iran")],
                  [Edge("iran", "office", 2)])
    width = float(root.get("viewBox").split()[2])
    office = next(a for a in links_of(root) if a.get("href") == "office/")
    lines = [t.text for t in office.iter(f"{NS}tspan")]
    assert len(lines) > 1 and " ".join(lines) == long
    for line, tspan in zip(lines, office.iter(f"{NS}tspan"), strict=True):
        # The labels' generous estimate of a character's advance, as for the wide drawing.
        assert float(tspan.get("x")) + len(line) * network.FONT_SIZE * 0.65 <= width
    (top, bottom) = rows_of(root)[1][1::2]
    assert bottom - top >= len(lines) * network.FONT_SIZE


def test_the_narrow_drawing_has_one_hidden_arc_per_edge_and_escapes_what_it_is_given() -> None:
    label = '<script>alert(1)</script> & "Co"'
    nodes = [Node("evil", label, "group", 3, 'a"b<c>/'), node("plain"), node("third", 2)]
    edges = [Edge("evil", "plain", 1), Edge("plain", "third", 4)]
    svg = network.render_ranked_svg(nodes, edges, title="</title>", description="x")
    assert "<script" not in svg.lower()
    root = parse(svg)
    (group,) = [g for g in root.iter(f"{NS}g") if g.get("class") == "ed-net-edges"]
    assert group.get("aria-hidden") == "true"
    assert len(group.findall(f"{NS}path")) == len(edges)
    evil = next(a for a in links_of(root) if a.get("href") == 'a"b<c>/')
    assert " ".join(t.text for t in evil.iter(f"{NS}tspan")) == label
    assert root.get("aria-labelledby") == "ed-network-narrow-title"
    assert root.find(f"{NS}title").text == "</title>"


def test_what_a_drawing_drops_is_exactly_what_xml_cannot_hold() -> None:
    """``drawing.plain`` drops the characters outside XML 1.0's Char production (#x9 | #xA |
    #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]), over every code point, and
    agrees with lxml, which refuses them, round each edge."""
    from lxml import etree as lxml_etree

    from edition.pages import drawing

    dropped = [code for code in range(0x110000) if drawing.plain(chr(code)) == ""]
    assert dropped == [*range(0x0, 0x9), 0xB, 0xC, *range(0xE, 0x20), *range(0xD800, 0xE000),
                       0xFFFE, 0xFFFF]
    edges = [*range(0x0, 0x100), *range(0xD700, 0xE100), *range(0xFFF0, 0x10010), 0x10FFFF]
    refused = []
    for code in edges:
        try:
            lxml_etree.Element("a").text = chr(code)
        except ValueError:
            refused.append(code)
    assert [code for code in edges if drawing.plain(chr(code)) == ""] == refused
