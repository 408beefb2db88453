"""Every internal link and fragment on every built page resolves, generated ones included.

MkDocs checks the links of Markdown pages; this checks the HTML a reader gets: links the
hook and the theme add after Markdown, and those inside the network drawing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from support.build import build, copy_project

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def broken_links(site: Path) -> list[str]:
    """Every internal link under ``site`` whose file or fragment does not exist."""

    @cache
    def ids(path: Path) -> frozenset[str]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        return frozenset(e["id"] for e in soup.select("[id]")) | frozenset(
            e["name"] for e in soup.select("a[name]"))

    problems = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in LINKS.items():
            for element in soup.find_all(tag):
                url = element.get(attribute) or element.get("xlink:href")
                if url is None:
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue  # another site: sources, Material's credit
                if not parts.path:
                    target = page
                elif parts.path.startswith("/"):  # the 404 page: absolute, from the site root
                    target = site / unquote(parts.path).lstrip("/")
                else:
                    target = page.parent / unquote(parts.path)
                if target.is_dir() or parts.path.endswith("/"):
                    target = target / "index.html"
                where = f"{page.relative_to(site)}: {url}"
                if not target.resolve().is_file():
                    problems.append(f"{where} (no such file)")
                elif parts.fragment and target.suffix == ".html" and unquote(
                        parts.fragment) not in ids(target.resolve()):
                    problems.append(f"{where} (no such anchor)")
    return problems


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) >= 45
    assert broken_links(site) == []


def test_links_the_build_cannot_check_are_checked_here(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "essay" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n<a href="../jcpoa/#p99">raw</a> <a href="../nowhere/">raw</a>\n',
                    encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0  # MkDocs does not look inside raw HTML
    assert broken_links(result.site) == [
        "essay/conclusion/index.html: ../jcpoa/#p99 (no such anchor)",
        "essay/conclusion/index.html: ../nowhere/ (no such file)",
    ]
