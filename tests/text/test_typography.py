"""text/typography.py: which configured Markdown extensions rewrite the author's characters."""

from __future__ import annotations

from edition.text.typography import rewriting_extensions


def test_the_project_extensions_rewrite_nothing() -> None:
    assert rewriting_extensions(["attr_list", "md_in_html", "toc", "tables", "footnotes",
                                 "abbr", "pymdownx.caret", "pymdownx.tilde"], {}) == []


def test_smarty_and_smartsymbols_are_named_with_what_they_change() -> None:
    found = rewriting_extensions(["toc", "smarty", "pymdownx.smartsymbols"], {})
    assert [p.split("'")[1] for p in found] == ["smarty", "pymdownx.smartsymbols"]
    assert "'Iran's' becomes 'Iran’s'" in found[0] and "'(c)' becomes '©'" in found[1]


def test_smarty_with_its_substitutions_off_passes() -> None:
    off = {"smart_quotes": False, "smart_dashes": False, "smart_ellipses": False}
    assert rewriting_extensions(["smarty"], {"smarty": off}) == []
    assert len(rewriting_extensions(["smarty"], {"smarty": {"smart_dashes": False}})) == 1


def test_an_extension_that_cannot_load_is_left_to_mkdocs() -> None:
    assert rewriting_extensions(["no_such_extension_here"], {}) == []
