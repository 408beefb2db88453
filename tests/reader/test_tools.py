"""The reader's tools in the Markdown element tree, without MkDocs."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from edition.data.glossary import parse
from edition.reader.tools import PageInfo, ReaderToolsExtension
from edition.reader.work import ESSAY
from edition.text.paragraphs import ParagraphNumbersExtension

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


def render(text: str, info: PageInfo | None) -> BeautifulSoup:
    md = markdown.Markdown(extensions=[
        "attr_list", ParagraphNumbersExtension(), ReaderToolsExtension(ESSAY, lambda: info),
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
