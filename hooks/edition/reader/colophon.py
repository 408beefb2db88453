"""The colophon: what the edition is, who made it, its version, and how to cite it.

A generated page, from the same build's data: the edition's title, editors, version, date and
changes (``extra.edition`` in ``mkdocs.yml``), the counts of its notes, entries and events, and the
citations of the whole essay as the reader's tools give them. No person is named where none
is configured; no licence or permission is claimed that the repository does not state.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from edition.pages.inserts import Inline, append, block, bullets, element
from edition.pages.links import link
from edition.reader.citations import ACCESS_PLACEHOLDER, MONTHS, Styled, styled
from edition.reader.work import Edition, Work

PAGE = "colophon.md"


def _citation(style: Styled) -> list[Inline]:
    """A citation's long form: its text, its titles in italics, the access date as the
    element the script fills in."""
    cited = style.forms[1].element
    out: list[Inline] = [cited.text or ""]
    for child in cited:
        if child.tag == "i":
            out.append(element("em", child.text or ""))
        else:
            out.append(element("span", ACCESS_PLACEHOLDER, class_="ed-accessed",
                               **{"data-ed-today": child.get("data-ed-today", "mla")}))
        out.append(child.tail or "")
    return out


def _changes(edition: Edition) -> list[etree.Element]:
    """The changes of ``extra.edition.changes`` (mkdocs.yml), newest first, as a list."""
    if not edition.changes:
        return [block("p", "No changes are recorded yet (",
                      element("code", "extra.edition.changes"), " in ",
                      element("code", "mkdocs.yml"), ").")]
    items: list[list[Inline]] = []
    for version, iso, summary in edition.changes:
        year, month, day = (int(part) for part in iso.split("-"))
        items.append([element("strong", f"Version {version}"),
                      f" ({day} {MONTHS[month - 1]} {year}): {summary}"])
    return [bullets(items)]


def _report(repo_url: str | None) -> list[Inline]:
    """Where to report an error: the repository's issues, linked when ``repo_url`` is set."""
    if not repo_url:
        return ["open an issue in that repository"]
    base = repo_url.rstrip("/")
    return [link("open an issue", f"{base}/issues"), " in ", link("that repository", base)]


def render(work: Work, edition: Edition, counts: dict[str, int],
           repo_url: str | None = None) -> list[etree.Element]:
    """The colophon, as the elements of its body; ``counts`` gives the number of notes,
    terms, actors, events; ``repo_url`` (mkdocs.yml's) the repository whose issues take
    reports of errors."""
    revised = f"{edition.day} {MONTHS[edition.month - 1]} {edition.year}"
    original = f"{work.day} {MONTHS[work.month - 1]} {work.year}"
    out = [
        block("h1", "Colophon", class_="ed-heading"),
        block("p", "What this edition is, who made it, and how to cite it", class_="ed-rubric"),
        block("h2", "The edition"),
        block("p", element("em", edition.title), f", version {edition.version}, last revised "
              f"on {revised}. Edited by {edition.editors[:1].lower() + edition.editors[1:]}: "
              "no editor is named in person."),
        block("p", f"It reproduces {work.author}'s {work.kind} ", element("em", work.title),
              ", first published by ",
              append(element("a", href=work.original_url), [element("em", work.container)]),
              f" on {original}, and adds an apparatus: {counts['notes']} editor's notes, "
              f"{counts['terms']} glossary terms, {counts['actors']} actors and "
              f"{counts['events']} dated events."),
        block("h2", "Reporting an error"),
        block("p", "The edition is made from the files of its source repository (the notes, "
              "the glossary and the events are plain data files there). To report an error or "
              "suggest a note, ", *_report(repo_url), "; how to change a note or an entry "
              "yourself is described in its contributors' guide (CONTRIBUTING.md)."),
        block("h2", "Rights"),
        block("p", work.rights),
        block("p", "No licence is stated yet for the apparatus (the notes, the glossary, the "
              "events and the edition's divisions and headings). Until one is, quote it as you "
              "would any published scholarship, with a citation."),
        block("h2", "Changes"),
        *_changes(edition),
        block("p", f"This version holds {counts['notes']} notes, {counts['terms']} glossary "
              f"terms, {counts['actors']} actors and {counts['events']} events."),
        block("h2", "How to cite the edition"),
        block("p", "The essay as this edition gives it; each paragraph's own citation is under "
              "its number's “Cite” button."),
    ]
    # Out of search, as the essay pages' cite dialogs: each form repeats the title and the
    # work's particulars, which are found where they stand.
    for style in styled(work, edition, edition.url, None):
        out.append(block("p", element("strong", style.name), ": ", *_citation(style),
                         **{"data-search-exclude": None}))
    return out
