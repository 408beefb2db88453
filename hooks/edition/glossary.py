"""Load and validate ``glossary.yml``: untrusted input from pull requests.

Every problem is reported with the file, the line, the entry and what to fix, and
nothing is returned unless the whole file is sound. Structure is checked against
``glossary.schema.json`` (the same schema editors use); what a schema cannot say
(duplicates across entries, YAML's surprises) is checked here.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from edition.forms import fold

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "glossary.schema.json"
MAX_BYTES = 1024 * 1024
MAX_YAML_EVENTS = 200_000

#: YAML tags that mean "not text", with what a contributor typed to get them.
_TYPE_NAMES = {
    bool: "a yes/no value (YAML reads NO, no, yes, on, off, true, false that way)",
    int: "a number",
    float: "a number",
    type(None): "nothing (an empty value or ~ or null)",
    list: "a list",
    dict: "a mapping of keys",
    str: "text",
    datetime.date: "a date",
    datetime.datetime: "a date and time",
}
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
#: The entry lists of the file and the key that names an entry in each.
_LIST_KEYS = {"terms": "term", "actors": "name"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where it is and what to do."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class GlossaryError(Exception):
    """The glossary cannot be used; ``problems`` says why, one line each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in the glossary:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Source:
    """A reference supporting an entry."""

    title: str
    url: str


@dataclass(frozen=True)
class Entry:
    """A glossary term or an actor: what the essay calls it and what it is.

    ``kind`` is "term" or "actor"; ``category`` is the term's category or the actor's
    kind (person, state, organisation, group); ``summary`` is the definition or the
    description. ``forms`` are the forms this entry owns: a term's name and aliases, an
    actor's aliases. ``term`` is the id of the glossary term an actor is one with.
    """

    kind: str
    id: str
    name: str
    aliases: tuple[str, ...]
    forms: tuple[str, ...]
    category: str
    summary: str
    note: str | None
    sources: tuple[Source, ...]
    case: str
    line: int
    term: str | None = None


@dataclass(frozen=True)
class Glossary:
    """The validated contents of ``glossary.yml``."""

    file: str
    terms: tuple[Entry, ...]
    actors: tuple[Entry, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry: terms, then actors."""
        return self.terms + self.actors

    def term(self, entry_id: str) -> Entry:
        """The term with id ``entry_id``."""
        return next(term for term in self.terms if term.id == entry_id)

    def actor_for(self, term: Entry) -> Entry | None:
        """The actor that is one with ``term``, if any."""
        return next((actor for actor in self.actors if actor.term == term.id), None)


def slugify(text: str) -> str:
    """A stable anchor id: ASCII lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "entry"


def load(path: Path, display_name: str | None = None) -> Glossary:
    """Read and validate the glossary at ``path``; raise :class:`GlossaryError` if unsound."""
    name = display_name or path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError([Problem(name, 0, f"cannot be read: {error.strerror}")]) from None
    return parse(data, name)


def parse(data: bytes, name: str = "glossary.yml") -> Glossary:
    """Validate the bytes of a glossary file named ``name``."""
    if len(data) > MAX_BYTES:
        raise GlossaryError([Problem(
            name, 0, f"is {len(data):,} bytes; the limit is {MAX_BYTES:,}. Split off or shorten "
            "notes: the glossary explains one essay."
        )])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError([Problem(
            name, line, "is not valid UTF-8 text; save the file as UTF-8."
        )]) from None
    root = _compose(text, name)
    lines = _LineMap(name)
    value = lines.build(root)
    problems = lines.problems + _schema_problems(value, lines)
    if problems:
        raise GlossaryError(problems)
    terms = tuple(_term(raw, index, lines) for index, raw in enumerate(value["terms"]))
    actors, problems = _actors(value.get("actors", []), terms, lines)
    problems += _duplicate_problems(terms + actors, name)
    if problems:
        raise GlossaryError(sorted(problems, key=lambda problem: problem.line))
    return Glossary(name, terms, actors)


# ---- YAML -------------------------------------------------------------------------


def _compose(text: str, name: str) -> yaml.Node:
    """Parse YAML safely: no anchors or aliases, no custom tags, one document."""
    try:
        for count, event in enumerate(yaml.parse(text, Loader=yaml.SafeLoader)):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise GlossaryError([Problem(
                    name, line, "YAML anchors (&name) and aliases (*name) are not allowed: "
                    "write each entry out in full."
                )])
            if count > MAX_YAML_EVENTS:
                raise GlossaryError([Problem(
                    name, line, "has far too many items to be a glossary of one essay."
                )])
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        problem = error.problem or error.context or "cannot be parsed"
        raise GlossaryError([Problem(
            name, line, f"malformed YAML{column}: {problem}. Check the indentation and that "
            "text containing ': ' or starting with a quote, [ or { is quoted."
        )]) from None
    except yaml.YAMLError as error:
        raise GlossaryError([Problem(name, 0, f"malformed YAML: {error}")]) from None
    if root is None:
        raise GlossaryError([Problem(name, 1, "is empty: it needs a 'terms:' list.")])
    return root


class _LineMap:
    """Builds Python values from YAML nodes, remembering the line of every value and key."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[tuple[Any, ...], int] = {}
        self.sources: dict[tuple[Any, ...], str] = {}
        self.key_lines: dict[tuple[Any, ...], int] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def line(self, path: tuple[Any, ...]) -> int:
        """The line of the value at ``path``, or of its nearest ancestor."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def build(self, node: yaml.Node, path: tuple[Any, ...] = ()) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
            self.problems.append(Problem(
                self.name, node.start_mark.line + 1,
                f"{_where(path)}the YAML tag {node.tag!r} is not allowed; use plain text.",
            ))
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node, path)
                if not isinstance(key, str):
                    self.problems.append(Problem(
                        self.name, key_node.start_mark.line + 1,
                        f"{_where(path)}the key {key!r} is not a name; keys are words like "
                        "'term' or 'definition'.",
                    ))
                    continue
                if key in result:
                    self.problems.append(Problem(
                        self.name, key_node.start_mark.line + 1,
                        f"{_where(path)}'{key}' appears twice in the same entry; keep one.",
                    ))
                self.key_lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: tuple[Any, ...]) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return node  # a mapping or list used as a key; reported by the caller
        self.sources[path] = node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problems.append(Problem(
                self.name, node.start_mark.line + 1,
                f"{_where(path)}{error.problem}; use plain text.",
            ))
            return None


def _where(path: tuple[Any, ...]) -> str:
    if len(path) >= 2 and path[0] in _LIST_KEYS and isinstance(path[1], int):
        return f"{path[0]}[{path[1]}]: "
    return ""


# ---- Schema -----------------------------------------------------------------------


_SCHEMA: dict[str, Any] | None = None


def schema() -> dict[str, Any]:
    """The JSON Schema of ``glossary.yml`` (``glossary.schema.json`` at the top level)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return _SCHEMA


def _schema_problems(value: Any, lines: _LineMap) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema())
    errors = [(tuple(error.absolute_path), error) for error in validator.iter_errors(value)]
    # A misspelt key is reported once, as a misspelling, not also as a missing key.
    misspelt = {
        (path, guess)
        for path, error in errors if error.validator == "additionalProperties"
        for key in error.instance if key not in error.schema.get("properties", {})
        for guess in difflib.get_close_matches(key, list(error.schema.get("properties", {})), 1)
    }
    problems: list[Problem] = []
    for path, error in errors:
        if error.validator == "required" and (path, _required_key(error)) in misspelt:
            continue
        line, message = _explain(error, path, lines)
        problem = Problem(lines.name, line, _entry_label(value, path) + message)
        if problem not in problems:  # e.g. an empty text breaks both minLength and pattern
            problems.append(problem)
    return sorted(problems, key=lambda problem: problem.line)


def _required_key(error: jsonschema.ValidationError) -> str:
    found = re.search(r"'([^']+)' is a required property", error.message)
    return found.group(1) if found else error.message


def _entry_label(value: Any, path: tuple[Any, ...]) -> str:
    if len(path) < 2 or path[0] not in _LIST_KEYS or not isinstance(path[1], int):
        return ""
    entry = value[path[0]][path[1]]
    name = entry.get(_LIST_KEYS[path[0]]) if isinstance(entry, dict) else None
    label = f"{path[0]}[{path[1]}]"
    return f"{label} '{name}': " if isinstance(name, str) else f"{label}: "


def _field(path: tuple[Any, ...]) -> str:
    """How a message names the value at ``path``: "'sources[0].url'", "this entry"."""
    in_entry = len(path) >= 2 and path[0] in _LIST_KEYS and isinstance(path[1], int)
    if in_entry and len(path) == 2:
        return "this entry"
    names = [str(p) for p in (path[2:] if in_entry else path)]
    text = ""
    for part in names:
        text += f"[{part}]" if part.isdigit() else (f".{part}" if text else part)
    return f"'{text}'" if text else "the file"


def _explain(
    error: jsonschema.ValidationError, path: tuple[Any, ...], lines: _LineMap
) -> tuple[int, str]:
    """Turn a schema error into a line number and advice a contributor can act on."""
    line = lines.line(path)
    kind = error.validator
    subschema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "additionalProperties":
        allowed = sorted(subschema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        key = unknown[0]
        line = lines.key_lines.get((*path, key), line)
        guess = difflib.get_close_matches(key, allowed, n=1)
        hint = f" Did you mean '{guess[0]}'?" if guess else ""
        return line, f"unknown key '{key}'.{hint} Allowed keys: {', '.join(allowed)}."
    if kind == "required":
        field = _required_key(error)
        where = "the file" if not path else "this entry"
        return line, f"{where} has no '{field}'; add it."
    if kind == "type":
        expected = {"string": "text", "array": "a list", "object": "a mapping of keys"}.get(
            str(error.validator_value), str(error.validator_value)
        )
        got = _TYPE_NAMES.get(type(error.instance), type(error.instance).__name__)
        written = lines.sources.get(path)
        hint = f' Put it in quotes: "{written}".' if written and expected == "text" else ""
        return line, f"{_field(path)} must be {expected}, but YAML read {got}.{hint}"
    if kind in ("minLength", "pattern") and isinstance(error.instance, str) and (
        not error.instance.strip()
    ):
        return line, f"{_field(path)} is empty; write the text or remove the key."
    if kind == "maxLength":
        return line, (
            f"{_field(path)} is {len(error.instance)} characters long; the limit is "
            f"{error.validator_value}. Shorten it."
        )
    if kind == "minItems":
        return line, f"{_field(path)} needs at least {error.validator_value} item(s)."
    if kind == "maxItems":
        return line, f"{_field(path)} has more than {error.validator_value} items."
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return line, f"{_field(path)} is {error.instance!r}; it must be one of: {options}."
    if kind == "pattern":
        advice = {
            "url": "an http:// or https:// address without spaces or quotes",
            "id": "lower-case letters and digits joined by single hyphens, e.g. 'treaty-of-1921'",
        }.get(str(path[-1]), "text without leading or trailing spaces")
        return line, f"{_field(path)} is {error.instance!r}; it must be {advice}."
    return line, f"{_field(path)}: {error.message}"


# ---- Entries ----------------------------------------------------------------------


def _common(raw: dict[str, Any], name: str, summary: str) -> dict[str, Any]:
    return {
        "id": raw.get("id") or slugify(name),
        "name": name,
        "aliases": tuple(raw.get("aliases", ())),
        "summary": _plain(raw[summary]),
        "note": _plain(raw["note"]) if "note" in raw else None,
        "sources": tuple(Source(s["title"].strip(), s["url"]) for s in raw["sources"]),
        "case": raw.get("case", "auto"),
    }


def _term(raw: dict[str, Any], index: int, lines: _LineMap) -> Entry:
    common = _common(raw, raw["term"], "definition")
    return Entry(kind="term", forms=(raw["term"], *common["aliases"]), category=raw["category"],
                 line=lines.line(("terms", index)), **common)


def _actors(
    raws: list[dict[str, Any]], terms: tuple[Entry, ...], lines: _LineMap
) -> tuple[tuple[Entry, ...], list[Problem]]:
    """The actors, each linked to its glossary term, and what is wrong with the links."""
    by_form = {fold(form): term for term in terms for form in term.forms}
    linked: dict[str, Entry] = {}
    actors: list[Entry] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raws):
        common = _common(raw, raw["name"], "description")
        actor = Entry(kind="actor", forms=common["aliases"], category=raw["kind"],
                      line=lines.line(("actors", index)), **common)
        term_id = None
        if "term" in raw:
            term = by_form.get(fold(raw["term"]))
            if term is None:
                problems.append(Problem(
                    lines.name, lines.line(("actors", index, "term")),
                    f"actor '{actor.name}': 'term' is '{raw['term']}', which is no term or alias "
                    "in the glossary; name a glossary term or remove 'term'.",
                ))
            elif term.id in linked:
                problems.append(Problem(
                    lines.name, lines.line(("actors", index, "term")),
                    f"actor '{actor.name}': the term '{term.name}' is already the term of actor "
                    f"'{linked[term.id].name}' (line {linked[term.id].line}); a term can be one "
                    "with one actor only.",
                ))
            else:
                term_id = term.id
                linked[term.id] = actor
        if not actor.forms and "term" not in raw:
            problems.append(Problem(
                lines.name, actor.line,
                f"actor '{actor.name}' has no forms: list in 'aliases' how the essay refers to "
                "it, or name its glossary 'term'.",
            ))
        actors.append(replace(actor, term=term_id))
    return tuple(actors), problems


def _plain(text: str) -> str:
    """Folded YAML text as one paragraph: runs of white space become one space."""
    return re.sub(r"\s+", " ", text).strip()


def _duplicate_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    problems: list[Problem] = []
    forms: dict[str, tuple[Entry, str]] = {}
    ids: dict[tuple[str, str], Entry] = {}  # anchors on the glossary page, actor pages
    for entry in entries:
        if (entry.kind, entry.id) in ids:
            other = ids[entry.kind, entry.id]
            problems.append(Problem(
                name, entry.line, f"{entry.kind} '{entry.name}' has the id '{entry.id}', like "
                f"{other.kind} '{other.name}' (line {other.line}); give one of them a distinct "
                "'id'.",
            ))
        ids.setdefault((entry.kind, entry.id), entry)
        for form in entry.forms:
            key = fold(form)
            if key not in forms:
                forms[key] = (entry, form)
                continue
            other, other_form = forms[key]
            if other is entry:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}' lists '{form}' twice "
                    f"(as '{other_form}' and '{form}'); keep one.",
                ))
            else:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}' claims '{form}', which "
                    f"{other.kind} '{other.name}' (line {other.line}) already has as "
                    f"'{other_form}'; a form may belong to one entry only.",
                ))
    return problems

