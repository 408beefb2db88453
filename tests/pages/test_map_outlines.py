"""The places map's country outlines: clipped to the map, thinned, written as relative steps.

The real edition's places page weighed 330 KiB, nine tenths of it outlines that
ran far beyond the region drawn (Russia's to the Pacific). These tests read the functions
and the path data back, with no build.
"""

from __future__ import annotations

import itertools
import json
import math
import re

import pytest

from edition.data.glossary import COUNTRIES_FILE
from edition.pages import places
from edition.pages.places import clip, thin
from support.data import map_view

VIEW = map_view()

BOX = (0.0, 0.0, 10.0, 10.0)


def _area(ring: list[tuple[float, float]]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def _points(path: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each ring of an SVG path made of "M x,y l dx,dy ... z"."""
    rings = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", path):
        x, y = map(float, ring[0].split(","))
        points = [(x, y)]
        for step in ring[1].split():
            dx, dy = map(float, step.split(","))
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def test_a_polygon_inside_the_box_is_kept_as_it_is() -> None:
    square = [(2.0, 2.0), (8.0, 2.0), (8.0, 8.0), (2.0, 8.0)]
    assert clip(square, BOX) == square


def test_a_polygon_outside_the_box_is_dropped() -> None:
    assert clip([(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], BOX) == []


def test_a_polygon_across_an_edge_is_cut_along_it() -> None:
    # Half of this square lies right of x = 10: what is left is the half inside.
    square = [(5.0, 2.0), (15.0, 2.0), (15.0, 8.0), (5.0, 8.0)]
    kept = clip(square, BOX)
    assert all(0 <= x <= 10 and 0 <= y <= 10 for x, y in kept)
    assert _area(kept) == pytest.approx(5 * 6)


def test_a_concave_polygon_around_the_box_keeps_its_inner_part() -> None:
    # A "U" whose arms pass the box on both sides: only its base crosses it.
    u = [(-5.0, -5.0), (15.0, -5.0), (15.0, 20.0), (12.0, 20.0), (12.0, 4.0), (-2.0, 4.0),
         (-2.0, 20.0), (-5.0, 20.0)]
    kept = clip(u, BOX)
    assert _area(kept) == pytest.approx(10 * 4)


def test_thinning_drops_only_points_closer_than_the_step() -> None:
    ring = [(0.0, 0.0), (0.4, 0.0), (1.0, 0.0), (1.0, 0.5), (1.0, 2.0)]
    assert thin(ring, 1.0) == [(0.0, 0.0), (1.0, 0.0), (1.0, 2.0)]
    assert all(math.dist(a, b) >= 1.0 for a, b in itertools.pairwise(thin(ring)))


@pytest.mark.parametrize(("tenths", "text"), [(12, "1.2"), (10, "1"), (-3, "-0.3"), (0, "0"),
                                              (-10, "-1"), (3587, "358.7")])
def test_tenths_read_as_the_numbers_they_are(tenths: int, text: str) -> None:
    assert places._tenths(tenths) == text
    assert float(text) == tenths / 10


def test_every_outline_drawn_stays_within_the_map_and_its_margin() -> None:
    # The margin read from the module, the map's size from its own width and height.
    width, height = places.WIDTH, places.height(VIEW)
    margin = places._MARGIN
    assert places.frame(VIEW) == (-margin, -margin, width + margin, height + margin)
    drawn = places._country_paths(VIEW)
    assert drawn, "no country drawn"
    for name, path in drawn:
        rings = _points(path)
        assert rings, name
        for ring in rings:
            assert len(ring) >= 3, name
            for x, y in ring:
                slack = 0.1  # the rounding to tenths (the steps add up to rounded points)
                assert -margin - slack <= x <= width + margin + slack, (name, x)
                assert -margin - slack <= y <= height + margin + slack, (name, y)


def test_each_outline_is_the_projected_ring_clipped_and_thinned() -> None:
    # Read back from the path, the points are those of the vendored data, projected,
    # clipped and thinned, to a tenth of a unit: the relative steps lose nothing.
    box = places.frame(VIEW)
    drawn = dict(places._country_paths(VIEW))
    for name, rings in places._countries(places.scale(VIEW)):
        expected = [thin(clip([places.project(lat, lon, VIEW) for lon, lat in ring], box))
                    for ring in rings]
        expected = [ring for ring in expected if len(ring) >= 3]
        if not expected:
            assert name not in drawn
            continue
        read = _points(drawn[name])
        assert len(read) == len(expected), name
        for got, want in zip(read, expected, strict=True):
            assert len(got) == len(want), name
            for (gx, gy), (wx, wy) in zip(got, want, strict=True):
                assert abs(gx - wx) <= 0.06 and abs(gy - wy) <= 0.06, name


def test_the_vendored_outlines_are_those_the_script_makes_from_the_countries() -> None:
    # Run scripts/vendor_natural_earth.py --outlines after changing the map's view or size.
    vendored = json.loads(places.OUTLINES.read_text(encoding="utf-8"))
    vendored.pop("source")
    assert vendored == places.outlines_made(VIEW)


def test_a_build_places_the_vendored_outlines_without_clipping_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("clipped in the build")

    monkeypatch.setattr(places, "clip", refuse)
    places._country_paths.cache_clear()
    try:
        assert places._country_paths(VIEW)
    finally:
        places._country_paths.cache_clear()


def _reaching(listed: list[dict], view: tuple[float, float, float, float]) -> set[str]:
    """The names of the countries in ``listed`` (as the data file has them) with a point
    inside ``view``."""
    west, south, east, north = view
    return {country["name"] for country in listed
            if any(west <= lon <= east and south <= lat <= north
                   for ring in country["rings"] for lon, lat in ring)}


def test_the_editions_map_is_drawn_from_the_finer_outlines_of_its_region() -> None:
    data = json.loads(places.DATA.read_text(encoding="utf-8"))
    west, south, east, north = data["box"]
    assert west < VIEW[0] and south < VIEW[1] and VIEW[2] < east and VIEW[3] < north
    assert places.scale(VIEW) == "region"
    drawn = {name for name, _ in places._country_paths(VIEW)}
    assert _reaching(data["countries"], VIEW) <= drawn


@pytest.mark.parametrize("view", [(-74.0, 40.0, -69.0, 45.0), (-80.0, -40.0, -40.0, 0.0),
                                  (110.0, -45.0, 155.0, -10.0)])
def test_a_map_of_any_other_region_is_drawn_from_the_worlds_outlines(
        view: tuple[float, float, float, float]) -> None:
    # New England, eastern South America, Australia: the countries with land in the view,
    # read from the data file, each drawn.
    world = json.loads(places.WORLD_DATA.read_text(encoding="utf-8"))
    assert places.scale(view) == "world"
    expected = _reaching(world["countries"], view)
    assert expected
    made = places.outlines_made(view)
    assert expected <= {name for name, path in made["countries"]}


def test_every_name_a_glossary_may_shade_has_an_outline_on_any_map() -> None:
    region = json.loads(places.DATA.read_text(encoding="utf-8"))
    world = {c["name"] for c in json.loads(places.WORLD_DATA.read_text("utf-8"))["countries"]}
    assert {country["name"] for country in region["countries"]} <= world
    assert {"Malta", "United States of America", "Iran"} <= world
    assert COUNTRIES_FILE == places.WORLD_DATA  # the names the glossary checks
