"""Annotating the essay in the Markdown element tree (Python-Markdown, no MkDocs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from edition.data.glossary import parse
from edition.text.annotate import AnnotationExtension, Occurrence, nested, subjects, targets
from edition.text.matcher import Matcher
from edition.text.paragraphs import ParagraphNumbersExtension

GLOSSARY = """\
terms:
  - term: JCPOA
    aliases: [Joint Comprehensive Plan of Action]
    category: treaty
    definition: 'The deal of "2015" <script>alert(1)</script> & more'
    sources: [{title: S, url: "https://example.org/s"}]
  - term: Treaty of Turkmenchai
    category: treaty
    definition: The 1828 treaty.
    sources: [{title: S, url: "https://example.org/t"}]
  - term: Turkmenchai
    category: place
    definition: A village.
    sources: [{title: S, url: "https://example.org/v"}]
"""


def render(text: str, mark: str = "every", extra: tuple[Extension, ...] = (),
           once: dict[str, str] | None = None) -> tuple[BeautifulSoup, list[Occurrence]]:
    matcher = Matcher(targets(parse(GLOSSARY.encode())))
    seen: list[Occurrence] = []
    html = markdown.markdown(text, extensions=[
        "attr_list", "md_in_html", "toc", ParagraphNumbersExtension(), *extra,
        AnnotationExtension(matcher, lambda e: f"glossary.md#{e.id}", seen.append, mark,
                            once=(lambda: once) if once is not None else None),
    ])
    return BeautifulSoup(html, "lxml"), seen


def annotated(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup.select("a.ed-annotation")]


def test_terms_in_essay_text_become_links_with_their_definition() -> None:
    soup, seen = render("The *JCPOA* and the Treaty of Turkmenchai.\n{ .essay #p8 }")
    assert annotated(soup) == [("JCPOA", "glossary.md#jcpoa"),
                               ("Treaty of Turkmenchai", "glossary.md#treaty-of-turkmenchai")]
    link = soup.select_one("a.ed-annotation")
    assert link.parent.name == "em"
    assert link["title"] == 'JCPOA: The deal of "2015" <script>alert(1)</script> & more'
    assert soup.select("script") == []
    assert [(o.entry.id, o.block, o.marked, o.nested) for o in seen] == [
        ("jcpoa", "p8", True, False), ("treaty-of-turkmenchai", "p8", True, False),
        ("turkmenchai", "p8", False, True)]  # named inside the treaty's name


def test_the_text_a_reader_sees_is_unchanged() -> None:
    text = "Once the Joint Comprehensive Plan of Action (JCPOA) was agreed, Turkmenchai’s…"
    plain, _ = render(f"{text}\n{{ .essay #p1 }}")
    assert plain.select_one("#p1").get_text() == text
    assert len(plain.select("a.ed-annotation")) == 3


def test_only_the_authors_blocks_are_annotated() -> None:
    soup, seen = render("The editor mentions the JCPOA.\n\n> JCPOA quoted by the editor.")
    assert annotated(soup) == [] and seen == []


def test_headings_links_code_images_and_attributes_are_never_annotated() -> None:
    text = (
        "# The JCPOA { .essay #title }\n\n"
        "A [JCPOA link](x.md), `JCPOA code`, ![JCPOA](i.png), <abbr title='JCPOA'>JCPOA</abbr> "
        "and <span data-x=\"JCPOA\">plain JCPOA</span>.\n{ .essay #p2 }"
    )
    soup, seen = render(text)
    assert soup.select("h1 a.ed-annotation") == []
    assert soup.select_one("div.toc") is None or "ed-annotation" not in str(soup.select_one(".toc"))
    assert [a.get_text() for a in soup.select("a.ed-annotation")] == ["JCPOA"]
    assert soup.select_one("a.ed-annotation").parent.name == "span"
    assert soup.select_one("img")["alt"] == "JCPOA"
    # The essay's title is a heading: its mention counts, but it is not linked.
    assert [(o.text, o.block, o.marked) for o in seen] == [("JCPOA", "title", False),
                                                         ("JCPOA", "p2", True)]


def test_inline_html_that_nests_is_skipped_until_its_outer_element_closes() -> None:
    # Inside <kbd>, a <code> opens and closes: the JCPOA after it is still in the <kbd>.
    soup, seen = render("<kbd><code>JCPOA</code> JCPOA</kbd> and JCPOA.\n{ .essay #p2 }")
    assert [a.parent.name for a in soup.select("a.ed-annotation")] == ["p"]
    assert [(o.block, o.marked) for o in seen] == [("p2", True)]
    assert soup.select_one("kbd").get_text() == "JCPOA JCPOA"


class _StashedElement(InlineProcessor):
    """``[[text]]`` becomes a ``<code>`` element kept in the HTML stash, as extensions may
    stash elements as well as strings (Python-Markdown's ``htmlStash.store``)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # noqa: N802
        element = etree.Element("code")
        element.text = m.group(1)
        return self.md.htmlStash.store(element), m.start(0), m.end(0)


class _Stashing(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(_StashedElement(r"\[\[(.+?)\]\]", md), "stashed", 200)


def test_an_element_in_the_html_stash_is_passed_over() -> None:
    soup, seen = render("[[JCPOA]] and the JCPOA.\n{ .essay #p2 }", extra=(_Stashing(),))
    # md_in_html's postprocessor writes the stashed element; its text is not the annotator's.
    assert soup.select_one("#p2 > code").get_text() == "JCPOA"
    (link,) = soup.select("a.ed-annotation")
    assert link.parent.name == "p" and link.previous_sibling == " and the "
    assert (link.get_text(), link["href"]) == ("JCPOA", "glossary.md#jcpoa")
    assert link["title"] == 'JCPOA: The deal of "2015" <script>alert(1)</script> & more'
    assert [(o.block, o.marked) for o in seen] == [("p2", True)]


def test_annotations_are_never_nested() -> None:
    soup, _ = render("Treaty of Turkmenchai Turkmenchai\n{ .essay #p3 }")
    assert annotated(soup) == [("Treaty of Turkmenchai", "glossary.md#treaty-of-turkmenchai"),
                               ("Turkmenchai", "glossary.md#turkmenchai")]
    assert soup.select("a.ed-annotation a") == []


@pytest.mark.parametrize(
    ("mark", "marked"),
    [("every", [True, True, True]), ("paragraph", [True, False, True]),
     ("page", [True, False, False])],
)
def test_mark_scopes_link_some_occurrences_and_record_all(mark: str, marked: list[bool]) -> None:
    soup, seen = render("JCPOA, JCPOA.\n{ .essay #p1 }\n\nJCPOA.\n{ .essay #p2 }", mark)
    assert len(soup.select("a.ed-annotation")) == sum(marked)
    assert [(o.block, o.marked) for o in seen] == list(zip(["p1", "p1", "p2"], marked,
                                                             strict=True))
    assert soup.select_one("#p1").get_text() == "JCPOA, JCPOA."


@pytest.mark.parametrize(
    ("mark", "marked"),
    [("every", [True, True, True]), ("paragraph", [False, True, True]),
     ("page", [False, True, False])],
)
def test_a_noted_phrase_carries_its_note_and_the_link_goes_to_the_next_mention(
    mark: str, marked: list[bool]
) -> None:
    """One mark per phrase; the words of a note (class ed-noted) link an entry
    only where the paragraph or page names it nowhere else."""
    soup, seen = render("*the JCPOA*{ .ed-noted } and the JCPOA.\n{ .essay #p1 }\n\n"
                        "*the JCPOA*{ .ed-noted }.\n{ .essay #p2 }", mark)
    assert [o.marked for o in seen] == marked
    assert len(soup.select("a.ed-annotation")) == sum(marked)
    assert bool(soup.select(".ed-noted a.ed-annotation")) == (mark != "page")


def test_the_essays_subjects_are_linked_once_in_the_whole_essay() -> None:
    matcher = Matcher(targets(parse(GLOSSARY.encode())))
    blocks = [("b.md", "p2", "The JCPOA again."), ("b.md", "p3", "Nothing here."),
              ("a.md", "p1", "The JCPOA, Turkmenchai."), ("a.md", "standfirst", "The JCPOA."),
              ("a.md", "title", "The JCPOA")]
    # Named in two paragraphs of three: a subject, linked at its first mention after the
    # title (a heading, never linked); Turkmenchai, in one of three, is not.
    once = subjects(matcher, blocks)
    assert once == {"term:jcpoa": "standfirst"}
    soup, seen = render("The JCPOA.\n{ .essay #standfirst }\n\nThe JCPOA and Turkmenchai."
                        "\n{ .essay #p1 }\n\nJCPOA.\n{ .essay #p2 }", "page", once=once)
    assert [(o.block, o.entry.id, o.marked) for o in seen] == [
        ("standfirst", "jcpoa", True), ("p1", "jcpoa", False), ("p1", "turkmenchai", True),
        ("p2", "jcpoa", False)]
    assert [(a.get_text(), a.find_parent(class_="essay")["id"])
            for a in soup.select("a.ed-annotation")] == [("JCPOA", "standfirst"),
                                                         ("Turkmenchai", "p1")]
    # Only mark: page has subjects; every and paragraph link them as ever.
    _, seen = render("JCPOA.\n{ .essay #p1 }", "paragraph", once=once)
    assert [o.marked for o in seen] == [True]


def test_an_unknown_mark_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="mark must be one of every, paragraph, page"):
        render("JCPOA\n{ .essay #p1 }", "sometimes")


NESTED = GLOSSARY + """\
  - term: Iran-Iraq War
    category: event
    definition: The war.
    sources: [{title: S, url: "https://example.org/w"}]
actors:
  - name: Iran
    kind: state
    aliases: [Iran]
    description: A state.
    sources: [{title: S, url: "https://example.org/i"}]
"""


def test_a_name_inside_a_phrase_is_reported_as_nested_but_not_linked() -> None:
    matcher = Matcher(targets(parse(NESTED.encode())))
    seen: list[Occurrence] = []
    html = markdown.markdown(
        "# Iran { #title .essay }\n\nThe Iran-Iraq War. Iranian Iran’s.\n{ .essay #p1 }",
        extensions=["attr_list", AnnotationExtension(matcher, lambda e: f"#{e.id}", seen.append)],
    )
    soup = BeautifulSoup(html, "lxml")
    assert annotated(soup) == [("Iran-Iraq War", "#iran-iraq-war"), ("Iran", "#iran")]
    assert soup.select("a a, h1 a") == []
    assert [(o.entry.id, o.block, o.text, o.marked, o.nested) for o in seen] == [
        ("iran", "title", "Iran", False, False),
        ("iran-iraq-war", "p1", "Iran-Iraq War", True, False),
        ("iran", "p1", "Iran", False, True),
        ("iran", "p1", "Iran", True, False),
    ]
    nested = seen[2]
    assert nested.outer is not None and nested.outer.entry.id == "iran-iraq-war"
    assert nested.context[nested.start:nested.end] == "Iran"


def test_every_other_entry_inside_a_phrase_is_found_once() -> None:
    """Inside "the Tehran Moscow Accord": Iran's two forms ("Tehran Moscow" holds "Moscow"),
    counted once, and the accord's own word, after them, still found."""
    glossary = parse(b"""\
terms:
  - term: Tehran Moscow Accord
    category: treaty
    definition: A made-up accord.
    sources: [{title: S, url: "https://example.org/a"}]
  - term: Accord
    category: term
    definition: An agreement.
    sources: [{title: S, url: "https://example.org/b"}]
actors:
  - name: The axis
    kind: group
    aliases: [Tehran Moscow, Moscow]
    description: Made up.
    sources: [{title: S, url: "https://example.org/c"}]
""")
    matcher = Matcher(targets(glossary))
    text = "the Tehran Moscow Accord"
    (outer,) = [m for m in matcher.finditer(text)]
    found = nested(matcher, text, outer)
    assert [(m.target.entry.id, text[m.start:m.end]) for m in found] == [
        ("the-axis", "Tehran Moscow"), ("accord", "Accord")]


def test_a_placeholder_written_in_the_text_is_no_placeholder() -> None:
    # Python-Markdown drops the control characters of its stash placeholders from the source,
    # so a placeholder written by hand, with an index past the stash, is only text.
    soup, seen = render("The JCPOA \x02wzxhzdk:7\x03 and the JCPOA.\n{ .essay #p2 }")
    assert len(seen) == 2
    assert soup.select_one("#p2").get_text() == "The JCPOA wzxhzdk:7 and the JCPOA."
