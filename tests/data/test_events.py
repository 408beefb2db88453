"""events.yml: each event recorded once; references by id; every problem with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from edition.data.dates import parse_date
from edition.data.events import (
    EventsError,
    check_references,
    distinctive_words,
    load,
    parse,
    references,
    unused,
)
from edition.data.glossary import parse as parse_glossary
from edition.data.notes import parse as parse_notes
from support.build import ROOT, build, copy_project

RECORD = """\
  - id: {id}
    date: "{date}"
    description: "{text}"
    sources: [{{title: S, url: "https://example.org/source"}}]
"""


def events_file(*records: tuple[str, str, str]) -> bytes:
    """An events.yml of ``(id, date, description)`` records, four lines each from line 2."""
    return ("events:\n" + "".join(RECORD.format(id=i, date=d, text=t) for i, d, t in records)
            ).encode()


def problems(call) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(EventsError) as caught:
        call()
    return [str(problem) for problem in caught.value.problems]


# ---- The same event twice ----------------------------------------------------------------

#: The five events the edition once gave twice, in the words each record used.
RECORDED_TWICE = [
    ("2001-09-11", "Al-Qaeda attacks on New York and Washington",
     "Al-Qaeda attacks on New York and Washington (9/11)"),
    ("2009-06-12", "Disputed presidential election sets off the Green Movement protests",
     "Disputed Iranian presidential election sets off the Green Movement protests"),
    ("2015-07-14", "The JCPOA is agreed in Vienna",
     "The JCPOA (Iran nuclear deal) is agreed in Vienna"),
    ("2016-08-16", "Russian bombers begin striking Syria from Iran's Hamadan (Nojeh) air base",
     "Russian bombers strike Syria from Iran's Hamadan air base"),
    ("2022-03-05", "Lavrov demands US guarantees for Russia's trade with Iran",
     "Lavrov demands US guarantees for Russia's trade with Iran, stalling the Vienna talks"),
]


@pytest.mark.parametrize(("date", "first", "second"), RECORDED_TWICE)
def test_the_same_event_recorded_twice_fails_naming_both_lines(
    date: str, first: str, second: str
) -> None:
    data = events_file(("other", "1990", "Something else"), ("one", date, first),
                       ("two", date, second))
    (problem,) = problems(lambda: parse(data))
    label = parse_date(date).label
    assert problem.startswith(
        f"events.yml:10: the event 'two' ({label}: '{second}') seems to be the event 'one' at "
        f"events.yml:6 ({label}: '{first}'): the same date, mostly the same words (")
    assert problem.endswith("Record an event once: keep one record, with the better wording and "
                            "the sources of both, and refer to its id; if they are two events, "
                            "word each so that what differs shows.")


def test_a_coarser_date_of_the_same_event_is_the_same_event() -> None:
    data = events_file(("one", "2015-07-14", "The JCPOA is agreed in Vienna"),
                       ("two", "2015-07", "JCPOA agreed in Vienna"))
    (problem,) = problems(lambda: parse(data))
    assert problem.startswith("events.yml:6: the event 'two' (July 2015: 'JCPOA agreed in "
                              "Vienna') seems to be the event 'one' at events.yml:2")
    assert "overlapping dates, mostly the same words (agre, jcpoa, vienna)" in problem


def test_two_different_events_on_one_date_pass() -> None:
    events = parse(events_file(
        ("invasion", "2022-02-24", "Russia launches its full-scale invasion of Ukraine"),
        ("speech", "2022-02-24",
         "Putin names the 'denazification' of Ukraine as an aim of the invasion"),
        ("bombers", "2016-08-16", "Russian bombers strike Syria from Iran's Hamadan air base"),
        ("iran-says", "2016-08", "Iran's parliament debates the Russian use of Hamadan"),
    ))
    assert [event.id for event in events] == ["iran-says", "bombers", "invasion", "speech"]


def test_the_same_words_on_dates_that_do_not_overlap_pass() -> None:
    events = parse(events_file(
        ("round-6", "2021-06-20", "Vienna talks on the JCPOA adjourn"),
        ("round-8", "2022-03-11", "Vienna talks on the JCPOA adjourn"),
    ))
    assert len(events) == 2


def test_the_project_records_two_events_on_one_day_and_each_event_once() -> None:
    raw = yaml.safe_load((ROOT / "events.yml").read_text(encoding="utf-8"))["events"]
    dates = [record["date"] for record in raw]
    assert len(set(dates)) < len(dates), "no day with two events: the rule is not exercised"
    events = load(ROOT / "events.yml")
    assert len(events) == len(raw)
    for date, _, _ in RECORDED_TWICE:
        found = [r["description"] for r in raw if r["date"] == date]
        assert len(found) == 1, f"{date}: {found}"


def test_lavrovs_demand_is_dated_5_march_2022() -> None:
    raw = yaml.safe_load((ROOT / "events.yml").read_text(encoding="utf-8"))["events"]
    (record,) = [r for r in raw if "Lavrov demands" in r["description"]]
    assert record["date"] == "2022-03-05"


# ---- The records ----------------------------------------------------------------------------


def test_a_good_record_loads_with_its_line_and_date() -> None:
    (event,) = parse(b"# c\n" + events_file(("jcpoa-agreed", "2015-07-14", "The JCPOA  is agreed")))
    assert (event.id, event.date.label, event.description, event.line) == (
        "jcpoa-agreed", "14 July 2015", "The JCPOA is agreed", 3)
    assert event.sources[0].url == "https://example.org/source"


def test_bad_records_name_the_line_and_what_to_fix() -> None:
    assert problems(lambda: parse(events_file(("a", "1990", "A"), ("b", "2021-02-30", "B"),
                                              ("a", "1991", "C")))) == [
        "events.yml:7: events[1] 'b': '2021-02-30': February 2021 has no day 30.",
        "events.yml:10: the event id 'a' is also the id of the event at events.yml:2; give "
        "each event its own id.",
    ]
    assert problems(lambda: parse(events_file(("Not An Id", "1990", "A")))) == [
        "events.yml:2: events[0] 'Not An Id': 'id' is 'Not An Id'; it must be lower-case "
        "letters and digits joined by single hyphens, e.g. 'treaty-of-1921'."
    ]
    assert problems(lambda: parse(events_file(("a", "1990-1", "A")))) == [
        "events.yml:3: events[0] 'a': 'date' is '1990-1'; it must be a date written \"YYYY\", "
        "\"YYYY-MM\" or \"YYYY-MM-DD\", in quotes."
    ]


def test_dates_have_a_precision_and_are_real() -> None:
    assert [parse_date(d).label for d in ("1828", "1991-01", "2015-07-14")] == [
        "1828", "January 1991", "14 July 2015"]
    for bad in ("2015-7-14", "2015-13", "2015-02-29", "15", "3000"):
        with pytest.raises(ValueError):
            parse_date(bad)


# ---- References -----------------------------------------------------------------------------

GLOSSARY = """\
terms:
  - term: JCPOA
    category: treaty
    events: [jcpoa-agreed]
    definition: The nuclear agreement.
    sources: [{title: S, url: "https://example.org/s"}]
actors:
  - name: Sergei Lavrov
    kind: person
    aliases: [Lavrov]
    description: Russia's foreign minister.
    events: [lavrov-demands, jcpoa-agred]
    sources: [{title: S, url: "https://example.org/s"}]
"""
NOTES = """\
notes:
  - quote: the talks
    kind: context
    note: A note.
    sources: [{title: S, url: "https://example.org/s"}]
    events: [vienna-talks]
    id: the-talks
    gloss: A gloss.
"""
EVENTS = events_file(("jcpoa-agreed", "2015-07-14", "The JCPOA is agreed"),
                     ("lavrov-demands", "2022-03-05", "Lavrov demands US guarantees"),
                     ("unused-one", "2022-03-06", "Nothing refers to this"))


def test_an_unknown_event_fails_naming_the_file_and_line_of_the_reference() -> None:
    refs = references(parse_glossary(GLOSSARY.encode()), parse_notes(NOTES.encode()))
    assert problems(lambda: check_references(parse(EVENTS), refs)) == [
        "glossary.yml:12: actor 'Sergei Lavrov': 'events' names 'jcpoa-agred', which is no "
        "event in events.yml. Did you mean 'jcpoa-agreed'?",
        "notes.yml:6: notes[0] 'the talks': 'events' names 'vienna-talks', which is no event in "
        "events.yml. No event has that id (was it deleted or renamed?): add the event to "
        "events.yml, or remove the id from 'events'.",
    ]


def test_a_deleted_event_is_not_taken_for_a_slip_of_another_id() -> None:
    """An id that merely shares its first words with one that exists is no typo of it."""
    refs = references(parse_glossary(GLOSSARY.encode().replace(b"jcpoa-agred", b"lavrov-met")),
                      parse_notes(NOTES.encode()))
    found = problems(lambda: check_references(parse(EVENTS), refs))
    assert found[0] == (
        "glossary.yml:12: actor 'Sergei Lavrov': 'events' names 'lavrov-met', which is no "
        "event in events.yml. No event has that id (was it deleted or renamed?): add the event "
        "to events.yml, or remove the id from 'events'.")


def test_an_event_nothing_refers_to_is_reported_at_its_line() -> None:
    refs = references(parse_glossary(GLOSSARY.encode()), parse_notes(NOTES.encode()))
    assert [str(p) for p in unused(parse(EVENTS), refs)] == [
        "events.yml:10: the event 'unused-one' is referred to by no note, term or actor; add its "
        "id to the 'events' of what concerns it, or remove it."
    ]


def test_a_reference_must_be_an_id_listed_once() -> None:
    twice = GLOSSARY.replace("events: [jcpoa-agreed]", "events: [jcpoa-agreed, jcpoa-agreed]")
    with pytest.raises(EventsError) as caught:
        parse_glossary(twice.encode())
    assert [str(p) for p in caught.value.problems] == [
        "glossary.yml:4: terms[0] 'JCPOA': 'events' lists an item twice; keep one."]
    bad = NOTES.replace("[vienna-talks]", "[Vienna talks]")
    with pytest.raises(EventsError) as caught:
        parse_notes(bad.encode())
    assert [str(p) for p in caught.value.problems] == [
        "notes.yml:6: notes[0] 'the talks': 'events[0]' is 'Vienna talks'; it must be lower-case "
        "letters and digits joined by single hyphens, e.g. 'treaty-of-1921'."]


def test_the_old_date_and_event_keys_point_to_events() -> None:
    old = NOTES.replace("    events: [vienna-talks]\n", '    event: "Talks"\n')
    with pytest.raises(EventsError) as caught:
        parse_notes(old.encode())
    assert [str(p) for p in caught.value.problems] == [
        "notes.yml:6: notes[0] 'the talks': unknown key 'event'. Did you mean 'events'? Allowed "
        "keys: after, before, events, gloss, id, kind, note, quote, sources."]


# ---- Real builds ----------------------------------------------------------------------------


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_a_build_fails_on_an_unknown_event_naming_the_notes_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    notes = project / "notes.yml"
    line = _line_of(notes, "events: [jcpoa-agreed]")
    notes.write_text(notes.read_text(encoding="utf-8").replace(
        "events: [jcpoa-agreed]", "events: [jcpoa-agred]"), encoding="utf-8")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert re.search(rf"notes\.yml:{line}: notes\[\d+\] '[^']+': 'events' names 'jcpoa-agred', "
                     r"which is no event in events\.yml\. Did you mean 'jcpoa-agreed'\?",
                     result.output), result.output


def test_a_build_fails_on_an_event_recorded_twice_naming_both_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    events = project / "events.yml"
    first = _line_of(events, "id: jcpoa-agreed")
    count = len(events.read_text(encoding="utf-8").splitlines())
    with events.open("a", encoding="utf-8") as out:
        out.write(RECORD.format(id="iran-deal-agreed", date="2015-07-14",
                                text="Iran nuclear deal (JCPOA) agreed in Vienna"))
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert (f"events.yml:{count + 1}: the event 'iran-deal-agreed' (14 July 2015: 'Iran nuclear "
            f"deal (JCPOA) agreed in Vienna') seems to be the event 'jcpoa-agreed' at "
            f"events.yml:{first} ") in result.output, result.output


def test_an_event_nothing_refers_to_fails_a_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    events = project / "events.yml"
    count = len(events.read_text(encoding="utf-8").splitlines())
    with events.open("a", encoding="utf-8") as out:
        out.write(RECORD.format(id="treaty-of-gulistan", date="1813-10-24",
                                text="Treaty of Gulistan ends the Russo-Persian War of 1804-13"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"WARNING -  edition: events.yml:{count + 1}: the event 'treaty-of-gulistan' is "
            "referred to by no note, term or actor") in result.output, result.output


def test_unknown_events_fail_with_an_error_that_names_the_events() -> None:
    refs = references(parse_glossary(GLOSSARY.encode()), parse_notes(NOTES.encode()))
    with pytest.raises(EventsError) as caught:
        check_references(parse(EVENTS), refs)
    assert str(caught.value).startswith("2 problems in the events:\n  glossary.yml:12: ")


def test_typographic_characters_do_not_stop_the_comparison_of_words() -> None:
    """Descriptions are typed with curly quotes and dashes: they are dropped, not an error
    (the words are folded to ASCII; "agreed" loses its ending, "Iran's" its "s")."""
    assert distinctive_words("Iran’s “nuclear” deal — agreed") == {"iran", "nuclear", "deal",
                                                                   "agre"}


def test_a_file_read_under_another_name_is_named_so(tmp_path: Path) -> None:
    assert load(ROOT / "events.yml", display_name="data/events.yml").file == "data/events.yml"
    bad = tmp_path / "events.yml"
    bad.write_bytes(events_file(("one", "2015-02-30", "A day that never was")))
    with pytest.raises(EventsError) as caught:
        load(bad, display_name="data/events.yml")
    assert [p.file for p in caught.value.problems] == ["data/events.yml"]


def test_stems_keep_three_letters_at_least() -> None:
    """An ending is cut only if three letters stay: "sees" is "see", not "se"."""
    assert distinctive_words("Iran sees its ties") == {"iran", "see", "tie"}


@pytest.mark.parametrize(("first", "second", "shared"), [
    # Two distinctive words in the shorter, both shared: the minimum of two, and 100 %.
    ("Talks collapse", "Talks collapse in Vienna", "collaps, talk"),
    # Five words each, three shared: exactly 60 per cent of the shorter description.
    ("Russia Iran sign treaty Moscow", "Russia Iran sign pact Tehran", "iran, russia, sign"),
])
def test_the_thresholds_of_the_same_event_are_inclusive(first: str, second: str,
                                                         shared: str) -> None:
    data = events_file(("one", "2015-07-14", first), ("two", "2015-07-14", second))
    (problem,) = problems(lambda: parse(data))
    assert problem.startswith("events.yml:6: the event 'two' (14 July 2015: ")
    # The message lists the words the two share, not every word of either.
    assert f"the same date, mostly the same words ({shared}). " in problem


def test_a_year_contains_its_days() -> None:
    data = events_file(("one", "2015", "The JCPOA is agreed in Vienna"),
                       ("two", "2015-07-14", "JCPOA agreed in Vienna"))
    (problem,) = problems(lambda: parse(data))
    assert problem.startswith("events.yml:6: the event 'two' (14 July 2015: 'JCPOA agreed in "
                              "Vienna') seems to be the event 'one' at events.yml:2 (2015: ")


def test_a_month_does_not_contain_a_day_of_another_month() -> None:
    events = parse(events_file(("one", "2015-01", "The JCPOA is agreed in Vienna"),
                               ("two", "2015-03-01", "JCPOA agreed in Vienna")))
    assert len(events) == 2


def test_an_events_sources_are_kept_with_their_titles_trimmed() -> None:
    data = (b'events:\n  - id: one\n    date: "2015"\n    description: A thing\n'
            b'    sources:\n      - {title: " The source ", url: "https://example.org/a"}\n'
            b'      - {title: Another, url: "https://example.org/b"}\n')
    (event,) = parse(data)
    assert [(s.title, s.url) for s in event.sources] == [
        ("The source", "https://example.org/a"), ("Another", "https://example.org/b")]


def test_bad_records_fail_with_an_error_that_names_the_events() -> None:
    with pytest.raises(EventsError) as caught:
        parse(events_file(("a", "2021-02-30", "B")))
    assert str(caught.value) == ("1 problem in the events:\n  events.yml:3: events[0] 'a': "
                                 "'2021-02-30': February 2021 has no day 30.")
