"""Run builds: ``mkdocs build`` as child processes, with peak memory and the hook's timings."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment of every MkDocs child: no end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build_command(site: Path, *, strict: bool = False, profile: Path | None = None) -> list[str]:
    """``python -m mkdocs build -q -d <site>`` (optionally strict, or under pyinstrument)."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "pyinstrument", "-r", "pyisession", "-o", str(profile)]
    command += ["-m", "mkdocs", "build", "-d", str(site)]
    command += ["--strict"] if strict else ["-q"]
    return command


@dataclass
class ChildRun:
    """One child process: wall time, CPU time, peak memory and what it printed."""

    returncode: int
    wall: float
    cpu: float
    maxrss_kb: int
    output: str


#: Runs ``python -m MODULE ARGS`` and writes the process's peak resident set size (VmHWM,
#: KiB) to a file at exit. ``ru_maxrss`` from ``wait4`` cannot be used: Linux carries the
#: parent's peak into a child at exec, so every build would report this script's memory.
LAUNCHER_SOURCE = """\
import atexit, runpy, sys

def _record(path=sys.argv[1]):
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(path, "w", encoding="ascii") as out:
        out.write(peak)

atexit.register(_record)
sys.argv = [sys.argv[3], *sys.argv[4:]]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def run_child(
    command: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float
) -> ChildRun:
    """Run ``command`` (``python -m ...``): its wall and CPU time (``wait4``) and peak RSS."""
    assert command[0] == sys.executable and command[1] == "-m", command
    launcher = log.with_name(log.name + ".launch.py")
    peak_file = log.with_name(log.name + ".peak")
    launcher.write_text(LAUNCHER_SOURCE, encoding="utf-8")
    peak_file.unlink(missing_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(launcher), str(peak_file), *command[1:]],
                                   cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = int(peak_file.read_text(encoding="ascii")) if peak_file.exists() else 0
    launcher.unlink(missing_ok=True)
    peak_file.unlink(missing_ok=True)
    return ChildRun(
        process.returncode, wall, usage.ru_utime + usage.ru_stime, peak,
        log.read_text(encoding="utf-8", errors="replace"),
    )


@dataclass
class Run:
    """One timed build of one variant."""

    wall: float
    cpu: float
    maxrss_kb: int
    load: float = 0.0
    hook: dict[str, float] = field(default_factory=dict)


def hook_summary(
    data: dict[str, Any], essay_pages: Sequence[str], content_bytes: Mapping[str, int]
) -> dict[str, float]:
    """The wrapper's JSON as seconds per part of the hook's work.

    ``own`` is every event of the hook plus every Markdown processor it registered;
    the "part:" timings are inside events and are not added again. ``content_bytes`` are
    the bytes of each built page's <article>, by source path: the end-to-end time of each
    kind of page (generated, essay, other) is also given with its content's KiB.
    """
    times = {k: v[0] for k, v in data["times"].items()}
    calls = {k: v[1] for k, v in data["times"].items()}
    pages = data["pages"]
    generated = set(data["generated"])
    essay = set(essay_pages)
    events = {k[len("event:"):]: v for k, v in times.items() if k.startswith("event:")}
    trees = {k[len("tree:"):]: v for k, v in times.items() if k.startswith("tree:")}
    main_events = ("on_config", "on_files", "on_page_markdown", "on_env")
    return {
        "own": sum(events.values()) + sum(trees.values()),
        "imports": times.get("imports", 0.0),
        "annotate": trees.get("Annotator", 0.0),
        "paragraphs": trees.get("ParagraphNumbers", 0.0),
        "other_processors": sum(v for k, v in trees.items()
                                if k not in ("Annotator", "ParagraphNumbers")),
        "on_config": events.get("on_config", 0.0),
        "glossary_load": times.get("part:glossary_load", 0.0),
        "notes_load": times.get("part:notes_load", 0.0),
        "on_files": events.get("on_files", 0.0),
        "anchor_notes": times.get("part:anchor_notes", 0.0),
        "on_page_markdown": events.get("on_page_markdown", 0.0),
        "glossary_page": times.get("part:glossary_page", 0.0),
        "actor_pages": times.get("part:actor_page", 0.0),
        "actor_page_count": calls.get("part:actor_page", 0),
        "actors_index": times.get("part:actors_index", 0.0),
        "network": times.get("part:network_svg", 0.0),
        "notes_page": times.get("part:notes_page", 0.0),
        "timeline_page": times.get("part:timeline_page", 0.0)
        + times.get("part:timeline_events", 0.0),
        "on_env": events.get("on_env", 0.0),
        "other_events": sum(v for k, v in events.items() if k not in main_events),
        "generated_pages_e2e": sum(sum(v) for k, v in pages.items() if k in generated),
        "generated_page_count": len(generated),
        "essay_pages_e2e": sum(sum(v) for k, v in pages.items() if k in essay),
        "other_pages_e2e": sum(sum(v) for k, v in pages.items()
                               if k not in essay and k not in generated),
        "other_page_count": sum(1 for k in pages if k not in essay and k not in generated),
        "generated_kib": sum(content_bytes.get(k, 0) for k in pages if k in generated) / 1024,
        "essay_kib": sum(content_bytes.get(k, 0) for k in pages if k in essay) / 1024,
        "other_kib": sum(content_bytes.get(k, 0) for k in pages
                         if k not in essay and k not in generated) / 1024,
        **{f"memory_{stage}": mib for stage, mib in data.get("memory", {}).items()},
        "memory_page_rise": float((data.get("memory_page") or {}).get("mib") or 0.0),
    }


def built_path(src: str) -> str:
    """The HTML file MkDocs writes for the source page ``src`` (directory URLs)."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


