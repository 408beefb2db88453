"""List the names in the essay that no glossary entry covers: ``python scripts/unannotated.py``.

A name here is a proper name or a capitalised phrase of the essay ("Alamy Stock Photo",
"Western"), with the words "of", "the", "and", "for", "al-" between its
capitalised words. It is covered when a term, alias or actor alias of ``glossary.yml``
matches it or a part of it, as the build's matcher does, or when it is one of an entry's
``variants``. A single capitalised word that begins a sentence and is a common English word in
lower case ("But", "The") is no name. Each name is printed with the paragraphs it is in, the
most frequent first, so that an editor can decide what to annotate next:

    Western (4): ¶2, ¶4, ¶15

Exit status 0 (the list is advice, not a check).
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from check_glossary import essay_blocks  # noqa: E402

from edition.data.forms import common_word, fold  # noqa: E402
from edition.data.glossary import Glossary, load  # noqa: E402
from edition.text.annotate import targets  # noqa: E402
from edition.text.matcher import Matcher  # noqa: E402
from edition.text.places import Place  # noqa: E402

_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
#: A run of capitalised words, with the small words names hold between them.
NAME = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+(?:(?:of|the|and|for|al-|de)\s+)*{_WORD})*")
#: Months and days, capitalised in English but no names to annotate.
CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['’”\")]*\s+|[‘“'\"(—–]\s*)$")


def names(text: str) -> list[tuple[int, int, str]]:
    """The names in ``text``: ``(start, end, name)``, sentence-opening common words dropped."""
    found = []
    for match in NAME.finditer(text):
        name = match.group()
        words = name.split()
        first = words[0]
        opens = _SENTENCE_START.search(text[:match.start()]) is not None
        if opens and common_word(first.lower(), "ignore") is not None:
            if len(words) == 1:
                continue
            # "The Supreme Leader": the phrase without its sentence-opening word.
            start = match.start() + len(first)
            rest = text[start:match.end()].lstrip()
            if not rest[:1].isupper():
                continue
            found.append((match.end() - len(rest), match.end(), rest))
            continue
        found.append((match.start(), match.end(), name))
    return found


def uncovered(glossary: Glossary, blocks: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Each name no entry covers, by the name as first written, with its paragraphs."""
    matcher = Matcher(targets(glossary))
    variants = {fold(v) for entry in glossary.entries for v in entry.variants}
    found: dict[str, tuple[str, list[Place]]] = {}
    for page, block, text in blocks:
        spans = [(m.start, m.end) for m in matcher.finditer(text)]
        for start, end, name in names(text):
            if (fold(name) in variants or name in CALENDAR
                    or any(s < end and start < e for s, e in spans)):
                continue
            found.setdefault(fold(name), (name, []))[1].append(Place(page, block))
    return {written: [place.label for place in sorted(places, key=lambda p: p.order)]
            for written, places in found.values()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("glossary", nargs="?", type=Path, default=ROOT / "glossary.yml")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the pages (default: docs/ beside the glossary)")
    args = parser.parse_args(argv)
    glossary = load(args.glossary)
    blocks = essay_blocks(args.docs or args.glossary.parent / "docs")
    found = uncovered(glossary, blocks)
    for name, places in sorted(found.items(), key=lambda item: (-len(item[1]), item[0])):
        where = ", ".join(dict.fromkeys(places))
        print(f"{name} ({len(places)}): {where}")
    print(f"{len(found)} names no entry covers.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
