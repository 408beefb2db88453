"""The reader's script and styles as the site serves them: without comments or indentation.

``docs/assets/edition.js`` and ``edition.css`` are written to be read, with a comment on
every rule that says why; a reader's browser needs none of it. After the build, each local
stylesheet and script the configuration lists is rewritten in the site, minified by
rcssmin and rjsmin (which remove comments and white space and rename nothing), to about
half its compressed bytes. The sources in ``docs/`` keep their comments.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit


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
