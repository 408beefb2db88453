"""Fixtures shared by every layer of tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.build import ROOT, BuildResult, build
from support.essay import Block, source_blocks


@pytest.fixture(scope="session")
def essay() -> list[Block]:
    """The essay's blocks, from the project's own copy of the source."""
    return source_blocks()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One real ``mkdocs build --strict`` of the project, shared by the session."""
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site(built: BuildResult) -> Path:
    """The directory of the built site."""
    return built.site
