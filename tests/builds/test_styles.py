"""The stylesheets and the pages agree: every class of the edition's own that
``docs/assets/edition.css`` (or the charts' ``edition-charts.css``) styles is on an element of
the built site, or is one that ``edition.js`` (or the notes page's script) sets in the
browser. A class renamed on one side only (the notes' "back" link, a timeline lane, a cite
button) leaves its rule styling nothing, which no other CPU test sees."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import tinycss2
from bs4 import BeautifulSoup

from support.build import ROOT

ASSETS = ROOT / "docs" / "assets"
#: The edition's stylesheets and scripts: the reader's, and those only some pages link.
STYLESHEETS = sorted(ASSETS.glob("*.css"))
SCRIPTS = sorted(ASSETS.glob("*.js"))


def styled_classes(rules: list) -> Iterator[str]:  # type: ignore[type-arg]
    """The class names in the selectors of ``rules``, inside ``@media`` blocks too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            tokens = list(rule.prelude)
            for dot, name in itertools.pairwise(tokens):
                if dot.type == "literal" and dot.value == "." and name.type == "ident":
                    yield name.value
        elif rule.type == "at-rule" and rule.content is not None:
            yield from styled_classes(tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True))


def test_every_class_the_stylesheet_styles_is_on_the_site_or_set_by_the_script(
        site: Path) -> None:
    assert [p.name for p in STYLESHEETS] == ["edition-charts.css", "edition.css"]
    ours: set[str] = set()
    for path in STYLESHEETS:
        sheet = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"),
                                          skip_comments=True, skip_whitespace=True)
        assert not [r for r in sheet if r.type == "error"], path.name
        ours |= {name for name in styled_classes(sheet) if name.startswith("ed-")}
    assert len(ours) > 40
    script = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    on_site: set[str] = set()
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("[class]"):
            on_site.update(element["class"])
    unused = sorted(name for name in ours if name not in on_site and name not in script)
    assert unused == [], f"edition.css styles classes nothing has: {unused}"


def _nested(rules: list, inside: str = "") -> Iterator[str]:  # type: ignore[type-arg]
    """Rules found inside a rule's declarations: a brace left open (or nesting, which the
    stylesheet does not use) that swallows every rule after it."""
    for rule in rules:
        if rule.type == "qualified-rule":
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                       skip_whitespace=True):
                if item.type != "declaration":
                    yield (f"line {item.source_line}: a {item.type} inside the rule of line "
                           f"{rule.source_line}{inside}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            yield from _nested(tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True),
                f" (in the @{rule.lower_at_keyword} of line {rule.source_line})")


def test_no_rule_is_left_open_to_swallow_the_rules_after_it() -> None:
    """A merge once dropped the two braces closing the print block, and every rule after
    it (the places map's) became part of one print-only rule."""
    for path in STYLESHEETS:
        rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True,
                                          skip_whitespace=True)
        assert list(_nested(rules)) == [], path.name
