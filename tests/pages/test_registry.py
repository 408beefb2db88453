"""Generated pages own their paths (issue 25): a second claimant is refused, named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.pages.registry import PathClaimedError, Registry
from support.build import build, copy_project


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
    assert (f"glossary.yml:{line}: actor '{found.group(1).strip(chr(34))}' (id 'index', line "
            f"{line}) would be published at actors/index.md, which is already the actors index; "
            "give it another 'id'.") in result.output
    assert "Traceback" not in result.output
