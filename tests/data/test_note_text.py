"""A note's Markdown: what the sanitiser lets through, exactly as the note writes it."""

from __future__ import annotations

from edition.data.notes import render_note


def test_a_link_keeps_its_title_and_the_text_its_quotes() -> None:
    """Markdown's link title is written in double quotes: escaping the note must leave quotes
    alone, or the title becomes part of the address (and the link is refused)."""
    text = 'Ansari\'s "phrase", [a source](https://example.org/x "The title").'
    assert render_note(text) == (
        '<p>Ansari\'s "phrase", <a href="https://example.org/x" title="The title">a source</a>.'
        "</p>")
