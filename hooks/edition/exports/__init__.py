"""The exports, beside the pages (stage 4): the edition's data as files in scholars' standards.

The editor's notes and every mention as a W3C Web Annotation collection (JSON-LD), and the
whole edition as one TEI P5 document, both made from one build's records (the glossary,
the notes' anchors, the essay's blocks and the occurrence index) after every page has
rendered, so that they can never drift from the pages. Uses the index, text and data
stages; never MkDocs (the hook writes the files and links to them).
"""
