"""Elements put into the Markdown tree at placeholders, as the generated pages use them."""

from __future__ import annotations

import markdown

from edition.pages.inserts import InsertExtension, Inserts, block, bullets, element, raw


def render(text: str, inserts: Inserts) -> str:
    return markdown.markdown(text, extensions=["attr_list", InsertExtension(inserts)])


def test_a_placeholder_becomes_its_elements_and_their_text_is_never_markup() -> None:
    inserts = Inserts()
    listing = element("ol")
    item = element("li", "<script>alert(1)</script> *not emphasis* [not](a-link.md)")
    listing.append(item)
    quoted = element("p", "Quoted\n{ #planted .planted onclick='alert(1)' }")
    html = render(f"Before.\n\n{inserts.placeholder([listing, quoted])}\n\nAfter.", inserts)
    # Not even attr_list reads the inserted text: its attribute syntax stays text.
    assert html == (
        "<p>Before.</p>\n<ol><li>&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* "
        "[not](a-link.md)</li></ol><p>Quoted\n{ #planted .planted onclick='alert(1)' }</p>"
        "\n<p>After.</p>"
    )
    assert inserts.waiting() == 0


def test_only_this_builds_tokens_are_replaced_and_each_once() -> None:
    inserts, other = Inserts(), Inserts()
    token = inserts.placeholder([element("p", "placed")])
    foreign = other.placeholder([element("p", "never")])
    html = render(f"{token}\n\n{foreign}\n\n{token}", inserts)
    assert html.count("placed") == 1
    assert foreign in html and token in html  # left as written: the hook reports these
    assert other.waiting() == 1


def test_a_placeholder_inside_other_text_is_left_alone_and_reported() -> None:
    inserts = Inserts()
    token = inserts.placeholder([element("p", "placed")])
    html = render(f"Some words {token}", inserts)
    assert "placed" not in html and inserts.waiting() == 1


def test_a_page_built_as_elements_reads_as_its_markdown_would() -> None:
    """A whole page as one placeholder: its headings reach the table of contents, its HTML
    block is put in as it is, and its text is never read as Markdown or HTML."""
    inserts = Inserts()
    body = [
        block("h1", "Title", class_="ed-heading"),
        block("h2", "A <b>part</b> { #planted }", id="part"),
        block("p", "Words *not emphasis* ", element("a", "a link", href="other.md"), ".",
              class_="ed-summary", **{"data-search-exclude": None}),
        bullets([["one"], ["two ", element("em", "2")]]),
        raw('<figure class="drawn">\n<svg viewBox="0 0 1 1"></svg>\n</figure>'),
        block("p", "After."),
    ]
    md = markdown.Markdown(extensions=["attr_list", "toc", InsertExtension(inserts)])
    html = md.convert(inserts.placeholder(body))
    written = markdown.markdown(
        "# Title { .ed-heading }\n\n## A &lt;b&gt;part&lt;/b&gt; \\{ \\#planted \\} { #part }\n\n"
        "Words \\*not emphasis\\* [a link](other.md).\n{ .ed-summary data-search-exclude }\n\n"
        "- one\n- two *2*\n\n"
        '<figure class="drawn">\n<svg viewBox="0 0 1 1"></svg>\n</figure>\n\nAfter.',
        extensions=["attr_list", "toc"])
    assert html == written
    assert [(t["id"], t["name"]) for t in md.toc_tokens[0]["children"]] == [
        ("part", "A &lt;b&gt;part&lt;/b&gt; { #planted }")]
    assert inserts.waiting() == 0
