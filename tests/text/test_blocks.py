"""The essay's blocks read before the build: only pages that can hold them, once each."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
import yaml
from markdown.treeprocessors import Treeprocessor

from edition.text.blocks import BlockReader, duplicate_ids, may_hold_blocks
from edition.text.paragraphs import is_essay_block
from support.build import ROOT
from support.essay import paragraphs

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def _essay_pages() -> dict[str, str]:
    docs = ROOT / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
            for p in docs.rglob("*.md")}


class _Record(Treeprocessor):
    def __init__(self, md: markdown.Markdown, found: list[tuple[str, str]]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        self.found += [(e.get("id", ""), "".join(e.itertext()))
                       for e in root.iter() if is_essay_block(e) and e.get("id")]


def _full_render_blocks(source: str) -> list[tuple[str, str]]:
    """Every essay block of ``source``, from a complete conversion (no shortcut at all)."""
    found: list[tuple[str, str]] = []
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.treeprocessors.register(_Record(md, found), "record", 6.5)
    md.convert(source)
    return found


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (``!ENV``) read as nothing: only the extensions matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_the_extensions_under_test_are_the_sites() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert [e for e in config["markdown_extensions"] if isinstance(e, str)] == EXTENSIONS


def test_the_reader_finds_each_body_paragraph_as_the_source_has_it() -> None:
    reader = BlockReader(EXTENSIONS)
    found: dict[str, str] = {}
    for source in _essay_pages().values():
        found.update(reader.read(source.split("---", 2)[-1] if source.startswith("---")
                                 else source))
    for number, text in paragraphs().items():
        assert " ".join(found[f"p{number}"].split()) == " ".join(text.split()), number


@pytest.mark.parametrize(
    "source",
    [
        "# An ordinary page\n\nIt is about the essay, and quotes it: "
        "“It was here that the intimacy of the relationship first became apparent.”\n",
        "# Notes\n\n- a list\n- of items { .ed-gl-meta #p8 }\n\n| a | b |\n",
        '<div class="ed-summary" markdown>A summary, in a box. { #p3 }</div>\n',
    ],
)
def test_a_page_without_the_class_is_not_read(source: str) -> None:
    assert not may_hold_blocks(source)
    assert BlockReader(EXTENSIONS).read(source) == []
    assert _full_render_blocks(source) == []  # the shortcut loses nothing


def test_the_shortcut_agrees_with_a_full_conversion_on_every_page() -> None:
    reader = BlockReader(EXTENSIONS)
    for path, source in _essay_pages().items():
        assert reader.read(source) == _full_render_blocks(source), path


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
