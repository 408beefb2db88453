"""The README and CONTRIBUTING are true: what they say of the quick check, `.ci/run`, the
workflows, the screenshots, the serve command and the notes' kinds is what the code does."""

from __future__ import annotations

import json
import re

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
    time = "about fourteen minutes"
    assert time in flat(README) and time in flat(CONTRIBUTING)
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
    for step in ("Edit", "quick check", "mkdocs serve", "Open the pull request", "summary"):
        assert step in text, step
