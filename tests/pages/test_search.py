"""The search index's documents, as Material's results insert them into the page (HTML).

Pure tests of ``edition.pages.search`` on small hand-written indexes; the real build's index
is tested in tests/builds/test_search*.py and in Chromium.
"""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from edition.data.glossary import load
from edition.pages.search import KEPT, NAMES, PARAGRAPH_BOOST, inert, rewrite
from support.build import ROOT

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "</p><svg onload=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "]]><!-- <b onmouseover=alert(1)>",
]


def elements(markup: str) -> list[str]:
    """Every element ``markup`` makes where Material puts it (innerHTML), with attributes."""
    return [str(e)[:60] for e in BeautifulSoup(markup, "html.parser").find_all(True)
            if e.name not in KEPT or e.attrs]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_an_entry_reaches_the_results_as_its_text(payload: str) -> None:
    (entry, *_) = load(ROOT / "glossary.yml").actors
    hostile = dataclasses.replace(entry, name=f"{payload} name", summary=f"{payload} summary",
                                  variants=(payload,))
    index = {"config": {"fields": {}}, "docs": [
        {"location": "actors/x/", "title": "x", "text": "<p>x</p>"}]}
    (doc,) = rewrite(index, {}, {}, {"actors/x/": hostile})["docs"]
    for field in ("title", "text"):
        assert elements(doc[field]) == [], (field, doc[field])
    shown = BeautifulSoup(doc["title"] + " " + doc["text"], "html.parser").get_text()
    assert f"{payload} name" in shown and f"{payload} summary" in shown
    # the variant is searched (its own field) and never shown
    assert payload not in BeautifulSoup(doc["text"], "html.parser").get_text().replace(
        f"{payload} summary", "")
    assert elements(doc[NAMES]) == []


@pytest.mark.parametrize("markup", [
    "<p>Plain &amp; simple &lt;b&gt; text</p>",
    "<ul><li>one</li><li>two <code>x &lt; y</code></li></ul>",
    "H<sub>2</sub>O and x<sup>2</sup>",
])
def test_escaped_text_keeps_its_words_and_markup_once_cleaned_stays_the_same(markup: str
                                                                             ) -> None:
    assert inert(markup) == markup
    assert inert(inert(markup)) == inert(markup)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_that_was_never_escaped_becomes_inert(payload: str) -> None:
    assert elements(inert(f"<p>{payload}</p>")) == []


def test_a_paragraph_is_its_own_document_with_its_variants_apart() -> None:
    page = ('<h1 id="part">Part</h1><p id="p3">Iran &amp; Russia’s <a href="#">Taliban</a>'
            ' <span title="x">talks</span>.</p><section class="ed-notes"><h2 id="editors-notes">'
            'Notes</h2><ol><li>A note.</li></ol></section>')
    index = {"config": {"fields": {"title": {"boost": 1000.0}}}, "docs": [
        {"location": "essay/a/", "title": "Part", "text": ""},
        {"location": "essay/a/#part", "title": "Part",
         "text": "<p>Iran &amp; Russia’s Taliban talks.</p>"},
        {"location": "essay/a/#editors-notes", "title": "Notes",
         "text": "<ol><li>A note.</li></ol>"},
        {"location": "notes/", "title": "Notes", "text": "<p>The notes</p>"},
        {"location": "notes/#part", "title": "Part", "text": "<p>¶3, note 1 A note.</p>"},
    ]}
    notes = ('<p class="ed-note-head" id="note-a" data-kind-label="Date"><a href="#">¶3, note 1'
             '</a> · Date · “Iran”</p><div class="ed-note-body"><p>A note.</p></div>')
    result = rewrite(index, {"essay/a/": page}, {("essay/a/", "p3"): ["Taleban"]}, {},
                     ("notes/", notes))
    docs = {doc["location"]: doc for doc in result["docs"]}
    # the page first (Material's results group by it), then its paragraphs, then the rest;
    # the endnotes and the notes page's parts leave, each note found once at its anchor
    assert list(docs) == ["essay/a/", "essay/a/#p3", "essay/a/#part", "notes/",
                          "notes/#note-a"]
    paragraph = docs["essay/a/#p3"]
    assert paragraph == {"location": "essay/a/#p3", "title": "¶3",
                         "text": "<p>Iran &amp; Russia’s Taliban talks.</p>",
                         "boost": PARAGRAPH_BOOST, NAMES: "Taleban"}
    assert docs["essay/a/#part"]["text"] == ""  # the paragraph is found once, at #p3
    assert docs["notes/#note-a"] == {"location": "notes/#note-a", "title": "¶3, note 1 · Date",
                                     "text": "<p>A note.</p>"}
    assert result["config"]["fields"][NAMES] == {"boost": 1.0}
    assert result["config"]["fields"]["title"] == {"boost": 1000.0}


def test_a_paragraph_shows_the_sentences_that_hold_the_words() -> None:
    # Material's result shows the blocks of a text that hold a match (two at most)
    text = "It was here. Once the “JCPOA” was agreed, Iran asked why? ‘Yes.’ Then 2015 came."
    page = f'<p id="p1">{text}</p>'
    index = {"config": {}, "docs": [{"location": "a/", "title": "A", "text": ""}]}
    (_, doc) = rewrite(index, {"a/": page}, {}, {})["docs"]
    blocks = [p.get_text() for p in BeautifulSoup(doc["text"], "html.parser").find_all("p")]
    assert blocks == ["It was here.", "Once the “JCPOA” was agreed, Iran asked why?", "‘Yes.’",
                      "Then 2015 came."]


def test_the_index_is_written_as_json_writes_it_whole() -> None:
    import io
    import json

    from edition.pages.search import dump

    index = {"config": {"lang": ["en"], "fields": {NAMES: {"boost": 1.0}}}, "docs": [
        {"location": "", "title": "Home", "text": "<p>Tehran’s “line” \\ \"quoted\"</p>"},
        {"location": "a/#p1", "title": "¶1", "text": "🙂 \u2028 &amp; <", "boost": 10_000},
    ], "extra": None}
    out = io.StringIO()
    dump(index, out)
    assert out.getvalue() == json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    empty = io.StringIO()
    dump({"config": {}, "docs": []}, empty)
    assert empty.getvalue() == '{"config":{},"docs":[]}'


def test_an_actor_page_material_did_not_read_is_found_where_the_page_stands() -> None:
    """Material's search plugin is told not to read the actor pages (their front matter): each
    is one document, its entry's, placed where the build wrote the page."""
    actors = {a.id: a for a in load(ROOT / "glossary.yml").actors}
    first, second = sorted(actors)[:2]
    index = {"config": {}, "docs": [
        {"location": "", "title": "Home", "text": ""},
        {"location": "actors/", "title": "Actors", "text": "<p>Who is who.</p>"},
        {"location": "actors/#list", "title": "List", "text": "<p>All.</p>"},
        {"location": "places/", "title": "Places", "text": ""},
    ]}
    order = ["", f"actors/{second}/", "actors/", f"actors/{first}/", "places/"]
    entries = {f"actors/{name}/": actors[name] for name in (first, second)}
    docs = rewrite(index, {}, {}, entries, lists=["actors/"], order=order)["docs"]
    assert [doc["location"] for doc in docs] == [
        "", f"actors/{second}/", "actors/", f"actors/{first}/", "places/"]
    assert BeautifulSoup(docs[3]["title"], "html.parser").get_text() == actors[first].name
    # without the order, as before: only the pages Material read
    assert [doc["location"] for doc in rewrite(index, {}, {}, entries, lists=["actors/"])[
        "docs"]] == ["", "actors/", "places/"]
