"""One build of the edition: its state, and each step the hook's events ask of it.

The hook makes a :class:`Build` in ``on_config`` for every build and forwards each MkDocs
event to it; the build knows MkDocs' objects only through what the hook hands it: paths,
strings and a :class:`Site` for addresses. A fatal problem is a :class:`BuildError`, whose
message says what to fix; warnings go to the ``warn`` the hook gives (MkDocs' logger, so
``--strict`` fails on them).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

from markdown.extensions import Extension

from edition.build.serve import ServeCaches
from edition.build.spill import Renamed, RenderedPages
from edition.data.datafile import DataFileError, Problem, in_github_actions, repository_path
from edition.data.glossary import Entry
from edition.data.work import Work
from edition.exports import downloads
from edition.exports.record import Record
from edition.index import checklist, checks
from edition.index.occurrences import OccurrenceIndex
from edition.pages import actors as actor_pages
from edition.pages import glossary as glossary_page
from edition.pages import links, timeline
from edition.pages import notes as notes_page
from edition.pages import places as places_page
from edition.pages import search as search_index
from edition.pages.inserts import InsertExtension, Inserts
from edition.pages.registry import PathClaimedError, Registry
from edition.pages.sidebars import SidebarCache
from edition.reader import citations, colophon
from edition.reader.metadata import meta_tags, running_head
from edition.reader.tools import PageInfo, ReaderToolsExtension
from edition.reader.work import Edition, edition_from
from edition.text import event_links
from edition.text.anchoring import Anchor
from edition.text.annotate import MARK_SCOPES, AnnotationExtension, Occurrence, subjects
from edition.text.blocks import BlockReader
from edition.text.note_marks import NoteMarkerExtension, NotePlaces
from edition.text.paragraphs import ParagraphIndex, ParagraphNumbersExtension
from edition.text.typography import rewriting_extensions

#: The options under ``extra.edition`` that name the data files.
DATA_FILES = ("glossary", "notes", "events")
#: Every option under ``extra.edition``; ``work`` names the work's record (``work.yml``).
#: ``timeline``, ``mention_rule`` and ``map`` say how the timeline, the actors index and
#: the places map present this text (each has a default made from the data).
OPTIONS = (*DATA_FILES, "work", "mark", "version", "revised", "editors", "changes",
           "timeline", "mention_rule", "map")


class BuildError(Exception):
    """A problem that stops the build; its message names the file and what to fix."""


class Site(Protocol):
    """The site's files as the build sees them (the hook adapts MkDocs' ``Files``)."""

    def url(self, src: str) -> str | None:
        """The address of the page or file made from ``src``, from the site's root."""

    def relative(self, url: str, other: str) -> str:
        """``url`` relative to the page at ``other``."""

    def destination(self, src: str) -> str | None:
        """Where the page or file made from ``src`` is written in the site."""

    def page_urls(self) -> list[str]:
        """Every page's address, in the order the build writes the pages."""


@dataclass(frozen=True)
class PageRef:
    """The page being rendered: its source, its address from the site's root and in full."""

    src: str
    url: str
    canonical_url: str = ""
    is_homepage: bool = False
    title: str = ""


def options(extra: dict[str, Any]) -> dict[str, Any]:
    """``extra.edition`` from ``mkdocs.yml``'s ``extra``, checked. Among its options:

    - ``glossary``: the glossary file, relative to ``mkdocs.yml`` (default ``glossary.yml``).
    - ``notes``: the editor's notes, relative to ``mkdocs.yml`` (default ``notes.yml``).
    - ``events``: the dated events notes and entries refer to (default ``events.yml``).
    - ``work``: the work the edition presents, as first published (default ``work.yml``;
      without one, a test's small site cites itself).
    - ``mark``: which occurrences become links: ``every`` one, the first of each entry in
      each ``paragraph``, or on each ``page`` (default), where the essay's subjects are
      linked once in the essay; with either, outside a note's words where the entry is
      named elsewhere. All are listed as occurrences.
    """
    found = extra.get("edition", {}) or {}
    if not isinstance(found, dict):
        raise BuildError("mkdocs.yml: 'extra.edition' must be a mapping of options.")
    unknown = set(found) - set(OPTIONS)
    if unknown:
        raise BuildError(
            f"mkdocs.yml: unknown option(s) under 'extra.edition': {', '.join(sorted(unknown))}; "
            "the options are 'glossary', 'notes', 'events', 'work' and 'mark', the "
            "edition's 'version', 'revised', 'editors' and 'changes', and the pages' "
            "'timeline', 'mention_rule' and 'map'."
        )
    if found.get("mark", "page") not in MARK_SCOPES:
        raise BuildError(
            f"mkdocs.yml: 'extra.edition.mark' is {found['mark']!r}; use one of "
            + ", ".join(f"'{scope}'" for scope in MARK_SCOPES) + "."
        )
    return found


def data_paths(config_file: str, extra: dict[str, Any]) -> list[Path]:
    """The data files, each where ``extra.edition`` names it (beside ``mkdocs.yml``)."""
    found = options(extra)
    return [Path(config_file).parent / found.get(option, f"{option}.yml")
            for option in DATA_FILES]


def work_path(config_file: str, extra: dict[str, Any]) -> Path:
    """The work's record, where ``extra.edition.work`` names it (default ``work.yml``)."""
    return Path(config_file).parent / options(extra).get("work", "work.yml")


def watched_paths(config_file: str, extra: dict[str, Any]) -> list[Path]:
    """Every file ``mkdocs serve`` watches beside the pages: the data files and the work's
    (if the project records a work: a watch needs a file)."""
    work = work_path(config_file, extra)
    return [*data_paths(config_file, extra), *([work] if work.exists() else [])]


def untitled_work(site_name: str, site_url: str, rights: str) -> Work:
    """The work of a project that records none (a test's small site): the site itself."""
    import datetime

    today = datetime.date.today()
    return Work(family=site_name, given="", title=site_name, container=site_name,
                year=today.year, month=today.month, day=today.day, original_url=site_url,
                rights=rights)


class Build:
    """Everything one build knows; replaced at the start of every build."""

    def __init__(self, config_file: str, extra: dict[str, Any], caches: ServeCaches,
                 warn: Callable[[str], None], error: Callable[[str], None]) -> None:
        self.config_file = config_file
        self.options = options(extra)
        self.paths = data_paths(config_file, extra)
        self.work_file = work_path(config_file, extra)
        #: The work the edition presents (``work.yml``), read in :meth:`configure`.
        self.work: Work | None = None
        self.caches = caches
        self._warn_text = warn
        self._error_text = error
        # The same checks, in the same order, as scripts/check_glossary.py: each stage of
        # edition.index.checklist where this build has its input.
        self.paragraphs = ParagraphIndex()
        self.occurrences = OccurrenceIndex()
        self.reading = checklist.Reading(
            *self.paths, self.work_file if "work" in self.options or self.work_file.exists()
            else None, occurrences=self.occurrences, paragraphs=self.paragraphs)
        caches.begin()
        try:
            checklist.run("data", self.reading, self.warn)
        except DataFileError as error_:
            fallback = self._fallback(error_)
            if fallback is None:
                raise self.fail(error_) from None
            # The last good data was warned of when it was read; its references are not kept.
            self.reading.data = fallback
        data = self.reading.checked
        self.glossary, self.notes, self.notes_file = data.glossary, data.notes, data.notes_file
        self.events = data.events
        try:
            #: The timeline's span, break, marks, eras and summary (``extra.edition.timeline``).
            self.timeline = timeline.axis(self.options.get("timeline"), self.events)
            #: The actors index's rule for what counts as a mention.
            self.mention_rule = actor_pages.mention_rule(self.options.get("mention_rule"))
            #: The region the places map draws (``extra.edition.map.region``).
            self.map_view = places_page.region(self.options.get("map"), self.glossary)
        except ValueError as error_:
            raise BuildError(f"mkdocs.yml: 'extra.edition': {error_}") from None
        #: The edition as cited (mkdocs.yml's extra.edition).
        self.edition: Edition | None = None
        self.anchors: list[Anchor] = []
        #: Each note's number and each note's and block's page.
        self.places = NotePlaces()
        #: The essay's blocks, ``(page, id, text)``, read once before any page renders.
        self.blocks: list[tuple[str, str, str]] = []
        #: The essay's subjects, each linked once in the essay, at this block.
        self.subjects: dict[str, str] = {}
        self.exports: list[downloads.Export] = []
        #: Every page's HTML as rendered, on disk until its template reads it (``spill``).
        self.rendered = RenderedPages()
        #: The stylesheets the pages link in place of the theme's main and palette ones (the
        #: hook finds them among the theme's files), or None: the theme's own.
        self.styles: list[str] | None = None
        self.essay_extensions: tuple[list[str], dict[str, Any]] = ([], {})
        self.matcher = caches.matcher(self.glossary)
        # Each generated path has one claimant; a second is refused, named.
        self.generated: Registry[Entry] = Registry()
        for path, title in ((glossary_page.PAGE, "the glossary"), (notes_page.PAGE,
                            "the notes page"), (timeline.PAGE, "the timeline"),
                            (colophon.PAGE, "the colophon"),
                            (actor_pages.INDEX, "the actors index"),
                            (places_page.PAGE, "the places index")):
            self.generated.claim(path, None, title)
        for actor in self.glossary.actors:
            try:
                self.generated.claim(links.actor_page(actor), actor,
                                     f"actor '{actor.name}' (id '{actor.id}', line {actor.line})")
            except PathClaimedError as claimed:
                raise self.fail(DataFileError(
                    [Problem(self.glossary.file, actor.line, str(claimed))], "the glossary"
                )) from None
        self.page: PageRef | None = None
        #: The edition's source repository (``repo_url``), which the colophon links.
        self.repo_url: str | None = None
        self.site: Site | None = None
        self.inserts = Inserts()
        self._links: dict[tuple[str, str, str], str] = {}
        self.sidebars = SidebarCache()
        # The reader's tools: the entries annotated on the page being rendered, in order.
        self.page_entries: dict[tuple[str, str], Entry] = {}

    # ---- problems ---------------------------------------------------------------------

    def annotate(self, problems: Iterable[Problem], level: str = "error") -> None:
        """Under GitHub Actions, put each problem on its line of the pull request's diff."""
        if not in_github_actions():
            return
        project = Path(self.config_file).parent
        known = {path.name: path for path in (*self.paths, self.work_file)}
        for problem in problems:
            path = known.get(problem.file, project / problem.file)
            print(problem.workflow_command(repository_path(path, project), level), flush=True)

    def warn(self, problem: Problem | str) -> None:
        """Warn of ``problem`` (``--strict`` fails on it), annotated on GitHub Actions when it
        is located in a data file."""
        self._warn_text(str(problem))
        if isinstance(problem, Problem):
            self.annotate([problem], "warning")

    def fail(self, error: DataFileError) -> BuildError:
        """The build's error for an unusable data file (annotated on GitHub Actions)."""
        self.annotate(error.problems)
        return BuildError(str(error))

    def _fallback(self, error: DataFileError) -> checks.Data | None:
        """Under ``mkdocs serve``, after a good build: the last good data, the error logged
        and shown in a banner on every page; otherwise None (the build fails as ever)."""
        data = self.caches.fallback(error)
        if data is not None:
            self._error_text(
                str(error) + "\nThe pages keep the last good data until the file is fixed.")
        return data

    # ---- on_config --------------------------------------------------------------------

    def configure(self, site_name: str, site_url: str, extensions: list[Any],
                  configs: dict[str, Any], rights: str = "",
                  repo_url: str | None = None) -> list[Extension]:
        """Read the work's record and the edition's, and check the Markdown extensions;
        the extensions this build adds to them, in order. ``rights`` (the site's copyright)
        stands for the rights of a project that records no work; ``repo_url`` is the source
        repository the colophon links."""
        self.repo_url = repo_url
        try:
            checklist.run("work", self.reading, self.warn)
        except DataFileError as error:
            raise self.fail(error) from None
        self.work = self.reading.work or untitled_work(site_name, site_url, rights)
        try:
            self.edition = edition_from(site_name, site_url, self.options)
        except ValueError as error:
            raise BuildError(f"mkdocs.yml: {error}.") from None
        self.essay_extensions = ([e for e in extensions if isinstance(e, str)], dict(configs))
        # No extension may rewrite the author's characters (smarty, smartsymbols).
        rewriting = rewriting_extensions(*self.essay_extensions)
        if rewriting:
            raise BuildError("\n".join(rewriting))
        return [
            ParagraphNumbersExtension(self.on_paragraph),
            NoteMarkerExtension(self.page_anchors, self.dated, self.places.number_of,
                                self.note_address),
            InsertExtension(self.inserts),
            ReaderToolsExtension(self.cited, self.edition, self.reader_page),
            AnnotationExtension(self.matcher, self.link_for, self.on_occurrence,
                                mark=self.options.get("mark", "page"),
                                once=lambda: self.subjects),
        ]

    # ---- on_files ---------------------------------------------------------------------

    def check_sources(self, site: Site) -> None:
        """Refuse hand-written files at the paths this build generates."""
        self.site = site
        for path in self.generated:
            if site.url(path) is not None:
                raise BuildError(
                    f"docs/{path} exists, but that page is generated from glossary.yml and "
                    "notes.yml: remove the file.")
        for path in downloads.PATHS:
            if site.url(path) is not None:
                raise BuildError(
                    f"docs/{path} exists, but that file is generated from glossary.yml and "
                    "notes.yml: remove it.")

    def read_essay(self, pages: list[tuple[str, str]]) -> None:
        """Anchor every note in the essay's ``pages`` ``(src, Markdown without front
        matter)``, falling back under serve to the last good notes; then remember this data
        as the last good."""
        try:
            self.anchor_notes(pages)
        except DataFileError as error:
            fallback = self._fallback(error)
            if fallback is None or fallback.notes is self.notes:
                raise self.fail(error) from None
            self.notes = fallback.notes  # the last good notes, against this build's essay
            self.reading.data = dataclasses.replace(self.reading.checked, notes=self.notes)
            self.anchor_notes(pages)
        if self.caches.serving and not self.caches.refused:
            self.caches.last_good = checks.Data(self.glossary, self.notes, self.notes_file,
                                                self.events, ())

    def anchor_notes(self, pages: list[tuple[str, str]]) -> None:
        """Find every note's words in the essay, before any page is rendered.

        Only the pages that can hold essay blocks are read, and only as far as the blocks
        (``BlockReader``): not a second rendering of every page.
        """
        reader = BlockReader(*self.essay_extensions)
        blocks = self.blocks = []
        for src, body in pages:
            if src not in self.generated:
                blocks += [(src, block, text) for block, text in reader.read(body)]
        self.reading.blocks, self.reading.matcher = blocks, self.matcher
        try:
            checklist.run("essay", self.reading, self.warn)
        except checklist.EssayError as error:
            raise BuildError(str(error)) from None
        self.subjects = subjects(self.matcher, blocks)
        self.anchors = self.reading.anchors
        places = NotePlaces.of(self.anchors, blocks)
        self.places.numbers, self.places.note_pages = places.numbers, places.note_pages
        self.places.block_pages = places.block_pages

    # ---- each page, as it renders -----------------------------------------------------

    @property
    def cited(self) -> Work:
        """The work, once :meth:`configure` has read it."""
        assert self.work is not None
        return self.work

    @property
    def src(self) -> str:
        if self.page is None:
            raise BuildError("edition: Markdown was rendered outside any page")
        return self.page.src

    def on_paragraph(self, number: int) -> None:
        self.paragraphs.add(number, self.src)

    def on_occurrence(self, occurrence: Occurrence) -> None:
        self.occurrences.add(self.src, occurrence)
        self.page_entries.setdefault((occurrence.entry.kind, occurrence.entry.id),
                                     occurrence.entry)

    def is_essay_page(self, src: str) -> bool:
        """The home page and the essay's parts: the pages of ``docs/`` that hold the essay's
        blocks (not the pages about the edition, which have nothing to cite or to hide)."""
        return src not in self.generated and src in self.places.block_pages.values()

    def reader_page(self) -> PageInfo | None:
        """The essay page being rendered, for the reader's tools (None for other pages)."""
        if self.page is None or not self.is_essay_page(self.page.src):
            return None
        return PageInfo(self.page.canonical_url, self.page.is_homepage,
                        tuple(self.page_entries.values()))

    def dated(self, anchor: Anchor) -> Any:
        """The line of a note's dated events, linked to the timeline."""
        return event_links.element(event_links.records(self.events, anchor.note.events),
                                   anchor.page)

    def note_address(self, target: str) -> str:
        """The address, from the page being rendered, of a paragraph (``p8``) or a note
        (``note:<id>``: on the notes page, its entry there; elsewhere, its essay page)."""
        path, anchor = self.places.target(target, self.src, self.src == notes_page.PAGE)
        if path == self.src or self.site is None or self.page is None:
            return f"#{anchor}"
        url = self.site.url(path)
        assert url is not None
        return f"{self.site.relative(url, self.page.url)}#{anchor}"

    def note_citation(self, number: int, place: str, page: str, key: str) -> str:
        """A note cited (the reader's Chicago form), as HTML, at its essay page's address."""
        assert self.edition is not None and self.site is not None
        found = self.site.url(page)
        url = urljoin(self.edition.url, found if found is not None else page)
        return citations.note_citation_html(self.cited, self.edition, number, place,
                                            f"{url}#note-{key}")

    def page_anchors(self) -> list[Anchor]:
        """The notes anchored on the page being rendered, in reading order."""
        return [anchor for anchor in self.anchors if anchor.page == self.src]

    def link_for(self, entry: Entry) -> str:
        key = (self.src, entry.kind, entry.id)
        if key not in self._links:
            self._links[key] = links.link_from(self.src, links.home(entry))
        return self._links[key]

    def markdown(self, page: PageRef, markdown: str) -> str:
        """The Markdown of ``page``: an essay page's own; a generated page's, from the index
        the essay pages filled."""
        self.page = page
        self.page_entries = {}
        src = page.src
        if src not in self.generated:
            self.occurrences.titles[src] = page.title or src
            return markdown
        # Built as elements: the page's Markdown is one placeholder, which Python-Markdown
        # reads as one paragraph and the inserts replace with the page.
        return self.inserts.placeholder(self.body(src))

    def body(self, src: str) -> list[etree.Element]:
        """The elements of the generated page ``src``, from the index the essay filled."""
        glossary, occurrences = self.glossary, self.occurrences
        if src == colophon.PAGE:
            assert self.edition is not None
            return colophon.render(self.cited, self.edition, {
                "notes": len(self.notes), "terms": len(glossary.terms),
                "actors": len(glossary.actors), "events": len(self.events)},
                self.repo_url)
        if src == timeline.PAGE:
            return timeline.render(
                timeline.events(self.anchors, glossary, occurrences, self.events), self.timeline)
        if src == glossary_page.PAGE:
            return glossary_page.render(glossary, occurrences, events=self.events)
        if src == notes_page.PAGE:
            return notes_page.render(self.anchors, occurrences.title, self.events,
                                     self.note_address, self.note_citation)
        if src == places_page.PAGE:
            return places_page.render(glossary, occurrences, self.map_view)
        if src == actor_pages.INDEX:
            site, page = self.site, self.page
            assert site is not None and page is not None

            def href(actor: Entry) -> str:
                found = site.url(links.actor_page(actor))
                assert found is not None
                return site.relative(found, page.url)
            return actor_pages.render_index(glossary, occurrences, href, self.mention_rule)
        actor = self.generated[src]
        assert actor is not None
        return actor_pages.render_actor(actor, glossary, occurrences, events=self.events)

    def content(self, src: str, html: str) -> None:
        """Keep a page's HTML out of memory until its template needs it (``page_html``);
        the exports and the search index quote the essay pages' text from it."""
        self.rendered.keep(src, html)

    def page_html(self, src: str) -> str | None:
        """The HTML :meth:`content` kept of the page ``src`` (None if it kept none)."""
        return self.rendered.get(src)

    def kept(self, src: str) -> bool:
        """Whether :meth:`content` kept the HTML of the page ``src``."""
        return src in self.rendered

    def citation_meta(self, src: str | None, canonical_url: str) -> list[tuple[str, str]]:
        """The citation meta tags of an essay page's ``<head>`` (none for other pages)."""
        if src is None or not self.is_essay_page(src):
            return []
        return meta_tags(self.cited, self.edition, canonical_url)

    def running_head(self) -> str:
        """The printed page's running head, as a CSS string (``edition/head.html``)."""
        return running_head(self.cited)

    # ---- after every page has rendered ------------------------------------------------

    def finish(self, site_name: str, site_url: str, copyright: str, site_dir: str) -> None:
        """Check what the pages left (lists placed, paragraph numbers, forms) and write the
        exports into the site."""
        if self.inserts.waiting():
            raise BuildError(
                f"edition: {self.inserts.waiting()} generated list(s) found no place in their "
                "page; a Markdown extension may have changed the generated pages' paragraphs."
            )
        self.write_exports(site_name, site_url, copyright, site_dir)
        checklist.run("rendered", self.reading, self.warn)

    def write_exports(self, site_name: str, site_url: str, copyright: str,
                      site_dir: str) -> None:
        """Write the exports of this build's records into the site, where their files point."""
        site = self.site
        assert site is not None

        @functools.cache  # one lookup per page, not one per mention (this build's only)
        def url(src: str) -> str:
            found = site.url(src)
            return urljoin(site_url, found if found is not None else src)

        def entry_url(entry: Entry) -> str:
            path, _, anchor = links.home(entry).partition("#")
            return url(path) + (f"#{anchor}" if anchor else "")

        pages = {page for page, _, _ in self.blocks}
        record = Record(
            site_name=site_name, site_url=site_url, copyright=copyright,
            glossary=self.glossary, anchors=tuple(self.anchors), blocks=tuple(self.blocks),
            occurrences=self.occurrences, page_urls={page: url(page) for page in pages},
            page_titles={page: self.occurrences.title(page) for page in pages},
            entry_url=entry_url, rendered=self.rendered,
            events=self.events,
            version=self.edition.version if self.edition else "",
            revised=self.edition.iso_date if self.edition else "",
            work=self.work,
        )
        try:
            self.exports = downloads.exports(record, Path(site_dir))
        except ValueError as error:
            raise BuildError(f"edition: the exports cannot be made: {error}") from None

    def downloads(self, src: str, url: str) -> str | None:
        """The home page's list of the exports, with their sizes, as HTML (None elsewhere)."""
        site = self.site
        if src != downloads.HOME or not self.exports or site is None:
            return None

        def href(export: downloads.Export) -> str:
            found = site.url(export.path)
            assert found is not None
            return site.relative(found, url)
        return downloads.section_html(self.exports, href)

    def search_index(self, site_dir: str) -> None:
        """Rewrite Material's search index: each passage once (``edition.pages.search``)."""
        path = Path(site_dir) / "search" / "search_index.json"
        site = self.site
        if not path.exists() or site is None:
            return
        urls: dict[str, str] = {}  # every page but the generated ones: its URL
        for src in self.rendered:
            url = site.url(src)
            if url is not None and src not in self.generated:
                urls[src] = url.removeprefix("./")  # the home page is "" in Material's index
        pages = Renamed(self.rendered, {url: src for src, url in urls.items()})  # their HTML
        variants: dict[tuple[str, str], list[str]] = {}
        entries: dict[str, Entry] = {}
        for entry in self.glossary.entries:
            target, _, anchor = links.home(entry).partition("#")
            home = site.url(target)
            if home is not None:
                entries[home + (f"#{anchor}" if anchor else "")] = entry
            for place, _ in self.occurrences.places(entry):
                if entry.variants and place.block and place.page in urls:
                    variants.setdefault((urls[place.page], place.block), []).extend(
                        entry.variants)
        notes_html = _written(site, notes_page.PAGE)
        actors = site.url(actor_pages.INDEX)
        places = _written(site, places_page.PAGE)
        described = dict([places]) if places is not None else {}
        events = _written(site, timeline.PAGE)
        index = search_index.rewrite(json.loads(path.read_text(encoding="utf-8")), pages,
                                     variants, entries, notes_html,
                                     [actors] if actors is not None else [], described,
                                     dict([events]) if events is not None else {},
                                     [url.removeprefix("./") for url in site.page_urls()])
        with path.open("w", encoding="utf-8") as out:
            search_index.dump(index, out)

    def close(self) -> None:
        """Let go of what the build kept on disk (the pages' HTML), once the site is written."""
        self.rendered.close()

    def generated_pages(self) -> Iterator[tuple[str, bool]]:
        """Every generated page's path, and whether it is an actor page (off the menu)."""
        for path, actor in self.generated.items():
            yield path, actor is not None


def _written(site: Site, src: str) -> tuple[str, str] | None:
    """The address and HTML of a page the build has written, or None."""
    url, destination = site.url(src), site.destination(src)
    if url is None or destination is None or not Path(destination).exists():
        return None
    return url, Path(destination).read_text(encoding="utf-8")
