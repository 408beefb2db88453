"""The quick check (``scripts/check_glossary.py``) reports exactly what the build would.

For each broken copy of the project, the check's problems and those of a real
``mkdocs build --strict`` are the same lines: the same file, line and words.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition.data.datafile import Problem
from edition.index import checklist
from support.build import ROOT, build, build_in_process, copy_project, replace_once
from support.scripts import load_script

SCRIPT = ROOT / "scripts" / "check_glossary.py"
#: A problem as both print it: ``glossary.yml:12: what is wrong and what to do``, or one of
#: the essay as a whole.
PROBLEM = re.compile(r"\b((?:glossary|notes|events|work)\.yml:\d+: .+"
                     r"|the essay's paragraph numbers have gaps: .+)$")

#: name: (file, old text, new text, words the problem must contain)
BROKEN = {
    "entry-names-no-event": (
        "glossary.yml", "events: [treaty-of-friendship-1921]", "events: [treaty-of-friendshp]",
        "which is no event in events.yml. Did you mean 'treaty-of-friendship-1921'?"),
    "quotation-extra-comma": (
        "notes.yml", 'quote: "the 1921 Treaty of Friendship"',
        'quote: "the 1921 Treaty, of Friendship"', "[-,-]"),
    "form-in-another-case": (
        "glossary.yml", '- term: "axis of resistance"', '- term: "Axis of Resistance"',
        "in another case: 'axis of resistance' (¶1)"),
    "wrong-note-kind": (
        "notes.yml", "kind: slip", "kind: slips", "'slip', the author's evident slip"),
    # a note's references to a paragraph and to another note, and the notes' ids.
    "note-refers-to-no-paragraph": (
        "notes.yml", "(see ¶8)", "(see ¶18)",
        "the note refers to ¶18, which the essay does not have (it has ¶1–¶15)"),
    "note-links-to-no-note": (
        "notes.yml", "(note:following-year)", "(note:following-yaer)",
        "the note links to note:following-yaer, but no note has the id 'following-yaer'"),
    "two-notes-one-id": (
        "notes.yml", "- id: treaty-turkmenchai", "- id: title",
        "the id 'title' is already the id of notes[0] (line 11)"),
    "common-word-alias": (
        "glossary.yml", '- term: "Anglophobia"\n    aliases: []',
        '- term: "Anglophobia"\n    aliases: [war]',
        "the alias 'war' is a common English word (Zipf frequency 5.46 in wordfreq's English "
        "list; 3.5 or more is common) and matches in lower case, so it would link ¶15 "
        "('and strains of war have revealed something')"),
    "gloss-over-the-limit": (
        "notes.yml", 'gloss: "Published on 15 August 2022,',
        'gloss: "' + "and " * 20 + 'Published on 15 August 2022,',
        "the gloss has 38 words; a gloss has at most 25"),
    "unused-event": (
        "events.yml", "events:\n", "events:\n  - id: an-event-of-no-one\n    date: \"1900\"\n"
        "    description: \"Nothing the edition discusses\"\n    sources:\n"
        "      - {title: \"A source\", url: \"https://example.org/a\"}\n",
        "the event 'an-event-of-no-one' is referred to by no note"),
    # Contributor text read once, where the file is read: the same refusals in both.
    "character-reference": (
        "glossary.yml", "definition: >-\n      Treaty signed",
        "definition: >-\n      Treaty &#x202E;signed",
        "'&#x202E;' stands for U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "joiner-inside-a-latin-word": (
        "glossary.yml", 'title: "Ali Akbar Velayati - Wikipedia"',
        'title: "Ali Akbar\\u200dVelayati - Wikipedia"', "U+200D (ZERO WIDTH JOINER)"),
    "a-long-s-is-an-s": (
        "glossary.yml", '  - term: "Supreme Leader"\n    aliases: []',
        '  - term: "Supreme Leader"\n    aliases: ["\u017fupreme Leader"]', "ſupreme Leader"),
    "coordinates-not-a-number": (
        "glossary.yml", "coordinates: {lat: 41.667, lon: 50.667}",
        "coordinates: {lat: .nan, lon: 50.667}", "'.nan', which is not a finite number"),
    "a-country-the-map-lacks": (
        "glossary.yml", "countries: [Kazakhstan,", "countries: [Kazakstan,",
        "Did you mean 'Kazakhstan'?"),
    "actor-id-of-the-actors-index": (
        "glossary.yml", '  - name: "Ali Khamenei"\n', '  - name: "Ali Khamenei"\n    id: index\n',
        "whose page would be the actors index (actors/index.md)"),
    "paragraph-range-backwards": (
        "notes.yml", "(see ¶8)", "(see ¶9–2)", "the range '¶9–2' runs backwards"),
    "quotation-everywhere": (
        "notes.yml", 'quote: "the 1921 Treaty of Friendship"', 'quote: "e"', " more); add"),
    "work-published-on-no-day": (
        "work.yml", 'published: "2022-08-15"', 'published: "2022-08-32"', "2022-08-32"),
    "paragraph-number-skipped": (
        "docs/essay/conclusion.md", "{ .essay #p15 }", "{ .essay #p16 }",
        "the essay's paragraph numbers have gaps: no paragraph has the id 'p15'"),
}


def problems(output: str) -> set[str]:
    return {m.group(1).strip() for line in output.splitlines() if (m := PROBLEM.search(line))}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_check_reports_what_the_build_reports(name: str, tmp_path: Path) -> None:
    file, old, new, expected = BROKEN[name]
    project = copy_project(tmp_path / "project")
    replace_once(project / file, old, new)
    check = subprocess.run([sys.executable, str(SCRIPT), str(project / "glossary.yml")],
                           capture_output=True, text=True, timeout=120, cwd=project)
    built = build(project, tmp_path / "site")
    assert check.returncode == 1 and built.returncode != 0
    found = problems(check.stdout + check.stderr)
    assert found == problems(built.output)
    assert any(expected in problem for problem in found), found
    assert all(problem.startswith(f"{file}:") for problem in found
               if not file.startswith("docs/")), found


def test_the_check_passes_the_project_as_the_build_does() -> None:
    check = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                           timeout=120, cwd=ROOT)
    assert check.returncode == 0, check.stderr
    assert "notes.yml: OK" in check.stdout and "events.yml: OK" in check.stdout


def test_the_check_and_the_build_run_one_list_of_checks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A check added to ``checklist.CHECKS`` is run by both, at its stage and in order:
    neither keeps a list of its own."""
    def spy(stage: checklist.Stage) -> checklist.Check:
        return checklist.Check(stage, f"spy {stage}", lambda reading: [
            Problem("glossary.yml", 1, f"the {stage} stage ran a check from the one list")])

    monkeypatch.setattr(checklist, "CHECKS", (*checklist.CHECKS,
                                              *(spy(stage) for stage in checklist.STAGES)))
    project = copy_project(tmp_path / "project")
    assert load_script("check_glossary").main([str(project / "glossary.yml")]) == 1
    checked = capsys.readouterr().err
    built = build_in_process(project, tmp_path / "site")
    expected = [f"glossary.yml:1: the {stage} stage ran a check from the one list"
                for stage in checklist.STAGES]
    for output in (checked, built.output):
        assert [m.group(1) for line in output.splitlines()
                if (m := PROBLEM.search(line))] == expected, output
    assert built.returncode != 0


@pytest.mark.parametrize("path", ["hooks/edition/build/build.py", "scripts/check_glossary.py"])
def test_neither_calls_a_check_outside_the_list(path: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    called = [name for name in ("checks.load_data", "checks.data_warnings",
                                "checks.common_word_problems", "checks.anchor_notes",
                                "checks.form_problems", "duplicate_ids", ".gaps()", "load_work")
              if name in source]
    assert called == []
