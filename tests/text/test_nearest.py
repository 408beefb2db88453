"""A quotation not in the essay: the nearest passage is named and the difference shown."""

from __future__ import annotations

import pytest

from edition.data.notes import Note, NotesError
from edition.text.anchoring import anchor
from support.essay import paragraphs


def _blocks() -> list[tuple[str, str, str]]:
    return [("essay/x.md", f"p{n}", text) for n, text in paragraphs().items()]


def _note(quote: str) -> Note:
    return Note(index=0, quote=quote, before="", after="", kind="check", text="t", html="",
                sources=(), line=7)


def test_one_extra_comma_names_the_paragraph_and_marks_the_comma() -> None:
    number, text = 9, paragraphs()[9]
    words = text.split()
    exact = " ".join(words[5:15])
    middle = exact.index(" ", len(exact) // 2)
    wrong = exact[:middle] + "," + exact[middle:]
    assert wrong not in text
    with pytest.raises(NotesError) as caught:
        anchor([_note(wrong)], _blocks())
    message = str(caught.value.problems[0])
    assert message.startswith("notes.yml:7: notes[0] ")
    assert "the quotation is not in the essay" in message
    assert f"The nearest passage is ¶{number} (essay/x.md): “{exact}”." in message
    assert f"“{exact[:middle]}[-,-]{exact[middle:]}”" in message


def test_a_missing_letter_is_shown_as_the_essays_letter() -> None:
    text = paragraphs()[4]
    exact = " ".join(text.split()[3:12])
    at = next(i for i, c in enumerate(exact) if i > 10 and c.isalpha())
    wrong = exact[:at] + exact[at + 1:]
    with pytest.raises(NotesError) as caught:
        anchor([_note(wrong)], _blocks())
    message = str(caught.value.problems[0])
    assert "nearest passage is ¶4" in message
    assert f"{{+{exact[at]}+}}" in message


def test_words_nowhere_near_the_essay_name_no_passage() -> None:
    with pytest.raises(NotesError) as caught:
        anchor([_note("qzxv wkjp fffq zzzz")], _blocks())
    assert "nearest passage" not in str(caught.value.problems[0])
