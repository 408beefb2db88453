"""A generated page's elements rendered as the build renders them: Python-Markdown reads
the page's one placeholder paragraph and the inserts put the elements in its place."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable

import markdown

from edition.pages.inserts import InsertExtension, Inserts

#: The site's own Markdown extensions (``mkdocs.yml``).
EXTENSIONS = ("attr_list", "md_in_html", "toc")


def render_page(body: Iterable[etree.Element], extensions: Iterable[str] = EXTENSIONS) -> str:
    """The HTML of a generated page whose elements are ``body``."""
    inserts = Inserts()
    html = markdown.markdown(inserts.placeholder(body),
                             extensions=[*extensions, InsertExtension(inserts)])
    assert inserts.waiting() == 0
    return html
