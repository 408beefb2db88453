"""Mark glossary forms in the essay's text, in the Markdown element tree.

Modelled on Python-Markdown's ``abbr`` extension: only text nodes are touched, only
inside the author's blocks (class ``essay``), never inside links, code, headings or
an existing annotation, and never in attributes. Each occurrence becomes a link to
the entry with the entry's plain-text summary as its ``title`` (Material turns that
into a tooltip); ElementTree's serializer escapes both, so glossary text can never
become markup.

Mentions nest, as a name may stand inside a term in TEI: where another entry's form
stands inside a longer annotated phrase ("Iran" in "Iran-Iraq War"), the phrase keeps
its one link and the inner entry is still reported, as a ``nested`` occurrence. The
essay's title, a heading, gets no links, but its occurrences are reported all the same.

One mark per phrase: with ``mark`` ``paragraph`` or ``page``, an entry's link
goes to its first mention outside the words an editor's note annotates (``span.ed-noted``,
marked before this runs), so that those words carry the note alone; only an entry named
nowhere else in the paragraph or page is linked inside a note. Every mention is reported
all the same; ``every`` links every mention, inside notes too.

The essay's subjects: with ``mark: page``, an entry named in more than half of
the essay's paragraphs (Iran and Russia) would be a link in nearly every paragraph; it is
linked once in the whole essay, at its first mention where links are made
(:func:`subjects`), and its page lists every mention.
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

from edition.data.glossary import Entry, Glossary
from edition.text.matcher import Match, Matcher
from edition.text.paragraphs import PARAGRAPH_ID, essay_classes, is_essay_block
from edition.text.places import Place

#: Elements whose text is never annotated (their tails, which belong to the parent, are).
SKIPPED = frozenset({
    "a", "abbr", "code", "pre", "kbd", "samp", "var", "script", "style", "textarea",
    "button", "select", "option", "label", "svg", "math", "img",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
ANNOTATION_CLASS = "ed-annotation"
#: The words an editor's note annotates (``edition.text.note_marks``).
NOTED_CLASS = "ed-noted"
#: Which occurrences become links: all, the first of each entry per paragraph, or per page.
MARK_SCOPES = ("every", "paragraph", "page")
_RAW_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>\s*$")


@dataclass(frozen=True)
class Target:
    """What a form annotates: the entry it links to, and every entry it counts for.

    An actor that is one with a glossary term (the IRGC) is one annotation: it links to
    the actor, and each mention counts for the actor and for the term.
    """

    entry: Entry
    counts: tuple[Entry, ...]


def targets(glossary: Glossary) -> Iterator[tuple[str, str, Target]]:
    """Every (form, case rule, target) of the glossary, for one :class:`Matcher`."""
    for actor in glossary.actors:
        term = glossary.term(actor.term) if actor.term else None
        target = Target(actor, (actor, term) if term else (actor,))
        for form in actor.forms:
            yield form, actor.case, target
        for form in term.forms if term else ():
            yield form, term.case, target
    for term in glossary.terms:
        if glossary.actor_for(term) is None:
            target = Target(term, (term,))
            for form in term.forms:
                yield form, term.case, target


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a form in an essay block, with the block's text around it."""

    target: Target
    text: str
    block: str | None
    marked: bool
    start: int = 0
    end: int = 0
    context: str = ""
    #: Inside a longer annotated phrase (``outer``), which keeps the link.
    nested: bool = False
    outer: Target | None = None

    @property
    def entry(self) -> Entry:
        """The entry the occurrence links to."""
        return self.target.entry


#: Gives the ``href`` for an entry, relative to the page being rendered.
LinkFor = Callable[[Entry], str]
OnOccurrence = Callable[[Occurrence], None]


def entry_key(entry: Entry) -> str:
    """The key of ``entry`` among the marked entries: kind and id."""
    return f"{entry.kind}:{entry.id}"


#: The essay's title, a heading: its mentions are never links.
TITLE = "title"


def subjects(matcher: Matcher[Target], blocks: list[tuple[str, str, str]]) -> dict[str, str]:
    """The essay's subjects: each entry named in more than half of the essay's paragraphs
    (``blocks``: page, id, text), with the block of its first mention in reading order
    that is not the title, where it is linked once."""
    paragraphs = [text for _, block, text in blocks if PARAGRAPH_ID.fullmatch(block)]
    named: dict[str, int] = {}
    for text in paragraphs:
        for key in {entry_key(match.target.entry) for match in matcher.finditer(text)}:
            named[key] = named.get(key, 0) + 1
    chosen = {key for key, count in named.items() if count * 2 > len(paragraphs)}
    first: dict[str, str] = {}
    for _page, block, text in sorted(blocks, key=lambda b: Place(b[0], b[1]).order):
        if block == TITLE:
            continue
        for match in matcher.finditer(text):
            key = entry_key(match.target.entry)
            if key in chosen:
                first.setdefault(key, block)
    return first


def nested(matcher: Matcher[Target], text: str, outer: Match[Target]) -> list[Match[Target]]:
    """The other entries' forms inside the match ``outer`` of ``text``, each entry's once.

    A form of the phrase's own entry inside it ("Putin" in "Russian President Vladimir
    Putin") is no second mention, nor is a form inside another form of the same entry.
    """
    found: list[Match[Target]] = []
    for inner in matcher.within(text, outer.start, outer.end):
        if inner.target.entry == outer.target.entry:
            continue
        if any(o.target.entry == inner.target.entry and o.start <= inner.start
               and inner.end <= o.end for o in found):
            continue
        found.append(inner)
    return found


class Annotator(Treeprocessor):
    """Turn every occurrence of a glossary form in the essay into an annotation link."""

    def __init__(
        self,
        md: Markdown,
        matcher: Matcher[Target],
        link_for: LinkFor,
        on_occurrence: OnOccurrence | None = None,
        mark: str = "every",
        once: dict[str, str] | None = None,
    ) -> None:
        super().__init__(md)
        if mark not in MARK_SCOPES:
            raise ValueError(f"mark must be one of {', '.join(MARK_SCOPES)}, not {mark!r}")
        self.matcher = matcher
        self.link_for = link_for
        self.on_occurrence = on_occurrence
        self.mark = mark
        #: With ``page``: the essay's subjects and the one block where each is linked.
        self.once = once if mark == "page" and once else {}
        self._marked: set[str] = set()
        self._block: str | None = None
        self._context = ""
        self._offset = 0
        self._inside_raw = 0
        self._linking = True
        self._noted = 0
        #: A first pass (``_dry``) finds the entries named outside a note, in each scope.
        self._dry = False
        self._plain: set[str] = set()

    def run(self, root: etree.Element) -> None:
        self._plain = set()
        if self.mark != "every":
            self._dry, self._inside_raw = True, 0
            self._walk(root)
            self._dry = False
        self._marked = set()
        self._inside_raw = 0
        self._walk(root)

    def _scoped(self, entry: Entry) -> str:
        """The key of ``entry`` in the scope where it is linked once."""
        key = entry_key(entry)
        return f"{self._block}:{key}" if self.mark == "paragraph" else key

    def _walk(self, element: etree.Element) -> None:
        for child in element:
            if is_essay_block(child):
                if self.mark == "paragraph":
                    self._marked = set()
                self._block = child.get("id")
                self._context = "".join(child.itertext())
                self._offset = 0
                # The title is a heading: its mentions count, but it gets no links.
                self._linking = child.tag not in SKIPPED
                self._annotate(child)
                self._linking = True
            elif child.tag not in SKIPPED:
                self._walk(child)

    def _annotate(self, element: etree.Element) -> None:
        children: list[etree.Element] = []
        element.text, created = self._split(element.text)
        children += created
        for child in list(element):
            if child.tag not in SKIPPED and ANNOTATION_CLASS not in essay_classes(child):
                noted = NOTED_CLASS in essay_classes(child)
                self._noted += noted
                self._annotate(child)
                self._noted -= noted
            else:
                self._offset += len("".join(child.itertext()))
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
        # Each placeholder in the text is one this Markdown instance stashed (Python-Markdown
        # strips the placeholders' control characters from the source), so it has an entry:
        # a string of raw HTML, or an element an extension stashed.
        raw = self.md.htmlStash.rawHtmlBlocks[index]
        tag = _RAW_TAG.match(raw) if isinstance(raw, str) else None
        if tag is None or tag.group(2).lower() not in SKIPPED or tag.group(3):
            return
        self._inside_raw = max(0, self._inside_raw + (-1 if tag.group(1) else 1))

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Split ``text`` into the text before the first annotation and the annotations."""
        if not text or (self._dry and not self._linking):
            return text, []
        base, self._offset = self._offset, self._offset + len(text)
        head: str | None = None
        created: list[etree.Element] = []
        position = 0
        for start, end in list(self._segments(text)):
            segment = text[start:end]
            for match in self.matcher.finditer(segment):
                entry = match.target.entry
                key = self._scoped(entry)
                if self._dry:
                    if self._linking and not self._noted:
                        self._plain.add(key)
                    continue
                marked = self._linking and (self.mark == "every" or (
                    key not in self._marked and not (self._noted and key in self._plain)
                    and self.once.get(key, self._block) == self._block))
                if self.on_occurrence is not None:
                    at = base + start
                    self.on_occurrence(Occurrence(
                        match.target, match.text, self._block, marked,
                        at + match.start, at + match.end, self._context,
                    ))
                    for inner in nested(self.matcher, segment, match):
                        self.on_occurrence(Occurrence(
                            inner.target, inner.text, self._block, False,
                            at + inner.start, at + inner.end, self._context,
                            nested=True, outer=match.target,
                        ))
                if not marked:
                    continue
                self._marked.add(key)
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
            "title": tooltip(entry),
        })
        element.text = AtomicString(text)
        return element


def tooltip(entry: Entry) -> str:
    """What a mark's pop-up says: the entry it explains, by name, then its summary; the
    words marked are often another form ("Imperial Russia" for the Russian Empire)."""
    return f"{entry.name}: {entry.summary}"


class AnnotationExtension(Extension):
    """Python-Markdown extension registering :class:`Annotator`."""

    def __init__(
        self,
        matcher: Matcher[Target],
        link_for: LinkFor,
        on_occurrence: OnOccurrence | None = None,
        mark: str = "every",
        once: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.options = (matcher, link_for, on_occurrence, mark)
        #: Gives the essay's subjects (:func:`subjects`), known once the essay is read.
        self.once = once

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline processing (20) and attr_list (8); before MkDocs resolves links (0).
        once = self.once() if self.once is not None else None
        md.treeprocessors.register(Annotator(md, *self.options, once=once),
                                   "edition-annotations", 6)
