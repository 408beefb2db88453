"""What a reader's browser fetches from a real build, compressed as a web server sends it.

Sizes of built files are properties of the site, not timings: the search index that
Material's worker fetches on every page, and the reader's styles and script, served minified
with every rule and every string of their sources.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import tinycss2
from bs4 import BeautifulSoup

from support.build import ROOT

#: The most the search index may weigh, gzipped at level 6 (a web server's usual level).
INDEX_LIMIT = 25 * 1024
#: The most an essay part may weigh with all it loads, each file gzipped at level 6.
PART_LIMIT = 125 * 1024
#: The essay's parts, as docs/essay/ holds them.
PARTS = sorted(path.stem for path in (ROOT / "docs" / "essay").glob("*.md")
               if path.stem != "index")
#: The edition's stylesheets and scripts: the reader's, and those only some pages link.
STYLESHEETS = ("edition.css", "edition-charts.css")
SCRIPTS = ("edition.js", "edition-notes.js")


def gzipped(data: bytes) -> int:
    """Bytes of ``data`` gzipped as a web server sends it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def test_the_search_index_is_at_most_25_kib_gzipped(site: Path) -> None:
    index = site / "search" / "search_index.json"
    assert gzipped(index.read_bytes()) <= INDEX_LIMIT, gzipped(index.read_bytes())


def _rules(text: str) -> list[tuple[str, ...]]:
    """A stylesheet's rules, selectors and declarations, as parsed, without the white space
    a minifier may drop (around commas, combinators, brackets and colons)."""
    def bare(text: str) -> str:
        return re.sub(r"\s*([,>+~()/:])\s*", r"\1", " ".join(text.split()))

    found: list[tuple[str, ...]] = []

    def walk(rules: list[Any]) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                declarations = tinycss2.parse_declaration_list(
                    rule.content, skip_comments=True, skip_whitespace=True)
                found.append((bare(tinycss2.serialize(rule.prelude)), *(
                    f"{d.name}:{bare(tinycss2.serialize(d.value))}{'!' if d.important else ''}"
                    for d in declarations if d.type == "declaration")))
            elif rule.type == "at-rule":
                found.append((f"@{rule.at_keyword}", bare(tinycss2.serialize(rule.prelude))))
                if rule.content is not None and rule.at_keyword in ("media", "supports"):
                    walk(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                  skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return found


@pytest.mark.parametrize("name", STYLESHEETS)
def test_the_served_styles_hold_every_rule_of_the_source(site: Path, name: str) -> None:
    source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    served = (site / "assets" / name).read_text(encoding="utf-8")
    assert gzipped(served.encode()) < 0.7 * gzipped(source.encode())  # minified
    assert _rules(served) == _rules(source)


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_served_script_is_minified_and_parses(site: Path, name: str) -> None:
    # What it does is the browser tests' to say; here, that it is still a script.
    source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    served = site / "assets" / name
    assert gzipped(served.read_bytes()) < 0.7 * gzipped(source.encode())
    node = shutil.which("node")
    assert node, "Node.js is needed (npm ci installs the test clients with it)"
    check = subprocess.run([node, "--check", str(served)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stderr


def loaded(site: Path, page: Path) -> dict[Path, int]:
    """What a browser fetches from the site for ``page``, each file gzipped: the page, its
    stylesheets, scripts and icon, Material's search worker and the index it fetches."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    found = {page}
    links = [link["href"] for link in soup.select("link[href]")
             if {"stylesheet", "icon"} & set(link.get("rel") or ())]
    for href in [*links, *(script["src"] for script in soup.select("script[src]"))]:
        assert "//" not in href, href  # nothing from elsewhere
        found.add((page.parent / href).resolve())
    config = json.loads(soup.select_one("script#__config").get_text())
    found |= {(page.parent / config["search"]).resolve(), site / "search" / "search_index.json"}
    return {path: gzipped(path.read_bytes()) for path in found}


def test_an_essay_part_with_all_it_loads_is_at_most_125_kib_gzipped(site: Path) -> None:
    assert len(PARTS) >= 8
    weights = {part: sum(loaded(site, site / "essay" / part / "index.html").values())
               for part in PARTS}
    assert max(weights.values()) <= PART_LIMIT, weights


def test_an_essay_part_loads_no_page_s_own_styles_or_script(site: Path) -> None:
    """The charts' styles and the notes page's script are linked by their pages alone."""
    assets = site / "assets"
    charts, notes = assets / "edition-charts.css", assets / "edition-notes.js"
    for part in PARTS:
        files = loaded(site, site / "essay" / part / "index.html")
        assert charts.resolve() not in files and notes.resolve() not in files, part
        assert (assets / "edition.css").resolve() in files
        assert (assets / "edition.js").resolve() in files
    for page in ("timeline", "places", "actors"):
        assert charts.resolve() in loaded(site, site / page / "index.html"), page
    assert notes.resolve() in loaded(site, site / "notes" / "index.html")


def test_the_palette_served_is_material_s_cut_to_the_configured_palettes(site: Path) -> None:
    """Every page links the edition's share of Material's palette stylesheet, not the whole:
    the dark scheme's rules are in it, no other named colour's."""
    page = BeautifulSoup((site / "essay" / PARTS[0] / "index.html").read_text("utf-8"), "lxml")
    sheets = [link["href"] for link in page.select("link[rel~=stylesheet]")]
    assert not [href for href in sheets if "/palette." in href], sheets
    (share,) = [href for href in sheets if href.endswith("edition-palette.css")]
    css = (site / "essay" / PARTS[0] / share).resolve().read_text(encoding="utf-8")
    (material,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    assert "[data-md-color-scheme=slate]" in css and "--md-default-bg-color:" in css
    assert "data-md-color-primary=" not in css and "data-md-color-accent=" not in css
    assert gzipped(css.encode()) < gzipped(material.read_bytes()) / 2
