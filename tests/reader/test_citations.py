"""Citations rendered by citeproc-py and pybtex, checked against each style's rules.

The item's facts come from the essay's own copy (title, author's byline) and the date the
home page gives; each assertion is a rule of the style for an online magazine article.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import pytest

from edition.reader.citations import bibtex, rendered, styled, written_bibtex
from edition.reader.work import ESSAY
from support.essay import source_blocks

URL = "https://example.org/edition/essay/jcpoa/#p8"


@pytest.fixture(scope="module")
def facts() -> dict[str, str]:
    blocks = {b.label: b.text for b in source_blocks()}
    return {"title": blocks["title"], "author": blocks["byline"]}


def forms(paragraph: int | None = 8, url: str = URL) -> dict[str, tuple[str, str]]:
    return {s.key: tuple(f.text for f in s.forms) for s in styled(ESSAY, url, paragraph)}


def headline(title: str) -> str:
    """Headline-style capitalisation as CSL's title case does it: first letters of words
    up, bar the short function words the CSL specification lists."""
    small = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or",
             "the", "to", "towards", "nor", "so", "up", "yet"}
    words = title.split(" ")
    return " ".join(w if i and w in small else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def test_the_work_is_the_essay_as_the_source_gives_it(facts: dict[str, str]) -> None:
    assert ESSAY.title == facts["title"]
    assert ESSAY.author == facts["author"]
    home = (source_blocks.__globals__["FIXTURE"].parents[2] / "docs/index.md").read_text()
    assert ESSAY.original_url in home
    assert "on 15 August 2022" in home and (ESSAY.year, ESSAY.month, ESSAY.day) == (2022, 8, 15)


def test_chicago_note_and_bibliography(facts: dict[str, str]) -> None:
    note, entry = forms()["chicago"]
    title = headline(facts["title"]).replace("Towards", "towards")
    # Note: First Last, "Title," Journal, Month D, YYYY, locator, URL.  (CMOS 14.89, 14.191)
    assert note.startswith(f"{facts['author']}, “")
    assert re.sub("Towards", "towards", note).count(f"“{title},”") == 1
    assert "Engelsberg Ideas, August 15, 2022, " in note
    assert re.search(r", (par|para)\. 8, ", note)
    assert note.endswith(f"{URL}.")
    # Bibliography: Last, First. "Title." Journal, Month D, YYYY. URL.  No locator.
    assert entry.startswith("Ansari, Ali. “")
    assert re.sub("Towards", "towards", entry).count(f"“{title}.”") == 1
    assert "Engelsberg Ideas, August 15, 2022." in entry
    assert "8" not in entry.replace(URL, "").replace("2022", "")
    assert entry.endswith(f"{URL}.")


def test_mla_9(facts: dict[str, str]) -> None:
    in_text, entry = forms()["mla"]
    # Works cited: Last, First. "Title." Container, D Mon. YYYY, URL.  (MLA 9, 5.x)
    assert entry.startswith("Ansari, Ali. “")
    assert "Engelsberg Ideas, 15 Aug. 2022, " + URL in entry
    # In-text: the author's surname and the paragraph, abbreviated "par."  (MLA 9, 6.21)
    # (no title: it is there only to tell two works by one author apart)
    assert in_text == "(Ansari, par. 8)"


def test_apa_7(facts: dict[str, str]) -> None:
    in_text, entry = forms()["apa"]
    # Reference: Last, F. (YYYY, Month D). Title in sentence case [Description]. Site. URL
    assert entry.startswith("Ansari, A. (2022, August 15). ")
    assert f"{facts['title']} [Annotated digital edition]. Engelsberg Ideas. {URL}" in entry
    assert not entry.endswith(".")  # APA: no full stop after a URL
    # In-text: (Author, Year, para. N)  (APA 7, 8.28)
    assert in_text == "(Ansari, 2022, para. 8)"


def test_italics_for_the_container_only() -> None:
    for style in styled(ESSAY, URL, 8):
        for form in style.forms:
            italic = ["".join(i.itertext()) for i in form.element.iter("i")]
            assert italic in ([], ["Engelsberg Ideas"]), (style.key, form.label, italic)


def test_the_whole_essay_has_no_locator() -> None:
    found = forms(None, "https://example.org/edition/")
    assert found["apa"][0] == "(Ansari, 2022)"
    assert "par" not in found["chicago"][0].split("Antipathy")[1]


def test_bibtex_is_an_article_with_the_paragraph(facts: dict[str, str]) -> None:
    from pybtex.database import parse_string

    text = bibtex(ESSAY, URL, 8)
    entry = parse_string(text, "bibtex").entries["ansari2022p8"]
    assert entry.type == "article"
    assert str(entry.persons["author"][0]) == "Ansari, Ali"
    assert entry.fields["title"] == facts["title"]
    assert entry.fields["journal"] == "Engelsberg Ideas"
    assert (entry.fields["year"], entry.fields["month"]) == ("2022", "August")
    assert "Paragraph 8" in entry.fields["note"]
    # biblatex's language field takes the babel name of the language.
    assert entry.fields["language"] == "english"
    # BibTeX and biblatex read a URL verbatim: no LaTeX escape in it.
    assert entry.fields["url"] == URL


def test_an_address_with_an_unmatched_brace_is_left_to_pybtex_to_refuse() -> None:
    # BibTeX cannot hold it; the stand-in's fast path would write it regardless.
    from pybtex.bibtex.exceptions import BibTeXError

    with pytest.raises(BibTeXError, match="unmatched braces"):
        bibtex(ESSAY, "https://example.org/a{b", 8)
    # Balanced braces are written as pybtex writes them.
    balanced = "https://example.org/a{b}c#p8"
    assert bibtex(ESSAY, balanced, 8) == written_bibtex(ESSAY, balanced, 8)


def _serialised(found: list) -> list:
    return [(s.key, s.name, [(f.label, etree.tostring(f.element, encoding="unicode"))
                             for f in s.forms]) for s in found]


def test_every_paragraph_is_cited_as_citeproc_itself_renders_it() -> None:
    # Rendered once per work and filled in: each paragraph's copy (and the whole essay's)
    # must be exactly what citeproc-py gives for that paragraph and address.
    count = sum(b.label.startswith("¶") for b in source_blocks())
    numbers = [None, *range(1, count + 1)]
    assert len(numbers) > 15
    for number in numbers:
        url = "https://example.org/edition/essay/part/" + (f"#p{number}" if number else "")
        assert _serialised(styled(ESSAY, url, number)) == _serialised(
            rendered(ESSAY, url, number)), number


def test_the_stand_ins_never_show_and_any_address_stays_text() -> None:
    # Digits of the paragraph stand-in and markup characters in the address: all text.
    url = "https://example.org/31415926/?a=1&b=<i>x</i>#p3"
    for style in styled(ESSAY, url, 3):
        for form in style.forms:
            text = form.text
            assert "edition.invalid" not in text and "31415926" not in text.replace(url, "")
            assert all(e.text != "x" for e in form.element.iter()), (style.key, text)
    long_forms = [s.forms[1].text for s in styled(ESSAY, url, 3)]
    assert all(url in text for text in long_forms)


def test_every_paragraph_has_the_bibtex_pybtex_itself_writes() -> None:
    count = sum(b.label.startswith("¶") for b in source_blocks())
    for number in [None, *range(1, count + 1)]:
        for url in ("https://example.org/edition/essay/part/#p3", "https://example.org/{x}/"):
            assert bibtex(ESSAY, url, number) == written_bibtex(ESSAY, url, number), number
