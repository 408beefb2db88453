"""Sidebars shared by the actor pages: rendered once, and the same as Material's own."""

from __future__ import annotations

from pathlib import Path

from edition.pages.sidebars import SidebarCache
from support.build import build, copy_project, replace_once
from support.site import page


def test_a_key_is_rendered_once_and_no_key_every_time() -> None:
    cache, calls = SidebarCache(), []

    def render(text: str) -> str:
        calls.append(text)
        return text

    assert cache.get(("../..", ("toc",)), lambda: render("a")) == "a"
    assert cache.get(("../..", ("toc",)), lambda: render("b")) == "a"
    assert cache.get(("..", ("toc",)), lambda: render("c")) == "c"
    assert cache.get(None, lambda: render("d")) == "d"
    assert cache.get(None, lambda: render("e")) == "e"
    assert calls == ["a", "c", "d", "e"] and cache.renders == 2


def _sidebars(site: Path, url: str) -> str:
    return "".join(str(s) for s in page(site, url).select(".md-sidebar"))


def test_actor_pages_share_exactly_the_sidebars_material_renders(
    site: Path, tmp_path: Path
) -> None:
    """The shared sidebars equal those of a build whose actor pages use Material's main.html."""
    actors = sorted(p.parent.name for p in (site / "actors").glob("*/index.html"))
    shared = {_sidebars(site, f"actors/{name}/") for name in actors}
    assert len(shared) == 1
    (sidebars,) = shared
    assert "md-nav__link--active" not in sidebars  # off the menu: nothing is current
    assert 'href="../../essay/jcpoa/"' in sidebars  # relative links, at the actor pages' depth

    # The same build with Material's main.html for actor pages, every sidebar rendered anew.
    project = copy_project(tmp_path / "project")
    replace_once(project / "hooks" / "edition_hook.py", "\\ntemplate: edition/actor.html", "")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for name in (actors[0], actors[-1]):
        assert _sidebars(result.site, f"actors/{name}/") == sidebars, name
