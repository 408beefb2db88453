"""Dates of events at the precision known: a year, a month or a day."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True, order=True)
class EventDate:
    """A date as precise as the sources allow; sorts chronologically, coarse first."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def iso(self) -> str:
        """``1828``, ``1991-01`` or ``2015-07-14``."""
        return "-".join([f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p])

    @property
    def label(self) -> str:
        """``1828``, ``January 1991`` or ``14 July 2015``."""
        if not self.month:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


def parse_date(text: str) -> EventDate:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError, saying why, if unreal."""
    match = _FORM.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if not 1500 <= year <= 2100:
        raise ValueError(f"'{text}': the year {year} is outside 1500-2100")
    if match.group(2) and not 1 <= month <= 12:
        raise ValueError(f"'{text}': there is no month {month}")
    if match.group(3):
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise ValueError(f"'{text}': {MONTHS[month - 1]} {year} has no day {day}") from None
    return EventDate(year, month, day)
