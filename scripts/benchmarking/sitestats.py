"""Measure what a built site holds: its size, its pages, its annotations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


