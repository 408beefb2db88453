"""scripts/source_urls.py: every source URL of the data files, in a list lychee reads."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import yaml
from bs4 import BeautifulSoup

from support.build import ROOT

SCRIPT = ROOT / "scripts" / "source_urls.py"
EVENTS = """\
events:
  - event: "Something happened"
    text: >-
      See [the treaty](https://en.wikipedia.org/wiki/Treaty_(1921)) and
      [a page](<https://example.org/a b>), but not [mail](mailto:x@example.org)
      nor https://example.org/bare.
    sources:
      - title: "A source"
        url: "https://example.org/source?a=1&b=2"
      - title: "The same source again"
        url: "https://example.org/source?a=1&b=2"
"""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def url_values(value: Any) -> Iterator[str]:
    """Every ``url`` value in a loaded YAML value."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url":
                yield item
            else:
                yield from url_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from url_values(item)


def listed(text: str) -> list[tuple[str, list[str]]]:
    """(URL, places) per item of the list, read as Markdown, as lychee reads it."""
    soup = BeautifulSoup(markdown.markdown(text), "lxml")
    return [(li.select_one("a")["href"], [c.get_text() for c in li.select("code")])
            for li in soup.select("li")]


def test_every_url_of_the_project_is_listed_once_with_where_it_is_cited(tmp_path: Path) -> None:
    out = tmp_path / "sources.md"
    result = run("--output", out)
    assert result.returncode == 0, result.stderr
    items = listed(out.read_text(encoding="utf-8"))
    # The data files: every YAML file that has a JSON Schema beside it.
    names = sorted(p.name for p in ROOT.glob("*.yml")
                   if (ROOT / p.name.replace(".yml", ".schema.json")).exists())
    assert {"events.yml", "glossary.yml", "notes.yml"} <= set(names)
    expected: list[str] = []
    for name in names:
        expected += url_values(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")))
    assert [url for url, _ in items] == list(dict.fromkeys(expected))
    lines = {name: (ROOT / name).read_text(encoding="utf-8").splitlines() for name in names}
    for url, places in items:
        assert places
        for place in places:
            name, _, line = place.partition(":")
            assert url in lines[name][int(line) - 1], (url, place)
    assert sum(len(places) for _, places in items) == len(expected)


def test_links_in_text_and_other_data_files(tmp_path: Path) -> None:
    (tmp_path / "events.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "events.yml").write_text(EVENTS, encoding="utf-8")
    (tmp_path / "unrelated.yml").write_text("url: https://example.org/not-data\n", "utf-8")
    result = run("--root", tmp_path)
    assert result.returncode == 0, result.stderr
    assert listed(result.stdout) == [
        ("https://en.wikipedia.org/wiki/Treaty_(1921)", ["events.yml:3"]),
        ("https://example.org/a%20b", ["events.yml:3"]),
        ("https://example.org/source?a=1&b=2", ["events.yml:9", "events.yml:11"]),
    ]


def test_no_url_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "glossary.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    result = run("--root", tmp_path)
    assert result.returncode == 1 and "no source URL" in result.stderr
