"""The "Editor's notes" page: every note in reading order, linked back to its words."""

from __future__ import annotations

from collections.abc import Callable

from edition.data.events import Events
from edition.data.notes import KINDS
from edition.pages.links import dated_line, link_from, literal, sources_line
from edition.text.anchoring import Anchor, reading_order
from edition.text.places import Place

PAGE = "notes.md"


def render(anchors: list[Anchor], titles: Callable[[str], str], events: Events | None = None
           ) -> str:
    """The Markdown of the notes page; ``titles`` gives a page's title from its source path."""
    ordered = reading_order(anchors)
    out = [
        "# Editor's notes { .ed-heading }",
        "",
        "The editor's notes, in the order of the essay",
        "{ .ed-rubric }",
        "",
        f"{len(ordered)} notes give dates the essay leaves out, say what an allusion or a "
        "relative reference (“the following year”) refers to, point to where a claim can be "
        "checked, and mark the author's evident slips, which the text keeps as written. In the "
        "essay, the words a note annotates are underlined in the editor's colour and followed "
        "by the note's number: hover, focus or tap the number to read the note there.",
        "{ .ed-summary }",
        "",
    ]
    current = None
    per_page: dict[str, int] = {}
    for number, anchor in enumerate(ordered, start=1):
        if anchor.page != current:
            current = anchor.page
            out += [f"## {literal(titles(anchor.page))}", ""]
        per_page[anchor.page] = per_page.get(anchor.page, 0) + 1
        place = Place(anchor.page, anchor.block)
        marker = link_from(PAGE, f"{anchor.page}#ed-noteref-{per_page[anchor.page]}")
        out += [
            f"[{place.label}, note {per_page[anchor.page]}]({marker}) · "
            f"{KINDS[anchor.note.kind]} · “{literal(anchor.note.quote)}”",
            f"{{ #note-{number} .ed-note-head }}",
            "",
            f'<div class="ed-note-body">{anchor.note.html}</div>',
            "",
            sources_line(anchor.note.sources),
            "{ .ed-gl-sources }",
            "",
            *dated_line(events, anchor.note.events, PAGE),
        ]
    return "\n".join(out)
