"""The essay as a bibliographic item: the original publication, cited by this edition."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Work:
    """What a citation of the essay names: author, title, where and when it appeared."""

    family: str
    given: str
    title: str
    container: str
    year: int
    month: int
    day: int
    original_url: str
    #: How a citation describes the text it points to (this edition, not the original).
    medium: str = "annotated digital edition"
    language: str = "en"

    @property
    def author(self) -> str:
        """The author's name as written: given name first."""
        return f"{self.given} {self.family}"

    @property
    def iso_date(self) -> str:
        """The publication date as YYYY-MM-DD."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


#: The essay, as published by Engelsberg Ideas (its address is the one docs/index.md links).
ESSAY = Work(
    family="Ansari",
    given="Ali",
    title="How Russia and Iran have united in antipathy towards the West",
    container="Engelsberg Ideas",
    year=2022,
    month=8,
    day=15,
    original_url=(
        "https://engelsbergideas.com/essays/"
        "how-russia-and-iran-have-united-in-antipathy-towards-the-west/"
    ),
)
