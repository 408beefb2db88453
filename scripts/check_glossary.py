"""Check glossary.yml without building the site: ``python scripts/check_glossary.py``.

Validates the file exactly as the build does (same schema, same messages), then renders
the essay's pages with the edition's Markdown extensions to report any term or alias that
never occurs in the essay, or occurs too often to be a name (the build's warnings).
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

from edition.data.datafile import Problem, in_github_actions, repository_path  # noqa: E402
from edition.data.glossary import Glossary, GlossaryError, load  # noqa: E402
from edition.index.occurrences import OccurrenceIndex, frequent_form_problem  # noqa: E402
from edition.text.annotate import AnnotationExtension, Occurrence, targets  # noqa: E402
from edition.text.blocks import BlockReader, word_count  # noqa: E402
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


def problems(glossary: Glossary, index: OccurrenceIndex, words: int) -> list[Problem]:
    """Forms that never occur, and forms too frequent to be names."""
    found = [
        Problem(glossary.file, entry.line, f"{entry.kind} '{entry.name}': '{form}' never occurs "
                "in the essay. Write it exactly as the essay does, or remove it.")
        for entry, form in index.unused_forms(glossary.entries)
    ]
    return found + [
        frequent_form_problem(glossary.file, entry, form, count, words)
        for entry, form, count in index.frequent_forms(glossary.entries, words)
    ]


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
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--counts", action="store_true",
                        help="print each entry's mentions and passages, as the build counts them")
    args = parser.parse_args(argv)
    try:
        glossary = load(args.glossary, display_name=args.glossary.name)
    except GlossaryError as error:
        print(error, file=sys.stderr)
        annotate(error.problems, args.glossary)
        return 1
    index, words = scan(glossary, args.docs)
    if args.counts:
        print("\n".join(counts(glossary, index)))
    found = problems(glossary, index, words)
    for problem in found:
        print(problem, file=sys.stderr)
    annotate(found, args.glossary)
    if found:
        return 1
    print(f"{glossary.file}: OK, {len(glossary.terms)} terms, {len(glossary.actors)} actors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
