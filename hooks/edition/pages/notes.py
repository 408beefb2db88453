"""The "Editor's notes" page: every note in reading order, linked back to its words.

Each note is numbered through the edition and found at ``#note-<id>``, its stable id;
the references in its text are links (``address``), and a line says how to cite it
(``cite``). Each note's head carries its kind (``data-kind``): the page lists every kind,
and the buttons that show one kind at a time are in the page from the build (so it does not
shift as the script starts), shown and worked by the edition's script.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from edition.data.events import Events
from edition.data.notes import KINDS, resolve
from edition.pages.inserts import block, raw
from edition.pages.links import dated_line, link, link_from, sources_line
from edition.text.anchoring import Anchor, reading_order
from edition.text.places import Place

PAGE = "notes.md"
#: Gives the HTML of a note's citation from its number, its place's label and its page's
#: source path and the note's id (made by the reader's tools, which this stage cannot import).
Cite = Callable[[int, str, str, str], str]


def _kind_buttons(ordered: list[Anchor]) -> str:
    """The group of buttons that show one kind of note at a time, with the count of each, in
    the order of the kinds' first notes; hidden where no script runs (``html.ed-js``)."""
    counts: dict[str, int] = {}
    for anchor in ordered:
        counts[anchor.note.kind] = counts.get(anchor.note.kind, 0) + 1
    buttons = [f'<button type="button" class="ed-note-kinds__button" data-kind="" '
               f'aria-pressed="true">All kinds ({len(ordered)})</button>']
    buttons += [f'<button type="button" class="ed-note-kinds__button" data-kind="{kind}" '
                f'aria-pressed="false">{KINDS[kind]} ({count})</button>'
                for kind, count in counts.items()]
    return "\n".join([
        '<div class="ed-note-kinds not-annotatable" role="group" '
        'aria-labelledby="ed-note-kinds-label" data-search-exclude>',
        '<p id="ed-note-kinds-label" class="ed-note-kinds__label">Show the notes of one '
        "kind:</p>",
        *buttons,
        f'<p class="ed-note-kinds__status" role="status">Showing all {len(ordered)} notes, '
        "of every kind.</p>",
        "</div>",
    ])


def render(anchors: list[Anchor], titles: Callable[[str], str], events: Events | None = None,
           address: Callable[[str], str] | None = None,
           cite: Cite | None = None) -> list[etree.Element]:
    """The notes page, as the elements of its body; ``titles`` gives a page's title from its
    source path, ``address`` the address of a note's reference (``p8``, ``note:<id>``) from
    this page."""
    ordered = reading_order(anchors)
    out = [
        block("h1", "Editor's notes", class_="ed-heading"),
        block("p", "The editor's notes, in the order of the essay", class_="ed-rubric"),
        block("p", f"{len(ordered)} notes give dates the essay leaves out, say what an allusion "
              "or a relative reference (“the following year”) refers to, point to where a claim "
              "can be checked, and mark the author's evident slips, which the text keeps as "
              "written. In the essay, the words a note annotates are followed by the note's "
              "number, a small raised figure: hover, focus or tap it to read the note there. "
              "The notes are numbered once through the whole edition, so a number names one "
              "note.", class_="ed-summary"),
        raw(_kind_buttons(ordered)),
    ]
    current = None
    for number, anchor in enumerate(ordered, start=1):
        if anchor.page != current:
            current = anchor.page
            out.append(block("h2", titles(anchor.page)))
        note, key = anchor.note, anchor.note.id or str(number)
        place = Place(anchor.page, anchor.block)
        marker = link_from(PAGE, f"{anchor.page}#noteref-{key}")
        html = resolve(note.html, address) if address else note.html
        out += [
            block("p", link(f"{place.label}, note {number}", marker),
                  f" · {KINDS[note.kind]} · “{note.quote}”", id=f"note-{key}",
                  class_="ed-note-head", **{"data-kind": note.kind,
                                            "data-kind-label": KINDS[note.kind]}),
            # The note as its Markdown subset was rendered by a real serialiser (notes.py).
            raw(f'<div class="ed-note-body">{html}</div>'),
            block("p", *sources_line(note.sources), class_="ed-gl-sources"),
            *dated_line(events, note.events, PAGE),
        ]
        if cite is not None:
            out.append(raw(f'<p class="ed-note-cite" data-search-exclude><strong>Cite as:'
                           f"</strong> {cite(number, place.label, anchor.page, key)}</p>"))
    return out
