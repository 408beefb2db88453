"""Each kind of bad input, in a real ``mkdocs build --strict`` of a copy of the
project: the build fails with the problem at its file and line, in words that say what is wrong,
never a traceback, and ``scripts/check_glossary.py`` says the same of the same line. The line
expected is where each test writes its input, counted in the copy's own text.

(The loaders' own tests are in tests/data/test_hostile_text.py; an id that takes a generated
page in tests/pages/test_registry.py; http sources in test_hostile_sources.py; a typographer
extension in test_hostile_extensions.py; any value in any field in test_hostile_properties.py.)
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support.build import ROOT, build, copy_project

ACTOR = """\
  - {id}name: "{name}"
    kind: state
    aliases: []
    description: "A state."
    sources:
      - title: "S"
        url: "https://example.org/s"
"""


def _line_of(text: str, needle: str) -> int:
    """The line (from 1) where ``needle`` first starts in ``text``."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def _replace(project: Path, name: str, old: str, new: str) -> int:
    """Replace the first ``old`` in the copy's ``name`` with ``new``; its line."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    line = _line_of(text, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _first_actor(project: Path) -> tuple[str, int]:
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    start = text.index("\nactors:\n") + len("\nactors:\n")
    first = text[start:].split("\n", 1)[0]
    return first, _line_of(text, first)


def bidi_in_a_name(project: Path) -> tuple[str, int, list[str]]:
    first, line = _first_actor(project)
    _replace(project, "glossary.yml", first, first.replace('"', '"\u202e', 1))
    return "glossary.yml", line, ["U+202E"]


def zero_width_in_an_alias(project: Path) -> tuple[str, int, list[str]]:
    first, _ = _first_actor(project)
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    alias = text[text.index(first):].split("aliases:\n", 1)[1].split("\n", 1)[0]
    inside = alias.index('"') + 2  # after the first letter of the alias
    alias_line = _replace(project, "glossary.yml", alias,
                          alias[:inside] + "\u200b" + alias[inside:])
    return "glossary.yml", alias_line, ["U+200B"]


def control_in_a_source_title(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    title = text[text.index("      - title: \""):].split("\n", 1)[0]
    line = _replace(project, "glossary.yml", title, title.replace('title: "', 'title: "\\x01', 1))
    return "glossary.yml", line, ["U+0001"]


def control_in_an_event(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "events.yml").read_text(encoding="utf-8")
    description = text[text.index("    description: \""):].split("\n", 1)[0]
    line = _replace(project, "events.yml", description,
                    description.replace('description: "', 'description: "\\x01', 1))
    return "events.yml", line, ["U+0001"]


def line_break_in_a_quotation(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "notes.yml").read_text(encoding="utf-8")
    quote = text[text.index("    quote: \""):].split("\n", 1)[0]
    inside = quote.index('"') + 2
    line = _replace(project, "notes.yml", quote, quote[:inside] + "\\n::error::x " + quote[inside:])
    return "notes.yml", line, ["U+000A"]


def _add_actor(project: Path, name: str, id_: str = "") -> int:
    line = _replace(project, "glossary.yml", "\nactors:\n",
                    "\nactors:\n" + ACTOR.format(name=name, id=id_))
    return line + 2


def lookalike_name(project: Path) -> tuple[str, int, list[str]]:
    """Reported on the real Iran's line (moved down by the actor added above it), naming
    both lines."""
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    iran = _line_of(text, '  - name: "Iran"\n') + ACTOR.count("\n")
    added = _add_actor(project, "Ir\u0430n")
    return "glossary.yml", iran, ["looks like that of actor", f"(line {added})"]


def same_name_other_id(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    iran = _line_of(text, '  - name: "Iran"\n') + ACTOR.count("\n") + 1
    added = _add_actor(project, "Iran", "id: iran-2\n    ")
    return "glossary.yml", iran, ["has the same name as actor 'Iran'", f"(line {added})"]


def deep_nesting(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "events.yml").read_text(encoding="utf-8")
    description = text[text.index("    description: \""):].split("\n", 1)[0]
    line = _replace(project, "events.yml", description,
                    "    description: " + "[" * 700 + "]" * 700)
    return "events.yml", line, ["nest more than"]


def future_date(project: Path) -> tuple[str, int, list[str]]:
    text = (project / "events.yml").read_text(encoding="utf-8")
    date = text[text.index("    date: \""):].split("\n", 1)[0]
    line = _replace(project, "events.yml", date, '    date: "2100-01-01"')
    return "events.yml", line, ["after today"]


def merge_key(project: Path) -> tuple[str, int, list[str]]:
    first, line = _first_actor(project)
    _replace(project, "glossary.yml", first,
             "  - <<: {kind: person}\n" + first.replace("-", " ", 1))
    return "glossary.yml", line, ["the YAML merge key '<<' is not allowed"]


def too_big(project: Path) -> tuple[str, int, list[str]]:
    with (project / "notes.yml").open("a", encoding="utf-8") as file:
        file.write(("# " + "x" * 98 + "\n") * 11_000)
    return "notes.yml", 0, ["bytes; the limit for the notes is", "Check that this is the right"]


CASES: list[Callable[[Path], tuple[str, int, list[str]]]] = [
    bidi_in_a_name, zero_width_in_an_alias, control_in_a_source_title, control_in_an_event,
    line_break_in_a_quotation, lookalike_name, same_name_other_id, deep_nesting, future_date,
    merge_key, too_big,
]


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_each_kind_of_bad_input_fails_the_build_at_its_line(
        tmp_path: Path, case: Callable[[Path], tuple[str, int, list[str]]]) -> None:
    project = copy_project(tmp_path / "project")
    name, line, words = case(project)
    where = f"{name}:{line}: " if line else f"{name}: "
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    # Contributor text never starts a line of the log (GitHub reads "::error" there).
    assert not any(text.startswith("::error::x") for text in result.output.splitlines())
    found = [text for text in result.output.splitlines() if where in text]
    assert any(all(word in text for word in words) for text in found), result.output
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_glossary.py"),
                            str(project / "glossary.yml")], capture_output=True, text=True,
                           timeout=300)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert not any(text.startswith("::error::x") for text in check.stderr.splitlines())
    assert any(text.lstrip().startswith(where) and all(word in text for word in words)
               for text in check.stderr.splitlines()), check.stderr
