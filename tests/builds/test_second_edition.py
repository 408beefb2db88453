"""A second edition, of another text, from the same hooks/ with no code change.

The fixture (``tests/fixtures/second_edition``: a public-domain letter, two terms, an actor,
a note, an event and its own ``work.yml``) is started as ARCHITECTURE.md says: the engine's
``hooks/`` and ``docs/assets/`` copied beside the edition's own files. It must build with
``--strict`` and name its own author and first publisher, and nothing of this project's work.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree

from support.build import ROOT, BuildResult, build, build_scope
from support.data import edition_options
from support.site import page

FIXTURE = ROOT / "tests" / "fixtures" / "second_edition"
#: What an edition of another text takes from this project: the engine and its assets.
ENGINE = ("hooks", "docs/assets")
SCHEMAS = ("glossary.schema.json", "notes.schema.json", "events.schema.json",
           "work.schema.json")
TEI = "{http://www.tei-c.org/ns/1.0}"
#: The map's vendored outlines, with Natural Earth's names of the countries.
COUNTRIES = ROOT / "hooks" / "edition" / "pages" / "natural_earth" / "world.json"


def record(root: Path) -> dict:
    return yaml.safe_load((root / "work.yml").read_text(encoding="utf-8"))["work"]


@pytest.fixture(scope=build_scope)
def second(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("second")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    for path in ENGINE:
        shutil.copytree(ROOT / path, project / path,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in SCHEMAS:  # the schemas sit beside the engine's hooks/, as here
        shutil.copy(ROOT / name, project / name)
    return build(project, root / "site")


def test_it_builds_strictly_with_no_warning(second: BuildResult) -> None:
    assert second.returncode == 0, second.output
    assert second.warnings == []


def test_it_names_its_own_author_and_publisher(second: BuildResult) -> None:
    work = record(FIXTURE)
    author = f"{work['author']['given']} {work['author']['family']}"
    letter = page(second.site, "letter/")
    meta = {tag["name"]: tag["content"] for tag in letter.select("head meta[name]")}
    assert meta["citation_author"] == f"{work['author']['family']}, {work['author']['given']}"
    assert meta["citation_title"] == work["title"]
    assert meta["citation_journal_title"] == work["published_in"]
    assert meta["DC.source"] == work["url"]
    colophon = page(second.site, "colophon/").select_one("article").get_text(" ")
    assert f"{author}'s {work['kind']}" in colophon and work["published_in"] in colophon
    assert work["rights"] in colophon
    tei = etree.parse(str(second.site / "edition.tei.xml"))
    journal = tei.find(f".//{TEI}sourceDesc/{TEI}bibl")
    assert journal.find(f"{TEI}title[@level='j']").text == work["published_in"]
    assert journal.find(f"{TEI}date").get("when") == work["published"]
    head = letter.select_one("head style").get_text()
    assert f"{author}, “{work['title']}”" in head
    collection = json.loads((second.site / "edition.jsonld").read_text(encoding="utf-8"))
    assert collection["total"] > 0


def test_it_never_names_this_projects_work(second: BuildResult) -> None:
    ours = record(ROOT)
    names = [ours["author"]["family"], ours["title"], ours["published_in"],
             ours["url"].split("/")[2].removeprefix("www.")]
    found = [f"{path.relative_to(second.site)} names {name!r}"
             for path in second.site.rglob("*") if path.is_file() and path.suffix != ".gz"
             for name in names
             if name.casefold() in path.read_text(encoding="utf-8", errors="ignore").casefold()]
    assert found == []


def _our_names() -> list[str]:
    """What the timeline, places and actors pages of this project's edition take from its
    text: its actors', terms' and sites' names, its eras, the timeline's summary and break,
    and the actors index's rule."""
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    names = [entry.get("term") or entry["name"]
             for key in ("terms", "actors") for entry in glossary.get(key, [])]
    names += [entry["site"]["name"] for key in ("terms", "actors")
              for entry in glossary.get(key, []) if "site" in entry]
    options = edition_options()
    timeline = options["timeline"]
    names += [era["title"] for era in timeline["eras"]]
    names += [timeline["summary"], f"broken at {timeline['break']}"]
    # The rule's examples that name something (not its quoted word "the").
    names += [quoted for quoted in re.findall(r"“([^”]+)”", options["mention_rule"])
              if quoted != quoted.casefold()]
    return names


@pytest.mark.parametrize("path", ["timeline/", "places/", "actors/"])
def test_its_timeline_places_and_actors_carry_nothing_of_this_essay(
        second: BuildResult, path: str) -> None:
    text = page(second.site, path).select_one("article")
    # The map's outlines are named as Natural Earth names them, for every edition alike
    # ("United States of America"): the engine's data, not this essay's.
    for title in text.select("g.ed-map-land path > title"):
        if title.get_text() in _natural_earth_names():
            title.decompose()
    words = " ".join([text.get_text(" "), *(str(v) for tag in text.find_all(True)
                                             for v in tag.attrs.values())])
    own = set(_own_names(FIXTURE))
    found = [name for name in _our_names() if name not in own
             and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words)]
    assert found == []


def _natural_earth_names() -> set[str]:
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    return {country["name"] for country in data["countries"]}


def _own_names(root: Path) -> list[str]:
    glossary = yaml.safe_load((root / "glossary.yml").read_text(encoding="utf-8"))
    return [entry.get("term") or entry["name"]
            for key in ("terms", "actors") for entry in glossary.get(key, [])]


def test_its_timeline_and_map_are_made_from_its_own_data(second: BuildResult) -> None:
    """With no ``timeline`` or ``map`` options: the axis spans the events' years, unbroken,
    in one era; the map's region is round the places' points, each on the map."""
    events = yaml.safe_load((FIXTURE / "events.yml").read_text(encoding="utf-8"))["events"]
    years = sorted(int(event["date"][:4]) for event in events)
    timeline = page(second.site, "timeline/")
    assert not timeline.select("article h2")
    for drawing in timeline.select("svg.ed-timeline"):
        marks = [int(t.get_text()) for t in drawing.select("g.ed-tl-axis text")]
        assert marks == [years[0], years[-1] + 1]
    places = page(second.site, "places/")
    assert not places.select("a.ed-map-beyond")
    glossary = yaml.safe_load((FIXTURE / "glossary.yml").read_text(encoding="utf-8"))
    located = [t["term"] for t in glossary["terms"] if "coordinates" in t]
    assert located
    assert sorted(a["aria-label"].split(":")[0] for a in places.select("a.ed-map-place")) == (
        sorted(located))


def _rings(path: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each ring of an SVG path made of "M x,y l dx,dy ... z"."""
    rings = []
    for start, steps in re.findall(r"M([^l]+)l([^z]*)z", path):
        x, y = map(float, start.split(","))
        ring = [(x, y)]
        for step in steps.split():
            dx, dy = map(float, step.split(","))
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Whether ``point`` lies inside the polygon ``ring`` (a ray cast to the right)."""
    x, y = point
    crossings = 0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings += 1
    return crossings % 2 == 1


def test_its_map_draws_the_land_each_of_its_places_stands_on(second: BuildResult) -> None:
    """The vendored outlines serve a map of any region, not only this essay's: each place
    stands, as drawn, inside the outline of the country the data file puts it in."""
    countries = json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"]
    glossary = yaml.safe_load((FIXTURE / "glossary.yml").read_text(encoding="utf-8"))
    located = {t["term"]: (t["coordinates"]["lon"], t["coordinates"]["lat"])
               for t in glossary["terms"] if "coordinates" in t}
    svg = page(second.site, "places/").select_one("svg.ed-map")
    drawn = {path.find("title").get_text(): _rings(path["d"])
             for path in svg.select("g.ed-map-land path")}
    assert located and drawn
    for name, point in located.items():
        (country,) = [c["name"] for c in countries
                      if any(_inside(point, [tuple(p) for p in ring]) for ring in c["rings"])]
        (link,) = [a for a in svg.select("a.ed-map-place")
                   if a["aria-label"].split(":")[0] == name]
        circle = link.find("circle")
        where = (float(circle["cx"]), float(circle["cy"]))
        assert any(_inside(where, ring) for ring in drawn[country]), (name, country)
