"""Authority identifiers in every output, each with its evidence on record.

Expected values come from glossary.yml read with plain YAML; the outputs of a real build
are read with lxml, BeautifulSoup and pyld (offline, with the vendored context).
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from lxml import etree

from edition.data.glossary import GlossaryError, parse
from exports.standards import expand, tei_schema
from support.build import ROOT
from support.data import GOOD_ENTRY, RECORDS
from support.site import page

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SAME_AS = "http://schema.org/sameAs"


def _actors_with_ids() -> list[dict]:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [a for a in raw["actors"] if a.get("identifiers")]


def _terms_with_ids() -> list[dict]:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [t for t in raw["terms"] if t.get("identifiers")]


def _natives() -> list[dict]:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [a for a in raw["actors"] if a.get("native")]


def test_every_id_has_its_evidence_on_record() -> None:
    audit = (ROOT / "maintainers" / "identifiers.md").read_text(encoding="utf-8")
    actors = _actors_with_ids()
    assert len(actors) >= 19
    rows = [line for line in audit.splitlines() if line.startswith("| ")]
    for entry in actors + _terms_with_ids():
        name = entry.get("name") or entry["term"]
        qid = entry["identifiers"]["wikidata"]
        (row,) = [row for row in rows if row.startswith(f"| {name} | {qid} |")]
        # a citable address: a URL, or a repository's file at a commit
        assert "http" in row or re.search(r"`[^`]+` at [0-9a-f]{40}", row), name


def test_actor_pages_link_to_their_records(site: Path) -> None:
    for actor in _actors_with_ids():
        slug = actor.get("id") or actor["name"].lower().replace(" ", "-")
        html = page(site, f"actors/{slug}/")
        qid = actor["identifiers"]["wikidata"]
        assert html.find("a", href=f"http://www.wikidata.org/entity/{qid}"), actor["name"]


def test_the_tei_declares_the_prefix_and_points_to_the_records(site: Path) -> None:
    tei = etree.parse(str(site / "edition.tei.xml"))
    schema = tei_schema()
    assert schema.validate(tei), "\n".join(str(e) for e in list(schema.error_log)[:20])
    (prefix,) = tei.xpath("//t:encodingDesc/t:listPrefixDef/t:prefixDef[@ident='wd']",
                          namespaces=NS)
    assert prefix.get("replacementPattern") == "http://www.wikidata.org/entity/$1"
    for actor in _actors_with_ids():
        qid = actor["identifiers"]["wikidata"]
        names = tei.xpath("//t:standOff//*[@ref=$ref]/text()", namespaces=NS, ref=f"wd:{qid}")
        assert names == [actor["name"]], actor["name"]
        idno = tei.xpath("//t:standOff//t:idno[@type='wikidata']/text()", namespaces=NS)
        assert f"http://www.wikidata.org/entity/{qid}" in idno


def test_the_annotations_give_same_as_and_expand_offline(site: Path) -> None:
    document = json.loads((site / "edition.jsonld").read_text(encoding="utf-8"))
    expanded = expand(document)
    same = {node["@id"] for body in _bodies(expanded) for node in body.get(SAME_AS, ())}
    for actor in _actors_with_ids():
        qid = actor["identifiers"]["wikidata"]
        assert f"http://www.wikidata.org/entity/{qid}" in same, actor["name"]


def _bodies(expanded: list) -> list[dict]:
    oa = "http://www.w3.org/ns/oa#"
    items = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0][
        "http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    return [body for a in items for body in a.get(f"{oa}hasBody", [])]


def test_an_id_is_checked_for_form_and_shared_by_no_two_entries() -> None:
    entry = GOOD_ENTRY.replace("    category: treaty\n",
                               "    identifiers: {wikidata: \"Q1\"}\n    category: treaty\n")
    other = entry.replace("term: JCPOA", "term: NPT").replace(
        "[Joint Comprehensive Plan of Action]", "[Non-Proliferation Treaty]")
    with pytest.raises(GlossaryError) as caught:
        parse(textwrap.dedent("terms:\n" + entry + other).encode())
    assert any("wikidata id 'Q1'" in str(p) for p in caught.value.problems)
    with pytest.raises(GlossaryError):
        parse(("terms:\n" + entry.replace('"Q1"', '"1234"')).encode())


def test_terms_link_to_their_records_on_the_glossary_page(site: Path) -> None:
    html = page(site, "glossary/")
    for term in _terms_with_ids():
        slug = term.get("id") or re.sub(r"[^a-z0-9]+", "-", term["term"].lower()).strip("-")
        assert html.find(id=slug), term["term"]
        qid = term["identifiers"]["wikidata"]
        assert html.find("a", href=f"http://www.wikidata.org/entity/{qid}"), term["term"]


# ---- Names in their own script in every output ---------------------------------


def test_actor_pages_show_the_native_name_in_its_language_and_direction(site: Path) -> None:
    for actor in _natives():
        slug = actor.get("id") or re.sub(r"[^a-z0-9]+", "-", actor["name"].lower()).strip("-")
        html = page(site, f"actors/{slug}/")
        native = actor["native"]
        (span,) = html.select(f"article .ed-native span[lang='{native['lang']}']")
        assert span.get_text() == native["text"], actor["name"]
        # Arabic script runs right to left, Cyrillic left to right
        arabic = any("\u0600" <= c <= "\u06ff" for c in native["text"])
        assert span["dir"] == ("rtl" if arabic else "ltr"), actor["name"]


def test_the_tei_gives_each_native_name_with_xml_lang(site: Path) -> None:
    tei = etree.parse(str(site / "edition.tei.xml"))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for actor in _natives():
        (name,) = tei.xpath("//t:standOff//*[@type='native' and text()=$text]",
                            namespaces=NS, text=actor["native"]["text"])
        assert name.get(lang) == actor["native"]["lang"], actor["name"]
        assert name.getparent().findtext(f"{{{NS['t']}}}{name.tag.split('}')[1]}") == (
            actor["name"])


def test_the_annotations_give_each_native_name_with_its_language(site: Path) -> None:
    expanded = expand(json.loads((site / "edition.jsonld").read_text(encoding="utf-8")))
    found = {(v["@value"], v["@language"]) for body in _bodies(expanded)
             for v in body.get("http://schema.org/alternateName", ())}
    for actor in _natives():
        assert (actor["native"]["text"], actor["native"]["lang"]) in found, actor["name"]


def test_the_tei_lists_each_site_with_its_point_records_and_entries(site: Path) -> None:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    entries = [e for e in raw["terms"] + raw["actors"] if "site" in e]
    assert entries
    tei = etree.parse(str(site / "edition.tei.xml"))
    for entry in entries:
        place = entry["site"]
        (found,) = tei.xpath("//t:listPlace/t:place[@type='site'][t:placeName=$name]",
                             namespaces=NS, name=place["name"])
        lat, lon = (float(v) for v in found.findtext(f"{{{NS['t']}}}location/"
                                                     f"{{{NS['t']}}}geo").split())
        assert (lat, lon) == (place["coordinates"]["lat"], place["coordinates"]["lon"])
        for scheme, value in place.get("identifiers", {}).items():
            assert RECORDS[scheme].format(value) in found.xpath(
                f"t:idno[@type='{scheme}']/text()", namespaces=NS), (place["name"], scheme)
        kind = "term" if "term" in entry else "actor"
        targets = found.xpath("t:ptr/@target", namespaces=NS)
        assert any(t.startswith(f"#{kind}-") for t in targets), place["name"]
