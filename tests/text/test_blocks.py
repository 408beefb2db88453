"""Reading the essay's blocks from a page's Markdown, before the build renders it."""

from __future__ import annotations

from edition.text.blocks import BlockReader, duplicate_ids
from support.build import ROOT
from support.essay import paragraphs

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def test_the_reader_finds_each_essay_paragraph_of_a_page_with_its_id_and_text() -> None:
    reader = BlockReader(EXTENSIONS)
    source = (ROOT / "docs" / "essay" / "raisi.md").read_text(encoding="utf-8")
    text = paragraphs()
    assert reader.read(source) == [("p10", text[10]), ("p11", text[11])]


def test_the_reader_starts_afresh_on_every_page_and_skips_the_editor_s_text() -> None:
    reader = BlockReader(EXTENSIONS, {"toc": {"permalink": False}})
    first = "Editor's words.\n{ .ed-summary }\n\nThe author's *own* words.\n{ .essay #p1 }\n"
    second = "Unmarked words.\n{ #p2 }\n\nMore of the author's.\n{ .essay #p3 }\n"
    assert reader.read(first) == [("p1", "The author's own words.")]
    assert reader.read(second) == [("p3", "More of the author's.")]
    assert reader.read("An essay block without an id.\n{ .essay }\n") == []


def test_an_id_used_twice_is_reported_with_both_pages() -> None:
    blocks = [("essay/a.md", "p1", "x"), ("essay/b.md", "p2", "y"), ("essay/c.md", "p1", "z"),
              ("essay/d.md", "p1", "w")]
    assert duplicate_ids(blocks) == [
        "the essay block id 'p1' is used in both 'essay/a.md' and 'essay/c.md': each paragraph "
        "id must be unique.",
        "the essay block id 'p1' is used in both 'essay/a.md' and 'essay/d.md': each paragraph "
        "id must be unique.",
    ]
    assert duplicate_ids(blocks[:2]) == []
