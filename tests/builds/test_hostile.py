"""One hostile build: every field a contributor writes carries markup, quotes, ``javascript:``
URLs and template syntax, and no page the build publishes gains an element or attribute from it.

The fixture is a copy of the project whose data files are rewritten field by field; the
strict build must pass (hostile text is text, not an error), and the valid-HTML gate runs on
it too. Each field's text carries its own marker, so the test also proves that every field
reached the site, as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from support.build import BuildResult, build, copy_project
from support.nu_known import KNOWN

#: The attributes whose value a browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")
#: Words that occur in the essay as written, used as the hostile entries' forms.
HOSTILE_BLOCK_ID = "hostile"
#: The field of the added note's gloss, the margin's short form of it.
HOSTILE_GLOSS_FIELD = "hostile note.gloss"


def payload(marker: str, *, links: bool = True) -> str:
    """Text that would become markup, script or a template expression if anything let it.

    ``links``: include a Markdown link to ``javascript:`` (notes refuse it as an error, so
    their payload leaves it out and keeps the bare URL as text).
    """
    parts = [
        f'<img src=x onerror="alert(1)" data-pwned="{marker}">',
        f'"><script data-pwned="{marker}">alert(2)</script>',
        # Markup with no character Markdown escapes, so that only HTML escaping stops it.
        f"<u class=pwned{marker}>u</u>",
        f"</a><svg onload=alert(3) data-pwned={marker}>",
        f"[{marker}](javascript:alert(4))" if links else f"javascript:alert(4) {marker}",
        f'{{ onmouseover="alert(5)" data-pwned="{marker}" }}',
        "&lt b data-pwned&gt {{ 7*7 }} {% raw %}x{% endraw %} ${7*7}",
        f"‘{marker}’ \"{marker}\" '{marker}' & R&D, <!-- {marker} -->",
    ]
    return " ".join(parts)


def short(marker: str) -> str:
    """A short payload, for names with a length limit."""
    return f'<b data-pwned="{marker}">"{marker}" {{{{ 7*7 }}}}</b>'


#: Forms that can stand in the essay's text (Markdown leaves them as text), yet carry
#: quotes, an ampersand, a "<" and template syntax.
TERM_FORM = '"Quoted" & {{ 7*7 }} < javascript:alert(6) T-form'
ACTOR_FORM = "'Single' < {% raw %} A-form"


class NoAliases(yaml.SafeDumper):
    """Writes every value out in full: the loaders reject YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def rewrite(path: Path, change: Any) -> Any:
    """Apply ``change`` to the YAML data at ``path``, write it back and check it was written."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    text = yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(text, encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == data
    return data


def hostile_url(marker: str) -> str:
    """A URL the schema accepts (http, URL characters only) that still tries its luck."""
    return f"https://example.org/{marker}/%7B%7B7*7%7D%7D?next=javascript:alert(7)&x=%22%3E%3C"


def hostile_sources(marker: str) -> list[dict[str, str]]:
    return [{"title": payload(f"{marker}s1")[:300], "url": hostile_url(marker)},
            {"title": short(f"{marker}s2"), "url": hostile_url(marker + "b")}]


class Markers:
    """Every marker put into the data, by the field it went into."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}

    def __call__(self, field: str) -> str:
        marker = f"PWN{len(self.fields):03d}X"
        self.fields[marker] = field
        return marker


def make_hostile(project: Path, markers: Markers) -> None:
    """Rewrite the project's data files so that every contributor's field is hostile."""

    def glossary(data: dict[str, Any]) -> None:
        for n, term in enumerate(data["terms"]):
            term["definition"] = payload(markers(f"terms[{n}].definition"))[:400]
            term["note"] = payload(markers(f"terms[{n}].note"))
            term["sources"] = hostile_sources(markers(f"terms[{n}].sources"))
        for n, actor in enumerate(data["actors"]):
            actor["id"] = actor.get("id") or f"actor-{n}"
            actor["name"] = short(markers(f"actors[{n}].name"))
            actor["description"] = payload(markers(f"actors[{n}].description"))[:400]
            actor["note"] = payload(markers(f"actors[{n}].note"))
            actor["sources"] = hostile_sources(markers(f"actors[{n}].sources"))
        # An entry whose forms are hostile too: they occur in a block added to the essay.
        data["terms"].append({
            "term": TERM_FORM, "aliases": [], "category": "phrase",
            "definition": payload(markers("hostile term.definition"))[:400],
            "sources": hostile_sources(markers("hostile term.sources")),
        })
        data["actors"].append({
            "name": short(markers("hostile actor.name")), "id": "hostile-actor",
            "kind": "person", "aliases": [ACTOR_FORM],
            "description": payload(markers("hostile actor.description"))[:400],
            "sources": hostile_sources(markers("hostile actor.sources")),
        })

    def notes(data: dict[str, Any]) -> None:
        for n, note in enumerate(data["notes"]):
            note["note"] = payload(markers(f"notes[{n}].note"), links=False)
            note["sources"] = hostile_sources(markers(f"notes[{n}].sources"))
        data["notes"].append({
            "id": "hostile-note", "quote": TERM_FORM, "kind": "context",
            "gloss": short(markers(HOSTILE_GLOSS_FIELD)),
            "note": payload(markers("hostile note.note"), links=False),
            "sources": hostile_sources(markers("hostile note.sources")),
        })

    def events(data: dict[str, Any]) -> None:
        # An event's sources are the editors' record, shown on no page; its description is.
        # One payload on two events of overlapping dates would be the same event twice, an
        # error: each event gets a year of its own.
        for n, event in enumerate(data["events"]):
            event["description"] = payload(markers(f"events[{n}].description"))[:200]
            event["date"] = str(1900 + n)

    rewrite(project / "glossary.yml", glossary)
    rewrite(project / "notes.yml", notes)
    rewrite(project / "events.yml", events)
    conclusion = project / "docs" / "essay" / "conclusion.md"
    conclusion.write_text(
        conclusion.read_text(encoding="utf-8")
        + f"\nA block with {TERM_FORM} and {ACTOR_FORM} in it.\n"
        f"{{ .essay #{HOSTILE_BLOCK_ID} }}\n",
        encoding="utf-8",
    )


def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Markers]:
    """The hostile build, made once by the ``hostile`` fixture of ``tests/conftest.py`` for
    this module and ``tests/exports/test_hostile_exports.py`` alike (a fixture imported into
    a second module would build again there)."""
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    markers = Markers()
    make_hostile(project, markers)
    result = build(project, root / "site")
    assert result.returncode == 0, f"the hostile build failed:\n{result.output}"
    assert result.warnings == [], result.warnings
    return result, markers


def html_pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_bytes(), "lxml")


def search_fragments(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """The search index's texts, which Material's search inserts into the page as HTML."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            yield f"search: {doc['location']} {key}", BeautifulSoup(doc[key], "lxml")


def injected(soup: BeautifulSoup) -> list[str]:
    """Every element or attribute in ``soup`` that hostile data could have put there."""
    found = []
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            # Any spelling of the payloads' attribute, and any event handler: the site's
            # own markup has none (its scripts are files), so every one came from the data.
            if ("pwned" in name.lower() or name.lower().startswith("on")
                    or (name == "class" and "pwned" in text)):
                found.append(f"<{element.name} {name}={text!r}>")
            if name in URL_ATTRIBUTES and text.strip().lower().startswith("javascript:"):
                found.append(f"<{element.name} {name}={text!r}>")
        if element.name == "script" and "alert" in element.get_text():
            found.append(f"<script>{element.get_text()[:60]}</script>")
        if element.name == "img" and element.get("src") == "x":
            found.append("<img src=x>")
    return found


def test_the_hostile_build_passes_strict(hostile: tuple[BuildResult, Markers]) -> None:
    result, markers = hostile
    assert len(markers.fields) > 300  # every term, actor and note, field by field
    assert (result.site / "index.html").exists()


def test_no_page_gains_an_element_or_attribute_from_the_data(
    hostile: tuple[BuildResult, Markers],
) -> None:
    result, _ = hostile
    problems = []
    pages = list(html_pages(result.site)) + list(search_fragments(result.site))
    assert len(pages) > 50
    for name, soup in pages:
        problems += [f"{name}: {what}" for what in injected(soup)]
    assert problems == []


def test_every_hostile_field_reaches_the_site_as_text(
    hostile: tuple[BuildResult, Markers],
) -> None:
    """The check above is not empty: each field's marker is on some page, as plain text."""
    result, markers = hostile
    text = []
    for _, soup in html_pages(result.site):
        text.append(soup.get_text(" "))
        # A title is shown as a tooltip; an endnote's gloss is put in the margin as text.
        text += [str(v) for e in soup.find_all(True) for k, v in e.attrs.items()
                 if k in ("title", "data-ed-gloss")]
    seen = " ".join(text)
    missing = [field for marker, field in markers.fields.items() if marker not in seen]
    assert missing == []
    assert "{{ 7*7 }}" in seen and "{% raw %}" in seen  # template syntax stays as written
    assert '<img src=x onerror="alert(1)"' in seen  # markup shown as the text it is


def test_the_hostile_forms_are_annotated_as_one_link_each(
    hostile: tuple[BuildResult, Markers],
) -> None:
    result, _ = hostile
    soup = BeautifulSoup((result.site / "essay" / "conclusion" / "index.html").read_bytes(), "lxml")
    block = soup.select_one(f"#{HOSTILE_BLOCK_ID}")
    assert block is not None
    links = [a.get_text() for a in block.select("a.ed-annotation")]
    assert links == [TERM_FORM, ACTOR_FORM]
    assert block.select_one(".ed-noted") is not None  # the hostile note found its words


def test_the_hostile_gloss_is_its_endnote_s_attribute_value_and_nothing_else(
    hostile: tuple[BuildResult, Markers],
) -> None:
    """The margin's short form of a note travels as an attribute's value, which edition.js
    puts in the margin as text: in the page it is that value, whole, and never markup."""
    result, markers = hostile
    (marker,) = [m for m, field in markers.fields.items() if field == HOSTILE_GLOSS_FIELD]
    gloss = short(marker)  # as notes.yml has it
    raw = (result.site / "essay" / "conclusion" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "lxml")
    endnote = soup.select_one("li#note-hostile-note")
    assert endnote is not None
    assert endnote.get("data-ed-gloss") == gloss
    # Escaped where it stands: not a tag, and not an attribute of the endnote or of any
    # element in the page.
    assert gloss not in raw and f'data-pwned="{marker}"' not in raw
    assert soup.select(f'[data-pwned="{marker}"]') == []
    assert injected(BeautifulSoup(str(endnote), "lxml")) == []


def test_the_hostile_site_is_valid_html(hostile: tuple[BuildResult, Markers]) -> None:
    from builds.test_html_valid import check, describe

    result, _ = hostile
    ours = [describe(m) for m in check(result.site) if not any(k.matches(m) for k in KNOWN)]
    assert ours == []
