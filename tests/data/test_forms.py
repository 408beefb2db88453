"""When two spellings are one form: apostrophes, hyphens, white space and case rules."""

from __future__ import annotations

import re

import pytest

from edition.data.forms import accepts, fold, loose_pattern, unify
from support.essay import paragraphs

#: Every character the edition treats as an apostrophe, and as a hyphen inside a word.
APOSTROPHES = ("'", "\u2019", "\u2018", "\u02bc")
HYPHENS = ("-", "\u2010", "\u2011", "\u2012", "\u2013")


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
@pytest.mark.parametrize("hyphen", HYPHENS)
def test_unify_writes_every_apostrophe_and_hyphen_one_way(apostrophe: str, hyphen: str) -> None:
    assert unify(f"Iran{apostrophe}s Iran{hyphen}Iraq War") == "Iran's Iran-Iraq War"


def test_unify_makes_any_run_of_white_space_one_space_and_keeps_case() -> None:
    assert unify("the \t Iran–Iraq\n\nWar ") == "the Iran-Iraq War "
    assert unify("JCPOA") == "JCPOA"
    # An em dash is punctuation between words, not a hyphen; other letters stay as they are.
    assert unify("Iran — Russia") == "Iran — Russia"


def test_fold_also_ignores_case() -> None:
    assert fold("Trump’s  Iran–Iraq WAR") == "trump's iran-iraq war"
    assert fold("Ahmadinejad") == fold("AHMADINEJAD") == "ahmadinejad"


@pytest.mark.parametrize(
    ("form", "case", "text", "expected"),
    [
        # exact: letter for letter, apostrophes and hyphens aside.
        ("JCPOA", "exact", "JCPOA", True),
        ("JCPOA", "exact", "Jcpoa", False),
        ("shuttle diplomacy", "exact", "Shuttle diplomacy", False),
        ("Trump’s withdrawal", "exact", "Trump's withdrawal", True),
        # ignore: any case at all.
        ("Green Movement", "ignore", "GREEN movement", True),
        ("JCPOA", "ignore", "jcpoa", True),
        # auto: exact, but a lower-case first letter may be capitalised.
        ("shuttle diplomacy", "auto", "Shuttle diplomacy", True),
        ("shuttle diplomacy", "auto", "shuttle diplomacy", True),
        ("shuttle diplomacy", "auto", "SHUTTLE DIPLOMACY", False),
        ("shuttle diplomacy", "auto", "Shuttle Diplomacy", False),
        ("shuttle diplomacy", "auto", "shuttle Diplomacy", False),
        ("axis of resistance", "auto", "Axis of resistance", True),
        ("Green Movement", "auto", "green movement", False),
        ("Green Movement", "auto", "Green movement", False),
        ("JCPOA", "auto", "Jcpoa", False),
        ("Iran-Iraq War", "auto", "Iran–Iraq War", True),
        ("e-mail", "auto", "E–mail", True),
        # Only the first letter counts: the rest is compared letter for letter.
        ("iPhone", "auto", "IPhone", True),
        ("iPhone", "auto", "Iphone", False),
    ],
)
def test_accepts_applies_each_case_rule(form: str, case: str, text: str, expected: bool) -> None:
    assert accepts(form, case, text) is expected


def test_loose_pattern_matches_the_text_as_written_and_nothing_else() -> None:
    pattern = re.compile(loose_pattern("Trump’s Iran-Iraq (war)"))
    for variant in ("Trump’s Iran-Iraq (war)", "Trump's Iran–Iraq (war)",
                    "Trump‘s\n  Iran‑Iraq\t(war)", "Trumpʼs Iran‐Iraq (war)"):
        assert pattern.fullmatch(variant), variant
    for other in ("Trumps Iran-Iraq (war)", "Trump’s IranIraq (war)", "Trump’s Iran-Iraq war",
                  "trump’s Iran-Iraq (war)", "Trump’sIran-Iraq (war)", "Trump’s Iran-Iraq (war)!"):
        assert not pattern.fullmatch(other), other


def test_loose_pattern_finds_a_quotation_in_the_essay_whatever_its_apostrophes() -> None:
    """A note's quotation typed with straight apostrophes still finds the essay's words."""
    text = paragraphs()[11]
    quote = "Putin’s endorsement"
    assert quote in text
    typed = quote.replace("’", "'")
    found = re.search(loose_pattern(typed), text)
    assert found is not None and found.group() == quote
