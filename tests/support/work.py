"""The work the edition presents, read straight from ``work.yml`` (not through the build's
reader), for tests that cite it."""

from __future__ import annotations

import datetime

import yaml

from edition.data.work import Work
from support.build import ROOT


def raw_work() -> dict:
    """``work.yml``'s ``work`` mapping, as YAML reads it."""
    return yaml.safe_load((ROOT / "work.yml").read_text(encoding="utf-8"))["work"]


def work_record() -> Work:
    """The work, as ``work.yml`` records it."""
    raw = raw_work()
    published = datetime.date.fromisoformat(raw["published"])
    return Work(family=raw["author"]["family"], given=raw["author"]["given"],
                title=raw["title"], container=raw["published_in"], year=published.year,
                month=published.month, day=published.day, original_url=raw["url"],
                language=raw["language"], kind=raw.get("kind", "essay"),
                rights=" ".join(raw["rights"].split()))


ESSAY = work_record()
