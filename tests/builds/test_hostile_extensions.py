"""A Markdown extension that rewrites the author's characters fails the build, saying so,
rather than as an unrelated error later (``smarty`` had surfaced as "'' crosses the edge of
another marked passage" from the TEI export)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.build import build, copy_project, replace_once


@pytest.mark.parametrize(("extension", "written", "published"), [
    ("smarty", "Iran's", "Iran’s"),
    ("pymdownx.smartsymbols", "(c)", "©"),
])
def test_a_typographer_extension_fails_the_build_naming_it(
        tmp_path: Path, extension: str, written: str, published: str) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "markdown_extensions:\n",
                 f"markdown_extensions:\n  - {extension}\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"mkdocs.yml: the Markdown extension '{extension}' rewrites the author's characters"
            in result.output), result.output
    assert f"'{written}' becomes '{published}'" in result.output
    assert "crosses the edge" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_smarty_with_every_substitution_off_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "markdown_extensions:\n",
                 "markdown_extensions:\n  - smarty:\n      smart_quotes: false\n"
                 "      smart_dashes: false\n      smart_ellipses: false\n")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.warnings
    assert (tmp_path / "site" / "index.html").exists()
