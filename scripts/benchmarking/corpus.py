"""The sizes of synthetic editions and the essay's own text they are made from."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Size:
    """An edition to build: the real one, or N pages x M terms x A actors."""

    label: str
    pages: int | None = None
    terms: int | None = None
    actors: int | None = None
    #: The real edition grown: this many ordinary (non-essay) pages added ...
    ordinary: int = 0
    #: ... and its glossary this many times larger (generated terms and actors added).
    scale: int = 1

    @property
    def real(self) -> bool:
        """Whether this is the project's own edition (grown or not)."""
        return self.pages is None

    @property
    def key(self) -> tuple[int | None, ...]:
        """What makes two sizes the same edition."""
        return self.pages, self.terms, self.actors, self.ordinary, self.scale


def parse_size(text: str, real_actors: int) -> Size:
    """``real``, ``real+Pp+Gg``, ``NxM`` or ``NxMxA`` as a :class:`Size`.

    ``real+100p+10g`` is the real edition with 100 ordinary pages added and a glossary ten
    times larger: a user who grows the edition without growing the essay.
    """
    text = text.strip()
    if text == "real":
        return Size("real")
    grown = re.fullmatch(r"real\+(\d+)p\+(\d+)g", text)
    if grown is not None:
        ordinary, scale = int(grown.group(1)), int(grown.group(2))
        if scale < 1:
            raise argparse.ArgumentTypeError(f"size {text!r}: the glossary scale is at least 1")
        return Size(text, ordinary=ordinary, scale=scale)
    found = re.fullmatch(r"(\d+)x(\d+)(?:x(\d+))?", text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"size {text!r}: write real, real+<P>p+<G>g, NxM or NxMxA")
    pages, terms = int(found.group(1)), int(found.group(2))
    actors = int(found.group(3)) if found.group(3) else max(real_actors, terms // 10)
    if pages < 1 or terms < 1 or actors < 1:
        raise argparse.ArgumentTypeError(f"size {text!r}: every count must be at least 1")
    if terms > 2000 or actors > 2000:
        raise argparse.ArgumentTypeError(
            f"size {text!r}: glossary.schema.json allows at most 2,000 terms and 2,000 actors"
        )
    return Size(text, pages, terms, actors)


@dataclass(frozen=True)
class Block:
    """One of the author's blocks: its Markdown and its attribute list line."""

    text: str
    attrs: str
    ident: str


@dataclass
class Corpus:
    """The essay's own text, from ``docs/``: body paragraphs and the other essay blocks."""

    paragraphs: list[Block]
    front: list[Block]
    back: list[Block]

    @property
    def words(self) -> set[str]:
        """Every word of the essay, in lower case."""
        text = " ".join(b.text for b in (*self.paragraphs, *self.front, *self.back))
        return {w.lower() for w in re.findall(r"\w+", text)}


_ATTRS = re.compile(r"^\{:?\s*(.*?)\s*\}$")


def read_corpus(docs: Path) -> Corpus:
    """The ``.essay`` blocks of ``docs/index.md`` and ``docs/essay/*.md``."""
    paragraphs: list[tuple[int, Block]] = []
    front: list[Block] = []
    back: list[Block] = []
    for path in [docs / "index.md", *sorted((docs / "essay").glob("*.md"))]:
        if not path.exists():
            continue
        for chunk in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
            lines = chunk.strip("\n").splitlines()
            found = _ATTRS.match(lines[-1].strip()) if len(lines) > 1 else None
            if found is None:
                continue
            tokens = found.group(1).split()
            if ".essay" not in tokens:
                continue
            ident = next((t[1:] for t in tokens if t.startswith("#")), "")
            block = Block("\n".join(lines[:-1]), lines[-1].strip(), ident)
            number = re.fullmatch(r"p(\d+)", ident)
            if number:
                paragraphs.append((int(number.group(1)), block))
            elif path.name == "index.md":
                front.append(block)
            else:
                back.append(block)
    if not paragraphs:
        raise SystemExit(f"no essay paragraphs ('{{ .essay #pN }}') found under {docs}")
    return Corpus([b for _, b in sorted(paragraphs, key=lambda p: p[0])], front, back)


