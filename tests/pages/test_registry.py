"""Generated pages own their paths: a second claimant is refused, named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.data.glossary import parse
from edition.pages.places import points
from edition.pages.registry import Ids, PathClaimedError, Registry
from support.build import ROOT, build, copy_project


def test_a_second_claimant_is_refused_naming_both() -> None:
    registry: Registry[str] = Registry()
    registry.claim("actors/index.md", None, "the actors index")
    with pytest.raises(PathClaimedError, match=r"^actor 'X' would be published at actors/index.md, "
                       r"which is already the actors index; give it another 'id'.$"):
        registry.claim("actors/index.md", "x", "actor 'X'")
    assert registry["actors/index.md"] is None and list(registry) == ["actors/index.md"]


def test_an_actor_with_the_id_index_fails_the_build_naming_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    actors_at = text.index("\nactors:")
    found = re.compile(r"\n  - name: ([^\n]+)\n").search(text, actors_at)
    assert found is not None
    line = text[: found.start()].count("\n") + 2
    path.write_text(text[: found.start()] + "\n  - id: index\n    name: " + found.group(1)
                    + "\n" + text[found.end():], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    # Refused where the glossary is read, so the quick check says it too.
    assert (f"glossary.yml:{line}: actor '{found.group(1).strip(chr(34))}' has the id 'index', "
            "whose page would be the actors index (actors/index.md); give it another 'id'."
            ) in result.output
    assert "Traceback" not in result.output


def test_ids_are_handed_out_once_each() -> None:
    ids = Ids(("places",))
    assert [ids.claim(i) for i in ("tehran", "tehran", "places", "tehran", "tehran-2")] == [
        "tehran", "tehran-2", "places-2", "tehran-3", "tehran-2-2"]


def test_two_sites_that_slugify_alike_get_two_ids_on_the_places_page() -> None:
    text = (ROOT / "glossary.yml").read_text(encoding="utf-8")
    vienna = 'site: {name: Vienna, what: "Capital'
    assert vienna in text
    # A second site whose name slugifies as Vienna's does, on another entry.
    first = text.index("site: {name: Turkmenchai")
    changed = text[:first] + text[first:].replace(
        "site: {name: Turkmenchai", "site: {name: Viénna", 1)
    glossary = parse(changed.encode())
    found = [point.id for point in points(glossary)]
    assert len(found) == len(set(found))
    assert {"vienna", "vienna-2"} <= set(found)
