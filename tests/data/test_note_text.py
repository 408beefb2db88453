"""A note's Markdown: what the sanitiser lets through, exactly as the note writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.data.notes import NotesError, load, parse, render_note
from support.build import ROOT


def test_a_link_keeps_its_title_and_the_text_its_quotes() -> None:
    """Markdown's link title is written in double quotes: escaping the note must leave quotes
    alone, or the title becomes part of the address (and the link is refused)."""
    text = 'Ansari\'s "phrase", [a source](https://example.org/x "The title").'
    assert render_note(text) == (
        '<p>Ansari\'s "phrase", <a href="https://example.org/x" title="The title">a source</a>.'
        "</p>")


def test_a_notes_file_read_under_another_name_is_named_so(tmp_path: Path) -> None:
    bad = tmp_path / "notes.yml"
    bad.write_text("notes:\n  - quote: the talks\n    kind: gossip\n    note: A note.\n"
                   "    sources: [{title: S, url: \"https://example.org/s\"}]\n    id: a\n",
                   encoding="utf-8")
    with pytest.raises(NotesError) as caught:
        load(bad, display_name="data/notes.yml")
    assert len(caught.value.problems) == 1
    assert str(caught.value.problems[0]).startswith(
        "data/notes.yml:3: notes[0] 'the talks': 'kind' is 'gossip'; it must be one of: 'slip', ")


def test_a_wrong_kind_lists_every_kind_with_its_meaning_from_the_schema(tmp_path: Path) -> None:
    """The meanings come from notes.schema.json, every kind has one (context too)."""
    import json

    schema = json.loads((ROOT / "notes.schema.json").read_text(encoding="utf-8"))
    kind = schema["$defs"]["note"]["properties"]["kind"]
    assert len(kind["enumDescriptions"]) == len(kind["enum"]) == 5
    assert all(meaning.strip() for meaning in kind["enumDescriptions"])
    bad = tmp_path / "notes.yml"
    bad.write_text("notes:\n  - quote: the talks\n    kind: contex\n    note: A note.\n"
                   "    sources: [{title: S, url: \"https://example.org/s\"}]\n    id: a\n",
                   encoding="utf-8")
    with pytest.raises(NotesError) as caught:
        load(bad)
    message = str(caught.value.problems[0])
    for value, meaning in zip(kind["enum"], kind["enumDescriptions"], strict=True):
        assert f"'{value}', {meaning}" in message


NOTE = """\
notes:
  - quote: the talks
    before: stalling
    after: in Vienna
    kind: context
    note: >-
      The *Vienna* talks
      on the JCPOA.
    sources: [{title: S, url: "https://example.org/s"}]
    id: vienna-talks
"""


def test_a_note_keeps_its_context_and_its_text_as_one_line() -> None:
    (note,) = parse(NOTE.encode())
    assert (note.quote, note.before, note.after) == ("the talks", "stalling", "in Vienna")
    assert note.text == "The *Vienna* talks on the JCPOA."
    assert note.html == "<p>The <em>Vienna</em> talks on the JCPOA.</p>"


def test_bad_notes_fail_with_an_error_that_names_the_notes() -> None:
    with pytest.raises(NotesError) as caught:
        parse(NOTE.replace("The *Vienna* talks", "The `Vienna` talks").encode())
    assert str(caught.value) == (
        "1 problem in the notes:\n  notes.yml:6: notes[0] 'the talks': the note uses <code>; "
        "notes allow only *emphasis*, **strong** and [links](https://...).")
