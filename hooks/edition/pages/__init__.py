"""Stage 4, the pages: the generated pages, as elements for MkDocs to render.

The glossary, the actors index with its network, one page per actor, the notes and the
timeline. Uses the index, text and data stages; links between pages are ``.md`` links that
MkDocs checks (:mod:`~edition.pages.links`).
"""
