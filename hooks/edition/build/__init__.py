"""Stage 6, the build: one build's state over every stage below, and what a server keeps.

``build.Build`` is made afresh for every build by the MkDocs hook (``hooks/edition_hook.py``),
which only forwards MkDocs' events to it; ``serve.ServeCaches`` holds everything that
outlives one build under ``mkdocs serve``. No MkDocs import: the hook translates.
"""
