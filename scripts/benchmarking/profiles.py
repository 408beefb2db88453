"""Profiles: where a build's time goes, by phase, from pyinstrument sessions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

#: Where a build's time goes: (label, file path ending, function (a regular expression) or
#: None for any, nested).
#: A phase is the time of its outermost matching frames; "nested" rows are inside the one
#: above them and are not added to the total.
PHASES: tuple[tuple[str, str, str | None, bool], ...] = (
    ("The hook's events (data files, notes pre-pass, generated pages' Markdown)",
     "/hooks/edition_hook.py", r"on_\w+", False),
    ("Python-Markdown, every page (but the notes pre-pass, in the row above)",
     "/markdown/core.py", r"Markdown\.convert", False),
    ("· of which the hook's tree processors (annotations, ¶ numbers, notes, lists)",
     "/hooks/edition/", None, True),
    ("· of which MkDocs' link checks and rewriting", "/mkdocs/structure/pages.py",
     r"_RelativePathTreeprocessor\.run", True),
    ("Material's page template", "/jinja2/environment.py", r"Template\.render", False),
    ("· of which the navigation sidebar", "/material/templates/partials/nav.html", None, True),
    ("Material's search index (parsing every page's HTML, writing the index)",
     "/material/plugins/search/plugin.py", None, False),
)


def _frame_name(frame: Any) -> str:
    return f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function


def _outermost(
    frame: Any, ending: str, function: str | None, claimed: set[int] | None = None
) -> list[Any]:
    """The outermost frames at or under ``frame`` in the phase's file (and function).

    Frames in ``claimed`` (an earlier phase's) are not searched, so no time counts twice.
    """
    if claimed and id(frame) in claimed:
        return []
    path = (frame.file_path or "").replace("\\", "/")
    in_file = path.endswith(ending) or (ending.endswith("/") and ending in path)
    if in_file and (function is None or re.fullmatch(function, _frame_name(frame))):
        return [frame]
    return [found for child in frame.children
            for found in _outermost(child, ending, function, claimed)]


def profile_summary(path: Path) -> dict[str, Any]:
    """Where a pyinstrument session's time went, by the phases of a build (seconds)."""
    from pyinstrument.session import Session

    root = Session.load(str(path)).root_frame()
    if root is None:
        return {"total": 0.0, "phases": {}}
    phases: dict[str, float] = {}
    claimed: set[int] = set()
    counted, parents = 0.0, [root]
    for label, ending, function, nested in PHASES:
        if nested:
            found = [f for parent in parents for f in _outermost(parent, ending, function)]
        else:
            found = parents = _outermost(root, ending, function, claimed)
            claimed.update(id(f) for f in found)
        phases[label] = sum(f.time for f in found)
        counted += 0.0 if nested else phases[label]
    phases["Everything else (MkDocs: reading, nav, writing files; imports)"] = (
        root.time - counted
    )
    return {"total": root.time, "phases": phases}


def write_profile_reports(session: Path, stem: Path) -> None:
    """pyinstrument's own text and HTML reports of a saved session, beside it."""
    from pyinstrument.renderers import ConsoleRenderer, HTMLRenderer
    from pyinstrument.session import Session

    loaded = Session.load(str(session))
    stem.with_suffix(".html").write_text(HTMLRenderer().render(loaded), encoding="utf-8")
    text = ConsoleRenderer(unicode=True, color=False, show_all=False).render(loaded)
    stem.with_suffix(".txt").write_text(text, encoding="utf-8")


