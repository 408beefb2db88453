"""Each page's HTML, kept on disk between its rendering and its template (``build/spill.py``)."""

from __future__ import annotations

from edition.build.spill import Renamed, RenderedPages


def test_a_page_comes_back_as_it_was_kept() -> None:
    pages = RenderedPages()
    kept = {"index.md": "<p>Tehran’s “line” 🙂</p>", "essay/a.md": "<p>\udcff lone</p>",
            "empty.md": ""}
    for src, html in kept.items():
        pages.keep(src, html)
    pages.keep("index.md", "<p>again</p>")  # the latest is the one given back
    assert list(pages) == ["index.md", "essay/a.md", "empty.md"]
    assert pages["index.md"] == "<p>again</p>"
    assert pages["essay/a.md"] == kept["essay/a.md"]
    assert pages["empty.md"] == ""
    assert "missing.md" not in pages and pages.get("missing.md") is None
    renamed = Renamed(pages, {"essay/a/": "essay/a.md"})
    assert dict(renamed) == {"essay/a/": kept["essay/a.md"]}
    pages.close()
    assert len(pages) == 0 and pages.get("index.md") is None
