"""Check glossary.yml without building the site: ``python scripts/check_glossary.py``.

Validates the file exactly as the build does (same schema, same messages), then renders
the essay's pages with the edition's Markdown extensions to report any term or alias that
never occurs in the essay. Exit status 0 when all is well, 1 otherwise. Under GitHub Actions
(``GITHUB_ACTIONS=true``) each problem is also printed as an ``::error`` workflow command, which
puts it on its line of the pull request's diff.
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
from edition.index.occurrences import OccurrenceIndex  # noqa: E402
from edition.text.annotate import AnnotationExtension, Occurrence, targets  # noqa: E402
from edition.text.matcher import Matcher  # noqa: E402


def unused_forms(glossary: Glossary, docs: Path) -> list[Problem]:
    """The forms that occur in none of the pages under ``docs``, as problems."""
    matcher = Matcher(targets(glossary))
    index = OccurrenceIndex()
    for page in sorted(docs.rglob("*.md")):
        source = page.relative_to(docs).as_posix()

        def record(occurrence: Occurrence, source: str = source) -> None:
            index.add(source, occurrence)

        markdown.markdown(
            page.read_text(encoding="utf-8"),
            extensions=["attr_list", "md_in_html", "toc",
                        AnnotationExtension(matcher, lambda e: "#", record)],
        )
    return [
        Problem(glossary.file, entry.line, f"{entry.kind} '{entry.name}': '{form}' never occurs "
                "in the essay. Write it exactly as the essay does, or remove it.")
        for entry, form in index.unused_forms(glossary.entries)
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
    args = parser.parse_args(argv)
    try:
        glossary = load(args.glossary, display_name=args.glossary.name)
    except GlossaryError as error:
        print(error, file=sys.stderr)
        annotate(error.problems, args.glossary)
        return 1
    problems = unused_forms(glossary, args.docs)
    for problem in problems:
        print(problem, file=sys.stderr)
    annotate(problems, args.glossary)
    if problems:
        return 1
    print(f"{glossary.file}: OK, {len(glossary.terms)} terms, {len(glossary.actors)} actors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
