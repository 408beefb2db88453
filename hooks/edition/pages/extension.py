"""The glossary annotation as an ordinary Python-Markdown extension, without MkDocs.

Tooltips then survive on any generator built on Python-Markdown (Zensical, Pelican, a
plain script): every glossary form in the essay's blocks becomes a link to the entry on the
published edition, with the entry's summary as its ``title``::

    markdown.Markdown(
        extensions=["attr_list", "edition.pages.extension"],
        extension_configs={"edition.pages.extension": {
            "glossary": "glossary.yml", "base_url": "https://example.org/edition/"}},
    )

It lives with the pages because it links to where the generated pages put each entry; the
generated pages themselves still need the MkDocs hook (ARCHITECTURE.md, "Past Material's
end of life"). The essay's blocks are marked ``{ .essay }`` with ``attr_list``, which the
extension loads if it is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

from edition.data import store
from edition.data.datafile import MAX_BYTES, schema_digest
from edition.data.glossary import SPEC, Entry, load, parse
from edition.pages.links import home
from edition.text.annotate import MARK_SCOPES, AnnotationExtension, targets
from edition.text.matcher import Matcher


def url(entry: Entry, base_url: str) -> str:
    """The address of ``entry`` on the built site (directory URLs, as MkDocs writes them; an
    entry's home is never an ``index.md``)."""
    path, _, anchor = home(entry).partition("#")
    return base_url + path.removesuffix(".md") + "/" + (f"#{anchor}" if anchor else "")


#: Each option's help, for a person (Python-Markdown's ``getConfigInfo``).
_HELP = {
    "glossary": "The glossary file (glossary.yml)",
    "base_url": "The published edition's address, ending in '/' (or '')",
    "mark": "Which occurrences become links: " + ", ".join(MARK_SCOPES),
}


#: The glossary last read from each file and its compiled matcher, kept with the file's
#: content, never by a time stamp: a generator makes a new ``Markdown`` for every page
#: (MkDocs does), and each calls ``extendMarkdown`` again; the same bytes are read,
#: validated and compiled once, and any change to them is read again. The bytes held are
#: compared with the bytes read (no hash to compute for every page).
_COMPILED: dict[Path, tuple[bytes, Matcher[Any]]] = {}


def compiled(path: Path) -> Matcher[Any]:
    """The matcher of the glossary at ``path``, made once for the same content."""
    key = path.resolve()
    try:
        if path.stat().st_size > MAX_BYTES:
            load(path)  # refused, in load's own words (the file's size, what to do)
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        load(path)  # raises the DataFileError that names the file and says what to fix
        raise
    cached = _COMPILED.get(key)
    if cached is not None and cached[0] == data:
        return cached[1]
    # No map is drawn here: its outlines, the costliest part of the check, are not read. A
    # new process finds a sound reading of the same bytes on disk (edition.data.store).
    glossary = store.made(store.key("extension-glossary", path.name, data, schema_digest(SPEC)),
                          lambda: parse(data, path.name, map_check=False))
    matcher: Matcher[Any] = Matcher(targets(glossary))
    _COMPILED[key] = (data, matcher)
    return matcher


class GlossaryExtension(Extension):
    """Annotate the essay's blocks with the glossary at ``glossary``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary": ["glossary.yml", _HELP["glossary"]],
            "base_url": ["", _HELP["base_url"]],
            "mark": ["page", _HELP["mark"]],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        matcher = compiled(Path(self.getConfig("glossary")))  # a DataFileError says what to fix
        base_url = str(self.getConfig("base_url"))
        mark = str(self.getConfig("mark"))
        if mark not in MARK_SCOPES:
            raise ValueError(f"mark must be one of {', '.join(MARK_SCOPES)}, not {mark!r}")
        md.registerExtensions(["attr_list"], {})  # again, if it is there: no harm
        links: dict[tuple[str, str], str] = {}

        def link_for(entry: Entry) -> str:
            key = (entry.kind, entry.id)
            if key not in links:
                links[key] = url(entry, base_url)
            return links[key]

        AnnotationExtension(matcher, link_for, mark=mark).extendMarkdown(md)


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 (Markdown's API)
    """The extension, as Python-Markdown loads it by name."""
    return GlossaryExtension(**kwargs)
