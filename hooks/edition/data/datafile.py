"""Read a YAML data file from contributors (glossary.yml, notes.yml, events.yml) safely.

Untrusted input: no anchors or aliases, no custom tags, bounded size; structure checked
against the file's JSON Schema; every problem reported with the file, the line, the entry
and what to fix, all at once. The callers add the checks a schema cannot express.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
import yaml.resolver

from edition.data import characters

if TYPE_CHECKING:  # imported where a file breaks its schema: see _schema_problems
    import jsonschema

#: libyaml's C parser where PyYAML has it (the same events and marks, several times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1024 * 1024
MAX_YAML_EVENTS = 200_000
#: How deep lists and mappings may nest: a data file needs five levels (deeper
#: nesting is refused before anything recursive sees it).
MAX_DEPTH = 20
_MERGE_TAG = "tag:yaml.org,2002:merge"

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
_STR_TAG = "tag:yaml.org,2002:str"
#: A source's address: http(s), in the characters RFC 3986 allows in a URL (brackets only
#: for IPv6 hosts, so not here), with well-formed percent escapes. The schemas say the same.
URL_PATTERN = r"^https?://(?:[A-Za-z0-9._~:/?#@!$&()*+,;=-]|%[0-9A-Fa-f]{2})+$"

@dataclass(frozen=True)
class Spec:
    """What a data file is: its schema, its entry lists and how messages name it."""

    schema_file: Path
    #: The entry lists of the file and the key that names an entry in each.
    lists: dict[str, str]
    #: How messages refer to the file's contents: "the glossary".
    title: str


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where it is and what to do."""

    file: str
    line: int
    message: str

    def __post_init__(self) -> None:
        # Contributors' text in a message is shown, never obeyed: an invisible or
        # direction-changing character, or a line break that would start a line of a CI log
        # (where "::error" is a workflow command), is written as its code point.
        object.__setattr__(self, "message", characters.visible(self.message))
        object.__setattr__(self, "file", characters.visible(self.file))

    def __str__(self) -> str:
        if self.line <= 0:  # the file as a whole (its size, its absence): no line to name
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"

    def workflow_command(self, path: str | None = None, level: str = "error") -> str:
        """The problem as a GitHub Actions workflow command, shown on its line of a diff.

        ``path`` is the file relative to the repository root (default: ``file``); ``level``
        is ``error``, ``warning`` or ``notice``. Values are escaped as GitHub's rules say.
        """
        if level not in ("error", "warning", "notice"):
            raise ValueError(f"level must be error, warning or notice, not {level!r}")
        file = path or self.file
        properties = {"file": file, "line": str(self.line) if self.line > 0 else None,
                      "title": f"{_TITLES[level]} {file}"}
        fields = ",".join(f"{key}={_escape_property(value)}"
                          for key, value in properties.items() if value is not None)
        return f"::{level} {fields}::{_escape_data(self.message)}"


_TITLES = {"error": "Problem in", "warning": "Warning in", "notice": "Note on"}


def _escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped (GitHub's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property: also ``:`` and ``,`` (GitHub's ``escapeProperty``)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def in_github_actions() -> bool:
    """Whether this runs in a GitHub Actions job, where workflow commands annotate the diff."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def repository_path(path: Path, project: Path) -> str:
    """``path`` relative to the repository root, as annotations need it.

    The root is ``GITHUB_WORKSPACE`` when ``path`` lies inside it, else ``project`` (the
    folder of ``mkdocs.yml``, which is the repository's root in this project).
    """
    path = path.resolve()
    for root in (os.environ.get("GITHUB_WORKSPACE"), project):
        if root and path.is_relative_to(Path(root).resolve()):
            return path.relative_to(Path(root).resolve()).as_posix()
    return path.name


class DataFileError(Exception):
    """The file cannot be used; ``problems`` says why, one line each."""

    def __init__(self, problems: list[Problem], title: str = "the file") -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in {title}:\n" + "\n".join(f"  {p}" for p in problems))


def read(path: Path, spec: Spec, display_name: str | None = None) -> tuple[Any, LineMap]:
    """Read and check the file at ``path``; raise :class:`DataFileError` if unsound."""
    name = display_name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # checked before reading: a huge file is never read whole
            raise DataFileError([_too_big(name, size, spec)], spec.title)
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise DataFileError([Problem(name, 0, f"cannot be read: {error.strerror}")],
                            spec.title) from None
    return parse(data, spec, name)


def parse(data: bytes, spec: Spec, name: str) -> tuple[Any, LineMap]:
    """Check the bytes of a data file named ``name``: its value and where each part is."""
    def fail(problems: list[Problem]) -> DataFileError:
        return DataFileError(problems, spec.title)

    if len(data) > MAX_BYTES:
        raise fail([_too_big(name, len(data), spec)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise fail([Problem(name, line, "is not valid UTF-8 text; save the file as UTF-8.")]
                   ) from None
    try:
        root = _compose(text, name)
    except DataFileError as error:
        raise fail(error.problems) from None
    if root is None:
        first = next(iter(spec.lists))
        raise fail([Problem(name, 1, f"is empty: it needs a '{first}:' list.")])
    lines = LineMap(name, spec)
    value = lines.build(root)
    problems = (lines.problems + character_problems(value, lines) + number_problems(value, lines)
                + _schema_problems(value, lines))
    if problems:
        raise fail(problems)
    return value, lines


def _too_big(name: str, size: int, spec: Spec) -> Problem:
    return Problem(name, 0, (
        f"is {size:,} bytes; the limit for {spec.title} is {MAX_BYTES:,} bytes. Check that this "
        "is the right file (not a generated or binary one); if it is, shorten the longest "
        "texts or move entries no page needs out of it."
    ))


def character_problems(value: Any, lines: LineMap) -> list[Problem]:
    """Every text holding a character no reader could see (:mod:`edition.data.characters`)."""
    problems = []
    for path, text, is_key in characters.walk(value):
        found = characters.refused(text, not is_key and bool(path) and
                                   path[-1] in characters.MULTILINE)
        if found is None:
            ref = characters.reference(text)
            if ref is None:
                continue
            index, written, named = ref
            found = (index, "&", characters.reference_advice(written, named))
        index, char, why = found
        line = lines.key_lines[path] if is_key else lines.line(path)
        if not is_key and "\n" in text[:index] and path in lines.block_scalars:
            line += text[:index].count("\n") + 1  # a block scalar starts on the next line
        field = _field(path[:-1], lines.spec.lists) if is_key else _field(
            path, lines.spec.lists)
        what = f"the key '{text}' in {field}" if is_key else field
        problems.append(Problem(lines.name, line, (
            f"{_entry_label(value, path, lines.spec.lists)}{what} holds "
            f"{characters.describe(char)} at character {index + 1}: {why}."
        )))
    return problems


def number_problems(value: Any, lines: LineMap) -> list[Problem]:
    """Every number that is not finite (YAML's ``.nan``, ``.inf``): no range a schema sets
    holds it back, since every comparison with ``nan`` is false."""
    problems = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            problems.append(Problem(lines.name, lines.line(path), (
                f"{_entry_label(value, path, lines.spec.lists)}{_field(path, lines.spec.lists)} "
                f"is {lines.sources.get(path, str(item))!r}, which is not a finite number; "
                "write the number in decimal degrees, as the source gives it.")))
        elif isinstance(item, dict):
            stack.extend(((*path, key), child) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend(((*path, i), child) for i, child in enumerate(item))
    return problems


def shortened(items: list[str], most: int = 5) -> str:
    """``items`` joined with commas, cut after ``most`` with a count: "¶5, ¶7 and 1,185
    more" (a message stays readable however many places it names)."""
    if len(items) <= most:
        return ", ".join(items)
    return f"{', '.join(items[:most])} and {len(items) - most:,} more"


def plain(text: str) -> str:
    """Folded YAML text as one paragraph: runs of white space become one space."""
    return " ".join(text.split())  # the white space of re's \s, without a regex per value


# ---- YAML -------------------------------------------------------------------------


def _checked_events(text: str, name: str) -> Iterator[yaml.Event]:
    """The YAML events of ``text``, each after the checks of the stream so far: nesting
    depth, no anchors or aliases, not too many items."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=_LOADER)):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataFileError([Problem(
                    name, line, f"lists or mappings nest more than {MAX_DEPTH} levels deep "
                    "here; an entry needs at most four (an entry, its sources, a source, "
                    "its fields). Check the brackets and the indentation."
                )])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataFileError([Problem(
                name, line, "YAML anchors (&name) and aliases (*name) are not allowed: "
                "write each entry out in full."
            )])
        if count > MAX_YAML_EVENTS:
            raise DataFileError([Problem(
                name, line, "has far too many items to be a glossary of one essay."
            )])
        yield event


def _compose(text: str, name: str) -> yaml.Node | None:
    """Parse YAML safely: no anchors or aliases, no custom tags, one document."""
    try:
        # The tree is built as the events arrive, never holding the whole stream of events
        # (a large file's stream is several times its tree).
        events = _checked_events(text, name)
        root = _nodes(events)
        if root is _SEVERAL:  # more than one document: YAML's own composer says so
            for _ in events:  # once the rest of the stream has passed the checks
                pass
            root = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:  # a character YAML itself refuses (U+0001)
        line = text[: error.position].count("\n") + 1
        char = chr(error.character) if isinstance(error.character, int) else str(
            error.character)[:1]
        raise DataFileError([Problem(
            name, line, f"holds {characters.describe(char)}, which YAML does not allow in a "
            "file: remove it."
        )]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "nesting depth" in str(error.problem):
            raise DataFileError([Problem(
                name, mark.line + 1 if mark else 0, f"lists or mappings nest more than "
                f"{MAX_DEPTH} levels deep here; an entry needs at most four. Check the brackets "
                "and the indentation."
            )]) from None
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        if mark and text[mark.index:mark.index + 1] == "\t":
            # PyYAML says "found character '\t' that cannot start any token", which never
            # says "tab", the key that put it there.
            raise DataFileError([Problem(
                name, line, f"a tab at line {line}{column}: YAML indents with spaces only. "
                "Replace the tab with spaces (your editor can show tabs and convert them)."
            )]) from None
        problem = error.problem or error.context or "cannot be parsed"
        raise DataFileError([Problem(
            name, line, f"malformed YAML{column}: {problem}. Check the indentation and that "
            "text containing ': ' or starting with a quote, [ or { is quoted."
        )]) from None
    except yaml.YAMLError as error:
        raise DataFileError([Problem(name, 0, f"malformed YAML: {error}")]) from None
    return root


_SEVERAL = object()
_RESOLVER = yaml.resolver.Resolver()


def _nodes(events: Iterable[yaml.Event]) -> yaml.Node | object | None:
    """The node tree of the one document in ``events``, as ``yaml.compose`` builds it, or
    ``_SEVERAL`` if the stream holds more than one.

    The file's events are read once, for the checks above, and the tree is built from
    them as they come: composing the text would parse it again. The events hold no anchors
    or aliases (refused above), so every node is new; the nesting is bounded, and this loop does not
    recurse. Tags are resolved as PyYAML's composer resolves them.
    """
    resolve = _RESOLVER.resolve
    stack: list[list[Any]] = []  # each open collection and, in a mapping, its pending key
    root = None
    documents = 0
    for event in events:
        kind = type(event)
        node: yaml.Node
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                   style=event.style)
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            cls = yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(cls, None, event.implicit)
            stack.append([cls(tag, [], event.start_mark, None, flow_style=event.flow_style),
                          None])
            continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return _SEVERAL
            continue
        if not stack:
            root = node
        elif type(stack[-1][0]) is yaml.SequenceNode:
            stack[-1][0].value.append(node)
        elif stack[-1][1] is None:
            stack[-1][1] = node
        else:
            stack[-1][0].value.append((stack[-1][1], node))
            stack[-1][1] = None
    return root


class LineMap:
    """Builds Python values from YAML nodes, remembering the line of every value and key."""

    def __init__(self, name: str, spec: Spec) -> None:
        self.name = name
        self.spec = spec
        self.lines: dict[tuple[Any, ...], int] = {}
        self.sources: dict[tuple[Any, ...], str] = {}
        self.key_lines: dict[tuple[Any, ...], int] = {}
        #: The values written as block scalars (| or >), whose text starts a line lower.
        self.block_scalars: set[tuple[Any, ...]] = set()
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
                f"{self._where(path)}the YAML tag {node.tag!r} is not allowed; use plain text.",
            ))
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE_TAG or (isinstance(key_node, yaml.ScalarNode)
                                                  and key_node.value == "<<"):
                    self.problems.append(Problem(
                        self.name, key_node.start_mark.line + 1,
                        f"{self._where(path)}the YAML merge key '<<' is not allowed: write the "
                        "entry's keys out in full.",
                    ))
                    continue
                key = self._scalar(key_node, path, value=False)
                if not isinstance(key, str):
                    # A mapping or a list used as a key is named by what it is, not by the
                    # YAML library's node object; a number or a yes/no as YAML read it.
                    shown = {yaml.MappingNode: "a mapping ({...})",
                             yaml.SequenceNode: "a list ([...])"}.get(
                        type(key), repr(key))
                    self.problems.append(Problem(
                        self.name, key_node.start_mark.line + 1,
                        f"{self._where(path)}the key {shown} is not a name; keys are words like "
                        "'term' or 'definition'.",
                    ))
                    continue
                if key in result:
                    self.problems.append(Problem(
                        self.name, key_node.start_mark.line + 1,
                        f"{self._where(path)}'{key}' appears twice in the same entry; keep one.",
                    ))
                self.key_lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _where(self, path: tuple[Any, ...]) -> str:
        return _where(path, self.spec.lists)

    def _scalar(self, node: yaml.Node, path: tuple[Any, ...], value: bool = True) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return node  # a mapping or list used as a key; reported by the caller
        if value:  # a key's text is not what was written for the value at ``path``
            self.sources[path] = node.value
            if node.style in ("|", ">"):
                self.block_scalars.add(path)
        if node.tag == _STR_TAG:
            return node.value  # plain text, most of a file: what the constructor would return
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problems.append(Problem(
                self.name, node.start_mark.line + 1,
                f"{self._where(path)}{error.problem}; use plain text.",
            ))
            return None
        except ValueError as error:  # an impossible date (2021-02-30), !!int on a word
            self.problems.append(Problem(
                self.name, node.start_mark.line + 1,
                f"{self._where(path)}YAML cannot read {node.value!r} as it is written "
                f"({error}); put it in quotes to make it text.",
            ))
            return None


def _where(path: tuple[Any, ...], lists: dict[str, str]) -> str:
    if len(path) >= 2 and path[0] in lists and isinstance(path[1], int):
        return f"{path[0]}[{path[1]}]: "
    return ""


# ---- Schema -----------------------------------------------------------------------


#: Each schema as last read, and its validator, keyed by the schema file's content
#: (SHA-256), never by a time stamp: ``mkdocs serve`` keeps this module loaded, so a
#: validator is compiled once per schema text, and an edited schema is read again.
_SCHEMAS: dict[Path, tuple[bytes, dict[str, Any]]] = {}
_VALIDATORS: dict[Path, tuple[bytes, jsonschema.Draft202012Validator]] = {}


def schema_digest(spec: Spec) -> bytes:
    """The SHA-256 of ``spec``'s schema file as it is now (the key of what is kept)."""
    return hashlib.sha256(spec.schema_file.read_bytes()).digest()


def schema(spec: Spec) -> dict[str, Any]:
    """The JSON Schema of the file described by ``spec``."""
    data = spec.schema_file.read_bytes()
    digest = hashlib.sha256(data).digest()
    cached = _SCHEMAS.get(spec.schema_file)
    if cached is None or cached[0] != digest:
        cached = _SCHEMAS[spec.schema_file] = (digest, json.loads(data.decode("utf-8")))
    return cached[1]


def validator(spec: Spec) -> jsonschema.Draft202012Validator:
    """The validator of ``spec``'s schema, made once per schema text (``mkdocs serve``
    reuses it between rebuilds).

    It validates the schema with its local ``$ref`` s written out in place (the same rules:
    a ``$ref`` beside other keywords becomes an ``allOf``), which spares a reference lookup
    for every field of every entry, a third of the validation's time.
    """
    root = schema(spec)
    digest = _SCHEMAS[spec.schema_file][0]
    cached = _VALIDATORS.get(spec.schema_file)
    if cached is None or cached[0] != digest:
        import jsonschema  # costly, and needed only for a broken file

        cached = _VALIDATORS[spec.schema_file] = (
            digest, jsonschema.Draft202012Validator(_inline(root, root)))
    return cached[1]


#: The keywords :func:`_compile` knows, and those that never bear on validity.
_QUICK_KEYWORDS = frozenset({
    "type", "pattern", "minLength", "maxLength", "minItems", "maxItems", "items",
    "uniqueItems", "enum", "minimum", "maximum", "properties", "required",
    "additionalProperties", "minProperties", "allOf"})
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "enumDescriptions",
                          "$comment", "examples", "default"})
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}
_QUICK: dict[Path, tuple[bytes, Callable[[Any], bool] | None]] = {}


def quick_valid(spec: Spec, value: Any) -> bool:
    """Whether ``value`` surely meets ``spec``'s schema, without importing jsonschema.

    A check compiled from the schema's keywords (all it uses: types, lengths, patterns,
    items, properties, enums, bounds) answers for a sound file; where it answers no, or
    the schema has a keyword it does not know, jsonschema decides and words the problems.
    It never says yes where jsonschema would say no: on any doubt (an ``enum`` or
    ``uniqueItems`` over other than text) it says no, and jsonschema looks again.
    """
    root = schema(spec)
    digest = _SCHEMAS[spec.schema_file][0]
    cached = _QUICK.get(spec.schema_file)
    if cached is None or cached[0] != digest:
        cached = _QUICK[spec.schema_file] = (digest, _compile(_inline(root, root)))
    check = cached[1]
    return check is not None and check(value)


def _compile(node: Any) -> Callable[[Any], bool] | None:
    """``node``'s schema as a function that says whether a value surely meets it, or None
    where the schema holds a keyword :data:`_QUICK_KEYWORDS` lacks."""
    if node is True or node == {}:
        return lambda value: True
    if not isinstance(node, dict) or set(node) - _QUICK_KEYWORDS - _ANNOTATIONS:
        return None
    checks: list[Callable[[Any], bool]] = []
    kind = node.get("type")
    if kind is not None:
        if not isinstance(kind, str) or kind not in _TYPES:
            return None
        checks.append(_TYPES[kind])
    if "pattern" in node:
        search = re.compile(node["pattern"]).search
        checks.append(lambda v: not isinstance(v, str) or search(v) is not None)
    low, high = node.get("minLength", 0), node.get("maxLength")
    if low or high is not None:
        checks.append(lambda v: not isinstance(v, str) or (
            low <= len(v) and (high is None or len(v) <= high)))
    few, many = node.get("minItems", 0), node.get("maxItems")
    if few or many is not None:
        checks.append(lambda v: not isinstance(v, list) or (
            few <= len(v) and (many is None or len(v) <= many)))
    if "items" in node:
        item = _compile(node["items"])
        if item is None:
            return None
        checks.append(lambda v: not isinstance(v, list) or all(item(i) for i in v))
    if node.get("uniqueItems") is True:  # text only: equal text is equal in JSON too
        checks.append(lambda v: not isinstance(v, list) or (
            all(type(i) is str for i in v) and len(set(v)) == len(v)))
    if "enum" in node:
        options = node["enum"]
        if not all(isinstance(o, str) for o in options):
            return None
        checks.append(lambda v: type(v) is str and v in options)
    if "minimum" in node or "maximum" in node:
        least, most = node.get("minimum"), node.get("maximum")
        checks.append(lambda v: not _TYPES["number"](v) or (
            (least is None or v >= least) and (most is None or v <= most)))
    if "properties" in node or "additionalProperties" in node or "required" in node:
        properties: dict[str, Callable[[Any], bool]] = {}
        for key, sub in node.get("properties", {}).items():
            compiled = _compile(sub)
            if compiled is None:
                return None
            properties[key] = compiled
        extra = node.get("additionalProperties", True)
        if extra is not True and extra is not False:
            return None
        required = tuple(node.get("required", ()))

        def keys(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key, item in v.items():
                check = properties.get(key)
                if check is None:
                    if extra is False:
                        return False
                elif not check(item):
                    return False
            return all(key in v for key in required)

        checks.append(keys)
    if "minProperties" in node:
        least_keys = node["minProperties"]
        checks.append(lambda v: not isinstance(v, dict) or len(v) >= least_keys)
    for sub in node.get("allOf", ()):
        compiled = _compile(sub)
        if compiled is None:
            return None
        checks.append(compiled)
    return lambda value: all(check(value) for check in checks)


def _inline(node: Any, root: dict[str, Any], depth: int = 0) -> Any:
    """``node`` with every local ``$ref`` replaced by what it points to (no cycles here)."""
    if depth > 20:
        raise ValueError("the schema's references nest too deep (a cycle?)")
    if isinstance(node, list):
        return [_inline(item, root, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        target = _inline(target, root, depth + 1)
        rest = {k: v for k, v in node.items() if k != "$ref"}
        if not rest:
            return target
        rest = _inline(rest, root, depth)
        return {**rest, "allOf": [*rest.get("allOf", []), target]}
    return {k: _inline(v, root, depth) for k, v in node.items() if k != "$defs"}


def _schema_problems(value: Any, lines: LineMap) -> list[Problem]:
    if quick_valid(lines.spec, value):
        return []
    validator_ = validator(lines.spec)
    errors = [(tuple(error.absolute_path), error) for error in validator_.iter_errors(value)]
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
        if error.validator in ("minimum", "maximum") and isinstance(error.instance, float) and (
                not math.isfinite(error.instance)):
            continue  # said once, as a number that is not finite (number_problems)
        line, message = _explain(error, path, lines)
        problem = Problem(lines.name, line, _entry_label(value, path, lines.spec.lists) + message)
        if problem not in problems:  # e.g. an empty text breaks both minLength and pattern
            problems.append(problem)
    return sorted(problems, key=lambda problem: problem.line)


def _required_key(error: jsonschema.ValidationError) -> str:
    found = re.search(r"'([^']+)' is a required property", error.message)
    return found.group(1) if found else error.message


def _entry_label(value: Any, path: tuple[Any, ...], lists: dict[str, str]) -> str:
    if len(path) < 2 or path[0] not in lists or not isinstance(path[1], int):
        return ""
    entry = value[path[0]][path[1]]
    name = entry.get(lists[path[0]]) if isinstance(entry, dict) else None
    label = f"{path[0]}[{path[1]}]"
    return f"{label} '{name}': " if isinstance(name, str) else f"{label}: "


def _field(path: tuple[Any, ...], lists: dict[str, str]) -> str:
    """How a message names the value at ``path``: "'sources[0].url'", "this entry"."""
    in_entry = len(path) >= 2 and path[0] in lists and isinstance(path[1], int)
    if in_entry and len(path) == 2:
        return "this entry"
    names = [str(p) for p in (path[2:] if in_entry else path)]
    text = ""
    for part in names:
        text += f"[{part}]" if part.isdigit() else (f".{part}" if text else part)
    return f"'{text}'" if text else "the file"


def _explain(
    error: jsonschema.ValidationError, path: tuple[Any, ...], lines: LineMap
) -> tuple[int, str]:
    """Turn a schema error into a line number and advice a contributor can act on."""
    line = lines.line(path)
    kind = error.validator
    field = _field(path, lines.spec.lists)
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
        where = ("the file" if not path else
                 "this entry" if len(path) <= 2 else _field(path, lines.spec.lists))
        return line, f"{where} has no '{field}'; add it."
    if kind == "type":
        expected = {"string": "text", "array": "a list", "object": "a mapping of keys"}.get(
            str(error.validator_value), str(error.validator_value)
        )
        got = _TYPE_NAMES.get(type(error.instance), type(error.instance).__name__)
        written = lines.sources.get(path)
        hint = f' Put it in quotes: "{written}".' if written and expected == "text" else ""
        return line, f"{field} must be {expected}, but YAML read {got}.{hint}"
    if kind in ("minLength", "pattern") and isinstance(error.instance, str) and (
        not error.instance.strip()
    ):
        return line, f"{field} is empty; write the text or remove the key."
    if kind == "maxLength":
        return line, (
            f"{field} is {len(error.instance)} characters long; the limit is "
            f"{error.validator_value}. Shorten it."
        )
    if kind in ("minimum", "maximum") and isinstance(error.instance, (int, float)):
        bound = "at least" if kind == "minimum" else "at most"
        return line, (f"{field} is {error.instance}; it must be {bound} {error.validator_value}"
                      " (decimal degrees: a latitude runs from -90 to 90, a longitude from -180 "
                      "to 180).")
    if kind == "minItems":
        return line, f"{field} needs at least {error.validator_value} item(s)."
    if kind == "maxItems":
        return line, f"{field} has more than {error.validator_value} items."
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        # A schema that says what each value means ("enumDescriptions", as VS Code's and
        # yaml-language-server's completions read it) has the meanings in the message too.
        meanings = subschema.get("enumDescriptions")
        if isinstance(meanings, list) and len(meanings) == len(error.validator_value):
            pairs = zip(error.validator_value, meanings, strict=True)
            options = "; ".join(f"'{value}', {meaning}" for value, meaning in pairs)
        return line, f"{field} is {error.instance!r}; it must be one of: {options}."
    if kind == "uniqueItems":
        return line, f"{field} lists an item twice; keep one."
    if kind == "pattern":
        # An item of an 'events' list is an event's id.
        name = "id" if len(path) >= 2 and path[-2] == "events" else str(path[-1])
        advice = {
            "url": "an http:// or https:// address in the characters a URL allows, without "
                   "spaces, quotes or braces (percent-encode others: %7B for {)",
            "id": "lower-case letters and digits joined by single hyphens, e.g. 'treaty-of-1921'",
            "date": 'a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes',
            "wikidata": "a Wikidata item's id: Q and its digits, e.g. 'Q794' (Iran)",
            "geonames": "a GeoNames id: digits only, e.g. '130758' (Iran)",
            "viaf": "a VIAF id: digits only, e.g. '47538880'",
            "lang": "a BCP 47 language tag: a language, then a script or region if need "
                    "be, e.g. 'fa', 'ru', 'az-Latn' or 'en-GB'",
        }.get(name, "text without leading or trailing spaces")
        return line, f"{field} is {error.instance!r}; it must be {advice}."
    return line, f"{field}: {error.message}"


