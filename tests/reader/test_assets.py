"""The reader's assets as served: Material's palette cut to the configured palettes, and the
styles and scripts only some pages link."""

from __future__ import annotations

from edition.reader.assets import CHARTS, NOTES_SCRIPT, page_assets, palette_subset

MATERIAL_LIKE = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark;--md-default-bg-color:#222}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--x:1}}"
    "[data-md-color-primary=pink],[data-md-color-primary=custom]{--md-primary-fg-color:red}"
    "[data-md-color-accent=teal]{--md-accent-fg-color:teal}"
    "@media screen and (max-width:76em){[data-md-color-primary=black] .md-nav{color:#000}}"
    "[data-md-color-switching] *{transition-duration:0s!important}"
)


def test_the_palette_keeps_what_a_configured_palette_can_match() -> None:
    css = palette_subset(MATERIAL_LIKE, {"custom"}, {"custom"})
    assert css == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark;"
        "--md-default-bg-color:#222}}"
        "[data-md-color-primary=custom]{--md-primary-fg-color:red}"
        "[data-md-color-switching] *{transition-duration:0s!important}")


def test_a_named_colour_the_configuration_uses_is_kept() -> None:
    css = palette_subset(MATERIAL_LIKE, {"pink", "black"}, {"teal"})
    assert "[data-md-color-scheme=slate][data-md-color-primary=pink]{--x:1}" in css
    assert "[data-md-color-primary=pink]{--md-primary-fg-color:red}" in css
    assert "[data-md-color-accent=teal]" in css and "[data-md-color-primary=black]" in css


def test_only_the_pages_that_use_them_link_the_charts_styles_and_the_notes_script() -> None:
    present = {CHARTS, NOTES_SCRIPT}
    assert page_assets("essay/post-soviet.md", present, everywhere=False) == []
    assert page_assets(None, present, everywhere=False) == []
    assert page_assets("timeline.md", present, everywhere=False) == [CHARTS]
    assert page_assets("notes.md", present, everywhere=False) == [NOTES_SCRIPT]
    assert page_assets("notes.md", set(), everywhere=False) == []  # not in this site
    # Material's instant navigation loads no page's own files: every page links them all.
    assert page_assets("index.md", present, everywhere=True) == [CHARTS, NOTES_SCRIPT]
