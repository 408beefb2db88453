"""Benchmark wrapper (written by scripts/benchmark.py): runs edition_hook.py and times it.

Every event function of the hook is wrapped with a ``perf_counter`` pair, and so is the
``run`` of every Markdown processor that the hook's Markdown extensions register (they
run inside Python-Markdown, outside any event). A few functions called from inside the
events are timed too ("part:"; they are included in their event's time). Pages are
timed from ``on_pre_page`` (first) to ``on_page_content`` (last) and from
``on_page_context`` (first) to ``on_post_page`` (last). The totals go to the JSON file
named by the environment variable EDITION_BENCH_TIMINGS after the build.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import sys
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

from markdown.extensions import Extension
from mkdocs.plugins import CombinedEvent, event_priority

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))
_spec = importlib.util.spec_from_file_location("edition_hook", _HERE / "edition_hook.py")
assert _spec is not None and _spec.loader is not None
real = importlib.util.module_from_spec(_spec)
sys.modules["edition_hook"] = real
_imported = perf_counter()
_spec.loader.exec_module(real)

#: The hook module's import (its packages and their libraries, loaded once per process).
TIMES: dict[str, list[float]] = {"imports": [perf_counter() - _imported, 1]}
PAGES: dict[str, list[float]] = {}
_STARTED: dict[tuple[str, str], float] = {}
#: The build's peak resident memory (MiB) when each stage ends, and the page whose
#: rendering raised it most (with the rise).
MEMORY: dict[str, float] = {}
_RISE: dict[str, Any] = {"page": None, "mib": 0.0}


def _peak_mib() -> float:
    """The process's peak resident set (VmHWM), as the benchmark's launcher reads it.

    Not ``getrusage``: on Linux its peak carries the parent's over into a child process.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status
                        if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _memory(stage: str) -> None:
    MEMORY[stage] = _peak_mib()


def _add(name: str, seconds: float) -> None:
    entry = TIMES.setdefault(name, [0.0, 0])
    entry[0] += seconds
    entry[1] += 1


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _add(name, perf_counter() - start)
    # The hook's own order among the plugins' handlers (MkDocs reads it from the function).
    if hasattr(function, "mkdocs_priority"):
        timed.mkdocs_priority = function.mkdocs_priority  # type: ignore[attr-defined]
    return timed


def _patch(owner: Any, attribute: str, name: str) -> None:
    if owner is not None and callable(getattr(owner, attribute, None)):
        setattr(owner, attribute, _timed(name, getattr(owner, attribute)))


# The data files are read by edition.index.checks, which calls each module's parse (bytes to
# checked entries) through the module, so the module's function is the one to time.
_patch(sys.modules.get("edition.data.glossary"), "parse", "part:glossary_load")
_patch(sys.modules.get("edition.data.notes"), "parse", "part:notes_load")
# The engine calls the pages' renderers through their modules, so those are the ones to time.
_engine = sys.modules.get("edition.build.build")
_patch(getattr(_engine, "Build", None), "anchor_notes", "part:anchor_notes")
_patch(sys.modules.get("edition.pages.glossary"), "render", "part:glossary_page")
_patch(sys.modules.get("edition.pages.actors"), "render_actor", "part:actor_page")
_patch(sys.modules.get("edition.pages.actors"), "render_index", "part:actors_index")
_patch(sys.modules.get("edition.pages.actors"), "render_svg", "part:network_svg")
_patch(sys.modules.get("edition.pages.notes"), "render", "part:notes_page")
_patch(sys.modules.get("edition.pages.timeline"), "render", "part:timeline_page")
_patch(sys.modules.get("edition.pages.timeline"), "events", "part:timeline_events")


def _time_processors(config: Any) -> None:
    """Time the processors each of the hook's Markdown extensions registers, per page."""
    for extension in config.markdown_extensions:
        if not isinstance(extension, Extension):
            continue
        if not type(extension).__module__.startswith("edition."):
            continue
        original = extension.extendMarkdown

        def extend(md: Any, original: Callable[[Any], None] = original) -> None:
            original(md)
            registries = (md.preprocessors, md.treeprocessors, md.postprocessors,
                          md.parser.blockprocessors)
            for registry in registries:
                for processor in registry:
                    if type(processor).__module__.startswith("edition.") and not getattr(
                        processor, "_bench_timed", False
                    ):
                        processor.run = _timed("tree:" + type(processor).__name__,
                                               processor.run)
                        processor._bench_timed = True

        extension.extendMarkdown = extend  # type: ignore[method-assign]


def _start(kind: str, page: Any) -> None:
    _STARTED[kind, page.file.src_uri] = perf_counter()


def _stop(kind: str, page: Any, slot: int) -> None:
    started = _STARTED.pop((kind, page.file.src_uri), None)
    if started is not None:
        PAGES.setdefault(page.file.src_uri, [0.0, 0.0])[slot] += perf_counter() - started


@event_priority(-100)
def _config(config: Any, **kwargs: Any) -> Any:
    _time_processors(config)
    _memory("config")
    return config


def _sample(stage: str, priority: int) -> Callable[..., Any]:
    """An event that passes its first argument on and records the peak memory as ``stage``."""
    @event_priority(priority)
    def sample(item: Any, **kwargs: Any) -> Any:
        _memory(stage)
        return item
    return sample


_files = _sample("files", -100)
_env_before = _sample("pages", 100)  # before the edition's on_env: every page rendered
_env_after = _sample("env", -100)  # after it: the exports made


@event_priority(100)
def _pre_page(page: Any, **kwargs: Any) -> Any:
    _start("populate", page)
    _STARTED["memory", page.file.src_uri] = _peak_mib()
    return page


@event_priority(-100)
def _page_content(html: str, page: Any, **kwargs: Any) -> str:
    _stop("populate", page, 0)
    before = _STARTED.pop(("memory", page.file.src_uri), None)
    if before is not None and _peak_mib() - before > _RISE["mib"]:
        _RISE.update(page=page.file.src_uri, mib=_peak_mib() - before)
    return html


@event_priority(100)
def _page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    _start("template", page)
    return context


@event_priority(-100)
def _post_page(output: str, page: Any, **kwargs: Any) -> str:
    _stop("template", page, 1)
    return output


@event_priority(-100)
def _post_build(config: Any, **kwargs: Any) -> None:
    path = os.environ.get("EDITION_BENCH_TIMINGS")
    if not path:
        return
    build = getattr(real, "_build", None)
    generated = sorted(build.generated) if build is not None else []
    _memory("end")
    Path(path).write_text(json.dumps({
        "times": TIMES, "pages": PAGES, "generated": generated, "memory": MEMORY,
        "memory_page": _RISE,
    }), encoding="utf-8")


_MINE: dict[str, Any] = {
    "on_config": _config,
    "on_files": _files,
    "on_env": (_env_before, _env_after),
    "on_pre_page": _pre_page,
    "on_page_content": _page_content,
    "on_page_context": _page_context,
    "on_post_page": _post_page,
    "on_post_build": _post_build,
}
for _name in sorted({n for n in dir(real) if n.startswith("on_")} | set(_MINE)):
    _methods = []
    _event = getattr(real, _name, None)
    if isinstance(_event, CombinedEvent):  # several handlers, each at its own priority
        _methods.extend(_timed("event:" + _name, method) for method in _event.methods)
    elif callable(_event):
        _methods.append(_timed("event:" + _name, _event))
    if _name in _MINE:
        mine = _MINE[_name]
        _methods.extend(mine if isinstance(mine, tuple) else (mine,))
    globals()[_name] = _methods[0] if len(_methods) == 1 else CombinedEvent(*_methods)
