"""Under ``mkdocs serve`` a rebuild reads again only the data files that changed:
``checks.load_data`` keeps each file's last good reading by its content, never by its time
stamp, so a changed file always gives new data and an unchanged one the very same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from edition.data.datafile import DataFileError
from edition.index import checks
from support.build import ROOT

FILES = ("glossary.yml", "notes.yml", "events.yml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy2(ROOT / name, tmp_path / name)
    return tmp_path


def load(project: Path) -> checks.Data:
    return checks.load_data(*(project / name for name in FILES))


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` once, keeping the file's time stamp."""
    stamp = path.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))


def test_unchanged_files_give_the_same_data(project: Path) -> None:
    first, second = load(project), load(project)
    assert second.glossary is first.glossary
    assert second.notes is first.notes
    assert second.events is first.events


def test_a_changed_file_always_gives_new_data_and_only_it(project: Path) -> None:
    first = load(project)
    # An event's description, from the raw file, in another case: same size, same stamp.
    raw = yaml.safe_load((project / "events.yml").read_text(encoding="utf-8"))
    description = raw["events"][0]["description"]
    edit_in_place(project / "events.yml", description, description.swapcase())
    second = load(project)
    assert second.events is not first.events
    assert second.events.get(raw["events"][0]["id"]).description == description.swapcase()
    assert second.glossary is first.glossary and second.notes is first.notes
    # A note's text, the same way.
    notes = yaml.safe_load((project / "notes.yml").read_text(encoding="utf-8"))["notes"]
    word = next(w for w in sorted(set(notes[0]["note"].split()), key=len, reverse=True)
                if w.isalpha() and (project / "notes.yml").read_text().count(w) == 1)
    edit_in_place(project / "notes.yml", word, word.swapcase())
    third = load(project)
    assert third.notes is not second.notes
    assert word.swapcase() in third.notes[0].text and word not in third.notes[0].text


def test_a_broken_file_is_refused_again_after_a_good_reading(project: Path) -> None:
    good = load(project)
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    (project / "glossary.yml").write_text(text.replace("terms:", "terms: [", 1),
                                          encoding="utf-8")
    for _ in range(2):  # never kept: refused every time
        with pytest.raises(DataFileError, match=r"glossary\.yml"):
            load(project)
    (project / "glossary.yml").write_text(text, encoding="utf-8")
    assert load(project).glossary == good.glossary
