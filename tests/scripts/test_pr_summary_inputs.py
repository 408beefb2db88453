"""scripts/pr_summary.py on what a hostile or careless pull request writes: values of the
wrong type, keys YAML reads as numbers, a file it cannot read, a renamed actor that is one
with a term, addresses GitHub would link. Never a traceback; what it says is true; the
summary, rendered as GitHub renders it, holds no link a contributor wrote as text."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from support.build import ROOT, replace_once
from support.scripts import load_script

DATA = ("glossary.yml", "glossary.schema.json", "notes.yml", "notes.schema.json",
        "events.yml", "events.schema.json")
#: A term's lines in glossary.yml as written (its aliases' and its definition's lines).
TERM_ALIASES = '  - term: "Supreme Leader"\n'
ACTOR_NAME = '  - name: "Ali Khamenei"\n'


def github(markdown: str) -> str:
    """The summary as GitHub renders it: CommonMark, tables, and bare addresses linked."""
    return MarkdownIt("gfm-like").render(markdown)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base", tmp_path / "head"
    for folder in (base, head):
        folder.mkdir()
        for name in DATA:
            shutil.copy2(ROOT / name, folder / name)
    return base, head


def summary(base: Path, head: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert load_script("pr_summary").main(
            ["--base-dir", str(base), "--head-dir", str(head), "--docs", str(head / "none")]) == 0
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return out.getvalue()


def set_in_first_term(head: Path, key: Any, value: Any) -> None:
    """Write ``key: value`` into the first term of ``head``'s glossary (as YAML reads it)."""
    data = yaml.safe_load((head / "glossary.yml").read_text(encoding="utf-8"))
    data["terms"][0][key] = value
    (head / "glossary.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


def problems(markdown: str) -> list[str]:
    """The summary's problems, as GitHub shows them."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(github(markdown), "lxml")
    return [li.get_text() for li in soup.select("li") if li.get_text().startswith("Problem:")]


@pytest.mark.parametrize("value", [5, True, {"a": "b"}, [1, None]])
def test_aliases_of_the_wrong_type_are_the_builds_problem_not_a_crash(
        versions: tuple[Path, Path], value: Any) -> None:
    base, head = versions
    set_in_first_term(head, "aliases", value)
    found = problems(summary(base, head))
    assert found and all(p.startswith("Problem: glossary.yml:") for p in found)
    assert any("aliases" in p for p in found), found


@pytest.mark.parametrize("key", [1, True, 2.5])
def test_a_key_yaml_reads_as_a_number_or_a_yes_is_named_as_written(
        versions: tuple[Path, Path], key: Any) -> None:
    base, head = versions
    set_in_first_term(head, key, "x")
    text = summary(base, head)
    found = problems(text)
    assert any(p.startswith("Problem: glossary.yml:") and "is not a name" in p for p in found)
    assert "Fields changed" in text  # the entry is listed, its new key named as written


def test_a_head_file_that_cannot_be_read_is_reported_not_called_unchanged(
        versions: tuple[Path, Path]) -> None:
    base, head = versions
    (head / "notes.yml").unlink()
    (head / "notes.yml").mkdir()  # read_bytes fails, as for a file without permission
    text = summary(base, head)
    assert "the file cannot be read" in text
    assert "No entry added" not in text
    (head / "notes.yml").rmdir()
    (head / "notes.yml").write_bytes(b"notes:\n  - id: \xff\xfe\n")  # not UTF-8
    text = summary(base, head)
    assert "cannot be read" in text and "No entry added" not in text


def test_a_renamed_actor_that_is_one_with_a_term_is_shown_renamed(
        versions: tuple[Path, Path]) -> None:
    base, head = versions
    replace_once(head / "glossary.yml", ACTOR_NAME, '  - name: "Ali Hosseini Khamenei"\n')
    html = github(summary(base, head))
    assert "actor Ali Khamenei" in html and "actor Ali Hosseini Khamenei" in html
    assert "actor Supreme Leader" not in html


@pytest.mark.parametrize("text", [
    "See https://evil.example/login now", "Write to someone@evil.example please",
    "Or www.evil.example today", "mailto:someone@evil.example", "xmpp:a@evil.example",
])
def test_bare_addresses_in_contributor_text_are_not_linked_as_github_renders_it(
        versions: tuple[Path, Path], text: str) -> None:
    base, head = versions
    replace_once(head / "glossary.yml", ACTOR_NAME, f'  - name: "{text}"\n')
    html = github(summary(base, head))
    assert "<a " not in html, html
    assert text.replace("&", "&amp;") in html  # shown, character for character
