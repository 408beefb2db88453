"""Measure what a built site holds: its size, its pages, its annotations."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

_ANNOTATION_XPATH = (
    "count(//a[contains(concat(' ', normalize-space(@class), ' '), ' ed-annotation ')])"
)


@dataclass
class SiteStats:
    """Sizes and annotation counts of one built site."""

    total_bytes: int
    html_bytes: int
    annotations: int
    abbrs: int
    pages: dict[str, tuple[int, int]]  # html path -> (file bytes, <article> bytes)

    def largest(self, among: Iterable[str] | None = None) -> dict[str, Any]:
        """The largest page, of all or of the built paths ``among``."""
        wanted = set(among) if among is not None else None
        items = [
            (path, sizes) for path, sizes in self.pages.items()
            if wanted is None or path in wanted
        ]
        if not items:
            return {"path": None, "bytes": 0, "article_bytes": 0}
        path, (size, article) = max(items, key=lambda item: item[1][0])
        return {"path": path, "bytes": size, "article_bytes": article}


def _article_bytes(raw: bytes) -> int:
    start, end = raw.find(b"<article"), raw.find(b"</article>")
    return end + len(b"</article>") - start if 0 <= start < end else 0


def article_bytes(page: Path) -> int:
    """The bytes of the built ``page``'s <article> (its content), 0 if it has none."""
    return _article_bytes(page.read_bytes()) if page.is_file() else 0


def analyse_site(site: Path) -> SiteStats:
    """Walk ``site``: bytes, page sizes and the annotations in the HTML."""
    from lxml import html as lxml_html

    total = html_bytes = annotations = abbrs = 0
    pages: dict[str, tuple[int, int]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix != ".html":
            continue
        html_bytes += size
        raw = path.read_bytes()
        article = _article_bytes(raw)
        pages[path.relative_to(site).as_posix()] = (size, article)
        if b"ed-annotation" in raw or b"<abbr" in raw:
            tree = lxml_html.document_fromstring(raw)
            annotations += int(tree.xpath(_ANNOTATION_XPATH))
            abbrs += int(tree.xpath("count(//abbr)"))
    return SiteStats(total, html_bytes, annotations, abbrs, pages)




def _gzip_size(data: bytes) -> int:
    """Bytes of ``data`` gzipped as a web server sends it (level 6, the usual default)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_load(site: Path, page: str,
              sizes: dict[Path, tuple[int, int]] | None = None) -> dict[str, int]:
    """What a browser loads for the built ``page`` from the site itself (the page, its
    stylesheets, scripts, images and icons; Material's search worker and the search index
    it fetches as the page loads; not other sites' files), raw and gzipped."""
    from lxml import html as lxml_html

    path = site / page
    raw = path.read_bytes()
    tree = lxml_html.document_fromstring(raw)
    wanted: set[Path] = set()
    for element, attribute in (("//link[@href]", "href"), ("//script[@src]", "src"),
                               ("//img[@src]", "src")):
        for node in tree.xpath(element):
            if element.startswith("//link") and not {"stylesheet", "icon"} & set(
                    (node.get("rel") or "").split()):
                continue
            address = urlsplit(node.get(attribute))
            if address.scheme or address.netloc or not address.path:
                continue
            target = (path.parent / unquote(address.path)).resolve()
            if target.is_file() and target.is_relative_to(site.resolve()):
                wanted.add(target)
    for node in tree.xpath('//script[@id="__config"]'):
        worker = json.loads(node.text or "{}").get("search")
        if worker and (path.parent / worker).resolve().is_file():
            wanted.add((path.parent / worker).resolve())
            index = site / "search" / "search_index.json"
            if index.is_file():
                wanted.add(index.resolve())
    known = {} if sizes is None else sizes  # each shared file gzipped once per site
    for target in wanted:
        if target not in known:
            data = target.read_bytes()
            known[target] = (len(data), _gzip_size(data))
    return {"files": 1 + len(wanted), "raw": len(raw) + sum(known[t][0] for t in wanted),
            "gzip": _gzip_size(raw) + sum(known[t][1] for t in wanted)}


def weight(site: Path) -> dict[str, Any]:
    """The search index's size, and what the home page and the heaviest essay part load."""
    index = site / "search" / "search_index.json"
    data = index.read_bytes() if index.is_file() else b""
    sizes: dict[Path, tuple[int, int]] = {}
    parts = {page.relative_to(site).as_posix():
             page_load(site, page.relative_to(site).as_posix(), sizes)
             for page in sorted((site / "essay").glob("*/index.html"))}
    heaviest = max(parts, key=lambda p: parts[p]["gzip"]) if parts else None
    return {
        "search_index": {"raw": len(data), "gzip": _gzip_size(data) if data else 0},
        "home": page_load(site, "index.html", sizes) if (site / "index.html").is_file() else None,
        "essay_parts": parts,
        "heaviest_essay_part": heaviest,
    }
