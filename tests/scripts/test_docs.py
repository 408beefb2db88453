"""The README and CONTRIBUTING are true: what they say of the quick check, `.ci/run`, the
workflows, the screenshots, the serve command and the notes' kinds is what the code does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.build import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
SITE = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_contributing_explains_every_note_kind_as_the_schema_does() -> None:
    schema = json.loads((ROOT / "notes.schema.json").read_text(encoding="utf-8"))
    kind = schema["$defs"]["note"]["properties"]["kind"]
    for value, meaning in zip(kind["enum"], kind["enumDescriptions"], strict=True):
        assert f"| `{value}` | {meaning} |" in CONTRIBUTING, value


def test_both_name_the_quick_check_and_the_time_the_full_tests_take() -> None:
    command = ".venv/bin/python scripts/check_glossary.py"
    assert command in README and command in CONTRIBUTING
    time = "about nine minutes on two otherwise idle cores"
    assert time in flat(README) and time in flat(CONTRIBUTING)
    assert "fifteen minutes" not in flat(README + CONTRIBUTING)
    assert "check_glossary.py" in SITE  # CI runs the same check
    assert "does not read notes" not in CONTRIBUTING


def test_the_readme_says_what_ci_run_does_and_where() -> None:
    assert "rm -rf .venv" in CI_RUN  # if it stops deleting the venv, change the README
    text = flat(README)
    assert "deletes the `.venv` of the checkout it runs in" in text
    assert "in a fresh clone" not in text
    assert "bash .ci/run" in SITE  # the workflow's test job calls it, as the README says
    assert "a second job runs `.ci/run` itself in a Debian container" in text


def test_the_screenshot_step_names_what_it_needs() -> None:
    assert "playwright" in (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    assert "playwright" in (ROOT / "requirements-test.txt").read_text(encoding="utf-8").lower()
    assert "playwright" not in (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    assert re.search(r"screenshots\.py.{0,200}requirements-test\.txt", flat(README))


def test_the_serve_command_says_how_to_use_another_port() -> None:
    for text in (README, CONTRIBUTING):
        assert "-a 127.0.0.1:8001" in flat(text)


def test_contributing_says_where_a_new_entry_goes() -> None:
    text = flat(CONTRIBUTING)
    assert "Order does not matter to the build" in text
    for step in ("Edit", "quick check", "mkdocs serve", "open the pull request", "summary"):
        assert step.lower() in text.lower(), step


#: Where CONTRIBUTING's first path ends (a comment that says so).
FIRST_PATH_END = "<!-- end of the first path"


def test_contributing_opens_with_the_first_path_in_at_most_150_lines() -> None:
    first = CONTRIBUTING[:CONTRIBUTING.index(FIRST_PATH_END)]
    assert len(first.splitlines()) <= 150
    for step in ("Fork and branch", "git switch -c", "Set up once", "Edit", "quick check",
                 "mkdocs serve", "mkdocs build --strict", "open the pull request"):
        assert step in first, step
    # The pull request's text is said once, in the path, not repeated in the reference.
    assert CONTRIBUTING.count("site-preview") == 1


def test_the_pull_request_template_has_the_checklist() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("scripts/check_glossary.py", "mkdocs serve", "source", "mkdocs.yml",
                 "CITATION.cff", "summary"):
        assert item in template, item
    assert template.count("- [ ]") >= 5
    assert ".github/pull_request_template.md" in CONTRIBUTING


def test_the_readme_first_screen_says_what_this_is_the_two_commands_and_where_next() -> None:
    first = README[:README.index("\n## ")]
    assert len(first.splitlines()) <= 30
    assert ".venv/bin/mkdocs serve" in first and "scripts/check_glossary.py" in first
    assert "-r requirements-test.txt && .venv/bin/python -m pytest" in first
    assert first.index("mkdocs serve") < first.index("python -m pytest") < first.index(
        "check_glossary.py")  # the two commands first
    assert "CONTRIBUTING.md" in first and "ARCHITECTURE.md" in first
    assert ".ci/run" not in first and "GitHub Actions" not in first  # CI lower down


def test_the_docs_say_nothing_untrue_that_was_found() -> None:
    text = flat(README + CONTRIBUTING)
    assert "Both need only Python 3" not in text
    assert "reader/colophon.py" not in CONTRIBUTING  # the changes are data in mkdocs.yml
    assert "30 November" not in README  # the results page is the benchmark's, quoted nowhere
    assert "-d site 8000" not in text  # the artifact holds the site's files at its top
    assert "when a change to the notes, the glossary or the events is released" not in text
    assert "NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict" in CONTRIBUTING
    assert "stop-words" not in text


def commands(text: str) -> list[str]:
    """The shell commands of a document's ``sh`` blocks, one a line."""
    blocks = re.findall(r"(?ms)^ *```sh\n(.*?)^ *```", text)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the project, as a clone has it (every file git would commit), committed,
    with ``origin/main`` at that commit and ``.venv`` the test's own environment (no second
    install)."""
    project = tmp_path_factory.mktemp("docs") / "project"
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not name.startswith("node_modules/"):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c",
           "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A", "--", ".", ":!.venv"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "clone"], cwd=project, check=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=project,
                   check=True)
    return project


def run_doc_command(command: str, project: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "CI")}
    return subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.mark.parametrize(("start", "expected"), [
    (".venv/bin/python scripts/check_glossary.py", "glossary.yml: OK"),
    ("NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict", ""),
    (".venv/bin/python scripts/pr_summary.py --base origin/main", "No change to the data files"),
    (".venv/bin/python scripts/unannotated.py", "names no entry covers"),
])
def test_each_command_contributing_gives_runs_in_a_fresh_copy(
        start: str, expected: str, fresh_copy: Path) -> None:
    (command,) = [c for c in commands(CONTRIBUTING) if c == start]
    result = run_doc_command(command, fresh_copy)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout + result.stderr
    assert "end of life" not in result.stdout + result.stderr  # Material's banner is silenced
    if "mkdocs build" in command:
        assert (fresh_copy / "site" / "index.html").is_file()
