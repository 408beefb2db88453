"""Contributors' text that could fool readers or crash a tool: every kind gets a
located problem naming the character as U+XXXX, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.data import characters
from edition.data.datafile import MAX_BYTES, MAX_DEPTH, DataFileError, Problem
from edition.data.glossary import GlossaryError, load, parse
from support.data import GOOD_ENTRY
from support.refusals import glossary_problems as problems
from support.refusals import notes_problems

ACTOR = """\
  - name: {name}
    kind: state
    aliases: [{alias}]
    description: A state.
    sources:
      - title: A source
        url: https://example.org/state
"""


@pytest.mark.parametrize("char,name", [
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u2069", "POP DIRECTIONAL ISOLATE"), ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200d", "ZERO WIDTH JOINER"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
    ("\x85", "NEXT LINE"), ("\x9b", "a control character"),
])
def test_format_and_control_characters_are_refused_with_their_code_point(
        char: str, name: str) -> None:
    # Written as YAML escapes (raw, YAML reads U+0085 as a line break and refuses U+009B).
    text = "terms:\n" + GOOD_ENTRY.replace("term: JCPOA", f'term: "JC\\u{ord(char):04x}POA"')
    (found,) = problems(text)
    assert found.startswith("glossary.yml:2: terms[0] 'JC<U+")
    assert f"'term' holds U+{ord(char):04X} ({name}) at character 3" in found
    assert char not in found  # the message itself is safe to print


def test_a_control_character_yaml_refuses_is_located() -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("agreement of", "agree\x01ment of")
    assert problems(text) == ["glossary.yml:5: holds U+0001 (a control character), which YAML "
                              "does not allow in a file: remove it."]


def test_a_character_in_any_field_at_any_depth_is_found_also_in_keys() -> None:
    # No field is named by the check: a nested source title and a key are walked too.
    text = "terms:\n" + GOOD_ENTRY.replace("title: A source", 'title: "A \\u2067source"')
    (found,) = problems(text)
    assert "glossary.yml:7: terms[0] 'JCPOA': 'sources[0].title' holds U+2067" in found
    keyed = "terms:\n" + GOOD_ENTRY.replace("category:", '"cate\\u200bgory":')
    assert any("the key 'cate<U+200B>gory' in this entry holds U+200B" in p
               for p in problems(keyed))


def test_a_line_break_in_a_one_line_field_is_refused_but_not_in_a_definition() -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("title: A source", 'title: "A\\nsource"')
    assert problems(text) == [
        "glossary.yml:7: terms[0] 'JCPOA': 'sources[0].title' holds U+000A (LINE FEED) at "
        "character 2: a line break, in a field of one line; write it on one line."]
    block = "terms:\n" + GOOD_ENTRY.replace(
        "definition: The nuclear agreement of 14 July 2015.",
        "definition: |\n      The nuclear\n      agree\u200bment.")
    assert problems(block) == [
        "glossary.yml:7: terms[0] 'JCPOA': 'definition' holds U+200B (ZERO WIDTH SPACE) at "
        "character 18: an invisible format character (it can hide text or reverse its "
        "direction); remove it."]


def test_zwnj_is_allowed_inside_a_persian_word_only() -> None:
    assert characters.refused("علی\u200cاکبر", multiline=False) is None
    index, char, why = characters.refused("Ali\u200cAkbar", multiline=False)  # type: ignore[misc]
    assert (index, char) == (3, "\u200c") and "such as Persian" in why
    assert characters.refused("\u200cعلی", multiline=False) is not None


def test_a_note_with_a_control_character_is_located() -> None:
    text = ('notes:\n  - quote: in the following year\n    kind: context\n'
            '    note: "A \\x01 note."\n    sources:\n      - title: S\n'
            '        url: https://example.org/s\n    id: a\n    gloss: A gloss.\n')
    (found,) = notes_problems(text)
    assert found.startswith("notes.yml:4: notes[0] 'in the following year': 'note' holds U+0001")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 497, 999, 5000])
def test_any_nesting_depth_is_refused_with_a_line(depth: int) -> None:
    text = "terms:\n" + GOOD_ENTRY.replace("[Joint Comprehensive Plan of Action]",
                                           "[" * depth + "]" * depth)
    (found,) = problems(text)
    assert found.startswith(f"glossary.yml:3: lists or mappings nest more than {MAX_DEPTH}")


def test_a_merge_key_is_refused_in_those_words() -> None:
    text = "terms:\n  - <<: {category: treaty}\n" + GOOD_ENTRY.replace("  - term:", "    term:")
    assert problems(text)[0] == ("glossary.yml:2: terms[0]: the YAML merge key '<<' is not "
                                 "allowed: write the entry's keys out in full.")


def test_the_size_is_checked_before_reading_and_says_what_to_do(tmp_path: Path) -> None:
    huge = tmp_path / "glossary.yml"
    with huge.open("wb") as file:  # sparse: 200 MB that were never written
        file.truncate(200 * 1024 * 1024)
    with pytest.raises(GlossaryError) as caught:
        load(huge)
    (found,) = map(str, caught.value.problems)
    assert found == (f"glossary.yml: is {200 * 1024 * 1024:,} bytes; the limit for the glossary "
                     f"is {MAX_BYTES:,} bytes. Check that this is the right file (not a generated "
                     "or binary one); if it is, shorten the longest texts or move entries no "
                     "page needs out of it.")


def test_a_problem_never_starts_a_log_line_with_contributor_text() -> None:
    problem = Problem("glossary.yml", 3, "quote 'x\n::error::pwned' never occurs")
    assert "\n" not in str(problem) and "<U+000A>::error::pwned" in str(problem)


def test_a_lookalike_actor_is_refused_naming_both_lines() -> None:
    text = ("terms:\n" + GOOD_ENTRY + "actors:\n" + ACTOR.format(name="Iran", alias="Iranians")
            + ACTOR.format(name="Ir\u0430n", alias="Ir\u0430nians"))
    found = problems(text)
    assert ("glossary.yml:17: actor 'Irаn': the form 'Irаnians' looks like 'Iranians' of actor "
            "'Iran' (line 10) but is spelt with other characters; write it in the characters of "
            "its own script, or remove it.") in found
    assert ("glossary.yml:17: actor 'Irаn': 'Irаn': the word 'Irаn' mixes Cyrillic and Latin "
            "letters, which makes it look like another word; write each word in one script."
            ) in found
    assert ("glossary.yml:17: actor 'Irаn' (line 17) has a name that looks like that of actor "
            "'Iran' (line 10); one entry per name: merge them, or name each as the sources do."
            ) in found


@pytest.mark.parametrize("alias", ["ＩＲＡＮＩＡＮＳ", "IRANIANS", "lranians"])
def test_forms_equal_after_nfkc_case_folding_or_skeleton_collide(alias: str) -> None:
    text = ("terms:\n" + GOOD_ENTRY + "actors:\n" + ACTOR.format(name="Iran", alias="Iranians")
            + ACTOR.format(name="Persia", alias=alias))
    found = problems(text)
    assert any(p.startswith("glossary.yml:17: actor 'Persia'") and "(line 10)" in p
               and "Iranians" in p for p in found), found


def test_the_same_actor_name_under_another_id_is_refused() -> None:
    text = ("terms:\n" + GOOD_ENTRY + "actors:\n" + ACTOR.format(name="Iran", alias="Iranians")
            + ACTOR.format(name="Iran", alias="Persians").replace("  - name:", "  - id: iran-2\n"
                                                                  "    name:"))
    assert ("glossary.yml:17: actor 'Iran' (line 17) has the same name as actor 'Iran' (line 10);"
            " one entry per name: merge them, or name each as the sources do.") in problems(text)


def test_an_http_source_is_a_problem_suggesting_https() -> None:
    from edition.data.events import Events
    from edition.data.sources import http_sources

    glossary = parse(("terms:\n" + GOOD_ENTRY.replace("https://example.org/jcpoa",
                                                      "http://example.org/jcpoa")).encode())
    assert [str(p) for p in http_sources(glossary, (), "notes.yml", Events("events.yml", ()))
            ] == ["glossary.yml:8: term 'JCPOA': the source 'A source' is at "
                  "http://example.org/jcpoa, an unencrypted http:// address; write "
                  "https://example.org/jcpoa if the site serves the same page there. If it has "
                  "no https address, keep the http one and say why under the url: "
                  "'http_only: \"<why, and when you checked>\"'."]


def test_http_only_keeps_an_http_source_and_is_refused_on_https() -> None:
    from edition.data.events import Events
    from edition.data.sources import http_sources

    marker = '        http_only: "No https site (checked 2026-12-02)."\n'
    kept = "terms:\n" + GOOD_ENTRY.replace("https://example.org/jcpoa",
                                           "http://example.org/jcpoa") + marker
    stale = "terms:\n" + GOOD_ENTRY + marker
    none = Events("events.yml", ())
    assert http_sources(parse(kept.encode()), (), "notes.yml", none) == []
    assert [str(p) for p in http_sources(parse(stale.encode()), (), "notes.yml", none)] == [
        "glossary.yml:8: term 'JCPOA': the source 'A source' is at https://example.org/jcpoa, "
        "an https address, but says 'http_only'; remove 'http_only' (it is only for a site "
        "that has no https address)."]
    with pytest.raises(DataFileError) as caught:  # a reason, not an empty marker
        parse(("terms:\n" + GOOD_ENTRY + '        http_only: " "\n').encode())
    assert "glossary.yml:9:" in str(caught.value) and "http_only" in str(caught.value)


def test_an_event_after_today_is_refused() -> None:
    import datetime

    from edition.data import events

    year = datetime.date.today().year + 1
    text = (f'events:\n  - id: later\n    date: "{year}"\n    description: "A thing."\n'
            '    sources: [{title: S, url: "https://example.org/s"}]\n')
    with pytest.raises(DataFileError) as caught:
        events.parse(text.encode())
    (found,) = map(str, caught.value.problems)
    assert found.startswith(f"events.yml:3: events[0] 'later': the date {year} is after today")
    assert found.endswith("an event is recorded once it has happened. Check the year.")


def test_no_printable_character_is_refused_so_printable_text_needs_no_walk() -> None:
    """``characters.refused`` skips a text that ``str.isprintable`` passes: that is
    exact only if no printable code point is one it refuses, which every code point shows."""
    import sys
    import unicodedata

    refused_categories = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # as the module says
    breaks = set("\n\r\t\x0b\x0c\x85\u2028\u2029")
    wrong = [hex(c) for c in range(sys.maxunicode + 1) if chr(c).isprintable() and (
        unicodedata.category(chr(c)) in refused_categories or chr(c) in breaks)]
    assert wrong == []
    # And the walk still finds what it refuses, in texts that are not printable.
    assert characters.refused("a\u202eb", False) is not None
    assert characters.refused("one\ntwo", True) is None
    assert characters.refused("one\ntwo", False) is not None
    assert characters.refused("one\u2028two", True) is not None
    assert characters.refused("a\u00a0b", False) is None  # no-break space: Zs, allowed
