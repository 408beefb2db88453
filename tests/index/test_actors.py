"""Actors: validation, exact mentions, counts, co-occurrence, pages and the network."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from bs4 import BeautifulSoup

from edition.data.glossary import Entry, load, parse
from edition.index.occurrences import OccurrenceIndex
from edition.pages import actors as actor_pages
from edition.text.annotate import Occurrence, Target
from support.build import ROOT, build, copy_project
from support.data import as_read, raw_entries
from support.mentions import expected, forms_of
from support.pages import render_page
from support.refusals import glossary_problems as problems
from support.site import page, reading_order, resolve

TERM = """\
terms:
  - term: IRGC
    aliases: [Islamic Revolutionary Guard Corps]
    category: institution
    definition: Iran's Revolutionary Guards.
    sources: [{title: S, url: "https://example.org/i"}]
"""


def actor(**fields: str) -> str:
    lines = ["  - name: " + fields.pop("name", "Guards"),
             "    kind: " + fields.pop("kind", "group")]
    lines += [f"    {key}: {value}" for key, value in fields.items()]
    lines += ["    description: A group.", '    sources: [{title: S, url: "https://example.org/a"}]']
    return "\n".join(lines) + "\n"


# ---- Validation -----------------------------------------------------------------------


def test_an_actor_linked_to_a_term_takes_its_forms_for_one_annotation() -> None:
    glossary = parse((TERM + "actors:\n" + actor(term="IRGC", aliases="[the Guards]")).encode())
    (guards,) = glossary.actors
    assert guards.term == "irgc" and guards.forms == ("the Guards",)
    assert glossary.actor_for(glossary.terms[0]) is guards


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        (actor(term="IRGX"), "glossary.yml:10: actor 'Guards': 'term' is 'IRGX', which is no "
         "term or alias in the glossary; name a glossary term or remove 'term'."),
        (actor(), "glossary.yml:8: actor 'Guards' has no forms: list in 'aliases' how the essay "
         "refers to it, or name its glossary 'term'."),
        (actor(aliases="[IRGC]"), "glossary.yml:8: actor 'Guards' claims 'IRGC', which term "
         "'IRGC' (line 2) already has as 'IRGC'; a form may belong to one entry only."),
        (actor(kind="army", aliases="[the Xers]"), "glossary.yml:9: actors[0] 'Guards': 'kind' is "
         "'army'; it must be one of: person, state, organisation, group."),
        (actor(term="IRGC") + actor(name="Others", term="Islamic Revolutionary Guard Corps"),
         "glossary.yml:15: actor 'Others': the term 'IRGC' is already the term of actor 'Guards' "
         "(line 8); a term can be one with one actor only."),
    ],
)
def test_bad_actors_are_explained(actors: str, expected: str) -> None:
    assert problems(TERM + "actors:\n" + actors) == [expected]


def test_a_term_and_an_actor_may_share_an_id_but_two_actors_may_not() -> None:
    parse((TERM + "actors:\n" + actor(name="IRGC", term="IRGC")).encode())
    found = problems(TERM + "actors:\n" + actor(aliases="[the Aces]")
                     + actor(name="Others", id="guards", aliases="[the Bees]"))
    assert found == ["glossary.yml:13: actor 'Others' has the id 'guards', like actor 'Guards' "
                     "(line 8); give one of them a distinct 'id'."]


# ---- Mentions in the real build (every entry against the source: test_mentions.py) ------

def listed_mentions(site: Path, actor_id: str) -> Counter[str]:
    url = f"actors/{actor_id}/"
    counts: Counter[str] = Counter()
    parsed: dict[str, BeautifulSoup] = {}  # each essay page parsed once, for all its mentions
    for item in page(site, url).select("article h2#mentions ~ ol > li"):
        link = item.select_one("a")
        target = resolve(url, link["href"])
        essay_page, _, anchor = target.partition("#")
        if essay_page not in parsed:
            parsed[essay_page] = page(site, essay_page)
        assert parsed[essay_page].select_one(f'[id="{anchor}"]') is not None, target
        assert item.select_one("mark") is not None
        counts[link.get_text()] += 1
    return counts


ACTOR_IDS = sorted(a.id for a in load(ROOT / "glossary.yml").actors)


@pytest.mark.parametrize("actor_id", ACTOR_IDS)
def test_the_counts_shown_equal_the_mentions_found(site: Path, actor_id: str) -> None:
    mentions = listed_mentions(site, actor_id)
    total = sum(mentions.values())
    passages = len(mentions)
    rubric = page(site, f"actors/{actor_id}/").select_one("article .ed-rubric").get_text()
    noun = "mention" if total == 1 else "mentions"
    assert f"{total} {noun} in {passages} passage" in rubric
    index = page(site, "actors/")
    item = next(li for li in index.select("article li")
                if li.select_one("a")["href"] == f"{actor_id}/")
    assert item.get_text().endswith(f"· {total} {noun}")


def test_velayati_appears_only_in_the_caption_and_khamenei_mostly_by_title(site: Path) -> None:
    assert listed_mentions(site, "ali-akbar-velayati") == Counter({"caption": 1})
    khamenei = page(site, "actors/ali-khamenei/")
    marks = [m.get_text() for m in khamenei.select("article ol mark")]
    # Once more inside "the Supreme Leader’s office", which names him.
    assert marks.count("Supreme Leader") == 6 and len(marks) == 7


def test_appears_most_with_counts_shared_passages(site: Path) -> None:
    putin = set(expected(forms_of("actor", "vladimir-putin")))
    khamenei = set(expected(forms_of("actor", "ali-khamenei")))
    soup = page(site, "actors/vladimir-putin/")
    items = {li.select_one("a").get_text(): li.get_text() for li in
             soup.select("article h2#together + p + ul > li")}
    shared = len(putin & khamenei)
    noun = "passage" if shared == 1 else "passages"
    assert items["Ali Khamenei"].endswith(f"· {shared} {noun}")


def test_a_term_that_is_an_actor_is_one_annotation(site: Path) -> None:
    soup = page(site, "essay/post-soviet/")
    irgc = soup.select("#p2 a.ed-annotation")
    names = [a.get_text() for a in irgc if "guard-corps" in a["href"]]
    assert names == ["Islamic Revolutionary Guard Corps"]
    link = next(a for a in irgc if "guard-corps" in a["href"])
    assert "ed-actor" in link["class"] and link.find("a") is None
    glossary = page(site, "glossary/")
    actor_line = glossary.select_one('h2[id="irgc"]').find_next_sibling("p", class_="ed-gl-actor")
    assert resolve("glossary/", actor_line.select_one("a")["href"]) == (
        "actors/islamic-revolutionary-guard-corps/")


def test_actor_annotations_link_to_their_page_with_their_description(site: Path) -> None:
    actors = {a.id: a for a in load(ROOT / "glossary.yml").actors}
    seen = set()
    for url in reading_order(site):
        if url and not url.startswith("essay/"):
            continue
        for link in page(site, url).select("a.ed-annotation.ed-actor"):
            target = resolve(url, link["href"])
            actor_id = target.removeprefix("actors/").rstrip("/")
            assert link["title"] == f"{actors[actor_id].name}: {actors[actor_id].summary}"
            seen.add(actor_id)
    assert seen == set(actors)


def test_each_actor_page_gives_the_description_and_note_as_written(site: Path) -> None:
    """From glossary.yml as written: the description, then the editor's note if there is
    one, each a paragraph of its own holding nothing else; the headings of the sections."""
    actors = [entry for entry in raw_entries() if entry.kind == "actor"]
    assert any(actor.raw.get("note") for actor in actors)
    for actor in actors:
        article = page(site, f"actors/{actor.id}/").select_one("article")
        (definition,) = article.select("p.ed-gl-definition")
        assert definition.get_text() == actor.summary, actor.id
        notes = [p.get_text() for p in article.select("p.ed-gl-note")]
        assert notes == ([as_read(actor.raw["note"])] if actor.raw.get("note") else []), actor.id
        assert "{" not in article.get_text(), actor.id  # no attribute list left as text
        headings = [h.get_text(" ", strip=True).removesuffix(" ¶")
                    for h in article.select("h2")]
        assert headings[0] == "Every mention, in reading order", actor.id
        assert set(headings[1:]) <= {"Appears most with", "Glossary terms in the same passages"}


def test_actor_pages_are_virtual_and_off_the_menu(site: Path) -> None:
    assert not (ROOT / "docs" / "actors").exists()
    menu = page(site, "actors/").select(".md-nav--primary a")
    assert not any("vladimir-putin" in a.get("href", "") for a in menu)
    assert len(list((site / "actors").glob("*/index.html"))) == len(load(ROOT / "glossary.yml")
                                                                   .actors)


def test_the_network_is_a_static_accessible_svg_linking_every_node(site: Path) -> None:
    soup = page(site, "actors/")
    svg_markup = str(soup.select_one("figure.ed-network svg"))
    svg = etree.fromstring(svg_markup)
    ns = {"s": "http://www.w3.org/2000/svg"}
    # No role="img", which would hide the links inside from assistive technology.
    assert svg.get("role") is None and svg.get("aria-labelledby")
    assert svg.find("s:title", ns) is not None and svg.find("s:desc", ns) is not None
    assert svg.findall(".//s:script", ns) == []
    nodes = svg.findall(".//s:a", ns)
    actors: list[Entry] = list(load(ROOT / "glossary.yml").actors)
    assert len(nodes) == len(actors)
    for node in nodes:
        href = node.get("href")
        assert (site / "actors" / href / "index.html").exists(), href
        assert re.fullmatch(r".+ — \d+ mentions?", node.get("aria-label"))


def test_a_hand_written_actor_page_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "actors").mkdir()
    (project / "docs" / "actors" / "iran.md").write_text("# Iran\n", encoding="utf-8")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "docs/actors/iran.md exists, but that page is generated" in result.output



def test_the_network_draws_at_most_the_sixty_most_mentioned_actors() -> None:
    """More would be unreadable; the lists under the drawing still give every actor."""
    names = [f"Actor {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(70)]
    entries = "".join(actor(name=n, aliases=f"[the {n}]") for n in names)
    glossary = parse((TERM + "actors:\n" + entries).encode())
    occurrences = OccurrenceIndex()
    for rank, entry in enumerate(glossary.actors):  # the first is mentioned most
        for block in range(70 - rank):
            occurrences.add("essay/a.md", Occurrence(
                Target(entry, (entry,)), entry.name, f"p{block + 1}", True, 0, 1, "x"))
    index = lxml.html.fromstring(render_page(
        actor_pages.render_index(glossary, occurrences, lambda a: f"{a.id}/")))
    # Two drawings of the same actors: the wide one, and the ranked rows for a phone.
    drawings = index.xpath("//*[local-name()='svg']")
    assert len(drawings) == 2
    for drawing in drawings:
        drawn = [a.get("href").removesuffix("/") for a in drawing.xpath(".//*[local-name()='a']")]
        assert drawn and len(drawn) == actor_pages.MOST_DRAWN == 60
        assert set(drawn) == {a.id for a in glossary.actors[:60]}
    assert "It draws the 60 most often mentioned of the 70 actors." in index.text_content()
    listed = {a.get("href") for a in index.xpath("//a[not(ancestor::*[local-name()='svg'])]")}
    assert all(f"{a.id}.md" in listed for a in glossary.actors)  # every one listed


def test_an_actor_the_essay_never_mentions_has_no_mentions_places_or_company() -> None:
    entry = actor(name="Nobody Here", aliases="[Zqxnobody]")
    glossary = parse((TERM + "actors:\n" + entry).encode())
    (nobody,) = glossary.actors
    occurrences = OccurrenceIndex()
    assert occurrences.mentions(nobody) == []
    assert occurrences.places(nobody) == []
    assert occurrences.count(nobody) == 0
    assert occurrences.together(nobody, glossary.actors) == []
    assert occurrences.names(nobody) == []
