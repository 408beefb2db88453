"""The exports of the hostile build (tests/builds/test_hostile.py): every field a contributor
writes carries markup, quotes, ``javascript:`` URLs and template syntax, and both files must
carry it as text: no element or attribute of theirs comes from the data."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from builds.test_hostile import Markers
from lxml import etree

from exports.standards import expand, tei_schema
from support.build import BuildResult

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: What the TEI export holds of the data: every field, the events.yml records included.
CARRIED = (".definition", ".note", ".sources", ".name", ".description")
#: The elements a note's text may have (edition.data.notes).
NOTE_ELEMENTS = {"p", "em", "strong", "a"}


def test_the_tei_carries_every_hostile_field_as_text(
    hostile: tuple[BuildResult, Markers],
) -> None:
    result, markers = hostile
    tei = etree.parse(str(result.site / "edition.tei.xml"))
    schema = tei_schema()
    assert schema.validate(tei), "\n".join(str(e) for e in list(schema.error_log)[:20])
    namespaces = {etree.QName(e).namespace for e in tei.iter(etree.Element)}
    assert namespaces == {TEI_NS}
    attributes = {name for e in tei.iter(etree.Element) for name in e.attrib}
    assert not {a for a in attributes if "pwned" in a or a.startswith("on")}, attributes
    seen = " ".join(tei.xpath("//text()")) + " " + " ".join(tei.xpath("//@*"))
    fields = [f for m, f in markers.fields.items() if f.endswith(CARRIED)]
    assert len(fields) > 100
    missing = [f for m, f in markers.fields.items() if f.endswith(CARRIED) and m not in seen]
    assert missing == []
    assert '<img src=x onerror="alert(1)"' in seen and "{{ 7*7 }}" in seen


def test_the_annotations_carry_hostile_notes_as_text(
    hostile: tuple[BuildResult, Markers],
) -> None:
    result, markers = hostile
    path: Path = result.site / "edition.jsonld"
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert expand(collection)
    bodies = [body["value"] for a in collection["first"]["items"] for body in a["body"]
              if body.get("format") == "text/html"]
    text = []
    for value in bodies:
        soup = BeautifulSoup(value, "html.parser")
        assert {e.name for e in soup.find_all(True)} <= NOTE_ELEMENTS, value
        assert all(a["href"].startswith(("https://", "http://")) for a in soup.find_all("a"))
        text.append(soup.get_text())
    seen = " ".join(text)
    notes = [m for m, f in markers.fields.items() if f.endswith("].note") and "notes[" in f]
    assert notes and all(marker in seen for marker in notes)
    assert '<img src=x onerror="alert(1)"' in seen
