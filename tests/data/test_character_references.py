"""A data file is plain text: a character reference is refused where the file is read, with
the character it names, so none reaches a page, a tooltip or an export to be decoded there;
the zero-width joiner is kept where a script or an emoji sequence needs it."""

from __future__ import annotations

import pytest

from edition.data import characters
from edition.data.glossary import parse
from support.data import GOOD_ENTRY
from support.refusals import glossary_problems, notes_problems

NOTE = """\
notes:
  - note: {text}
    id: a-note
    kind: context
    quote: the quoted words
    gloss: A short gloss.
    sources:
      - title: {title}
        url: https://example.org/a
"""


@pytest.mark.parametrize("reference,named", [
    ("&#x202E;", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("&#8203;", "U+200B (ZERO WIDTH SPACE)"),
    ("&#X202e;", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("&lt;", "U+003C (LESS-THAN SIGN)"),
    ("&amp;", "U+0026 (AMPERSAND)"),
    ("&RightArrow;", "U+2192 (RIGHTWARDS ARROW)"),
])
def test_a_character_reference_in_a_definition_is_refused_naming_its_character(
        reference: str, named: str) -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("agreement of", f"agreement {reference} of")
    (found,) = glossary_problems(text)
    assert found.startswith("glossary.yml:5: terms[0] 'JCPOA': 'definition' holds U+0026")
    assert f"'{reference}' stands for {named}" in found
    assert "type the character itself" in found


def test_a_reference_naming_no_character_is_refused_too() -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("title: A source", "title: A &bogus; source")
    (found,) = glossary_problems(text)
    assert "glossary.yml:7:" in found and "'&bogus;' reads as a character reference" in found


def test_an_ampersand_that_starts_no_reference_is_text() -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("agreement of", "agreement (P5+1 & Iran; R&D) of")
    assert parse(text.encode()).terms[0].summary.startswith("The nuclear agreement (P5+1 &")


def test_a_reference_in_a_note_text_or_a_source_title_is_located() -> None:
    (found,) = notes_problems(NOTE.format(text="Died 3000&#x202E;.", title="A title"))
    assert found.startswith("notes.yml:2:") and "U+202E (RIGHT-TO-LEFT OVERRIDE)" in found
    (found,) = notes_problems(NOTE.format(text="Died 3000.", title="A &#8203;title"))
    assert found.startswith("notes.yml:8:") and "U+200B (ZERO WIDTH SPACE)" in found


@pytest.mark.parametrize("text", [
    "ශ්\u200dරී ලංකාව",          # Sinhala: "Sri" needs the joiner after the virama
    "क्\u200dष",                   # Devanagari: a half form
    "\U0001f469\u200d\U0001f4bb",  # woman technologist
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag: the joiner after a variation selector
])
def test_the_zero_width_joiner_is_kept_where_a_script_or_an_emoji_needs_it(text: str) -> None:
    assert characters.refused(text, multiline=False) is None


@pytest.mark.parametrize("text", ["Tale\u200dban", "\u200dශ්රී", "ශ්\u200d", "a \u200d b",
                                  "\U0001f469\u200d"])
def test_the_zero_width_joiner_is_refused_elsewhere_saying_where_it_belongs(text: str) -> None:
    index, char, why = characters.refused(text, multiline=False)  # type: ignore[misc]
    assert char == "\u200d" and text[index] == char
    assert "zero-width joiner is allowed only inside a word of a script" in why
