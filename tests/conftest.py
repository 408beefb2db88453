"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from support.build import ROOT, BuildResult, build, build_scope, in_process
from support.essay import Block, source_blocks


@pytest.fixture(scope="session")
def essay() -> list[Block]:
    """The essay's blocks, from the project's own copy of the source."""
    return source_blocks()


@pytest.fixture(scope="session", autouse=True)
def _edition_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every build of the run keeps its readings (``edition.data.store``) in a directory of the
    run's own, so that no result depends on what an earlier run left in the user's cache,
    and the run writes nothing there. The first build of each file's content computes it;
    the others read it back, as a user's second build does.

    Under mutmut (``scripts/mutation.py``) the store is off: every mutant runs from the same
    files, so a reading kept from the unmutated code would hide a mutant of the code that
    reads."""
    if in_process() and os.environ.get("MUTANT_UNDER_TEST"):
        os.environ["EDITION_CACHE"] = "off"
        return
    os.environ.setdefault("EDITION_CACHE", str(tmp_path_factory.mktemp("edition-store")))


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Under mutmut (``scripts/mutation.py``), empty the package's per-process caches before
    each test. While mutmut records which code each test runs, only the first test to fill a
    cache would otherwise be recorded as running the code that fills it (the schema
    validators, the cached helpers); and each mutant's tests run in a process forked from
    mutmut's, whose caches the unmutated code has filled, which would hide that code's
    mutants."""
    if not (in_process() and os.environ.get("MUTANT_UNDER_TEST")):
        return
    for name, module in list(sys.modules.items()):
        if not name.startswith("edition."):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    datafile = sys.modules.get("edition.data.datafile")
    if datafile is not None:
        datafile._SCHEMAS.clear()
        datafile._VALIDATORS.clear()


@pytest.fixture(scope=build_scope)
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One real ``mkdocs build --strict`` of the project, shared by the session."""
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return result


@pytest.fixture(scope=build_scope)
def site(built: BuildResult) -> Path:
    """The directory of the built site."""
    return built.site


@pytest.fixture(scope=build_scope)
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, object]:
    """The hostile build of ``tests/builds/test_hostile.py``, shared by the session: that
    module and the exports' tests read the same site."""
    from builds.test_hostile import hostile_build

    return hostile_build(tmp_path_factory)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With builds in-process (``scripts/mutation.py``), run the tests that build last: mutmut
    stops at the first failure, and most mutants fail a quick test first."""
    if in_process():
        builds = {"site", "built", "tmp_path"}
        items.sort(key=lambda item: bool(builds & set(getattr(item, "fixturenames", ()))))
