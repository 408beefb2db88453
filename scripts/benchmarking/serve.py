"""Measure ``mkdocs serve``: from saving an edit to the changed page served."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from benchmarking.builds import mkdocs_env
from benchmarking.yamlio import dump_yaml, load_yaml


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _mark_definition(text: str, marker: str) -> str:
    """``glossary.yml`` with ``marker`` at the start of one definition (JCPOA's, or the first)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, row in enumerate(lines) if re.match(r'\s*- term: "?JCPOA"?\s*$', row)),
                 0)
    for i in range(start, len(lines)):
        found = re.match(r"(\s*definition:\s*)(.*)$", lines[i].rstrip("\n"))
        if found is None:
            continue
        if found.group(2) in (">-", ">", "|", "|-", ">+"):
            indent = len(lines[i + 1]) - len(lines[i + 1].lstrip())
            lines[i + 1] = lines[i + 1][:indent] + marker + " " + lines[i + 1][indent:]
        else:
            value = found.group(2)
            quote = value[:1] if value[:1] in "\"'" else ""
            lines[i] = found.group(1) + quote + marker + " " + value[len(quote):] + "\n"
        return "".join(lines)
    raise SystemExit("no definition found in glossary.yml")


_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def measure_serve(
    source: Path, hooks: list[str], work: Path, repeats: int, poll: float = 0.05,
    bound: float = 30.0, kinds: tuple[str, ...] = ("glossary", "page"),
) -> dict[str, Any]:
    """Median time from an edit to the served page showing it, under ``mkdocs serve``.

    The real edition (from ``source``, one of its projects). Two edits, alternating: one
    glossary definition (glossary.yml, watched by the hook; polled on the glossary page)
    and one essay page (a new line at its end; polled on that page); ``kinds`` may name
    only ``"page"``, for the site without the hook (MkDocs' own floor).
    """
    project = work / "serve"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("__pycache__"))
    config = load_yaml(project / "mkdocs.yml")
    config["hooks"] = hooks  # the project's own hooks, not the timing wrapper
    (project / "mkdocs.yml").write_text(dump_yaml(config), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = mkdocs_env()
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = work / "serve.log"
    glossary = project / "glossary.yml"
    original = glossary.read_text(encoding="utf-8") if "glossary" in kinds else ""
    page = project / "docs" / "essay" / "jcpoa.md"
    if not page.exists():
        page = sorted((project / "docs" / "essay").glob("*.md"))[0]
    page_url = url + "essay/" + page.stem + "/"
    page_text = page.read_text(encoding="utf-8")
    results: dict[str, list[float | None]] = {"glossary": [], "page": []}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        started = time.perf_counter()
        while (_get(page_url) or (0, ""))[0] != 200:
            if process.poll() is not None or time.perf_counter() - started > 300:
                raise SystemExit("mkdocs serve did not start:\n" + log.read_text())
            time.sleep(0.2)
        first_serve = time.perf_counter() - started
        time.sleep(1.0)
        for i in range(repeats):
            for kind in kinds:
                marker = f"Benchmark{i}{kind}{uuid.uuid4().hex[:10]}"
                if kind == "glossary":
                    target, text, check = glossary, _mark_definition(original, marker), "glossary/"
                else:
                    target, text, check = page, page_text + f"\n\n{marker}\n", page_url
                target.write_text(text, encoding="utf-8")
                edited = time.perf_counter()
                seen = None
                while time.perf_counter() - edited < bound:
                    answer = _get(check if check.startswith("http") else url + check)
                    if answer and answer[0] == 200 and marker in answer[1]:
                        seen = time.perf_counter() - edited
                        break
                    time.sleep(poll)
                results[kind].append(seen)
                time.sleep(1.0)
        if "glossary" in kinds:
            glossary.write_text(original, encoding="utf-8")
        page.write_text(page_text, encoding="utf-8")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)

    def median(values: list[float | None]) -> float | None:
        done = [v for v in values if v is not None]
        return statistics.median(done) if done and len(done) == len(values) else None

    # MkDocs logs each build's own duration; the first is the initial build, then one per
    # edit (and the restoring writes at the end, which are dropped).
    logged = log.read_text(encoding="utf-8", errors="replace")
    builds = [float(m) for m in _BUILT_IN.findall(logged)]
    rebuilds = builds[1:1 + len(kinds) * repeats]
    return {
        "command": " ".join(["python", *command[1:]]),
        "repeats": repeats,
        "poll_seconds": poll,
        "first_serve_seconds": first_serve,
        "glossary_edit": results["glossary"],
        "page_edit": results["page"],
        "glossary_edit_median": median(results["glossary"]),
        "page_edit_median": median(results["page"]),
        "glossary_edit_best": min((v for v in results["glossary"] if v is not None), default=None),
        "page_edit_best": min((v for v in results["page"] if v is not None), default=None),
        "rebuilds": rebuilds,
        "rebuild_median": statistics.median(rebuilds) if rebuilds else None,
    }


