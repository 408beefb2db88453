"""Citations of the essay and of one paragraph, as this edition republishes it.

Each style cites what the reader consulted (this edition: its title, editors, version, date
and address) and the original publication, in the form the style's manual gives for a work
republished in an edited collection:

- **Chicago 18** (notes and bibliography): the chapter "in" the edition, "ed." / "edited by"
  its editors, then "originally published in" the journal, its date and address (CMOS 18
  14.111, previously published material; 14.104 for online material).
- **MLA 9**: the original as the first container, the edition as the second (MLA 9 5.85–5.91,
  a source in two containers), with an access date (5.111, optional but recommended for
  material that changes; the apparatus is revised).
- **APA 7**: a republished work: the edition's year, "(Original work published 2022)" and
  both years in the in-text citation, 2022/2026 (APA 7 8.15, 9.41).

The paragraph is a locator: it is only in the note or in-text form, and its address only in
Chicago's note. The bibliography entry is the same from every paragraph. Titles are in
headline style for Chicago and MLA (``towards``, a preposition, lowercase) and in sentence
case for APA.

citeproc-py renders none of the three republished forms (CSL 1.0 has no second container
and its ``original-*`` variables are dropped by the official MLA and APA styles), so the
forms are written here, each rule with its paragraph of the manual; tests/reader compares
them with citations of two paragraphs written by hand. The BibTeX entry, in biblatex's
fields, is written by ``pybtex``. An edition that names no person as its editor ("The
editors of" its own title) is cited by its title alone, in every style.

The access date is a ``<span data-ed-today>`` that the edition's script fills in with the
reader's day (``docs/assets/edition.js``); without the script the dialogs stay hidden.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any

from edition.data import store
from edition.pages.inserts import append
from edition.reader.work import Edition, Work, headline, sentence_after_colon

#: The styles offered, in order: (key, name shown, labels of the two forms).
STYLES: tuple[tuple[str, str, tuple[str, str]], ...] = (
    ("chicago", "Chicago (notes and bibliography, 18th ed.)", ("Note", "Bibliography")),
    ("mla", "MLA 9", ("In-text citation", "Works cited")),
    ("apa", "APA 7", ("In-text citation", "Reference list")),
)
#: The one BibTeX key of the essay, whichever paragraph is cited.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: MLA 9's abbreviated months (MLA 9 appendix 1): May, June and July are written out.
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")
#: Shown where the reader's script writes the day's date (the dialogs need the script).
ACCESS_PLACEHOLDER = "[date accessed]"


@dataclass(frozen=True)
class Form:
    """One form of a citation in one style (e.g. Chicago's note): its label and its markup."""

    label: str
    element: etree.Element

    @property
    def text(self) -> str:
        """The citation as plain text."""
        return "".join(self.element.itertext())


@dataclass(frozen=True)
class Styled:
    """A citation in one style: its key, the style's name, and its forms."""

    key: str
    name: str
    forms: tuple[Form, ...]


#: A part of a citation: plain text, ("i", text) in italics, ("today", format) the access date.
Part = str | tuple[str, str]


def _element(*parts: Part) -> etree.Element:
    """The parts as a ``<span>``: text, ``<i>`` and the access date's ``<span>``."""
    return append(etree.Element("span"), [_inline(part) for part in parts])


def _inline(part: Part) -> str | etree.Element:
    if isinstance(part, str):
        return part
    kind, value = part
    if kind == "i":
        element = etree.Element("i")
        element.text = value
    else:
        element = etree.Element("span", {"class": "ed-accessed", "data-ed-today": value})
        element.text = ACCESS_PLACEHOLDER
    return element


def _us_date(year: int, month: int, day: int) -> str:
    return f"{MONTHS[month - 1]} {day}, {year}"


def _mla_date(year: int, month: int, day: int) -> str:
    return f"{day} {MLA_MONTHS[month - 1]} {year}"


def _mla_url(url: str) -> str:
    """MLA 9 recommends a URL without its ``http://`` or ``https://`` (5.93)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme):]
    return url


def named_editors(edition: Edition) -> str | None:
    """The editors a citation names, or None when no one is named: a corporate name that
    only repeats the edition's title ("The editors of <title>") names no one, and a style
    then cites the edition by its title alone (CMOS 18 14.76, a work with no editor; MLA 9
    5.17 lists only contributors it can name; APA 7 10.3, no editor)."""
    editors = edition.editors.strip()
    title = edition.title.strip().casefold()
    if not editors or editors.casefold() in (f"the editors of {title}", f"editors of {title}",
                                             title):
        return None
    return editors


def _chicago(work: Work, edition: Edition, url: str,
             paragraph: int | None) -> tuple[etree.Element, etree.Element]:
    title = headline(work.title)
    book = headline(edition.title)
    original = _us_date(work.year, work.month, work.day)
    revised = _us_date(edition.year, edition.month, edition.day)
    editors = named_editors(edition)
    # Note: Author, "Chapter," in Book[, ed. Editors], version (date), locator, URL,
    # originally published in Journal, date, URL.
    note = _element(
        f"{work.author}, “{title},” in ", ("i", book),
        (f", ed. {_lower_first(editors)}" if editors else "")
        + f", version {edition.version} ({revised}), "
        + (f"par. {paragraph}, " if paragraph else "")
        + f"{url}, originally published in ", ("i", work.container),
        f", {original}, {work.original_url}.")
    entry = _element(
        f"{work.family}, {work.given}. “{title}.” In ", ("i", book),
        (f", edited by {_lower_first(editors)}" if editors else "")
        + f". Version {edition.version}, {revised}. "
        f"{edition.url}. Originally published in ", ("i", work.container),
        f", {original}. {work.original_url}.")
    return note, entry


def _mla(work: Work, edition: Edition,
         paragraph: int | None) -> tuple[etree.Element, etree.Element]:
    title = headline(work.title)
    book = headline(edition.title)
    editors = named_editors(edition)
    in_text = _element(f"({work.family}" + (f", par. {paragraph})" if paragraph else ")"))
    # Author. "Title." Container 1, date, location. Container 2[, other contributors],
    # version, date, location. Accessed date.
    entry = _element(
        f"{work.family}, {work.given}. “{title}.” ", ("i", work.container),
        f", {_mla_date(work.year, work.month, work.day)}, {_mla_url(work.original_url)}. ",
        ("i", book), (f", edited by {_lower_first(editors)}" if editors else "")
        + f", version {edition.version}, "
        f"{_mla_date(edition.year, edition.month, edition.day)}, {_mla_url(edition.url)}. "
        "Accessed ", ("today", "mla"), ".")
    return in_text, entry


def _lower_first(name: str) -> str:
    """A corporate name that begins "The" reads "the" inside a sentence, after "ed." or
    "edited by" (CMOS 18 8.70; MLA 9 5.17 writes "edited by" before the names)."""
    return name[:1].lower() + name[1:] if name.startswith("The ") else name


def _apa(work: Work, edition: Edition,
         paragraph: int | None) -> tuple[etree.Element, etree.Element]:
    years = f"{work.year}/{edition.year}"
    in_text = _element(f"({work.family}, {years}" +
                       (f", para. {paragraph})" if paragraph else ")"))
    editors = named_editors(edition)
    # Author, A. (Year). Chapter title. In [Editors (Eds.),] Book (Version) [Description].
    # URL (Original work published Year): the version and the description belong to the
    # edition, after its title (APA 7 10.3, 10.10).
    entry = _element(
        f"{work.family}, {work.given[:1]}. ({edition.year}). {work.title}. In "
        + (f"{editors} (Eds.), " if editors else ""), ("i", sentence_after_colon(edition.title)),
        f" (Version {edition.version}) [{work.medium[:1].upper() + work.medium[1:]}]. "
        f"{edition.url} (Original work published {work.year})")
    return in_text, entry


def note_citation(work: Work, edition: Edition, number: int, paragraph: str,
                  url: str) -> etree.Element:
    """An editor's note, cited as a Chicago note: "Editors' note 12, on par. 4 of
    Author, “Chapter,” in Book, version (date), address of the note" (with "ed." and the
    editors where a citation names them). ``paragraph`` is the place's label (``¶4``,
    ``standfirst``); CMOS writes a paragraph "par." (14.55)."""
    where = f"par. {paragraph[1:]}" if paragraph.startswith("¶") else f"the {paragraph}"
    editors = named_editors(edition)
    return _element(
        f"Editors’ note {number}, on {where} of {work.author}, “{headline(work.title)},” in ",
        ("i", headline(edition.title)), (f", ed. {_lower_first(editors)}" if editors else "")
        + f", version {edition.version} "
        f"({_us_date(edition.year, edition.month, edition.day)}), {url}.")


def styled(work: Work, edition: Edition, url: str,
           paragraph: int | None = None) -> list[Styled]:
    """The essay (or its ``paragraph``, at ``url``) cited in each of :data:`STYLES`."""
    pairs = {
        "chicago": _chicago(work, edition, url, paragraph),
        "mla": _mla(work, edition, paragraph),
        "apa": _apa(work, edition, paragraph),
    }
    return [Styled(key, name, tuple(Form(label, element)
                                    for label, element in zip(labels, pairs[key], strict=True)))
            for key, name, labels in STYLES]


@functools.lru_cache(maxsize=8)
@store.kept("bibtex")  # the next build reads it back, without loading pybtex and its codecs
def bibtex(work: Work, edition: Edition) -> str:
    """The essay as one biblatex ``@incollection`` entry written by pybtex, the same from
    every paragraph, for what the reader consulted: the essay in this edition, in biblatex's
    fields throughout (biblatex manual 2.2.2): the edition's title as ``booktitle``, its
    ``version``, its ``date`` of revision (ISO 8601), its ``url`` and the reader's
    ``urldate`` (the placeholder ``YYYY-MM-DD`` until the script fills it); the original's
    ``origdate``, and the original publication in ``note``, as Chicago's "originally
    published in", so that no field puts the original's journal at this edition's address.
    An ``editor`` only where a citation names one (:func:`named_editors`)."""
    from pybtex.database import BibliographyData, Entry, Person

    fields = {
        "title": work.title,
        "booktitle": headline(edition.title),
        "version": edition.version,
        "date": edition.iso_date,
        "url": edition.url,
        "urldate": URLDATE_PLACEHOLDER,
        "origdate": work.iso_date,
        "note": (f"Originally published in {work.container}, {work.day} "
                 f"{MONTHS[work.month - 1]} {work.year}, {work.original_url}"),
        "langid": "english" if work.language == "en" else work.language,
    }
    persons = {"author": [Person(first=work.given, last=work.family)]}
    editors = named_editors(edition)
    if editors:
        persons["editor"] = [_bibtex_editor(editors)]
    entry = Entry("incollection", fields=fields, persons=persons)
    return _writer().to_string(BibliographyData(entries={key(work): entry})).strip()


def key(work: Work) -> str:
    """The work's BibTeX key: its author's family name in lower-case ASCII, and its year."""
    import unicodedata

    letters = unicodedata.normalize("NFKD", work.family).encode("ascii", "ignore").decode()
    return "".join(c for c in letters.lower() if c.isalnum()) + str(work.year)


def _bibtex_editor(editors: str) -> Any:
    """The editors as BibTeX reads a name: a corporate name ("The editors of …") in braces,
    so that no style takes "The editors of" for given names; a person's name as it is."""
    from pybtex.database import Person

    corporate = editors.split(" ", 1)[0].lower() == "the" or ":" in editors
    return Person(f"{{{editors}}}" if corporate else editors)


#: The ``urldate`` the script replaces with the reader's day.
URLDATE_PLACEHOLDER = "YYYY-MM-DD"


@functools.cache
def _writer() -> Any:
    """pybtex's BibTeX writer, but a URL is written as it is (biblatex reads the ``url``
    field verbatim, so LaTeX escapes would end up in the address)."""
    from pybtex.database.output.bibtex import Writer

    class UrlWriter(Writer):
        def _write_field(self, stream, type, value):  # type: ignore[no-untyped-def]
            if type.lower() == "url":
                stream.write(f",\n    {type} = {self.quote(value)}")
            else:
                super()._write_field(stream, type, value)

    return UrlWriter()


def note_citation_html(work: Work, edition: Edition, number: int, paragraph: str,
                       url: str) -> str:
    """:func:`note_citation` as HTML, for Markdown that holds it as raw HTML."""
    import html

    element = note_citation(work, edition, number, paragraph, url)
    return "".join([html.escape(element.text or "", quote=False), *(
        etree.tostring(child, encoding="unicode") for child in element)])
