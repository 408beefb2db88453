"""What a build worked out, kept on disk by its inputs, for the next process.

Reading a data file (YAML with the line of every value, the schema's rules, the characters,
look-alike names through ICU), asking wordfreq about a glossary's words, laying out the
network or anchoring the notes costs a build more than most of what it does with them, and
every ``mkdocs build`` is a new process: the in-memory caches that serve ``mkdocs serve``'s
rebuilds start empty each time. This store keeps an answer by everything it was computed
from: the input (a file's bytes, a function's arguments), this package's own code and data
(every ``.py`` and ``.json`` file of :mod:`edition`), Python's version and what is installed
beside the libraries that judge the input. Any change to any of them is a new key, so a kept
answer is always the one the same code would give now; a reading that failed, or any
exception, is never kept, so every problem is found and reported afresh. It lives with the
data, the lowest stage, so that every stage above may keep its answers in it.

Where: ``$EDITION_CACHE`` if set (``off`` turns the store off), else the user's cache
directory (``platformdirs``), never the project: a file there is read as Python's own
``__pycache__`` is, as code the user's account wrote, which a pull request cannot place.
Every failure to read or write is a miss, never an error: a read-only disk, a full one or a
damaged file costs only the time the store would have saved.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

#: The environment variable naming the store's directory, or ``off``.
VARIABLE = "EDITION_CACHE"
#: The libraries whose behaviour decides a reading, by module (PyYAML parses, ICU compares
#: names, wordfreq counts words, jsonschema words a schema's problems): any change to what is
#: installed beside them is a new key.
LIBRARIES = {"PyYAML": "yaml", "pyicu-wheels": "icu", "wordfreq": "wordfreq",
             "jsonschema": "jsonschema"}
#: How many answers the store keeps; past that, the oldest go (each edit saved under
#: ``mkdocs serve`` is a new reading).
KEEP = 64
_PACKAGE = Path(__file__).resolve().parents[1]
R = TypeVar("R")


def directory() -> Path | None:
    """The store's directory, or None when ``$EDITION_CACHE`` is ``off``."""
    chosen = os.environ.get(VARIABLE, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mkdocs-edition", appauthor=False))


@functools.cache
def code_version() -> bytes:
    """A digest of what computes every kept answer: the package's code and data files,
    Python's version and the installed versions of :data:`LIBRARIES`."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _installed():
        digest.update(b"\0" + name.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def _installed() -> list[str]:
    """The installed distributions' records (``name-version.dist-info``) in the directories
    that hold :data:`LIBRARIES`, found without importing them: a listing of each directory
    costs less than asking ``importlib.metadata`` for each version."""
    import importlib.util

    places = set()
    for module in LIBRARIES.values():
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            places.add(Path(spec.origin).parent.parent)
    return sorted(f"{place}/{name}" for place in places for name in os.listdir(place)
                  if name.endswith(".dist-info"))


def key(kind: str, *parts: bytes | str) -> str:
    """The name under which ``kind``'s answer for ``parts`` is kept (with the code's version)."""
    digest = hashlib.sha256(code_version())
    for part in (kind, *parts):
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"{kind}-{digest.hexdigest()}"


def get(name: str) -> Any | None:
    """What was kept under ``name``, or None."""
    where = directory()
    if where is None:
        return None
    try:
        with (where / name).open("rb") as file:
            # the user's own cache, trusted as __pycache__ is
            return pickle.load(file)
    except Exception:  # missing, damaged or from another Python: a miss
        return None


def put(name: str, value: Any) -> None:
    """Keep ``value`` under ``name``; written whole or not at all (another build may be
    reading it), silently skipped where the directory cannot be written."""
    where = directory()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where / name)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        kept = sorted(where.iterdir(), key=lambda path: path.stat().st_mtime)
        for old in kept[:-KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


def made(name: str, make: Callable[[], R]) -> R:
    """What was kept under ``name``, or else what ``make()`` gives, kept there (an exception
    it raises is not)."""
    found = get(name)
    if found is not None:
        return found
    value = make()
    put(name, value)
    return value


def kept(kind: str) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """A pure function's answers kept under ``kind`` by its arguments (their ``repr``, exact
    for the numbers, text, tuples and frozen dataclasses such a function takes, none of
    whose fields is left out of its ``repr``) and by the code: for the computations that
    depend on nothing else, such as a drawing's layout. An exception is never kept."""
    def keeping(function: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(function)
        def answer(*args: Any) -> R:
            return made(key(kind, repr(args)), lambda: function(*args))
        return answer
    return keeping
