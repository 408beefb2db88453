"""``mkdocs serve``: a save the build refuses shows in the browser, not only in the terminal.

The page stays the last good build, with a banner naming the file, the line and the fix; the
next good save removes it. ``mkdocs build`` of the same broken file still fails.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from builds.test_serve import (
    ESSAY_PAGE,
    RELOAD_SECONDS,
    START_SECONDS,
    Server,
    dump,
    jcpoa_entry,
    plain,
    served_title,
    server,  # noqa: F401 (the fixture, found by its name)
)
from support.build import build


def _shown(server: Server, selector: str) -> str | None:  # noqa: F811 (the fixture's value)
    """The text of what ``selector`` finds on the served essay page: "" where it finds
    nothing, None without a page."""
    answer = server.get(ESSAY_PAGE)
    if answer is None or answer[0] != 200:
        return None
    found = BeautifulSoup(answer[1], "lxml").select_one(selector)
    return plain(found.get_text()) if found is not None else ""


def _served(server: Server) -> None:  # noqa: F811 (the fixture's value)
    """Wait until the server serves the essay page."""
    server.wait_for(f"{ESSAY_PAGE} to be served", START_SECONDS,
                    lambda: (server.get(ESSAY_PAGE) or (0, ""))[0] == 200)


def banner(server: Server) -> str | None:  # noqa: F811 (the fixture's value)
    """The text of the refused-save banner on the essay page, or None without a page."""
    return _shown(server, ".edition-refused[role=alert]")


def test_a_refused_save_shows_a_banner_over_the_last_good_pages(
    server: Server, tmp_path: Path  # noqa: F811 (the fixture)
) -> None:
    _served(server)
    data = yaml.safe_load(server.glossary.read_text(encoding="utf-8"))
    good = plain(jcpoa_entry(data)["definition"])
    assert banner(server) == ""

    entry = jcpoa_entry(data)
    broken = {("defintion" if key == "definition" else key): value for key, value in entry.items()}
    text = dump({**data, "terms": [broken if term is entry else term for term in data["terms"]]})
    line = next(n for n, row in enumerate(text.splitlines(), start=1)
                if row.strip().startswith("defintion:"))
    server.glossary.write_text(text, encoding="utf-8")
    server.wait_for("the banner", RELOAD_SECONDS, lambda: bool(banner(server)))
    shown = banner(server) or ""
    assert f"glossary.yml:{line}:" in shown
    assert "unknown key 'defintion'. Did you mean 'definition'?" in shown
    assert served_title(server) == good  # the last good build, tooltips and all
    assert server.process.poll() is None

    # mkdocs build of the same broken project still fails.
    failed = build(server.project, tmp_path / "site")
    assert failed.returncode != 0 and f"glossary.yml:{line}:" in failed.output

    mended = f"A definition written after the banner, number {uuid.uuid4().hex}."
    entry["definition"] = mended
    server.glossary.write_text(dump(data), encoding="utf-8")
    server.wait_for("the mended page without the banner", RELOAD_SECONDS,
                    lambda: served_title(server) == mended and banner(server) == "")


def warnings_banner(server: Server) -> str | None:  # noqa: F811 (the fixture's value)
    """The text of the warnings banner on the essay page, or None without a page."""
    return _shown(server, ".edition-warnings[role=status]")


def test_a_warning_that_strict_fails_on_shows_in_a_banner_under_serve(
    server: Server, tmp_path: Path  # noqa: F811 (the fixture)
) -> None:
    _served(server)
    assert warnings_banner(server) == ""
    text = server.glossary.read_text(encoding="utf-8")
    old, new = '- term: "axis of resistance"', '- term: "Axis of Resistance"'
    assert text.count(old) == 1
    server.glossary.write_text(text.replace(old, new), encoding="utf-8")
    server.wait_for("the warnings banner", RELOAD_SECONDS, lambda: bool(warnings_banner(server)))
    shown = warnings_banner(server) or ""
    # The words the strict build fails with, on the served page.
    failed = build(server.project, tmp_path / "site")
    assert failed.returncode != 0
    said = "the term 'Axis of Resistance' never occurs in the essay as written"
    assert said in failed.output and said in shown
    assert shown.startswith("1 warning that mkdocs build --strict, as CI builds, fails on:")
    server.glossary.write_text(text, encoding="utf-8")
    server.wait_for("the pages without the banner", RELOAD_SECONDS,
                    lambda: warnings_banner(server) == "")
