"""Sidebars rendered once for all the pages that share them, and reused for the rest.

Material renders the whole menu on every page, at a cost in proportion to the pages in the
menu; with a page per actor, that is most of what an actor page costs to build. The menu
on a page differs from the menu on another only in which entry is current and in how deep
the page lies (links are relative). Actor pages are off the menu, so no entry is current,
and they all lie at the same depth: the theme template ``edition/actor.html`` asks this
cache with a key that says so, and pages that would differ get keys of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class SidebarCache:
    """Rendered sidebars by key, for one build."""

    def __init__(self) -> None:
        self._rendered: dict[Hashable, str] = {}
        self.renders = 0

    def get(self, key: Hashable | None, render: Callable[[], str]) -> str:
        """The sidebar for ``key``, rendered by ``render`` the first time (every time if None)."""
        if key is None:
            return render()
        if key not in self._rendered:
            self._rendered[key] = render()
            self.renders += 1
        return self._rendered[key]
