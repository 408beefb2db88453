"""The validator the loaders use (made once, references written out) judges as the schema does."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from edition.data import datafile
from edition.data.glossary import SPEC as GLOSSARY
from edition.data.notes import SPEC as NOTES
from support.build import ROOT

Edit = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return edit


def _drop(path: tuple[Any, ...]) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]
    return edit


GLOSSARY_EDITS: dict[str, Edit] = {
    "as written": lambda data: None,
    "a term with a trailing space": _set(("terms", 0, "term"), "JCPOA "),
    "an empty alias": _set(("terms", 1, "aliases"), [""]),
    "a definition missing": _drop(("terms", 2, "definition")),
    "a misspelt key": _set(("terms", 3, "defintion"), "text"),
    "a number for text": _set(("actors", 0, "description"), 12),
    "a bad category": _set(("terms", 0, "category"), "thing"),
    "a source that is not a URL": _set(("actors", 1, "sources"), [{"title": "t", "url": "x"}]),
    "a date without its event": _set(("actors", 2, "date"), "1991"),
    "an actor's bad case": _set(("actors", 0, "case"), "sometimes"),
    "an actor id with capitals": _set(("actors", 0, "id"), "Not An Id"),
}


def _errors(validator: jsonschema.Validator, data: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (tuple(map(str, e.absolute_path)), e.validator, e.message, json.dumps(e.validator_value))
        for e in validator.iter_errors(data)
    )


@pytest.mark.parametrize("name", list(GLOSSARY_EDITS))
def test_the_glossary_validator_agrees_with_the_schema_as_written(name: str) -> None:
    data = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    GLOSSARY_EDITS[name](data)
    reference = jsonschema.Draft202012Validator(datafile.schema(GLOSSARY))
    expected = _errors(reference, data)
    assert bool(expected) == (name != "as written")
    assert _errors(datafile.validator(GLOSSARY), data) == expected


@pytest.mark.parametrize(
    "edit",
    [lambda d: None, _set(("notes", 0, "quote"), " padded "), _drop(("notes", 0, "kind")),
     _set(("notes", 0, "date"), "2022"), _set(("notes", 0, "sources"), [{"url": "y"}]),
     _set(("notes", 0, "id"), "Not an id"), _drop(("notes", 0, "id"))],
)
def test_the_notes_validator_agrees_with_the_schema_as_written(edit: Edit) -> None:
    data = copy.deepcopy(yaml.safe_load((ROOT / "notes.yml").read_text(encoding="utf-8")))
    edit(data)
    reference = jsonschema.Draft202012Validator(datafile.schema(NOTES))
    assert _errors(datafile.validator(NOTES), data) == _errors(reference, data)


def test_the_validator_is_made_once() -> None:
    assert datafile.validator(GLOSSARY) is datafile.validator(GLOSSARY)


def test_an_edited_schema_gets_a_new_validator(tmp_path: Path) -> None:
    """The validator is kept by the schema's content, not its path or time stamp:
    a schema tightened in place, its time stamp kept, judges by its new rules."""
    schema_file = tmp_path / "glossary.schema.json"
    text = (ROOT / "glossary.schema.json").read_text(encoding="utf-8")
    schema_file.write_text(text, encoding="utf-8")
    stamp = schema_file.stat().st_mtime_ns
    spec = dataclasses.replace(GLOSSARY, schema_file=schema_file)
    data = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    first = datafile.validator(spec)
    assert datafile.validator(spec) is first and _errors(first, data) == []
    shortest = min(len(t["definition"]) for t in data["terms"])
    tightened = json.loads(text)
    tightened["$defs"]["term"]["properties"]["definition"]["maxLength"] = shortest - 1
    schema_file.write_text(json.dumps(tightened, indent=2, ensure_ascii=False),
                           encoding="utf-8")
    os.utime(schema_file, ns=(stamp, stamp))
    second = datafile.validator(spec)
    assert second is not first
    assert len(_errors(second, data)) == len(data["terms"])  # every definition, now too long
