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
from support.work import raw_work

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
    # The work, as work.yml records it: CITATION.cff is kept by hand, and must agree.
    (original,) = cff["references"]
    work = raw_work()
    assert original["title"] == work["title"]
    assert original["authors"] == [{"family-names": work["author"]["family"],
                                    "given-names": work["author"]["given"]}]
    assert original["journal"] == work["published_in"]
    assert str(original["date-published"]) == work["published"]
    assert (original["year"], original["month"]) == tuple(
        int(part) for part in work["published"].split("-")[:2])
    assert original["url"] == work["url"]


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


def test_the_colophon_says_what_the_edition_is(site: Path) -> None:
    edition = configured()
    soup = page(site, "colophon/")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    y, m, d = (int(x) for x in edition["revised"].split("-"))
    month = datetime.date(y, m, d).strftime("%B")
    assert f"version {edition['version']}, last revised on {d} {month} {y}" in text
    assert edition["editors"][1:] in text and "no editor is named in person" in text
    # Counts from the raw data files.
    def count(name: str, key: str) -> int:
        return len(yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))[key])
    assert f"{count('notes.yml', 'notes')} editor's notes" in text
    assert f"{count('events.yml', 'events')} dated events" in text
    # The rights, stated honestly: no licence in the repository, the essay's copyright kept.
    assert not list(ROOT.glob("LICEN[CS]E*"))
    assert "No licence is stated yet for the apparatus" in text
    assert "remains under the copyright of its holder" in text
    assert "open an issue" in text
    # How to cite the edition: the whole essay's entry, as each paragraph's dialog gives it.
    jcpoa = page(site, "essay/jcpoa/").select_one("dialog#ed-cite-p9")
    works_cited = " ".join(jcpoa.select("p.ed-cite-form__text")[3].get_text().split())
    assert works_cited in text.replace(" .", ".").replace(" ,", ",")


def test_the_colophon_lists_the_changes_set_in_mkdocs_yml(site: Path) -> None:
    """#23: the changelog is data (extra.edition.changes), newest first, this version first."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    changes = config["extra"]["edition"]["changes"]
    assert changes and changes[0]["version"] == configured()["version"]
    heading = page(site, "colophon/").select_one("article h2#changes")
    items = [" ".join(li.get_text().split()) for li in heading.find_next_sibling("ul")("li")]
    expected = []
    for change in changes:
        day = datetime.date.fromisoformat(str(change["date"]))
        expected.append(f"Version {change['version']} ({day.day} {day.strftime('%B')} "
                        f"{day.year}): {' '.join(change['summary'].split())}")
    assert items == expected


def test_a_changelog_that_does_not_begin_with_this_version_is_refused() -> None:
    from edition.reader.work import edition_from

    options = {"version": "1.1.0", "revised": "2026-12-03", "editors": "The editors of X",
               "changes": [{"version": "1.0.0", "date": "2026-12-02", "summary": "First."}]}
    try:
        edition_from("X", "https://example.org/", options)
    except ValueError as error:
        assert str(error) == (
            "extra.edition.changes[0] is version 1.0.0, but the edition is version 1.1.0: list "
            "the changes newest first, this version's first")
    else:
        raise AssertionError("accepted")
    options["changes"] = [{"version": "1.1.0", "date": "3 December", "summary": "Ids."}]
    try:
        edition_from("X", "https://example.org/", options)
    except ValueError as error:
        assert str(error) == "extra.edition.changes[0].date must be a date, YYYY-MM-DD"
    else:
        raise AssertionError("accepted")
