"""Check the data files without building the site: ``python scripts/check_glossary.py``.

The quick check for a data-only change (about a second): reads ``glossary.yml``,
``notes.yml``, ``events.yml`` and ``work.yml`` and every reference between them exactly as
the build does (the same list of checks, :data:`edition.index.checklist.CHECKS`: same
problems, same words, same file and line), anchors every note's quotation in the essay, then
renders the essay's pages with the edition's Markdown extensions to report any term or alias
that never occurs in the essay, or occurs too often to be a name, gaps in the paragraph
numbers, and any event nothing refers to (the build's warnings).
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
from edition.index import checklist  # noqa: E402
from edition.index.occurrences import OccurrenceIndex  # noqa: E402
from edition.text.annotate import AnnotationExtension, Occurrence, targets  # noqa: E402
from edition.text.blocks import BlockReader  # noqa: E402
from edition.text.matcher import Matcher  # noqa: E402
from edition.text.paragraphs import ParagraphIndex, ParagraphNumbersExtension  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def scan(glossary: Glossary, docs: Path, index: OccurrenceIndex | None = None,
         paragraphs: ParagraphIndex | None = None) -> OccurrenceIndex:
    """Every occurrence and numbered paragraph in the essay pages under ``docs``, as the
    build records them (into ``index`` and ``paragraphs``, if given)."""
    matcher = Matcher(targets(glossary))
    index = OccurrenceIndex() if index is None else index
    paragraphs = ParagraphIndex() if paragraphs is None else paragraphs
    for page in sorted(docs.rglob("*.md")):
        source = page.relative_to(docs).as_posix()
        text = page.read_text(encoding="utf-8")

        def record(occurrence: Occurrence, source: str = source) -> None:
            index.add(source, occurrence)

        def numbered(number: int, source: str = source) -> None:
            paragraphs.add(number, source)

        markdown.markdown(text, extensions=[
            *EXTENSIONS, ParagraphNumbersExtension(numbered),
            AnnotationExtension(matcher, lambda e: "#", record)])
    return index


def essay_blocks(docs: Path) -> list[tuple[str, str, str]]:
    """The essay's ``(page, block, text)`` blocks, read as the build reads them."""
    reader = BlockReader(EXTENSIONS)
    blocks = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        blocks += [(page.relative_to(docs).as_posix(), block, body)
                   for block, body in reader.read(text)]
    return blocks


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
    parser.add_argument("--work", type=Path, default=None,
                        help="the work's record (default: work.yml beside the glossary, if any)")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the pages (default: docs/ beside the glossary)")
    parser.add_argument("--counts", action="store_true",
                        help="print each entry's mentions and passages, as the build counts them")
    args = parser.parse_args(argv)
    folder = args.glossary.parent
    work = args.work or folder / "work.yml"
    paths = {"glossary": args.glossary, "notes": args.notes or folder / "notes.yml",
             "events": args.events or folder / "events.yml", "work": work}
    docs = args.docs or folder / "docs"
    reading = checklist.Reading(paths["glossary"], paths["notes"], paths["events"],
                                work if args.work or work.exists() else None)
    warned: list[checklist.Warned] = []

    def warn(problem: checklist.Warned) -> None:
        print(problem, file=sys.stderr)
        if isinstance(problem, Problem):
            annotate([problem], next((p for p in paths.values() if p.name == problem.file),
                                     args.glossary))
        warned.append(problem)

    # The build's checks, stage by stage, each where the build runs it (edition.build.build).
    try:
        checklist.run("data", reading, warn)
        checklist.run("work", reading, warn)
        reading.blocks = essay_blocks(docs)
        reading.matcher = Matcher(targets(reading.checked.glossary))
        checklist.run("essay", reading, warn)
    except DataFileError as error:
        print(error, file=sys.stderr)
        for problem in error.problems:
            annotate([problem], next((p for p in paths.values() if p.name == problem.file),
                                     args.glossary))
        return 1
    except checklist.EssayError as error:
        print(error, file=sys.stderr)
        return 1
    data = reading.checked
    glossary = data.glossary
    scan(glossary, docs, reading.occurrences, reading.paragraphs)
    if args.counts:
        print("\n".join(counts(glossary, reading.occurrences)))
    checklist.run("rendered", reading, warn)
    if warned:
        return 1
    print(f"{glossary.file}: OK, {len(glossary.terms)} terms, {len(glossary.actors)} actors; "
          f"{data.notes_file}: OK, {len(data.notes)} notes; "
          f"{data.events.file}: OK, {len(data.events)} events"
          + (f"; {reading.work_file.name}: OK" if reading.work_file is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
