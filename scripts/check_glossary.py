"""Check the data files without building the site: ``python scripts/check_glossary.py``.

The quick check for a data-only change (about a second): reads ``glossary.yml``,
``notes.yml`` and ``events.yml`` and every reference between them exactly as the build does
(the same functions, :mod:`edition.index.checks`: same problems, same words, same file and
line), anchors every note's quotation in the essay, then renders the essay's pages with the
edition's Markdown extensions to report any term or alias that never occurs in the essay, or
occurs too often to be a name, and any event nothing refers to (the build's warnings).
``--counts`` prints each entry's mentions and passages, nested ones included, as the actor
pages and the glossary count them. Exit status 0 when all is well, 1 otherwise. Under GitHub
Actions (``GITHUB_ACTIONS=true``) each problem is also printed as an ``::error`` workflow
command, which puts it on its line of the pull request's diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import markdown  # noqa: E402

from edition.data.datafile import (  # noqa: E402
    DataFileError,
    Problem,
    in_github_actions,
    repository_path,
)
from edition.data.glossary import Glossary  # noqa: E402
from edition.index import checks  # noqa: E402
from edition.index.occurrences import OccurrenceIndex  # noqa: E402
from edition.text.annotate import AnnotationExtension, Occurrence, targets  # noqa: E402
from edition.text.blocks import BlockReader, duplicate_ids, word_count  # noqa: E402
from edition.text.matcher import Matcher  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def scan(glossary: Glossary, docs: Path) -> tuple[OccurrenceIndex, int]:
    """Every occurrence in the essay pages under ``docs``, as the build records them, and
    how many words the essay's blocks hold."""
    matcher = Matcher(targets(glossary))
    index = OccurrenceIndex()
    reader = BlockReader(EXTENSIONS)
    words = 0
    for page in sorted(docs.rglob("*.md")):
        source = page.relative_to(docs).as_posix()
        text = page.read_text(encoding="utf-8")
        words += word_count(block for _, block in reader.read(text))

        def record(occurrence: Occurrence, source: str = source) -> None:
            index.add(source, occurrence)

        markdown.markdown(
            text, extensions=[*EXTENSIONS, AnnotationExtension(matcher, lambda e: "#", record)]
        )
    return index, words


def essay_blocks(docs: Path) -> list[tuple[str, str, str]]:
    """The essay's ``(page, block, text)`` blocks, read as the build reads them."""
    reader = BlockReader(EXTENSIONS)
    blocks = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        blocks += [(page.relative_to(docs).as_posix(), block, body)
                   for block, body in reader.read(text)]
    return blocks


def problems(glossary: Glossary, index: OccurrenceIndex, words: int,
             blocks: list[tuple[str, str, str]] | None = None) -> list[Problem]:
    """Forms that never occur, and forms too frequent to be names."""
    return checks.form_problems(glossary, index, words, blocks or [])


def counts(glossary: Glossary, index: OccurrenceIndex) -> list[str]:
    """One line per entry: its mentions and passages, as its page and the index give them."""
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return [
        f"{entry.kind} '{entry.name}': {plural(index.count(entry), 'mention')} in "
        f"{plural(len(index.places(entry)), 'passage')}"
        for entry in glossary.entries
    ]


def annotate(problems: list[Problem], path: Path) -> None:
    """On GitHub Actions, print ``problems`` as ``::error`` commands for the pull request's diff."""
    if in_github_actions():
        for problem in problems:
            print(problem.workflow_command(repository_path(path, ROOT)), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("glossary", nargs="?", type=Path, default=ROOT / "glossary.yml")
    parser.add_argument("--notes", type=Path, default=None,
                        help="the notes file (default: notes.yml beside the glossary)")
    parser.add_argument("--events", type=Path, default=None,
                        help="the events file (default: events.yml beside the glossary)")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the pages (default: docs/ beside the glossary)")
    parser.add_argument("--counts", action="store_true",
                        help="print each entry's mentions and passages, as the build counts them")
    args = parser.parse_args(argv)
    folder = args.glossary.parent
    paths = {"glossary": args.glossary, "notes": args.notes or folder / "notes.yml",
             "events": args.events or folder / "events.yml"}
    docs = args.docs or folder / "docs"
    # The build's steps, in its order (edition_hook.on_config, on_files, on_env).
    try:
        data = checks.load_data(paths["glossary"], paths["notes"], paths["events"])
    except DataFileError as error:
        print(error, file=sys.stderr)
        for problem in error.problems:
            annotate([problem], next((p for p in paths.values() if p.name == problem.file),
                                     args.glossary))
        return 1
    found = checks.data_warnings(data)
    blocks = essay_blocks(docs)
    duplicates = duplicate_ids(blocks)
    if duplicates:
        print("\n".join(duplicates), file=sys.stderr)
        return 1
    common = checks.common_word_problems(data.glossary, blocks)
    if common:
        print(DataFileError(common, "the glossary"), file=sys.stderr)
        annotate(common, args.glossary)
        return 1
    try:
        checks.anchor_notes(data.notes, data.notes_file, blocks, Matcher(targets(data.glossary)))
    except DataFileError as error:
        print(error, file=sys.stderr)
        annotate(error.problems, paths["notes"])
        return 1
    glossary = data.glossary
    index, words = scan(glossary, docs)
    if args.counts:
        print("\n".join(counts(glossary, index)))
    found += problems(glossary, index, words, blocks)
    for problem in found:
        print(problem, file=sys.stderr)
        annotate([problem], next((p for p in paths.values() if p.name == problem.file),
                                 args.glossary))
    if found:
        return 1
    print(f"{glossary.file}: OK, {len(glossary.terms)} terms, {len(glossary.actors)} actors; "
          f"{data.notes_file}: OK, {len(data.notes)} notes; "
          f"{data.events.file}: OK, {len(data.events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
