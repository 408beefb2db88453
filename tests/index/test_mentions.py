"""Every mention of every entry, against a plain search of the source text.

The expectation (``support.mentions``) is built from the raw YAML of ``glossary.yml`` and
``tests/fixtures/essay.txt`` alone, never through the edition's loader or matcher: a form
found as whole words, an apostrophe or a hyphen ending a word, nested forms included, the
entry's case rule applied; the rule the actors index states.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from support.build import ROOT
from support.mentions import RAW, entries, expected
from support.site import page, resolve

CASES = [pytest.param(kind, entry_id, forms, id=f"{kind}:{name}")
         for kind, entry_id, name, forms in entries()]


def listed_on_actor_page(site: Path, actor_id: str) -> Counter[str]:
    url = f"actors/{actor_id}/"
    counts: Counter[str] = Counter()
    for item in page(site, url).select("article h2#mentions ~ ol > li"):
        link = item.select_one("a")
        essay_page, _, anchor = resolve(url, link["href"]).partition("#")
        assert page(site, essay_page).select_one(f'[id="{anchor}"]') is not None
        assert item.select_one("mark") is not None
        counts[link.get_text()] += 1
    return counts


def listed_where_it_appears(site: Path, term_id: str) -> Counter[str]:
    soup = page(site, "glossary/")
    where = soup.select_one(f'h2[id="{term_id}"]').find_next_sibling("p", class_="ed-gl-where")
    counts: Counter[str] = Counter()
    for link in where.select("a") if where is not None else []:
        essay_page, _, anchor = resolve("glossary/", link["href"]).partition("#")
        assert page(site, essay_page).select_one(f'[id="{anchor}"]') is not None
        times = re.match(r"\s*\(×(\d+)\)", link.next_sibling or "")
        counts[link.get_text()] += int(times.group(1)) if times else 1
    return counts


@pytest.mark.parametrize(("kind", "entry_id", "forms"), CASES)
def test_every_entry_lists_the_passages_a_plain_search_finds(
    site: Path, kind: str, entry_id: str, forms: list[tuple[str, str]]
) -> None:
    want = expected(forms)
    assert want, f"a plain search finds no form of {entry_id} in the essay"
    if kind == "actor":
        listed = listed_on_actor_page(site, entry_id)
    else:
        listed = listed_where_it_appears(site, entry_id)
    assert set(listed) == set(want), "the passages differ"
    assert listed == want, "the passages agree, but not how often in each"


def test_every_entry_of_the_glossary_is_checked() -> None:
    assert len(CASES) == len(RAW["terms"]) + len(RAW.get("actors", [])) > 90


def test_the_contributor_check_counts_as_the_build_does(site: Path) -> None:
    script = [sys.executable, str(ROOT / "scripts" / "check_glossary.py"), "--counts"]
    result = subprocess.run(script, capture_output=True, text=True, check=True)
    reported = dict(re.findall(r"^actor '(.+)': (\d+) mentions? in", result.stdout, re.M))
    index = page(site, "actors/")
    shown = {li.select_one("a").get_text(): re.search(r"· (\d+) mentions?$", li.get_text())[1]
             for li in index.select("article h2 + ul > li")}
    assert reported == shown and len(shown) == len(RAW["actors"])
