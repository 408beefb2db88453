"""Load and validate ``glossary.yml``: untrusted input from pull requests.

Every problem is reported with the file, the line, the entry and what to fix, and
nothing is returned unless the whole file is sound. Reading and the structure, checked
against ``glossary.schema.json`` (the schema editors use), are :mod:`edition.datafile`'s
job; what a schema cannot say (duplicates across entries, links between actors and
terms) is checked here.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from edition.data import datafile, references
from edition.data.datafile import DataFileError, LineMap, Problem, Spec, plain
from edition.data.forms import fold, form_problem
from edition.data.lookalikes import key as lookalike_key
from edition.data.lookalikes import keys as lookalike_keys
from edition.data.lookalikes import mixed_script

#: Scripts of no language: digits, punctuation, combining marks, the ZWNJ.
_NEUTRAL_SCRIPTS = {"Common", "Inherited", "Unknown"}
SCHEMA_FILE = Path(__file__).resolve().parents[3] / "glossary.schema.json"
SPEC = Spec(SCHEMA_FILE, {"terms": "term", "actors": "name"}, "the glossary")
#: Raised for an unusable glossary: ``problems`` says why, one line each.
GlossaryError = DataFileError
#: The map's own outlines of every country (vendored Natural Earth data, drawn by the
#: places page): the names a ``countries`` list may use, read here by path, as the map
#: reads them.
COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "pages" / "natural_earth" / "world.json"
#: Actor ids whose page path a page of the edition has: ``actors/index.md``, the index.
RESERVED_ACTOR_IDS = {"index": "the actors index (actors/index.md)"}


@dataclass(frozen=True)
class Source:
    """A reference supporting an entry. ``http_only`` is why a plain ``http://`` address is
    kept (the site has no ``https`` one), as the data file says; ``line`` is the line of its
    ``url``."""

    title: str
    url: str
    http_only: str = ""
    line: int = dataclasses.field(default=0, compare=False)


def read_sources(raws: list[dict[str, Any]], lines: LineMap,
                 path: tuple[Any, ...]) -> tuple[Source, ...]:
    """The ``sources`` list at ``path`` in a data file, each with the line of its address."""
    return tuple(Source(raw["title"].strip(), raw["url"], raw.get("http_only", "").strip(),
                        lines.line((*path, "sources", index, "url")))
                 for index, raw in enumerate(raws))


@dataclass(frozen=True)
class Site:
    """Where an entry is or happened: a named point on the map of places."""

    name: str
    what: str
    coordinates: tuple[float, float]
    identifiers: tuple[tuple[str, str], ...] = ()
    #: The entry's forms that name the place itself; empty: every form does.
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """A glossary term or an actor: what the essay calls it and what it is.

    ``kind`` is "term" or "actor"; ``category`` is the term's category or the actor's
    kind (person, state, organisation, group); ``summary`` is the definition or the
    description. ``forms`` are the forms this entry owns: a term's name and aliases, an
    actor's aliases. ``term`` is the id of the glossary term an actor is one with.
    """

    kind: str
    id: str
    name: str
    aliases: tuple[str, ...]
    forms: tuple[str, ...]
    category: str
    summary: str
    note: str | None
    sources: tuple[Source, ...]
    case: str
    line: int
    term: str | None = None
    #: The ids of the events in ``events.yml`` the entry concerns, and the line naming them.
    events: tuple[str, ...] = ()
    events_line: int = 0
    #: Other spellings the essay does not use; search finds the entry by them.
    variants: tuple[str, ...] = ()
    #: A place's point on the map (latitude, longitude), or the countries it shades.
    coordinates: tuple[float, float] | None = None
    countries: tuple[str, ...] = ()
    #: Authority identifiers, ``(scheme, id)`` in schema order: wikidata, geonames, viaf.
    identifiers: tuple[tuple[str, str], ...] = ()
    #: The name in its own script: ``(text, BCP 47 tag)``, e.g. ("Владимир Путин", "ru").
    native: tuple[str, str] | None = None
    #: The English name of :attr:`native`'s language, as ICU gives it ("Persian"), read with
    #: the file, so that a page can say it without loading ICU.
    native_language: str = ""
    #: The place the entry is at or happened at (Tehran for Iran), if given.
    site: Site | None = None
    #: Why the entry means a common English word as one of its forms ("veto" is the UN's);
    #: without it, such a form is refused (``edition.data.forms.common_word``).
    common_word: str = ""
    #: Links in the summary and the note to other entries (``edition.data.references``).
    references: tuple[references.Reference, ...] = ()

    @property
    def native_dir(self) -> str:
        """The writing direction of :attr:`native` ("rtl" or "ltr"), from its letters."""
        return direction(self.native[0]) if self.native else "ltr"


@dataclass(frozen=True)
class Glossary:
    """The validated contents of ``glossary.yml``."""

    file: str
    terms: tuple[Entry, ...]
    actors: tuple[Entry, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry: terms, then actors."""
        return self.terms + self.actors

    def term(self, entry_id: str) -> Entry:
        """The term with id ``entry_id``."""
        return next(term for term in self.terms if term.id == entry_id)

    def actor_for(self, term: Entry) -> Entry | None:
        """The actor that is one with ``term``, if any."""
        return next((actor for actor in self.actors if actor.term == term.id), None)


def slugify(text: str) -> str:
    """A stable anchor id: ASCII lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "entry"


def load(path: Path, display_name: str | None = None, *, map_check: bool = True) -> Glossary:
    """Read and validate the glossary at ``path``; raise :class:`GlossaryError` if unsound.
    ``map_check``: as in :func:`parse`."""
    return _glossary(*datafile.read(path, SPEC, display_name), map_check=map_check)


def parse(data: bytes, name: str = "glossary.yml", *, map_check: bool = True) -> Glossary:
    """Validate the bytes of a glossary file named ``name``.

    ``map_check=False`` leaves out the one check of what only the places map draws, that
    each ``countries`` name has an outline (which reads the vendored outlines, the costliest
    part of a glossary's check): for a reader of the glossary that draws no map, such as
    the annotation as a plain Markdown extension.
    """
    return _glossary(*datafile.parse(data, SPEC, name), map_check=map_check)


def _glossary(value: dict[str, Any], lines: LineMap, *, map_check: bool = True) -> Glossary:
    name = lines.name
    terms = tuple(_term(raw, index, lines) for index, raw in enumerate(value["terms"]))
    actors, problems = _actors(value.get("actors", []), terms, lines)
    problems += _duplicate_problems(terms + actors, name)
    problems += _name_problems(terms + actors, name)
    problems += _form_problems(value, lines)
    problems += references.problems(terms + actors, name)
    problems += _variant_problems(terms + actors, name)
    problems += _identifier_problems(terms + actors, name)
    problems += _native_problems(actors, name)
    problems += _site_problems(terms + actors, name)
    if map_check:
        problems += _country_problems(value, lines)
    problems += [Problem(name, actor.line, (
        f"actor '{actor.name}' has the id '{actor.id}', whose page would be "
        f"{RESERVED_ACTOR_IDS[actor.id]}; give it another 'id'."))
        for actor in actors if actor.id in RESERVED_ACTOR_IDS]
    if problems:
        raise GlossaryError(sorted(problems, key=lambda problem: problem.line), SPEC.title)
    return Glossary(name, terms, actors)


# ---- Entries ----------------------------------------------------------------------


def _common(
    raw: dict[str, Any], name: str, summary: str, lines: LineMap, path: tuple[str, int]
) -> dict[str, Any]:
    text, refs = references.split(plain(raw[summary]), "summary", lines.line((*path, summary)))
    note, note_refs = (references.split(plain(raw["note"]), "note", lines.line((*path, "note")))
                       if "note" in raw else (None, ()))
    return {
        "id": raw.get("id") or slugify(name),
        "name": name,
        "aliases": tuple(raw.get("aliases", ())),
        "summary": text,
        "note": note,
        "references": refs + note_refs,
        "sources": read_sources(raw["sources"], lines, path),
        "case": raw.get("case", "auto"),
        "events": tuple(raw.get("events", ())),
        "events_line": lines.line((*path, "events")),
        "variants": tuple(raw.get("variants", ())),
        "coordinates": ((raw["coordinates"]["lat"], raw["coordinates"]["lon"])
                        if "coordinates" in raw else None),
        "countries": tuple(raw.get("countries", ())),
        "identifiers": tuple((scheme, raw["identifiers"][scheme]) for scheme in IDENTIFIER_SCHEMES
                             if scheme in raw.get("identifiers", {})),
        "native": ((raw["native"]["text"], raw["native"]["lang"])
                   if "native" in raw else None),
        "native_language": language_name(raw["native"]["lang"]) if "native" in raw else "",
        "site": _site(raw["site"]) if "site" in raw else None,
        "common_word": raw.get("common_word", "").strip(),
    }


def _identifiers(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((scheme, raw["identifiers"][scheme]) for scheme in IDENTIFIER_SCHEMES
                 if scheme in raw.get("identifiers", {}))


def _site(raw: dict[str, Any]) -> Site:
    point = (raw["coordinates"]["lat"], raw["coordinates"]["lon"])
    return Site(raw["name"], raw["what"].strip(), point, _identifiers(raw),
                tuple(raw.get("forms", ())))


def _term(raw: dict[str, Any], index: int, lines: LineMap) -> Entry:
    common = _common(raw, raw["term"], "definition", lines, ("terms", index))
    return Entry(kind="term", forms=(raw["term"], *common["aliases"]), category=raw["category"],
                 line=lines.line(("terms", index)), **common)


def _actors(
    raws: list[dict[str, Any]], terms: tuple[Entry, ...], lines: LineMap
) -> tuple[tuple[Entry, ...], list[Problem]]:
    """The actors, each linked to its glossary term, and what is wrong with the links."""
    by_form = {fold(form): term for term in terms for form in term.forms}
    linked: dict[str, Entry] = {}
    actors: list[Entry] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raws):
        common = _common(raw, raw["name"], "description", lines, ("actors", index))
        actor = Entry(kind="actor", forms=common["aliases"], category=raw["kind"],
                      line=lines.line(("actors", index)), **common)
        term_id = None
        if "term" in raw:
            term = by_form.get(fold(raw["term"]))
            if term is None:
                problems.append(Problem(
                    lines.name, lines.line(("actors", index, "term")),
                    f"actor '{actor.name}': 'term' is '{raw['term']}', which is no term or alias "
                    "in the glossary; name a glossary term or remove 'term'.",
                ))
            elif term.id in linked:
                problems.append(Problem(
                    lines.name, lines.line(("actors", index, "term")),
                    f"actor '{actor.name}': the term '{term.name}' is already the term of actor "
                    f"'{linked[term.id].name}' (line {linked[term.id].line}); a term can be one "
                    "with one actor only.",
                ))
            else:
                term_id = term.id
                linked[term.id] = actor
        if not actor.forms and "term" not in raw:
            problems.append(Problem(
                lines.name, actor.line,
                f"actor '{actor.name}' has no forms: list in 'aliases' how the essay refers to "
                "it, or name its glossary 'term'.",
            ))
        actors.append(replace(actor, term=term_id))
    return tuple(actors), problems


def _duplicate_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    problems: list[Problem] = []
    forms: dict[str, tuple[Entry, str]] = {}
    ids: dict[tuple[str, str], Entry] = {}  # anchors on the glossary page, actor pages
    for entry in entries:
        if (entry.kind, entry.id) in ids:
            other = ids[entry.kind, entry.id]
            problems.append(Problem(
                name, entry.line, f"{entry.kind} '{entry.name}' has the id '{entry.id}', like "
                f"{other.kind} '{other.name}' (line {other.line}); give one of them a distinct "
                "'id'.",
            ))
        ids.setdefault((entry.kind, entry.id), entry)
        for form in entry.forms:
            # NFKC, case folding and TR 39's skeleton.
            keys = lookalike_keys(form)
            key = next((k for k in keys if k in forms), None)
            if key is None:
                forms.update(dict.fromkeys(keys, (entry, form)))
                continue
            other, other_form = forms[key]
            if fold(form) != fold(other_form):
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}': the form '{form}' looks "
                    f"like '{other_form}' of {other.kind} '{other.name}' (line {other.line}) "
                    "but is spelt with other characters; write it in the characters of its own "
                    "script, or remove it.",
                ))
                continue
            if other is entry:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}' lists '{form}' twice "
                    f"(as '{other_form}' and '{form}'); keep one.",
                ))
            else:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}' claims '{form}', which "
                    f"{other.kind} '{other.name}' (line {other.line}) already has as "
                    f"'{other_form}'; a form may belong to one entry only.",
                ))
    return problems


# ---- Names that look alike ----------------------------------------------


def _name_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    """Two entries of a kind with one name (or names a reader cannot tell apart), and names
    or forms whose words mix scripts."""
    problems: list[Problem] = []
    names: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for text in dict.fromkeys((entry.name, *entry.forms)):
            why = mixed_script(text)
            if why:
                problems.append(Problem(name, entry.line, (
                    f"{entry.kind} '{entry.name}': '{text}': {why}, which makes it look like "
                    "another word; write each word in one script."
                )))
        key = (entry.kind, lookalike_key(entry.name))
        other = names.setdefault(key, entry)
        # A term's name is one of its forms, and a duplicate form is reported already.
        if other is not entry and not (entry.name in entry.forms and other.name in other.forms):
            alike = "the same name as" if entry.name == other.name else (
                "a name that looks like that of")
            problems.append(Problem(name, entry.line, (
                f"{entry.kind} '{entry.name}' (line {entry.line}) has {alike} "
                f"{other.kind} '{other.name}' (line {other.line}); one entry per name: merge "
                "them, or name each as the sources do."
            )))
    return problems


def _form_problems(value: dict[str, Any], lines: LineMap) -> list[Problem]:
    """Forms that cannot be names: a common English word alone, or too short a form."""
    problems = []
    for key, name_key in SPEC.lists.items():
        kind = "term" if key == "terms" else "actor"
        for index, raw in enumerate(value.get(key, [])):
            forms = [((key, index, "term"), raw["term"])] if key == "terms" else []
            forms += [((key, index, "aliases", n), alias)
                      for n, alias in enumerate(raw.get("aliases", ()))]
            for path, form in forms:
                why = form_problem(form, raw.get("case", "auto"))
                if why is None:
                    continue
                which = "the term" if path[-1] == "term" else "the alias"
                problems.append(Problem(lines.name, lines.line(path), (
                    f"{kind} '{raw[name_key]}': {which} '{form}' {why}, so it would match "
                    "all over the essay and cannot be a name. List the longer phrase the essay "
                    "writes (\"the United States\", not \"the\"); an abbreviation in capitals "
                    "(\"US\") is allowed unless 'case' is 'ignore'."
                )))
    return problems


# ---- Spelling variants and identifiers ---------------------------------------------

#: The authority files an entry may name, and how a record's address is made from an id.
IDENTIFIER_SCHEMES = ("wikidata", "geonames", "viaf")
IDENTIFIER_URLS = {"wikidata": "http://www.wikidata.org/entity/{}",
                   "geonames": "https://sws.geonames.org/{}/",
                   "viaf": "https://viaf.org/viaf/{}"}
IDENTIFIER_NAMES = {"wikidata": "Wikidata", "geonames": "GeoNames", "viaf": "VIAF"}


def identifier_url(scheme: str, value: str) -> str:
    """The address of the record ``value`` in the authority file ``scheme``."""
    return IDENTIFIER_URLS[scheme].format(value)


def _identifier_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    """No two entries share an identifier: each names one thing in the world."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for key in entry.identifiers:
            other = seen.setdefault(key, entry)
            if other is not entry and other.id != entry.term and entry.id != other.term:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}' has the {key[0]} id "
                    f"'{key[1]}', like {other.kind} '{other.name}' (line {other.line}); an id "
                    "names one thing: keep it on the entry it belongs to.",
                ))
    return problems


#: A quotation in the editor's text ('demilitarisation and denazification'): the quoted
#: source's spelling, which the one-spelling rule leaves alone. An apostrophe inside a word
#: (Moscow's) opens or closes none.
_QUOTATION = re.compile(r"(?<!\w)['\u2018][^'\u2019]*['\u2019](?!\w)")


def editorial_text(text: str) -> str:
    """``text`` without its quotations: the words that are the editor's own."""
    return _QUOTATION.sub(" ", text)


def variant_pattern(variant: str) -> re.Pattern[str]:
    """A whole-word, case-blind matcher for ``variant``."""
    return re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE)


def any_variant(variants: Iterable[str]) -> re.Pattern[str] | None:
    """One matcher that finds a text using any of ``variants`` (whole word, case-blind), or
    None when there are none: a text it does not match uses none of them, so only the texts
    it matches are searched variant by variant."""
    alternatives = sorted({re.escape(variant) for variant in variants}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def _variant_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    """A variant the essay uses (a form) or the editor writes: one spelling per name."""
    problems: list[Problem] = []
    forms = {fold(form): entry for entry in entries for form in entry.forms}
    prefilter = any_variant(variant for entry in entries for variant in entry.variants)
    # Each entry's editorial text, field by field, read once; only the texts that use some
    # variant are kept, and searched below for each variant in turn.
    using = [] if prefilter is None else [
        (other, field, own)
        for other in entries
        for field, text in (("definition" if other.kind == "term" else "description",
                             other.summary), ("note", other.note or ""),
                            ("site", other.site.what if other.site else ""))
        if prefilter.search(own := editorial_text(text))]
    for entry in entries:
        for variant in entry.variants:
            owner = forms.get(fold(variant))
            if owner is not None:
                problems.append(Problem(
                    name, entry.line, f"{entry.kind} '{entry.name}': the variant '{variant}' is "
                    f"a form of {owner.kind} '{owner.name}' (line {owner.line}), a spelling the "
                    "essay uses; list it in 'aliases' or remove it from 'variants'.",
                ))
            pattern = variant_pattern(variant)
            for other, field, own in using:
                found = pattern.search(own)
                if found:
                    problems.append(Problem(
                        name, other.line, f"{other.kind} '{other.name}': its {field} writes "
                        f"'{found.group(0)}', a variant spelling of {entry.kind} "
                        f"'{entry.name}' (line {entry.line}); write '{entry.name}' as the "
                        "edition does everywhere (one spelling per name).",
                    ))
    return problems


# ---- Names in their own script ---------------------------------------------------


def direction(text: str) -> str:
    """"rtl" when the first letter with a strong direction is right-to-left, else "ltr"."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("R", "AL"):
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "ltr"


def language_script(tag: str) -> str | None:
    """The script a language is written in by default, as ICU's likely subtags give it
    ("fa" -> "Arab", "ru" -> "Cyrl"; a tag's own script wins): None for an unknown tag."""
    import icu  # only where a file is read: a reading kept on disk needs none

    try:
        locale = icu.Locale.forLanguageTag(tag)
    except icu.ICUError:  # not of the form at all ("fa_IR")
        return None
    if not locale.getLanguage() or locale.toLanguageTag() != tag:
        return None
    if locale.getScript():
        return locale.getScript()
    likely = icu.Locale(locale.getName())
    likely.addLikelySubtags()
    return likely.getScript() or None


def language_name(tag: str) -> str:
    """The language's English name, as ICU gives it: "fa" -> "Persian", "ps" -> "Pashto"."""
    import icu

    return icu.Locale.forLanguageTag(tag).getDisplayLanguage(icu.Locale("en")) or tag


def _native_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    """A native name whose language tag is no language, or whose letters are of another
    script than that language's (a Persian name tagged ru, Latin letters tagged fa)."""
    import icu

    problems: list[Problem] = []
    for entry in entries:
        if entry.native is None:
            continue
        text, tag = entry.native
        script = language_script(tag)
        if script is None:
            problems.append(Problem(name, entry.line, (
                f"{entry.kind} '{entry.name}': native.lang '{tag}' is not a language tag ICU "
                "knows; write a BCP 47 tag such as fa, ru, ar or ps."
            )))
            continue
        others = sorted({icu.Script.getScript(char).getShortName() for char in text
                         if icu.Script.getScript(char).getName() not in _NEUTRAL_SCRIPTS}
                        - {script})
        if others:
            problems.append(Problem(name, entry.line, (
                f"{entry.kind} '{entry.name}': native.text '{text}' has letters of the "
                f"script {', '.join(others)}, but '{tag}' is written in {script}; give the "
                "name as the language writes it, or correct native.lang."
            )))
    return problems


def variant_uses(glossary: Glossary, texts: list[tuple[str, int, str, str]]) -> list[Problem]:
    """The one-spelling rule in the other data files' editorial text (a note's words,
    an event's description): ``texts`` are ``(file, line, who, text)``; quotations are the
    sources' spelling and left alone."""
    problems: list[Problem] = []
    variants = [(entry, variant, variant_pattern(variant))
                for entry in glossary.entries for variant in entry.variants]
    prefilter = any_variant(variant for _entry, variant, _pattern in variants)
    for file, line, who, text in texts:
        own = editorial_text(text)
        if prefilter is None or not prefilter.search(own):
            continue
        for entry, _variant, pattern in variants:
            found = pattern.search(own)
            if found:
                problems.append(Problem(file, line, (
                    f"{who} writes '{found.group(0)}', a variant spelling of {entry.kind} "
                    f"'{entry.name}' ({glossary.file}:{entry.line}); write '{entry.name}' as the "
                    "edition does everywhere (one spelling per name), or quote the source."
                )))
    return problems


# ---- The places entries are at ------------------------------------------------------


@functools.cache
def country_names() -> tuple[str, ...]:
    """The countries the map can shade, by the names its outlines have."""
    data = json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
    return tuple(country["name"] for country in data["countries"])


def _country_problems(value: dict[str, Any], lines: LineMap) -> list[Problem]:
    """A ``countries`` item the map has no outline for: it would be named as shaded while
    nothing is drawn. A near miss ("Kazakstan") gets "Did you mean"."""
    known = country_names()
    problems = []
    for key in ("terms", "actors"):
        for index, raw in enumerate(value.get(key) or []):
            if not isinstance(raw, dict) or not isinstance(raw.get("countries"), list):
                continue
            for number, country in enumerate(raw["countries"]):
                if not isinstance(country, str) or country in known:
                    continue
                guess = difflib.get_close_matches(country, known, n=1, cutoff=0.75)
                hint = f" Did you mean '{guess[0]}'?" if guess else ""
                label = raw.get(SPEC.lists[key])
                problems.append(Problem(lines.name, lines.line((key, index, "countries", number)), (
                    f"{key}[{index}] '{label}': 'countries' lists '{country}', which the map has "
                    f"no outline for.{hint} Use a name from the map's list "
                    "(hooks/edition/pages/natural_earth/world.json).")))
    return problems


def _site_problems(entries: tuple[Entry, ...], name: str) -> list[Problem]:
    """A site's forms that are not the entry's; one place given two points or two ids; a
    site's id that is an entry's (an entry and a place it is at are two things)."""
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    entry_ids = {key: entry for entry in entries for key in entry.identifiers}
    for entry in entries:
        site = entry.site
        if site is None:
            continue
        own = {fold(form) for form in entry.forms}
        for form in site.forms:
            if fold(form) not in own:
                problems.append(Problem(name, entry.line, (
                    f"{entry.kind} '{entry.name}': site.forms lists '{form}', which is not one "
                    "of its forms; list there the aliases that name the place itself."
                )))
        first = seen.setdefault(site.name, entry)
        if first is not entry and first.site is not None and (
                (first.site.coordinates, first.site.identifiers)
                != (site.coordinates, site.identifiers)):
            problems.append(Problem(name, entry.line, (
                f"{entry.kind} '{entry.name}': its site '{site.name}' has other coordinates "
                f"or identifiers than the site of {first.kind} '{first.name}' (line "
                f"{first.line}); one place, one point: give both the same."
            )))
        for key in site.identifiers:
            if key in entry_ids:
                other = entry_ids[key]
                problems.append(Problem(name, entry.line, (
                    f"{entry.kind} '{entry.name}': its site '{site.name}' has the {key[0]} id "
                    f"'{key[1]}' of {other.kind} '{other.name}' (line {other.line}); a place "
                    "and an entry are two things with two ids."
                )))
    return problems
