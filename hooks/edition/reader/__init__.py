"""Stage 4 (the pages' level): the reader's tools.

Citations of the essay and of each paragraph (rendered at build time with citeproc-py and the
official CSL styles, BibTeX with pybtex), the citation metadata of every essay page
(Highwire Press ``citation_*`` and Dublin Core), and the print-only list of the terms and
actors annotated on a page. May use the index, the text and the data; never MkDocs.
"""
