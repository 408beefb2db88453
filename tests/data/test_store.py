"""The store of data readings on disk: kept by their inputs, a miss on any failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition.data import store
from edition.data.glossary import parse
from support.build import ROOT


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "store"
    monkeypatch.setenv(store.VARIABLE, str(where))
    return where


def test_a_value_put_is_got_back_whole(kept: Path) -> None:
    glossary = parse((ROOT / "glossary.yml").read_bytes(), "glossary.yml")
    name = store.key("test", b"glossary")
    store.put(name, glossary)
    assert [p.name for p in kept.iterdir()] == [name]  # no temporary file left behind
    assert store.get(name) == glossary
    assert store.get(store.key("test", b"another")) is None


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.VARIABLE, "off")
    assert store.directory() is None
    store.put("anything", 1)
    assert store.get("anything") is None


def test_without_the_variable_the_store_is_the_users_cache(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.delenv(store.VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    where = store.directory()
    assert where is not None and where.is_relative_to(tmp_path)
    assert ROOT not in where.parents


def test_a_damaged_or_foreign_file_is_a_miss(kept: Path) -> None:
    name = store.key("test", b"damaged")
    kept.mkdir()
    (kept / name).write_bytes(b"\x80\x05not a pickle at all")
    assert store.get(name) is None


def test_a_directory_that_cannot_be_written_costs_nothing_but_the_miss(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(store.VARIABLE, str(blocker / "store"))
    store.put("name", {"a": 1})  # no exception
    assert store.get("name") is None


def test_every_input_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    base = store.key("read", "glossary.yml", b"bytes")
    assert base.startswith("read-")
    assert store.key("read", "glossary.yml", b"bytes") == base
    assert store.key("read", "glossary.yml", b"byteS") != base
    assert store.key("read", "notes.yml", b"bytes") != base
    assert store.key("zipf", "glossary.yml", b"bytes") != base
    # parts are framed: moving a byte from one part to the next is another key
    assert store.key("read", "glossary.ym", b"lbytes") != base
    monkeypatch.setattr(store, "code_version", lambda: b"other code")
    assert store.key("read", "glossary.yml", b"bytes") != base


def test_the_code_version_reads_the_package_and_its_libraries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = store.code_version()
    package = tmp_path / "edition"
    (package / "data").mkdir(parents=True)
    (package / "data" / "module.py").write_text("x = 1\n")
    (package / "world.json").write_text("{}")
    store.code_version.cache_clear()
    try:
        monkeypatch.setattr(store, "_PACKAGE", package)
        first = store.code_version()
        store.code_version.cache_clear()
        (package / "world.json").write_text('{"a": 1}')
        second = store.code_version()
        store.code_version.cache_clear()
        (package / "data" / "notes.txt").write_text("not code")
        assert store.code_version() == second != first
        store.code_version.cache_clear()
        monkeypatch.setattr(store, "_installed", lambda: ["site-packages/wordfreq-9.9.dist-info"])
        assert store.code_version() != second
    finally:
        store.code_version.cache_clear()
    monkeypatch.undo()
    assert store.code_version() == before
    # what is installed beside the judging libraries is read where they are
    installed = [Path(name).name.lower() for name in store._installed()]
    for distribution in store.LIBRARIES:
        assert any(name.startswith(distribution.lower().replace("-", "_") + "-")
                   for name in installed), distribution


def test_only_the_newest_readings_are_kept(kept: Path) -> None:
    for number in range(store.KEEP + 5):
        store.put(f"reading-{number:03d}", number)
        os.utime(kept / f"reading-{number:03d}", (number, number))
    names = sorted(p.name for p in kept.iterdir())
    assert len(names) == store.KEEP
    assert names[0] == "reading-005" and names[-1] == f"reading-{store.KEEP + 4:03d}"


def test_a_pure_functions_answers_are_kept_by_its_arguments(kept: Path) -> None:
    calls: list[tuple[int, float]] = []

    def square(n: int, scale: float) -> tuple[float, ...]:
        calls.append((n, scale))
        return tuple(i * i * scale for i in range(n))

    first = store.kept("test-square")(square)
    assert first(3, 0.5) == (0.0, 0.5, 2.0) and calls == [(3, 0.5)]
    again = store.kept("test-square")(square)  # as a new process would wrap it
    assert again(3, 0.5) == (0.0, 0.5, 2.0) and calls == [(3, 0.5)]
    assert again(3, 0.25) == (0.0, 0.25, 1.0) and calls == [(3, 0.5), (3, 0.25)]
    assert store.kept("test-other")(square)(3, 0.5) == (0.0, 0.5, 2.0) and len(calls) == 3
