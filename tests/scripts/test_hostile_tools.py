"""pr_summary.py and check_glossary.py with hostile data files: never a
traceback, every value escaped, messages whole, an unreadable file reported as such."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from support.build import ROOT
from support.data import GOOD_ENTRY

SCRIPTS = ROOT / "scripts"


def load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_file_name_in_the_summary_is_escaped() -> None:
    pr_summary = load_script("pr_summary")
    hostile = "x`<img src=x onerror=alert(1)>`![i](https://e.org/i.png).yml"
    change = pr_summary.compare(hostile, b"terms: []\n", b"terms: [1]\n")
    html = markdown.markdown(pr_summary.summary([change], {}), extensions=["tables"])
    soup = BeautifulSoup(html, "lxml")
    assert not soup.select("img") and "<img" in soup.select_one("h3").get_text()


def test_deep_nesting_gives_problems_not_a_traceback() -> None:
    pr_summary = load_script("pr_summary")
    deep = ("terms:\n" + GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]",
                                            "[" * 700 + "]" * 700)).encode()
    change = pr_summary.compare("glossary.yml", ("terms:\n" + GOOD_ENTRY).encode(), deep)
    assert change.problems == ["in this pull request the file cannot be read as YAML (lists or "
                               "mappings nest more than 20 levels deep here; an entry needs at "
                               "most four (an entry, its sources, a source, its fields). Check "
                               "the brackets and the indentation.)"]
    # Unreadable: said so, and no entry is listed as removed.
    assert change.removed == [] and change.added == []


def test_problem_messages_keep_their_advice() -> None:
    pr_summary = load_script("pr_summary")
    long = ("terms:\n" + GOOD_ENTRY.replace("term: JCPOA", 'term: "JC\\u202ePOA"')).encode()
    change = pr_summary.compare("glossary.yml", ("terms:\n" + GOOD_ENTRY).encode(), long)
    text = pr_summary.summary([change], {})
    assert "remove it" in text and "\u202e" not in text


def test_check_glossary_never_prints_a_traceback(tmp_path: Path) -> None:
    for body in ("[" * 800 + "]" * 800, '"\\u202e"', '"a\\x01"'):
        path = tmp_path / "glossary.yml"
        path.write_text("terms:\n" + GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]",
                                                        f"[{body}]"), encoding="utf-8")
        proc = subprocess.run([sys.executable, str(SCRIPTS / "check_glossary.py"), str(path)],
                              capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"})
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr and "glossary.yml:3:" in proc.stderr
        # Workflow commands only at the start of a line, never contributor text.
        for line in (proc.stdout + proc.stderr).splitlines():
            assert not line.startswith("::") or line.startswith("::error file=")
