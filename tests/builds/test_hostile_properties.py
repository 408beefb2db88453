"""Property-based tests (hypothesis) through real builds: a generated string or
structure in any field of the first entries of glossary.yml, notes.yml and events.yml makes
the strict build either succeed with the text published as text (no element or attribute
gained, plain text found as written) or fail with a problem located at a data file and line,
never a traceback; ``scripts/check_glossary.py`` agrees with the build, and
``scripts/pr_summary.py`` summarises it with every value escaped.

Cheap on purpose: a handful of examples a run, each one build in this process
(``support.build.build_in_process``) of a copy of the project, a few seconds each (the
file takes under a minute).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from support.build import ROOT, BuildResult, build_in_process, copy_project
from support.scripts import load_script

DATA = ("glossary.yml", "notes.yml", "events.yml")
LISTS = {"glossary.yml": ("terms", "actors"), "notes.yml": ("notes",),
         "events.yml": ("events",)}
#: Fields published as plain text, exactly as written (white space collapsed).
PLAIN = {("terms", "definition"), ("terms", "note"), ("actors", "description"),
         ("events", "description"), ("terms", "sources", "title"),
         ("actors", "sources", "title"), ("events", "sources", "title"),
         ("notes", "sources", "title")}
LOCATED = re.compile(r"\b(?:glossary|notes|events)\.yml:\d+: ")
#: What a summary is made of: anything else came from a value.
SUMMARY_TAGS = {"div", "h2", "h3", "p", "ul", "li", "strong", "code", "em", "table", "thead",
                "tbody", "tr", "th", "td"}


class NoAliases(yaml.SafeDumper):
    """Writes every value out in full: the loaders refuse YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _raw(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def _fields() -> list[tuple[str, tuple[Any, ...]]]:
    """Every field of the first entry of each list of each file: (file, path)."""
    found = []
    for name in DATA:
        raw = _raw(name)
        for key in LISTS[name]:
            for field, value in raw[key][0].items():
                if field == "sources":
                    found += [(name, (key, 0, field, 0, sub)) for sub in value[0]]
                elif isinstance(value, dict):
                    found += [(name, (key, 0, field, sub)) for sub in value]
                else:
                    found.append((name, (key, 0, field)))
    return found


FIELDS = _fields()
HOSTILE = st.sampled_from([*"<>\"'&=/{}[]()!*_`#:;\\|-~ %.", "&amp;", "{{ 7*7 }}", "<b>",
                           "<img src=x onerror=alert(1)>", "javascript:", "*", "[x](y)"])
text = st.one_of(
    st.lists(st.one_of(HOSTILE, st.characters(min_codepoint=0x20, max_codepoint=0x7e)),
             min_size=1, max_size=20).map(lambda parts: "Hostile " + "".join(parts)),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
)
values = st.one_of(text, st.recursive(
    st.one_of(text, st.integers(), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=2), st.dictionaries(text, inner,
                                                                         max_size=2)),
    max_leaves=4))


def _structure(site: Path) -> dict[str, Counter[tuple[str, tuple[str, ...]]]]:
    """Each page's elements, as (tag, attribute names) counts."""
    pages = {}
    for page in sorted(site.rglob("*.html")):
        tree = lxml.html.parse(str(page))
        pages[str(page.relative_to(site))] = Counter(
            (str(el.tag), tuple(sorted(el.attrib))) for el in tree.iter()
            if isinstance(el.tag, str))
    return pages


def _texts(site: Path) -> str:
    """The text of every page, and of the TEI export (the only place events' sources are
    published), white space collapsed."""
    pages = [lxml.html.parse(str(p)).getroot().text_content() for p in site.rglob("*.html")]
    tei = lxml.etree.parse(str(site / "edition.tei.xml")).getroot()
    return " ".join(" ".join(text.split()) for text in [*pages, " ".join(tei.itertext())])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile-properties") / "project")


@pytest.fixture(scope="module")
def baseline(project: Path) -> dict[str, Counter[tuple[str, tuple[str, ...]]]]:
    site = project.parent / "baseline"
    result = build_in_process(project, site)
    assert result.returncode == 0, result.warnings
    return _structure(site)


def _write(project: Path, name: str, path: tuple[Any, ...], new: Any) -> None:
    for other in DATA:
        shutil.copy2(ROOT / other, project / other)
    raw = _raw(name)
    target = raw
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    (project / name).write_text(
        yaml.dump(raw, Dumper=NoAliases, allow_unicode=True, sort_keys=False, width=200),
        encoding="utf-8")


def _check_tools(project: Path, result: BuildResult) -> None:
    check_glossary = load_script("check_glossary")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = check_glossary.main([str(project / "glossary.yml")])
    assert "Traceback" not in err.getvalue()
    assert (code == 0) == (result.returncode == 0), (err.getvalue(), result.warnings)
    if code:
        assert LOCATED.search(err.getvalue()), err.getvalue()
    pr_summary = load_script("pr_summary")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert pr_summary.main(["--base-dir", str(ROOT), "--head-dir", str(project)]) == 0
    html = markdown.markdown(out.getvalue(), extensions=["tables"])
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    assert {el.tag for el in elements} <= SUMMARY_TAGS, html
    assert not any(el.attrib for el in elements), html


# No shrinking: each example is a build, and a failure is reported as found.
@settings(max_examples=10, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), values)
def test_any_value_in_any_field_builds_safely_or_is_located(
        project: Path, baseline: dict[str, Counter[tuple[str, tuple[str, ...]]]],
        field: tuple[str, tuple[Any, ...]], new: Any) -> None:
    name, path = field
    _write(project, name, path, new)
    site = project.parent / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = build_in_process(project, site)
    assert "Traceback" not in result.output, result.output
    event("refused, located" if result.returncode else "built")
    if result.returncode:
        assert LOCATED.search(result.output), result.output
    else:
        pages = _structure(site)
        kind = (path[0], *(p for p in path[2:] if isinstance(p, str)))
        if kind in PLAIN:
            # Plain text changes no page's structure, and is published as written.
            assert pages == baseline
            assert " ".join(str(new).split()) in _texts(site)
        else:
            seen = {item for page in baseline.values() for item in page}
            assert {item for page in pages.values() for item in page} <= seen
            # No page has more scripts than a page of the baseline (a new actor, a new page).
            most = max(page[("script", ())] for page in baseline.values())
            assert all(page[("script", ())] <= most for page in pages.values())
    _check_tools(project, result)


def test_hostile_text_in_every_plain_field_at_once_is_published_as_text(
        project: Path, baseline: dict[str, Counter[tuple[str, tuple[str, ...]]]]) -> None:
    """The success the property allows, shown every run: one build, every plain field."""
    plain_fields = [(name, path) for name, path in FIELDS
                    if (path[0], *(p for p in path[2:] if isinstance(p, str))) in PLAIN]
    assert {name for name, _ in plain_fields} == set(DATA)
    for other in DATA:
        shutil.copy2(ROOT / other, project / other)
    written = {}
    for number, (name, path) in enumerate(plain_fields):
        raw = yaml.safe_load((project / name).read_text(encoding="utf-8"))
        target = raw
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = written[number] = (
            f'Hostile{number} <img src=x onerror="alert({number})"> {{{{ 7*7 }}}} [x](y) *a* '
            f"& R&D, <b>{number}</b> javascript:alert({number})")
        (project / name).write_text(
            yaml.dump(raw, Dumper=NoAliases, allow_unicode=True, sort_keys=False, width=200),
            encoding="utf-8")
    site = project.parent / "site-plain"
    result = build_in_process(project, site)
    assert result.returncode == 0, result.warnings
    assert _structure(site) == baseline
    texts = _texts(site)
    assert [plain_fields[n] for n, value in written.items() if value not in texts] == []
    _check_tools(project, result)
