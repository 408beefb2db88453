"""The reader's tools in an essay page's element tree: "Cite" dialogs and printed definitions.

A Python-Markdown tree processor that runs after the paragraph numbers, the note marks, the
annotations and the table of contents. On an essay page it

- puts a "Cite" button beside each paragraph number (and, on the home page, a "Cite this
  essay" button under the standfirst), hidden until the edition's script shows it;
- appends a print-only "Terms in this part": the definition of every glossary term and actor
  annotated on the page;
- appends, last, one ``<dialog>`` per citation, rendered here at build time: Chicago, MLA, APA
  (each with its two forms) and BibTeX, each with a "Copy" button.

Every string goes into element text or attributes: the serializer escapes it. All of it is
kept out of Material's search index (``data-search-exclude`` on each dialog, section and
paragraph the tools add, and on each heading, which would otherwise open a section of its
own): the citations repeat the essay's title in every paragraph's dialog, and the
definitions are found on the glossary's pages.
"""

from __future__ import annotations

import ipaddress
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from edition.data.glossary import Entry
from edition.pages.inserts import SEARCH_EXCLUDE
from edition.reader.citations import (
    MONTHS,
    URLDATE_PLACEHOLDER,
    bibtex,
    named_editors,
    styled,
)
from edition.reader.work import Edition, Work


@dataclass(frozen=True)
class PageInfo:
    """What the tools need to know of the essay page being rendered."""

    url: str
    home: bool
    entries: tuple[Entry, ...]


#: The page being rendered, or None when it is not an essay page (nothing is added).
CurrentPage = Callable[[], PageInfo | None]


def _sub(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v
                                             for k, v in attrs.items()})
    element.text = text
    return element


def _heading(parent: etree.Element, tag: str, text: str, **attrs: str) -> etree.Element:
    """A heading that opens no section of Material's search index."""
    return _sub(parent, tag, text, **attrs, **SEARCH_EXCLUDE)


def cite_button(
    parent: etree.Element, dialog_id: str, label: str, text: str | None
) -> etree.Element:
    """A button that opens the dialog ``dialog_id``.

    Not ``hidden`` (the script showing it moved the text); the stylesheet hides it
    unless the script can run (``html.ed-js``, set in the head before the first paint).
    """
    button = _sub(parent, "button", text, type="button", class_="ed-cite not-annotatable",
                  aria_haspopup="dialog", aria_label=label)
    button.set("data-ed-cite", dialog_id)
    return button


def _copy(parent: etree.Element, target: str, what: str) -> None:
    button = _sub(parent, "button", "Copy", type="button", class_="ed-copy",
                  aria_label=f"Copy the {what}", hidden="hidden")
    button.set("data-ed-copy", target)


def local_origin(url: str) -> str | None:
    """The origin of ``url`` (``http://127.0.0.1:8000``) when it is this computer's
    (``localhost``, a loopback address): the address a build gets without SITE_URL."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    loopback = host == "localhost" or host.endswith(".localhost")
    if not loopback:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            return None
    return f"{parts.scheme}://{parts.netloc}" if loopback else None


def dialog(work: Work, edition: Edition, dialog_id: str, title: str, url: str,
           paragraph: int | None) -> etree.Element:
    """The citation dialog of the essay (or of ``paragraph``) at ``url``."""
    # Excluded from search on the <dialog>, not on the <div> that holds the dialogs: Material
    # compares elements by tag, so the first <div> inside would end a <div>'s exclusion.
    box = etree.Element("dialog", {"id": dialog_id, "class": "ed-cite-dialog",
                                   "aria-labelledby": f"{dialog_id}-title", **SEARCH_EXCLUDE})
    head = _sub(box, "div", class_="ed-cite-dialog__head")
    _heading(head, "h2", title, id=f"{dialog_id}-title")
    _sub(head, "button", "Close", type="button", class_="ed-cite-close")
    where = _sub(box, "p", "Address: ", class_="ed-cite-dialog__url")
    _sub(where, "a", url, href=url)
    local = local_origin(edition.url)
    if local:
        # Built without its public address (SITE_URL): the script shows this wherever the
        # page is read from another address than the one its citations give.
        warning = _sub(box, "p", "This copy was built without its public address (SITE_URL): "
                       f"these citations give {edition.url}, where only a copy served on this "
                       "computer answers. Cite the edition at its published address.",
                       class_="ed-cite-local", hidden="hidden", role="note")
        warning.set("data-ed-local-origin", local)
    for style in styled(work, edition, url, paragraph):
        section = _sub(box, "section", class_="ed-cite-style",
                       aria_labelledby=f"{dialog_id}-{style.key}")
        _heading(section, "h3", style.name, id=f"{dialog_id}-{style.key}")
        for index, form_ in enumerate(style.forms):
            target = f"{dialog_id}-{style.key}-{index}"
            row = _sub(section, "div", class_="ed-cite-form")
            _sub(row, "p", form_.label, class_="ed-cite-form__label")
            text = _sub(row, "p", class_="ed-cite-form__text", id=target)
            text.append(form_.element)
            _copy(row, target, f"{style.name} {form_.label.lower()}")
    section = _sub(box, "section", class_="ed-cite-style",
                   aria_labelledby=f"{dialog_id}-bibtex")
    _heading(section, "h3", "BibTeX", id=f"{dialog_id}-bibtex")
    row = _sub(section, "div", class_="ed-cite-form")
    pre = _sub(row, "pre", class_="ed-cite-bibtex")
    # One entry from every paragraph; its urldate is filled in by the script.
    before, _, after = bibtex(work, edition).partition(URLDATE_PLACEHOLDER)
    code = _sub(pre, "code", before, id=f"{dialog_id}-bibtex-0")
    today = _sub(code, "span", URLDATE_PLACEHOLDER, class_="ed-accessed")
    today.set("data-ed-today", "iso")
    today.tail = after
    _copy(row, f"{dialog_id}-bibtex-0", "BibTeX entry")
    return box


def print_terms(entries: tuple[Entry, ...], home: bool) -> etree.Element | None:
    """The print-only definitions of ``entries`` (terms, then actors, each alphabetical)."""
    if not entries:
        return None
    section = etree.Element("section", {"class": "ed-print-terms not-annotatable",
                                        "aria-labelledby": "ed-print-terms-title",
                                        **SEARCH_EXCLUDE})
    _heading(section, "h2", "Terms on this page" if home else "Terms in this part",
             id="ed-print-terms-title")
    for kind, heading in (("term", "Glossary terms"), ("actor", "Actors")):
        chosen = sorted((e for e in entries if e.kind == kind), key=lambda e: e.name.casefold())
        if not chosen:
            continue
        _heading(section, "h3", heading)
        terms = _sub(section, "dl")
        for entry in chosen:
            _sub(terms, "dt", entry.name)
            _sub(terms, "dd", entry.summary)
    return section


def print_source(work: Work, edition: Edition, url: str) -> etree.Element:
    """The print-only statement of what a printed page is: the author, the essay's
    title, the original publication, this edition with its version, and the page's address.
    (Chromium's @page margin boxes carry only fixed text, so this is where the page's own
    address and the configured version are printed.)"""
    line = etree.Element("p", {"class": "ed-print-source not-annotatable", **SEARCH_EXCLUDE})
    line.text = f"{work.author}, “{work.title}”, first published in "
    _sub(line, "i", work.container).tail = (
        f", {work.day} {MONTHS[work.month - 1]} {work.year}, {work.original_url}. "
        "Printed from ")
    editors = named_editors(edition)
    _sub(line, "i", edition.title).tail = (
        (f", edited by {editors[:1].lower() + editors[1:]}" if editors else "") + ", version "
        f"{edition.version} (revised {edition.day} {MONTHS[edition.month - 1]} "
        f"{edition.year}): {url}.")
    # What the print holds, said plainly: the stylesheet shows the sentence that is true,
    # all of the apparatus, or with "Text only" chosen the author's text alone.
    _sub(line, "span", " " + PRINT_INCLUDES, class_="ed-print-includes")
    _sub(line, "span", " " + PRINT_TEXT_ONLY, class_="ed-print-includes ed-print-text-only")
    return line


#: What a printed essay page holds, and what it holds with "Text only" chosen.
PRINT_INCLUDES = ("This print has the author’s text with its paragraph numbers, the editor’s "
                  "notes as numbered endnotes and the definitions of the terms and actors the "
                  "page names, under “Terms in this part”.")
PRINT_TEXT_ONLY = ("This print has the author’s text alone, with its paragraph numbers "
                   "(“Text only” is chosen): the editor’s notes and definitions are left out.")


class ReaderTools(Treeprocessor):
    """Add the cite buttons and dialogs and the printed definitions to an essay page."""

    def __init__(self, md: Markdown, work: Work, edition: Edition,
                 current: CurrentPage) -> None:
        super().__init__(md)
        self.work = work
        self.edition = edition
        self.current = current

    def run(self, root: etree.Element) -> None:
        info = self.current()
        if info is None:
            return
        dialogs = []
        for para in root.iter("div"):
            if "ed-para" not in para.get("class", "").split():
                continue
            number_link = next((a for a in para if a.get("class") == "ed-para__num"), None)
            if number_link is None:
                continue
            number = int(number_link.get("data-para", "0"))
            dialog_id = f"ed-cite-p{number}"
            # No text of its own ("Cite" is drawn by the stylesheet, as the number is): a
            # reader who copies paragraphs copies the author's words only.
            button = cite_button(para, dialog_id, f"Cite paragraph {number}", None)
            para.remove(button)
            para.insert(list(para).index(number_link) + 1, button)
            dialogs.append(dialog(self.work, self.edition, dialog_id, f"Cite paragraph {number}",
                                  f"{info.url}#p{number}", number))
        if info.home:
            # Under the standfirst (else the title), so that the kicker, the title and the
            # standfirst read as one heading group.
            children = list(root)
            after = next((el for el in children if el.get("id") == "standfirst"),
                         next((el for el in children if el.tag == "h1"), None))
            holder = etree.Element("p", {"class": "ed-cite-essay not-annotatable",
                                         **SEARCH_EXCLUDE})
            cite_button(holder, "ed-cite-essay", "Cite this essay", "Cite this essay")
            root.insert(children.index(after) + 1 if after is not None else 0, holder)
            dialogs.append(dialog(self.work, self.edition, "ed-cite-essay", "Cite this essay",
                                  info.url, None))
        root.insert(0, print_source(self.work, self.edition, info.url))
        terms = print_terms(info.entries, info.home)
        if terms is not None:
            root.append(terms)
        # The dialogs last, where they change nothing a reader sees (a dialog opens above the
        # page) and the printed definitions stand nearer the tooltips that hold the same
        # words: gzip finds them within its window and sends them almost free.
        if dialogs:
            holder = _sub(root, "div", class_="ed-citations not-annotatable")
            holder.extend(dialogs)


class ReaderToolsExtension(Extension):
    """Python-Markdown extension registering :class:`ReaderTools`."""

    def __init__(self, work: Work, edition: Edition, current: CurrentPage) -> None:
        super().__init__()
        self.work = work
        self.edition = edition
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After the annotations (6) and after toc (5): the dialogs' and the printed
        # definitions' headings stay out of the page's table of contents.
        md.treeprocessors.register(ReaderTools(md, self.work, self.edition, self.current),
                                   "edition-reader", 4)
