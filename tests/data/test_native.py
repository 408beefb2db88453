"""Names in their own script (``native``) and the one-spelling rule across data files.

The glossaries here are written out in YAML; the expected messages come from what the
test writes, not from the loader.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from edition.data.datafile import DataFileError
from edition.data.glossary import GlossaryError, load, parse
from edition.index.checks import load_data
from support.build import ROOT

ZWNJ = "\u200c"


def actor(native: str, extra: str = "") -> bytes:
    return textwrap.dedent(f"""\
        terms:
          - term: JCPOA
            category: treaty
            definition: The nuclear agreement of 14 July 2015.
            sources:
              - title: A source
                url: https://example.org/jcpoa
        actors:
          - name: Ali Akbar Velayati
            kind: person
            native: {native}
            aliases: [Velayati]
            description: Iranian foreign minister 1981-97.
            sources:
              - title: A source
                url: https://example.org/velayati
        {extra}""").encode()


def problems(data: bytes) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        parse(data)
    return [str(problem) for problem in caught.value.problems]


def test_a_persian_name_with_its_zero_width_non_joiner_loads_and_reads_right_to_left() -> None:
    text = f"علی{ZWNJ}اکبر ولایتی"
    (velayati,) = parse(actor(f'{{text: "{text}", lang: fa}}')).actors
    assert velayati.native == (text, "fa")
    assert velayati.native_dir == "rtl"
    # not a form: the matcher never looks for it in the English essay
    assert text not in velayati.forms


def test_a_russian_name_reads_left_to_right() -> None:
    (person,) = parse(actor('{text: "Владимир Путин", lang: ru}')).actors
    assert person.native_dir == "ltr"


@pytest.mark.parametrize("tag", ["fa_IR", "FA", "persian", "f"])
def test_a_tag_not_of_bcp47_form_is_refused_by_the_schema(tag: str) -> None:
    (message,) = problems(actor(f'{{text: "ولایتی", lang: "{tag}"}}'))
    assert "glossary.yml:11" in message and "lang" in message


def test_a_tag_of_no_known_language_is_refused() -> None:
    (message,) = problems(actor('{text: "ولایتی", lang: xx}'))
    assert "native.lang 'xx'" in message and "BCP 47" in message


@pytest.mark.parametrize(("native", "script"), [
    ('{text: "Velayati", lang: fa}', "Latn"),           # Latin letters tagged Persian
    ('{text: "ولایتی", lang: ru}', "Arab"),              # Persian letters tagged Russian
    ('{text: "Влаdимир", lang: ru}', "Latn"),           # one Latin letter among Cyrillic
])
def test_letters_of_another_script_than_the_languages_are_refused(native: str,
                                                                  script: str) -> None:
    (message,) = problems(actor(native))
    assert "actor 'Ali Akbar Velayati'" in message and f"script {script}" in message


def test_a_hidden_character_in_a_native_name_is_refused() -> None:
    (message,) = problems(actor('{text: "ولایتی\u202e", lang: fa}'))
    assert "U+202E" in message


def test_the_projects_native_names_load_and_each_is_on_record() -> None:
    """Read with plain YAML: every native name has its evidence row in identifiers.md, and
    the whole glossary passes the look-alike and character checks with them."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    natives = [(a["name"], a["native"]) for a in raw["actors"] if "native" in a]
    assert len(natives) >= 15
    assert any(ZWNJ in n["text"] for _, n in natives)  # Persian spelling kept whole
    audit = (ROOT / "maintainers" / "identifiers.md").read_text(encoding="utf-8")
    for name, native in natives:
        assert f"| {name} | {native['text']} | {native['lang']} |" in audit, name
    loaded = {a.name: a.native for a in load(ROOT / "glossary.yml").actors if a.native}
    assert loaded == {name: (n["text"], n["lang"]) for name, n in natives}


# ---- the one-spelling rule in notes.yml and events.yml ------------------------------


def _project(tmp_path: Path) -> Path:
    for name in ("glossary.yml", "notes.yml", "events.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _load(project: Path) -> None:
    load_data(project / "glossary.yml", project / "notes.yml", project / "events.yml")


def test_a_variant_in_an_events_description_is_refused_with_its_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = project / "events.yml"
    text = path.read_text(encoding="utf-8")
    old = "Putin names the 'denazification' of Ukraine"
    assert old in text
    path.write_text(text.replace(old, "Putin names the denazification of Ukraine"),
                    encoding="utf-8")
    # the event's own line: where its id is
    line = next(n for n, row in enumerate(text.splitlines(), 1)
                if row.strip() == "- id: denazification-speech")
    with pytest.raises(DataFileError) as caught:
        _load(project)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("events.yml", line)
    assert "'denazification'" in problem.message and "write 'de-Nazification'" in problem.message


def test_a_variant_in_a_note_is_refused_but_a_quoted_one_is_the_sources(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = project / "notes.yml"
    text = path.read_text(encoding="utf-8")
    words = "The essay was published by"  # the first note's opening words
    assert text.count(words) == 1
    path.write_text(text.replace(words, "As 'Turkmenchay' shows, " + words), encoding="utf-8")
    _load(project)  # a quotation keeps its source's spelling
    path.write_text(text.replace(words, "Turkmenchay aside, " + words), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        _load(project)
    (problem,) = caught.value.problems
    assert problem.file == "notes.yml" and "notes[0]" in problem.message
    assert "'Turkmenchay'" in problem.message
    assert "write 'Treaty of Turkmenchai'" in problem.message


def test_the_projects_notes_and_events_keep_one_spelling() -> None:
    _load(ROOT)
