"""The reader's script and styles as the site serves them: without comments or indentation.

``docs/assets/edition.js`` and ``edition.css`` are written to be read, with a comment on
every rule that says why; a reader's browser needs none of it. After the build, each local
stylesheet and script the configuration lists is rewritten in the site, minified by
rcssmin and rjsmin (which remove comments and white space and rename nothing), to about
half its compressed bytes. The sources in ``docs/`` keep their comments.

What only some generated pages use (the charts' styles, the notes page's script) is in files
of its own that those pages alone link (``PAGE_ASSETS``), so that an essay part loads none
of it.

Material's palette stylesheet holds every one of its named colours, for the primary and the
accent alike; a page uses only the palettes ``theme.palette`` configures. ``palette_subset``
keeps of it every rule that can match such a page, and the template links that in its place
(Material's own file stays in the site, untouched): the same look for a third of the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from edition.data import store
from edition.pages import actors, notes, places, timeline

#: The charts' styles: the actors' network, the timeline and the places map.
CHARTS = "assets/edition-charts.css"
#: The notes page's script: one kind of note at a time.
NOTES_SCRIPT = "assets/edition-notes.js"
#: The styles and scripts that only some generated pages use, by the page's source path.
PAGE_ASSETS: dict[str, tuple[str, ...]] = {
    actors.INDEX: (CHARTS,), timeline.PAGE: (CHARTS,), places.PAGE: (CHARTS,),
    notes.PAGE: (NOTES_SCRIPT,),
}


def every_page_asset() -> list[str]:
    """Every file of ``PAGE_ASSETS``, once each."""
    return list(dict.fromkeys(path for paths in PAGE_ASSETS.values() for path in paths))


def page_assets(src: str | None, present: Iterable[str], everywhere: bool) -> list[str]:
    """The files of ``PAGE_ASSETS`` that the page ``src`` links, of those ``present`` in
    the site; every one of them on every page when ``everywhere`` (Material's instant
    navigation swaps a page's content in without loading what the new page links)."""
    have = set(present)
    chosen = every_page_asset() if everywhere else PAGE_ASSETS.get(src or "", ())
    return [path for path in chosen if path in have]


def minified(text: str, suffix: str) -> str:
    """``text``, a stylesheet (``.css``) or a script (``.js``), minified; any other, as is."""
    if suffix == ".css":
        import rcssmin  # only after a build: the minifiers are no part of a page's cost

        return rcssmin.cssmin(text)
    if suffix == ".js":
        import rjsmin

        return rjsmin.jsmin(text)
    return text


def minify(site_dir: Path, paths: Iterable[str]) -> list[Path]:
    """Minify, in the built site ``site_dir``, each of ``paths`` (the configuration's
    ``extra_css`` and ``extra_javascript``) that is a file of the site; the files rewritten."""
    done: list[Path] = []
    root = site_dir.resolve()
    for path in paths:
        address = urlsplit(path)
        if address.scheme or address.netloc or not address.path:
            continue  # another site's file
        target = (root / address.path.lstrip("/")).resolve()
        if target.suffix not in (".css", ".js") or not target.is_file() \
                or not target.is_relative_to(root):
            continue
        text = target.read_text(encoding="utf-8")
        smaller = minified(text, target.suffix)
        if smaller != text:
            target.write_text(smaller, encoding="utf-8")
            done.append(target)
    return done


#: Where the edition's share of Material's palette stylesheet is written in the site.
PALETTE = "assets/stylesheets/edition-palette.css"
#: A selector's condition on the colour a page's ``<body>`` names, as Material writes it.
_COLOUR = re.compile(r"""\[data-md-color-(primary|accent)=["']?([\w-]+)["']?\]""")


def theme_styles(palettes: Any, sources: Iterable[str],
                 read: Callable[[str], str]) -> tuple[list[str], str] | None:
    """The stylesheets a page links in place of Material's main and palette ones: its main
    stylesheet and :data:`PALETTE`, with the CSS to write there (:func:`palette_subset` of
    the palette stylesheet, which ``read`` gives by its source path); None if the theme
    configures no palette or either file is not found once among ``sources`` (another
    version of Material), and then the theme links its own."""
    if not palettes:
        return None
    chosen = [palettes] if isinstance(palettes, dict) else list(palettes)

    def theme_file(name: str) -> str | None:
        found = [src for src in sources if src.startswith(f"assets/stylesheets/{name}.")
                 and src.endswith(".min.css") and src.count("/") == 2]
        return found[0] if len(found) == 1 else None

    main, palette = theme_file("main"), theme_file("palette")
    if main is None or palette is None:
        return None
    # Material's defaults where a palette names no colour (its base.html).
    css = palette_subset(read(palette), {p.get("primary") or "indigo" for p in chosen},
                         {p.get("accent") or "indigo" for p in chosen})
    return [main, PALETTE], css


def palette_subset(css: str, primaries: Iterable[str], accents: Iterable[str]) -> str:
    """The rules of Material's palette stylesheet ``css`` that a page of this site can use
    (:func:`_palette_subset`), kept on disk for the next build by the stylesheet and the
    colours (``edition.data.store``)."""
    return _palette_subset(css, tuple(sorted(set(primaries))), tuple(sorted(set(accents))))


@store.kept("palette")
def _palette_subset(css: str, primaries: tuple[str, ...], accents: tuple[str, ...]) -> str:
    """The rules of Material's palette stylesheet ``css`` that a page of this site can use.

    A selector that asks for a primary or accent colour none of the configured palettes
    names (``[data-md-color-primary=pink]`` where every palette is ``custom``) can never
    match, since Material sets those attributes from the configuration only; it is dropped,
    and a rule or ``@media`` block left empty with it. Everything else is kept as written.
    """
    import tinycss2  # only after the pages are built, like the minifiers

    wanted = {"primary": set(primaries), "accent": set(accents)}

    def used(selector: str) -> bool:
        return all(m.group(2) in wanted[m.group(1)] for m in _COLOUR.finditer(selector))

    def selectors(prelude: list[object]) -> list[str]:
        found: list[list[object]] = [[]]
        for token in prelude:
            if getattr(token, "type", "") == "literal" and getattr(token, "value", "") == ",":
                found.append([])
            else:
                found[-1].append(token)
        return [tinycss2.serialize(tokens).strip() for tokens in found]

    def walk(rules: list[object]) -> str:
        kept = []
        for rule in rules:
            kind = getattr(rule, "type", "")
            if kind == "qualified-rule":
                chosen = [s for s in selectors(rule.prelude) if used(s)]
                if chosen:
                    kept.append(f"{','.join(chosen)}{{{tinycss2.serialize(rule.content)}}}")
            elif kind == "at-rule" and rule.content is not None and rule.at_keyword in (
                    "media", "supports"):
                inner = walk(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                      skip_whitespace=True))
                if inner:
                    kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
                                f"{{{inner}}}")
            elif kind == "at-rule":
                kept.append(tinycss2.serialize([rule]))
        return "".join(kept)

    return walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
