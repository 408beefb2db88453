"""Elements built in Python, put into a page's Markdown tree where its Markdown says.

Generated pages are mostly long lists: every mention of an actor, every paragraph that
uses a term. Written out as Markdown, Python-Markdown would parse them again, block by
block and inline pattern by inline pattern, for most of a build's time. Built here as
elements they cost a fraction, and nothing in them is ever read as Markdown or HTML: the
serialiser escapes their text (but for a character reference such as ``&amp;``, which
Python-Markdown's serialiser passes through as one: the data files refuse them,
``data/characters.py``). Their links are still ``.md`` links, which MkDocs checks
and rewrites afterwards (its link processor runs at priority 0).

A generated page is built whole this way (its headings, paragraphs and links too, with
:func:`block` and :func:`bullets`), and its Markdown is a single placeholder paragraph: the
parser reads one line, and the page's elements enter the tree before the table of contents
(5), the annotations (6) and MkDocs' links (0) read it, as they would read parsed Markdown.
The placeholder is a token no one can write by accident or design (it carries a random part
per build). An element made by :func:`raw` carries HTML that a real serialiser already
wrote (a drawing, a note rendered from its Markdown subset): Python-Markdown puts it in the
page as it is, as it puts an HTML block of a Markdown source.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: The attribute that keeps an element out of Material's search index (its search plugin
#: skips an element carrying it, with everything inside; the element must not contain
#: another of its own tag, which would end the skipping early).
SEARCH_EXCLUDE = {"data-search-exclude": ""}
#: What a block holds, in reading order: runs of text and inline elements.
Inline = str | etree.Element
#: The tag of an element that stands for serialised HTML (:func:`raw`); no HTML tag has it.
_RAW = "edition-raw-html"


class Inserts:
    """Elements waiting for their placeholder: one build's, each used once."""

    def __init__(self) -> None:
        self._prefix = f"edition-insert-{secrets.token_hex(8)}-"
        self._waiting: dict[str, list[etree.Element]] = {}

    def placeholder(self, elements: Iterable[etree.Element]) -> str:
        """Keep ``elements``; return the Markdown paragraph that stands for them."""
        token = f"{self._prefix}{len(self._waiting) + 1}"
        self._waiting[token] = list(elements)
        return token

    def take(self, text: str | None) -> list[etree.Element] | None:
        """The elements for a placeholder paragraph's ``text``, or None if it is not one."""
        if text is None or not text.startswith(self._prefix):
            return None
        return self._waiting.pop(text, None)

    def waiting(self) -> int:
        """How many placeholders' elements have not been put in their page."""
        return len(self._waiting)


class _Replace(Treeprocessor):
    def __init__(self, md: Markdown, inserts: Inserts) -> None:
        super().__init__(md)
        self.inserts = inserts

    def run(self, root: etree.Element) -> None:
        # Placeholders are paragraphs of their own, so only the top level is searched.
        for index in range(len(root) - 1, -1, -1):
            child = root[index]
            if child.tag == "p" and not len(child):
                elements = self.inserts.take(child.text)
                if elements:
                    elements[-1].tail = child.tail
                if elements is not None:
                    root[index:index + 1] = [self._stashed(e) for e in elements]

    def _stashed(self, made: etree.Element) -> etree.Element:
        """``made``, or for a :func:`raw` element the paragraph Python-Markdown keeps an HTML
        block in: its stash's token, which it replaces with the HTML as it writes the page."""
        if made.tag != _RAW:
            return made
        kept = etree.Element("p")
        kept.text, kept.tail = self.md.htmlStash.store(made.text or ""), made.tail
        return kept


class InsertExtension(Extension):
    """Python-Markdown extension that replaces :class:`Inserts` placeholders."""

    def __init__(self, inserts: Inserts) -> None:
        super().__init__()
        self.inserts = inserts

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline processing (20) and attr_list (8), so nothing reads the inserted
        # text as Markdown; before MkDocs checks and rewrites links (0).
        md.treeprocessors.register(_Replace(md, self.inserts), "edition-inserts", 7.5)


def element(tag: str, text: str | None = None, tail: str | None = None,
            **attributes: str | None) -> etree.Element:
    """A new element with ``text``, ``tail`` and attributes (``class_`` for ``class``)."""
    made = etree.Element(tag, {k.rstrip("_"): v for k, v in attributes.items()})
    made.text, made.tail = text, tail
    return made


def append(parent: etree.Element, parts: Iterable[Inline]) -> etree.Element:
    """``parent`` with ``parts`` added after what it holds: a string as text, an element as
    a child; no string is ever read as markup."""
    last = parent[-1] if len(parent) else None
    for part in parts:
        if isinstance(part, str):
            if last is None:
                parent.text = (parent.text or "") + part
            else:
                last.tail = (last.tail or "") + part
        else:
            parent.append(part)
            last = part
    return parent


def block(tag: str, *parts: Inline, **attributes: str | None) -> etree.Element:
    """A block (``p``, ``h2``…) holding ``parts``, followed by a line break as Python-Markdown
    writes its blocks; attributes as for :func:`element`, ``None`` for one without a value."""
    made = append(element(tag, **attributes), parts)
    made.tail = "\n"
    return made


def bullets(items: Iterable[Iterable[Inline]]) -> etree.Element:
    """A bulleted list, one item for each run of ``items``, written as Python-Markdown writes
    a Markdown list."""
    listing = element("ul", "\n", "\n")
    for parts in items:
        append(etree.SubElement(listing, "li"), parts).tail = "\n"
    return listing


def raw(html: str) -> etree.Element:
    """An element that stands for ``html``, a block a real serialiser wrote (never text
    joined with markup), put in the page as it is, followed by a blank line as Python-Markdown
    writes an HTML block."""
    return element(_RAW, html, "\n\n")
