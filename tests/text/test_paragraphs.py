"""Citable paragraphs: one stable anchor each, a number beside (not inside) the text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from edition.text.paragraphs import ParagraphIndex, ParagraphNumbersExtension
from support.build import build, copy_project, replace_once
from support.essay import paragraphs
from support.site import page, reading_order, visible_text


def render(text: str) -> tuple[BeautifulSoup, list[int]]:
    seen: list[int] = []
    html = markdown.markdown(text, extensions=["attr_list", ParagraphNumbersExtension(seen.append)])
    return BeautifulSoup(html, "lxml"), seen


# ---- Markdown rendering -------------------------------------------------------


def test_a_numbered_paragraph_gets_a_self_link_beside_it() -> None:
    soup, seen = render("Some *text* here.\n{ .essay #p12 }")
    wrapper = soup.select_one("div.ed-para")
    link, paragraph = wrapper.find_all(recursive=False)
    assert link.name == "a" and link["href"] == "#p12" and link["data-para"] == "12"
    assert link["aria-label"] == "Paragraph 12"
    assert link.get_text() == ""  # the visible "¶12" is drawn by CSS, never part of the text
    assert paragraph.name == "p" and paragraph["id"] == "p12"
    assert paragraph.decode_contents() == "Some <em>text</em> here."
    assert seen == [12]


def test_other_paragraphs_are_left_alone() -> None:
    soup, seen = render(
        "Editor's prose.\n{ #p3 }\n\nAuthor's standfirst.\n{ .essay #standfirst }\n\n"
        "Not a number.\n{ .essay #p03 }"
    )
    assert soup.select(".ed-para, .ed-para__num") == []
    assert seen == []


def test_nested_and_consecutive_paragraphs_keep_their_order() -> None:
    soup, seen = render("> One.\n> { .essay #p1 }\n>\n> Two.\n> { .essay #p2 }\n\nAfter.")
    quote = soup.select_one("blockquote")
    assert [p["id"] for p in quote.select(".ed-para > p")] == ["p1", "p2"]
    assert soup.find_all("p")[-1].get_text() == "After."
    assert seen == [1, 2]


def test_the_index_reports_gaps() -> None:
    index = ParagraphIndex()
    index.add(1, "a.md")
    index.add(4, "b.md")
    assert index.gaps() == [2, 3]
    assert index.pages == {1: "a.md", 4: "b.md"}


# ---- The real build -----------------------------------------------------------


def test_each_paragraph_has_exactly_one_anchor_across_the_site(site: Path) -> None:
    ids = Counter(
        (element["id"], url)
        for html in site.rglob("*.html")
        for url in [html.relative_to(site).parent.as_posix() + "/"]
        for element in BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select("[id^=p]")
        if element["id"][1:].isdigit()
    )
    assert sorted(int(id_[1:]) for id_, _ in ids) == list(range(1, 16))
    assert set(ids.values()) == {1}


def test_every_number_links_to_its_own_paragraph_with_its_own_text(site: Path) -> None:
    source = paragraphs()
    found = {}
    for url in reading_order(site):
        for link in page(site, url).select("a.ed-para__num"):
            number = int(link["data-para"])
            target = link.find_next_sibling("p")
            assert link["href"] == f"#p{number}" and target["id"] == f"p{number}"
            assert visible_text(target) == source[number]
            found[number] = url
    assert sorted(found) == list(range(1, 16))


def test_a_duplicate_paragraph_id_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "docs" / "essay" / "raisi.md", "{ .essay #p11 }", "{ .essay #p10 }")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "the essay block id 'p10' is used in both 'essay/raisi.md' and 'essay/raisi.md'" in (
        result.output)


def test_the_paragraph_index_warns_of_duplicates_and_gaps_in_a_build(tmp_path: Path) -> None:
    """The numbering's own check, for paragraphs no note has been anchored in yet."""
    project = copy_project(tmp_path / "project")
    (project / "notes.yml").write_text("notes: []\n", encoding="utf-8")
    page = project / "docs" / "essay" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nExtra.\n{ .essay #p17 }\n", "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert any("no paragraph has the id 'p16'" in line for line in result.warnings), (
        result.output)


def test_a_gap_at_the_first_paragraph_fails_the_strict_build(tmp_path: Path) -> None:
    """The essay must start at ¶1: a gap before the lowest number is a gap too."""
    project = copy_project(tmp_path / "project")
    (project / "notes.yml").write_text("notes: []\n", encoding="utf-8")
    replace_once(project / "docs" / "essay" / "post-soviet.md", "{ .essay #p1 }", "{ .essay }")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert any("no paragraph has the id 'p1'" in line and "'p2'" not in line
               for line in result.warnings), result.output
