"""What the margin shows of a note: its gloss where it has one, else its first sentence,
given to the page's script on the endnote (``data-ed-gloss``), as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.text.note_marks import first_sentence, plain_text
from support.data import margin_forms


@pytest.mark.parametrize(("text", "first"), [
    ("One. Two.", "One."),
    ("Only one sentence, with no full stop", "Only one sentence, with no full stop"),
    ("Signed on 26 February 1921. It cancelled them.", "Signed on 26 February 1921."),
    # Initials and abbreviations end no sentence.
    ("George W. Bush met him in St. Petersburg. Then.",
     "George W. Bush met him in St. Petersburg."),
    ("Some (e.g. Zarif) went. Others stayed.", "Some (e.g. Zarif) went."),
    # A closing quotation mark or bracket stays with its sentence.
    ("He said 'it is over.' Then he left.", "He said 'it is over.'"),
    ("Read it (as he did.) Later.", "Read it (as he did.)"),
    ("Is it? 'Yes', he said.", "Is it?"),
    # A sentence ends before a capital or a number, not before a small letter.
    ("In 1828 vs. the treaty. 1921 came later.", "In 1828 vs. the treaty."),
])
def test_the_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text) == first


def test_the_plain_text_of_a_note_has_its_words_and_no_markup() -> None:
    assert plain_text("<p>An <em>inference</em>,\n <a href='x'>a  fact</a>.</p>") == (
        "An inference, a fact.")


def test_every_endnote_gives_the_margin_its_gloss_or_first_sentence(site: Path) -> None:
    expected = margin_forms()
    found = {}
    for html in site.rglob("index.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for item in soup.select("section.ed-notes li[id^='note-']"):
            found[item["id"].removeprefix("note-")] = item.get("data-ed-gloss")
    assert found == expected
