"""The actor pages' parts, without a build: the context a mention is quoted in."""

from __future__ import annotations

import pytest

from edition.index.occurrences import Mention
from edition.pages.actors import snippet
from edition.text.places import Place


def mention(context: str, name: str) -> Mention:
    start = context.index(name)
    return Mention(Place("essay/a.md", "p1"), name, start, start + len(name), context)


WORDS = " ".join(f"word{n:02d}" for n in range(40))  # 40 words of 6 letters, 279 characters


def test_a_short_passage_is_quoted_whole() -> None:
    assert snippet(mention("Iran and Russia met.", "Russia"), width=40) == (
        "Iran and ", "Russia", " met.")


def test_a_long_passage_is_cut_at_the_words_nearest_the_width() -> None:
    text = f"{WORDS} Iran {WORDS}"
    before, name, after = snippet(mention(text, "Iran"), width=30)
    # Within 30 characters of the name, whole words only, marked as cut on both sides.
    assert name == "Iran"
    assert before == "…word36 word37 word38 word39 "
    assert after == " word00 word01 word02 word03…"


def test_a_cut_inside_one_long_word_keeps_what_the_width_allows() -> None:
    # No space between the window's edge and the name: the word is cut, not dropped.
    text = "The Russo-" + "x" * 30 + "-Iranian partnership."
    before, name, _ = snippet(mention(text, "Iranian"), width=12)
    assert before == "…" + text[text.index("Iranian") - 12:text.index("Iranian")]
    assert name == "Iranian"


def test_a_partial_word_at_the_start_is_left_out_and_the_cut_marked() -> None:
    text = "abcdefgh Iran"
    assert snippet(mention(text, "Iran"), width=7)[0] == "…"


@pytest.mark.parametrize("cut", [1, 2])
def test_any_cut_inside_a_word_is_marked(cut: int) -> None:
    # No space before the name: the window starts `cut` characters into the compound.
    text = "Anglo-Russo-Iran talks"
    start = text.index("Iran")
    before, _, _ = snippet(mention(text, "Iran"), width=start - cut)
    assert before == "…" + text[cut:start]
