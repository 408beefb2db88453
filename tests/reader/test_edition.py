"""One version, everywhere (#23): mkdocs.yml's extra.edition, and every output that names it.

The expected values are read from mkdocs.yml (the one place they are set) and compared with
the built site (meta tags, cite dialogs, TEI header, Web Annotation collection) and with the
repository's CITATION.cff, validated against the Citation File Format 1.2.0 schema.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import yaml
from lxml import etree

from support.build import ROOT
from support.site import page

STANDARDS = ROOT / "tests" / "fixtures" / "standards"
TEI = "{http://www.tei-c.org/ns/1.0}"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags, read as their default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def configured() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    edition = config["extra"]["edition"]
    return {"version": edition["version"], "revised": str(edition["revised"]),
            "editors": edition["editors"], "title": config["site_name"]}


def citation_cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_the_edition_is_set_in_one_place() -> None:
    edition = configured()
    assert datetime.date.fromisoformat(edition["revised"])
    assert edition["version"].strip() and edition["editors"].startswith("The editors of ")


def test_citation_cff_is_valid_and_agrees() -> None:
    cff = citation_cff()
    schema = json.loads((STANDARDS / "citation-cff-1.2.0.schema.json").read_text())
    # As cffconvert --validate does: the schema's own draft, dates as YAML reads them (str).
    jsonschema.Draft7Validator(schema).validate(cff)
    edition = configured()
    assert cff["version"] == edition["version"]
    assert str(cff["date-released"]) == edition["revised"]
    assert cff["title"] == edition["title"]
    assert cff["authors"] == [{"name": edition["editors"]}]
    (original,) = cff["references"]
    assert original["url"].startswith("https://engelsbergideas.com/essays/")


def test_every_output_names_the_same_version(site: Path) -> None:
    edition = configured()
    soup = page(site, "essay/jcpoa/")
    meta = {tag["name"]: tag["content"] for tag in soup.select("head meta[name]")}
    assert meta["DCTERMS.hasVersion"] == edition["version"]
    assert meta["DCTERMS.modified"] == edition["revised"]
    assert meta["DC.contributor"] == edition["editors"]
    dialog = soup.select_one("dialog#ed-cite-p9")
    text = dialog.get_text(" ")
    assert f"version {edition['version']}" in text and f"Version {edition['version']}" in text
    tei = etree.parse(str(site / "edition.tei.xml"))
    (stmt,) = tei.iter(f"{TEI}editionStmt")
    (number,) = stmt.iter(f"{TEI}edition")
    assert number.get("n") == edition["version"]
    assert next(stmt.iter(f"{TEI}date")).get("when") == edition["revised"]
    collection = json.loads((site / "edition.jsonld").read_text(encoding="utf-8"))
    assert collection["modified"].startswith(edition["revised"] + "T")
    assert collection["generator"]["name"].endswith(f"version {edition['version']}")
    cff = citation_cff()
    assert cff["version"] == edition["version"]


def test_the_bibliography_is_the_same_from_every_paragraph_of_the_site(site: Path) -> None:
    entries = set()
    for url in ("essay/post-soviet/", "essay/jcpoa/", "essay/conclusion/"):
        for dialog in page(site, url).select("dialog.ed-cite-dialog"):
            forms = dialog.select("p.ed-cite-form__text")
            entries.add(tuple(f.get_text() for f in forms[1::2]))
            entries.add(dialog.select_one("pre.ed-cite-bibtex").get_text())
    assert len(entries) == 2, entries  # the three prose entries, and one BibTeX entry
