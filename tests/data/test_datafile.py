"""The shared reader of data files: messages for each kind of mistake, the error's summary,
workflow commands at every level, and the schema validator's references written out."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from edition.data import datafile
from edition.data.datafile import DataFileError, Problem, Spec
from edition.data.glossary import SPEC as GLOSSARY
from edition.data.glossary import GlossaryError, load, parse
from support.build import ROOT
from support.data import GOOD_ENTRY
from support.workflow import commands

GLOSSARY_KEYS = ("aliases, case, category, common_word, coordinates, countries, definition, "
                 "events, id, identifiers, note, site, "
                 "sources, term, variants")


def caught(text: str) -> GlossaryError:
    with pytest.raises(GlossaryError) as error:
        parse(textwrap.dedent(text).encode())
    return error.value


def problems(text: str) -> list[str]:
    return [str(problem) for problem in caught(text).problems]


# ---- Messages -----------------------------------------------------------------------


def test_a_top_level_list_of_the_wrong_type_is_named() -> None:
    assert problems("terms: 5\n") == [
        "glossary.yml:1: 'terms' must be a list, but YAML read a number."]


def test_a_file_without_its_required_list_says_so() -> None:
    assert problems("actors: []\n") == ["glossary.yml:1: the file has no 'terms'; add it."]


def test_an_unknown_key_unlike_any_allowed_one_gets_no_guess() -> None:
    assert problems("terms:\n" + GOOD_ENTRY + "    zzzz: 1\n") == [
        f"glossary.yml:9: terms[0] 'JCPOA': unknown key 'zzzz'. Allowed keys: {GLOSSARY_KEYS}."]


def test_text_where_a_list_belongs_is_named_without_quoting_advice() -> None:
    text = GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]", "Joint")
    assert problems("terms:\n" + text) == [
        "glossary.yml:3: terms[0] 'JCPOA': 'aliases' must be a list, but YAML read text."]


def test_too_many_items_are_named_with_the_limit() -> None:
    sources = "".join(f"      - title: Source {n}\n        url: https://example.org/{n}\n"
                      for n in range(11))
    text = GOOD_ENTRY.split("    sources:\n")[0] + "    sources:\n" + sources
    assert problems("terms:\n" + text) == [
        "glossary.yml:7: terms[0] 'JCPOA': 'sources' has more than 10 items."]


def test_a_bad_event_id_gets_the_advice_for_ids() -> None:
    text = GOOD_ENTRY + "    events: [Bad Id]\n"
    assert problems("terms:\n" + text) == [
        "glossary.yml:9: terms[0] 'JCPOA': 'events[0]' is 'Bad Id'; it must be lower-case "
        "letters and digits joined by single hyphens, e.g. 'treaty-of-1921'."]


def test_a_form_with_outer_spaces_gets_the_advice_for_text() -> None:
    text = GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]", '[" Joint Plan"]')
    assert problems("terms:\n" + text) == [
        "glossary.yml:3: terms[0] 'JCPOA': 'aliases[0]' is ' Joint Plan'; it must be text "
        "without leading or trailing spaces."]


# ---- The error's summary --------------------------------------------------------------


def test_the_error_counts_one_problem_in_the_singular() -> None:
    error = caught("actors: []\n")
    assert str(error) == ("1 problem in the glossary:\n"
                          "  glossary.yml:1: the file has no 'terms'; add it.")


def test_the_error_lists_two_problems_one_a_line() -> None:
    text = GOOD_ENTRY.replace("category: treaty", "category: nonsense") + "    zzzz: 1\n"
    error = caught("terms:\n" + text)
    assert str(error) == (
        "2 problems in the glossary:\n"
        "  glossary.yml:4: terms[0] 'JCPOA': 'category' is 'nonsense'; it must be one of: "
        "treaty, institution, event, place, term, phrase.\n"
        f"  glossary.yml:9: terms[0] 'JCPOA': unknown key 'zzzz'. Allowed keys: {GLOSSARY_KEYS}.")


# ---- Workflow commands ----------------------------------------------------------------


def test_a_notice_on_the_first_line() -> None:
    line = Problem("events.yml", 1, "the event 'x' is referred to by nothing").workflow_command(
        level="notice")
    (command,) = commands(line)
    assert command.level == "notice"
    assert command.properties == {"file": "events.yml", "line": "1",
                                  "title": "Note on events.yml"}
    assert command.message == "the event 'x' is referred to by nothing"


# ---- The schema and its validator ------------------------------------------------------


def test_the_schemas_are_read_as_utf8_whatever_the_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A contributor on Windows has a locale in cp1252: the schemas' text (curly quotes, dashes)
    must still be read as the UTF-8 it is."""
    raw = (ROOT / "glossary.schema.json").read_bytes()
    assert raw.decode("utf-8") != raw.decode("cp1252", errors="replace")  # not plain ASCII
    monkeypatch.setattr(datafile, "_SCHEMAS", {})
    monkeypatch.setattr(io, "text_encoding",
                        lambda encoding, stacklevel=2: encoding or "cp1252")
    assert datafile.schema(GLOSSARY) == json.loads(raw.decode("utf-8"))


def spec_of(tmp_path: Path, schema: dict[str, Any]) -> Spec:
    """A data file's description with ``schema`` as its schema."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "test.schema.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    return Spec(path, {"items": "name"}, "the test file")


def test_local_references_are_written_out_in_place(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "x": {"$ref": "#/$defs/b"},
            "y": {"$ref": "#/$defs/a", "maxLength": 3},
            "z": {"anyOf": [{"$ref": "#/$defs/a~1b"}, {"$ref": "#/$defs/t~0c"}]},
            "w": {"$ref": "https://example.org/other.schema.json"},
        },
        "$defs": {
            "a": {"type": "string"},
            "b": {"allOf": [{"minLength": 1}], "$ref": "#/$defs/a"},
            "a/b": {"type": "integer"},
            "t~c": {"type": "boolean"},
        },
    }
    # A reference alone becomes its target; beside other keywords, one more "allOf" item
    # (after those already there); "~1" and "~0" in a pointer are "/" and "~"; a reference to
    # another document stays; the definitions go.
    assert datafile.validator(spec_of(tmp_path, schema)).schema == {
        "type": "object",
        "properties": {
            "x": {"allOf": [{"minLength": 1}, {"type": "string"}]},
            "y": {"maxLength": 3, "allOf": [{"type": "string"}]},
            "z": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]},
            "w": {"$ref": "https://example.org/other.schema.json"},
        },
    }


LINKS = {
    "alone": lambda ref: ref,
    "in a list": lambda ref: {"anyOf": [ref]},
    "in a property": lambda ref: {"properties": {"a": ref}},
    "beside a keyword": lambda ref: {"$ref": "#/$defs/leaf", "properties": {"a": ref}},
}


def chain(references: int, link: str) -> dict[str, Any]:
    """A schema whose property ``v`` reaches a string after ``references`` references, each
    one ``link`` inside the last."""
    def step(n: int) -> dict[str, Any]:
        return LINKS[link]({"$ref": f"#/$defs/d{n}"})
    defs = {f"d{n}": step(n + 1) for n in range(1, references)}
    return {"type": "object", "properties": {"v": step(1)},
            "$defs": {**defs, f"d{references}": {"type": "string"},
                      "leaf": {"type": "string"}}}


@pytest.mark.parametrize("link", list(LINKS))
def test_references_nest_twenty_deep_and_no_deeper(tmp_path: Path, link: str) -> None:
    deep = datafile.validator(spec_of(tmp_path / "20", chain(20, link)))
    assert "$ref" not in json.dumps(deep.schema)
    with pytest.raises(ValueError, match=r"^the schema's references nest too deep \(a cycle\?\)$"):
        datafile.validator(spec_of(tmp_path / "21", chain(21, link)))


def test_a_cycle_of_references_is_refused(tmp_path: Path) -> None:
    schema = {"properties": {"v": {"$ref": "#/$defs/a"}},
              "$defs": {"a": {"properties": {"b": {"$ref": "#/$defs/a"}}}}}
    with pytest.raises(ValueError, match="a cycle"):
        datafile.validator(spec_of(tmp_path, schema))


def test_an_error_without_a_title_names_the_file() -> None:
    error = DataFileError([Problem("x.yml", 2, "m")])
    assert str(error) == "1 problem in the file:\n  x.yml:2: m"


def test_a_file_is_named_by_its_name_or_the_name_given(tmp_path: Path) -> None:
    bad = tmp_path / "terms.yml"
    bad.write_text("actors: []\n", encoding="utf-8")
    for display_name, name in ((None, "terms.yml"), ("data/glossary.yml", "data/glossary.yml")):
        with pytest.raises(GlossaryError) as error:
            load(bad, display_name)
        assert [str(p) for p in error.value.problems] == [
            f"{name}:1: the file has no 'terms'; add it."]


def test_a_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as error:
        load(tmp_path / "missing.yml")
    assert str(error.value) == ("1 problem in the glossary:\n"
                                "  missing.yml: cannot be read: No such file or directory")


def test_a_mapping_where_text_belongs_gets_no_advice_to_quote_one_of_its_keys() -> None:
    text = GOOD_ENTRY.replace("definition: The nuclear agreement of 14 July 2015.",
                              "definition: {The deal: signed}")
    assert problems("terms:\n" + text) == [
        "glossary.yml:5: terms[0] 'JCPOA': 'definition' must be text, but YAML read a mapping "
        "of keys."]


def test_a_key_that_is_not_a_name_is_refused_and_the_entry_still_read() -> None:
    # First in its entry: the keys after it are still read (no "has no 'term'").
    text = "  - 2015: the year\n" + GOOD_ENTRY.replace("  - term:", "    term:")
    assert problems("terms:\n" + text) == [
        "glossary.yml:2: terms[0]: the key 2015 is not a name; keys are words like 'term' or "
        "'definition'."]


@pytest.mark.parametrize(("line", "value", "why"), [
    ("    definition: 2015-02-30\n", "2015-02-30", "day is out of range for month"),
    ("    2021-02-30: x\n", "2021-02-30", "day is out of range for month"),
    ("    definition: !!int twelve\n", "twelve",
     "invalid literal for int() with base 10: 'twelve'"),
])
def test_a_value_yaml_cannot_make_is_a_problem_not_a_crash(line: str, value: str,
                                                          why: str) -> None:
    text = "terms:\n  - term: JCPOA\n" + line
    found = problems(text)
    assert f"glossary.yml:3: terms[0]: YAML cannot read '{value}' as it is written ({why}); put " \
           "it in quotes to make it text." in found


def test_a_value_its_tag_cannot_make_is_a_problem_on_its_line() -> None:
    found = problems("terms:\n  - term: JCPOA\n    definition: !!binary a\n")
    assert found[0].startswith("glossary.yml:3: terms[0]: failed to decode base64 data: ")
    assert found[0].endswith("; use plain text.")


# ---- Messages that name what is wrong in the contributor's words ----------------------


def test_a_tab_is_named_with_its_line_and_column() -> None:
    text = GOOD_ENTRY.replace("    category: treaty", "  \tcategory: treaty")
    assert problems("terms:\n" + text) == [
        "glossary.yml:4: a tab at line 4, column 3: YAML indents with spaces only. Replace the "
        "tab with spaces (your editor can show tabs and convert them)."]


def test_a_source_without_its_url_is_named_by_its_place_in_the_list() -> None:
    text = GOOD_ENTRY.replace("        url: https://example.org/jcpoa\n", "")
    assert problems("terms:\n" + text) == [
        "glossary.yml:7: terms[0] 'JCPOA': 'sources[0]' has no 'url'; add it."]


@pytest.mark.parametrize(("written", "form"), [
    ('{wikidata: "794"}', "a Wikidata item's id: Q and its digits, e.g. 'Q794' (Iran)"),
    ('{geonames: "Q130758"}', "a GeoNames id: digits only, e.g. '130758' (Iran)"),
    ('{viaf: "v47538880"}', "a VIAF id: digits only, e.g. '47538880'"),
])
def test_an_identifier_in_the_wrong_form_is_told_its_form(written: str, form: str) -> None:
    text = GOOD_ENTRY + f"    identifiers: {written}\n"
    (found,) = problems("terms:\n" + text)
    assert found.startswith("glossary.yml:9: terms[0] 'JCPOA': 'identifiers.")
    assert found.endswith(f"; it must be {form}.")


def test_a_language_tag_in_the_wrong_form_is_told_its_form() -> None:
    actor = ("actors:\n  - name: Vladimir Putin\n    kind: person\n    aliases: [Putin]\n"
             "    native: {text: \"Владимир Путин\", lang: \"Russian\"}\n"
             "    description: President of Russia.\n"
             "    sources: [{title: P, url: \"https://example.org/p\"}]\n")
    assert problems("terms:\n" + GOOD_ENTRY + actor) == [
        "glossary.yml:13: actors[0] 'Vladimir Putin': 'native.lang' is 'Russian'; it must be a "
        "BCP 47 language tag: a language, then a script or region if need be, e.g. 'fa', 'ru', "
        "'az-Latn' or 'en-GB'."]


# ---- The node tree, built from the events the checks read ---------------------------


@pytest.mark.parametrize("name", ["glossary.yml", "notes.yml", "events.yml"])
def test_the_files_nodes_are_those_yaml_composes(name: str) -> None:
    import yaml

    text = (ROOT / name).read_text(encoding="utf-8")
    _same_tree(datafile._compose(text, name), yaml.compose(text, Loader=datafile._LOADER))


@pytest.mark.parametrize("text", [
    "", "# only a comment\n", "a: 1\n", "- [1, 2, {b: c}]\n- x\n", "k: |\n  two\n  lines\n",
    "? complex\n: key\nflow: {x: [y, 'z'], w: ~}\nt: !!str 3\nd: 2026-01-02\ne: ''\n",
    "---\nstart: yes\n...\n",
])
def test_a_tree_is_the_one_yaml_composes(text: str) -> None:
    import yaml

    _same_tree(datafile._compose(text, "x.yml"), yaml.compose(text, Loader=datafile._LOADER))


def test_a_second_document_is_refused_as_yaml_refuses_it() -> None:
    with pytest.raises(DataFileError) as error:
        datafile._compose("a: 1\n---\nb: 2\n", "x.yml")
    assert str(error.value.problems[0]).startswith("x.yml:2: malformed YAML, column 1: "
                                                   "but found another document")


def _same_tree(ours: Any, theirs: Any) -> None:
    assert type(ours) is type(theirs)
    if theirs is None:
        return
    for attribute in ("tag", "style", "flow_style"):
        assert getattr(ours, attribute, None) == getattr(theirs, attribute, None)
    for mark in ("start_mark", "end_mark"):
        assert (getattr(ours, mark).line, getattr(ours, mark).column) == (
            getattr(theirs, mark).line, getattr(theirs, mark).column)
    if isinstance(theirs.value, str):
        assert ours.value == theirs.value
        return
    assert len(ours.value) == len(theirs.value)
    for mine, other in zip(ours.value, theirs.value, strict=True):
        if isinstance(other, tuple):
            _same_tree(mine[0], other[0])
            _same_tree(mine[1], other[1])
        else:
            _same_tree(mine, other)
