"""The exports follow the data: builds of modified copies (glossary.yml, notes.yml), hostile
text that must come out as text, ``mkdocs serve``, and the home page's list of downloads."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from builds.test_serve import RELOAD_SECONDS, START_SECONDS, Server, server  # noqa: F401
from lxml import etree

from edition.data.glossary import load as load_glossary
from edition.data.notes import load as load_notes
from edition.exports.downloads import human_size
from support.build import ROOT, BuildResult, build, build_scope, copy_project, replace_once
from support.site import resolve

NS = {"t": "http://www.tei-c.org/ns/1.0"}
FILES = ("edition.jsonld", "edition.tei.xml")
HOSTILE = "<script>alert(\"x\")</script> & 'single' \"double\" javascript:alert(1) <b>bold</b>"
DESCRIPTION = ("Iranian physician and conservative politician (born 1945); foreign minister "
               "1981-1997, the")
NOTE = ("The essay was published by *Engelsberg Ideas* on 15 August 2022, almost six months "
        "into Russia's full-scale")


def modified_build(tmp: Path, *edits: tuple[str, str, str]) -> BuildResult:
    """A strict build of a copy of the project with each ``(file, old, new)`` edit made."""
    project = copy_project(tmp / "project")
    for file, old, new in edits:
        replace_once(project / file, old, new)
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope=build_scope)
def glossary_changed(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Velayati's page moved (an id) and his description made hostile."""
    return modified_build(
        tmp_path_factory.mktemp("glossary-changed"),
        ("glossary.yml", '  - name: "Ali Akbar Velayati"\n',
         '  - name: "Ali Akbar Velayati"\n    id: velayati\n'),
        ("glossary.yml", DESCRIPTION, HOSTILE),
    )


@pytest.fixture(scope=build_scope)
def notes_changed(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The first note's text made hostile."""
    return modified_build(tmp_path_factory.mktemp("notes-changed"), ("notes.yml", NOTE, HOSTILE))


def no_script(tree: etree._ElementTree | etree._Element) -> bool:
    return not tree.xpath("//*[local-name()='script' or local-name()='b']")


def test_both_files_change_with_the_glossary(site: Path, glossary_changed: BuildResult) -> None:
    for name in FILES:
        assert (site / name).read_bytes() != (glossary_changed.site / name).read_bytes(), name
    collection = json.loads((glossary_changed.site / "edition.jsonld").read_text("utf-8"))
    sources = {body["source"] for a in collection["first"]["items"]
               if a["motivation"] == "identifying" for body in a["body"]}
    assert any(s.endswith("/actors/velayati/") for s in sources)
    assert not any(s.endswith("/actors/ali-akbar-velayati/") for s in sources)
    tei = etree.parse(str(glossary_changed.site / "edition.tei.xml"))
    (description,) = tei.xpath("//t:person[@xml:id='actor-velayati']/t:note[@type='description']",
                               namespaces=NS)
    actor = next(a for a in load_glossary(ROOT / "glossary.yml").actors
                 if a.name == "Ali Akbar Velayati")
    assert description.text == actor.summary.replace(DESCRIPTION, HOSTILE)
    assert HOSTILE in description.text and no_script(tei)
    assert tei.xpath("//t:text//t:persName[@ref='#actor-velayati']", namespaces=NS)


def test_both_files_change_with_the_notes(site: Path, notes_changed: BuildResult) -> None:
    for name in FILES:
        assert (site / name).read_bytes() != (notes_changed.site / name).read_bytes(), name
    note = load_notes(ROOT / "notes.yml")[0]
    collection = json.loads((notes_changed.site / "edition.jsonld").read_text("utf-8"))
    first = collection["first"]["items"][0]
    assert first["target"]["selector"][0]["exact"] == note.quote
    body = BeautifulSoup(first["body"][0]["value"], "html.parser")
    assert not body.find_all(["script", "b"])  # the markup is text
    assert HOSTILE in body.get_text()
    tei = etree.parse(str(notes_changed.site / "edition.tei.xml"))
    (text,) = tei.xpath(f"//t:note[@xml:id='note-{note.id}']/t:p", namespaces=NS)
    assert "".join(text.itertext()).startswith(HOSTILE) and no_script(tei)


def test_the_home_page_lists_the_downloads_with_their_real_sizes(site: Path) -> None:
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "lxml")
    heading = home.select_one("article h2#downloads")
    assert heading is not None
    assert home.select_one('nav.md-nav--secondary a[href="#downloads"]') is not None
    # The heading, a paragraph that says what the files are for, and the table.
    intro = heading.find_next_sibling()
    assert intro.name == "p" and "W3C Web Annotations" in intro.get_text()
    assert intro.find_next_sibling().name == "table"
    rows = heading.find_next("table").select("tbody tr")
    assert [row.select_one("a").get_text() for row in rows] == list(FILES)
    notes = len(load_notes(ROOT / "notes.yml"))
    for row in rows:
        link = row.select_one("a")
        file = site / resolve("", link["href"])
        cells = [cell.get_text() for cell in row.select("td")]
        assert cells[2] == human_size(file.stat().st_size), cells
        assert f"{notes} editor's notes" in cells[3] or f"{notes} notes" in cells[3]


def test_every_page_links_to_the_exports(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        head = BeautifulSoup(path.read_text("utf-8"), "lxml").head
        alternates = head.select('link[rel="alternate"]')
        links = {link["type"]: link["href"] for link in alternates}
        assert set(links) == {"application/ld+json", "application/tei+xml"}, url
        # Each titled by the standard it follows, for a reader's or a tool's list of them.
        titles = {link["type"]: link["title"] for link in alternates}
        assert "W3C Web Annotations" in titles["application/ld+json"], titles
        assert "TEI P5" in titles["application/tei+xml"], titles
        for href in links.values():
            assert (site / resolve(url, href)).is_file(), (url, href)


def test_serve_publishes_the_exports_and_remakes_them_on_an_edit(
    server: Server,  # noqa: F811 (the fixture imported above)
) -> None:
    server.wait_for("edition.jsonld to be served", START_SECONDS,
                    lambda: (server.get("edition.jsonld") or (0, ""))[0] == 200)
    served = json.loads(server.get("edition.jsonld")[1])  # type: ignore[index]
    notes = load_notes(server.project / "notes.yml")
    assert sum(a["motivation"] == "commenting" for a in served["first"]["items"]) == len(notes)
    tei = server.get("edition.tei.xml")
    assert tei is not None and tei[0] == 200 and etree.fromstring(tei[1].encode()) is not None
    marker = f"Written while the server runs, number {uuid.uuid4().hex}."
    replace_once(server.project / "notes.yml", NOTE, marker)

    def remade() -> bool:
        answers = [server.get(name) for name in FILES]
        return all(a is not None and a[0] == 200 and marker in a[1] for a in answers)

    server.wait_for("the edited note in both exports", RELOAD_SECONDS, remade)
