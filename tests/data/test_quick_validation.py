"""The quick schema check never passes what jsonschema refuses, and passes the real files.

Each real data file is broken in every place in many ways, one at a time; jsonschema, run
on each copy, is the reference.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from edition.data import datafile
from edition.data.events import SPEC as EVENTS
from edition.data.glossary import SPEC as GLOSSARY
from edition.data.notes import SPEC as NOTES
from support.build import ROOT

FILES = {"glossary.yml": GLOSSARY, "notes.yml": NOTES, "events.yml": EVENTS}
#: What a contributor might write instead of a value.
REPLACEMENTS: list[Any] = [
    None, True, 0, -1000, 1000.5, math.nan, math.inf, "", " ", "x" * 5000, "Bad Value!",
    [], ["a", "a"], [1], {}, {"unknown": 1}]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):  # the first few entries of each list
            yield from _paths(item, (*path, index))


def _copies(value: Any) -> Iterator[Any]:
    for path in _paths(value):
        if not path:
            continue
        for replacement in REPLACEMENTS:
            broken = copy.deepcopy(value)
            parent = broken
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = copy.deepcopy(replacement)
            yield broken
        broken = copy.deepcopy(value)
        parent = broken
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict):
            del parent[path[-1]]
            yield broken
        else:
            parent.append(copy.deepcopy(parent[path[-1]]))  # the same item twice
            yield broken


@pytest.mark.parametrize("name", FILES)
def test_the_real_file_passes_quickly(name: str) -> None:
    value, _ = datafile.read(ROOT / name, FILES[name])
    assert datafile.quick_valid(FILES[name], value)


@pytest.mark.parametrize("name", FILES)
def test_no_broken_copy_passes_that_jsonschema_refuses(name: str) -> None:
    spec = FILES[name]
    whole, _ = datafile.read(ROOT / name, spec)
    # The first entries of each list: every kind of field, small enough to copy often.
    value = {key: item[:3] if isinstance(item, list) else item for key, item in whole.items()}
    reference = jsonschema.Draft202012Validator(datafile.schema(spec))
    checked = 0
    for broken in _copies(value):
        if datafile.quick_valid(spec, broken):
            assert reference.is_valid(broken)
        else:
            checked += 1
    assert checked > 100  # the breakages were seen
