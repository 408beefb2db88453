"""Nested mentions in a real build of a small project: a name inside a glossary phrase.

The fixture names Iran inside the term "Iran-Iraq War" (at the phrase's start, inside a
note's quotation), at the end of the term "air base in Iran", in a possessive and in the
(heading) title; "Iranian" is no mention. Expected values are read off the fixture text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.build import BuildResult, build, build_scope, copy_project, keep_referred_events
from support.site import page, resolve

SOURCE = {"a": "https://example.org/a"}
CONFIG = """\
site_name: Nested
theme: {name: material, font: false}
hooks: [hooks/edition_hook.py]
extra: {edition: {glossary: glossary.yml, notes: notes.yml, mark: paragraph}}
markdown_extensions: [attr_list, md_in_html, toc]
"""
ESSAY = """\
# Iran at war { #title .essay .essay-title }

During the Iran-Iraq War, Iran's cities were bombed.
{ .essay #p1 }

Later came the air base in Iran, and Iranian anger.
{ .essay #p2 }

Iraq alone.
{ .essay #p3 }
"""
GLOSSARY = """\
terms:
  - term: Iran-Iraq War
    category: event
    definition: The war of 1980-1988.
    sources: [{title: S, url: "https://example.org/w"}]
  - term: air base in Iran
    category: place
    definition: A base.
    sources: [{title: S, url: "https://example.org/b"}]
actors:
  - name: Iran
    kind: state
    aliases: [Iran]
    description: A state.
    sources: [{title: S, url: "https://example.org/i"}]
  - name: Iraq
    kind: state
    aliases: [Iraq]
    description: Another state.
    sources: [{title: S, url: "https://example.org/q"}]
"""
NOTES = """\
notes:
  - quote: "{quote}"
    kind: context
    note: A note.
    sources: [{{title: S, url: "https://example.org/n"}}]
    id: a-note
    gloss: A gloss.
"""


def fixture_project(root: Path, quote: str = "During the Iran-Iraq War", essay: str = ESSAY,
                    glossary: str = GLOSSARY) -> Path:
    project = copy_project(root)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for old in (project / "docs").rglob("*.md"):
        old.unlink()
    (project / "docs" / "index.md").write_text(essay, encoding="utf-8")
    (project / "glossary.yml").write_text(glossary, encoding="utf-8")
    (project / "notes.yml").write_text(NOTES.format(quote=quote), encoding="utf-8")
    keep_referred_events(project)
    return project


@pytest.fixture(scope=build_scope)
def nested(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("nested")
    result = build(fixture_project(root / "project"), root / "site")
    assert result.returncode == 0, result.output
    return result


def mentions(site: Path, actor: str) -> list[tuple[str, str]]:
    url = f"actors/{actor}/"
    return [(li.select_one("a").get_text(), li.select_one("mark").get_text())
            for li in page(site, url).select("article h2#mentions ~ ol > li")]


def test_the_phrase_is_one_link_with_no_link_inside(nested: BuildResult) -> None:
    soup = page(nested.site, "")
    links = soup.select("#p1 a.ed-annotation")
    assert [a.get_text() for a in links] == ["Iran-Iraq War", "Iran"]
    assert soup.select("a a") == [] and soup.select("#title a.ed-annotation") == []
    war = links[0]
    assert resolve("", war["href"]) == "glossary/#iran-iraq-war"
    assert war["title"] == "Iran-Iraq War: The war of 1980-1988."
    assert war.find_parent("span", class_="ed-noted").get_text() == "During the Iran-Iraq War"
    assert soup.select_one("#p1").get_text().startswith(
        "During the Iran-Iraq War, Iran's cities were bombed.")


def test_the_inner_name_is_listed_and_counted(nested: BuildResult) -> None:
    # Title, inside the phrase (in the note's quotation), the possessive, the end of a phrase.
    assert mentions(nested.site, "iran") == [
        ("title", "Iran"), ("¶1", "Iran"), ("¶1", "Iran"), ("¶2", "Iran")]
    assert mentions(nested.site, "iraq") == [("¶1", "Iraq"), ("¶3", "Iraq")]
    rubric = page(nested.site, "actors/iran/").select_one("article .ed-rubric").get_text()
    assert "4 mentions in 3 passages" in rubric
    index = page(nested.site, "actors/")
    items = {li.select_one("a").get_text(): li.get_text() for li in index.select("article li")}
    assert items["Iran"].endswith("· 4 mentions") and items["Iraq"].endswith("· 2 mentions")
    labels = {a.get("aria-label") for a in index.select("figure.ed-network svg a")}
    assert {"Iran — 4 mentions", "Iraq — 2 mentions"} <= labels


def test_the_inner_names_appear_together_and_in_the_glossary(nested: BuildResult) -> None:
    iran = page(nested.site, "actors/iran/")
    together = [li.get_text() for li in iran.select("article h2#together + p + ul > li")]
    assert together == ["Iraq · 1 passage"]
    terms = [li.get_text() for li in iran.select("article h2#terms + ul > li")]
    assert sorted(terms) == ["Iran-Iraq War · 1 passage", "air base in Iran · 1 passage"]
    glossary = page(nested.site, "glossary/")
    war = glossary.select_one('h2[id="iran-iraq-war"]')
    names = war.find_next_sibling("p", class_="ed-gl-names")
    assert names.get_text() == "Names: Iran, Iraq"
    assert [resolve("glossary/", a["href"]) for a in names.select("a")] == [
        "actors/iran/", "actors/iraq/"]
    base = glossary.select_one('h2[id="air-base-in-iran"]').find_next_sibling(
        "p", class_="ed-gl-names")
    assert base.get_text() == "Names: Iran"


@pytest.mark.parametrize(
    ("quote", "inside"),
    [("During the Iran", "Iran-Iraq War"), ("Iraq War", "Iran-Iraq War"),
     ("Later came the air base in", "air base in Iran")],
)
def test_a_quotation_may_not_cut_the_outer_phrase(tmp_path: Path, quote: str, inside: str) -> None:
    result = build(fixture_project(tmp_path / "project", quote=quote), tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"the quotation begins or ends inside '{inside}'" in result.output


def test_a_quotation_ending_at_the_edge_of_a_phrase_is_fine(tmp_path: Path) -> None:
    result = build(fixture_project(tmp_path / "project", quote="Later came the air base in Iran"),
                   tmp_path / "site")
    assert result.returncode == 0, result.output
    assert mentions(result.site, "iran")[-1] == ("¶2", "Iran")


def test_a_form_far_more_frequent_than_any_name_fails_the_strict_build(tmp_path: Path) -> None:
    """More often than one word in forty (and than 20 times): no name is that common."""
    words = " ".join(["war and peace"] * 25)
    essay = ESSAY + f"\n{words.capitalize()}.\n{{ .essay #p4 }}\n"
    # Said to be meant, so that the common-word guard lets it through to this rule.
    glossary = GLOSSARY.replace("actors:\n", "  - term: peace\n    category: term\n"
                                "    common_word: \"The essay's peace is one treaty's.\"\n"
                                "    definition: No war.\n"
                                "    sources: [{title: S, url: 'https://example.org/p'}]\n"
                                "actors:\n")
    total = len(re.findall(r"\w+(?:['-]\w+)*", re.sub(r"\{[^}]*\}|#", "", essay)))
    result = build(fixture_project(tmp_path / "project", essay=essay, glossary=glossary),
                   tmp_path / "site")
    assert result.returncode != 0
    line = glossary.splitlines().index("  - term: peace") + 1
    # The whole message: the rule (one word in forty) and what to do.
    assert any(f"glossary.yml:{line}: term 'peace': 'peace' occurs 25 times in the essay's "
               f"{total} words, more than one word in 40: no name is that common. Use the "
               "longer phrase the essay writes, or remove it." in warning
               for warning in result.warnings), result.output
