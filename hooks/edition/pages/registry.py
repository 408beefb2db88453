"""The generated pages' paths, each claimed once, and a page's element ids.

An actor whose id is ``index`` would otherwise take ``actors/index.md`` from the actors
index. :class:`Registry` refuses a second claimant by construction: :meth:`claim` raises,
naming both, and nothing is registered twice. :class:`Ids` hands out a generated page's
element ids the same way, each once: two names that slugify alike ("Tehran", "Tehrān") get
two ids, never one id for two elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class PathClaimedError(ValueError):
    """A generated path claimed twice; the message names both claimants."""


class Registry(Generic[T]):
    """Generated page paths and what each shows (``None``: a page of the edition's own)."""

    def __init__(self) -> None:
        self._owners: dict[str, T | None] = {}
        self._labels: dict[str, str] = {}

    def claim(self, path: str, owner: T | None, label: str) -> None:
        """Register ``path`` for ``owner``, described by ``label`` in messages."""
        if path in self._owners:
            raise PathClaimedError(
                f"{label} would be published at {path}, which is already {self._labels[path]}; "
                "give it another 'id'."
            )
        self._owners[path] = owner
        self._labels[path] = label

    def __contains__(self, path: object) -> bool:
        return path in self._owners

    def __iter__(self) -> Iterator[str]:
        return iter(self._owners)

    def __getitem__(self, path: str) -> T | None:
        return self._owners[path]

    def get(self, path: str) -> T | None:
        """What ``path`` shows, or None."""
        return self._owners.get(path)

    def items(self) -> Iterator[tuple[str, T | None]]:
        """Every path and what it shows, in the order claimed."""
        return iter(self._owners.items())


class Ids:
    """The element ids of one page: each handed out once, a second claimant of an id
    getting the next free ``id-2``, ``id-3``."""

    def __init__(self, taken: tuple[str, ...] = ()) -> None:
        """``taken``: the ids the page has already (its template's, its headings')."""
        self._taken = set(taken)

    def claim(self, wanted: str) -> str:
        """``wanted``, or the first of ``wanted-2``, ``wanted-3``... no element has yet."""
        found, number = wanted, 2
        while found in self._taken:
            found, number = f"{wanted}-{number}", number + 1
        self._taken.add(found)
        return found
