"""Valid HTML: every page passes the current Nu HTML Checker (vnu.jar, from npm's vnu-jar,
pinned in package.json and installed by ``npm ci``)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from support.build import ROOT, build, copy_project
from support.nu_known import KNOWN
from support.tools import require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str:
    """The Java runtime, for vnu.jar."""
    return require("java", install="sudo apt-get install default-jre-headless")


def check(site: Path) -> list[dict]:
    """The checker's error messages for every HTML page under ``site``."""
    if not VNU.exists():
        message = "the Nu HTML Checker is not installed: run 'npm ci' (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    proc = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
         str(site)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(proc.stderr or proc.stdout)
    return [m for m in report["messages"] if m.get("type") == "error"]


def describe(message: dict) -> str:
    where = message.get("url", "").split("/site/", 1)[-1]
    return f"{where}:{message.get('lastLine')}: {message['message']} {message.get('extract')!r}"


@pytest.fixture(scope="module")
def errors(site: Path) -> list[dict]:
    return check(site)


def test_our_markup_has_no_errors(errors: list[dict]) -> None:
    ours = [describe(m) for m in errors if not any(known.matches(m) for known in KNOWN)]
    assert ours == []


def test_every_known_material_error_still_occurs(errors: list[dict]) -> None:
    """An entry that matches nothing is stale: Material fixed it, so remove the entry."""
    assert [k.markup for k in KNOWN if not any(k.matches(m) for m in errors)] == []


def test_the_checker_catches_a_mistake_of_ours(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "essay" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<span id="p15">again</span>\n',
                    encoding="utf-8")
    result = build(project, tmp_path / "site", strict=False)
    ours = [m for m in check(result.site) if not any(k.matches(m) for k in KNOWN)]
    assert any("Duplicate ID" in m["message"] and "p15" in m["message"] for m in ours), ours
