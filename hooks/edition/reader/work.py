"""The work and this edition as bibliographic items: the work as first published (its record
is data, ``work.yml``, read by ``edition.data.work``), cited by this edition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from edition.data.work import Work

__all__ = ["Edition", "Work", "edition_from", "headline", "sentence_after_colon"]

if TYPE_CHECKING:
    import datetime


#: Words that headline-style capitalisation leaves lowercase inside a title: articles,
#: coordinating conjunctions and prepositions, whatever their length (CMOS 18 8.160; MLA 9
#: 2.90 lowercases the same classes).
_LOWERCASE = frozenset({
    "a", "an", "the", "and", "but", "for", "nor", "or", "so", "yet", "as", "at", "by", "in",
    "of", "on", "to", "up", "via", "with", "from", "into", "onto", "over", "per", "than",
    "till", "towards", "toward", "upon",
})


def headline(title: str) -> str:
    """``title`` in headline style: first and last words and every word after a colon
    capitalised, the words of :data:`_LOWERCASE` lowercased elsewhere."""
    words = title.split(" ")
    out = []
    for index, word in enumerate(words):
        after_colon = index > 0 and words[index - 1].endswith(":")
        last = index == len(words) - 1
        if index and not last and not after_colon and word.lower() in _LOWERCASE:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def sentence_after_colon(title: str) -> str:
    """APA's sentence case for a title already in sentence case: the first word after a
    colon capitalised (APA 7 6.17)."""
    head, colon, tail = title.partition(": ")
    return head + colon + (tail[:1].upper() + tail[1:] if tail else "")


@dataclass(frozen=True)
class Edition:
    """This edition as a bibliographic item: what the reader consulted.

    Its title is the site's name; its editors, version and date of last revision come from
    one place, ``extra.edition`` in ``mkdocs.yml`` (``editors``, ``version``, ``revised``).
    """

    title: str
    editors: str
    version: str
    year: int
    month: int
    day: int
    url: str
    #: The changes from version to version, newest first: (version, YYYY-MM-DD, summary),
    #: from ``extra.edition.changes``; the colophon lists them.
    changes: tuple[tuple[str, str, str], ...] = ()

    @property
    def iso_date(self) -> str:
        """The date of last revision as YYYY-MM-DD."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def edition_from(site_name: str, site_url: str, options: dict) -> Edition:
    """The edition from ``mkdocs.yml``'s site name and address and ``extra.edition``.

    Raises ValueError naming the option to fix.
    """
    import datetime

    if not {"version", "revised", "editors"} & set(options):
        # A project that names none (a test's small site): the site's editors, unversioned,
        # revised on the day of the build.
        options = {"version": "unversioned", "revised": datetime.date.today(),
                   "editors": f"The editors of {site_name}"}
    revised = _date(options.get("revised"))
    if revised is None:
        raise ValueError("extra.edition.revised must be a date, YYYY-MM-DD")
    version, editors = options.get("version"), options.get("editors")
    if not isinstance(version, str) or not version.strip():
        raise ValueError("extra.edition.version must be a version string such as \"1.0.0\"")
    if not isinstance(editors, str) or not editors.strip():
        raise ValueError("extra.edition.editors must name the editors (a person or a corporate "
                         "name such as \"The editors of …\")")
    return Edition(title=site_name, editors=editors.strip(), version=version.strip(),
                   year=revised.year, month=revised.month, day=revised.day, url=site_url,
                   changes=_changes(options.get("changes", []), version.strip()))


def _date(value: object) -> datetime.date | None:
    """A date from YAML (already a date, or a string YYYY-MM-DD); None if it is neither."""
    import datetime

    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, datetime.date) else None


def _changes(raw: object, version: str) -> tuple[tuple[str, str, str], ...]:
    """``extra.edition.changes``, checked: a list, newest first, of ``version``, ``date``
    (YYYY-MM-DD) and ``summary``, the first for the edition's own version. Raises ValueError
    naming the entry to fix."""
    if not isinstance(raw, list):
        raise ValueError("extra.edition.changes must be a list of {version, date, summary}")
    found = []
    for index, change in enumerate(raw):
        where = f"extra.edition.changes[{index}]"
        if not isinstance(change, dict) or set(change) != {"version", "date", "summary"}:
            raise ValueError(f"{where} must have exactly 'version', 'date' and 'summary'")
        day = _date(change["date"])
        if day is None:
            raise ValueError(f"{where}.date must be a date, YYYY-MM-DD")
        if not all(isinstance(change[key], str) and change[key].strip()
                   for key in ("version", "summary")):
            raise ValueError(f"{where} needs a version and a summary, as text")
        summary = " ".join(change["summary"].split())
        found.append((change["version"].strip(), day.isoformat(), summary))
    if found and found[0][0] != version:
        raise ValueError(f"extra.edition.changes[0] is version {found[0][0]}, but the edition is "
                         f"version {version}: list the changes newest first, this version's "
                         "first")
    return tuple(found)
