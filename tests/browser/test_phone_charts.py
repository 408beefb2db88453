"""The charts at every width: on a phone (390 px) the actors network and the timeline are
drawn for the width there is, with no sideways scrolling, no name cut and every target
24 x 24 px; the places map's names never overlap one another or another place's point, at
390, 1280 and 1600 px. Real build, real Chromium."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Browser

from support.build import ROOT

TARGET = 24  # px, WCAG 2.2's minimum target (2.5.8)
WIDTHS = {390: 844, 1280: 900, 1600: 1000}

#: Whether the page, and each figure, fits its width; and the boxes of what the visible
#: drawing in ``figure`` shows: its links, their names, its axis labels, its box.
DRAWN = """(figure) => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            width: r.width, height: r.height}; };
  const svgs = [...document.querySelectorAll(figure + ' svg')].filter((s) => s.checkVisibility());
  const holder = document.querySelector(figure);
  return {
    page: document.documentElement.scrollWidth, viewport: innerWidth,
    figure: {scroll: holder.scrollWidth, client: holder.clientWidth},
    drawings: svgs.map(box),
    links: svgs.flatMap((s) => [...s.querySelectorAll('a')]).map((a) =>
      ({name: a.getAttribute('aria-label'), ...box(a)})),
    // A name set on lines (tspans) reads with a space between them.
    names: svgs.flatMap((s) => [...s.querySelectorAll('a text')])
      .filter((t) => t.checkVisibility()).map((t) => ({
        name: (t.querySelector('tspan') ? [...t.querySelectorAll('tspan')]
          .map((l) => l.textContent).join(' ') : t.textContent),
        owner: t.closest('a').getAttribute('aria-label'), ...box(t)})),
    axis: svgs.flatMap((s) => [...s.querySelectorAll('.ed-tl-axis text')])
      .map((t) => ({name: t.textContent, ...box(t)})),
    points: svgs.flatMap((s) => [...s.querySelectorAll('a circle, a polygon')]).map((p) =>
      ({name: p.closest('a').getAttribute('aria-label'),
        owner: p.closest('a').getAttribute('aria-label'), ...box(p)})),
  };
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["name"], b["name"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"]
            and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def inside(inner: dict, outer: dict) -> bool:
    return (inner["left"] >= outer["left"] - 0.5 and inner["right"] <= outer["right"] + 0.5
            and inner["top"] >= outer["top"] - 0.5 and inner["bottom"] <= outer["bottom"] + 0.5)


def drawn(browser: Browser, base_url: str, path: str, figure: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    try:
        page = context.new_page()
        page.goto(base_url + path)
        page.evaluate("document.fonts.ready")
        return page.evaluate(DRAWN, figure)
    finally:
        context.close()


def actor_names() -> set[str]:
    """Every actor's name and short form, as glossary.yml writes them."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return {name for actor in raw["actors"] for name in (actor["name"], actor.get("term"))
            if name}


@pytest.mark.parametrize(("path", "figure"), [("actors/", "figure.ed-network"),
                                              ("timeline/", "figure.ed-timeline-figure"),
                                              ("places/", "figure.ed-map-figure")])
def test_on_a_phone_no_chart_scrolls_sideways(
    browser: Browser, base_url: str, path: str, figure: str
) -> None:
    found = drawn(browser, base_url, path, figure, 390)
    assert found["page"] <= found["viewport"]
    assert found["figure"]["scroll"] <= found["figure"]["client"]
    assert len(found["drawings"]) == 1
    (drawing,) = found["drawings"]
    assert drawing["right"] <= found["viewport"] and drawing["left"] >= 0
    if path == "places/":
        return  # the list of places under the map holds the same links, at full size
    small = [(a["name"], round(a["width"]), round(a["height"])) for a in found["links"]
             if a["width"] < TARGET - 0.01 or a["height"] < TARGET - 0.01]
    assert small == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_networks_names_are_whole_and_apart(
    browser: Browser, base_url: str, width: int
) -> None:
    found = drawn(browser, base_url, "actors/", "figure.ed-network", width)
    (drawing,) = found["drawings"]
    names = found["names"]
    assert len(names) == len(found["links"]) >= 20
    # Each name whole: one of the actors' names as written, drawn inside the drawing.
    known = actor_names()
    assert [n["name"] for n in names if n["name"] not in known] == []
    assert [n["name"] for n in names if not inside(n, drawing)] == []
    assert overlapping(names) == []
    assert overlapping(found["links"]) == []


def test_on_a_phone_the_timeline_runs_down_within_its_box(
    browser: Browser, base_url: str
) -> None:
    found = drawn(browser, base_url, "timeline/", "figure.ed-timeline-figure", 390)
    (drawing,) = found["drawings"]
    assert drawing["height"] > drawing["width"]
    events = yaml.safe_load((ROOT / "events.yml").read_text(encoding="utf-8"))["events"]
    assert len(found["links"]) == len(events)
    # Down the screen: each point at or below the one before it (the events in order).
    tops = [p["top"] for p in found["points"]]
    assert tops == sorted(tops)
    assert overlapping(found["links"]) == []
    assert overlapping(found["axis"]) == []
    assert [a["name"] for a in found["axis"] + found["links"] if not inside(a, drawing)] == []


@pytest.mark.parametrize("width", [390, 1280, 1600])
def test_the_maps_names_overlap_no_name_and_no_other_point(
    browser: Browser, base_url: str, width: int
) -> None:
    found = drawn(browser, base_url, "places/", "figure.ed-map-figure", width)
    (drawing,) = found["drawings"]
    names = found["names"]
    assert len(names) == len(found["links"])
    assert overlapping(names) == []
    clashes = [(n["name"], p["name"]) for n in names for p in found["points"]
               if n["owner"] != p["owner"] and overlapping([n, p])]
    assert clashes == []
    assert [n["name"] for n in names if not inside(n, drawing)] == []
    if width == 390:
        # Legible on a phone: as large as the text around the map, nearly.
        assert min(n["height"] for n in names) >= 16
