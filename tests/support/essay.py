"""The essay as received: the project's own copy in ``tests/fixtures/essay.txt``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "essay.txt"


@dataclass(frozen=True)
class Block:
    """One block of the source: its label (e.g. "¶12", "standfirst") and exact text."""

    label: str
    text: str


def source_blocks(path: Path = FIXTURE) -> list[Block]:
    """The essay's blocks in order: title, standfirst, photo title, caption, ¶1–¶15, byline."""
    raw = re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip())
    if len(raw) != 19:
        raise ValueError(f"{path}: expected 19 blocks, found {len(raw)}")
    photo_title, caption = raw[2].split("\n")
    blocks = [
        Block("title", raw[0]),
        Block("standfirst", raw[1]),
        Block("photo title", photo_title),
        Block("caption", caption),
    ]
    blocks += [Block(f"¶{n}", text) for n, text in enumerate(raw[3:18], start=1)]
    blocks.append(Block("byline", raw[18]))
    return blocks


def paragraphs(path: Path = FIXTURE) -> dict[int, str]:
    """The fifteen body paragraphs by number."""
    return {int(b.label[1:]): b.text for b in source_blocks(path) if b.label.startswith("¶")}
