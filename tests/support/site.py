"""Reading a built site the way a reader meets it: page after page, visible text only."""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from support.essay import Block

#: Elements whose own text is one block of what a reader sees.
TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th",
               "figcaption", "caption", "summary")
#: Elements that never show their text.
INVISIBLE = ("script", "style", "template", "noscript")


def page(site: Path, url: str) -> BeautifulSoup:
    """Parse the page at site-relative ``url`` (e.g. ``essay/jcpoa/``)."""
    return BeautifulSoup(url_to_file(site, url).read_text(encoding="utf-8"), "lxml")


def url_to_file(site: Path, url: str) -> Path:
    """The file that serves site-relative ``url``."""
    path = unquote(urlsplit(url).path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site / path


def resolve(base_url: str, href: str) -> str:
    """Resolve ``href`` found on the page at ``base_url`` to a site-relative URL."""
    parts = urlsplit(href)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname("/" + base_url), parts.path))
    url = joined.lstrip("/")
    if parts.path.endswith("/") and url:
        url += "/"
    url = url if url != "." else ""
    return f"{url}#{parts.fragment}" if parts.fragment else url


def reading_order(site: Path, start: str = "") -> list[str]:
    """Site-relative URLs from ``start``, following each page's "Next" link to the end."""
    urls, url = [], start
    while url is not None:
        if url in urls or len(urls) > 500:
            raise AssertionError(f"'Next' links loop back to {url!r}")
        urls.append(url)
        link = page(site, url).select_one("a.md-footer__link--next")
        url = resolve(url, link["href"]) if link else None
    return urls


#: The white space HTML collapses (its "ASCII whitespace"), and nothing else.
HTML_SPACE_CHARS = " \t\n\f\r"
HTML_SPACE = re.compile(f"[{HTML_SPACE_CHARS}]+")


def visible_text(element: Tag) -> str:
    """The text of ``element`` as rendered: invisible parts dropped, white space collapsed.

    Only the white space that HTML collapses (space, tab, line feed, form feed, carriage
    return) is collapsed; any other space character (an em space, a no-break space) is text
    and must match the source exactly.
    """
    element = BeautifulSoup(str(element), "lxml")
    for hidden in element.select(", ".join(INVISIBLE) + ", [hidden], .headerlink"):
        hidden.decompose()
    return HTML_SPACE.sub(" ", element.get_text()).strip(HTML_SPACE_CHARS)


def text_blocks(soup: BeautifulSoup) -> Iterator[str]:
    """The visible text blocks of a page's article, in document order."""
    article = soup.select_one("article")
    if article is None:
        raise AssertionError("page has no <article>")
    for element in article.find_all(TEXT_BLOCKS):
        if element.find_parent(INVISIBLE) or element.find(TEXT_BLOCKS):
            continue
        text = visible_text(element)
        if text:
            yield text


def describe_difference(expected: str, found: str) -> str:
    """Say where ``found`` first departs from ``expected``, naming the characters."""
    index = next(
        (i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
        min(len(expected), len(found)),
    )

    def name(text: str) -> str:
        if index >= len(text):
            return "end of text"
        char = text[index]
        return f"{char!r} U+{ord(char):04X} {unicodedata.name(char, '?')}"

    context = expected[max(0, index - 30):index]
    return (
        f"at character {index + 1}, after {context!r}: "
        f"expected {name(expected)}, found {name(found)}"
    )


def fidelity_problems(site: Path, blocks: list[Block]) -> list[str]:
    """Check that the essay's blocks appear verbatim, once each and in order, in reading order.

    Returns a list of problems, empty when the text is faithful.
    """
    seen: list[tuple[str, str]] = [
        (url, text) for url in reading_order(site) for text in text_blocks(page(site, url))
    ]
    texts = [text for _, text in seen]
    problems: list[str] = []
    position = -1
    for block in blocks:
        found = [i for i, text in enumerate(texts) if text == block.text]
        if not found:
            close = difflib.get_close_matches(block.text, texts, n=1, cutoff=0.8)
            where = ""
            if close:
                url = seen[texts.index(close[0])][0] or "home page"
                where = f"; closest block on {url}: {describe_difference(block.text, close[0])}"
            problems.append(f"{block.label} is missing or altered{where}")
            continue
        if len(found) > 1:
            pages = ", ".join(seen[i][0] or "home page" for i in found)
            problems.append(f"{block.label} appears {len(found)} times ({pages})")
        if found[0] < position:
            problems.append(f"{block.label} is out of order")
        position = max(position, found[0])
    return problems
