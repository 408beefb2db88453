"""The places map's names: each set where it overlaps no other name and no other point,
inside the map, at a wide screen's type size and at a phone's."""

from __future__ import annotations

import itertools

import pytest

from edition.data.glossary import load
from edition.pages import places
from support.build import ROOT
from support.data import map_view

VIEW = map_view()


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def real_points() -> list[tuple[str, str, float, float]]:
    found = places.points(load(ROOT / "glossary.yml"))
    return [(p.id, p.name, *places.project(*p.coordinates, VIEW))
            for p in found if places.on_map(p.coordinates, VIEW)]


def check(labels: dict[str, places.Label], marked: list[tuple[str, str, float, float]],
          radius: float, width: float, height: float) -> None:
    assert set(labels) == {key for key, *_ in marked}
    for (a, first), (b, second) in itertools.combinations(labels.items(), 2):
        assert not overlap(first.box, second.box), (a, b)
    for key, label in labels.items():
        left, top, right, bottom = label.box
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, key
        for other, _, x, y in marked:
            if other != key:
                assert not overlap(label.box, (x - radius, y - radius, x + radius, y + radius)), (
                    key, other)


@pytest.mark.parametrize("variant", sorted(places.LABEL_SIZES))
def test_the_real_maps_names_overlap_nothing(variant: str) -> None:
    size, radius = places.LABEL_SIZES[variant]
    marked = real_points()
    assert {"Moscow", "Novo-Ogaryovo"} <= {name for _, name, *_ in marked}
    labels = places.place_labels(marked, size, radius, places.WIDTH, places.height(VIEW))
    check(labels, marked, radius, places.WIDTH, places.height(VIEW))


def test_points_close_together_get_their_names_on_different_sides() -> None:
    """Two points a few units apart (Moscow and Novo-Ogaryovo) and a third near them."""
    marked = [("a", "Moscow", 400.0, 200.0), ("b", "Novo-Ogaryovo", 394.0, 200.0),
              ("c", "Tver", 410.0, 150.0)]
    labels = places.place_labels(marked, 36.0, 11.0, 800.0, 500.0)
    check(labels, marked, 11.0, 800.0, 500.0)


def test_a_long_name_is_set_on_lines_and_a_short_one_on_one() -> None:
    assert places._label_lines("Tehran") == ["Tehran"]
    lines = places._label_lines("Shahid Nojeh air base (Hamadan)")
    assert len(lines) == 2 and " ".join(lines) == "Shahid Nojeh air base (Hamadan)"
