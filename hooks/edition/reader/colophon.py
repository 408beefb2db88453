"""The colophon: what the edition is, who made it, its version, and how to cite it.

A generated page, from the same build's data: the edition's title, editors, version, date and
changes (``extra.edition`` in ``mkdocs.yml``), the counts of its notes, entries and events, and the
citations of the whole essay as the reader's tools give them. No person is named where none
is configured; no licence or permission is claimed that the repository does not state.
"""

from __future__ import annotations

from edition.pages.links import literal
from edition.reader.citations import ACCESS_PLACEHOLDER, MONTHS, Styled, styled
from edition.reader.work import Edition, Work

PAGE = "colophon.md"


def _markdown(style: Styled) -> str:
    """A citation's long form as Markdown: its text literal, its titles in italics, the access
    date as the element the script fills in."""
    element = style.forms[1].element
    out = [literal(element.text or "")]
    for child in element:
        if child.tag == "i":
            out.append(f"*{literal(child.text or '')}*")
        else:
            today = child.get("data-ed-today", "mla")
            out.append(f'<span class="ed-accessed" data-ed-today="{today}">'
                       f"{ACCESS_PLACEHOLDER}</span>")
        out.append(literal(child.tail or ""))
    return "".join(out)


def _changes(edition: Edition) -> list[str]:
    """The changes of ``extra.edition.changes`` (mkdocs.yml), newest first, as a list."""
    if not edition.changes:
        return ["No changes are recorded yet (`extra.edition.changes` in `mkdocs.yml`).", ""]
    lines = []
    for version, iso, summary in edition.changes:
        year, month, day = (int(part) for part in iso.split("-"))
        lines.append(f"- **Version {literal(version)}** ({day} {MONTHS[month - 1]} {year}): "
                     f"{literal(summary)}")
    return [*lines, ""]


def _report(repo_url: str | None) -> str:
    """Where to report an error: the repository's issues, linked when ``repo_url`` is set."""
    if not repo_url:
        return "open an issue in that repository"
    base = repo_url.rstrip("/")
    return f"[open an issue](<{base}/issues>) in [that repository](<{base}>)"


def render(work: Work, edition: Edition, counts: dict[str, int],
           repo_url: str | None = None) -> str:
    """The colophon's Markdown; ``counts`` gives the number of notes, terms, actors, events;
    ``repo_url`` (mkdocs.yml's) the repository whose issues take reports of errors."""
    revised = f"{edition.day} {MONTHS[edition.month - 1]} {edition.year}"
    original = f"{work.day} {MONTHS[work.month - 1]} {work.year}"
    lines = [
        "# Colophon { .ed-heading }",
        "",
        "What this edition is, who made it, and how to cite it",
        "{ .ed-rubric }",
        "",
        "## The edition",
        "",
        f"*{literal(edition.title)}*, version {literal(edition.version)}, last revised on "
        f"{revised}. Edited by {literal(edition.editors[:1].lower() + edition.editors[1:])}: "
        "no editor is named in person.",
        "",
        f"It reproduces {literal(work.author)}'s {literal(work.kind)} *{literal(work.title)}*, "
        "first published by "
        f"[*{literal(work.container)}*](<{work.original_url}>) on {original}, and adds an "
        f"apparatus: {counts['notes']} editor's notes, {counts['terms']} glossary terms, "
        f"{counts['actors']} actors and {counts['events']} dated events.",
        "",
        "## Reporting an error",
        "",
        "The edition is made from the files of its source repository (the notes, the glossary "
        "and the events are plain data files there). To report an error or suggest a note, "
        f"{_report(repo_url)}; how to change a note or an entry yourself is "
        "described in its contributors' guide (CONTRIBUTING.md).",
        "",
        "## Rights",
        "",
        literal(work.rights),
        "",
        "No licence is stated yet for the apparatus (the notes, the glossary, the events and "
        "the edition's divisions and headings). Until one is, quote it as you would any "
        "published scholarship, with a citation.",
        "",
        "## Changes",
        "",
        *_changes(edition),
        f"This version holds {counts['notes']} notes, {counts['terms']} glossary terms, "
        f"{counts['actors']} actors and {counts['events']} events.",
        "",
        "## How to cite the edition",
        "",
        "The essay as this edition gives it; each paragraph's own citation is under its "
        "number's “Cite” button.",
        "",
    ]
    # Out of search, as the essay pages' cite dialogs: each form repeats the title and the
    # work's particulars, which are found where they stand.
    for style in styled(work, edition, edition.url, None):
        lines += [f"**{literal(style.name)}**: {_markdown(style)}", "{ data-search-exclude }", ""]
    return "\n".join(lines)
