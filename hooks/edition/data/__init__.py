"""Stage 1, the data: read and validate the contributors' files.

``glossary.yml`` (terms and actors), ``notes.yml`` (the editor's notes) and ``events.yml``
(the dated events they refer to) are untrusted input: they are parsed safely, checked
against their JSON Schemas and against the rules a schema cannot state, and every problem
is reported with the file, the line and what to fix.
Nothing here knows about Markdown pages; :mod:`edition.data.forms` says when two spellings
are one form, which both validation and the text stage need.
"""
