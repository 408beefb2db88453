"""MkDocs hook for the annotated edition: adapts MkDocs events to ``hooks/edition``.

State lives in a fresh :class:`_Build` made in ``on_config`` for every build, because
``mkdocs serve`` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.paragraphs import ParagraphIndex, ParagraphNumbersExtension

log = get_plugin_logger("edition")


class _Build:
    """Everything one build knows; replaced at the start of every build."""

    def __init__(self) -> None:
        self.page: Page | None = None
        self.paragraphs = ParagraphIndex()

    def on_paragraph(self, number: int) -> None:
        if self.page is None:
            raise PluginError("edition: a paragraph was rendered outside any page")
        problem = self.paragraphs.add(number, self.page.file.src_uri)
        if problem:
            log.warning(problem)


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()
    config.markdown_extensions.append(ParagraphNumbersExtension(_build.on_paragraph))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _build.page = page
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    gaps = _build.paragraphs.gaps()
    if gaps:
        log.warning(
            "the essay's paragraph numbers have gaps: no paragraph has the id "
            + ", ".join(f"'p{n}'" for n in gaps)
        )
