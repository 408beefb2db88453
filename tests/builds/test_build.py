"""The real build: strict, silent, offline-ready."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from support.build import BuildResult
from support.site import reading_order


def test_strict_build_passes_with_zero_warnings(built: BuildResult) -> None:
    assert built.returncode == 0
    assert built.warnings == []


def test_reading_order_runs_from_home_through_the_eight_parts(site: Path) -> None:
    order = reading_order(site)
    assert order[:9] == [
        "",
        "essay/post-soviet/",
        "essay/1990s/",
        "essay/2000s/",
        "essay/green-movement/",
        "essay/jcpoa/",
        "essay/raisi/",
        "essay/ukraine/",
        "essay/conclusion/",
    ]


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """No web fonts, CDNs or trackers: every script, stylesheet, icon and image is local."""
    loaded = (
        "script[src], img[src], iframe[src], source[src], audio[src], video[src], "
        "link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], link[rel~=manifest]"
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 9
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for element in soup.select(loaded):
            url = element.get("src") or element.get("href")
            assert urlsplit(url).netloc == "", f"{html}: <{element.name}> loads {url}"
