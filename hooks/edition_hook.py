"""MkDocs hook for the annotated edition: adapts MkDocs events to ``hooks/edition``.

State lives in a fresh :class:`_Build` made in ``on_config`` for every build, because
``mkdocs serve`` keeps this module loaded between rebuilds. The events below are in the
order MkDocs calls them: ``on_config``, ``on_files``, then ``on_page_markdown`` and
``on_page_content`` for each page, ``on_env`` once every page is rendered, and, under
``mkdocs serve`` only, ``on_serve``. Options, under
``extra.edition`` in ``mkdocs.yml``:

- ``glossary``: the glossary file, relative to ``mkdocs.yml`` (default ``glossary.yml``).
- ``notes``: the editor's notes, relative to ``mkdocs.yml`` (default ``notes.yml``).
- ``mark``: which occurrences become links: ``every`` one, the first of each entry in each
  ``paragraph`` (default), or the first on each ``page``. All are listed as occurrences.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.meta import get_data

from edition.data.datafile import DataFileError
from edition.data.glossary import Entry, Glossary, load
from edition.data.notes import Note
from edition.data.notes import load as load_notes
from edition.index.occurrences import OccurrenceIndex
from edition.pages import actors as actor_pages
from edition.pages import glossary as glossary_page
from edition.pages import links, timeline
from edition.pages import notes as notes_page
from edition.pages.inserts import InsertExtension, Inserts
from edition.pages.sidebars import SidebarCache
from edition.reader.metadata import meta_tags
from edition.reader.tools import PageInfo, ReaderToolsExtension
from edition.reader.work import ESSAY
from edition.text.anchoring import Anchor, cut_forms
from edition.text.anchoring import anchor as anchor_notes
from edition.text.annotate import MARK_SCOPES, AnnotationExtension, Occurrence, Target, targets
from edition.text.blocks import BlockReader, duplicate_ids
from edition.text.matcher import Matcher
from edition.text.note_marks import NoteMarkerExtension
from edition.text.paragraphs import ParagraphIndex, ParagraphNumbersExtension

log = get_plugin_logger("edition")

#: Theme templates of the edition's own (``edition/actor.html``, ``main.html``), before the theme's.
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The front matter of every actor page.
ACTOR_META = "---\nhide:\n  - toc\ntemplate: edition/actor.html\n---\n"


class _Build:
    """Everything one build knows; replaced at the start of every build."""

    def __init__(self, glossary: Glossary, notes: tuple[Note, ...], notes_file: str) -> None:
        self.glossary = glossary
        self.notes = notes
        self.notes_file = notes_file
        self.anchors: list[Anchor] = []
        self.essay_extensions: tuple[list[str], dict[str, Any]] = ([], {})
        self.matcher: Matcher[Target] = Matcher(targets(glossary))
        self.generated: dict[str, Entry | None] = {
            glossary_page.PAGE: None, notes_page.PAGE: None, timeline.PAGE: None,
            actor_pages.INDEX: None,
        }
        self.generated.update({links.actor_page(a): a for a in glossary.actors})
        self.page: Page | None = None
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
        """The home page and the essay's parts: every page of ``docs/``, none generated."""
        return page.file.src_uri not in self.generated

    def reader_page(self) -> PageInfo | None:
        """The essay page being rendered, for the reader's tools (None for other pages)."""
        if self.page is None or not self.is_essay_page(self.page):
            return None
        return PageInfo(self.page.canonical_url or "", self.page.is_homepage,
                        tuple(self.page_entries.values()))

    def page_anchors(self) -> list[Anchor]:
        """The notes anchored on the page being rendered, in reading order."""
        return [anchor for anchor in self.anchors if anchor.page == self.src]

    def anchor_notes(self, files: Files) -> None:
        """Find every note's words in the essay, before any page is rendered."""
        reader = BlockReader(*self.essay_extensions)
        blocks = []
        for file in files.documentation_pages():
            if file.src_uri in self.generated:
                continue
            body, _ = get_data(file.content_string)
            blocks += [(file.src_uri, block, text)
                       for block, text in reader.read(body)]
        duplicates = duplicate_ids(blocks)
        if duplicates:
            raise PluginError("\n".join(duplicates))
        self.anchors = anchor_notes(self.notes, blocks, self.notes_file)
        problems = cut_forms(self.anchors, blocks, self.matcher, self.notes_file)
        if problems:
            raise DataFileError(problems, "the notes")

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
    unknown = set(options) - {"glossary", "notes", "mark"}
    if unknown:
        raise PluginError(
            f"mkdocs.yml: unknown option(s) under 'extra.edition': {', '.join(sorted(unknown))}; "
            "the options are 'glossary', 'notes' and 'mark'."
        )
    if options.get("mark", "paragraph") not in MARK_SCOPES:
        raise PluginError(
            f"mkdocs.yml: 'extra.edition.mark' is {options['mark']!r}; use one of "
            + ", ".join(f"'{scope}'" for scope in MARK_SCOPES) + "."
        )
    return options


def _data_path(config: MkDocsConfig, option: str) -> Path:
    name = _options(config).get(option, f"{option}.yml")
    return Path(config.config_file_path).parent / name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    options = _options(config)
    glossary_file, notes_file = _data_path(config, "glossary"), _data_path(config, "notes")
    try:
        glossary = load(glossary_file, display_name=glossary_file.name)
        notes = load_notes(notes_file, display_name=notes_file.name)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    _build = _Build(glossary, notes, notes_file.name)
    config.theme.dirs.insert(0, str(TEMPLATES))
    _build.essay_extensions = (
        [e for e in config.markdown_extensions if isinstance(e, str)], dict(config.mdx_configs)
    )
    config.markdown_extensions.append(ParagraphNumbersExtension(_build.on_paragraph))
    config.markdown_extensions.append(NoteMarkerExtension(_build.page_anchors))
    config.markdown_extensions.append(InsertExtension(_build.inserts))
    config.markdown_extensions.append(ReaderToolsExtension(ESSAY, _build.reader_page))
    config.markdown_extensions.append(
        AnnotationExtension(
            _build.matcher,
            _build.link_for,
            _build.on_occurrence,
            mark=options.get("mark", "paragraph"),
        )
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    for path in _build.generated:
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} exists, but that page is generated from glossary.yml and "
                "notes.yml: remove the file."
            )
    try:
        _build.anchor_notes(files)
    except DataFileError as error:
        raise PluginError(str(error)) from None
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
        return glossary_page.render(glossary, occurrences, _build.inserts.placeholder)
    if src == notes_page.PAGE:
        return notes_page.render(_build.anchors, occurrences.title)
    if src == timeline.PAGE:
        return timeline.render(timeline.events(_build.anchors, glossary, occurrences))
    if src == actor_pages.INDEX:
        def href(actor: Entry) -> str:
            target = files.get_file_from_path(links.actor_page(actor))
            return target.url_relative_to(page.file)
        return actor_pages.render_index(glossary, occurrences, href)
    actor = _build.generated[src]
    assert actor is not None
    return actor_pages.render_actor(actor, glossary, occurrences, _build.inserts.placeholder)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
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


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    assert _build is not None
    env.globals["edition_sidebar"] = _sidebar
    # The reader's tools: citation metadata for the <head> of essay pages (edition/head.html).
    env.globals["edition_citation_meta"] = (
        lambda page: meta_tags(ESSAY, page.canonical_url or "")
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
    name = _build.glossary.file
    for entry, form in _build.occurrences.unused_forms(_build.glossary.entries):
        which = "term" if form == entry.name else "alias"
        log.warning(
            f"{name}:{entry.line}: {entry.kind} '{entry.name}': the {which} '{form}' never "
            "occurs in the essay. Write it exactly as the essay does, or remove it."
        )
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    for option in ("glossary", "notes"):
        server.watch(str(_data_path(config, option)))
    return server
