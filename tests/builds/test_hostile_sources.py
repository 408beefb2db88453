"""``http://`` sources in a real build: a warning naming the file and the url's line
that suggests the https address, so ``--strict`` fails; ``scripts/check_glossary.py`` says the
same; ``http_only`` with a reason keeps an http address, and on an https address is a warning."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.build import ROOT, BuildResult, build, copy_project


def _first_https_url(path: Path) -> tuple[str, int, str]:
    """The first ``url: "https://..."`` line of a data file: (its text, its number, the URL)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found = re.fullmatch(r'\s*url: "(https://[^"]+)"', line)
        if found:
            return line, number, found.group(1)
    raise AssertionError(f"{path.name}: no https source")


def _edit(path: Path, line_number: int, new_lines: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line_number - 1:line_number] = [f"{line}\n" for line in new_lines]
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    """A copy whose glossary has a bare http source, whose notes keep one with ``http_only``
    and whose events mark an https source ``http_only``."""
    copy = copy_project(tmp_path_factory.mktemp("http-sources") / "project")
    places = {}
    for name in ("glossary.yml", "notes.yml", "events.yml"):
        path = copy / name
        line, number, url = _first_https_url(path)
        indent = line[: len(line) - len(line.lstrip())]
        if name == "glossary.yml":
            new = [line.replace(url, "http://" + url[len("https://"):])]
        elif name == "notes.yml":
            new = [line.replace(url, "http://" + url[len("https://"):]),
                   f'{indent}http_only: "The site has no https address (checked 2026-12-02)."']
        else:
            new = [line, f'{indent}http_only: "Kept by mistake."']
        _edit(path, number, new)
        places[name] = (number, url)
    return copy, places


@pytest.fixture(scope="module")
def result(project: tuple[Path, dict[str, tuple[int, str]]],
           tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(project[0], tmp_path_factory.mktemp("http-site") / "site")


def expected(places: dict[str, tuple[int, str]]) -> list[str]:
    """The two problems, as file:line and the words that matter, from the edits themselves."""
    g_line, g_url = places["glossary.yml"]
    e_line, e_url = places["events.yml"]
    bare = "http://" + g_url[len("https://"):]
    return [f"glossary.yml:{g_line}: ", f"is at {bare}, an unencrypted http:// address; write "
            f"{g_url} if the site serves the same page there",
            f"events.yml:{e_line}: ", f"is at {e_url}, an https address, but says 'http_only'"]


def test_an_http_source_fails_the_strict_build_with_the_https_address(
        result: BuildResult, project: tuple[Path, dict[str, tuple[int, str]]]) -> None:
    assert result.returncode != 0
    edition = [line for line in result.warnings if "edition:" in line]
    assert len(edition) == 2, result.warnings
    glossary_line, event_line = expected(project[1])[:2], expected(project[1])[2:]
    assert any(all(part in line for part in glossary_line) for line in edition), edition
    assert any(all(part in line for part in event_line) for line in edition), edition
    # The note's http source says why it is kept: no warning names notes.yml.
    assert not any("notes.yml" in line for line in result.warnings), result.warnings
    assert "Traceback" not in result.output


def test_check_glossary_reports_the_same_sources(
        project: tuple[Path, dict[str, tuple[int, str]]]) -> None:
    copy, places = project
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_glossary.py"),
                           str(copy / "glossary.yml")], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    parts = expected(places)
    assert any(all(part in line for part in parts[:2]) for line in lines), proc.stderr
    assert any(all(part in line for part in parts[2:]) for line in lines), proc.stderr
    assert not any(line.startswith("notes.yml") for line in lines), proc.stderr
    assert "Traceback" not in proc.stderr
