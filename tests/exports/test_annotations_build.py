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
#: diff-match-patch's Match_MaxBits, the longest pattern its bitap matcher looks for.
BITAP_BITS = 32


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


def selectors(annotation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {selector["type"]: selector for selector in annotation["target"]["selector"]}


def reader_text(element: BeautifulSoup) -> tuple[str, list[str]]:
    """The element's text without its interface (class not-annotatable), and the texts of the
    stretches between two interface elements."""
    copy = BeautifulSoup(str(element), "lxml")
    marker = "\x00"
    for interface in copy.select(".not-annotatable"):
        interface.replace_with(marker)
    text = copy.get_text()
    return text.replace(marker, ""), text.split(marker)


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
        # found at the note's stable id, its text as the note's, references with addresses.
        found = [a for a in comments if a["id"].endswith(f"#note-{note.id}")]
        assert len(found) == 1, note.label
        annotation = found[0]
        body = BeautifulSoup(annotation["body"][0]["value"], "html.parser")
        assert body.get_text() == BeautifulSoup(note.html, "html.parser").get_text()
        assert all(link.get("href") for link in body.select("a")), note.label
        assert annotation["body"][1] == {"type": "TextualBody", "value": note.kind,
                                         "purpose": "tagging"}
        quote = selectors(annotation)["TextQuoteSelector"]
        assert re.fullmatch(loose_pattern(note.quote), quote["exact"]), note.label
        if note.before:
            assert re.search(loose_pattern(note.before) + "$", quote["prefix"]), note.label
        if note.after:
            assert re.match(loose_pattern(note.after), quote["suffix"]), note.label


def test_each_quotation_finds_exactly_one_place_in_its_built_page(site: Path) -> None:
    cache: dict[str, BeautifulSoup] = {}
    # Each page's texts, worked out once for all the annotations on it (the pages are only read).
    texts: dict[int, tuple[str, tuple[str, list[str]], tuple[str, list[str]] | None]] = {}
    annotations = items(site)
    assert len(annotations) > 71
    for annotation in annotations:
        target = annotation["target"]
        page = article(site, target["source"], cache)
        if id(page) not in texts:
            holders = page.select(".ed-text")
            texts[id(page)] = (page.get_text(), reader_text(page),
                               reader_text(holders[0]) if len(holders) == 1 else None)
        text, (readable, stretches), in_holder = texts[id(page)]
        chosen = selectors(annotation)
        assert [s["type"] for s in target["selector"]] == [
            "TextQuoteSelector", "TextPositionSelector", "FragmentSelector"]
        quote, fragment = chosen["TextQuoteSelector"], chosen["FragmentSelector"]
        found = quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "")
        # Once in the page as a client that reads all its text sees it, and once in the
        # reader's text; an empty context is left out (a best-match client would look for
        # it anywhere).
        assert places(text, found) == 1, (annotation["id"], found)
        assert quote.get("prefix", "x") and quote.get("suffix", "x")
        # A bitap matcher (diff-match-patch, Match_MaxBits = 32) looks for the prefix alone,
        # or for the suffix when there is none, and for no more than 32 characters.
        assert len(quote.get("prefix", "")) <= BITAP_BITS, annotation["id"]
        if "prefix" not in quote:
            assert len(quote.get("suffix", "")) <= BITAP_BITS, annotation["id"]
        assert places(readable, found) == 1, (annotation["id"], found)
        # The context is the author's or the editor's text: it never crosses the interface.
        assert sum(places(stretch, found) for stretch in stretches) == 1, annotation["id"]
        # The position counts the reader's text of the page's content: the element
        # `.ed-text`, which holds the content and nothing of Material's template (the
        # container the README gives Recogito), from its first character.
        position = chosen["TextPositionSelector"]
        holders = page.select(".ed-text")
        assert len(holders) == 1 and in_holder is not None, annotation["id"]
        content, _ = in_holder
        assert content[position["start"]:position["end"]] == quote["exact"], annotation["id"]
        # The fragment is the block the words are in, and its refining quotation finds
        # exactly one place inside that block.
        assert fragment["type"] == "FragmentSelector"
        block = page.find(id=fragment["value"])
        assert block is not None and "essay" in block.get("class", []), annotation["id"]
        refined = fragment["refinedBy"]
        assert refined["type"] == "TextQuoteSelector" and refined["exact"] == quote["exact"]
        inside = refined.get("prefix", "") + refined["exact"] + refined.get("suffix", "")
        assert places(block.get_text(), inside) == 1, annotation["id"]


def test_no_context_holds_the_interface_text(site: Path) -> None:
    """The controls' and the apparatus' words are nowhere in a quotation's context."""
    interface = ("Cite this essay", "Editor's notes", "Terms in this part", "Copy")
    for annotation in items(site):
        quote = selectors(annotation)["TextQuoteSelector"]
        context = quote.get("prefix", "") + "\x00" + quote.get("suffix", "")
        assert not [words for words in interface if words in context], annotation["id"]


def test_mentions_identify_the_entry_of_every_actor_link(site: Path) -> None:
    """Every actor link on the essay pages is an identifying annotation of that page."""
    identified = {
        (a["target"]["source"], selectors(a)["FragmentSelector"]["value"],
         selectors(a)["TextQuoteSelector"]["exact"], body["source"])
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
        quote, position, fragment = target[SELECTORS]
        assert quote["@type"] == [f"{OA}TextQuoteSelector"]
        assert quote[f"{OA}exact"][0]["@value"]
        assert {f"{OA}prefix", f"{OA}suffix"} & set(quote)
        assert position["@type"] == [f"{OA}TextPositionSelector"]
        assert position[f"{OA}end"][0]["@value"] > position[f"{OA}start"][0]["@value"] >= 0
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

