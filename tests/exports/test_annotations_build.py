"""The Web Annotation collection of a real build: every note once, each quotation finding
one place in its built page, and the whole expanding offline against the W3C context."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import orjson
import pytest
import yaml
from bs4 import BeautifulSoup
from pyld.jsonld import JsonLdError

from edition.data.forms import loose_pattern
from edition.data.notes import load as load_notes
from exports.standards import ANNO_CONTEXT, AS, OA, RDF_VALUE, expand
from support.build import ROOT
from support.site import url_to_file

SELECTORS = f"{OA}hasSelector"


def collection(site: Path) -> dict[str, Any]:
    return json.loads((site / "edition.jsonld").read_text(encoding="utf-8"))


def items(site: Path) -> list[dict[str, Any]]:
    return collection(site)["first"]["items"]


def article(site: Path, source: str, cache: dict[str, BeautifulSoup]) -> BeautifulSoup:
    url = source.removeprefix("http://127.0.0.1:8000/")
    if url not in cache:
        page = BeautifulSoup(url_to_file(site, url).read_text(encoding="utf-8"), "lxml")
        cache[url] = page.select_one("article")
    return cache[url]


def places(text: str, needle: str) -> int:
    count, at = 0, text.find(needle)
    while at != -1:
        count, at = count + 1, text.find(needle, at + 1)
    return count


def test_every_note_appears_once_with_its_text_and_kind(site: Path) -> None:
    notes = load_notes(ROOT / "notes.yml")
    comments = [a for a in items(site) if a["motivation"] == "commenting"]
    assert len(comments) == len(notes)
    for note in notes:
        found = [a for a in comments if a["body"][0]["value"] == note.html]
        assert len(found) == 1, note.label
        annotation = found[0]
        assert annotation["body"][1] == {"type": "TextualBody", "value": note.kind,
                                         "purpose": "tagging"}
        quote = annotation["target"]["selector"][0]
        assert re.fullmatch(loose_pattern(note.quote), quote["exact"]), note.label
        if note.before:
            assert re.search(loose_pattern(note.before) + "$", quote["prefix"]), note.label
        if note.after:
            assert re.match(loose_pattern(note.after), quote["suffix"]), note.label


def test_each_quotation_finds_exactly_one_place_in_its_built_page(site: Path) -> None:
    cache: dict[str, BeautifulSoup] = {}
    annotations = items(site)
    assert len(annotations) > 71
    for annotation in annotations:
        target = annotation["target"]
        text = article(site, target["source"], cache).get_text()
        quote, fragment = target["selector"]
        assert quote["type"] == "TextQuoteSelector"
        found = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert places(text, found) == 1, (annotation["id"], found)
        # The fragment is the block the words are in, and it refines to the same words.
        assert fragment["type"] == "FragmentSelector"
        block = article(site, target["source"], cache).find(id=fragment["value"])
        assert block is not None and "essay" in block.get("class", []), annotation["id"]
        assert places(block.get_text(), quote["exact"]) >= 1
        assert fragment["refinedBy"] == quote


def test_mentions_identify_the_entry_of_every_actor_link(site: Path) -> None:
    """Every actor link on the essay pages is an identifying annotation of that page."""
    identified = {
        (a["target"]["source"], a["target"]["selector"][1]["value"],
         a["target"]["selector"][0]["exact"], body["source"])
        for a in items(site) if a["motivation"] == "identifying" for body in a["body"]
    }
    cache: dict[str, BeautifulSoup] = {}
    sources = {a["target"]["source"] for a in items(site)}
    links = 0
    for source in sources:
        for link in article(site, source, cache).select("a.ed-actor, a.ed-term"):
            block = link.find_parent(class_="essay")
            resolved = urljoin(source, link["href"])
            assert (source, block["id"], link.get_text(), resolved) in identified, resolved
            links += 1
    assert links > 100


def test_the_collection_expands_offline_and_has_the_models_required_fields(
    site: Path,
) -> None:
    document = collection(site)
    assert document["@context"] == ANNO_CONTEXT
    expanded = expand(document)
    assert len(expanded) == 1
    top = expanded[0]
    assert top["@type"] == [f"{AS}OrderedCollection"] and top["@id"]
    assert top[f"{AS}totalItems"][0]["@value"] == len(items(site))
    page = top[f"{AS}first"][0]
    assert page["@type"] == [f"{AS}OrderedCollectionPage"]
    assert page[f"{AS}partOf"] == [{"@id": top["@id"]}]
    annotations = page[f"{AS}items"][0]["@list"]
    assert len(annotations) == len(items(site))
    for annotation in annotations:
        assert annotation["@type"] == [f"{OA}Annotation"] and annotation["@id"]
        assert annotation[f"{OA}motivatedBy"][0]["@id"] in (f"{OA}commenting",
                                                             f"{OA}identifying")
        for body in annotation[f"{OA}hasBody"]:
            if body["@type"] == [f"{OA}TextualBody"]:
                assert body[RDF_VALUE][0]["@value"]
            else:
                assert body["@type"] == [f"{OA}SpecificResource"]
                assert body[f"{OA}hasPurpose"][0]["@id"] == f"{OA}identifying"
                assert body[f"{OA}hasSource"][0]["@id"].startswith("http")
        (target,) = annotation[f"{OA}hasTarget"]
        assert target[f"{OA}hasSource"][0]["@id"].startswith("http")
        quote, fragment = target[SELECTORS]
        assert quote["@type"] == [f"{OA}TextQuoteSelector"]
        assert quote[f"{OA}exact"][0]["@value"]
        assert {f"{OA}prefix", f"{OA}suffix"} <= set(quote)
        assert fragment["@type"] == [f"{OA}FragmentSelector"]
        assert fragment[RDF_VALUE][0]["@value"]
        assert fragment[f"{OA}refinedBy"][0]["@type"] == [f"{OA}TextQuoteSelector"]


def test_the_offline_loader_refuses_any_other_document() -> None:
    with pytest.raises(JsonLdError):
        expand({"@context": "https://example.org/other.jsonld", "id": "x"})


def test_the_file_is_written_as_orjson_writes_the_whole_collection(site: Path) -> None:
    # Written one annotation at a time, the file must still be exactly what orjson gives for
    # the whole value (two-space indents, keys in order): the layout moves, nothing else.
    written = (site / "edition.jsonld").read_bytes()
    value = json.loads(written)
    assert value["first"]["items"]
    assert written == orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def test_every_annotation_is_by_the_editors_of_the_site(site: Path) -> None:
    """The creator, from mkdocs.yml as written: its site name, and its default address (the
    tests build without SITE_URL)."""
    class Loader(yaml.SafeLoader):
        """mkdocs.yml's ``!ENV [NAME, default]`` read as its list."""

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    name, (variable, url) = config["site_name"], config["site_url"]
    assert variable == "SITE_URL"
    editors = {"id": f"{url}#editors", "type": "Organization", "name": f"The editors of {name}"}
    assert items(site) and all(item["creator"] == editors for item in items(site))

