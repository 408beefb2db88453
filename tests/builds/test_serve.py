"""``mkdocs serve``: editing glossary.yml updates the served site, and a broken one is reported."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from support.build import copy_project, mkdocs_env

ESSAY_PAGE = "essay/jcpoa/"
GLOSSARY_PAGE = "glossary/"
START_SECONDS = 60
RELOAD_SECONDS = 30
POLL_SECONDS = 0.25


class _NoAliasDumper(yaml.SafeDumper):
    """Writes every value out in full: the glossary loader rejects YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=200)


def plain(text: str) -> str:
    return " ".join(text.split())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A running ``mkdocs serve`` of a copy of the project."""

    project: Path
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def glossary(self) -> Path:
        return self.project / "glossary.yml"

    def output(self) -> str:
        """Everything the server printed so far (stdout and stderr)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, page: str) -> tuple[int, str] | None:
        """The status and text of ``page``, or None if the server does not answer."""
        try:
            with urllib.request.urlopen(self.url + page, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, what: str, seconds: float, check: Callable[[], bool]) -> None:
        """Poll ``check`` until it holds; fail after ``seconds`` or if the server exits."""
        deadline = time.monotonic() + seconds
        for _ in range(int(seconds / POLL_SECONDS) + 1):
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited while waiting for {what}:\n{self.output()}")
            if check():
                return
            if time.monotonic() > deadline:
                break
            time.sleep(POLL_SECONDS)
        pytest.fail(f"after {seconds} s, still waiting for {what}:\n{self.output()}")

    def stop(self) -> None:
        """Ctrl-C, as a writer would (mkdocs then removes its temporary site)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = mkdocs_env()
    env.pop("SITE_URL", None)  # served at the root, whatever the deploy address
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    running = Server(project, process, f"http://127.0.0.1:{port}/", log)
    try:
        yield running
    finally:
        running.stop()


def served_title(server: Server) -> str | None:
    """The definition the JCPOA annotation in ¶8 gives (linked once there, by its full name).

    A pop-up names its entry before the definition ("JCPOA: ..."); a title without that
    name gives None, so a test waiting for the definition fails.
    """
    answer = server.get(ESSAY_PAGE)
    if answer is None or answer[0] != 200:
        return None
    soup = BeautifulSoup(answer[1], "lxml")
    for link in soup.select("#p8 a.ed-annotation"):
        if link.get_text() in ("JCPOA", "Joint Comprehensive Plan of Action"):
            title = link.get("title") or ""
            named, colon, definition = title.partition(": ")
            return definition if colon and named == "JCPOA" else None
    return None


def served_definition(server: Server) -> str | None:
    """The definition the served glossary page gives for JCPOA."""
    answer = server.get(GLOSSARY_PAGE)
    if answer is None or answer[0] != 200:
        return None
    heading = BeautifulSoup(answer[1], "lxml").select_one("article h2#jcpoa")
    definition = heading.find_next_sibling("p", class_="ed-gl-definition") if heading else None
    return plain(definition.get_text()) if definition else None


def jcpoa_entry(data: dict[str, Any]) -> dict[str, Any]:
    return next(entry for entry in data["terms"] if entry["term"] == "JCPOA")


def test_editing_the_glossary_reloads_the_site_and_a_broken_glossary_is_reported(
    server: Server,
) -> None:
    started = time.monotonic()
    server.wait_for(
        f"{ESSAY_PAGE} to be served",
        START_SECONDS,
        lambda: (server.get(ESSAY_PAGE) or (0, ""))[0] == 200,
    )
    data = yaml.safe_load(server.glossary.read_text(encoding="utf-8"))
    assert served_title(server) == plain(jcpoa_entry(data)["definition"])

    # A new definition reaches both the tooltip and the glossary page without a restart.
    new = f"A definition written while the server runs, number {uuid.uuid4().hex}."
    jcpoa_entry(data)["definition"] = new
    server.glossary.write_text(dump(data), encoding="utf-8")
    server.wait_for(
        "the new definition on the essay and glossary pages",
        RELOAD_SECONDS,
        lambda: served_title(server) == new and served_definition(server) == new,
    )

    # A misspelt key: the server reports the file and the line, and keeps running.
    entry = jcpoa_entry(data)
    broken = {("defintion" if key == "definition" else key): value for key, value in entry.items()}
    terms = data["terms"]
    text = dump({**data, "terms": [broken if term is entry else term for term in terms]})
    line = next(
        n
        for n, row in enumerate(text.splitlines(), start=1)
        if row.strip().startswith("defintion:")
    )
    server.glossary.write_text(text, encoding="utf-8")
    where = f"glossary.yml:{line}:"
    server.wait_for(
        f"'{where}' in the server's output", RELOAD_SECONDS, lambda: where in server.output()
    )
    time.sleep(1)  # give a crash, had the error caused one, time to happen
    assert server.process.poll() is None, "mkdocs serve died on a broken glossary"

    # ... and it is still at work: mending the file brings the site back.
    mended = f"A definition written after a mistake, number {uuid.uuid4().hex}."
    entry["definition"] = mended
    server.glossary.write_text(dump(data), encoding="utf-8")
    server.wait_for(
        "the mended definition on the essay page",
        RELOAD_SECONDS,
        lambda: served_title(server) == mended,
    )

    server.stop()
    output = server.output()
    reported = [row for row in output.splitlines() if where in row]
    assert reported, output
    assert any("defintion" in row and "'definition'" in row for row in reported), reported
    assert time.monotonic() - started < START_SECONDS + 3 * RELOAD_SECONDS + 30


def wait_served(server: Server, page: str) -> str:
    """Wait for ``page`` to be served, and return its text."""
    server.wait_for(f"{page} to be served", START_SECONDS,
                    lambda: (server.get(page) or (0, ""))[0] == 200)
    answer = server.get(page)
    assert answer is not None
    return answer[1]


def served_text(server: Server, page: str, selector: str) -> str | None:
    """The plain text of the first ``selector`` on the served ``page``, if it answers."""
    answer = server.get(page)
    if answer is None or answer[0] != 200:
        return None
    found = BeautifulSoup(answer[1], "lxml").select_one(selector)
    return plain(found.get_text()) if found else None


def test_editing_notes_yml_reloads_the_note_everywhere(server: Server) -> None:
    notes_file = server.project / "notes.yml"
    data = yaml.safe_load(notes_file.read_text(encoding="utf-8"))
    first = data["notes"][0]
    wait_served(server, "notes/")
    old = plain(first["note"]).replace("*", "")[:60]  # its Markdown emphasis rendered
    assert old in (served_text(server, "notes/", "article") or "")

    new = f"A note written while the server runs, number {uuid.uuid4().hex}."
    first["note"] = new
    notes_file.write_text(dump(data), encoding="utf-8")
    assert yaml.safe_load(notes_file.read_text(encoding="utf-8"))["notes"][0]["note"] == new
    server.wait_for("the new note on the notes page", RELOAD_SECONDS,
                    lambda: new in (served_text(server, "notes/", "article") or ""))
    assert old not in (served_text(server, "notes/", "article") or "")


def test_editing_a_page_reloads_it_and_rebuilds_the_index_from_scratch(server: Server) -> None:
    """A rebuild after a page edit counts every mention once: no state survives the build."""
    def mentions() -> tuple[str | None, int]:
        answer = server.get("actors/russia/")
        soup = BeautifulSoup(answer[1] if answer else "", "lxml")
        return (served_text(server, "actors/russia/", "article .ed-rubric"),
                len(soup.select("article h2#mentions ~ ol > li")))

    wait_served(server, ESSAY_PAGE)
    before = mentions()
    assert before[0] and f"{before[1]} mentions" in before[0], before

    page = server.project / "docs" / "essay" / "jcpoa.md"
    marker = f"Summary edited while the server runs, number {uuid.uuid4().hex}."
    text = page.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("The nuclear agreement"))
    page.write_text(text.replace(summary, marker, 1), encoding="utf-8")
    assert marker in page.read_text(encoding="utf-8")
    server.wait_for("the edited summary on the essay page", RELOAD_SECONDS,
                    lambda: marker in (served_text(server, ESSAY_PAGE, "article") or ""))
    assert mentions() == before


def test_a_template_edited_while_serving_is_used_by_the_next_rebuild(server: Server) -> None:
    """The templates compiled once per serve are compiled again when their source changes."""
    wait_served(server, ESSAY_PAGE)
    template = server.project / "hooks" / "templates" / "main.html"
    marker = f"edition-template-{uuid.uuid4().hex}"
    text = template.read_text(encoding="utf-8")
    assert "{% block extrahead %}" in text
    template.write_text(text.replace("{% block extrahead %}",
                                     f'{{% block extrahead %}}<meta name="{marker}">', 1),
                        encoding="utf-8")
    assert marker in template.read_text(encoding="utf-8")
    # mkdocs serve does not watch the theme: a data edit makes the rebuild.
    data = yaml.safe_load(server.glossary.read_text(encoding="utf-8"))
    new = f"A definition written with the template, number {uuid.uuid4().hex}."
    jcpoa_entry(data)["definition"] = new
    server.glossary.write_text(dump(data), encoding="utf-8")
    server.wait_for("the new definition", RELOAD_SECONDS, lambda: served_title(server) == new)
    answer = server.get(ESSAY_PAGE)
    assert answer is not None
    assert BeautifulSoup(answer[1], "lxml").find("meta", attrs={"name": marker}), \
        "the rebuild rendered the template compiled before the edit"
