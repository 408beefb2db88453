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
    words = " ".join([text.get_text(" "), *(str(v) for tag in text.find_all(True)
                                             for v in tag.attrs.values())])
    own = set(_own_names(FIXTURE))
    found = [name for name in _our_names() if name not in own
             and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words)]
    assert found == []


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
