"""Where the essay names each glossary entry, by a plain search of the source text.

Built from the raw YAML of ``glossary.yml`` and ``tests/fixtures/essay.txt`` alone, never
through the edition's loader or matcher. The rule searched for is the one the
actors index states ("What counts as a mention"): a form is found as whole words, where an
apostrophe or a hyphen ends a word (so "Iran's" and "Iran-Iraq War" name Iran, "Iranian"
does not); a plural or a demonym only where the entry lists it; a name inside a longer
phrase counts; the entry's case rule applies. An actor one with a glossary term (``term:``)
is found by both entries' forms, and counts for both.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import yaml

from support.build import ROOT
from support.data import slug
from support.essay import source_blocks

RAW = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
APOSTROPHES = "'’‘ʼ"
HYPHENS = "-‐‑‒–"


def _own_forms(raw: dict[str, Any]) -> list[str]:
    return ([raw["term"]] if "term" in raw else []) + list(raw.get("aliases") or [])


def _term_of(actor: dict[str, Any]) -> dict[str, Any] | None:
    """The raw term an actor names with ``term:`` (by its term or an alias)."""
    if "term" not in actor:
        return None
    return next(t for t in RAW["terms"] if actor["term"] in _own_forms(t))


def _actor_of(term: dict[str, Any]) -> dict[str, Any] | None:
    return next((a for a in RAW.get("actors", []) if _term_of(a) is term), None)


def entries() -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """Every entry of the raw YAML: (kind, id, name, [(form, case rule)]), its forms with
    those of the actor or term it is one with."""
    found = []
    for raw in RAW["terms"]:
        actor = _actor_of(raw)
        forms = [(f, raw.get("case", "auto")) for f in _own_forms(raw)]
        forms += [(f, actor.get("case", "auto")) for f in _own_forms(actor)] if actor else []
        found.append(("term", raw.get("id") or slug(raw["term"]), raw["term"], forms))
    for raw in RAW.get("actors", []):
        term = _term_of(raw)
        forms = [(f, raw.get("case", "auto")) for f in _own_forms(raw)]
        forms += [(f, term.get("case", "auto")) for f in _own_forms(term)] if term else []
        found.append(("actor", raw.get("id") or slug(raw["name"]), raw["name"], forms))
    return found


def terms_with_an_actor() -> set[str]:
    """The names of the terms that are one with an actor (its ``term:``): one annotation,
    which links to the actor."""
    return {_term_of(actor)["term"] for actor in RAW.get("actors", []) if "term" in actor}


def forms_of(kind: str, entry_id: str) -> list[tuple[str, str]]:
    """The forms of the entry ``entry_id`` of ``kind``, with their case rules."""
    return next(forms for k, i, _, forms in entries() if (k, i) == (kind, entry_id))


def form_pattern(form: str, case: str) -> re.Pattern[str]:
    """A plain regex for ``form`` as whole words: apostrophes, hyphens and spaces loosened."""
    parts = []
    for index, char in enumerate(form):
        if char in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif char in HYPHENS:
            parts.append(f"[{HYPHENS}]")
        elif char.isspace():
            parts.append(r"\s+")
        elif index == 0 and case == "auto" and char.islower():
            parts.append(f"[{char}{char.upper()}]")  # a sentence may begin with it
        else:
            parts.append(re.escape(char))
    flags = re.IGNORECASE if case == "ignore" else 0
    # \w excludes apostrophes and hyphens: they end a word, so a possessive is found.
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", flags)


def expected(forms: list[tuple[str, str]]) -> Counter[str]:
    """Per block label, how many separate stretches of text name the entry."""
    counts: Counter[str] = Counter()
    for block in source_blocks():
        spans = sorted({m.span() for form, case in forms
                        for m in form_pattern(form, case).finditer(block.text)},
                       key=lambda span: (span[0], -span[1]))
        last_end = -1
        for start, end in spans:  # a form inside another of the same entry is one mention
            if start >= last_end:
                counts[block.label] += 1
                last_end = end
            last_end = max(last_end, end)
    return counts
