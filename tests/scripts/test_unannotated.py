"""scripts/unannotated.py lists the essay's names that no glossary entry covers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from support.build import ROOT, copy_project, replace_once

SCRIPT = ROOT / "scripts" / "unannotated.py"
LINE = re.compile(r"^(.+) \((\d+)\): (.+)$")


def listed(project: Path = ROOT) -> dict[str, list[str]]:
    proc = subprocess.run([sys.executable, str(SCRIPT), str(project / "glossary.yml")],
                          capture_output=True, text=True, timeout=120, cwd=project)
    assert proc.returncode == 0, proc.stderr
    found = {}
    for line in proc.stdout.splitlines():
        match = LINE.match(line)
        assert match, line
        found[match.group(1)] = match.group(3).split(", ")
    assert proc.stderr.strip() == f"{len(found)} names no entry covers."
    return found


def essay_paragraphs() -> dict[str, str]:
    """Each numbered paragraph's Markdown source, by its label (¶N), from the essay's files."""
    found = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for body, number in re.findall(r"(?ms)^(.+?)\n\{ \.essay #p(\d+) \}", text):
            found[f"¶{number}"] = body.split("\n\n")[-1]
    return found


def test_each_name_listed_is_in_its_paragraphs_and_is_no_entrys_form() -> None:
    found = listed()
    assert found
    paragraphs = essay_paragraphs()
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    forms = {form.casefold() for entry in raw["terms"] + raw["actors"]
             for form in [entry.get("term", ""), *entry.get("aliases", []),
                          *entry.get("variants", [])] if form}
    assert len(paragraphs) >= 10
    checked = 0
    for name, places in found.items():
        assert name.casefold() not in forms, name
        for place in places:
            if place in paragraphs:  # the others: a caption, the byline
                assert name in paragraphs[place], (name, place)
                checked += 1
    assert checked >= len(found) // 2


def test_a_name_given_to_an_entry_is_no_longer_listed(tmp_path: Path) -> None:
    name = next(n for n in listed() if " " in n)  # a phrase, as the essay writes it
    project = copy_project(tmp_path / "project")
    replace_once(project / "glossary.yml", '- term: "Anglophobia"\n    aliases: []',
                 f'- term: "Anglophobia"\n    aliases: ["{name}"]')
    assert name not in listed(project)
