"""scripts/https_sources.py: http sources moved to https per judged host, the rest marked
``http_only``, hosts not judged reported; idempotent; the project's data need nothing more."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from support.build import ROOT

SCRIPT = ROOT / "scripts" / "https_sources.py"
GLOSSARY = """\
terms:
  - term: JCPOA
    category: treaty
    definition: The nuclear agreement.
    sources:
      - title: "BBC"
        url: "http://news.bbc.co.uk/2/hi/middle_east/4680294.stm"
      - title: "Acronym"
        url: "http://acronym.org.uk/old/archive/docs/0602/doc01.htm"
      - title: "VUB"
        url: "http://poli.vub.ac.be/publi/ContBorders/eng/ch0701.htm"
      - title: "Already https"
        url: "https://example.org/a"
"""
NOTES = """\
notes:
  - quote: "a quote"
    kind: reference
    note: A note.
    sources:
      - title: "Nobody judged this host"
        url: "http://unjudged.example/page"
    gloss: A gloss.
"""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def urls(path: Path) -> list[dict[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [source for key in ("terms", "notes", "events") for entry in data.get(key, [])
            for source in entry["sources"]]


def test_converts_marks_and_reports_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "notes.yml").write_text(NOTES, encoding="utf-8")
    (tmp_path / "events.yml").write_text("events: []\n", encoding="utf-8")
    first = run("--root", tmp_path)
    assert first.returncode == 1  # a host not judged
    assert "notes.yml:7: http://unjudged.example/page: the host unjudged.example is not " \
           "judged" in first.stderr
    sources = urls(tmp_path / "glossary.yml")
    assert [s["url"] for s in sources] == [
        "https://news.bbc.co.uk/2/hi/middle_east/4680294.stm",
        "https://www.acronym.org.uk/old/archive/docs/0602/doc01.htm",
        "http://poli.vub.ac.be/publi/ContBorders/eng/ch0701.htm",
        "https://example.org/a"]
    assert [bool(s.get("http_only")) for s in sources] == [False, False, True, False]
    assert urls(tmp_path / "notes.yml") == [{"title": "Nobody judged this host",
                                            "url": "http://unjudged.example/page"}]
    # Only url lines change, and one line is added under the url kept.
    before, after = GLOSSARY.splitlines(), (tmp_path / "glossary.yml").read_text().splitlines()
    assert len(after) == len(before) + 1
    assert [line for line in after if line not in before] == [
        '        url: "https://news.bbc.co.uk/2/hi/middle_east/4680294.stm"',
        '        url: "https://www.acronym.org.uk/old/archive/docs/0602/doc01.htm"',
        after[after.index('        url: "http://poli.vub.ac.be/publi/ContBorders/eng/ch0701.htm"')
              + 1]]
    text = (tmp_path / "glossary.yml").read_text()
    second = run("--root", tmp_path)
    assert (tmp_path / "glossary.yml").read_text() == text
    assert second.returncode == 1 and "poli.vub.ac.be" not in second.stdout


def test_the_project_data_have_no_http_source_left_to_judge() -> None:
    result = run("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr == ""
