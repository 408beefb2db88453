"""The matcher's fallback when a form's case rule refuses the longest match."""

from __future__ import annotations

from edition.text.matcher import Matcher


def matches(forms: list[tuple[str, str]], text: str) -> list[tuple[str, str, str]]:
    """(text as written, form as listed, target) of every match; the target is the index."""
    matcher = Matcher((form, case, str(n)) for n, (form, case) in enumerate(forms))
    return [(m.text, m.form, m.target) for m in matcher.finditer(text)]


def test_a_match_names_the_form_as_listed_not_as_written() -> None:
    forms = [("Trump’s withdrawal", "auto"), ("Iran-Iraq War", "auto")]
    assert matches(forms, "Trump's withdrawal after the Iran–Iraq War") == [
        ("Trump's withdrawal", "Trump’s withdrawal", "0"),
        ("Iran–Iraq War", "Iran-Iraq War", "1"),
    ]


def test_a_refused_form_ending_in_punctuation_falls_back_to_the_word_before_it() -> None:
    forms = [("Inc.", "exact"), ("inc", "ignore")]
    assert matches(forms, "INC. and Inc.") == [("INC", "inc", "1"), ("Inc.", "Inc.", "0")]


def test_the_fallback_never_stops_inside_a_word() -> None:
    """"Plan B" is a form, but "Plan Bravo" (refused by its case) does not contain it."""
    forms = [("Plan B", "ignore"), ("plan Bravo", "exact")]
    assert matches(forms, "Plan Bravo") == []
    assert matches(forms, "plan Bravo, Plan B") == [
        ("plan Bravo", "plan Bravo", "1"), ("Plan B", "Plan B", "0")]


def test_a_refused_match_does_not_hide_the_matches_after_it() -> None:
    forms = [("JCPOA", "exact"), ("shuttle diplomacy", "auto")]
    assert [m[0] for m in matches(forms, "jcpoa, then JCPOA; SHUTTLE DIPLOMACY, shuttle "
                                         "diplomacy")] == ["JCPOA", "shuttle diplomacy"]


def test_after_a_refused_match_the_next_character_may_begin_a_match() -> None:
    forms = [("(IRGC)", "exact"), ("irgc", "ignore")]
    assert matches(forms, "(irgc) (IRGC)") == [("irgc", "irgc", "1"), ("(IRGC)", "(IRGC)", "0")]


def test_within_finds_a_form_beginning_one_character_into_the_span() -> None:
    matcher = Matcher([("(IRGC) forces", "auto", "phrase"), ("IRGC", "auto", "irgc")])
    text = "the (IRGC) forces"
    assert [(m.text, m.target) for m in matcher.within(text, 4, len(text))] == [("IRGC", "irgc")]
