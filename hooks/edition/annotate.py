"""Mark glossary forms in the essay's text, in the Markdown element tree.

Modelled on Python-Markdown's ``abbr`` extension: only text nodes are touched, only
inside the author's blocks (class ``essay``), never inside links, code, headings or
an existing annotation, and never in attributes. Each occurrence becomes a link to
the entry with the entry's plain-text summary as its ``title`` (Material turns that
into a tooltip); ElementTree's serializer escapes both, so glossary text can never
become markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from edition.glossary import Entry
from edition.matcher import Matcher
from edition.paragraphs import essay_classes, is_essay_block

#: Elements whose text is never annotated (their tails, which belong to the parent, are).
SKIPPED = frozenset({
    "a", "abbr", "code", "pre", "kbd", "samp", "var", "script", "style", "textarea",
    "button", "select", "option", "label", "svg", "math", "img",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
ANNOTATION_CLASS = "ed-annotation"
_RAW_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>\s*$")


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an entry's form in an essay block."""

    entry: Entry
    text: str
    block: str | None
    marked: bool


#: Gives the ``href`` for an entry, relative to the page being rendered.
LinkFor = Callable[[Entry], str]
OnOccurrence = Callable[[Occurrence], None]


class Annotator(Treeprocessor):
    """Turn every occurrence of a glossary form in the essay into an annotation link."""

    def __init__(
        self,
        md: Markdown,
        matcher: Matcher[Entry],
        link_for: LinkFor,
        on_occurrence: OnOccurrence | None = None,
        first_only: bool = False,
    ) -> None:
        super().__init__(md)
        self.matcher = matcher
        self.link_for = link_for
        self.on_occurrence = on_occurrence
        self.first_only = first_only
        self._marked: set[str] = set()
        self._block: str | None = None
        self._inside_raw = 0

    def run(self, root: etree.Element) -> None:
        self._marked = set()
        self._inside_raw = 0
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        for child in element:
            if child.tag in SKIPPED:
                continue
            if is_essay_block(child):
                self._block = child.get("id")
                self._annotate(child)
            else:
                self._walk(child)

    def _annotate(self, element: etree.Element) -> None:
        children: list[etree.Element] = []
        element.text, created = self._split(element.text)
        children += created
        for child in list(element):
            if child.tag not in SKIPPED and ANNOTATION_CLASS not in essay_classes(child):
                self._annotate(child)
            child.tail, created = self._split(child.tail)
            children += [child, *created]
        element[:] = children

    def _segments(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of ``text`` that may be annotated.

        Inline raw HTML reaches the tree as placeholders, one for ``<abbr ...>`` and one
        for ``</abbr>``; text between the placeholders of a skipped element is skipped.
        """
        start = 0
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            if not self._inside_raw:
                yield start, placeholder.start()
            self._track_raw(int(placeholder.group(1)))
            start = placeholder.end()
        if not self._inside_raw:
            yield start, len(text)

    def _track_raw(self, index: int) -> None:
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else None
        tag = _RAW_TAG.match(raw) if isinstance(raw, str) else None
        if tag is None or tag.group(2).lower() not in SKIPPED or tag.group(3):
            return
        self._inside_raw = max(0, self._inside_raw + (-1 if tag.group(1) else 1))

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Split ``text`` into the text before the first annotation and the annotations."""
        if not text:
            return text, []
        head: str | None = None
        created: list[etree.Element] = []
        position = 0
        for start, end in list(self._segments(text)):
            for match in self.matcher.finditer(text[start:end]):
                entry = match.target
                marked = not (self.first_only and entry.id in self._marked)
                if self.on_occurrence is not None:
                    self.on_occurrence(Occurrence(entry, match.text, self._block, marked))
                if not marked:
                    continue
                self._marked.add(entry.id)
                before = text[position:start + match.start]
                if created:
                    created[-1].tail = (created[-1].tail or "") + before
                else:
                    head = before
                created.append(self._element(entry, match.text))
                position = start + match.end
        if not created:
            return text, []
        created[-1].tail = text[position:]
        return head, created

    def _element(self, entry: Entry, text: str) -> etree.Element:
        element = etree.Element("a", {
            "class": f"{ANNOTATION_CLASS} ed-{entry.kind}",
            "href": self.link_for(entry),
            "title": entry.summary,
        })
        element.text = AtomicString(text)
        return element


class AnnotationExtension(Extension):
    """Python-Markdown extension registering :class:`Annotator`."""

    def __init__(
        self,
        matcher: Matcher[Entry],
        link_for: LinkFor,
        on_occurrence: OnOccurrence | None = None,
        first_only: bool = False,
    ) -> None:
        super().__init__()
        self.options = (matcher, link_for, on_occurrence, first_only)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline processing (20) and attr_list (8); before MkDocs resolves links (0).
        md.treeprocessors.register(Annotator(md, *self.options), "edition-annotations", 6)
