"""The edition's logic: pure Python and Python-Markdown, no MkDocs imports.

The MkDocs hook (``hooks/edition_hook.py``) only adapts MkDocs events to these modules.
"""
