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


def banner(server: Server) -> str | None:  # noqa: F811 (the fixture's value)
    """The text of the refused-save banner on the essay page, or None without one."""
    answer = server.get(ESSAY_PAGE)
    if answer is None or answer[0] != 200:
        return None
    found = BeautifulSoup(answer[1], "lxml").select_one(".edition-refused[role=alert]")
    return plain(found.get_text()) if found is not None else ""


def test_a_refused_save_shows_a_banner_over_the_last_good_pages(
    server: Server, tmp_path: Path  # noqa: F811 (the fixture)
) -> None:
    server.wait_for(f"{ESSAY_PAGE} to be served", START_SECONDS,
                    lambda: (server.get(ESSAY_PAGE) or (0, ""))[0] == 200)
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
