"""Each page's rendered HTML, kept on disk from its rendering until its template needs it.

MkDocs renders every page's Markdown before it applies any template, and holds each page's
HTML in memory until the build ends; the hook's pages are large (an actor page lists every
mention in context), and Python holds a text with one character beyond Latin-1 at two or
four bytes a character. The hook therefore moves each page's HTML into one unnamed temporary
file as soon as the page is rendered, gives it back to the page just before its template
(and Material's search plugin) reads it, and lets go of it once the page is written; the
exports and the search index read the essay pages' HTML from the same file. The file has no
name on disk, so nothing is left behind, whatever ends the build.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from typing import IO


class RenderedPages(Mapping[str, str]):
    """Pages' HTML by source path, held in a temporary file rather than in memory."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._places: dict[str, tuple[int, int]] = {}

    def keep(self, src: str, html: str) -> None:
        """Keep ``html`` as the page ``src``'s (the latest kept is the one given back)."""
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open until close())
        data = html.encode("utf-8", "surrogatepass")  # any str comes back as it was given
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._places[src] = (offset, len(data))

    def __getitem__(self, src: str) -> str:
        offset, size = self._places[src]
        assert self._file is not None
        self._file.seek(offset)
        return self._file.read(size).decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, src: object) -> bool:
        return src in self._places

    def close(self) -> None:
        """Let go of the file (the pages are then forgotten)."""
        if self._file is not None:
            self._file.close()
        self._file = None
        self._places = {}


class Renamed(Mapping[str, str]):
    """The pages of ``pages`` under other keys (``keys`` maps each new key to a source)."""

    def __init__(self, pages: Mapping[str, str], keys: Mapping[str, str]) -> None:
        self._pages = pages
        self._keys = keys

    def __getitem__(self, key: str) -> str:
        return self._pages[self._keys[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys
