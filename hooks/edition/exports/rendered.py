"""A rendered page's text as a reader's tools see it, and where each of its blocks begins.

Annotation tools find a ``TextQuoteSelector`` in the text of the page, not of one
paragraph, so the words, prefix and suffix are chosen against the text of the page as it
was rendered (read through a real HTML parser, never a regex).

The page's interface (buttons, dialogs, the print-only lists, and whatever the page's
script inserts next to them) carries the class :data:`INTERFACE`, the class Recogito's
text annotator skips. Its text is left out of the reader's text, and each such element
is a *break*: a quotation's context never reaches across one, so that it holds only the
author's or the editor's words, whatever text a client sees in the interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

#: The class of every interface element (Recogito's ``NOT_ANNOTATABLE_CLASS``).
INTERFACE = "not-annotatable"


@dataclass(frozen=True)
class PageText:
    """The reader's text of a page, the offsets of its element ids, and its breaks.

    ``text`` is every text node outside an :data:`INTERFACE` element, in document order
    (as Recogito counts a container's text); ``breaks`` are the offsets in ``text`` where
    an interface element stood; ``ends`` where each id's element ends; ``whole`` is the
    text with the interface's included (as a client that reads ``textContent`` sees it).
    """

    text: str = ""
    offsets: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)
    breaks: tuple[int, ...] = ()
    whole: str = ""

    def segment(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of reader's text around ``text[start:end]`` that no break cuts."""
        low = max((b for b in self.breaks if b <= start), default=0)
        high = min((b for b in self.breaks if b >= end), default=len(self.text))
        return low, high


def _interface(element: lxml_html.HtmlElement) -> bool:
    return INTERFACE in (element.get("class") or "").split()


def page_text(content: str) -> PageText:
    """The :class:`PageText` of the HTML fragment ``content``."""
    if not content.strip():
        return PageText()
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    parts: list[str] = []
    whole: list[str] = []
    offsets: dict[str, int] = {}
    ends: dict[str, int] = {}
    breaks: list[int] = []
    length = 0

    def add(text: str | None, shown: bool) -> None:
        nonlocal length
        if text:
            whole.append(text)
            if shown:
                parts.append(text)
                length += len(text)

    def walk(element: lxml_html.HtmlElement, shown: bool) -> None:
        if isinstance(element.tag, str):  # comments and processing instructions show nothing
            inside = shown and not _interface(element)
            if shown and not inside:
                breaks.append(length)
            if inside and element.get("id") is not None:
                offsets.setdefault(element.get("id", ""), length)
            add(element.text, inside)
            for child in element:
                walk(child, inside)
            if inside and element.get("id") is not None:
                ends.setdefault(element.get("id", ""), length)
        add(element.tail, shown)

    walk(root, True)
    return PageText("".join(parts), offsets, ends, tuple(breaks), "".join(whole))


def text_and_offsets(content: str) -> tuple[str, dict[str, int]]:
    """The reader's text of the HTML fragment ``content``, and the offset in it of each id."""
    found = page_text(content)
    return found.text, found.offsets
