"""#24: make the vendored map data from Natural Earth (via the npm package world-atlas 2.0.2).

Run once by a maintainer, not by the build: ``npm pack world-atlas@2.0.2``, unpack it, then
``python scripts/vendor_natural_earth.py package/countries-50m.json``. It decodes the
TopoJSON (quantised, delta-encoded arcs), keeps the countries that reach the essay's region
and writes hooks/edition/pages/natural_earth/countries.json: each country's name and its
rings in longitude/latitude, rounded to 0.05 degree. Natural Earth is in the public domain;
world-atlas is ISC-licensed (LICENSE beside the data).

It then writes ``outlines.json`` beside it: each country's outline as the places map draws
it, projected, clipped to the map and thinned (``edition.pages.places.outline``), so that a
build only places them. ``python scripts/vendor_natural_earth.py --outlines`` writes that
file alone, from ``countries.json``, when the map's view or size changes; the view is
``extra.edition.map.region`` in ``mkdocs.yml``, the region the edition's map draws.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from edition.pages import places  # noqa: E402 (after hooks/ is on the path)

OUT = places.DATA
#: The region drawn: west, south, east, north (degrees), with a margin.
BOX = (15.0, 20.0, 85.0, 65.0)
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


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                ring = _ring(indexes, arcs)
                west, south, east, north = BOX
                if any(west <= lon <= east and south <= lat <= north for lon, lat in ring):
                    rounded = _round(ring)
                    if len(rounded) >= 4:
                        rings.append(rounded)
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    countries.sort(key=lambda country: country["name"])
    OUT.write_text(json.dumps({"source": "Natural Earth 1:50m admin 0 countries, via "
                               "world-atlas 2.0.2 (countries-50m.json)", "box": BOX,
                               "countries": countries}, separators=(",", ":")) + "\n",
                   encoding="utf-8")
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
