"""MkDocs hook for the annotated edition: adapts MkDocs events to ``hooks/edition``.

State lives in a fresh :class:`_Build` made in ``on_config`` for every build, because
``mkdocs serve`` keeps this module loaded between rebuilds. The events below are in the
order MkDocs calls them: ``on_startup`` (once per command), ``on_config``, ``on_files``,
then ``on_page_markdown`` and ``on_page_content`` for each page, ``on_env`` once every page
is rendered, ``on_page_context`` for each page as its template renders, and, under
``mkdocs serve`` only, ``on_serve``. Options, under ``extra.edition`` in ``mkdocs.yml``:

- ``glossary``: the glossary file, relative to ``mkdocs.yml`` (default ``glossary.yml``).
- ``notes``: the editor's notes, relative to ``mkdocs.yml`` (default ``notes.yml``).
- ``events``: the dated events notes and entries refer to (default ``events.yml``).
- ``mark``: which occurrences become links: ``every`` one, the first of each entry in each
  ``paragraph``, or on each ``page`` (default), where the essay's subjects are linked once in
  the essay (issue 22); with either, outside a note's words where the entry is named elsewhere.
  All are listed as occurrences.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from edition.data import events as event_records
from edition.data.datafile import DataFileError, Problem, in_github_actions, repository_path
from edition.data.glossary import Entry, Glossary
from edition.data.notes import Note
from edition.exports import downloads
from edition.exports.record import Record
from edition.index import checks
from edition.index.occurrences import OccurrenceIndex
from edition.pages import actors as actor_pages
from edition.pages import glossary as glossary_page
from edition.pages import links, timeline
from edition.pages import notes as notes_page
from edition.pages import places as places_page  # #24
from edition.pages import search as search_index  # #24
from edition.pages.inserts import InsertExtension, Inserts
from edition.pages.registry import PathClaimedError, Registry
from edition.pages.sidebars import SidebarCache
from edition.reader import citations, colophon
from edition.reader.metadata import meta_tags
from edition.reader.tools import PageInfo, ReaderToolsExtension
from edition.reader.work import ESSAY, Edition, edition_from
from edition.text import event_links
from edition.text.anchoring import Anchor, reading_order
from edition.text.annotate import (
    MARK_SCOPES,
    AnnotationExtension,
    Occurrence,
    Target,
    subjects,
    targets,
)
from edition.text.blocks import BlockReader, duplicate_ids, word_count
from edition.text.matcher import Matcher
from edition.text.note_marks import NoteMarkerExtension
from edition.text.paragraphs import ParagraphIndex, ParagraphNumbersExtension
from edition.text.typography import rewriting_extensions

if TYPE_CHECKING:  # only `mkdocs serve` loads the server (issue 26: not imported by a build)
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("edition")
#: The options under ``extra.edition`` that name the data files.
DATA_FILES = ("glossary", "notes", "events")

#: Theme templates of the edition's own (``edition/actor.html``, ``main.html``), before the theme's.
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The front matter of every actor page.
ACTOR_META = "---\nhide:\n  - toc\ntemplate: edition/actor.html\n---\n"


#: The last glossary's compiled matcher. Under ``mkdocs serve`` a glossary whose file did
#: not change is the very same object (``checks.load_data`` keeps it by its content), and so
#: is its matcher, never compiled twice for one text (issue 26).
_compiled: tuple[Glossary, Matcher[Target]] | None = None


def _matcher(glossary: Glossary) -> Matcher[Target]:
    """The one compiled matcher of ``glossary``."""
    global _compiled
    if _compiled is None or _compiled[0] is not glossary:
        _compiled = (glossary, Matcher(targets(glossary)))
    return _compiled[1]


class _Build:
    """Everything one build knows; replaced at the start of every build."""

    def __init__(self, glossary: Glossary, notes: tuple[Note, ...], notes_file: str,
                 events: event_records.Events) -> None:
        self.glossary = glossary
        self.events = events
        self.notes = notes
        self.notes_file = notes_file
        #: The edition as cited (mkdocs.yml's extra.edition), set in on_config.
        self.edition: Edition | None = None
        self.anchors: list[Anchor] = []
        #: #23: each note's number (by its index in notes.yml), each note's and block's page.
        self.numbers: dict[int, int] = {}
        self.note_pages: dict[str, str] = {}
        self.block_pages: dict[str, str] = {}
        #: The essay's blocks, ``(page, id, text)``, read once in ``on_files``.
        self.blocks: list[tuple[str, str, str]] = []
        #: The essay's subjects, each linked once in the essay, at this block (issue 22).
        self.subjects: dict[str, str] = {}
        # The exports (edition/exports): their virtual files, written into the site in on_env.
        self.export_files: dict[str, File] = {}
        self.exports: list[downloads.Export] = []
        self.rendered: dict[str, str] = {}
        self.essay_words = 0
        self.essay_extensions: tuple[list[str], dict[str, Any]] = ([], {})
        self.matcher: Matcher[Target] = _matcher(glossary)
        # Issue 25: each generated path has one claimant; a second is refused, named.
        self.generated: Registry[Entry] = Registry()
        for path, title in ((glossary_page.PAGE, "the glossary"), (notes_page.PAGE,
                            "the notes page"), (timeline.PAGE, "the timeline"),
                            (colophon.PAGE, "the colophon"),  # #23
                            (actor_pages.INDEX, "the actors index"),
                            (places_page.PAGE, "the places index")):  # #24
            self.generated.claim(path, None, title)
        for actor in glossary.actors:
            try:
                self.generated.claim(links.actor_page(actor), actor,
                                     f"actor '{actor.name}' (id '{actor.id}', line {actor.line})")
            except PathClaimedError as error:
                raise DataFileError([Problem(glossary.file, actor.line, str(error))],
                                    "the glossary") from None
        self.page: Page | None = None
        self.files: Files | None = None  # #24: for the search index, after the build
        self.paragraphs = ParagraphIndex()
        self.occurrences = OccurrenceIndex()
        self.inserts = Inserts()
        self._links: dict[tuple[str, str, str], str] = {}
        self.sidebars = SidebarCache()
        # The reader's tools: the entries annotated on the page being rendered, in order.
        self.page_entries: dict[tuple[str, str], Entry] = {}

    @property
    def src(self) -> str:
        if self.page is None:
            raise PluginError("edition: Markdown was rendered outside any page")
        return self.page.file.src_uri

    def on_paragraph(self, number: int) -> None:
        self.paragraphs.add(number, self.src)

    def on_occurrence(self, occurrence: Occurrence) -> None:
        self.occurrences.add(self.src, occurrence)
        self.page_entries.setdefault((occurrence.entry.kind, occurrence.entry.id),
                                     occurrence.entry)

    def is_essay_page(self, page: Page) -> bool:
        """The home page and the essay's parts: the pages of ``docs/`` that hold the essay's
        blocks (not the pages about the edition, which have nothing to cite or to hide)."""
        return (page.file.src_uri not in self.generated
                and page.file.src_uri in self.block_pages.values())

    def reader_page(self) -> PageInfo | None:
        """The essay page being rendered, for the reader's tools (None for other pages)."""
        if self.page is None or not self.is_essay_page(self.page):
            return None
        return PageInfo(self.page.canonical_url or "", self.page.is_homepage,
                        tuple(self.page_entries.values()))

    def dated(self, anchor: Anchor) -> Any:
        """The line of a note's dated events, linked to the timeline (issue 28)."""
        return event_links.element(event_links.records(self.events, anchor.note.events),
                                   anchor.page)

    def number_of(self, anchor: Anchor) -> int:
        """#23: the note's number through the edition, in reading order."""
        return self.numbers[anchor.note.index]

    def note_address(self, target: str) -> str:
        """#23: the address, from the page being rendered, of a paragraph (``p8``) or a note
        (``note:<id>``: on the notes page, its entry there; elsewhere, its essay page)."""
        if target.startswith("note:"):
            key = target.removeprefix("note:")
            page = self.src if self.src == notes_page.PAGE else self.note_pages[key]
            path, anchor = page, f"note-{key}"
        else:
            path, anchor = self.block_pages[target], target
        if path == self.src or self.files is None or self.page is None:
            return f"#{anchor}"
        file = self.files.get_file_from_path(path)
        assert file is not None
        return f"{get_relative_url(file.url, self.page.file.url)}#{anchor}"

    def note_citation(self, number: int, place: str, page: str, key: str) -> str:
        """#23: a note cited (the reader's Chicago form), as HTML, at its essay page's address."""
        assert self.edition is not None and self.files is not None
        file = self.files.get_file_from_path(page)
        url = urljoin(self.edition.url, file.url if file is not None else page)
        element = citations.note_citation(ESSAY, self.edition, number, place,
                                          f"{url}#note-{key}")
        return "".join([html.escape(element.text or "", quote=False), *(
            ElementTree.tostring(child, encoding="unicode") for child in element)])

    def page_anchors(self) -> list[Anchor]:
        """The notes anchored on the page being rendered, in reading order."""
        return [anchor for anchor in self.anchors if anchor.page == self.src]

    def anchor_notes(self, files: Files) -> None:
        """Find every note's words in the essay, before any page is rendered.

        Only the pages that can hold essay blocks are read, and only as far as the blocks
        (``BlockReader``): not a second rendering of every page.
        """
        reader = BlockReader(*self.essay_extensions)
        blocks = self.blocks = []
        for file in files.documentation_pages():
            if file.src_uri in self.generated:
                continue
            body, _ = get_data(file.content_string)
            blocks += [(file.src_uri, block, text)
                       for block, text in reader.read(body)]
        duplicates = duplicate_ids(blocks)
        if duplicates:
            raise PluginError("\n".join(duplicates))
        self.essay_words = word_count(text for _, _, text in blocks)
        self.subjects = subjects(self.matcher, blocks)
        common = checks.common_word_problems(self.glossary, blocks)
        if common:
            raise DataFileError(common, "the glossary")
        self.anchors = checks.anchor_notes(self.notes, self.notes_file, blocks, self.matcher)
        # #23: one number per note through the edition; where each note and paragraph is.
        self.numbers = {anchor.note.index: number
                        for number, anchor in enumerate(reading_order(self.anchors), start=1)}
        self.note_pages = {anchor.note.id: anchor.page for anchor in self.anchors}
        self.block_pages = {block: page for page, block, _ in blocks}

    def link_for(self, entry: Entry) -> str:
        key = (self.src, entry.kind, entry.id)
        if key not in self._links:
            self._links[key] = links.link_from(self.src, links.home(entry))
        return self._links[key]


_build: _Build | None = None


def _options(config: MkDocsConfig) -> dict[str, Any]:
    options = config.extra.get("edition", {}) or {}
    if not isinstance(options, dict):
        raise PluginError("mkdocs.yml: 'extra.edition' must be a mapping of options.")
    unknown = set(options) - {"glossary", "notes", "events", "mark",
                              "version", "revised", "editors", "changes"}  # the last four: #23
    if unknown:
        raise PluginError(
            f"mkdocs.yml: unknown option(s) under 'extra.edition': {', '.join(sorted(unknown))}; "
            "the options are 'glossary', 'notes', 'events' and 'mark', and the edition's "
            "'version', 'revised', 'editors' and 'changes'."
        )
    if options.get("mark", "page") not in MARK_SCOPES:
        raise PluginError(
            f"mkdocs.yml: 'extra.edition.mark' is {options['mark']!r}; use one of "
            + ", ".join(f"'{scope}'" for scope in MARK_SCOPES) + "."
        )
    return options


def _data_path(config: MkDocsConfig, option: str) -> Path:
    name = _options(config).get(option, f"{option}.yml")
    return Path(config.config_file_path).parent / name


def _annotate(problems: list[Problem], config: MkDocsConfig, level: str = "error") -> None:
    """Under GitHub Actions, put each problem on its line of the pull request's diff too."""
    if not in_github_actions():
        return
    project = Path(config.config_file_path).parent
    known = {path.name: path for path in (_data_path(config, o) for o in DATA_FILES)}
    for problem in problems:
        path = known.get(problem.file, project / problem.file)
        print(problem.workflow_command(repository_path(path, project), level), flush=True)


def _warn(problem: Problem, config: MkDocsConfig) -> None:
    """Log ``problem`` as a warning (``--strict`` fails on it), annotated on GitHub Actions."""
    log.warning(str(problem))
    _annotate([problem], config, "warning")


def _data_error(error: DataFileError, config: MkDocsConfig) -> PluginError:
    """The build's error for an unusable data file (annotated on GitHub Actions)."""
    _annotate(error.problems, config)
    return PluginError(str(error))


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve``, not once per rebuild.

    MkDocs makes a new Jinja environment for every build, which compiles every template it
    renders again (a sixth of a rebuild of this edition). Jinja's own bytecode cache keeps
    the compiled code in memory between rebuilds; each entry carries the checksum of its
    template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


#: Set by on_startup when the command is ``mkdocs serve`` (None otherwise): the hook module
#: lives as long as the server, and so does this cache.
_templates: _CompiledTemplates | None = None


class _Warnings(logging.Handler):
    """Under ``mkdocs serve``, each warning of the build being made (the hook's and MkDocs'
    own), shown in the pages' banner: ``--strict``, as CI builds, fails on every one."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:  # errors stop the build, or are refused saves
            self.messages.append(record.getMessage())


_warnings = _Warnings()


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve``, keep the compiled templates between rebuilds, and collect
    each build's warnings for the banner."""
    global _templates
    _templates = _CompiledTemplates() if command == "serve" else None
    mkdocs_log = logging.getLogger("mkdocs")
    if command == "serve" and _warnings not in mkdocs_log.handlers:
        mkdocs_log.addHandler(_warnings)


# ---- Issue 28: under `mkdocs serve`, a refused save keeps the last good data, with a banner
#: The data of the last build that succeeded under ``mkdocs serve`` (None under ``build``).
_last_good: checks.Data | None = None
#: The problems of the save the build refused, shown in a banner on every page; [] if none.
_refused: list[Problem] = []


def _serve_fallback(error: DataFileError) -> checks.Data | None:
    """Under ``mkdocs serve``, with a good build before: log ``error``, remember its problems
    for the banner and give the last good data; otherwise None (the build fails as ever)."""
    if _templates is None or _last_good is None:
        return None
    log.error(str(error) + "\nThe pages keep the last good data until the file is fixed.")
    _refused[:] = error.problems
    return _last_good
# ---- end of issue 28's block


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    options = _options(config)
    # The same steps, in the same order, as scripts/check_glossary.py (edition.index.checks).
    _refused.clear()
    _warnings.messages.clear()
    try:
        data = checks.load_data(*(_data_path(config, option) for option in DATA_FILES))
    except DataFileError as error:
        fallback = _serve_fallback(error)
        if fallback is None:
            raise _data_error(error, config) from None
        data = fallback
    else:
        # The last good data was warned of when it was read; its references are not kept.
        for problem in checks.data_warnings(data):
            _warn(problem, config)
    try:
        _build = _Build(data.glossary, data.notes, data.notes_file, data.events)
    except DataFileError as error:
        raise _data_error(error, config) from None
    # The edition's version, date and editors, set once in mkdocs.yml (#23).
    try:
        _build.edition = edition_from(config.site_name, config.site_url or "", options)
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}.") from None
    config.theme.dirs.insert(0, str(TEMPLATES))
    _build.essay_extensions = (
        [e for e in config.markdown_extensions if isinstance(e, str)], dict(config.mdx_configs)
    )
    # Issue 25: no extension may rewrite the author's characters (smarty, smartsymbols).
    rewriting = rewriting_extensions(*_build.essay_extensions)
    if rewriting:
        raise PluginError("\n".join(rewriting))
    config.markdown_extensions.append(ParagraphNumbersExtension(_build.on_paragraph))
    config.markdown_extensions.append(NoteMarkerExtension(
        _build.page_anchors, _build.dated, _build.number_of, _build.note_address))
    config.markdown_extensions.append(InsertExtension(_build.inserts))
    config.markdown_extensions.append(
        ReaderToolsExtension(ESSAY, _build.edition, _build.reader_page))
    config.markdown_extensions.append(
        AnnotationExtension(
            _build.matcher,
            _build.link_for,
            _build.on_occurrence,
            mark=options.get("mark", "page"),
            once=lambda: _build.subjects,
        )
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    _build.files = files  # #24
    for path in _build.generated:
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} exists, but that page is generated from glossary.yml and "
                "notes.yml: remove the file."
            )
    global _last_good
    try:
        _build.anchor_notes(files)
    except DataFileError as error:
        fallback = _serve_fallback(error)
        if fallback is None or fallback.notes is _build.notes:
            raise _data_error(error, config) from None
        _build.notes = fallback.notes  # the last good notes, against this build's essay
        _build.anchor_notes(files)
    if _templates is not None and not _refused:
        _last_good = checks.Data(_build.glossary, _build.notes, _build.notes_file,
                                 _build.events, ())
    # The exports: written straight into the site in on_env, once the index is complete
    # (issue 26: never held in memory). A virtual file whose source is its own destination
    # is MkDocs' way for a plugin to write into site_dir: copying it is skipped, and MkDocs
    # cleans site_dir before on_files, in builds and under serve alike.
    for path in downloads.PATHS:
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} exists, but that file is generated from glossary.yml and "
                "notes.yml: remove it."
            )
        destination = os.path.normpath(os.path.join(config.site_dir, path))
        _build.export_files[path] = File.generated(config, path, abs_src_path=destination)
        files.append(_build.export_files[path])
    # Appended last, so they are rendered after every essay page has reported its
    # occurrences (on_page_markdown supplies their text). Actor pages are reached from the
    # actors index, not from the menu; they hide the table of contents, and their template
    # (edition/actor.html) renders the sidebars once for all of them.
    for path, actor in _build.generated.items():
        file = File.generated(config, path, content=ACTOR_META if actor else "")
        if actor is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    _build.page = page
    _build.page_entries = {}
    src = page.file.src_uri
    if src not in _build.generated:
        _build.occurrences.titles[src] = page.title or src
        return markdown
    glossary, occurrences = _build.glossary, _build.occurrences
    if src == glossary_page.PAGE:
        return glossary_page.render(glossary, occurrences, _build.inserts.placeholder,
                                  events=_build.events)
    if src == notes_page.PAGE:
        return notes_page.render(_build.anchors, occurrences.title, _build.events,
                                 _build.note_address, _build.note_citation)
    if src == colophon.PAGE:
        assert _build.edition is not None
        return colophon.render(ESSAY, _build.edition, {
            "notes": len(_build.notes), "terms": len(glossary.terms),
            "actors": len(glossary.actors), "events": len(_build.events)},
            config.repo_url)
    if src == timeline.PAGE:
        return timeline.render(
            timeline.events(_build.anchors, glossary, occurrences, _build.events))
    if src == places_page.PAGE:  # #24
        return places_page.render(glossary, occurrences, _build.inserts.placeholder)
    if src == actor_pages.INDEX:
        def href(actor: Entry) -> str:
            target = files.get_file_from_path(links.actor_page(actor))
            return target.url_relative_to(page.file)
        return actor_pages.render_index(glossary, occurrences, href)
    actor = _build.generated[src]
    assert actor is not None
    return actor_pages.render_actor(actor, glossary, occurrences, _build.inserts.placeholder,
                                    events=_build.events)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    if page.file.src_uri not in _build.generated:
        _build.rendered[page.file.src_uri] = html  # the exports quote the page's text
    if _build.generated.get(page.file.src_uri) is not None:
        # Off the menu, Material's table of contents would label a toggle that only menu
        # pages have (invalid HTML); actor pages carry an "On this page" line instead.
        page.toc = TableOfContents([])
    return html


def _sidebar(page: Page, base_url: str, render: Callable[[], str]) -> str:
    """The sidebars of ``page``, shared by every page off the menu at the same depth."""
    assert _build is not None
    shared = not page.file.inclusion.is_in_nav() and not len(page.toc)
    key = (base_url, tuple(page.meta.get("hide") or ())) if shared else None
    return _build.sidebars.get(key, render)


def _write_exports(config: MkDocsConfig, files: Files) -> None:
    """Write the exports of this build's records into the site, where their files point."""
    assert _build is not None
    site_url = config.site_url or ""

    @functools.cache  # one lookup per page, not one per mention (this build's only)
    def url(src: str) -> str:
        file = files.get_file_from_path(src)
        return urljoin(site_url, file.url if file is not None else src)

    def entry_url(entry: Entry) -> str:
        path, _, anchor = links.home(entry).partition("#")
        return url(path) + (f"#{anchor}" if anchor else "")

    pages = {page for page, _, _ in _build.blocks}
    record = Record(
        site_name=config.site_name, site_url=site_url, copyright=config.copyright or "",
        glossary=_build.glossary, anchors=tuple(_build.anchors), blocks=tuple(_build.blocks),
        occurrences=_build.occurrences, page_urls={page: url(page) for page in pages},
        page_titles={page: _build.occurrences.title(page) for page in pages},
        entry_url=entry_url, rendered={page: _build.rendered.get(page, "") for page in pages},
        events=_build.events,
        version=_build.edition.version if _build.edition else "",
        revised=_build.edition.iso_date if _build.edition else "",
    )
    try:
        _build.exports = downloads.exports(record, Path(config.site_dir))
    except ValueError as error:
        raise PluginError(f"edition: the exports cannot be made: {error}") from None


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if _templates is not None:
        env.bytecode_cache = _templates
    assert _build is not None
    env.globals["edition_sidebar"] = _sidebar
    env.globals["edition_refused"] = list(_refused)  # issue 28: the banner under serve
    # The same list, not a copy: the warnings of on_env below show in the pages rendered after.
    env.globals["edition_warnings"] = _warnings.messages if _templates is not None else []
    # The reader's tools: citation metadata for the <head> of essay pages (edition/head.html).
    env.globals["edition_citation_meta"] = (
        lambda page: meta_tags(ESSAY, _build.edition, page.canonical_url or "")
        if page is not None and page.file and _build.is_essay_page(page) else []
    )
    if _build.inserts.waiting():
        raise PluginError(
            f"edition: {_build.inserts.waiting()} generated list(s) found no place in their "
            "page; a Markdown extension may have changed the generated pages' paragraphs."
        )
    gaps = _build.paragraphs.gaps()
    if gaps:
        log.warning(
            "the essay's paragraph numbers have gaps: no paragraph has the id "
            + ", ".join(f"'p{n}'" for n in gaps)
        )
    _write_exports(config, files)
    env.globals["edition_exports"] = _build.exports
    for problem in checks.form_problems(_build.glossary, _build.occurrences,
                                        _build.essay_words, _build.blocks):
        _warn(problem, config)
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The home page lists the exports, with their sizes, once they are made (after on_env)."""
    assert _build is not None
    if page.file.src_uri == downloads.HOME and _build.exports:
        def href(export: downloads.Export) -> str:
            return _build.export_files[export.path].url_relative_to(page.file)
        page.content = (page.content or "") + downloads.section_html(_build.exports, href)
        # Under the page's title, beside its other sections (after the notes, as on the page).
        items = page.toc.items
        level = items[0].children if len(items) == 1 and items[0].level == 1 else items
        level.append(AnchorLink(downloads.SECTION_TITLE, downloads.SECTION_ID, 2))
    return context


#: How often ``mkdocs serve`` looks at the data files, in seconds. MkDocs polls what it
#: watches every 0.5 s (0.25 s of waiting on average, after each save); a data file is one
#: file, cheap to look at ten times a second.
DATA_POLL_SECONDS = 0.1


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    # watchdog gives a watch the observer's polling interval when it is scheduled; the data
    # files' watches get a shorter one, MkDocs' own watches keep theirs.
    observer = server.observer
    default = observer.timeout
    observer._timeout = min(default, DATA_POLL_SECONDS)  # watchdog has no public setter
    try:
        for option in DATA_FILES:
            server.watch(str(_data_path(config, option)))
    finally:
        observer._timeout = default
    return server


# ---- #24: search by paragraph ------------------------------------------------------------


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Rewrite Material's search index: each passage once (``edition.pages.search``)."""
    assert _build is not None
    path = Path(config.site_dir) / "search" / "search_index.json"
    files = _build.files
    if not path.exists() or files is None:
        return
    pages: dict[str, str] = {}  # every page but the generated ones: its URL and its HTML
    urls: dict[str, str] = {}
    for src, content in _build.rendered.items():
        file = files.get_file_from_path(src)
        if file is not None:
            urls[src] = file.url.removeprefix("./")  # the home page is "" in Material's index
            pages[urls[src]] = content
    variants: dict[tuple[str, str], list[str]] = {}
    entries: dict[str, Entry] = {}
    for entry in _build.glossary.entries:
        target, _, anchor = links.home(entry).partition("#")
        home = files.get_file_from_path(target)
        if home is not None:
            entries[home.url + (f"#{anchor}" if anchor else "")] = entry
        for place, _ in _build.occurrences.places(entry):
            if entry.variants and place.block and place.page in urls:
                variants.setdefault((urls[place.page], place.block), []).extend(entry.variants)
    notes = files.get_file_from_path(notes_page.PAGE)
    notes_html = None
    if notes is not None and Path(notes.abs_dest_path).exists():
        notes_html = (notes.url, Path(notes.abs_dest_path).read_text(encoding="utf-8"))
    actors = files.get_file_from_path(actor_pages.INDEX)
    places = files.get_file_from_path(places_page.PAGE)
    described = {}
    if places is not None and Path(places.abs_dest_path).exists():
        described[places.url] = Path(places.abs_dest_path).read_text(encoding="utf-8")
    index = search_index.rewrite(json.loads(path.read_text(encoding="utf-8")), pages, variants,
                                 entries, notes_html, [actors.url] if actors else [], described)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
