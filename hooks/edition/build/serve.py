"""What outlives one build: the caches a ``mkdocs serve`` keeps between its rebuilds.

The hook module lives as long as the server, and so does its one :class:`ServeCaches`;
every build's own state is a fresh ``Build``. Each cache is kept by the content it came
from, never by a time stamp.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from edition.data.datafile import DataFileError, Problem
from edition.data.glossary import Glossary
from edition.index import checks
from edition.text.annotate import Target, targets
from edition.text.matcher import Matcher

#: How often ``mkdocs serve`` looks at the data files, in seconds. MkDocs polls what it
#: watches every 0.5 s (0.25 s of waiting on average, after each save); a data file is one
#: file, cheap to look at ten times a second.
DATA_POLL_SECONDS = 0.1


def watch(server: Any, paths: Iterable[Path]) -> None:
    """Have ``mkdocs serve``'s live-reload ``server`` watch the data files ``paths``, polled
    every :data:`DATA_POLL_SECONDS`. watchdog gives a watch the observer's polling interval
    when it is scheduled: the data files' watches get a shorter one, MkDocs' keep theirs."""
    observer = server.observer
    default = observer.timeout
    observer._timeout = min(default, DATA_POLL_SECONDS)  # watchdog has no public setter
    try:
        for path in paths:
            server.watch(str(path))
    finally:
        observer._timeout = default


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve``, not once per rebuild.

    MkDocs makes a new Jinja environment for every build, which compiles every template it
    renders again (a sixth of a rebuild of this edition). Jinja's own bytecode cache keeps
    the compiled code in memory between rebuilds; each entry carries the checksum of its
    template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Warnings(logging.Handler):
    """Under ``mkdocs serve``, each warning of the build being made (the hook's and MkDocs'
    own), shown in the pages' banner: ``--strict``, as CI builds, fails on every one."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:  # errors stop the build, or are refused saves
            self.messages.append(record.getMessage())


class ServeCaches:
    """The compiled templates, the glossary's matcher, the last good data and the problems
    of a refused save: all that one build hands the next."""

    def __init__(self) -> None:
        #: Set when the command is ``mkdocs serve`` (None otherwise).
        self.templates: CompiledTemplates | None = None
        #: The last glossary and its compiled matcher. Under ``mkdocs serve`` a glossary
        #: whose file did not change is the very same object (``checks.load_data`` keeps it
        #: by its content), and so is its matcher, never compiled twice for one text.
        self._matcher: tuple[Glossary, Matcher[Target]] | None = None
        #: The data of the last build that succeeded under ``mkdocs serve``.
        self.last_good: checks.Data | None = None
        #: The problems of the save the build refused, shown in a banner on every page.
        self.refused: list[Problem] = []
        #: The warnings of the build being made, shown in the banner (under serve).
        self.warnings = Warnings()

    def start(self, command: str) -> None:
        """Under ``mkdocs serve`` only, keep compiled templates between rebuilds and collect
        each build's warnings (from MkDocs' logger) for the banner."""
        self.templates = CompiledTemplates() if command == "serve" else None
        mkdocs_log = logging.getLogger("mkdocs")
        if command == "serve" and self.warnings not in mkdocs_log.handlers:
            mkdocs_log.addHandler(self.warnings)

    def begin(self) -> None:
        """A build begins: forget the last one's refused save and warnings."""
        self.refused.clear()
        self.warnings.messages.clear()

    @property
    def serving(self) -> bool:
        """Whether the command is ``mkdocs serve``."""
        return self.templates is not None

    def matcher(self, glossary: Glossary) -> Matcher[Target]:
        """The one compiled matcher of ``glossary``."""
        if self._matcher is None or self._matcher[0] is not glossary:
            self._matcher = (glossary, Matcher(targets(glossary)))
        return self._matcher[1]

    def fallback(self, error: DataFileError) -> checks.Data | None:
        """Under ``mkdocs serve``, with a good build before: remember ``error``'s problems
        for the banner and give the last good data; otherwise None (the build fails)."""
        if not self.serving or self.last_good is None:
            return None
        self.refused[:] = error.problems
        return self.last_good
