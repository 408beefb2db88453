"""Problems as GitHub Actions workflow commands: escaped as GitHub says, paths from the root."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.data.datafile import Problem, in_github_actions, repository_path
from edition.data.glossary import GlossaryError, parse
from support.workflow import commands


def test_a_problem_becomes_an_error_on_its_line() -> None:
    problem = Problem("glossary.yml", 12, "terms[3] 'JCPOA': 'category' is 'treatise'.")
    line = problem.workflow_command("data/glossary.yml")
    assert line.startswith("::error file=data/glossary.yml,line=12,title=")
    (command,) = commands(line)
    assert command.level == "error"
    assert command.properties == {"file": "data/glossary.yml", "line": "12",
                                  "title": "Problem in data/glossary.yml"}
    assert command.message == problem.message


def test_data_and_properties_are_escaped() -> None:
    hostile = "50% off\r\n::error::injected, or: not"
    problem = Problem("odd, name: v1.yml", 3, hostile)
    line = problem.workflow_command(level="warning")
    # One line: the data cannot start a second command on a line of its own.
    assert "\n" not in line and "\r" not in line
    # A line break in a problem is shown as its code point, never a break in the
    # log; "%" is still escaped as GitHub's rules say.
    assert "50%25 off<U+000D><U+000A>::error::injected, or: not" in line
    assert "file=odd%2C name%3A v1.yml," in line
    (command,) = commands(line)
    assert command.level == "warning"
    assert command.properties["file"] == "odd, name: v1.yml"
    assert command.message == hostile.replace("\r\n", "<U+000D><U+000A>")


def test_a_whole_file_problem_has_no_line() -> None:
    (command,) = commands(Problem("notes.yml", 0, "cannot be read").workflow_command())
    assert "line" not in command.properties
    assert command.properties["file"] == "notes.yml"


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="level"):
        Problem("glossary.yml", 1, "x").workflow_command(level="fatal")


def test_every_problem_of_a_real_error_can_be_annotated() -> None:
    text = "terms:\n  - term: X\n    category: nonsense\n"
    with pytest.raises(GlossaryError) as caught:
        parse(text.encode())
    lines = [p.workflow_command() for p in caught.value.problems]
    parsed = commands("\n".join(lines), "error")
    assert len(parsed) == len(caught.value.problems) >= 2
    assert {c.properties["line"] for c in parsed} <= {"2", "3"}
    assert [c.message for c in parsed] == [p.message for p in caught.value.problems]


def test_only_github_actions_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert in_github_actions()
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert not in_github_actions()
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert not in_github_actions()


def test_paths_are_relative_to_the_repository(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "repo" / "data" / "notes.yml"
    data.parent.mkdir(parents=True)
    data.write_text("notes: []\n", "utf-8")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    assert repository_path(data, tmp_path / "repo") == "data/notes.yml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert repository_path(data, tmp_path / "repo") == "repo/data/notes.yml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "elsewhere"))
    assert repository_path(data, tmp_path / "repo") == "data/notes.yml"
    assert repository_path(data, tmp_path / "other") == "notes.yml"
