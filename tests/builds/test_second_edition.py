"""A second edition, of another text, from the same hooks/ with no code change.

The fixture (``tests/fixtures/second_edition``: a public-domain letter, two terms, an actor,
a note, an event and its own ``work.yml``) is started as ARCHITECTURE.md says: the engine's
``hooks/`` and ``docs/assets/`` copied beside the edition's own files. It must build with
``--strict`` and name its own author and first publisher, and nothing of this project's work.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree

from support.build import ROOT, BuildResult, build, build_scope
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
