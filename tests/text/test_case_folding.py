"""One case folding for matching and lookup: whatever the matcher finds, it has a key for.

No deadlines: a machine under load must not turn a slow example into a failure.

The matcher ignores case with ``re.IGNORECASE``, which takes some letters as one that
``str.lower`` keeps apart (long s and s, dotless i and i, final and medial sigma, the micro
sign and mu); the lookup key must take them as one too, or a form written with one of them
in the essay stops the build with a ``KeyError``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from edition.data.forms import fold
from edition.text.matcher import Matcher

#: Letters, marks and numbers of every script, where case lives.
LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Nl"))
#: Letters ``re.IGNORECASE`` takes as one that ``str.lower`` keeps apart, and a capital.
PAIRS = [("sanctions", "ſanctions"), ("Izmir", "ızmir"), ("σοφία", "ςοφία"),
         ("μg", "µg"), ("SANCTIONS", "ſanctions"), ("İzmir", "izmir")]


@given(LETTERS, LETTERS)
@settings(max_examples=3000, deadline=None)
def test_letters_the_matcher_takes_as_one_fold_as_one(a: str, b: str) -> None:
    if re.fullmatch(re.escape(a), b, re.IGNORECASE):
        assert fold(a) == fold(b)


@given(LETTERS)
@settings(deadline=None)
def test_a_letter_folds_to_one_letter_the_matcher_takes_for_it(a: str) -> None:
    assert len(fold(a)) == 1
    assert re.fullmatch(re.escape(fold(a)), a, re.IGNORECASE)


@given(st.text(LETTERS, min_size=3, max_size=8), st.data())
@settings(max_examples=300, deadline=None)
def test_any_spelling_of_a_form_in_another_case_is_found_without_error(
        form: str, data: st.DataObject) -> None:
    # Each letter of the form replaced by one the matcher takes for it.
    variants = [[c for c in {ch, ch.lower(), ch.upper(), fold(ch)} if len(c) == 1
                 and re.fullmatch(re.escape(ch), c, re.IGNORECASE)] for ch in form]
    written = "".join(data.draw(st.sampled_from(options)) for options in variants)
    for case in ("ignore", "auto", "exact"):
        matcher = Matcher([(form, case, "entry")])
        found = list(matcher.finditer(f"— {written} —"))
        if case == "ignore":
            assert [m.text for m in found] == [written]


def test_the_pairs_are_one_form() -> None:
    for plain, other in PAIRS:
        assert fold(plain) == fold(other)
        assert [m.text for m in Matcher([(plain, "ignore", 1)]).finditer(f"x {other} y")] == [
            other]
        assert list(Matcher([(plain, "exact", 1)]).finditer(f"x {other} y")) == []
