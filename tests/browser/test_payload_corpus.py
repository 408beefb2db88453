"""A corpus of hostile payloads in every string field of the three data files, and every
channel the edition publishes them through.

Each payload goes into every string field of ``glossary.yml``, ``notes.yml`` and
``events.yml`` (the first entry that has the field, one parse per payload and file): it is
refused with a located problem, or accepted. Every field then gets every payload it accepted
at once, with a marker word, and the project is built once (strict). Passing means: in each
page's HTML (meta tags included), each SVG, the search index (parsed as the HTML Material
makes of it, and shown by Material in Chromium for a typed query), each element with a
title hovered in Chromium (the header title Material copies into a title when it is cut
off included), the exports (JSON-LD, TEI) and the pull-request summary as GitHub-flavoured
Markdown renders it, no payload runs or becomes an element or attribute.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
import yaml
from markdown_it import MarkdownIt
from playwright.sync_api import Browser, Page, expect

from edition.data import events as events_data
from edition.data import glossary as glossary_data
from edition.data import notes as notes_data
from edition.data.datafile import DataFileError
from edition.index import checks
from support.build import ROOT, build, copy_project
from support.http import serving
from support.scripts import load_script

#: The word every payload written into a field carries, to find it in pages and search.
MARKER = "Zorblax"
#: Hostile text: markup, event handlers, ``javascript:`` in its disguises, character
#: references, bidi and zero-width characters, quotes of every kind, CDATA and script ends,
#: Markdown, template syntax and bare addresses. Each would set ``window.__pwned`` or leave
#: an element or attribute named ``pwned`` if it ever became markup.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1" data-pwned>',
    '"><script>window.__pwned=2</script>',
    "</a><svg onload=window.__pwned=3 class=pwned>",
    "'><b class='pwned' onmouseover='window.__pwned=4'>b</b>",
    "javascript:window.__pwned=5",
    "JaVaScRiPt:window.__pwned=6",
    "[x](javascript:window.__pwned=7)",
    "<a href='java&#x09;script:window.__pwned=8'>a</a>",
    "&#106;avascript:window.__pwned=9",
    "&lt;img src=x onerror=window.__pwned=10&gt;",
    "&#x202E;3000 died",
    "died \u202e0003",
    "zero\u200bwidth",
    "quotes ' \" ‘ ’ “ ” « » „ ` ´",
    "]]> <![CDATA[ <!-- --> </script><script>window.__pwned=11</script>",
    "{ onclick=\"window.__pwned=12\" } {{ 7*7 }} {% raw %} ${7*7} *em* **strong**",
    "https://evil.example/login someone@evil.example www.evil.example",
)
#: Fields whose text must occur in the essay (forms, quotations) or name something else in
#: the files: a payload there is refused by the build's check, not published.
NOT_PUBLISHED = {("terms", "term"), ("terms", "aliases"), ("actors", "aliases"),
                 ("actors", "term"), ("terms", "site", "forms"), ("actors", "site", "forms"),
                 ("notes", "quote"), ("notes", "before"), ("notes", "after"),
                 # A name in its own script (markup in Latin letters is refused for 'fa'), the
                 # map's countries: checked against what they name.
                 ("actors", "native", "text"), ("terms", "countries")}
FILES = {"glossary.yml": glossary_data, "notes.yml": notes_data, "events.yml": events_data}
LISTS = {"glossary.yml": ("terms", "actors"), "notes.yml": ("notes",), "events.yml": ("events",)}
LOCATED = re.compile(r"^(?:glossary|notes|events)\.yml:\d+: ")
#: What a pull-request summary is made of: anything else came from a value.
SUMMARY_TAGS = {"h2", "h3", "p", "ul", "li", "strong", "code", "em", "table", "thead",
                "tbody", "tr", "th", "td", "div", "html", "body"}
#: Anything in a page that a payload would have made, as a script evaluates it.
EVIDENCE = """() => ({
    pwned: typeof window.__pwned,
    injected: Array.from(document.querySelectorAll(
        '[data-pwned], .pwned, [onerror], [onload], [onmouseover], [onclick], img[src="x"]'),
        e => e.outerHTML.slice(0, 200)),
    scriptLinks: Array.from(document.querySelectorAll('a[href]'), a => a.href)
        .filter(h => /^\\s*javascript:/i.test(h)),
    scripts: Array.from(document.scripts, s => s.textContent).filter(t => t.includes('pwned')),
})"""
CLEAN = {"pwned": "undefined", "injected": [], "scriptLinks": [], "scripts": []}


class _Dumper(yaml.SafeDumper):
    """Writes every value out in full (the loaders refuse anchors), one field a line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def line_map(text: str) -> dict[tuple[Any, ...], int]:
    """The line of every value of a YAML text, by path."""
    lines: dict[tuple[Any, ...], int] = {}
    stack: list[tuple[tuple[Any, ...], yaml.Node]] = [((), yaml.compose(text))]
    while stack:
        path, node = stack.pop()
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            stack += [((*path, key.value), value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [((*path, i), item) for i, item in enumerate(node.value)]
    return lines


def kind(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A field's kind: its path without the indices ("actors", "sources", "title")."""
    return tuple(part for part in path if not isinstance(part, int))


def string_fields(raw: dict[str, Any], lists: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The first path of every kind of string field in the file's entries."""
    found: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for key in lists:
        for index, entry in enumerate(raw[key]):
            stack: list[tuple[tuple[Any, ...], Any]] = [((key, index), entry)]
            while stack:
                path, value = stack.pop()
                if isinstance(value, str):
                    found.setdefault(kind(path), path)
                elif isinstance(value, dict):
                    stack += [((*path, k), v) for k, v in value.items()]
                elif isinstance(value, list) and value:
                    stack.append(((*path, 0), value[0]))
    return list(found.values())


def put(raw: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target = raw
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def refused_lines(name: str, text: str) -> set[int]:
    """The lines of the problems the data stage finds in ``text``; each must be located."""
    try:
        FILES[name].parse(text.encode("utf-8"), name)
    except DataFileError as error:
        problems = [str(problem) for problem in error.problems]
        assert all(LOCATED.match(p) for p in problems), problems
        return {error_problem.line for error_problem in error.problems}
    return set()


@dataclass
class Corpus:
    """What the corpus did: each field's fate per payload, and the built site."""

    fields: dict[str, list[tuple[Any, ...]]]
    refused: dict[tuple[str, tuple[Any, ...]], list[int]] = field(default_factory=dict)
    accepted: dict[tuple[str, tuple[Any, ...]], list[int]] = field(default_factory=dict)
    published: dict[tuple[str, tuple[Any, ...]], str | list[str]] = field(default_factory=dict)
    project: Path = Path()
    site: Path = Path()
    url: str = ""


def _accepted(raws: dict[str, dict[str, Any]], corpus: Corpus) -> dict[tuple[str, tuple], list]:
    """Each payload in every field at once, file by file: which payloads each field takes."""
    accepted: dict[tuple[str, tuple[Any, ...]], list[int]] = {}
    for name, paths in corpus.fields.items():
        for number, payload in enumerate(PAYLOADS):
            raw = json.loads(json.dumps(raws[name]))
            for path in paths:
                put(raw, path, payload)
            text = dump(raw)
            lines = line_map(text)
            bad = refused_lines(name, text)
            for path in paths:
                # A problem on the field's line counts against the field (a problem of
                # the entry as a whole, on its first line, against the field there).
                if lines[path] in bad:
                    corpus.refused.setdefault((name, path), []).append(number)
                else:
                    accepted.setdefault((name, path), []).append(number)
    return accepted


def _publish(raws: dict[str, dict[str, Any]], accepted: dict[tuple[str, tuple], list],
             corpus: Corpus) -> None:
    """Every published field with every payload it takes at once; a field the files then
    refuse (a length limit, a spelling used elsewhere) takes fewer, down to none."""
    plan: dict[tuple[str, tuple[Any, ...]], list[list[int]]] = {}
    for (name, path), numbers in accepted.items():
        if kind(path) in NOT_PUBLISHED:
            continue
        plan[name, path] = [numbers, numbers[:1], []]  # all, then one, then none

    def value(key: tuple[str, tuple[Any, ...]], numbers: list[int]) -> str | list[str]:
        serial = list(plan).index(key)
        if kind(key[1])[-1] == "variants":  # each its own variant, never in other words
            return [f"{PAYLOADS[n]} {MARKER}v{serial}x{n}" for n in numbers]
        return " ".join([*(PAYLOADS[n] for n in numbers), f"{MARKER}f{serial}"])

    for _ in range(20):
        texts = {}
        for name in FILES:
            raw = json.loads(json.dumps(raws[name]))
            for (file, path), options in plan.items():
                if file == name and options[0]:
                    new = value((file, path), options[0])
                    if isinstance(path[-1], int):  # an item of a list: the list is written
                        put(raw, path[:-1], new if isinstance(new, list) else [new])
                    else:
                        put(raw, path, new)
            texts[name] = dump(raw)
            (corpus.project / name).write_text(texts[name], encoding="utf-8")
        try:
            checks.load_data(*(corpus.project / name for name in FILES))
            break
        except DataFileError as error:
            bad = {(p.file, p.line) for p in error.problems}
        lines = {name: line_map(texts[name]) for name in FILES}
        live = [key for key, options in plan.items() if options[0]]
        on_line = [key for key in live if (key[0], lines[key[0]][key[1]]) in bad]
        # A problem of a whole entry (on its first line) counts against one of its
        # fields a round, the entry's name last, until the entry is accepted.
        of_entry = sorted((key for key in live if (key[0], lines[key[0]][key[1][:2]]) in bad),
                          key=lambda key: lines[key[0]][key[1]] == lines[key[0]][key[1][:2]])
        for key in on_line or of_entry[:1]:
            plan[key].pop(0)
    else:
        pytest.fail("the corpus could not be made acceptable to the data checks")
    corpus.published = {key: value(key, options[0]) for key, options in plan.items()
                        if options[0]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    raws = {name: yaml.safe_load((ROOT / name).read_text(encoding="utf-8")) for name in FILES}
    corpus = Corpus({name: string_fields(raws[name], LISTS[name]) for name in FILES})
    corpus.project = copy_project(tmp_path_factory.mktemp("corpus") / "project")
    corpus.accepted = _accepted(raws, corpus)
    _publish(raws, corpus.accepted, corpus)
    result = build(corpus.project, corpus.project / "site")
    assert result.returncode == 0, result.output
    assert result.warnings == [], result.warnings
    corpus.site = result.site
    with serving(result.site) as url:
        corpus.url = url
        yield corpus


def injected(root: lxml.etree._Element) -> list[str]:
    """Elements and attributes in a parsed document that only a payload would make."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = lxml.etree.QName(element).localname.lower()
        names = {lxml.etree.QName(a).localname.lower() for a in element.attrib}
        if ("data-pwned" in names or any(n.startswith("on") for n in names)
                or "pwned" in element.get("class", "")
                or (tag == "img" and element.get("src") == "x")
                or (tag == "script" and "pwned" in (element.text or ""))
                or re.match(r"\s*javascript:", element.get("href", ""), re.I)):
            found.append(lxml.etree.tostring(element, encoding="unicode")[:200])
    return found


# ---- The data stage ------------------------------------------------------------------


def test_every_payload_in_every_field_is_refused_located_or_taken(corpus: Corpus) -> None:
    fields = sum(len(paths) for paths in corpus.fields.values())
    assert fields >= 40, corpus.fields  # every kind of string field of the three files
    # Character references and invisible characters are refused in every field.
    never = {n for n, payload in enumerate(PAYLOADS)
             if re.search(r"&#?\w+;|[\u200b\u202e]", payload)}
    assert len(never) == 6
    assert {(key, n) for key, numbers in corpus.accepted.items() for n in numbers
            if n in never} == set()
    published = {kind(path) for _, path in corpus.published}
    for must in (("terms", "definition"), ("terms", "note"), ("actors", "name"),
                 ("actors", "description"), ("actors", "variants"), ("actors", "site", "name"),
                 ("notes", "note"), ("events", "description"), ("terms", "sources", "title")):
        assert must in published, must


# ---- Static channels -----------------------------------------------------------------


def test_no_page_or_svg_holds_an_element_or_attribute_a_payload_made(corpus: Corpus) -> None:
    pages = sorted(corpus.site.rglob("*.html"))
    assert len(pages) > 20
    seen = ""
    for page in pages:
        root = lxml.html.parse(str(page)).getroot()
        assert injected(root) == [], page
        # The head's meta tags carry text, never markup.
        for meta in root.iter("meta"):
            assert "<" not in meta.get("content", "") or MARKER in meta.get("content", "")
        seen += " ".join(root.text_content().split())
    for svg in corpus.site.rglob("*.svg"):
        assert injected(lxml.etree.parse(str(svg)).getroot()) == [], svg
    # Every published text is shown, as text, somewhere.
    for value in corpus.published.values():
        for text in value if isinstance(value, list) else [value]:
            if not text.startswith(PAYLOADS[0]):
                continue
            assert '<img src=x onerror="window.__pwned=1" data-pwned>' in seen


def test_the_exports_hold_the_payloads_as_text(corpus: Corpus) -> None:
    data = json.loads((corpus.site / "edition.jsonld").read_text(encoding="utf-8"))
    assert MARKER in json.dumps(data, ensure_ascii=False)
    tei = lxml.etree.parse(str(corpus.site / "edition.tei.xml")).getroot()
    assert injected(tei) == []
    text = " ".join(tei.itertext())
    assert "]]> <![CDATA[" in text and "</script><script>window.__pwned=11</script>" in text


def test_the_search_index_renders_as_text_in_materials_html(corpus: Corpus) -> None:
    index = json.loads((corpus.site / "search" / "search_index.json").read_text("utf-8"))
    with_marker = [doc for doc in index["docs"] if MARKER in doc["text"]]
    assert with_marker
    shown: list[str] = []
    for doc in index["docs"]:
        # Every field, the searched-but-never-shown ``names`` too: Material may show any.
        for key, value in doc.items():
            if isinstance(value, str) and value and key != "location":
                root = lxml.html.fragment_fromstring(value, create_parent="div")
                assert injected(root) == [], (doc["location"], key)
                shown.append(root.text_content())
    # Inert as text, not dropped: a tag a definition may hold is found as the words it is.
    assert any(PAYLOADS[0] in text for text in shown)


def test_the_pull_request_summary_renders_inert_as_github_renders_it(corpus: Corpus) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert load_script("pr_summary").main(["--base-dir", str(ROOT), "--head-dir",
                                               str(corpus.project)]) == 0
    html = MarkdownIt("gfm-like").render(out.getvalue())
    root = lxml.html.fromstring(f"<div>{html}</div>")
    tags = {el.tag for el in root.iter() if isinstance(el.tag, str)}
    assert tags <= SUMMARY_TAGS, tags
    assert [el.attrib for el in root.iter() if isinstance(el.tag, str) and el.attrib
            and el.tag not in ("th", "td")] == []
    assert MARKER in root.text_content()


# ---- Chromium ------------------------------------------------------------------------


def watched(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:
    """A page whose dialogs are recorded and whose requests stay on the test server."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    dialogs: list[str] = []
    local = urlsplit(url).netloc
    context.route("**/*", lambda route: route.abort() if urlsplit(route.request.url).netloc
                  != local else route.continue_())
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs


def generated_pages(corpus: Corpus) -> list[str]:
    """The pages that show the data files' text, and the essay's first page."""
    actor = next(p for p in sorted((corpus.site / "actors").glob("*/index.html"))
                 if MARKER in p.read_text(encoding="utf-8"))
    essay = sorted((corpus.site / "essay").rglob("index.html"))[0]
    return ["glossary/", "notes/", "timeline/", "places/", "actors/",
            actor.parent.relative_to(corpus.site).as_posix() + "/",
            essay.parent.relative_to(corpus.site).as_posix() + "/"]


def pages_with_titles(corpus: Corpus) -> list[str]:
    """The pages with an element whose title holds a payload, as built."""
    found = []
    for path in sorted(corpus.site.rglob("index.html")):
        root = lxml.html.parse(str(path)).getroot()
        if any(MARKER in element.get("title", "") for element in root.iter()
               if isinstance(element.tag, str)):
            found.append(path.parent.relative_to(corpus.site).as_posix() + "/")
    return found


def test_hovering_every_title_runs_nothing(browser: Browser, corpus: Corpus) -> None:
    page, dialogs = watched(browser, corpus.url)
    hovered = 0
    with_titles = pages_with_titles(corpus)
    assert with_titles
    for path in [*with_titles[:8], *generated_pages(corpus)]:
        page.goto(corpus.url + path)
        hosts = page.locator(f"[title*='{MARKER}'], [title*='pwned']")
        for number in range(min(hosts.count(), 25)):
            host = hosts.nth(number)
            if host.is_visible():
                host.hover()
                page.wait_for_timeout(300)  # a tooltip mounts; an onerror would fire
                hovered += 1
        assert page.evaluate(EVIDENCE) == CLEAN, path
    assert hovered > 0
    assert dialogs == []


def test_search_results_as_material_shows_them_run_nothing(
        browser: Browser, corpus: Corpus) -> None:
    page, dialogs = watched(browser, corpus.url)
    page.goto(corpus.url)
    page.locator("label.md-search__icon, .md-search__input").first.click(force=True)
    page.locator("input.md-search__input").press_sequentially(MARKER, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    page.wait_for_timeout(500)
    assert MARKER in page.locator(".md-search-result").inner_text()
    assert page.evaluate(EVIDENCE) == CLEAN
    assert dialogs == []


def test_a_cut_off_header_title_copied_into_a_tooltip_stays_text(
        browser: Browser, corpus: Corpus) -> None:
    # On a phone the actor's name overflows the header; Material copies it into a title
    # and shows that title as a tooltip, through innerHTML, on hover.
    name_field = next((value for (name, path), value in corpus.published.items()
                       if kind(path) == ("actors", "name")), None)
    assert isinstance(name_field, str) and "<" in name_field
    actor = next(path for path in sorted((corpus.site / "actors").glob("*/index.html"))
                 if MARKER in "".join(lxml.html.parse(str(path)).getroot().xpath("//h1//text()")))
    page, dialogs = watched(browser, corpus.url, width=390)
    page.goto(corpus.url + actor.parent.relative_to(corpus.site).as_posix() + "/")
    page.mouse.wheel(0, 600)  # the header shows the page's title once its heading is gone
    topic = page.locator(".md-header__topic .md-ellipsis").last
    expect(topic).to_have_text(re.compile(MARKER))
    expect(page.locator(".md-header__topic [title], .md-header__topic[title]").first
           ).to_be_attached(timeout=5_000)
    topic.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(1, timeout=5_000)
    assert name_field in tooltip.inner_text()
    page.wait_for_timeout(500)
    assert page.evaluate(EVIDENCE) == CLEAN
    assert dialogs == []
