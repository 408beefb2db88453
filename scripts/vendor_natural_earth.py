"""Make the vendored map data from Natural Earth (via the npm package world-atlas 2.0.2).

Run once by a maintainer, not by the build: ``npm pack world-atlas@2.0.2``, unpack it, then
``python scripts/vendor_natural_earth.py package``. It decodes the TopoJSON (quantised,
delta-encoded arcs) of two scales and writes, in hooks/edition/pages/natural_earth/, each
country's name and its rings in longitude/latitude, rounded to 0.05 degree:

- ``countries.json``: at 1:50m, the rings that reach ``BOX``, this edition's region with a
  margin, which its map is drawn from;
- ``world.json``: every country at 1:110m, and at 1:50m the small states and territories
  that scale leaves out (Malta, Andorra), so that the map of an edition of a text set
  anywhere draws its coasts; its names are those a glossary's ``countries`` may use.

Natural Earth is in the public domain; world-atlas is ISC-licensed (LICENSE beside the data).

It then writes ``outlines.json`` beside them: each country's outline as the places map draws
it, projected, clipped to the map and thinned (``edition.pages.places.outline``), so that a
build only places them. ``python scripts/vendor_natural_earth.py --outlines`` writes that
file alone, from ``countries.json``, when the map's view or size changes; the view is
``extra.edition.map.region`` in ``mkdocs.yml``, the region the edition's map draws.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from edition.pages import places  # noqa: E402 (after hooks/ is on the path)

OUT = places.DATA
#: The region the finer outlines cover: west, south, east, north (degrees), the region this
#: edition's map draws (``extra.edition.map.region``) with a margin; a map that lies inside
#: it is drawn from them, any other from the world's (``places.scale``).
BOX = (10.0, 20.0, 85.0, 65.0)
STEP = 0.05


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _round(ring: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(round(lon / STEP) * STEP, 2), round(round(lat / STEP) * STEP, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _countries(topology: dict, keep: Callable[[str, list[tuple[float, float]]], bool],
               ) -> list[dict[str, Any]]:
    """Each country of ``topology`` with its rings that ``keep`` (given the country's name
    and the ring) keeps, rounded, by name; a country with no ring left is left out."""
    arcs = _arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        name = geometry["properties"]["name"]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                ring = _ring(indexes, arcs)
                if keep(name, ring):
                    rounded = _round(ring)
                    if len(rounded) >= 4:
                        rings.append(rounded)
        if rings:
            countries.append({"name": name, "rings": rings})
    return sorted(countries, key=lambda country: country["name"])


def _in_box(_name: str, ring: list[tuple[float, float]]) -> bool:
    west, south, east, north = BOX
    return any(west <= lon <= east and south <= lat <= north for lon, lat in ring)


def main(package: str) -> None:
    """``countries.json`` and ``world.json`` from the unpacked world-atlas package, then
    ``outlines.json``."""
    fine, coarse = (json.loads((Path(package) / f"countries-{scale}.json").read_text(
        encoding="utf-8")) for scale in ("50m", "110m"))
    world = _countries(coarse, lambda _name, _ring: True)
    named = {country["name"] for country in world}
    world = sorted(world + _countries(fine, lambda name, _ring: name not in named),
                   key=lambda country: country["name"])
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:50m admin 0 countries, via world-atlas 2.0.2 "
                  "(countries-50m.json)", "box": BOX, "countries": _countries(fine, _in_box),
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    places.WORLD_DATA.write_text(json.dumps({
        "source": "Natural Earth 1:110m admin 0 countries, and 1:50m for those that scale "
                  "leaves out, via world-atlas 2.0.2 (countries-110m.json, countries-50m.json)",
        "countries": world,
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    write_outlines()


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its ``!ENV`` tags read as the list they hold."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def view() -> places.View:
    """The region the edition's map draws, as ``mkdocs.yml`` names it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    region = config["extra"]["edition"]["map"]["region"]
    return (float(region[0]), float(region[1]), float(region[2]), float(region[3]))


def write_outlines() -> None:
    """``outlines.json`` from ``countries.json``, for the map as ``places`` draws it now."""
    places.OUTLINES.write_text(json.dumps({
        "source": "made from countries.json by scripts/vendor_natural_earth.py",
        **places.outlines_made(view())}, separators=(",", ":"), ensure_ascii=False) + "\n",
        encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--outlines"]:
        write_outlines()
    else:
        main(sys.argv[1])
