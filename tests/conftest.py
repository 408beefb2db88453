"""Fixtures shared by every layer of tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.build import ROOT, BuildResult, build, in_process
from support.essay import Block, source_blocks


@pytest.fixture(scope="session")
def essay() -> list[Block]:
    """The essay's blocks, from the project's own copy of the source."""
    return source_blocks()


def _build_scope(fixture_name: str, config: pytest.Config) -> str:
    """One build per session; one per test when builds run in-process (``scripts/mutation.py``),
    so that every test that reads the site runs the code it depends on itself."""
    return "function" if in_process() else "session"


@pytest.fixture(scope=_build_scope)
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One real ``mkdocs build --strict`` of the project, shared by the session."""
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return result


@pytest.fixture(scope=_build_scope)
def site(built: BuildResult) -> Path:
    """The directory of the built site."""
    return built.site
