"""The reader's tools in the Markdown element tree, without MkDocs."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from edition.data.glossary import parse
from edition.reader.citations import STYLES
from edition.reader.tools import PageInfo, ReaderToolsExtension
from edition.reader.work import Edition
from edition.text.paragraphs import ParagraphNumbersExtension
from support.pages import render_page
from support.work import ESSAY

HOSTILE = '<img src=x onerror="window.__pwned=1"> & </dd><script>alert(1)</script>'
GLOSSARY = f"""\
terms:
  - term: JCPOA
    aliases: []
    category: treaty
    definition: '{HOSTILE}'
    sources:
      - title: A source
        url: https://example.org/jcpoa
"""


EDITION = Edition(title="An edition", editors="The editors of An edition", version="2.0",
                  year=2026, month=1, day=2, url="https://example.org/")

def render(text: str, info: PageInfo | None) -> BeautifulSoup:
    md = markdown.Markdown(extensions=[
        "attr_list", "md_in_html", ParagraphNumbersExtension(),  # as in mkdocs.yml
        ReaderToolsExtension(ESSAY, EDITION, lambda: info),
    ])
    return BeautifulSoup(md.convert(text), "html.parser")


def test_hostile_definitions_are_printed_as_text() -> None:
    (entry,) = parse(GLOSSARY.encode()).terms
    soup = render("The JCPOA held.\n{ .essay #p3 }\n",
                  PageInfo("https://example.org/e/part/", False, (entry,)))
    section = soup.select_one("section.ed-print-terms")
    assert section.select_one("dt").get_text() == "JCPOA"
    assert section.select_one("dd").get_text() == HOSTILE
    assert section.select("img, script") == []


def test_a_paragraph_gets_a_cite_button_beside_its_number_and_a_dialog() -> None:
    soup = render("Words.\n{ .essay #p3 }\n", PageInfo("https://example.org/e/part/", False, ()))
    para = soup.select_one("div.ed-para")
    children = [c.name for c in para.find_all(recursive=False)]
    assert children == ["a", "button", "p"]
    button = para.select_one("button.ed-cite")
    assert button["aria-label"] == "Cite paragraph 3" and button.get_text() == ""
    dialog = soup.select_one(f"dialog#{button['data-ed-cite']}")
    assert dialog.select_one("a")["href"] == "https://example.org/e/part/#p3"
    assert soup.select("section.ed-print-terms") == []   # no entries, no section


def test_nothing_is_added_outside_essay_pages() -> None:
    html = str(render("Words.\n{ .essay #p3 }\n", None))
    assert "ed-cite" not in html and "ed-print-terms" not in html


def test_the_cite_dialog_is_labelled_and_each_form_has_its_copy_button() -> None:
    """Every part of a paragraph's dialog, named for assistive technology: its heading, the
    close button, the address, a labelled section per style (each style the edition offers,
    and BibTeX), each form with its label, its text and a copy button that names both."""
    url = "https://example.org/e/part/#p3"
    soup = render("Words.\n{ .essay #p3 }\n", PageInfo("https://example.org/e/part/", False, ()))
    (box,) = soup.select("dialog")
    assert "ed-cite-dialog" in box["class"] and "data-search-exclude" in box.attrs
    (head,) = box.select("div.ed-cite-dialog__head")
    title = head.select_one("h2")
    assert box["aria-labelledby"] == title["id"] and "paragraph 3" in title.get_text()
    close = head.select_one("button.ed-cite-close")
    assert close["type"] == "button" and close.get_text() == "Close"
    (where,) = box.select("p.ed-cite-dialog__url")
    assert where.get_text() == f"Address: {url}" and where.select_one("a")["href"] == url
    sections = box.select("section.ed-cite-style")
    assert [s.select_one("h3").get_text() for s in sections] == [
        *(name for _, name, _ in STYLES), "BibTeX"]
    for section, (_, name, labels) in zip(sections, STYLES, strict=False):
        assert section["aria-labelledby"] == section.select_one("h3")["id"]
        rows = section.select("div.ed-cite-form")
        assert [r.select_one("p.ed-cite-form__label").get_text() for r in rows] == list(labels)
        for row, label in zip(rows, labels, strict=True):
            text = row.select_one("p.ed-cite-form__text")
            copy = row.select_one("button.ed-copy")
            assert copy["data-ed-copy"] == text["id"] and copy["type"] == "button"
            assert copy["aria-label"] == f"Copy the {name} {label.lower()}"
            assert "hidden" in copy.attrs and copy.get_text() == "Copy"
    bibtex = sections[-1]
    code = bibtex.select_one("pre.ed-cite-bibtex code")
    copy = bibtex.select_one("button.ed-copy")
    assert copy["data-ed-copy"] == code["id"] and copy["aria-label"] == "Copy the BibTeX entry"
    # One entry from every paragraph: the edition's address, no paragraph's.
    assert "https://example.org/" in code.get_text() and "#p3" not in code.get_text()
    assert code.select_one("span[data-ed-today=iso]").get_text() == "YYYY-MM-DD"


def test_a_div_that_only_borrows_the_paragraph_class_is_passed_over() -> None:
    # An editor's box given the class by hand, before a numbered paragraph: no number, so
    # no cite button of its own, and the paragraph after it still gets one.
    soup = render('<div class="ed-para" markdown="1">\nBox.\n</div>\n\nWords.\n{ .essay #p3 }\n',
                  PageInfo("https://example.org/e/part/", False, ()))
    assert soup.select_one("div.ed-para").get_text(strip=True) == "Box."
    assert [b["aria-label"] for b in soup.select("button.ed-cite")] == ["Cite paragraph 3"]


def test_the_printed_terms_come_under_their_headings_each_alphabetical() -> None:
    glossary = parse(b"""\
terms:
  - term: Treaty of Turkmenchai
    category: treaty
    definition: The 1828 treaty.
    sources: [{title: S, url: "https://example.org/t"}]
  - term: JCPOA
    category: treaty
    definition: The 2015 deal.
    sources: [{title: S, url: "https://example.org/j"}]
actors:
  - name: Vladimir Putin
    kind: person
    aliases: [Putin]
    description: Russia's president.
    sources: [{title: S, url: "https://example.org/p"}]
""")
    entries = (*glossary.terms, *glossary.actors)
    soup = render("Words.\n{ .essay #p3 }\n",
                  PageInfo("https://example.org/e/part/", False, entries))
    section = soup.select_one("section.ed-print-terms")
    assert section.select_one("h2").get_text() == "Terms in this part"
    assert [h.get_text() for h in section.select("h3")] == ["Glossary terms", "Actors"]
    assert [[dt.get_text() for dt in dl.select("dt")] for dl in section.select("dl")] == [
        ["JCPOA", "Treaty of Turkmenchai"], ["Vladimir Putin"]]


def test_a_build_without_its_public_address_says_so_in_the_cite_dialog() -> None:
    """Without SITE_URL the citations give MkDocs' local address: the dialog carries a note,
    which the script shows wherever the page is read from another address."""
    from edition.reader.tools import dialog, local_origin

    assert local_origin("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert local_origin("http://localhost:8000/ed/") == "http://localhost:8000"
    assert local_origin("http://[::1]:8000/") == "http://[::1]:8000"
    assert local_origin("https://example.org/") is None
    assert local_origin("https://127.example.org/") is None
    local = Edition(title="An edition", editors="The editors of An edition", version="2.0",
                    year=2026, month=1, day=2, url="http://127.0.0.1:8000/")
    box = dialog(ESSAY, local, "ed-cite-p1", "Cite paragraph 1", "http://127.0.0.1:8000/#p1", 1)
    (note,) = box.findall(".//p[@data-ed-local-origin]")
    assert note.get("data-ed-local-origin") == "http://127.0.0.1:8000"
    assert note.get("hidden") == "hidden" and "SITE_URL" in "".join(note.itertext())
    published = dialog(ESSAY, EDITION, "ed-cite-p1", "Cite paragraph 1",
                       "https://example.org/#p1", 1)
    assert published.findall(".//p[@data-ed-local-origin]") == []


def test_the_colophon_links_the_repositorys_issues() -> None:
    from edition.reader.colophon import render as colophon

    counts = {"notes": 1, "terms": 2, "actors": 3, "events": 4}
    text = render_page(colophon(ESSAY, EDITION, counts, "https://github.com/example/edition/"))
    html = BeautifulSoup(text, "html.parser")
    hrefs = {a.get_text(): a["href"] for a in html.select("a")}
    assert hrefs["open an issue"] == "https://github.com/example/edition/issues"
    assert hrefs["that repository"] == "https://github.com/example/edition"
    unlinked = BeautifulSoup(render_page(colophon(ESSAY, EDITION, counts)), "html.parser")
    assert "open an issue in that repository" in unlinked.get_text()
