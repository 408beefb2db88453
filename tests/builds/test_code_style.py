"""The code is ruff clean (the settings are in pyproject.toml), and its comments say why."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support.build import ROOT


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "hooks", "tests", "scripts"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


#: An issue number: "issue" or "Issues" with a number, or "#" and two digits on its own (not a
#: character reference such as ``&#39;``, a colour, an address's fragment or a quoted string).
ISSUE_NUMBER = re.compile(r"\b[Ii]ssues? ?#?\d+\b|(?<![&\w/])#\d{2}\b(?![\w\"'-])")
#: Where code, comments and docstrings live. Test fixtures are data and are not scanned.
SCANNED = ("hooks", "scripts", "tests", "docs/assets", ".ci", ".github")
SKIPPED = ("tests/fixtures/",)
SCANNED_FILES = ("ARCHITECTURE.md", "requirements.txt", "requirements-test.txt", "package.json")


def _scanned_files() -> list[Path]:
    files = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if (path.is_file() and "__pycache__" not in path.parts
                    and not relative.startswith(SKIPPED)):
                files.append(path)
    return files


def test_comments_say_why_not_when() -> None:
    """No issue number in code, comments, docstrings or test names: git says when a line
    came; a comment says why it is there. (Issue numbers belong in commit messages, the
    changelog and maintainers/.)"""
    found = []
    for path in _scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file
        for number, line in enumerate(text.splitlines(), 1):
            if ISSUE_NUMBER.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "\n".join(found)
