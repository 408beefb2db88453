"""Where things are and what the benchmark builds: paths, variants, file names."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


#: What a build reads, if tests/support/build.py cannot say (it is the reference).
FALLBACK_PROJECT_FILES = (
    "mkdocs.yml", "docs", "hooks", "glossary.yml", "glossary.schema.json", "notes.yml",
    "notes.schema.json", "events.yml", "events.schema.json",
)


#: This benchmark's own page: left out of the real edition so results do not feed back.
OWN_PAGE = "performance.md"


DOCS_PAGE = ROOT / "maintainers" / OWN_PAGE


MARK_START = "<!-- results:start -->"


MARK_END = "<!-- results:end -->"


VARIANTS = ("hook", "nohook", "tooltips", "abbr-snippets", "abbr-snippets-blocks",
            "abbr-glossary")


#: The tooltip job alone: the annotation as a plain Python-Markdown extension
#: (``edition.pages.extension``, no hook, no generated pages), against ``abbr``'s ``glossary``
#: option fed the same forms and definitions.
TOOLTIP_EXTENSION = "edition.pages.extension"


VARIANT_NAMES = {
    "hook": "edition hook",
    "nohook": "no hook",
    "tooltips": "tooltips alone (extension, no hook)",
    "abbr-snippets": "abbr + snippets auto_append",
    "abbr-snippets-blocks": "abbr + snippets, blank-line separated",
    "abbr-glossary": "abbr glossary option",
}


TIMINGS_ENV = "EDITION_BENCH_TIMINGS"


WRAPPER = "bench_timing.py"


#: The glossary loader's limit (hooks/edition/glossary.py, MAX_BYTES).
GLOSSARY_MAX_BYTES = 1024 * 1024


#: Material's documented layout, one ``*[TERM]: definition`` line after another ...
SNIPPETS_FILE = "includes/abbreviations.md"


#: ... and the same definitions separated by blank lines, one Markdown block each.
SNIPPETS_BLOCKS_FILE = "includes/abbreviations-blocks.md"


CATEGORIES = ("treaty", "institution", "event", "place", "term", "phrase")


KINDS = ("person", "state", "organisation", "group")


#: The timing hook written into each hook build (a real module, copied as it is).
WRAPPER_SOURCE = (Path(__file__).resolve().parent / "timing_hook.py").read_text(encoding="utf-8")
