"""The compiled matcher: whole words, leftmost-longest, apostrophes, dashes and case."""

from __future__ import annotations

import pytest

from edition.data.forms import accepts, fold
from edition.text.matcher import Matcher


def found(forms: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    matcher = Matcher((form, case, form) for form, case in forms)
    return [(match.text, match.target) for match in matcher.finditer(text)]


def test_the_longest_form_wins() -> None:
    forms = [("Turkmenchai", "auto"), ("Treaty of Turkmenchai", "auto")]
    assert found(forms, "at the Treaty of Turkmenchai, Turkmenchai") == [
        ("Treaty of Turkmenchai", "Treaty of Turkmenchai"), ("Turkmenchai", "Turkmenchai")]


def test_leftmost_then_longest_and_never_overlapping() -> None:
    forms = [("Supreme Leader", "auto"), ("Leader's office", "auto"), ("Iranian Supreme", "auto")]
    assert found(forms, "the Supreme Leader's office") == [("Supreme Leader", "Supreme Leader")]
    assert found(forms, "Iranian Supreme Leader") == [("Iranian Supreme", "Iranian Supreme")]


def test_whole_words_only() -> None:
    forms = [("Iran", "auto"), ("US", "auto"), ("West", "auto")]
    assert found(forms, "Iranian USA Western Iran’s US-led West.") == [
        ("Iran", "Iran"), ("US", "US"), ("West", "West")]


def test_curly_and_straight_apostrophes_match_each_other() -> None:
    forms = [("Trump’s withdrawal", "auto")]
    assert found(forms, "after Trump's withdrawal and Trump’s withdrawal") == [
        ("Trump's withdrawal", "Trump’s withdrawal"), ("Trump’s withdrawal", "Trump’s withdrawal")]


def test_hyphens_and_en_dashes_match_each_other_and_white_space_is_flexible() -> None:
    forms = [("Iran-Iraq War", "auto")]
    assert [t for t, _ in found(forms, "the Iran–Iraq War, the Iran-Iraq\nWar")] == [
        "Iran–Iraq War", "Iran-Iraq\nWar"]


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("auto", "JCPOA jcpoa Jcpoa", ["JCPOA"]),
        ("exact", "JCPOA jcpoa", ["JCPOA"]),
        ("ignore", "JCPOA jcpoa", ["JCPOA", "jcpoa"]),
    ],
)
def test_acronyms_are_exact_unless_told_otherwise(case: str, text: str, expected: list) -> None:
    assert [t for t, _ in found([("JCPOA", case)], text)] == expected


def test_a_lower_case_phrase_may_begin_a_sentence_but_not_shout() -> None:
    forms = [("shuttle diplomacy", "auto")]
    assert [t for t, _ in found(forms, "Shuttle diplomacy; shuttle diplomacy; SHUTTLE "
                                       "DIPLOMACY; shuttle Diplomacy")] == [
        "Shuttle diplomacy", "shuttle diplomacy"]
    assert found([("Green Movement", "auto")], "green movement") == []


def test_a_case_mismatch_falls_back_to_a_shorter_form() -> None:
    forms = [("Reformist", "exact"), ("reformist impulse", "exact")]
    assert found(forms, "the Reformist impulse") == [("Reformist", "Reformist")]


def test_regex_metacharacters_in_forms_are_literal() -> None:
    forms = [("9/11", "auto"), ("(IRGC)", "auto"), ("U.S.", "auto"), ("a+b*", "auto"),
             ("[x]", "auto"), ("$5", "auto")]
    text = "9/11 (IRGC) U.S. UxSx a+b* aab [x] $5 911"
    assert [t for t, _ in found(forms, text)] == ["9/11", "(IRGC)", "U.S.", "a+b*", "[x]", "$5"]


def test_one_expression_for_the_whole_glossary() -> None:
    matcher = Matcher((f"term number {n}", "auto", n) for n in range(2000))
    assert len(matcher) == 2000
    assert [m.target for m in matcher.finditer("see term number 1999 and term number 7.")] == [
        1999, 7]


def test_a_form_listed_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="listed twice"):
        Matcher([("IRGC", "auto", 1), ("irgc", "auto", 2)])


def test_an_empty_glossary_matches_nothing() -> None:
    assert list(Matcher([]).finditer("anything")) == []


def test_fold_and_accepts() -> None:
    assert fold("Trump’s  Iran–Iraq") == "trump's iran-iraq"
    assert accepts("axis of resistance", "auto", "Axis of resistance")
    assert not accepts("axis of resistance", "auto", "Axis Of Resistance")
    assert accepts("Green Movement", "ignore", "GREEN movement")


# ---- Forms that share a prefix, and forms inside a longer match ------------------------


def test_forms_sharing_a_prefix_take_the_longest_and_find_the_shorter_inside() -> None:
    """A matcher that took the shortest form ("Iran") would lose the war and its link."""
    forms = [("Iran", "auto"), ("Iran-Iraq War", "auto"), ("Iraq", "auto")]
    text = "the Iran–Iraq War, Iran's Iraq, Iranian"
    assert found(forms, text) == [
        ("Iran–Iraq War", "Iran-Iraq War"), ("Iran", "Iran"), ("Iraq", "Iraq")]
    matcher = Matcher((form, case, form) for form, case in forms)
    (war, *_) = matcher.finditer(text)
    assert [(m.text, m.start, m.end) for m in matcher.within(text, war.start, war.end)] == [
        ("Iran", 4, 8), ("Iraq", 9, 13)]


def test_within_finds_every_form_inside_a_span_and_never_the_span_itself() -> None:
    forms = [("air base in Iran", "auto"), ("Iran", "auto"), ("base", "exact"),
             ("Supreme Leader", "auto"), ("the Supreme Leader’s office", "auto")]
    matcher = Matcher((form, case, form) for form, case in forms)
    text = "the air base in Iran; the Supreme Leader's office"
    outer = [(m.text, m.start, m.end) for m in matcher.finditer(text)]
    assert [t for t, _, _ in outer] == ["air base in Iran", "the Supreme Leader's office"]
    inner = [[m.target for m in matcher.within(text, start, end)] for _, start, end in outer]
    assert inner == [["base", "Iran"], ["Supreme Leader"]]
    assert list(matcher.within("Iran", 0, 4)) == []
    assert [m.text for m in matcher.within("BASE base", 0, 9)] == ["base"]  # case rules hold


def test_within_finds_a_shorter_form_where_a_longer_one_begins_too() -> None:
    forms = [("Vladimir Putin", "auto"), ("Vladimir", "auto"), ("Russian President", "auto"),
             ("Russian President Vladimir Putin", "auto")]
    matcher = Matcher((form, case, form) for form, case in forms)
    text = "Russian President Vladimir Putin"
    assert [m.target for m in matcher.within(text, 0, len(text))] == [
        "Russian President", "Vladimir Putin", "Vladimir"]
