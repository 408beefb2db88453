"""Real ``mkdocs build`` runs, of the project itself or of a modified copy of it."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: What a build reads: everything else in the repository is irrelevant to it.
PROJECT_FILES = (
    "mkdocs.yml", "docs", "hooks", "glossary.yml", "glossary.schema.json", "notes.yml", "work.yml",
    "work.schema.json",
    "notes.schema.json", "events.yml", "events.schema.json",
)


@dataclass
class BuildResult:
    """The outcome of one ``mkdocs build``."""

    returncode: int
    output: str
    site: Path

    @property
    def warnings(self) -> list[str]:
        """Lines MkDocs logged at WARNING or ERROR level."""
        return [
            line
            for line in self.output.splitlines()
            if line.startswith(("WARNING", "ERROR")) or "Aborted with" in line
        ]


#: One build date for every build a test process runs. MkDocs dates the sitemap by the day of
#: the build, so two builds either side of midnight would differ in nothing but that day.
BUILD_EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))


def mkdocs_env() -> dict[str, str]:
    """The environment for an MkDocs run: without Material's end-of-life banner, and dated
    by :data:`BUILD_EPOCH`, as reproducible builds are (``SOURCE_DATE_EPOCH``)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}


#: Set to ``in-process`` (``scripts/mutation.py`` does) to make :func:`build` use MkDocs'
#: Python API in the test process instead of the ``mkdocs`` command.
BUILD_MODE = "EDITION_TEST_BUILD"


def in_process() -> bool:
    """Whether :func:`build` runs MkDocs in the test process (see :data:`BUILD_MODE`)."""
    return os.environ.get(BUILD_MODE) == "in-process"


def recording() -> bool:
    """Whether mutmut is recording which code each test runs (``scripts/mutation.py``)."""
    return in_process() and os.environ.get("MUTANT_UNDER_TEST") == "stats"


def build_scope(fixture_name: str, config: object) -> str:
    """The scope of a fixture that builds a site, or reads one: the session, except while
    mutmut records which code each test runs (``scripts/mutation.py``). Then each test builds
    for itself, so that mutmut sees every test that runs the build's code, not only the
    first to ask for the fixture."""
    return "function" if recording() else "session"


def build(project: Path, site: Path, *, strict: bool = True) -> BuildResult:
    """Run ``mkdocs build`` on ``project`` into ``site`` and return what happened."""
    if in_process():
        return build_in_process(project, site, strict=strict)
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    proc = subprocess.run(
        command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


class _Lines(logging.Handler):
    """Collects MkDocs' log records as its command line prints them: ``LEVEL    -  message``."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


@contextlib.contextmanager
def _inside(project: Path, lines: _Lines) -> Iterator[None]:
    """Run in ``project`` with MkDocs' messages going to ``lines``, as ``mkdocs build`` does."""
    logger = logging.getLogger("mkdocs")
    level, cwd, env = logger.level, Path.cwd(), dict(os.environ)
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    os.environ.update(mkdocs_env())
    os.chdir(project)
    try:
        yield
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        logger.setLevel(level)
        logger.removeHandler(lines)


def build_in_process(project: Path, site: Path, *, strict: bool = True) -> BuildResult:
    """Build ``project`` into ``site`` with MkDocs' Python API, in this process.

    The same steps as ``mkdocs build --clean`` (load the configuration, ``on_startup``, build,
    ``on_shutdown``), with the same return code and the lines the command would print, so a
    test reads the result exactly as it reads :func:`build`'s.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    lines = _Lines()
    returncode = 0
    with _inside(project, lines):
        try:
            config = load_config(
                config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict
            )
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except Abort as abort:
            returncode = 1
            lines.lines.append(str(abort))
        except Exception:
            returncode = 1
            lines.lines.append(traceback.format_exc())
    return BuildResult(returncode, "\n".join(lines.lines), site)


def copy_project(dest: Path) -> Path:
    """Copy the files a build reads into ``dest`` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` with ``new``; fail if ``old`` is absent."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise AssertionError(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def keep_referred_events(project: Path) -> None:
    """Drop from ``events.yml`` the events the project's notes and glossary no longer name.

    For a test that replaces ``notes.yml``: an event nothing refers to is a warning, which
    would fail its strict build for a reason it does not test.
    """
    import yaml  # only the few tests that rewrite data files need it

    used = {
        event_id
        for name, keys in (("glossary.yml", ("terms", "actors")), ("notes.yml", ("notes",)))
        for key in keys
        for entry in (yaml.safe_load((project / name).read_text(encoding="utf-8")) or {}).get(
            key) or []
        for event_id in entry.get("events", [])
    }
    path = project / "events.yml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))["events"]
    kept = [record for record in records if record["id"] in used]
    path.write_text(yaml.safe_dump({"events": kept}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
