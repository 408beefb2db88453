"""Property-based tests (hypothesis): any text or structure YAML can hold, in any field of
glossary.yml, notes.yml and events.yml, is either accepted or refused with located problems,
never a traceback. Each field of a good entry of each file is replaced in turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.data import events, glossary, notes
from edition.data.datafile import DataFileError

GOOD = {
    "glossary.yml": ({"terms": [{"term": "JCPOA", "aliases": ["Joint Plan"], "category": "treaty",
                                 "definition": "The agreement.", "case": "auto",
                                 "sources": [{"title": "S", "url": "https://example.org/s"}]}],
                      "actors": [{"name": "Iran", "kind": "state", "aliases": ["Iranians"],
                                  "description": "A state.", "term": "JCPOA",
                                  "sources": [{"title": "S", "url": "https://example.org/s"}]}]},
                     glossary.parse),
    "notes.yml": ({"notes": [{"id": "a-note", "quote": "in the following year", "kind": "context",
                              "note": "A *note*.", "before": "a", "after": "b",
                              "gloss": "A gloss.",
                              "sources": [{"title": "S", "url": "https://example.org/s"}]}]},
                  notes.parse),
    "events.yml": ({"events": [{"id": "deal", "date": "2015-07-14", "description": "A deal.",
                                "sources": [{"title": "S", "url": "https://example.org/s"}]}]},
                   events.parse),
}
#: Every field path of every good file: (file, list, index, key[, 0, subkey]).
FIELDS = [
    (name, (key, 0, field, *sub))
    for name, (value, _) in GOOD.items() for key, items in value.items()
    for field, content in items[0].items()
    for sub in ([(0, "title"), (0, "url")] if field == "sources" else [()])
]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
scalars = st.one_of(text, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)), max_leaves=8)
deep = st.integers(1, 1500).map(lambda n: "[" * n + "]" * n)


def put(value: dict[str, Any], path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    copy = yaml.safe_load(yaml.safe_dump(value))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    return copy


def check(parse: Callable[[bytes, str], Any], name: str, data: bytes) -> None:
    try:
        parse(data, name)
    except DataFileError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == name and problem.line >= 0 and problem.message
            assert "\n" not in str(problem)  # one line: nothing starts a line of a CI log


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), values)
def test_any_value_in_any_field_is_accepted_or_located(field: tuple[str, tuple[Any, ...]],
                                                       new: Any) -> None:
    name, path = field
    value, parse = GOOD[name]
    check(parse, name, yaml.safe_dump(put(value, path, new), allow_unicode=True).encode())


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(FIELDS), deep)
def test_any_nesting_in_any_field_is_located(field: tuple[str, tuple[Any, ...]],
                                             nested: str) -> None:
    name, path = field
    value, parse = GOOD[name]
    marker = "NESTED-HERE"
    dumped = yaml.safe_dump(put(value, path, marker), allow_unicode=True)
    check(parse, name, dumped.replace(marker, nested).encode())


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(list(GOOD)), st.binary(max_size=200))
def test_any_bytes_are_accepted_or_located(name: str, data: bytes) -> None:
    check(GOOD[name][1], name, data)


def test_the_good_files_load_so_each_case_changes_one_field() -> None:
    for name, (value, parse) in GOOD.items():
        parse(yaml.safe_dump(value).encode(), name)
