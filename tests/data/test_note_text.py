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
                   "    sources: [{title: S, url: \"https://example.org/s\"}]\n    id: a\n"
                   "    gloss: A gloss.\n",
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
                   "    sources: [{title: S, url: \"https://example.org/s\"}]\n    id: a\n"
                   "    gloss: A gloss.\n",
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
    gloss: The Vienna talks.
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


# ---- The gloss: a note's short form -------------------------------------------------------

GLOSSED = """\
notes:
  - id: the-talks
    quote: the talks
    kind: context
    gloss: {gloss}
    note: The *Vienna* talks on the JCPOA.
    sources: [{{title: S, url: "https://example.org/s"}}]
"""


def test_a_gloss_is_read_as_plain_text_with_its_white_space_folded() -> None:
    (note,) = parse(GLOSSED.format(gloss='"The  *Vienna*   talks."').encode())
    assert note.gloss == "The *Vienna* talks."


def test_a_gloss_of_the_limit_passes_and_one_word_more_is_refused_at_its_line() -> None:
    words = " ".join(f"w{n}" for n in range(25))
    (note,) = parse(GLOSSED.format(gloss=words).encode())
    assert len(note.gloss.split()) == 25
    with pytest.raises(NotesError) as caught:
        parse(GLOSSED.format(gloss=words + " w25").encode())
    assert [str(p) for p in caught.value.problems] == [
        "notes.yml:5: notes[0] 'the talks': the gloss has 26 words; a gloss has at most 25 "
        "(one sentence, or two short ones, saying what the reader needs at that line). "
        "Shorten it; the full note keeps the rest."]


def test_a_note_without_a_gloss_is_refused() -> None:
    text = GLOSSED.format(gloss="-").replace("    gloss: -\n", "")
    with pytest.raises(NotesError) as caught:
        parse(text.encode())
    assert [str(p) for p in caught.value.problems] == [
        "notes.yml:2: notes[0] 'the talks': this entry has no 'gloss'; add it."]


def test_every_gloss_of_the_edition_is_within_the_limit_and_not_cut_from_its_note() -> None:
    """Read from the raw file: a gloss is written for the margin, not the note's opening."""
    import yaml

    raw = yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8"))["notes"]
    for entry in raw:
        gloss, note = " ".join(entry["gloss"].split()), " ".join(entry["note"].split())
        assert 1 <= len(gloss.split()) <= 25, entry["id"]
        assert not note.startswith(gloss.rstrip(".")), entry["id"]
