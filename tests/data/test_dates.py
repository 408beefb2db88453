"""Dates of events at the precision the sources give: a year, a month or a day."""

from __future__ import annotations

import pytest

from edition.data.dates import EventDate, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("1828", EventDate(1828)),
    ("1991-01", EventDate(1991, 1)),
    ("2015-07-14", EventDate(2015, 7, 14)),
    (" 2022-02-24\n", EventDate(2022, 2, 24)),
    ("1500", EventDate(1500)),
    ("2100-12-31", EventDate(2100, 12, 31)),
    ("2024-02-29", EventDate(2024, 2, 29)),
])
def test_a_date_is_read_at_its_precision(text: str, expected: EventDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2015-7-14", "'2015-7-14' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("14 July 2015", "'14 July 2015' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("1499", "'1499': the year 1499 is outside 1500-2100"),
    ("2101-01", "'2101-01': the year 2101 is outside 1500-2100"),
    ("2015-13", "'2015-13': there is no month 13"),
    ("2015-00", "'2015-00': there is no month 0"),
    ("2015-00-10", "'2015-00-10': there is no month 0"),
    ("2023-02-29", "'2023-02-29': February 2023 has no day 29"),
    ("2015-04-31", "'2015-04-31': April 2015 has no day 31"),
    ("2015-04-00", "'2015-04-00': April 2015 has no day 0"),
])
def test_an_unreal_date_is_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_date(text)
    assert str(error.value) == message
