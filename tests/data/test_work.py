"""work.yml: the work the edition presents, as data; every problem with its file and line."""

from __future__ import annotations

import pytest

from edition.data.datafile import DataFileError
from edition.data.work import load, parse
from edition.reader.metadata import running_head
from support.build import ROOT
from support.essay import source_blocks
from support.work import ESSAY, raw_work

GOOD = """\
work:
  author:
    given: Mary
    family: Wollstonecraft
  title: On the importance of a religious education
  published_in: The Female Reader
  published: "1789-01-01"
  url: https://example.org/female-reader
  language: en
  rights: In the public domain.
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        parse(text.encode(), "work.yml")
    return [str(problem) for problem in caught.value.problems]


def test_the_projects_record_is_the_essay_as_the_source_gives_it() -> None:
    work = load(ROOT / "work.yml")
    blocks = {b.label: b.text for b in source_blocks()}
    assert work == ESSAY
    assert work.title == blocks["title"] and work.author == blocks["byline"]
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert raw_work()["url"] in home and work.container in home


def test_a_good_record_is_read_with_the_defaults() -> None:
    work = parse(GOOD.encode())
    assert (work.given, work.family, work.kind) == ("Mary", "Wollstonecraft", "essay")
    assert (work.year, work.month, work.day) == (1789, 1, 1)
    assert work.rights == "In the public domain."


def test_a_missing_field_is_named_with_its_line() -> None:
    found = problems(GOOD.replace("  title: On the importance of a religious education\n", ""))
    assert len(found) == 1 and found[0].startswith("work.yml:2:") and "'title'" in found[0]


def test_a_misspelt_key_is_named_at_its_line_with_the_right_one() -> None:
    (found,) = problems(GOOD.replace("  language: en", "  langauge: en"))
    assert found.startswith("work.yml:9:") and "'langauge'" in found and "'language'" in found


def test_an_impossible_date_is_refused_at_its_line() -> None:
    (found,) = problems(GOOD.replace('"1789-01-01"', '"1789-02-30"'))
    assert found.startswith("work.yml:7:") and "1789-02-30" in found


def test_a_non_https_address_is_refused_at_its_line() -> None:
    (found,) = problems(GOOD.replace("https://example.org/female-reader", "javascript:alert(1)"))
    assert found.startswith("work.yml:8:")


def test_the_running_head_is_a_css_string_that_cannot_end_its_style_element() -> None:
    work = parse(GOOD.replace("On the importance", 'On "the" </style><b> \\ importance').encode())
    head = running_head(work)
    assert head.startswith('"Mary Wollstonecraft, “On \\"the\\" ') and head.endswith('”"')
    assert "<" not in head and ">" not in head and "\\5c" not in head and "\\\\" in head
    assert "\\3c /style\\3e " in head
