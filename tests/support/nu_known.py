"""Errors the Nu HTML Checker reports in Material for MkDocs' own markup, not ours.

One place, each with the reason and an upstream reference. An entry matches one message
and the markup it is about, never a whole class of errors; an entry that no longer
matches anything fails the test, so the list cannot go stale.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    """An error Material emits: the checker's message, the markup, why, and where upstream."""

    message: str
    markup: str
    reason: str
    upstream: str

    def matches(self, message: dict) -> bool:
        """Whether a checker message (``--format json``) is this known error."""
        return _quotes(message.get("message", "")) == self.message and self.markup in (
            message.get("extract") or ""
        )


def _quotes(text: str) -> str:
    """The checker quotes names with “ ” or ' depending on how it is run."""
    return text.translate(str.maketrans({"“": "'", "”": "'", "‘": "'", "’": "'"}))


MATERIAL_VERSION = "9.8.2"

KNOWN: tuple[Known, ...] = (
    Known(
        message="Attribute 'autocomplete' is only allowed when the input type is 'color', "
        "'date', 'datetime-local', 'email', 'hidden', 'month', 'number', 'password', 'range', "
        "'search', 'tel', 'text', 'time', 'url', or 'week'.",
        markup='type="checkbox" id="__drawer" autocomplete="off"',
        reason="Material's base.html puts autocomplete=off on its drawer toggle checkbox so "
        "that Firefox does not restore it on reload; HTML does not allow the attribute there.",
        upstream="https://github.com/squidfunk/mkdocs-material/issues/1513",
    ),
    Known(
        message="Attribute 'autocomplete' is only allowed when the input type is 'color', "
        "'date', 'datetime-local', 'email', 'hidden', 'month', 'number', 'password', 'range', "
        "'search', 'tel', 'text', 'time', 'url', or 'week'.",
        markup='type="checkbox" id="__search" autocomplete="off"',
        reason="The same, on Material's search toggle checkbox (base.html).",
        upstream="https://github.com/squidfunk/mkdocs-material/issues/1513",
    ),
    Known(
        message="Bad value '' for attribute 'tabindex' on element 'label': The empty string "
        "is not a valid integer.",
        markup='class="md-nav__link" for="__nav_',
        reason="With navigation.sections, Material's partials/nav-item.html sets tabindex only "
        "for non-section labels ({% set tabindex = \"0\" if not is_section %}) and renders "
        "tabindex=\"\" for section labels.",
        upstream="https://github.com/squidfunk/mkdocs-material/blob/9.8.2/material/templates/"
        "partials/nav-item.html",
    ),
)
