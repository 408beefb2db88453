"""The essay's text, verbatim: every block, once, in order, as a reader sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.build import build, copy_project, replace_once
from support.essay import Block
from support.site import fidelity_problems, page, reading_order, visible_text


def test_the_whole_essay_reads_verbatim_in_reading_order(site: Path, essay: list[Block]) -> None:
    assert len(essay) == 20  # title, standfirst, photo title, caption, 15 paragraphs, byline
    assert fidelity_problems(site, essay) == []


def test_every_block_of_author_text_on_the_site_is_from_the_source(
    site: Path, essay: list[Block]
) -> None:
    """Nothing marked as the author's (class ``essay``) is text the author did not write."""
    source = {block.text for block in essay}
    marked = [
        (url, text)
        for url in reading_order(site)
        for element in page(site, url).select("article .essay")
        if (text := visible_text(element))
    ]
    # title, standfirst, photo title, caption, 15 paragraphs, byline
    assert len(marked) == 20
    assert [(url, text) for url, text in marked if text not in source] == []


@pytest.mark.parametrize(
    ("page_file", "old", "new", "label", "detail"),
    [
        ("essay/raisi.md", "Putin’s endorsement", "Putin's endorsement", "¶11", "U+2019"),
        ("index.md", "Russia's leaderships", "Russia’s leaderships", "standfirst", "U+0027"),
        ("essay/post-soviet.md", "loathing – among", "loathing - among", "¶3", "U+2013"),
        # Other space characters are text, not white space to collapse.
        ("essay/jcpoa.md", "intimacy of the", "intimacy\u2003of the", "¶8", "U+2003"),
        ("essay/conclusion.md", "stresses and strains", "stresses\u00a0and strains", "¶15",
         "U+00A0"),
    ],
)
def test_a_single_changed_character_is_caught(
    tmp_path: Path, essay: list[Block], page_file: str, old: str, new: str, label: str,
    detail: str,
) -> None:
    """The check fails, naming the paragraph and the character, if one apostrophe changes."""
    project = copy_project(tmp_path / "project")
    replace_once(project / "docs" / page_file, old, new)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    problems = fidelity_problems(result.site, essay)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{label} is missing or altered")
    assert detail in problems[0]


def test_a_repeated_paragraph_is_caught(tmp_path: Path, essay: list[Block]) -> None:
    project = copy_project(tmp_path / "project")
    conclusion = project / "docs" / "essay" / "conclusion.md"
    twelfth = next(block.text for block in essay if block.label == "¶12")
    conclusion.write_text(
        conclusion.read_text(encoding="utf-8") + f"\n{twelfth}\n", encoding="utf-8"
    )
    problems = fidelity_problems(build(project, tmp_path / "site").site, essay)
    assert problems == ["¶12 appears 2 times (essay/ukraine/, essay/conclusion/)"]
