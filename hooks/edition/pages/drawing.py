"""The drawings of the generated pages (network, timeline, map) as SVG elements.

Names, labels and titles come from contributors: they enter a drawing only as an element's
text or an attribute's value, and lxml's serializer escapes them, so no name can close a
tag or open one. The characters XML cannot hold (control characters) are dropped first,
since lxml refuses them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
#: What XML 1.0 cannot hold: the complement of its Char production (\t \n \r, U+0020–U+D7FF,
#: U+E000–U+FFFD, U+10000–U+10FFFF), written as the few ranges it is, which compile in a
#: tenth of the time the negated class takes.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Element = etree._Element


def plain(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _XML_INVALID.sub("", text)


def _attrs(attrs: Mapping[str, str] | None) -> dict[str, str]:
    return {name: plain(value) for name, value in (attrs or {}).items()}


def svg(attrs: Mapping[str, str]) -> Element:
    """An ``<svg>`` root in the SVG namespace (declared on it), with ``attrs`` in order."""
    return etree.Element(f"{{{SVG_NS}}}svg", _attrs(attrs), nsmap={None: SVG_NS})


def add(parent: Element, tag: str, attrs: Mapping[str, str] | None = None,
        text: str | None = None) -> Element:
    """A new SVG element ``tag`` at the end of ``parent``, with ``attrs`` in order and
    ``text`` (plain text, escaped when written)."""
    element = etree.SubElement(parent, f"{{{SVG_NS}}}{tag}", _attrs(attrs))
    if text is not None:
        element.text = plain(text)
    return element


def markup(root: Element) -> str:
    """``root`` written as SVG markup, to stand in a page as raw HTML."""
    return etree.tostring(root, encoding="unicode")
