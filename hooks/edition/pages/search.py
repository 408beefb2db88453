"""#24: the search index by paragraph: a hit in the essay lands on its ¶N.

Material's search plugin makes one document per page section (split at headings), so a
hit in the essay opened the top of its part. After the build, each numbered paragraph of
an essay page becomes a document of its own, ``essay/jcpoa/#p9`` titled "The JCPOA years
· ¶9", and leaves the page's document, so that each sentence is still found once. A
paragraph's document also carries the listed spelling variants of the entries it names
("Turkmenchay"), so that a search by any spelling finds the passages too.
"""

from __future__ import annotations

from html import escape
from typing import Any

from lxml import html as lxml_html

from edition.text.paragraphs import PARAGRAPH_ID


def _plain(text: str) -> str:
    return " ".join(text.split())


def by_paragraph(
    index: dict[str, Any], pages: dict[str, tuple[str, str]],
    variants: dict[tuple[str, str], list[str]],
) -> dict[str, Any]:
    """``index`` (Material's search_index.json) with a document per essay paragraph.

    ``pages`` maps an essay page's URL to its title and built HTML; ``variants`` maps
    ``(page URL, paragraph id)`` to the spelling variants of the entries it names.
    """
    docs: list[dict[str, Any]] = []
    added: set[str] = set()
    for doc in index["docs"]:
        url = doc["location"].split("#")[0]
        if url not in pages:
            docs.append(doc)
            continue
        # Every section of an essay page (the page, its h1, its notes) loses the numbered
        # paragraphs, which become documents of their own after the page's first.
        title, html = pages[url]
        page = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
        paragraphs = [p for p in page.iter("p") if PARAGRAPH_ID.fullmatch(p.get("id", ""))]
        texts = {_plain(p.text_content()) for p in paragraphs}
        rest = lxml_html.fragment_fromstring(doc["text"] or "<p></p>", create_parent="div")
        for element in list(rest.iter("p")):
            if _plain(element.text_content()) in texts:
                element.drop_tree()
        kept = "".join(lxml_html.tostring(child, encoding="unicode") for child in rest)
        docs.append({**doc, "text": _plain(escape((rest.text or ""), quote=False) + kept)})
        if url in added:
            continue
        added.add(url)
        for p in paragraphs:
            text = _plain(p.text_content())
            also = variants.get((url, p.get("id")))
            if also:
                text += " (also spelled " + ", ".join(sorted(set(also))) + ")"
            anchor = p.get("id")
            # Material renders a document's text as HTML: text in it is escaped.
            docs.append({"location": f"{url}#{anchor}",
                         "title": f"{title} · ¶{anchor[1:]}", "text": escape(text, quote=False)})
    return {**index, "docs": docs}
