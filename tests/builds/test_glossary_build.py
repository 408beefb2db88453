"""The glossary in a real build: tooltips in the essay, the generated page, bad input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from support.build import ROOT, build, copy_project, replace_once
from support.data import RawEntry, raw_entries
from support.essay import paragraphs
from support.site import page, reading_order, resolve, url_to_file


@pytest.fixture(scope="module")
def entries() -> dict[str, RawEntry]:
    """The glossary's terms by id, read from the file as written (not through the loader)."""
    return {entry.id: entry for entry in raw_entries() if entry.kind == "term"}


def essay_urls(site: Path) -> list[str]:
    return [url for url in reading_order(site) if url == "" or url.startswith("essay/")]


def test_every_term_annotation_carries_its_definition_and_links_to_its_entry(
    site: Path, entries: dict[str, RawEntry]
) -> None:
    glossary = page(site, "glossary/")
    count = 0
    for url in essay_urls(site):
        for link in page(site, url).select("a.ed-annotation.ed-term"):
            target = resolve(url, link["href"])
            path, _, anchor = target.partition("#")
            assert path == "glossary/", link
            assert link["title"] == f"{entries[anchor].name}: {entries[anchor].summary}"
            assert glossary.select_one(f'h2[id="{anchor}"]') is not None
            assert link.find_parent(class_="essay") is not None
            count += 1
    linked = {e.raw["term"] for e in raw_entries() if e.kind == "actor" and "term" in e.raw}
    assert count >= len(entries) - len(linked)


def test_every_essay_part_has_tooltips_and_no_heading_or_menu_has_any(site: Path) -> None:
    for url in essay_urls(site):
        soup = page(site, url)
        if url:
            assert soup.select("article .essay a.ed-annotation"), url
        assert soup.select(":is(h1, h2, h3, h4, h5, h6, nav, .md-nav, title) .ed-annotation") == []
        assert soup.select("a a, .ed-annotation .ed-annotation") == []


def test_the_glossary_page_lists_every_entry_sorted_with_one_anchor_each(
    site: Path, entries: dict[str, RawEntry]
) -> None:
    soup = page(site, "glossary/")
    ids = [h2["id"] for h2 in soup.select("article h2")]
    assert sorted(ids) == sorted(entries)
    assert len(set(ids)) == len(ids)
    names = [entries[i].name.lstrip("‘'\"").casefold() for i in ids]
    assert names == sorted(names)
    for entry_id in ids:
        heading = soup.select_one(f'h2[id="{entry_id}"]')
        definition = heading.find_next_sibling("p", class_="ed-gl-definition")
        assert definition.get_text() == entries[entry_id].summary
        sources = heading.find_next_sibling("p", class_="ed-gl-sources").select("a")
        assert tuple(a["href"] for a in sources) == entries[entry_id].urls


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("jcpoa", ("JCPOA", "Joint Comprehensive Plan of Action")),
        ("irgc", ("IRGC", "Islamic Revolutionary Guard Corps")),
        ("supreme-leader", ("Supreme Leader",)),
        ("treaty-of-turkmenchai", ("Treaty of Turkmenchai",)),
    ],
)
def test_where_it_appears_lists_exactly_the_paragraphs_that_use_the_term(
    site: Path, entry_id: str, words: tuple[str, ...]
) -> None:
    """Checked against a plain substring search of the source text, not our matcher."""
    expected = {f"¶{n}" for n, text in paragraphs().items() if any(w in text for w in words)}
    soup = page(site, "glossary/")
    where = soup.select_one(f'h2[id="{entry_id}"]').find_next_sibling("p", class_="ed-gl-where")
    listed = {}
    for link in where.select("a"):
        target = resolve("glossary/", link["href"])
        path, _, anchor = target.partition("#")
        assert page(site, path).select_one(f'p[id="{anchor}"]') is not None, target
        listed[link.get_text()] = anchor
    assert {label for label in listed if label.startswith("¶")} == expected
    assert all(anchor == "p" + label[1:] for label, anchor in listed.items() if label[0] == "¶")


def test_the_search_index_holds_clean_essay_text(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    essay = [doc for doc in index["docs"] if doc["location"].startswith("essay/")]
    text = " ".join(doc["text"] for doc in essay)
    assert "Joint Comprehensive Plan of Action (JCPOA)" in text
    assert "ed-annotation" not in text and "title=" not in text and "<a" not in text


def test_by_default_each_entry_is_linked_once_per_part(site: Path) -> None:
    """mark: page (mkdocs.yml): the first mention of each entry in a part is its link."""
    for url in essay_urls(site):
        hrefs = Counter(a["href"] for a in page(site, url).select("article .essay a.ed-annotation"))
        assert hrefs and max(hrefs.values()) == 1, (url, hrefs)


def test_a_bad_mark_option_is_a_clear_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "mark: page ", "mark: often")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "'extra.edition.mark' is 'often'; use one of 'every', 'paragraph', 'page'." in (
        result.output)


def test_the_glossary_page_is_virtual(site: Path) -> None:
    assert not (ROOT / "docs" / "glossary.md").exists()
    assert url_to_file(site, "glossary/").exists()


def test_mark_paragraph_links_each_entry_once_per_paragraph(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "mark: page ", "mark: paragraph ")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    repeated = 0
    for url in ("essay/raisi/", "essay/ukraine/", "essay/jcpoa/"):
        blocks = page(result.site, url).select("article .essay")
        for block in blocks:
            hrefs = Counter(a["href"] for a in block.select("a.ed-annotation"))
            assert not hrefs or max(hrefs.values()) == 1, (url, block.get("id"), hrefs)
        whole = Counter(a["href"] for b in blocks for a in b.select("a.ed-annotation"))
        repeated += max(whole.values()) > 1
    assert repeated  # an entry of one part is linked again in its next paragraph


def test_a_term_that_never_occurs_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    glossary = project / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    before, actors = text.split("\nactors:\n")
    new = ("  - term: Treaty of Golestan\n    category: treaty\n    definition: The 1813 treaty.\n"
           "    sources: [{title: S, url: 'https://example.org/g'}]\n")
    head, comment = before.rsplit("\n\n# Actors:", 1)
    glossary.write_text(f"{head}\n{new}\n# Actors:{comment}\nactors:\n{actors}", "utf-8")
    line = head.count("\n") + 2
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert any(
        f"glossary.yml:{line}: term 'Treaty of Golestan': the term 'Treaty of Golestan' never "
        "occurs in the essay" in warning for warning in result.warnings
    ), result.output


def test_a_broken_glossary_stops_the_build_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "glossary.yml", "    definition:", "    defintion:")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "unknown key 'defintion'. Did you mean 'definition'?" in result.output
    assert "glossary.yml:" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_hand_written_glossary_page_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "glossary.md").write_text("# Mine\n", encoding="utf-8")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "docs/glossary.md exists, but that page is generated from glossary.yml and notes" in (
        result.output)
