"""Citable paragraph numbers for the essay's body paragraphs.

A body paragraph is written in Markdown with the class ``essay`` and an id
``p<N>`` (``{ .essay #p12 }``). The :class:`ParagraphNumbers` tree processor
wraps each such paragraph so that a number linking to it stands *beside* the
paragraph, never inside it: the paragraph's own text, as read by a screen
reader or copied, stays the author's alone. The visible "¶12" is drawn by the
stylesheet from ``data-para``; the link's accessible name is its ``aria-label``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

PARAGRAPH_ID = re.compile(r"p([1-9][0-9]*)")
ESSAY_CLASS = "essay"

#: Called with the number of each body paragraph found on the page.
OnParagraph = Callable[[int], None]


def essay_classes(element: etree.Element) -> list[str]:
    """Return the classes of ``element`` (empty if it has none)."""
    return element.get("class", "").split()


def is_essay_block(element: etree.Element) -> bool:
    """Whether ``element`` holds the author's text (class ``essay``)."""
    return ESSAY_CLASS in essay_classes(element)


def paragraph_number(element: etree.Element) -> int | None:
    """The ¶ number of an essay body paragraph, or None for any other element."""
    if element.tag != "p" or not is_essay_block(element):
        return None
    match = PARAGRAPH_ID.fullmatch(element.get("id", ""))
    return int(match.group(1)) if match else None


def _with_parents(root: etree.Element) -> Iterator[tuple[etree.Element, int, etree.Element]]:
    for parent in root.iter():
        for index, child in enumerate(list(parent)):
            yield parent, index, child


class ParagraphNumbers(Treeprocessor):
    """Wrap each numbered essay paragraph with a self-link showing its number."""

    def __init__(self, md: Markdown, on_paragraph: OnParagraph | None = None) -> None:
        super().__init__(md)
        self.on_paragraph = on_paragraph

    def run(self, root: etree.Element) -> None:
        for parent, index, child in list(_with_parents(root)):
            number = paragraph_number(child)
            if number is None:
                continue
            wrapper = etree.Element("div", {"class": "ed-para"})
            etree.SubElement(
                wrapper,
                "a",
                {
                    "class": "ed-para__num",
                    "href": f"#p{number}",
                    "data-para": str(number),
                    "aria-label": f"Paragraph {number}",
                    "title": f"Link to paragraph {number}",
                },
            )
            wrapper.tail, child.tail = child.tail, None
            parent.remove(child)
            wrapper.append(child)
            parent.insert(index, wrapper)
            if self.on_paragraph is not None:
                self.on_paragraph(number)


class ParagraphNumbersExtension(Extension):
    """Python-Markdown extension registering :class:`ParagraphNumbers`."""

    def __init__(self, on_paragraph: OnParagraph | None = None) -> None:
        super().__init__()
        self.on_paragraph = on_paragraph

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After attr_list (priority 8) has set ids and classes.
        md.treeprocessors.register(ParagraphNumbers(md, self.on_paragraph), "edition-paragraphs", 7)


class ParagraphIndex:
    """Where each numbered paragraph lives: ``{number: page path}`` for one build.

    Duplicate ids are caught before rendering (:func:`edition.blocks.duplicate_ids`).
    """

    def __init__(self) -> None:
        self.pages: dict[int, str] = {}

    def add(self, number: int, page: str) -> None:
        """Record paragraph ``number`` on ``page``."""
        self.pages[number] = page

    def gaps(self) -> list[int]:
        """Numbers missing between 1 and the highest paragraph number seen."""
        return [n for n in range(1, max(self.pages, default=0) + 1) if n not in self.pages]
