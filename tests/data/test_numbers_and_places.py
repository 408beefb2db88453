"""Accepted and silently wrong no more: numbers that are not finite, coordinates out of
range, countries the map cannot draw, a mapping used as a key, a reversed ¶ range, and a
message that would list a thousand places."""

from __future__ import annotations

import json

import pytest

from edition.data import notes
from edition.data.datafile import DataFileError, shortened
from edition.data.glossary import COUNTRIES_FILE, parse
from support.build import ROOT
from support.refusals import glossary_problems as problems

GLOSSARY = (ROOT / "glossary.yml").read_text(encoding="utf-8")
POINT = "coordinates: {lat: 41.667, lon: 50.667}"
COUNTRIES = "countries: [Kazakhstan,"


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf"])
def test_a_number_that_is_not_finite_is_refused_once_on_its_line(value: str) -> None:
    line = GLOSSARY[: GLOSSARY.index(POINT)].count("\n") + 1
    (found,) = problems(GLOSSARY.replace(POINT, POINT.replace("41.667", value)))
    assert found.startswith(f"glossary.yml:{line}: terms[")
    assert f"'coordinates.lat' is '{value}', which is not a finite number" in found


@pytest.mark.parametrize("lat,lon,field", [("90.5", "50", "lat"), ("41", "-181", "lon")])
def test_coordinates_out_of_range_say_the_range(lat: str, lon: str, field: str) -> None:
    (found,) = problems(GLOSSARY.replace(POINT, f"coordinates: {{lat: {lat}, lon: {lon}}}"))
    assert f"'coordinates.{field}' is " in found and "a latitude runs from -90 to 90" in found


def test_countries_come_from_the_maps_own_list_with_a_guess_for_a_near_miss() -> None:
    drawn = {c["name"] for c in json.loads(COUNTRIES_FILE.read_text("utf-8"))["countries"]}
    assert "Kazakhstan" in drawn and "Narnia" not in drawn
    found = problems(GLOSSARY.replace(COUNTRIES, "countries: [Narnia, Kazakstan,", 1))
    assert len(found) == 2
    assert "'countries' lists 'Narnia', which the map has no outline for. Use a name" in found[0]
    assert "lists 'Kazakstan', which the map has no outline for. Did you mean 'Kazakhstan'?" in (
        found[1])


def test_a_mapping_or_a_list_used_as_a_key_is_named_as_such() -> None:
    for key, shown in (("{a: b}", "a mapping ({...})"), ("[a, b]", "a list ([...])")):
        text = GLOSSARY.replace('  - name: "Ali Khamenei"\n',
                                f'  - name: "Ali Khamenei"\n    ? {key}\n    : x\n', 1)
        found = [p for p in problems(text) if "is not a name" in p]
        assert len(found) == 1 and f"the key {shown} is not a name" in found[0]
        assert "Node" not in found[0]


def test_a_range_of_paragraphs_written_backwards_is_refused() -> None:
    text = (ROOT / "notes.yml").read_text(encoding="utf-8").replace("(see ¶8)", "(see ¶9–2)")
    with pytest.raises(DataFileError) as caught:
        notes.parse(text.encode())
    (found,) = [str(p) for p in caught.value.problems]
    assert "the range '¶9–2' runs backwards; write the lower number first (¶2–9)" in found


def test_a_long_list_in_a_message_is_cut_with_a_count() -> None:
    assert shortened(["¶5"]) == "¶5"
    assert shortened([f"¶{n}" for n in range(1, 1188)], most=1) == "¶1 and 1,186 more"
    assert shortened(list("abcdef")) == "a, b, c, d, e and 1 more"


def test_a_reader_that_draws_no_map_may_leave_the_countries_unchecked() -> None:
    broken = GLOSSARY.replace(COUNTRIES, "countries: [Narnia,", 1)
    assert any("'Narnia', which the map has no outline for" in p for p in problems(broken))
    glossary = parse(broken.encode(), map_check=False)
    assert any("Narnia" in entry.countries for entry in glossary.entries)
