"""The reader's tools in a real build: meta tags, cite dialogs, the printed definitions."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.build import ROOT
from support.essay import paragraphs, source_blocks
from support.mentions import entries, expected, terms_with_an_actor
from support.site import page, reading_order

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url when SITE_URL is not set


def essay_pages(site: Path) -> list[str]:
    """The home page and the essay's parts: the reading order up to the editor's notes."""
    order = reading_order(site)
    return order[: order.index("notes/")]


def test_every_essay_page_carries_highwire_and_dublin_core_tags(site: Path) -> None:
    blocks = {b.label: b.text for b in source_blocks()}
    family = blocks["byline"].split()[-1]
    given = blocks["byline"].rsplit(" ", 1)[0]
    pages = essay_pages(site)
    assert len(pages) == 9
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")  # the original's address
    for url in pages:
        soup = page(site, url)
        meta: dict[str, list[str]] = {}
        for tag in soup.select("head meta[name]"):
            meta.setdefault(tag["name"], []).append(tag["content"])
        assert meta["citation_title"] == [blocks["title"]], url
        assert meta["citation_author"] == [f"{family}, {given}"], url
        assert meta["citation_publication_date"] == ["2022/08/15"], url
        assert meta["citation_journal_title"] == ["Engelsberg Ideas"], url
        assert meta["citation_publisher"] == ["Engelsberg Ideas"], url
        assert meta["citation_public_url"] == [SITE_URL + url], url
        assert meta["DC.creator"] == [f"{family}, {given}"], url
        assert meta["DC.date"] == ["2022-08-15"], url
        assert meta["DC.identifier"] == [SITE_URL + url], url
        assert meta["citation_abstract_html_url"] == [SITE_URL + url], url
        assert meta["citation_language"] == meta["DC.language"] == ["en"], url
        assert meta["DC.title"] == [blocks["title"]], url
        assert meta["DC.publisher"] == ["Engelsberg Ideas"], url
        assert meta["DC.type"] == ["Text"], url  # the DCMI Type Vocabulary's term
        assert meta["DC.format"] == ["text/html"], url
        (original,) = meta["DC.source"]
        assert original.startswith("https://engelsbergideas.com/") and f"]({original})" in home


def test_other_pages_carry_no_citation_tags(site: Path) -> None:
    for url in ("glossary/", "notes/", "timeline/", "actors/", "actors/vladimir-putin/"):
        assert page(site, url).select("meta[name^='citation_'], meta[name^='DC.']") == [], url


def test_each_paragraph_has_a_cite_button_and_its_dialog(site: Path) -> None:
    numbers = set()
    for url in essay_pages(site):
        soup = page(site, url)
        for para in soup.select("article .ed-para"):
            number = int(para.select_one("p.essay")["id"][1:])
            numbers.add(number)
            button = para.select_one("button.ed-cite")
            # In the HTML and not hidden (no shift when the script starts).
            assert button is not None and not button.has_attr("hidden"), (url, number)
            dialog = soup.select_one(f"dialog#{button['data-ed-cite']}")
            assert dialog is not None
            assert dialog.select_one("a")["href"] == f"{SITE_URL}{url}#p{number}"
            names = [h.get_text() for h in dialog.select("h3")]
            assert names == ["Chicago (notes and bibliography, 18th ed.)", "MLA 9", "APA 7",
                             "BibTeX"]
            assert len(dialog.select("button.ed-copy")) == 7
            # The citation dialog is not part of the paragraph: the text is the author's.
            assert dialog.find_parent(class_="ed-para") is None
    assert numbers == set(paragraphs())
    home = page(site, "")
    assert home.select_one("button.ed-cite[data-ed-cite='ed-cite-essay']") is not None
    assert home.select_one("dialog#ed-cite-essay a")["href"] == SITE_URL


def test_dialog_headings_stay_out_of_the_table_of_contents(site: Path) -> None:
    toc = page(site, "essay/jcpoa/").select_one(".md-sidebar--secondary nav")
    assert toc is not None
    text = toc.get_text()
    assert "Cite" not in text and "Terms in this part" not in text


def test_printed_definitions_are_those_of_the_entries_on_the_page(site: Path) -> None:
    """Every entry the page names, nested names included, as a plain search of the source
    text finds them (tests/support/mentions.py), and no other; a term that is one with an
    actor is printed once, as the actor it links to."""
    data = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    by_name = {}
    for kind in ("terms", "actors"):
        for entry in data[kind]:
            text = entry["definition"] if kind == "terms" else entry["description"]
            by_name[entry["term" if kind == "terms" else "name"]] = " ".join(text.split())
    one_with_an_actor = terms_with_an_actor()
    found = {name: expected(forms) for kind, _, name, forms in entries()
             if not (kind == "term" and name in one_with_an_actor)}
    for url in essay_pages(site)[1:]:
        soup = page(site, url)
        section = soup.select_one("section.ed-print-terms")
        assert section.select_one("h2").get_text() == "Terms in this part"
        printed = {dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text().split())
                   for dt in section.select("dt")}
        labels = {"¶" + b["id"][1:] if b["id"][1:].isdigit() else b["id"].replace("-", " ")
                  for b in soup.select("article .essay[id]")}
        named = {name for name, counts in found.items() if labels & set(counts)}
        assert set(printed) == named, url
        for name, summary in printed.items():
            assert by_name[name] == summary, (url, name)
