"""Citations of the essay as this edition republishes it, against citations written by hand.

The expected citations of ¶4 and ¶9 below were written by hand from the manuals' rules for a
work republished in an edited collection (not from the renderer's output):

- Chicago 18: CMOS 14.111 (previously published material: "originally published in"), the
  note form of 14.20–14.22 ("ed." in notes, "edited by" in the bibliography), paragraph
  locators "par." (14.154), headline-style titles with prepositions lowercase (8.160).
- MLA 9: two containers (5.85–5.91: the original first, the edition second), "edited by"
  (5.17), version (5.30), day-month-year with abbreviated months (appendix 1), URLs without
  "https://" (5.93), an access date (5.111); in-text "(Ansari, par. 9)" (6.21).
- APA 7: a republished work (9.41 pattern; 8.15 in text: "2022/2026"), sentence-case titles
  (6.17), version and description in brackets (10.10), "(Original work published 2022)" last.

The edition's facts are set here (a test edition); tests/reader/test_edition.py checks that
the site uses mkdocs.yml's.
"""

from __future__ import annotations

from pybtex.database import parse_string

from edition.reader.citations import ACCESS_PLACEHOLDER, bibtex, key, styled
from edition.reader.work import Edition, headline
from support.essay import source_blocks
from support.work import ESSAY

KEY = key(ESSAY)

EDITION = Edition(title="Russia and Iran: an annotated edition",
                  editors="The editors of Russia and Iran: an annotated edition",
                  version="1.0.0", year=2026, month=12, day=2, url="https://example.org/ed/")
P4 = "https://example.org/ed/essay/post-soviet/#p4"
P9 = "https://example.org/ed/essay/jcpoa/#p9"
ORIGINAL = ("https://engelsbergideas.com/essays/"
            "how-russia-and-iran-have-united-in-antipathy-towards-the-west/")
TODAY = ACCESS_PLACEHOLDER  # what the page holds until the script writes the reader's day

# No person is named as the edition's editor ("The editors of" its own title): every style
# cites the edition by its title alone, the container of the essay (CMOS 18 14.76, MLA 9 5.17,
# APA 7 10.3), never its title again as an editor.
CHICAGO_NOTE_4 = (
    "Ali Ansari, “How Russia and Iran Have United in Antipathy towards the West,” in Russia "
    "and Iran: An Annotated Edition, version 1.0.0 (December 2, 2026), par. 4, "
    "https://example.org/ed/essay/post-soviet/#p4, originally published in Engelsberg Ideas, "
    "August 15, 2022, " + ORIGINAL + ".")
CHICAGO_NOTE_9 = (
    "Ali Ansari, “How Russia and Iran Have United in Antipathy towards the West,” in Russia "
    "and Iran: An Annotated Edition, version 1.0.0 (December 2, 2026), par. 9, "
    "https://example.org/ed/essay/jcpoa/#p9, originally published in Engelsberg Ideas, "
    "August 15, 2022, " + ORIGINAL + ".")
CHICAGO_BIBLIOGRAPHY = (
    "Ansari, Ali. “How Russia and Iran Have United in Antipathy towards the West.” In Russia "
    "and Iran: An Annotated Edition. Version 1.0.0, December 2, 2026. https://example.org/ed/. "
    "Originally published in Engelsberg Ideas, August 15, 2022. " + ORIGINAL + ".")
MLA_IN_TEXT_4, MLA_IN_TEXT_9 = "(Ansari, par. 4)", "(Ansari, par. 9)"
MLA_WORKS_CITED = (
    "Ansari, Ali. “How Russia and Iran Have United in Antipathy towards the West.” Engelsberg "
    "Ideas, 15 Aug. 2022, engelsbergideas.com/essays/how-russia-and-iran-have-united-in-"
    "antipathy-towards-the-west/. Russia and Iran: An Annotated Edition, version 1.0.0, "
    f"2 Dec. 2026, example.org/ed/. Accessed {TODAY}.")
APA_IN_TEXT_4, APA_IN_TEXT_9 = "(Ansari, 2022/2026, para. 4)", "(Ansari, 2022/2026, para. 9)"
# The version and the description follow the edition's title, which they describe.
APA_REFERENCE = (
    "Ansari, A. (2026). How Russia and Iran have united in antipathy towards the West. In "
    "Russia and Iran: An annotated edition (Version 1.0.0) [Annotated digital edition]. "
    "https://example.org/ed/ (Original work published 2022)")
#: An edition that names a person as its editor (written by hand from the same rules).
NAMED = Edition(title="Russia and Iran: an annotated edition", editors="Jane Doe",
                version="1.0.0", year=2026, month=12, day=2, url="https://example.org/ed/")


def forms(url: str, paragraph: int | None) -> dict[str, tuple[str, ...]]:
    return {s.key: tuple(f.text for f in s.forms) for s in styled(ESSAY, EDITION, url, paragraph)}


def test_the_work_is_the_essay_as_the_source_gives_it() -> None:
    blocks = {b.label: b.text for b in source_blocks()}
    assert ESSAY.title == blocks["title"]
    assert ESSAY.author == blocks["byline"]
    home = (source_blocks.__globals__["FIXTURE"].parents[2] / "docs/index.md").read_text()
    assert ESSAY.original_url == ORIGINAL and ORIGINAL in home
    assert "on 15 August 2022" in home and (ESSAY.year, ESSAY.month, ESSAY.day) == (2022, 8, 15)


def test_paragraph_4_in_every_style() -> None:
    found = forms(P4, 4)
    assert found["chicago"] == (CHICAGO_NOTE_4, CHICAGO_BIBLIOGRAPHY)
    assert found["mla"] == (MLA_IN_TEXT_4, MLA_WORKS_CITED)
    assert found["apa"] == (APA_IN_TEXT_4, APA_REFERENCE)


def test_paragraph_9_in_every_style() -> None:
    found = forms(P9, 9)
    assert found["chicago"] == (CHICAGO_NOTE_9, CHICAGO_BIBLIOGRAPHY)
    assert found["mla"] == (MLA_IN_TEXT_9, MLA_WORKS_CITED)
    assert found["apa"] == (APA_IN_TEXT_9, APA_REFERENCE)


def test_the_bibliography_entry_is_the_same_from_every_paragraph() -> None:
    count = sum(b.label.startswith("¶") for b in source_blocks())
    assert count >= 15
    entries = {tuple(s.forms[1].text for s in styled(ESSAY, EDITION, f"{EDITION.url}x/#p{n}", n))
               for n in [None, *range(1, count + 1)]}
    assert len(entries) == 1


def test_the_whole_essay_has_no_locator() -> None:
    found = forms(EDITION.url, None)
    assert found["mla"][0] == "(Ansari)"
    assert found["apa"][0] == "(Ansari, 2022/2026)"
    assert " par. " not in found["chicago"][0]


def test_italics_for_the_containers_only() -> None:
    allowed = {"Engelsberg Ideas", "Russia and Iran: An Annotated Edition",
               "Russia and Iran: An annotated edition"}
    for style in styled(ESSAY, EDITION, P9, 9):
        for form in style.forms:
            italic = {"".join(i.itertext()) for i in form.element.iter("i")}
            assert italic <= allowed, (style.key, form.label, italic)
            if form.label in ("Bibliography", "Works cited", "Reference list"):
                assert italic, (style.key, form.label)


def test_the_access_date_is_left_for_the_script() -> None:
    mla = styled(ESSAY, EDITION, P9, 9)[1].forms[1].element
    dates = [e for e in mla.iter("span") if e.get("data-ed-today") == "mla"]
    assert len(dates) == 1 and dates[0].text == TODAY


def test_headline_style_lowercases_prepositions_whatever_their_length() -> None:
    assert headline("How Russia and Iran have united in antipathy towards the West") == (
        "How Russia and Iran Have United in Antipathy towards the West")
    assert headline("Russia and Iran: an annotated edition") == (
        "Russia and Iran: An Annotated Edition")


def test_bibtex_is_one_biblatex_entry_for_the_essay_in_this_edition() -> None:
    """Written by hand from the biblatex manual (2.2.2): what the reader consulted is the
    chapter in this edition (``@incollection``: ``booktitle``, ``version``, ``date`` of
    revision, ``url`` and ``urldate``), the original's date in ``origdate`` and the original
    publication in ``note``, so no field puts Engelsberg Ideas at this edition's address; no
    ``editor`` where no one is named, and no BibTeX-only ``year``/``month`` beside ``date``."""
    text = bibtex(ESSAY, EDITION)
    assert text.startswith("@incollection{ansari2022,")
    entry = parse_string(text, "bibtex").entries[KEY]
    assert KEY == "ansari2022" and entry.type == "incollection"
    assert str(entry.persons["author"][0]) == "Ansari, Ali"
    assert "editor" not in entry.persons
    assert dict(entry.fields) == {
        "title": "How Russia and Iran have united in antipathy towards the West",
        "booktitle": "Russia and Iran: An Annotated Edition",
        "version": "1.0.0",
        "date": "2026-12-02",
        "url": "https://example.org/ed/",
        "urldate": "YYYY-MM-DD",
        "origdate": "2022-08-15",
        "note": "Originally published in Engelsberg Ideas, 15 August 2022, " + ORIGINAL,
        "langid": "english",
    }
    assert "Paragraph" not in text and "#p" not in text
    named = parse_string(bibtex(ESSAY, NAMED), "bibtex").entries[KEY]
    assert [str(p) for p in named.persons["editor"]] == ["Doe, Jane"]


def test_a_named_editor_is_named_and_the_title_is_never_an_editor() -> None:
    found = {s.key: tuple(f.text for f in s.forms) for s in styled(ESSAY, NAMED, P4, 4)}
    assert ", ed. Jane Doe, version 1.0.0 (December 2, 2026), par. 4," in found["chicago"][0]
    assert "Edition, edited by Jane Doe. Version 1.0.0," in found["chicago"][1]
    assert "Edition, edited by Jane Doe, version 1.0.0," in found["mla"][1]
    for style in styled(ESSAY, EDITION, P4, 4):
        for form in style.forms:
            assert "editors of" not in form.text.casefold() and "(Eds.)" not in form.text


def test_a_note_is_cited_as_the_editors_note_on_its_paragraph() -> None:
    """#23: written by hand: the note's number, "on par. N of" the essay in the edition (CMOS
    paragraph locator "par."), the edition's version and date, and the note's own address."""
    from edition.reader.citations import note_citation

    url = "https://example.org/ed/essay/post-soviet/#note-following-year"
    assert "".join(note_citation(ESSAY, EDITION, 12, "¶4", url).itertext()) == (
        "Editors’ note 12, on par. 4 of Ali Ansari, “How Russia and Iran Have United in "
        "Antipathy towards the West,” in Russia and Iran: An Annotated Edition, version 1.0.0 "
        "(December 2, 2026), "
        "https://example.org/ed/essay/post-soviet/#note-following-year.")
    assert "".join(note_citation(ESSAY, EDITION, 1, "title", url).itertext()).startswith(
        "Editors’ note 1, on the title of Ali Ansari, “How Russia")
