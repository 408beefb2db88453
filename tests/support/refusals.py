"""What the data stage refuses, as the lines it says: the problems of a data file that does
not load, read from the error its parser raises."""

from __future__ import annotations

import pytest

from edition.data import glossary, notes


def glossary_problems(text: str) -> list[str]:
    """The problems ``glossary.parse`` raises for ``text``, each as its message reads."""
    with pytest.raises(glossary.GlossaryError) as caught:
        glossary.parse(text.encode())
    return [str(problem) for problem in caught.value.problems]


def notes_problems(text: str) -> list[str]:
    """The problems ``notes.parse`` raises for ``text``, each as its message reads."""
    with pytest.raises(notes.NotesError) as caught:
        notes.parse(text.encode())
    return [str(problem) for problem in caught.value.problems]
