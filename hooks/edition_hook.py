"""MkDocs hook for the annotated edition: forwards MkDocs' events to ``edition.build``.

Every build's state is a fresh :class:`edition.build.build.Build`, made in ``on_config``;
what a ``mkdocs serve`` keeps between rebuilds is the one
:class:`edition.build.serve.ServeCaches` below. This file only translates: MkDocs' objects
into paths and strings, the engine's :class:`BuildError` into MkDocs' ``PluginError``, its
warnings into MkDocs' logger (so ``--strict`` fails on them). The events below are in the
order MkDocs calls them; the options, under ``extra.edition`` in ``mkdocs.yml``, are
:func:`edition.build.build.options`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from edition.build.build import Build, BuildError, PageRef, watched_paths
from edition.build.serve import ServeCaches, watch
from edition.exports import downloads
from edition.reader import assets

if TYPE_CHECKING:  # only `mkdocs serve` loads the server (not imported by a build)
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("edition")

#: Theme templates of the edition's own (``edition/actor.html``, ``main.html``), before the theme's.
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The front matter of every actor page. Material's search plugin does not read the page: the
#: search index finds the actor by its entry (``edition.pages.search``), never by its lists.
ACTOR_META = ("---\nhide:\n  - toc\ntemplate: edition/actor.html\nsearch:\n  exclude: true\n"
              "---\n")

#: What outlives one build: the hook module lives as long as ``mkdocs serve``.
_caches = ServeCaches()
#: This build's state, made in on_config.
_build: Build | None = None


class _Site:
    """MkDocs' ``Files`` as the engine asks of them: each source's address."""

    def __init__(self, files: Files) -> None:
        self.files = files

    def url(self, src: str) -> str | None:
        file = self.files.get_file_from_path(src)
        return None if file is None else file.url

    def relative(self, url: str, other: str) -> str:
        return get_relative_url(url, other)

    def destination(self, src: str) -> str | None:
        file = self.files.get_file_from_path(src)
        return None if file is None else file.abs_dest_path

    def page_urls(self) -> list[str]:
        return [file.url for file in self.files.documentation_pages()]


def _current() -> Build:
    assert _build is not None
    return _build


def _src(page: Page | None) -> str | None:
    return page.file.src_uri if page is not None and page.file else None


def _page(page: Page) -> PageRef:
    return PageRef(page.file.src_uri, page.file.url, page.canonical_url or "",
                   page.is_homepage, page.title or "")


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve``, keep the compiled templates between rebuilds, and collect
    each build's warnings for the banner."""
    _caches.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if _build is not None:  # a rebuild under serve: the last build's file, if it failed
        _build.close()
    try:
        _build = Build(config.config_file_path, config.extra, _caches, log.warning, log.error)
        extensions = _build.configure(config.site_name, config.site_url or "",
                                      config.markdown_extensions, dict(config.mdx_configs),
                                      config.copyright or "", config.repo_url)
    except BuildError as error:
        raise PluginError(str(error)) from None
    config.theme.dirs.insert(0, str(TEMPLATES))
    config.markdown_extensions.extend(extensions)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _current()
    try:
        build.check_sources(_Site(files))
        build.read_essay([(file.src_uri, get_data(file.content_string)[0])
                          for file in files.documentation_pages()
                          if file.src_uri not in build.generated])
    except BuildError as error:
        raise PluginError(str(error)) from None
    # The exports: written straight into the site in on_env, once the index is complete
    # (never held in memory). A virtual file whose source is its own destination is MkDocs'
    # way for a plugin to write into site_dir: copying it is skipped, and MkDocs cleans
    # site_dir before on_files, in builds and under serve alike.
    for path in downloads.PATHS:
        destination = os.path.normpath(os.path.join(config.site_dir, path))
        files.append(File.generated(config, path, abs_src_path=destination))
    # Material's main stylesheet and the edition's share of its palette stylesheet, which
    # main.html links in place of Material's two (None: Material's own).
    styles = assets.theme_styles(config.theme.get("palette"), [f.src_uri for f in files],
                                 lambda src: files.get_file_from_path(src).content_string)
    if styles is not None:
        build.styles = styles[0]
        files.append(File.generated(config, assets.PALETTE, content=styles[1]))
    # Appended last, so they are rendered after every essay page has reported its
    # occurrences (on_page_markdown supplies their text). Actor pages are reached from the
    # actors index, not from the menu; they hide the table of contents, and their template
    # (edition/actor.html) renders the sidebars once for all of them.
    for path, actor in build.generated_pages():
        file = File.generated(config, path, content=ACTOR_META if actor else "")
        if actor:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().markdown(_page(page), markdown)


@event_priority(-100)  # after any other plugin's: the HTML as the page will show it
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the page's HTML out of memory until its template (``on_page_context``)."""
    build = _current()
    build.content(page.file.src_uri, html)
    if build.generated.get(page.file.src_uri) is not None:
        # Off the menu, Material's table of contents would label a toggle that only menu
        # pages have (invalid HTML); actor pages carry an "On this page" line instead.
        page.toc = TableOfContents([])
    return ""  # not None: MkDocs would then take the page's title from its Markdown again


def _sidebar(page: Page, base_url: str, render: Callable[[], str]) -> str:
    """The sidebars of ``page``, shared by every page off the menu at the same depth."""
    shared = not page.file.inclusion.is_in_nav() and not len(page.toc)
    key = (base_url, tuple(page.meta.get("hide") or ())) if shared else None
    return _current().sidebars.get(key, render)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if _caches.templates is not None:
        env.bytecode_cache = _caches.templates
    build = _current()
    env.globals["edition_sidebar"] = _sidebar
    env.globals["edition_refused"] = list(_caches.refused)  # the banner under serve
    # The same list, not a copy: the warnings of on_env below show in the pages rendered after.
    env.globals["edition_warnings"] = _caches.warnings.messages if _caches.serving else []
    env.globals["edition_running_head"] = build.running_head()
    env.globals["edition_styles"] = build.styles
    present = {file.src_uri for file in files}
    instant = "navigation.instant" in (config.theme.get("features") or [])
    env.globals["edition_page_assets"] = lambda page, suffix: [
        path for path in assets.page_assets(_src(page), present, instant) if path.endswith(suffix)]
    # The reader's tools: citation metadata for the <head> of essay pages (edition/head.html).
    env.globals["edition_citation_meta"] = lambda page: build.citation_meta(
        _src(page), (page.canonical_url or "") if page is not None else "")
    try:
        build.finish(config.site_name, config.site_url or "", config.copyright or "",
                     config.site_dir)
    except BuildError as error:
        raise PluginError(str(error)) from None
    env.globals["edition_exports"] = build.exports
    return env


@event_priority(100)  # before any other plugin's (Material's search reads the HTML)
def _page_html(context: dict[str, Any], page: Page, config: MkDocsConfig,
               nav: Any) -> dict[str, Any]:
    """The page's HTML back, for its template (kept out of memory since on_page_content)."""
    html = _current().page_html(page.file.src_uri)
    if html is not None:
        page.content = html
    return context


def _downloads(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The home page lists the exports, with their sizes, once they are made (after on_env)."""
    section = _current().downloads(page.file.src_uri, page.file.url)
    if section is not None:
        page.content = (page.content or "") + section
        # Under the page's title, beside its other sections (after the notes, as on the page).
        items = page.toc.items
        level = items[0].children if len(items) == 1 and items[0].level == 1 else items
        level.append(AnchorLink(downloads.SECTION_TITLE, downloads.SECTION_ID, 2))
    return context


on_page_context = CombinedEvent(_page_html, _downloads)


@event_priority(-100)  # after any other plugin's
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Let go of the page's HTML once the page is written (MkDocs keeps it to the end)."""
    if _current().kept(page.file.src_uri):
        page.content = ""
    return output


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    try:
        watch(server, watched_paths(config.config_file_path, config.extra))
    except BuildError as error:
        raise PluginError(str(error)) from None
    return server


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Rewrite Material's search index: each passage once (``edition.pages.search``); serve
    the reader's script and styles minified (``edition.reader.assets``)."""
    build = _current()
    build.search_index(config.site_dir)
    build.close()
    assets.minify(Path(config.site_dir),
                  [str(path) for path in [*config.extra_css, *config.extra_javascript]]
                  + assets.every_page_asset())
