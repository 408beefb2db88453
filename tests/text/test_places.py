"""Where a passage is: how the edition cites an essay block and in what order blocks come."""

from __future__ import annotations

from edition.text.places import Place
from support.essay import source_blocks


def test_a_place_links_to_its_block_or_to_its_page() -> None:
    assert Place("essay/raisi.md", "p11").target == "essay/raisi.md#p11"
    assert Place("index.md", "caption").target == "index.md#caption"
    assert Place("essay/raisi.md", None).target == "essay/raisi.md"


def test_blocks_are_cited_as_the_essay_source_labels_them() -> None:
    """Labels as in ``tests/fixtures/essay.txt``: "¶12", "standfirst", "photo title"."""
    labels = [b.label for b in source_blocks()]
    assert Place("essay/ukraine.md", "p12").label == "¶12" == labels[4 + 11]
    assert Place("index.md", "photo-title").label == "photo title" == labels[2]
    assert Place("index.md", "standfirst").label == "standfirst" == labels[1]
    assert Place("essay/conclusion.md", "byline").label == "byline" == labels[-1]
    assert Place("notes.md", None).label == "notes.md"


def test_places_sort_in_the_essay_order() -> None:
    """The title, standfirst, photo title and caption, then ¶1 to ¶15, then the byline."""
    shuffled = [
        Place("essay/conclusion.md", "byline"), Place("essay/conclusion.md", "p15"),
        Place("essay/jcpoa.md", "p10"), Place("index.md", "caption"),
        Place("essay/post-soviet.md", "p2"), Place("index.md", "photo-title"),
        Place("index.md", "standfirst"), Place("index.md", "title"),
        Place("essay/post-soviet.md", "p1"),
    ]
    ordered = sorted(shuffled, key=lambda place: place.order)
    assert [p.label for p in ordered] == [
        "title", "standfirst", "photo title", "caption", "¶1", "¶2", "¶10", "¶15", "byline"]
    blocks = [b.label for b in source_blocks()]
    assert [p.label for p in ordered] == [label for label in blocks if label in
                                          {p.label for p in ordered}]


def test_blocks_after_the_paragraphs_sort_by_page_and_anchor() -> None:
    later = [Place("b.md", "x"), Place("a.md", "z"), Place("a.md", "y"), Place("a.md", "p3")]
    assert [p.target for p in sorted(later, key=lambda place: place.order)] == [
        "a.md#p3", "a.md#y", "a.md#z", "b.md#x"]
