"""Loading and validating glossary.yml: every bad input gets file, line, entry and advice."""

from __future__ import annotations

import json
import textwrap

import pytest

from edition.data.datafile import MAX_BYTES, URL_PATTERN
from edition.data.glossary import GlossaryError, load, parse, slugify
from support.build import ROOT
from support.data import GOOD_ENTRY


def problems(text: str) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        parse(textwrap.dedent(text).encode())
    return [str(problem) for problem in caught.value.problems]


def test_the_project_glossary_is_valid() -> None:
    glossary = load(ROOT / "glossary.yml")
    assert len(glossary.terms) >= 1
    assert all(entry.sources and entry.summary for entry in glossary.terms)


def test_a_good_entry_loads_with_its_line_and_defaults() -> None:
    glossary = parse(("# comment\nterms:\n" + GOOD_ENTRY).encode())
    (entry,) = glossary.terms
    assert (entry.id, entry.name, entry.case, entry.line) == ("jcpoa", "JCPOA", "auto", 3)
    assert entry.forms == ("JCPOA", "Joint Comprehensive Plan of Action")
    assert entry.sources[0].url == "https://example.org/jcpoa"


def test_folded_text_becomes_one_plain_line() -> None:
    text = GOOD_ENTRY.replace(
        "definition: The nuclear agreement of 14 July 2015.",
        "definition: >-\n      The nuclear\n      agreement.",
    )
    (entry,) = parse(("terms:\n" + text).encode()).terms
    assert entry.summary == "The nuclear agreement."


def test_malformed_yaml_names_the_line() -> None:
    found = problems("terms:\n  - term: JCPOA\n   category: treaty\n")
    assert len(found) == 1
    # The parser's own words depend on whether PyYAML has libyaml; the place and advice do not.
    assert found[0].startswith("glossary.yml:3: malformed YAML, column 4: ")
    assert found[0].endswith("Check the indentation and that text containing ': ' or starting "
                             "with a quote, [ or { is quoted.")


def test_an_unknown_or_misspelt_key_is_named_with_a_suggestion() -> None:
    found = problems("terms:\n" + GOOD_ENTRY.replace("definition:", "defintion:"))
    assert found == [
        "glossary.yml:5: terms[0] 'JCPOA': unknown key 'defintion'. Did you mean 'definition'? "
        "Allowed keys: aliases, case, category, common_word, coordinates, countries, definition, "
        "events, id, identifiers, note, site, sources, term, variants.",
    ]
    missing = problems("terms:\n" + GOOD_ENTRY.replace("category: treaty", "kategory: treaty")
                       .replace("    definition: The nuclear agreement of 14 July 2015.\n", ""))
    assert missing == [
        "glossary.yml:2: terms[0] 'JCPOA': this entry has no 'definition'; add it.",
        "glossary.yml:4: terms[0] 'JCPOA': unknown key 'kategory'. Did you mean 'category'? "
        "Allowed keys: aliases, case, category, common_word, coordinates, countries, definition, "
        "events, id, identifiers, note, site, sources, term, variants.",
    ]


@pytest.mark.parametrize(
    ("definition", "expected"),
    [
        ('""', "'definition' is empty; write the text or remove the key."),
        ('"   "', "'definition' is empty; write the text or remove the key."),
        ("", "'definition' must be text, but YAML read nothing (an empty value or ~ or null)."),
        ("NO", "'definition' must be text, but YAML read a yes/no value (YAML reads NO, no, yes, "
               "on, off, true, false that way). Put it in quotes: \"NO\"."),
        ("1921", "'definition' must be text, but YAML read a number. Put it in quotes: \"1921\"."),
        ("2015-07-14", "'definition' must be text, but YAML read a date. Put it in quotes: "
                       "\"2015-07-14\"."),
    ],
)
def test_missing_empty_or_mistyped_definitions(definition: str, expected: str) -> None:
    text = GOOD_ENTRY.replace("The nuclear agreement of 14 July 2015.", definition)
    assert problems("terms:\n" + text) == [f"glossary.yml:5: terms[0] 'JCPOA': {expected}"]


def test_a_term_read_as_a_boolean_is_explained() -> None:
    found = problems("terms:\n" + GOOD_ENTRY.replace("term: JCPOA", "term: NO"))
    assert found == [
        "glossary.yml:2: terms[0]: 'term' must be text, but YAML read a yes/no value (YAML "
        "reads NO, no, yes, on, off, true, false that way). Put it in quotes: \"NO\"."
    ]


def test_a_bad_category_url_and_id() -> None:
    text = (GOOD_ENTRY.replace("category: treaty", "category: treatise")
            .replace("https://example.org/jcpoa", "javascript:alert(1)")
            + "    id: Bad Id\n")
    found = problems("terms:\n" + text)
    assert found == [
        "glossary.yml:4: terms[0] 'JCPOA': 'category' is 'treatise'; it must be one of: "
        "treaty, institution, event, place, term, phrase.",
        "glossary.yml:8: terms[0] 'JCPOA': 'sources[0].url' is 'javascript:alert(1)'; it must "
        "be an http:// or https:// address in the characters a URL allows, without spaces, "
        "quotes or braces (percent-encode others: %7B for {).",
        "glossary.yml:9: terms[0] 'JCPOA': 'id' is 'Bad Id'; it must be lower-case letters and "
        "digits joined by single hyphens, e.g. 'treaty-of-1921'.",
    ]


def test_no_sources_is_an_error() -> None:
    text = GOOD_ENTRY.split("    sources:")[0] + "    sources: []\n"
    assert problems("terms:\n" + text) == [
        "glossary.yml:6: terms[0] 'JCPOA': 'sources' needs at least 1 item(s)."
    ]


def test_a_key_given_twice_in_one_entry() -> None:
    found = problems("terms:\n" + GOOD_ENTRY + "    category: place\n")
    assert found == ["glossary.yml:9: terms[0]: 'category' appears twice in the same entry; "
                     "keep one."]


def test_duplicate_terms_even_differing_only_in_case() -> None:
    found = problems("terms:\n" + GOOD_ENTRY + GOOD_ENTRY.replace(
        "term: JCPOA", "term: jcpoa").replace("[Joint Comprehensive Plan of Action]", "[]"))
    assert found == [
        "glossary.yml:9: term 'jcpoa' has the id 'jcpoa', like term 'JCPOA' (line 2); give one "
        "of them a distinct 'id'.",
        "glossary.yml:9: term 'jcpoa' claims 'jcpoa', which term 'JCPOA' (line 2) already has "
        "as 'JCPOA'; a form may belong to one entry only.",
    ]


def test_an_alias_claimed_by_two_entries_with_other_apostrophes() -> None:
    second = """\
  - term: Plan
    aliases: ["joint comprehensive plan of action"]
    category: term
    definition: A plan.
    sources: [{title: S, url: "https://example.org/s"}]
"""
    found = problems("terms:\n" + GOOD_ENTRY + second)
    assert found == [
        "glossary.yml:9: term 'Plan' claims 'joint comprehensive plan of action', which term "
        "'JCPOA' (line 2) already has as 'Joint Comprehensive Plan of Action'; a form may belong "
        "to one entry only."
    ]
    same = problems("terms:\n" + GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]",
                                                     "[\"Russia's\", \"Russia’s\"]"))
    assert same == ["glossary.yml:2: term 'JCPOA' lists 'Russia’s' twice (as 'Russia's' and "
                    "'Russia’s'); keep one."]


def test_yaml_anchors_and_aliases_are_refused() -> None:
    bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\nterms: []\n'
    assert problems(bomb) == [
        "glossary.yml:1: YAML anchors (&name) and aliases (*name) are not allowed: write each "
        "entry out in full."
    ]


def test_absurd_sizes_are_refused() -> None:
    with pytest.raises(GlossaryError, match=r"glossary.yml: is 1,048,577 bytes; the limit"):
        parse(b"#" * (MAX_BYTES + 1))
    # The limit itself is allowed: what is wrong with this file is its content, not its size.
    with pytest.raises(GlossaryError) as at_the_limit:
        parse(b"#" * MAX_BYTES)
    assert "bytes; the limit" not in str(at_the_limit.value)
    long_definition = GOOD_ENTRY.replace("The nuclear agreement of 14 July 2015.", "x" * 401)
    assert problems("terms:\n" + long_definition) == [
        "glossary.yml:5: terms[0] 'JCPOA': 'definition' is 401 characters long; the limit is "
        "400. Shorten it."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "glossary.yml:1: is empty: it needs a 'terms:' list."),
        ("terms: []\n---\nterms: []\n", "glossary.yml:2: malformed YAML, column 1: but found "
         "another document. Check the indentation"),
        ("[1, 2]\n", "glossary.yml:1: the file must be a mapping of keys, but YAML read a list."),
        ("terms: !!python/object:os.system {}\n", "glossary.yml:1: the YAML tag "
         "'tag:yaml.org,2002:python/object:os.system' is not allowed; use plain text."),
        ("terms:\n  - term: !!binary aGk=\n", "glossary.yml:2: terms[0]: 'term' must be text, "
         "but YAML read bytes."),
        ("terms:\n  - just a string\n", "glossary.yml:2: terms[0]: this entry must be a "
         "mapping of keys, but YAML read text."),
    ],
)
def test_whole_file_problems(text: str, expected: str) -> None:
    assert any(problem.startswith(expected) for problem in problems(text)), problems(text)


def test_invalid_utf8_names_the_line() -> None:
    with pytest.raises(GlossaryError, match=r"glossary.yml:2: is not valid UTF-8"):
        parse(b"terms:\n  - term: \xff\n")


def test_the_error_lists_every_problem_at_once() -> None:
    text = GOOD_ENTRY.replace("category: treaty", "category: nonsense").replace(
        "definition:", "defn:")
    with pytest.raises(GlossaryError) as caught:
        parse(("terms:\n" + text).encode())
    assert str(caught.value).startswith("3 problems in the glossary:\n  glossary.yml:2:")


def test_the_contributor_check_runs_without_building(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    script = [sys.executable, str(ROOT / "scripts" / "check_glossary.py")]
    good = subprocess.run(script, capture_output=True, text=True, cwd=tmp_path)
    assert good.returncode == 0 and good.stdout.startswith("glossary.yml: OK, "), good.stderr
    # The check reads the files beside the glossary it is given: a copy of the project.
    from support.build import copy_project, replace_once

    project = copy_project(tmp_path / "project")
    bad = project / "glossary.yml"
    replace_once(bad, '- term: "Caspian Sea"', '- term: "Caspian Seax"')
    line = bad.read_text("utf-8").splitlines().index('  - term: "Caspian Seax"') + 1
    result = subprocess.run([*script, str(bad)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"glossary.yml:{line}: term 'Caspian Seax': the term 'Caspian Seax' never occurs in the "
        "essay. Write it exactly as the essay does, or remove it."
    ]


# ---- Forms that cannot be names -------------------------------------------------------

ADVICE = (", so it would match all over the essay and cannot be a name. List the longer phrase "
          "the essay writes (\"the United States\", not \"the\"); an abbreviation in capitals "
          "(\"US\") is allowed unless 'case' is 'ignore'.")


def with_aliases(*aliases: str, case: str = "auto") -> str:
    lines = "".join(f"      - \"{alias}\"\n" for alias in aliases)
    return "terms:\n" + GOOD_ENTRY.replace(
        "    aliases: [Joint Comprehensive Plan of Action]\n",
        f"    aliases:\n{lines}    case: {case}\n")


def test_a_form_too_short_to_be_a_name_is_refused_unless_an_abbreviation() -> None:
    assert problems(with_aliases("Xi")) == [
        f"glossary.yml:4: term 'JCPOA': the alias 'Xi' has fewer than 3 letters or digits{ADVICE}"]
    assert problems(with_aliases("EU", case="ignore")) == [
        f"glossary.yml:4: term 'JCPOA': the alias 'EU' has fewer than 3 letters or digits{ADVICE}"]


@pytest.mark.parametrize("case", ["auto", "exact"])
def test_an_abbreviation_in_capitals_may_be_a_common_word_or_short(case: str) -> None:
    glossary = parse(with_aliases("US", "UN", "IT", "9/11", case=case).encode())
    assert glossary.terms[0].forms[1:] == ("US", "UN", "IT", "9/11")


def test_every_form_of_the_project_glossary_passes_the_rule() -> None:
    """The current glossary, checked form by form, independently of the loader: no form too
    short, and no common word matched in lower case unless its entry says why."""
    import yaml
    from wordfreq import zipf_frequency

    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    for entry in raw["terms"] + raw["actors"]:
        names = [entry["term"]] if "term" in entry and "name" not in entry else []
        case = entry.get("case", "auto")
        for form in names + (entry.get("aliases") or []):
            if form.isupper() and case != "ignore":
                continue
            assert sum(c.isalnum() for c in form) >= 3, form
            lower_case = case == "ignore" or form[:1].islower()
            if lower_case and form.isalpha() and "common_word" not in entry:
                assert zipf_frequency(form, "en") < 3.5, form
    load(ROOT / "glossary.yml")


@pytest.mark.parametrize("url", [
    "https://example.org/{{7*7}}", "https://example.org/a b", 'https://example.org/"x',
    "https://example.org/%zz", "https://example.org/ä", "ftp://example.org/x",
])
def test_a_source_url_must_be_a_url(url: str) -> None:
    found = problems("terms:\n" + GOOD_ENTRY.replace("https://example.org/jcpoa", url))
    assert [p.split(": ", 1)[0] for p in found] == ["glossary.yml:8"]
    assert f"'sources[0].url' is {url!r}" in found[0]


@pytest.mark.parametrize("url", ["https://example.org/%7B%7B7*7%7D%7D?q=a&b=(c)",
                                 "http://example.org/a_b~c;d=e,f+g!h$i"])
def test_a_url_in_the_characters_a_url_allows_passes(url: str) -> None:
    parse(("terms:\n" + GOOD_ENTRY.replace("https://example.org/jcpoa", url)).encode())


def test_the_schemas_state_the_same_url_rule_as_the_code() -> None:
    """One rule: the pattern in every schema is the one the note renderer checks links with."""
    for name in ("glossary.schema.json", "notes.schema.json", "events.schema.json"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert json.dumps(URL_PATTERN) in text, name


# ---- What an entry holds -------------------------------------------------------------


def test_an_entry_holds_its_note_kind_sources_and_events_as_written() -> None:
    text = GOOD_ENTRY.replace(
        "        url: https://example.org/jcpoa\n",
        "        url: https://example.org/jcpoa\n      - title: \" Second \"\n"
        "        url: https://example.org/2\n"
    ) + "    note: >-\n      Signed in\n      Vienna.\n    events: [jcpoa-agreed]\n"
    actor = ("actors:\n  - name: Hassan Rouhani\n    kind: person\n    aliases: [Rouhani]\n"
             "    description: President of Iran.\n"
             "    sources: [{title: R, url: \"https://example.org/r\"}]\n")
    glossary = parse(("terms:\n" + text + actor).encode())
    (term,), (person,) = glossary.terms, glossary.actors
    assert (term.kind, term.category, term.note) == ("term", "treaty", "Signed in Vienna.")
    assert [(s.title, s.url) for s in term.sources] == [
        ("A source", "https://example.org/jcpoa"), ("Second", "https://example.org/2")]
    assert (term.events, term.events_line) == (("jcpoa-agreed",), 14)
    assert (person.kind, person.id, person.category, person.summary, person.note) == (
        "actor", "hassan-rouhani", "person", "President of Iran.", None)
    assert (person.forms, person.term, person.events, person.line) == (
        ("Rouhani",), None, (), 16)
    assert glossary.entries == (term, person)


@pytest.mark.parametrize(("name", "slug"), [
    ("Islamic Revolutionary Guard Corps", "islamic-revolutionary-guard-corps"),
    ("Ḥezbollah “Axis” — 2024!", "hezbollah-axis-2024"),
    ("--Vienna--", "vienna"),
    ("— ’ —", "entry"),
])
def test_a_slug_is_ascii_lower_case_words_joined_by_hyphens(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_an_entry_keeps_the_id_and_case_it_is_given() -> None:
    text = GOOD_ENTRY + "    id: the-deal\n    case: exact\n"
    (entry,) = parse(("terms:\n" + text).encode()).terms
    assert (entry.id, entry.case) == ("the-deal", "exact")


def test_problems_across_entries_fail_with_an_error_that_names_the_glossary() -> None:
    with pytest.raises(GlossaryError) as caught:
        parse(("terms:\n" + GOOD_ENTRY + GOOD_ENTRY).encode())
    assert str(caught.value).startswith("3 problems in the glossary:\n  glossary.yml:9: term "
                                        "'JCPOA' has the id 'jcpoa', like term 'JCPOA' (line 2)")
