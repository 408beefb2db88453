"""Markdown extensions that rewrite the author's characters.

The edition publishes the essay as written: a typographer (``smarty``'s curly quotes and
dashes, ``pymdownx.smartsymbols``' © and →) would change the author's characters in the
rendered pages after the notes were anchored against the text as written, and the exports
would fail far from the cause. Each configured extension renders a probe of the characters
typographers rewrite; one whose text differs from the probe's is named, with what it changed.
"""

from __future__ import annotations

from typing import Any

import lxml.html
import markdown

#: What typographers rewrite: quotes, apostrophes, dashes, an ellipsis, symbols, fractions,
#: arrows, ordinals, guillemets. Plain Markdown leaves every character of it as it is.
PROBE = ("\"Quoted\" and 'single', Iran's -- and --- ... (c) (tm) (r) 1/2 3/4 +/- --> <-- "
         "<--> =/= 1st 2nd << >> c/o")


def _text(extensions: list[Any], configs: dict[str, Any]) -> str:
    html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(PROBE)
    return str(lxml.html.fragment_fromstring(html, create_parent="div").text_content())


def _changes(before: str, after: str) -> str:
    """The first few words that differ, as 'x' becomes 'y'."""
    pairs = [(a, b) for a, b in zip(before.split(), after.split(), strict=False) if a != b]
    return ", ".join(f"'{a}' becomes '{b}'" for a, b in pairs[:3])


def rewriting_extensions(extensions: list[str], configs: dict[str, Any]) -> list[str]:
    """A message for each of ``extensions`` (names, as in ``mkdocs.yml``) that changes the
    characters of the text it renders, with its ``configs``; empty if none does."""
    problems = []
    for name in extensions:
        config = {name: configs[name]} if name in configs else {}
        try:
            text = _text([name], config)
        except Exception:  # an extension that cannot run alone is judged with the others
            continue
        if text != PROBE:
            problems.append(
                f"mkdocs.yml: the Markdown extension '{name}' rewrites the author's characters "
                f"({_changes(PROBE, text)}); the edition publishes the essay as written. Remove "
                f"'{name}' from markdown_extensions, or turn off what it substitutes.")
    if not problems and extensions:
        try:
            text = _text(list(extensions), {n: c for n, c in configs.items() if n in extensions})
        except Exception:  # MkDocs reports an extension that cannot run, in its own words
            return problems
        if text != PROBE:
            problems.append(
                "mkdocs.yml: the Markdown extensions together rewrite the author's characters "
                f"({_changes(PROBE, text)}); the edition publishes the essay as written. Find "
                "the one that substitutes characters in markdown_extensions and remove it.")
    return problems
