"""Stage 4 (the pages' level): the reader's tools.

Citations of the essay and of each paragraph as this edition republishes it (written at
build time from the manuals' forms for republished works, BibTeX with pybtex), the citation
metadata of every essay page (Highwire Press ``citation_*`` and Dublin Core), and the
print-only list of the terms and actors annotated on a page. May use the index, the text
and the data; never MkDocs.
"""
