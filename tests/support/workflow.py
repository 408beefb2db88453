"""Reading GitHub Actions workflow commands back, as the runner does."""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMAND = re.compile(r"^::(?P<level>[a-z]+)(?: (?P<properties>[^:]*))?::(?P<message>.*)$")
#: The runner's unescaping (``%25`` last, so that an escaped ``%`` stays one).
_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


@dataclass(frozen=True)
class Command:
    """One workflow command: ``::error file=…,line=…,title=…::message``."""

    level: str
    properties: dict[str, str]
    message: str


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, plain in table:
        text = text.replace(escaped, plain)
    return text


def commands(output: str, level: str | None = None) -> list[Command]:
    """Every workflow command in ``output`` (of ``level``, if given), unescaped."""
    found = []
    for line in output.splitlines():
        match = _COMMAND.match(line)
        if match is None or (level and match["level"] != level):
            continue
        properties = {}
        for field in (match["properties"] or "").split(","):
            key, _, value = field.partition("=")
            properties[key] = _unescape(value, _PROPERTY)
        found.append(Command(match["level"], properties, _unescape(match["message"], _DATA)))
    return found
