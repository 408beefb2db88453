"""A build through MkDocs' Python API, in the test process (what ``scripts/mutation.py`` uses).

The mutation run needs builds in the test process, where it can see which code each test
runs; these tests show that such a build is the real build: strict and silent, the essay
verbatim, every glossary entry on its page, the same pages as ``mkdocs build``, and the same
again when the hook module stays loaded for a second build (as under ``mkdocs serve``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.build import (
    ROOT,
    BuildResult,
    build_in_process,
    build_scope,
    copy_project,
    replace_once,
)
from support.data import raw_entries
from support.essay import Block
from support.site import fidelity_problems, page


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of ``site`` by its path in the site."""
    return {
        html.relative_to(site).as_posix(): html.read_text(encoding="utf-8")
        for html in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope=build_scope)
def api_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project built in-process, strict."""
    return build_in_process(ROOT, tmp_path_factory.mktemp("api") / "site")


def test_an_in_process_build_is_strict_silent_and_faithful(
    api_build: BuildResult, essay: list[Block]
) -> None:
    assert api_build.returncode == 0, api_build.output
    assert api_build.warnings == []
    assert "Documentation built in" in api_build.output
    assert fidelity_problems(api_build.site, essay) == []
    glossary = page(api_build.site, "glossary/")
    terms = [entry for entry in raw_entries() if entry.kind == "term"]
    assert sorted(h2["id"] for h2 in glossary.select("article h2")) == sorted(e.id for e in terms)
    for entry in raw_entries():
        if entry.kind == "actor":
            heading = page(api_build.site, f"actors/{entry.id}/").select_one("article h1")
            assert heading is not None and entry.name in heading.get_text(), entry.id


def test_it_writes_the_same_pages_as_the_command_and_again_on_a_second_build(
    api_build: BuildResult, site: Path, tmp_path: Path
) -> None:
    again = build_in_process(ROOT, tmp_path / "again")
    assert again.returncode == 0, again.output
    assert pages(api_build.site) == pages(site)
    assert pages(again.site) == pages(api_build.site)


def test_a_bad_glossary_fails_it_with_the_message_and_no_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "glossary.yml", "definition:", "defintion:")
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert "unknown key 'defintion'. Did you mean 'definition'?" in result.output
    assert result.output.splitlines()[-1] == "Aborted with a BuildError!"
