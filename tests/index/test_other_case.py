"""Forms that never occur as written are found in another case, each at its first place.

The essay's blocks here are written by hand, so the expected text and place come from them.
"""

from __future__ import annotations

from edition.index.checks import _other_cases

BLOCKS = [
    ("one.md", "p1", "Nothing to see here."),
    ("one.md", "p2", "The iran-iraq war began when IRAN was weak."),
    ("two.md", "p3", "Iran-Iraq War"),
    ("two.md", "p4", "An iranian word is not a name; the Axis of resistance is."),
]


def test_each_form_is_found_at_its_first_place_even_inside_another() -> None:
    found = _other_cases(["Iran-Iraq War", "Iran", "axis of Resistance", "Iraqi"], BLOCKS)
    assert found["iran-iraq war"][0] == "iran-iraq war"
    assert found["iran"][0] == "iran"  # the first, inside the longer name, not "IRAN"
    assert found["axis of resistance"][0] == "Axis of resistance"
    assert "iraqi" not in found  # never occurs as a whole word


def test_a_block_that_is_one_whole_form_counts() -> None:
    found = _other_cases(["IRAN-IRAQ WAR"], BLOCKS[2:3])
    assert found["iran-iraq war"][0] == "Iran-Iraq War"


def test_the_place_is_the_paragraph_it_is_in() -> None:
    assert _other_cases(["iran"], BLOCKS)["iran"][1] == "¶2"
