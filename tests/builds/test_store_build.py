"""What a build keeps on disk (``edition.data.store``), in real builds: a second build reads
the data files' readings back instead of loading the libraries that judge the files, and the
network's layout instead of computing it, and builds the very same site; a kept reading
never hides a problem of a changed file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support.build import ROOT, build, copy_project, mkdocs_env, replace_once

#: The libraries only a first build needs: those that judge the data files (YAML aside, which
#: MkDocs loads), pybtex, which writes the BibTeX entry, and tinycss2, which reads Material's
#: palette stylesheet, both then kept.
JUDGES = ("wordfreq", "icu", "jsonschema", "pybtex", "tinycss2")
#: A build in a process of its own that says which of JUDGES it loaded.
BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml", site_dir=sys.argv[1], strict=True))
print(json.dumps(sorted(name for name in sys.argv[2:] if name in sys.modules)))
"""


def loaded_while_building(project: Path, site: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-c", BUILD, str(site), *JUDGES], cwd=project,
                            env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_second_build_reads_the_files_back_and_builds_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "store"
    monkeypatch.setenv("EDITION_CACHE", str(kept))
    # The first build reads and judges every file, and asks wordfreq about the glossary.
    first = loaded_while_building(ROOT, tmp_path / "first")
    assert first == ["icu", "pybtex", "tinycss2", "wordfreq"]
    kinds = sorted(path.name.rsplit("-", 1)[0] for path in kept.iterdir())
    # the notes' anchors; the BibTeX entry; the network's layout and its labels moved apart;
    # the share of Material's palette stylesheet; glossary, notes, events; the words
    assert kinds == ["anchors", "bibtex", "network-layout", "network-separation", "palette",
                     "read", "read", "read", "zipf"]
    assert loaded_while_building(ROOT, tmp_path / "second") == []
    assert files(tmp_path / "second") == files(tmp_path / "first")


def test_a_kept_reading_never_hides_a_problem(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "store"))
    project = copy_project(tmp_path / "project")
    glossary = project / "glossary.yml"
    sound = glossary.read_text(encoding="utf-8")
    reason = ("    common_word: \"Every 'veto' in the essay is a permanent member's veto in the UN "
              "Security Council.\"\n")
    # Without the reason its entry gives, the term is refused: the first time wordfreq is
    # asked, the second time its answer is read back from the store, in the same words.
    replace_once(glossary, reason, "")
    messages = []
    for attempt in ("asked", "kept"):
        refused = build(project, tmp_path / attempt)
        assert refused.returncode == 1, attempt
        messages.append([line for line in refused.output.splitlines() if "'veto'" in line])
    assert messages[0] and messages[0] == messages[1]
    assert "the term 'veto' is a common English word" in messages[1][0]
    # A sound reading kept, then a problem in the same file: found afresh.
    glossary.write_text(sound, encoding="utf-8")
    assert build(project, tmp_path / "sound").returncode == 0
    glossary.write_text(sound.replace("    definition: >-", "    definitio: >-", 1),
                        encoding="utf-8")
    broken = build(project, tmp_path / "broken")
    assert broken.returncode == 1 and "definitio" in broken.output
