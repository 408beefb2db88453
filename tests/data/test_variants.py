"""Spelling variants in glossary.yml: one spelling in editorial text, all in search."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from edition.data.glossary import GlossaryError, any_variant, load, parse, variant_pattern
from support.build import ROOT
from support.data import GOOD_ENTRY

VARIANT = GOOD_ENTRY.replace("    category: treaty\n",
                             "    variants: [Iran deal]\n    category: treaty\n")


def problems(text: str) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        parse(textwrap.dedent(text).encode())
    return [str(problem) for problem in caught.value.problems]


def test_variants_load_and_are_not_forms() -> None:
    (entry,) = parse(("terms:\n" + VARIANT).encode()).terms
    assert entry.variants == ("Iran deal",)
    assert "Iran deal" not in entry.forms


def test_a_variant_in_the_editors_text_is_refused_with_its_line() -> None:
    text = VARIANT.replace("The nuclear agreement of 14 July 2015.",
                           "The Iran deal of 14 July 2015.")
    (message,) = problems("terms:\n" + text)
    assert "glossary.yml:2" in message and "'Iran deal'" in message and "write 'JCPOA'" in message


def test_a_variant_inside_a_quotation_is_the_sources_spelling() -> None:
    text = VARIANT.replace("The nuclear agreement of 14 July 2015.",
                           "What Tehran called 'the Iran deal' of 14 July 2015.")
    assert parse(("terms:\n" + text).encode()).terms[0].variants == ("Iran deal",)


def test_a_variant_that_is_a_form_is_refused() -> None:
    text = VARIANT.replace("variants: [Iran deal]",
                           "variants: [Joint Comprehensive Plan of Action]")
    assert any("spelling the essay uses" in m for m in problems("terms:\n" + text))


def test_the_project_keeps_one_spelling_per_name() -> None:
    """Read with plain YAML: no listed variant in any definition, description or note."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    entries = raw["terms"] + raw.get("actors", [])
    variants = [v for e in entries for v in e.get("variants", ())]
    assert "Turkmenchay" in variants and "denazification" in variants
    quotation = re.compile(r"(?<!\w)['‘][^'’]*['’](?!\w)")
    for entry in entries:
        for field in ("definition", "description", "note"):
            text = quotation.sub(" ", entry.get(field, ""))
            for variant in variants:
                assert not re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text, re.I), (
                    entry.get("term") or entry.get("name"), field, variant)
    assert "Mir-Hossein" not in (ROOT / "glossary.yml").read_text(encoding="utf-8")
    load(ROOT / "glossary.yml")


@pytest.mark.parametrize("text", [
    "Bashar Assad spoke.", "Assad spoke.", "ASSAD.", "(Assad)", "the Assad-era",
    "Assadi, then Assad",
])
def test_one_matcher_finds_every_text_a_variant_pattern_finds(text: str) -> None:
    # The one matcher only chooses which texts are searched variant by variant: it must find
    # every text that any variant's own pattern finds, overlapping variants included.
    variants = ["Assad", "Bashar Assad", "Bashar"]
    expected = any(variant_pattern(v).search(text) for v in variants)
    assert expected
    matcher = any_variant(variants)
    assert matcher is not None and matcher.search(text)


def test_one_matcher_passes_a_text_that_uses_no_variant() -> None:
    variants = ["Assad", "Bashar Assad"]
    for text in ("Assadi spoke.", "al-Assadiyya", "Bashar spoke."):
        assert not any(variant_pattern(v).search(text) for v in variants)
        matcher = any_variant(variants)
        assert matcher is not None and not matcher.search(text)
    assert any_variant([]) is None
