"""On GitHub Actions a broken entry is shown on its line: the check script and a strict build
print every problem as a workflow command (``::error file=…,line=…``), and the plain message
stays as it is."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support.build import ROOT, build, copy_project, replace_once
from support.workflow import Command, commands

CHECK = ROOT / "scripts" / "check_glossary.py"


def line_of(path: Path, text: str, after: int = 0) -> int:
    """The number of the first line of ``path`` containing ``text``, after line ``after``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and text in line)


def entry_line(path: Path, line: int, start: str) -> int:
    """The line of the entry (a list item starting ``start``) that holds ``line``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(n for n, text in enumerate(lines[:line], 1) if text.startswith(start))


def on_actions(monkeypatch: pytest.MonkeyPatch, workspace: Path) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(workspace))


@pytest.fixture(autouse=True)
def not_on_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says whether it runs "on GitHub Actions", whatever runs the tests."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), "glossary.yml", "--docs", "docs"],
                          cwd=project, capture_output=True, text=True, timeout=300)


def test_the_check_script_puts_a_schema_problem_on_its_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = project / "glossary.yml"
    replace_once(glossary, "category: treaty", 'category: "treaty, 100%: sure"')
    line = line_of(glossary, "treaty, 100%: sure")
    plain = check(project)
    assert plain.returncode == 1 and "::" not in plain.stdout + plain.stderr
    assert f"glossary.yml:{line}: terms[" in plain.stderr

    on_actions(monkeypatch, project)
    result = check(project)
    assert result.returncode == 1
    assert result.stderr == plain.stderr  # the plain message stays as it is
    (error,) = commands(result.stdout, "error")
    assert error.properties["file"] == "glossary.yml"
    assert error.properties["line"] == str(line)
    assert error.properties["title"]
    assert "'category' is 'treaty, 100%: sure'" in error.message
    assert f"glossary.yml:{line}: {error.message}" in plain.stderr


def test_the_check_script_puts_an_unused_alias_on_its_entry(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = project / "glossary.yml"
    replace_once(glossary, "aliases: []", 'aliases: ["Zqx Accord"]')
    line = entry_line(glossary, line_of(glossary, "Zqx Accord"), "  - term:")
    on_actions(monkeypatch, project)
    result = check(project)
    assert result.returncode == 1
    (error,) = commands(result.stdout, "error")
    assert (error.properties["file"], error.properties["line"]) == ("glossary.yml", str(line))
    assert "'Zqx Accord' never occurs in the essay" in error.message


def move_notes(project: Path) -> Path:
    """Put the notes in a folder, so the annotation's path must be the repository's."""
    (project / "data").mkdir()
    notes = (project / "notes.yml").rename(project / "data" / "notes.yml")
    replace_once(project / "mkdocs.yml", "notes: notes.yml", "notes: data/notes.yml")
    return notes


def broken_build(project: Path, site: Path) -> tuple[str, list[Command]]:
    result = build(project, site)
    assert result.returncode != 0
    return result.output, commands(result.output, "error")


def assert_on_lines(output: str, errors: list[Command], expected: list[tuple[str, int]]) -> None:
    """The errors are on these lines of these files, and each is the plain message too."""
    assert [(e.properties["file"], e.properties["line"]) for e in errors] == [
        (file, str(line)) for file, line in expected]
    for error, (file, line) in zip(errors, expected, strict=True):
        assert f"{Path(file).name}:{line}: {error.message}" in output


def test_a_strict_build_puts_a_glossary_problem_on_its_line(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = project / "glossary.yml"
    replace_once(glossary, "category: treaty", "category: treatise")
    line = line_of(glossary, "category: treatise")
    plain, none = broken_build(project, tmp_path / "plain")
    assert none == [] and "::error" not in plain
    assert f"glossary.yml:{line}: terms[" in plain

    on_actions(monkeypatch, project)
    output, errors = broken_build(project, tmp_path / "site")
    assert_on_lines(output, errors, [("glossary.yml", line)])
    assert "'treatise'" in errors[0].message


Broken = tuple[list[tuple[str, int]], str]


def notes_in_a_folder(project: Path) -> Broken:
    """Two notes' kinds broken, in data/notes.yml: the path is the repository's."""
    notes = move_notes(project)
    first = line_of(notes, "kind: context")
    replace_once(notes, "kind: context", "kind: contexts")
    second = line_of(notes, "kind: context", after=first)
    lines = notes.read_text(encoding="utf-8").splitlines()
    lines[second - 1] = lines[second - 1].replace("kind: context", "kind: ''")
    notes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [("data/notes.yml", first), ("data/notes.yml", second)], "'contexts'"


def quotation_not_found(project: Path) -> Broken:
    """A note's words that are not in the essay (reported when the pages are read)."""
    notes = project / "notes.yml"
    replace_once(notes, 'quote: "February 8, 2007"', 'quote: "February 9, 2007"')
    return [("notes.yml", line_of(notes, 'quote: "February 9, 2007"'))], "February 9, 2007"


@pytest.mark.parametrize("breaking", [notes_in_a_folder, quotation_not_found])
def test_a_strict_build_puts_notes_problems_on_their_lines(
    breaking: Callable[[Path], Broken], project: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected, text = breaking(project)
    on_actions(monkeypatch, project)
    output, errors = broken_build(project, tmp_path / "site")
    assert_on_lines(output, errors, expected)
    assert text in errors[0].message


def test_a_strict_build_puts_an_unused_alias_on_its_entry_as_a_warning(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = project / "glossary.yml"
    replace_once(glossary, "aliases: []", 'aliases: ["Zqx Accord"]')
    line = entry_line(glossary, line_of(glossary, "Zqx Accord"), "  - term:")
    on_actions(monkeypatch, project)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0  # --strict: the warning fails the build
    assert commands(result.output, "error") == []
    (warning,) = commands(result.output, "warning")
    assert (warning.properties["file"], warning.properties["line"]) == ("glossary.yml", str(line))
    assert "the alias 'Zqx Accord' never occurs in the essay" in warning.message
    assert any(f"glossary.yml:{line}: {warning.message}" in w for w in result.warnings)
