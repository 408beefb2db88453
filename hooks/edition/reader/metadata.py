"""Citation metadata for an essay page: Highwire Press ``citation_*`` and Dublin Core.

Zotero's Embedded Metadata translator (and Google Scholar, Mendeley…) read these tags to save
the essay with its author, title, journal and date. The template escapes every value.
"""

from __future__ import annotations

from edition.reader.work import Edition, Work


def meta_tags(work: Work, edition: Edition | None, url: str) -> list[tuple[str, str]]:
    """``(name, content)`` of every ``<meta>`` tag for the essay page at absolute ``url``:
    the original publication, then this edition's version and date of last revision."""
    tags = [
        ("citation_title", work.title),
        ("citation_author", f"{work.family}, {work.given}"),
        ("citation_publication_date", f"{work.year:04d}/{work.month:02d}/{work.day:02d}"),
        ("citation_journal_title", work.container),
        ("citation_publisher", work.container),
        ("citation_language", work.language),
        ("citation_public_url", url),
        ("citation_abstract_html_url", url),
        ("DC.title", work.title),
        ("DC.creator", f"{work.family}, {work.given}"),
        ("DC.date", work.iso_date),
        ("DC.publisher", work.container),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.language", work.language),
        ("DC.identifier", url),
        ("DC.source", work.original_url),
    ]
    if edition is not None:
        # This edition (#23): Dublin Core terms for its version and last revision.
        tags += [("DCTERMS.hasVersion", edition.version), ("DCTERMS.modified", edition.iso_date),
                 ("DC.contributor", edition.editors)]
    return tags


def running_head(work: Work) -> str:
    """The printed page's running head (author and title), as a CSS string: the value of
    ``--ed-running-head``, which ``edition.css`` puts in the top margin of every sheet.

    Written for a ``<style>`` element: a quotation mark and a backslash are escaped, and so
    is every character that could end the element or break the string (``<``, ``>``, ``&``,
    controls), as a CSS hex escape.
    """
    text = f"{work.author}, “{work.title}”" if work.given else work.title
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "<>&" or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
