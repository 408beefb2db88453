"""MkDocs hook for the annotated edition: adapts MkDocs events to ``hooks/edition``.

State lives in a fresh :class:`_Build` made in ``on_config`` for every build, because
``mkdocs serve`` keeps this module loaded between rebuilds. Options, under
``extra.edition`` in ``mkdocs.yml``:

- ``glossary``: the glossary file, relative to ``mkdocs.yml`` (default ``glossary.yml``).
- ``mark``: ``every`` occurrence of a term (default) or only the ``first`` on each page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition import glossary_page
from edition.annotate import AnnotationExtension, Occurrence
from edition.glossary import Entry, Glossary, GlossaryError, load
from edition.matcher import Matcher
from edition.occurrences import OccurrenceIndex
from edition.paragraphs import ParagraphIndex, ParagraphNumbersExtension

log = get_plugin_logger("edition")

GLOSSARY_PAGE = "glossary.md"
_MARK_OPTIONS = ("every", "first")


class _Build:
    """Everything one build knows; replaced at the start of every build."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.matcher: Matcher[Entry] = Matcher(
            (form, entry.case, entry) for entry in glossary.entries for form in entry.forms
        )
        self.page: Page | None = None
        self.paragraphs = ParagraphIndex()
        self.occurrences = OccurrenceIndex()

    @property
    def src(self) -> str:
        if self.page is None:
            raise PluginError("edition: Markdown was rendered outside any page")
        return self.page.file.src_uri

    def on_paragraph(self, number: int) -> None:
        problem = self.paragraphs.add(number, self.src)
        if problem:
            log.warning(problem)

    def on_occurrence(self, occurrence: Occurrence) -> None:
        self.occurrences.add(self.src, occurrence)

    def link_for(self, entry: Entry) -> str:
        return glossary_page.link_from(self.src, f"{GLOSSARY_PAGE}#{entry.id}")


_build: _Build | None = None


def _options(config: MkDocsConfig) -> dict[str, Any]:
    options = config.extra.get("edition", {}) or {}
    if not isinstance(options, dict):
        raise PluginError("mkdocs.yml: 'extra.edition' must be a mapping of options.")
    unknown = set(options) - {"glossary", "mark"}
    if unknown:
        raise PluginError(
            f"mkdocs.yml: unknown option(s) under 'extra.edition': {', '.join(sorted(unknown))}; "
            "the options are 'glossary' and 'mark'."
        )
    if options.get("mark", "every") not in _MARK_OPTIONS:
        raise PluginError(
            f"mkdocs.yml: 'extra.edition.mark' is {options['mark']!r}; use 'every' or 'first'."
        )
    return options


def _glossary_path(config: MkDocsConfig) -> Path:
    name = _options(config).get("glossary", "glossary.yml")
    return Path(config.config_file_path).parent / name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    options = _options(config)
    path = _glossary_path(config)
    try:
        glossary = load(path, display_name=path.name)
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    _build = _Build(glossary)
    config.markdown_extensions.append(ParagraphNumbersExtension(_build.on_paragraph))
    config.markdown_extensions.append(
        AnnotationExtension(
            _build.matcher,
            _build.link_for,
            _build.on_occurrence,
            first_only=options.get("mark") == "first",
        )
    )
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    server.watch(str(_glossary_path(config)))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(GLOSSARY_PAGE) is not None:
        raise PluginError(
            f"docs/{GLOSSARY_PAGE} exists, but the glossary page is generated from "
            "glossary.yml: remove the file."
        )
    # Appended last, so it is rendered after every essay page has reported its occurrences.
    files.append(File.generated(config, GLOSSARY_PAGE, content="# Glossary\n"))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    _build.page = page
    if page.file.src_uri == GLOSSARY_PAGE:
        return glossary_page.render(_build.glossary, _build.occurrences, GLOSSARY_PAGE)
    return markdown


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    assert _build is not None
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
