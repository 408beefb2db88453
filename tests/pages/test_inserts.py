"""Elements put into the Markdown tree at placeholders, as the generated pages use them."""

from __future__ import annotations

import markdown

from edition.pages.inserts import InsertExtension, Inserts, element


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
