"""What a reader's browser fetches from a real build, compressed as a web server sends it.

Sizes of built files are properties of the site, not timings: the search index that
Material's worker fetches on every page, and the reader's styles and script, served minified
with every rule and every string of their sources.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import tinycss2

from support.build import ROOT

#: The most the search index may weigh, gzipped at level 6 (a web server's usual level).
INDEX_LIMIT = 25 * 1024


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


def test_the_served_styles_hold_every_rule_of_the_source(site: Path) -> None:
    source = (ROOT / "docs" / "assets" / "edition.css").read_text(encoding="utf-8")
    served = (site / "assets" / "edition.css").read_text(encoding="utf-8")
    assert gzipped(served.encode()) < 0.7 * gzipped(source.encode())  # minified
    assert _rules(served) == _rules(source)


def test_the_served_script_is_minified_and_parses(site: Path) -> None:
    # What it does is the browser tests' to say; here, that it is still a script.
    source = (ROOT / "docs" / "assets" / "edition.js").read_text(encoding="utf-8")
    served = site / "assets" / "edition.js"
    assert gzipped(served.read_bytes()) < 0.7 * gzipped(source.encode())
    node = shutil.which("node")
    assert node, "Node.js is needed (npm ci installs the test clients with it)"
    check = subprocess.run([node, "--check", str(served)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stderr
