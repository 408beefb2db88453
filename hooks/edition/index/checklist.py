"""The one list of checks that the build and the quick check both run, stage by stage.

The build (``edition.build.build.Build``) and the contributors' quick check
(``scripts/check_glossary.py``) each fill a :class:`Reading` and run :data:`CHECKS` through
:func:`run`, one stage at a time, at the point of their own work where that stage's input
is at hand. A check added here is run by both, so the two cannot drift apart: the same
problems, in the same words, on the same file and line (``tests/scripts/test_check.py``).

A check returns its warnings (``--strict`` fails on them) and raises for a problem that
stops the build: :class:`DataFileError` for problems located in a data file,
:class:`EssayError` for the essay's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from edition.data.datafile import DataFileError, Problem
from edition.data.work import Work
from edition.data.work import load as load_work
from edition.index import checks
from edition.index.occurrences import OccurrenceIndex
from edition.text.anchoring import Anchor
from edition.text.blocks import duplicate_ids, word_count
from edition.text.matcher import Matcher
from edition.text.paragraphs import ParagraphIndex

#: When a stage runs: ``data`` once the data files can be read; ``work`` once the work's
#: record can be; ``essay`` once the essay's blocks are read, before any page renders;
#: ``rendered`` once every page has rendered, with every paragraph and mention recorded.
Stage = Literal["data", "work", "essay", "rendered"]
STAGES: tuple[Stage, ...] = ("data", "work", "essay", "rendered")

#: A warning: a problem located in a data file, or a message about the essay as a whole.
Warned = Problem | str


class EssayError(Exception):
    """The essay cannot be read as the edition needs; the message says what to fix."""


@dataclass
class Reading:
    """What the checks read, filled by the caller stage by stage, and what they found."""

    glossary_file: Path
    notes_file: Path
    events_file: Path
    #: The work's record, or None where the project records no work.
    work_file: Path | None = None
    data: checks.Data | None = None
    work: Work | None = None
    #: The essay's ``(page, block, text)`` blocks and the glossary's matcher (``essay``).
    blocks: list[tuple[str, str, str]] = field(default_factory=list)
    matcher: Matcher[Any] | None = None
    anchors: list[Anchor] = field(default_factory=list)
    #: What rendering the essay recorded (``rendered``).
    occurrences: OccurrenceIndex = field(default_factory=OccurrenceIndex)
    paragraphs: ParagraphIndex = field(default_factory=ParagraphIndex)

    @property
    def checked(self) -> checks.Data:
        """The data files, once the ``data`` stage has read them."""
        assert self.data is not None
        return self.data

    @property
    def words(self) -> int:
        """How many words the essay's blocks hold."""
        return word_count(text for _, _, text in self.blocks)


@dataclass(frozen=True)
class Check:
    """One check: its stage, a name for tests and benchmarks, and what it does."""

    stage: Stage
    name: str
    run: Callable[[Reading], list[Warned]]


def _read_data(reading: Reading) -> list[Warned]:
    reading.data = checks.load_data(reading.glossary_file, reading.notes_file,
                                    reading.events_file)
    return []


def _data_warnings(reading: Reading) -> list[Warned]:
    return list(checks.data_warnings(reading.checked))


def _read_work(reading: Reading) -> list[Warned]:
    if reading.work_file is not None:
        reading.work = load_work(reading.work_file)
    return []


def _block_ids(reading: Reading) -> list[Warned]:
    duplicates = duplicate_ids(reading.blocks)
    if duplicates:
        raise EssayError("\n".join(duplicates))
    return []


def _common_words(reading: Reading) -> list[Warned]:
    common = checks.common_word_problems(reading.checked.glossary, reading.blocks)
    if common:
        raise DataFileError(common, "the glossary")
    return []


def _anchors(reading: Reading) -> list[Warned]:
    data = reading.checked
    assert reading.matcher is not None
    reading.anchors = checks.anchor_notes(data.notes, data.notes_file, reading.blocks,
                                          reading.matcher)
    return []


def _paragraph_gaps(reading: Reading) -> list[Warned]:
    gaps = reading.paragraphs.gaps()
    if not gaps:
        return []
    return ["the essay's paragraph numbers have gaps: no paragraph has the id "
            + ", ".join(f"'p{n}'" for n in gaps)]


def _forms(reading: Reading) -> list[Warned]:
    return list(checks.form_problems(reading.checked.glossary, reading.occurrences,
                                     reading.words, reading.blocks))


#: Every check, in the order both run them.
CHECKS: tuple[Check, ...] = (
    Check("data", "data files read and cross-checked", _read_data),
    Check("data", "unused events, http:// sources", _data_warnings),
    Check("work", "the work's record", _read_work),
    Check("essay", "block ids once each", _block_ids),
    Check("essay", "no common word as a name", _common_words),
    Check("essay", "notes anchored, their ¶ references", _anchors),
    Check("rendered", "paragraph numbers without gaps", _paragraph_gaps),
    Check("rendered", "forms that never occur or occur too often", _forms),
)


def run(stage: Stage, reading: Reading, warn: Callable[[Warned], None]) -> None:
    """Run the checks of ``stage`` in order over ``reading``, each warning to ``warn``;
    the first problem that stops the build is raised."""
    for check in CHECKS:
        if check.stage == stage:
            for warning in check.run(reading):
                warn(warning)
