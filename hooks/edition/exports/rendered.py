"""A rendered page's text as a reader's tools see it, and where each of its blocks begins.

Annotation tools find a ``TextQuoteSelector`` in the text of the page, not of one
paragraph, so the words, prefix and suffix are chosen against the text of the page as it
was rendered (read through a real HTML parser, never a regex).
"""

from __future__ import annotations

from lxml import html as lxml_html


def text_and_offsets(content: str) -> tuple[str, dict[str, int]]:
    """The text of the HTML fragment ``content``, and the offset in it of each element id."""
    if not content.strip():
        return "", {}
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    parts: list[str] = []
    offsets: dict[str, int] = {}
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(element: lxml_html.HtmlElement) -> None:
        if isinstance(element.tag, str):  # comments and processing instructions show nothing
            if element.get("id") is not None:
                offsets.setdefault(element.get("id", ""), length)
            add(element.text)
            for child in element:
                walk(child)
        add(element.tail)

    walk(root)
    return "".join(parts), offsets
