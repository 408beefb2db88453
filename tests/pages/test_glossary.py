"""The glossary page of a real build, entry by entry, against glossary.yml as written."""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag

from support.data import as_read, plain, raw_entries
from support.site import page


def entry_parts(heading: Tag) -> list[Tag]:
    """The elements of an entry: everything after its heading, up to the next one."""
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def test_each_entry_gives_its_other_names_definition_note_and_sources(site: Path) -> None:
    glossary = page(site, "glossary/")
    terms = [entry for entry in raw_entries() if entry.kind == "term"]
    assert any(t.raw.get("aliases") for t in terms) and any(t.raw.get("note") for t in terms)
    for term in terms:
        parts = entry_parts(glossary.find("h2", id=term.id))
        by_class = {cls: [p for p in parts if cls in p.get("class", [])
                          and "ed-identifiers" not in p.get("class", [])]  # its own line
                    for cls in ("ed-gl-meta", "ed-gl-definition", "ed-gl-note", "ed-gl-sources")}
        (meta,) = by_class["ed-gl-meta"]
        aliases = term.raw.get("aliases", [])
        also = (" · in the text also as " + ", ".join(f"“{a}”" for a in aliases)) if aliases else ""
        assert meta.get_text().endswith(also) and ("also as" in meta.get_text()) == bool(also)
        assert [p.get_text() for p in by_class["ed-gl-definition"]] == [term.summary]
        note = term.raw.get("note")
        assert [p.get_text() for p in by_class["ed-gl-note"]] == ([as_read(note)] if note else [])
        (sources,) = by_class["ed-gl-sources"]
        assert [(a.get_text(), a["href"]) for a in sources.select("a")] == [
            (plain(s["title"]), s["url"]) for s in term.raw["sources"]], term.id
