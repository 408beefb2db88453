"""The essay's blocks as plain text, read from a page's Markdown before the build renders it.

Notes are anchored against this text, so it must be the text the annotations later see:
the same Markdown extensions, read at the same point of the tree processing. Only pages
that can hold an essay block are read (the class ``essay`` is written in their Markdown),
and each is read only as far as the blocks: the conversion stops there, before the later
tree processors, serialisation and post-processors.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from edition.data.forms import APOSTROPHES, HYPHENS
from edition.text.paragraphs import ESSAY_CLASS, is_essay_block


class _DoneError(Exception):
    """Raised once the blocks are collected: the rest of the conversion is not needed."""


#: A word: letters and digits, joined by apostrophes or hyphens ("Iran's", "hard-liners").
_WORD = re.compile(r"\w+(?:[" + re.escape(APOSTROPHES + HYPHENS) + r"]\w+)*")


class _Collect(Treeprocessor):
    def __init__(self, md: markdown.Markdown, found: list[tuple[str, str]]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if is_essay_block(element) and element.get("id"):
                self.found.append((element.get("id", ""), "".join(element.itertext())))
        raise _DoneError


class _CollectExtension(Extension):
    def __init__(self, found: list[tuple[str, str]]) -> None:
        super().__init__()
        self.found = found

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Collect(md, self.found), "edition-blocks", 6.5)


class BlockReader:
    """Reads essay blocks from page after page with one Markdown instance (reset between)."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any] | None = None) -> None:
        self._found: list[tuple[str, str]] = []
        self._md = markdown.Markdown(extensions=[*extensions, _CollectExtension(self._found)],
                                     extension_configs=configs or {})

    def read(self, source: str) -> list[tuple[str, str]]:
        """The ``(id, text)`` of each essay block with an id in the Markdown ``source``."""
        self._found.clear()
        if not may_hold_blocks(source):
            return []
        self._md.reset()
        with contextlib.suppress(_DoneError):
            self._md.convert(source)
        return list(self._found)


def may_hold_blocks(source: str) -> bool:
    """Whether the Markdown ``source`` can hold an essay block: it could give the class.

    An element has the class only if the page's Markdown writes it, as ``.essay`` in an
    attribute list or in a ``class`` attribute (attribute list or HTML), so a page with
    neither has no essay block and is not read.
    """
    return f".{ESSAY_CLASS}" in source or ("class" in source and ESSAY_CLASS in source)


def duplicate_ids(blocks: list[tuple[str, str, str]]) -> list[str]:
    """Messages for essay block ids used more than once across ``(page, id, text)`` blocks."""
    seen: dict[str, str] = {}
    problems = []
    for page, block, _ in blocks:
        if block in seen:
            problems.append(
                f"the essay block id '{block}' is used in both '{seen[block]}' and '{page}': "
                "each paragraph id must be unique."
            )
        seen.setdefault(block, page)
    return problems


def word_count(texts: Iterable[str]) -> int:
    """How many words the ``texts`` hold together."""
    return sum(len(_WORD.findall(text)) for text in texts)
