"""Every problem the build finds in the data files, in one place for the build and the check.

The build (``edition.build.build``) and the contributors' quick check
(``scripts/check_glossary.py``) reach these functions only through the one list of
:mod:`edition.index.checklist`, so the check reports exactly what the build would: the same
problems, in the same words, on the same file and line (``tests/scripts/test_check.py``
holds the two to it on broken copies).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from edition.data import events as event_records
from edition.data import glossary as glossary_file
from edition.data import notes as notes_data
from edition.data import store
from edition.data.datafile import MAX_BYTES, DataFileError, Problem, Spec, schema_digest
from edition.data.forms import COMMON_ZIPF, common_words, fold
from edition.data.glossary import Entry, Glossary, variant_uses
from edition.data.glossary import load as load_glossary
from edition.data.notes import Note
from edition.data.notes import load as load_notes
from edition.data.sources import http_sources
from edition.index.occurrences import OccurrenceIndex, frequent_form_problem
from edition.text.anchoring import Anchor, cut_forms
from edition.text.anchoring import anchor as anchor_quotations
from edition.text.matcher import Matcher
from edition.text.paragraphs import PARAGRAPH_ID
from edition.text.places import Place


@dataclass(frozen=True)
class Data:
    """The three data files, read, validated and checked against each other."""

    glossary: Glossary
    notes: tuple[Note, ...]
    notes_file: str
    events: event_records.Events
    references: tuple[event_records.Reference, ...]


T = TypeVar("T")
#: Each data file's last good reading, keyed by its content and its schema's (SHA-256),
#: never by a time stamp: under ``mkdocs serve`` this module stays loaded, and a rebuild
#: after an edit of one file reads, validates and checks only that one again.
#: What is kept is immutable (frozen dataclasses, tuples); a file that fails is never kept.
_READ: dict[tuple[Path, Path], tuple[bytes, Any]] = {}


def _read(path: Path, spec: Spec, parse: Callable[[bytes, str], T],
          load: Callable[..., T]) -> T:
    """``load(path)``, or what the same bytes under the same schema gave last time."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return load(path, display_name=path.name)  # refused, in load's own words
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        return load(path, display_name=path.name)  # "cannot be read", in load's own words
    key = hashlib.sha256(data).digest() + schema_digest(spec)
    where = (path.resolve(), spec.schema_file)
    cached = _READ.get(where)
    if cached is not None and cached[0] == key:
        return cached[1]
    # A new process (every ``mkdocs build``) finds a sound reading of the same bytes on disk.
    value = store.made(store.key("read", f"{parse.__module__}.{parse.__qualname__}",
                                 path.name, key), lambda: parse(data, path.name))
    _READ[where] = (key, value)
    return value


def load_data(glossary: Path, notes: Path, events: Path) -> Data:
    """Read ``glossary.yml``, ``notes.yml`` and ``events.yml`` and check the events they
    name; raise :class:`DataFileError` with every problem of the first file that has any.
    A file whose bytes (and schema) are those of its last good reading is not read again."""
    terms = _read(glossary, glossary_file.SPEC, glossary_file.parse, load_glossary)
    notes_read = _read(notes, notes_data.SPEC, notes_data.parse, load_notes)
    records = _read(events, event_records.SPEC, event_records.parse, event_records.load)
    refs = event_records.references(terms, notes_read, notes.name)
    event_records.check_references(records, refs)
    # one spelling per name in the notes' and the timeline's words too.
    for title, texts in (
        ("the notes", [(notes.name, n.line, n.label, n.text) for n in notes_read]),
        ("the events", [(records.file, e.line, f"event '{e.id}'", e.description)
                        for e in records.records]),
    ):
        problems = variant_uses(terms, texts)
        if problems:
            raise DataFileError(problems, title)
    return Data(terms, notes_read, notes.name, records, tuple(refs))


def data_warnings(data: Data) -> list[Problem]:
    """What the build warns of once the files are read (``--strict`` fails on it): events no
    entry or note names, and ``http://`` sources that do not say why."""
    return (event_records.unused(data.events, data.references)
            + http_sources(data.glossary, data.notes, data.notes_file, data.events))


def anchor_notes(notes: tuple[Note, ...], notes_file: str, blocks: list[tuple[str, str, str]],
                 matcher: Matcher[Any]) -> list[Anchor]:
    """Each note's place in the essay's ``(page, block, text)`` blocks; raise
    :class:`DataFileError` for quotations not found once or cutting through a name."""
    anchors = anchor_quotations(notes, blocks, notes_file)
    problems = cut_forms(anchors, blocks, matcher, notes_file)
    problems += paragraph_references(notes, notes_file, blocks)
    if problems:
        raise DataFileError(problems, "the notes")
    return anchors


def paragraph_references(notes: tuple[Note, ...], notes_file: str,
                         blocks: list[tuple[str, str, str]]) -> list[Problem]:
    """A note's ¶ references to paragraphs the essay does not have, located on the
    line of the note's text."""
    numbers = sorted(int(block[1:]) for _, block, _ in blocks if PARAGRAPH_ID.fullmatch(block))
    have = f"¶{numbers[0]}–¶{numbers[-1]}" if numbers else "no numbered paragraphs"
    problems = []
    for note in notes:
        for ref in note.refs:
            if not ref.startswith("note:") and int(ref[1:]) not in numbers:
                problems.append(Problem(notes_file, note.text_line, (
                    f"{note.label}: the note refers to ¶{ref[1:]}, which the essay does not have "
                    f"(it has {have}); write the number of an existing paragraph.")))
    return problems


def _other_cases(forms: list[str],
                 blocks: list[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """How the essay writes each of ``forms`` in another case, and where, by folded form:
    its first occurrence in any case, for the forms that have one.

    One case-insensitive matcher of all the forms reads each block once, and stops once
    every form is found: a matcher per form, each reading the whole essay, grows with
    forms × blocks. Every form at every place a form begins is seen (``within``, plus
    a block that is one whole form), as a matcher of that form alone would find it.
    """
    wanted = {fold(form): form for form in forms}
    matcher = Matcher([(form, "ignore", form) for form in wanted.values()])
    seen: dict[str, tuple[str, str]] = {}
    for page, block, text in blocks:
        if len(seen) == len(wanted):
            break
        whole = next(matcher.finditer(text), None)
        found = [whole] if whole is not None and (whole.start, whole.end) == (0, len(text)) else []
        found += matcher.within(text, 0, len(text))
        for match in sorted(found, key=lambda m: m.start):
            key = fold(match.form)
            if key not in seen:
                seen[key] = (match.text, Place(page, block).label)
    return seen


def unused_form_problem(file: str, entry: Entry, form: str,
                        written: tuple[str, str] | None) -> Problem:
    """What to say of a form that never occurs: if the essay ``written`` it in another case
    (the text and where), say so and name ``case``."""
    which = "term" if form == entry.name else "alias"
    if written is not None:
        text, where = written
        return Problem(file, entry.line, (
            f"{entry.kind} '{entry.name}': the {which} '{form}' never occurs in the essay as "
            f"written, but it does in another case: '{text}' ({where}). Write it as the essay "
            f"does, or set 'case: ignore' on the entry (now '{entry.case}'; 'auto' allows only "
            "a capital first letter at the start of a sentence)."))
    return Problem(file, entry.line, (
        f"{entry.kind} '{entry.name}': the {which} '{form}' never occurs in the essay. Write "
        "it exactly as the essay does, or remove it."))


def form_problems(glossary: Glossary, index: OccurrenceIndex, words: int,
                  blocks: list[tuple[str, str, str]]) -> list[Problem]:
    """Forms that never occur, and forms too frequent to be names (the build's warnings)."""
    unused = index.unused_forms(glossary.entries)
    written = _other_cases([form for _, form in unused], blocks)
    found = [unused_form_problem(glossary.file, entry, form, written.get(fold(form)))
             for entry, form in unused]
    return found + [
        frequent_form_problem(glossary.file, entry, form, count, words)
        for entry, form, count in index.frequent_forms(glossary.entries, words)
    ]


#: How many passages a refused common word's message names before "and N more".
PASSAGES_NAMED = 5


def _context(text: str, start: int, end: int) -> str:
    """The match at ``start:end`` in ``text`` with up to three words either side, as written
    but on one line."""
    before = re.search(r"(?:\S+\s+){0,3}\S*$", text[:start])
    after = re.match(r"\S*(?:\s+\S+){0,3}", text[end:])
    around = (before.group() if before else "") + text[start:end] + (after.group() if after else "")
    return " ".join(around.split())


def common_word_problems(glossary: Glossary,
                         blocks: list[tuple[str, str, str]]) -> list[Problem]:
    """Forms of one common English word that match in lower case, each with the passages of
    the essay it would link; an entry that says why in ``common_word`` may have them.

    Found where the essay is at hand (not when the glossary is read), so that the message
    shows the contributor what the form would do. Each passage is found as the build finds
    it: with every form of the glossary, so a word inside a longer name is not counted.
    """
    asked = [(entry, form) for entry in glossary.entries if not entry.common_word
             for form in entry.forms]
    frequencies = common_words((form, entry.case) for entry, form in asked)
    refused = [(entry, form, frequencies[(form, entry.case)]) for entry, form in asked
               if (form, entry.case) in frequencies]
    if not refused:
        return []
    matcher = Matcher([(form, entry.case, (entry.kind, entry.id, form))
                       for entry in glossary.entries for form in entry.forms])
    wanted = {(entry.kind, entry.id, form) for entry, form, _ in refused}
    # Each passage once, with the words round its first match and how often it matches.
    found: dict[tuple[str, str, str], dict[str, list[Any]]] = {key: {} for key in wanted}
    for page, block, text in blocks:
        for match in matcher.finditer(text):
            if match.target in wanted:
                label = Place(page, block).label
                seen = found[match.target].setdefault(
                    label, [_context(text, match.start, match.end), 0])
                seen[1] += 1
    problems = []
    for entry, form, frequency in refused:
        passages = [f"{label} ('{words}'{f', {count} times' if count > 1 else ''})"
                    for label, (words, count) in found[(entry.kind, entry.id, form)].items()]
        shown = "; ".join(passages[:PASSAGES_NAMED])
        more = len(passages) - PASSAGES_NAMED
        links = ("no passage of the essay yet" if not passages else
                 shown + (f"; and {more} more" if more > 0 else ""))
        which = "term" if form == entry.name and entry.kind == "term" else "alias"
        problems.append(Problem(glossary.file, entry.line, (
            f"{entry.kind} '{entry.name}': the {which} '{form}' is a common English word "
            f"(Zipf frequency {frequency:.2f} in wordfreq's English list; {COMMON_ZIPF} or more "
            f"is common) and matches in lower case, so it would link {links}. List the longer "
            "phrase the essay writes instead; or, if the entry means this word wherever the "
            "essay uses it, say why in 'common_word: ...' on the entry.")))
    return problems
