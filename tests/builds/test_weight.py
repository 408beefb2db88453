"""What a reader's browser fetches from a real build, compressed as a web server sends it.

Sizes of built files are properties of the site, not timings: the search index that
Material's worker fetches on every page, and all that an essay part loads as it opens.
"""

from __future__ import annotations

import gzip
from pathlib import Path

#: The most the search index may weigh, gzipped at level 6 (a web server's usual level).
INDEX_LIMIT = 25 * 1024


def gzipped(data: bytes) -> int:
    """Bytes of ``data`` gzipped as a web server sends it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def test_the_search_index_is_at_most_25_kib_gzipped(site: Path) -> None:
    index = site / "search" / "search_index.json"
    assert gzipped(index.read_bytes()) <= INDEX_LIMIT, gzipped(index.read_bytes())
