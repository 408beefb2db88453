"""Benchmark the edition hook on the real edition and on synthetic editions scaled up.

Each edition is built with the hook, without it (no ``hooks:``, no glossary and actor
pages) and with Material's documented glossary approach, Python-Markdown's ``abbr``
extension, fed (a) by ``pymdownx.snippets`` ``auto_append`` and (b) by ``abbr``'s own
``glossary`` option. Builds are child processes, interleaved, several runs each; the
report gives medians. See ``maintainers/performance.md`` for the method and the findings.

    .venv/bin/python scripts/benchmark.py --sizes real,200x500,1000x2000 --runs 3 \\
        --out /tmp/bench --json results.json --write-docs

A size is ``real`` (``docs/`` as is, but for this benchmark's own page
``maintainers/performance.md``) or ``NxM`` / ``NxMxA``: N essay pages, M glossary terms and A
actors (default ``max(real actors, M // 10)``), real entries plus generated ones.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import itertools
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: What a build reads, if tests/support/build.py cannot say (it is the reference).
FALLBACK_PROJECT_FILES = (
    "mkdocs.yml", "docs", "hooks", "glossary.yml", "glossary.schema.json", "notes.yml",
    "notes.schema.json", "events.yml", "events.schema.json",
)
#: This benchmark's own page: left out of the real edition so results do not feed back.
OWN_PAGE = "performance.md"
DOCS_PAGE = ROOT / "maintainers" / OWN_PAGE
MARK_START = "<!-- results:start -->"
MARK_END = "<!-- results:end -->"
VARIANTS = ("hook", "nohook", "abbr-snippets", "abbr-snippets-blocks", "abbr-glossary")
VARIANT_NAMES = {
    "hook": "edition hook",
    "nohook": "no hook",
    "abbr-snippets": "abbr + snippets auto_append",
    "abbr-snippets-blocks": "abbr + snippets, blank-line separated",
    "abbr-glossary": "abbr glossary option",
}
TIMINGS_ENV = "EDITION_BENCH_TIMINGS"
WRAPPER = "bench_timing.py"
#: The glossary loader's limit (hooks/edition/glossary.py, MAX_BYTES).
GLOSSARY_MAX_BYTES = 1024 * 1024
#: Material's documented layout, one ``*[TERM]: definition`` line after another ...
SNIPPETS_FILE = "includes/abbreviations.md"
#: ... and the same definitions separated by blank lines, one Markdown block each.
SNIPPETS_BLOCKS_FILE = "includes/abbreviations-blocks.md"
CATEGORIES = ("treaty", "institution", "event", "place", "term", "phrase")
KINDS = ("person", "state", "organisation", "group")

#: The timing hook written into each hook build: it loads ``edition_hook.py`` and times it.
WRAPPER_SOURCE = '''\
"""Benchmark wrapper (written by scripts/benchmark.py): runs edition_hook.py and times it.

Every event function of the hook is wrapped with a ``perf_counter`` pair, and so is the
``run`` of every Markdown processor that the hook's Markdown extensions register (they
run inside Python-Markdown, outside any event). A few functions called from inside the
events are timed too ("part:"; they are included in their event's time). Pages are
timed from ``on_pre_page`` (first) to ``on_page_content`` (last) and from
``on_page_context`` (first) to ``on_post_page`` (last). The totals go to the JSON file
named by the environment variable ${env} after the build.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

from markdown.extensions import Extension
from mkdocs.plugins import CombinedEvent, event_priority

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))
_spec = importlib.util.spec_from_file_location("edition_hook", _HERE / "edition_hook.py")
assert _spec is not None and _spec.loader is not None
real = importlib.util.module_from_spec(_spec)
sys.modules["edition_hook"] = real
_spec.loader.exec_module(real)

TIMES: dict[str, list[float]] = {}
PAGES: dict[str, list[float]] = {}
_STARTED: dict[tuple[str, str], float] = {}


def _add(name: str, seconds: float) -> None:
    entry = TIMES.setdefault(name, [0.0, 0])
    entry[0] += seconds
    entry[1] += 1


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _add(name, perf_counter() - start)
    return timed


def _patch(owner: Any, attribute: str, name: str) -> None:
    if owner is not None and callable(getattr(owner, attribute, None)):
        setattr(owner, attribute, _timed(name, getattr(owner, attribute)))


_patch(real, "load", "part:glossary_load")
_patch(real, "load_notes", "part:notes_load")
_patch(getattr(real, "_Build", None), "anchor_notes", "part:anchor_notes")
_patch(getattr(real, "glossary_page", None), "render", "part:glossary_page")
_patch(getattr(real, "actor_pages", None), "render_actor", "part:actor_page")
_patch(getattr(real, "actor_pages", None), "render_index", "part:actors_index")
_patch(getattr(real, "actor_pages", None), "render_svg", "part:network_svg")
_patch(getattr(real, "notes_page", None), "render", "part:notes_page")
_patch(getattr(real, "timeline", None), "render", "part:timeline_page")
_patch(getattr(real, "timeline", None), "events", "part:timeline_events")


def _time_processors(config: Any) -> None:
    """Time the processors each of the hook's Markdown extensions registers, per page."""
    for extension in config.markdown_extensions:
        if not isinstance(extension, Extension):
            continue
        if not type(extension).__module__.startswith("edition."):
            continue
        original = extension.extendMarkdown

        def extend(md: Any, original: Callable[[Any], None] = original) -> None:
            original(md)
            registries = (md.preprocessors, md.treeprocessors, md.postprocessors,
                          md.parser.blockprocessors)
            for registry in registries:
                for processor in registry:
                    if type(processor).__module__.startswith("edition.") and not getattr(
                        processor, "_bench_timed", False
                    ):
                        processor.run = _timed("tree:" + type(processor).__name__,
                                               processor.run)
                        processor._bench_timed = True

        extension.extendMarkdown = extend  # type: ignore[method-assign]


def _start(kind: str, page: Any) -> None:
    _STARTED[kind, page.file.src_uri] = perf_counter()


def _stop(kind: str, page: Any, slot: int) -> None:
    started = _STARTED.pop((kind, page.file.src_uri), None)
    if started is not None:
        PAGES.setdefault(page.file.src_uri, [0.0, 0.0])[slot] += perf_counter() - started


@event_priority(-100)
def _config(config: Any, **kwargs: Any) -> Any:
    _time_processors(config)
    return config


@event_priority(100)
def _pre_page(page: Any, **kwargs: Any) -> Any:
    _start("populate", page)
    return page


@event_priority(-100)
def _page_content(html: str, page: Any, **kwargs: Any) -> str:
    _stop("populate", page, 0)
    return html


@event_priority(100)
def _page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    _start("template", page)
    return context


@event_priority(-100)
def _post_page(output: str, page: Any, **kwargs: Any) -> str:
    _stop("template", page, 1)
    return output


@event_priority(-100)
def _post_build(config: Any, **kwargs: Any) -> None:
    path = os.environ.get("${env}")
    if not path:
        return
    build = getattr(real, "_build", None)
    generated = sorted(build.generated) if build is not None else []
    Path(path).write_text(
        json.dumps({"times": TIMES, "pages": PAGES, "generated": generated}), encoding="utf-8"
    )


_MINE = {
    "on_config": _config,
    "on_pre_page": _pre_page,
    "on_page_content": _page_content,
    "on_page_context": _page_context,
    "on_post_page": _post_page,
    "on_post_build": _post_build,
}
for _name in sorted({n for n in dir(real) if n.startswith("on_")} | set(_MINE)):
    _methods = []
    if callable(getattr(real, _name, None)):
        _methods.append(_timed("event:" + _name, getattr(real, _name)))
    if _name in _MINE:
        _methods.append(_MINE[_name])
    globals()[_name] = _methods[0] if len(_methods) == 1 else CombinedEvent(*_methods)
'''.replace("${env}", TIMINGS_ENV)


# ---- Sizes and the corpus -----------------------------------------------------------


@dataclass(frozen=True)
class Size:
    """An edition to build: the real one, or N pages x M terms x A actors."""

    label: str
    pages: int | None = None
    terms: int | None = None
    actors: int | None = None

    @property
    def real(self) -> bool:
        """Whether this is the project's own edition."""
        return self.pages is None

    @property
    def key(self) -> tuple[int | None, int | None, int | None]:
        """What makes two sizes the same edition."""
        return self.pages, self.terms, self.actors


def parse_size(text: str, real_actors: int) -> Size:
    """``real``, ``NxM`` or ``NxMxA`` as a :class:`Size`."""
    text = text.strip()
    if text == "real":
        return Size("real")
    found = re.fullmatch(r"(\d+)x(\d+)(?:x(\d+))?", text)
    if found is None:
        raise argparse.ArgumentTypeError(f"size {text!r}: write real, NxM or NxMxA")
    pages, terms = int(found.group(1)), int(found.group(2))
    actors = int(found.group(3)) if found.group(3) else max(real_actors, terms // 10)
    if pages < 1 or terms < 1 or actors < 1:
        raise argparse.ArgumentTypeError(f"size {text!r}: every count must be at least 1")
    if terms > 2000 or actors > 2000:
        raise argparse.ArgumentTypeError(
            f"size {text!r}: glossary.schema.json allows at most 2,000 terms and 2,000 actors"
        )
    return Size(text, pages, terms, actors)


@dataclass(frozen=True)
class Block:
    """One of the author's blocks: its Markdown and its attribute list line."""

    text: str
    attrs: str
    ident: str


@dataclass
class Corpus:
    """The essay's own text, from ``docs/``: body paragraphs and the other essay blocks."""

    paragraphs: list[Block]
    front: list[Block]
    back: list[Block]

    @property
    def words(self) -> set[str]:
        """Every word of the essay, in lower case."""
        text = " ".join(b.text for b in (*self.paragraphs, *self.front, *self.back))
        return {w.lower() for w in re.findall(r"\w+", text)}


_ATTRS = re.compile(r"^\{:?\s*(.*?)\s*\}$")


def read_corpus(docs: Path) -> Corpus:
    """The ``.essay`` blocks of ``docs/index.md`` and ``docs/essay/*.md``."""
    paragraphs: list[tuple[int, Block]] = []
    front: list[Block] = []
    back: list[Block] = []
    for path in [docs / "index.md", *sorted((docs / "essay").glob("*.md"))]:
        if not path.exists():
            continue
        for chunk in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
            lines = chunk.strip("\n").splitlines()
            found = _ATTRS.match(lines[-1].strip()) if len(lines) > 1 else None
            if found is None:
                continue
            tokens = found.group(1).split()
            if ".essay" not in tokens:
                continue
            ident = next((t[1:] for t in tokens if t.startswith("#")), "")
            block = Block("\n".join(lines[:-1]), lines[-1].strip(), ident)
            number = re.fullmatch(r"p(\d+)", ident)
            if number:
                paragraphs.append((int(number.group(1)), block))
            elif path.name == "index.md":
                front.append(block)
            else:
                back.append(block)
    if not paragraphs:
        raise SystemExit(f"no essay paragraphs ('{{ .essay #pN }}') found under {docs}")
    return Corpus([b for _, b in sorted(paragraphs, key=lambda p: p[0])], front, back)


# ---- YAML that keeps MkDocs tags (!ENV) and never writes anchors --------------------


@dataclass
class Tagged:
    """A YAML value with a custom tag, kept as written (``!ENV [SITE_URL, ...]``)."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """Safe loading that keeps custom tags as :class:`Tagged` values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged("!" + suffix, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged("!" + suffix, loader.construct_sequence(node, deep=True))
    return Tagged("!" + suffix, loader.construct_mapping(node, deep=True))


_Loader.add_multi_constructor("!", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    """Writes every value out in full (the glossary loader rejects anchors and aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def load_yaml(path: Path) -> Any:
    """Read a YAML file, keeping custom tags."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def dump_yaml(data: Any) -> str:
    """YAML text for ``data``: block style, no anchors, long lines kept whole."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


# ---- Synthetic editions -------------------------------------------------------------


_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr",
           "kr", "tr", "vr", "sk", "st")
_VOWELS = ("a", "e", "i", "o", "u", "ae", "ei", "ou")


class WordMaker:
    """Pronounceable pseudo-words that occur nowhere in the essay, each used once."""

    def __init__(self, rng: random.Random, avoid: set[str]) -> None:
        self.rng = rng
        self.used = set(avoid)

    def word(self) -> str:
        """A fresh capitalised word of three syllables and a final consonant."""
        while True:
            syllables = [self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(3)]
            word = ("".join(syllables) + self.rng.choice("nrsldkm")).capitalize()
            if word.lower() not in self.used:
                self.used.add(word.lower())
                return word


def _filler(texts: Sequence[str], index: int, prefix: str, length: int) -> str:
    """``prefix`` followed by real glossary text, cut at a word to about ``length`` chars."""
    text = prefix + " " + texts[index % len(texts)]
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > len(prefix) else length].rstrip(" ,;:") + "."


def _keep_real(
    data: dict[str, Any], terms: int, actors: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The real entries an edition keeps: all of them, or half of each count if smaller."""
    real_terms = list(data.get("terms", []))
    real_actors = list(data.get("actors", []))
    kept_actors = real_actors if actors >= len(real_actors) else real_actors[: actors // 2]
    if terms >= len(real_terms):
        return real_terms, kept_actors
    by_name = {t["term"]: t for t in real_terms}
    linked = [by_name[a["term"]] for a in kept_actors if a.get("term") in by_name]
    rest = [t for t in real_terms if t not in linked]
    kept_terms = (linked + rest)[: max(terms // 2, len(linked))]
    if len(kept_terms) > terms:
        kept_terms = kept_terms[:terms]
    names = {t["term"] for t in kept_terms}
    actors_out = []
    for actor in kept_actors:
        actor = dict(actor)
        if actor.get("term") not in (None, *names):
            del actor["term"]
            if not actor.get("aliases"):
                continue
        actors_out.append(actor)
    return kept_terms, actors_out


def synthetic_glossary(
    real: dict[str, Any], terms: int, actors: int, words: WordMaker
) -> tuple[dict[str, Any], list[str]]:
    """The glossary of a synthetic edition and every generated form (to put in the text)."""
    kept_terms, kept_actors = _keep_real(real, terms, actors)
    definitions = [t["definition"] for t in real.get("terms", [])] or ["A term."]
    descriptions = [a["description"] for a in real.get("actors", [])] or ["An actor."]
    lengths = [len(t) for t in definitions]
    forms: list[str] = []
    new_terms: list[dict[str, Any]] = []
    for i in range(terms - len(kept_terms)):
        category = CATEGORIES[i % len(CATEGORIES)]
        first, second = words.word(), words.word()
        name = f"{first} {second}" if i % 2 == 0 else f"{first.lower()} {second.lower()}"
        entry: dict[str, Any] = {"term": name}
        if i % 5 == 0:
            entry["aliases"] = [name + "s"]
        entry["category"] = category
        entry["definition"] = _filler(
            definitions, i, f"Generated {category} {i + 1} of the benchmark, standing in for "
            "an entry of a longer edition.", min(lengths[i % len(lengths)], 400)
        )
        entry["sources"] = [{"title": f"Benchmark source {i + 1}",
                             "url": f"https://example.org/benchmark/terms/{i + 1}"}]
        new_terms.append(entry)
        forms += [name, *entry.get("aliases", [])]
    new_actors: list[dict[str, Any]] = []
    for i in range(actors - len(kept_actors)):
        kind = KINDS[i % len(KINDS)]
        first, second = words.word(), words.word()
        if kind == "person":
            name = f"{first} {second}"
            aliases = [name, second] if i % 3 == 0 else [name]
        elif kind == "state":
            name, aliases = first, [first]
        elif kind == "organisation":
            name = f"{first} {second} Council"
            aliases = [name]
        else:
            name = f"{first} {second} Movement"
            aliases = [name, f"the {first}s"]
        new_actors.append({
            "name": name,
            "kind": kind,
            "aliases": aliases,
            "description": _filler(
                descriptions, i, f"Generated {kind} {i + 1} of the benchmark.", 220
            ),
            "sources": [{"title": f"Benchmark source for actor {i + 1}",
                         "url": f"https://example.org/benchmark/actors/{i + 1}"}],
        })
        forms += aliases
    return {"terms": kept_terms + new_terms, "actors": kept_actors + new_actors}, forms


def _series(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def synthetic_pages(
    corpus: Corpus, pages: int, per_page: int, forms: Sequence[str], rng: random.Random
) -> dict[str, str]:
    """``{source path: Markdown}`` of the essay pages and the home page of an edition.

    Paragraphs cycle through the essay's own; every generated form is added, once, to a
    sentence appended to one paragraph, spread evenly over the whole edition.
    """
    total = pages * per_page
    extra: dict[int, list[str]] = {}
    shuffled = list(forms)
    rng.shuffle(shuffled)
    for j, form in enumerate(shuffled):
        extra.setdefault(j * total // max(len(shuffled), 1), []).append(form)
    out: dict[str, str] = {}
    home = [
        "# A synthetic edition { .ed-heading }",
        "",
        f"Generated by scripts/benchmark.py: {pages} pages of the essay's own paragraphs, "
        "repeated, with generated glossary terms and actors.",
        "{ .ed-summary }",
        "",
    ]
    for block in corpus.front:
        home += [block.text, block.attrs, ""]
    out["index.md"] = "\n".join(home)
    for page in range(pages):
        first = page * per_page + 1
        lines = [
            f"# Part {page + 1} {{ .ed-heading }}",
            "",
            f"Part {page + 1} of {pages} · ¶{first}–¶{first + per_page - 1} · "
            "generated by the benchmark",
            "{ .ed-rubric }",
            "",
            "A page of the synthetic edition: the essay's paragraphs again, with generated "
            "terms and actors added.",
            "{ .ed-summary }",
            "",
        ]
        for k in range(per_page):
            number = first + k
            text = corpus.paragraphs[(number - 1) % len(corpus.paragraphs)].text
            if number - 1 in extra:
                text += " This generated passage also names " + _series(extra[number - 1]) + "."
            lines += [text, f"{{ .essay #p{number} }}", ""]
        if page == pages - 1:
            for block in corpus.back:
                lines += [block.text, block.attrs, ""]
        out[f"essay/part-{page + 1:04d}.md"] = "\n".join(lines)
    return out


def _nav_item(item: Any) -> tuple[str | None, Any]:
    """A nav item as (title, value): value is a path, a URL or a list of items."""
    if isinstance(item, dict) and len(item) == 1:
        title, value = next(iter(item.items()))
        return str(title), value
    return None, item


def _nav_paths(nav: list[Any]) -> Iterator[str]:
    for item in nav:
        _, value = _nav_item(item)
        if isinstance(value, list):
            yield from _nav_paths(value)
        elif isinstance(value, str):
            yield value


def filter_nav(
    nav: list[Any], keep: Callable[[str], bool], essay: list[str] | None = None
) -> list[Any]:
    """``nav`` with the pages ``keep`` accepts; the section of essay pages becomes ``essay``.

    Entries that are not pages (external links) stay; sections left empty go.
    """
    out: list[Any] = []
    for item in nav:
        title, value = _nav_item(item)
        if isinstance(value, list):
            if essay is not None and any(p.startswith("essay/") for p in _nav_paths(value)):
                value = [{f"Part {i + 1}": path} for i, path in enumerate(essay)]
            else:
                value = filter_nav(value, keep, essay)
            if value:
                out.append({title: value} if title is not None else value)
            continue
        if isinstance(value, str) and "://" not in value and not keep(value):
            continue
        out.append(item)
    return out


def abbreviations(glossary: dict[str, Any]) -> dict[str, str]:
    """``{form: definition}`` for abbr: every form of every term and actor."""
    out: dict[str, str] = {}
    for term in glossary.get("terms", []):
        for form in (term["term"], *term.get("aliases", [])):
            out.setdefault(form, " ".join(term["definition"].split()))
    for actor in glossary.get("actors", []):
        for form in actor.get("aliases", []) or []:
            out.setdefault(form, " ".join(actor["description"].split()))
    return out


def variant_config(
    base: dict[str, Any], variant: str, glossary: dict[str, Any], docs: Path
) -> dict[str, Any]:
    """The mkdocs.yml of one variant, from the edition's mkdocs.yml with the hook on.

    Without the hook, the nav loses the pages the hook generates (those with no file
    in ``docs``): the glossary, the actors and whatever else it makes.
    """
    config = dict(base)
    if variant == "hook":
        config["hooks"] = [f"hooks/{WRAPPER}"]
        return config
    config.pop("hooks", None)
    config["nav"] = filter_nav(config.get("nav", []), lambda path: (docs / path).is_file())
    extensions = list(config.get("markdown_extensions", []))
    if variant == "abbr-snippets":
        extensions += ["abbr", {"pymdownx.snippets": {"auto_append": [SNIPPETS_FILE]}}]
    elif variant == "abbr-snippets-blocks":
        extensions += ["abbr", {"pymdownx.snippets": {"auto_append": [SNIPPETS_BLOCKS_FILE]}}]
    elif variant == "abbr-glossary":
        extensions += [{"abbr": {"glossary": abbreviations(glossary)}}]
    config["markdown_extensions"] = extensions
    return config


@dataclass
class Edition:
    """An edition written to disk: one directory per variant, and what it holds."""

    size: Size
    root: Path
    pages: int
    terms: int
    actors: int
    markdown_bytes: int
    essay_pages: list[str]
    abbreviations: int

    def project(self, variant: str) -> Path:
        """The project directory of ``variant`` (its own mkdocs.yml, docs/, hooks/...)."""
        return self.root / variant


def _copy_tree(src: Path, dest: Path, skip: Iterable[str] = ()) -> None:
    skipped = set(skip)

    def ignore(directory: str, names: list[str]) -> set[str]:
        rel = Path(directory).relative_to(src)
        return {n for n in names if n == "__pycache__" or (rel / n).as_posix() in skipped}

    shutil.copytree(src, dest, ignore=ignore)


def project_files() -> tuple[str, ...]:
    """What a build reads, as the project's own test support lists it."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from support.build import PROJECT_FILES

        return tuple(PROJECT_FILES)
    except ImportError:
        return FALLBACK_PROJECT_FILES
    finally:
        sys.path.remove(str(ROOT / "tests"))


def snapshot(dest: Path) -> Path:
    """Copy the project's build inputs to ``dest``, so that edits during the run do not count."""
    dest.mkdir(parents=True)
    for name in project_files():
        src = ROOT / name
        if src.is_dir():
            _copy_tree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def _data_file(config: dict[str, Any], option: str) -> str:
    options = (config.get("extra") or {}).get("edition") or {}
    return str(options.get(option, f"{option}.yml"))


def write_edition(
    size: Size, source: Path, dest: Path, corpus: Corpus, per_page: int, seed: int,
    variants: Sequence[str],
) -> Edition:
    """Write ``size`` under ``dest``, one complete project per variant, from ``source``."""
    config = load_yaml(source / "mkdocs.yml")
    glossary_name, notes_name = _data_file(config, "glossary"), _data_file(config, "notes")
    real_glossary = load_yaml(source / glossary_name)
    base = dest / "base"
    base.mkdir(parents=True)
    for name in project_files():
        if name not in ("docs", "mkdocs.yml") and (source / name).exists():
            if (source / name).is_dir():
                _copy_tree(source / name, base / name)
            else:
                shutil.copy2(source / name, base / name)
    if size.real:
        _copy_tree(source / "docs", base / "docs", skip=[OWN_PAGE])
        glossary = real_glossary
        pages = {
            p.relative_to(base / "docs").as_posix(): p.read_text(encoding="utf-8")
            for p in (base / "docs").rglob("*.md")
        }
        essay = None
    else:
        assert size.pages and size.terms and size.actors
        rng = random.Random(f"{seed}:{size.key}")
        words = WordMaker(rng, corpus.words)
        glossary, forms = synthetic_glossary(real_glossary, size.terms, size.actors, words)
        pages = synthetic_pages(corpus, size.pages, per_page, forms, rng)
        _copy_tree(source / "docs" / "assets", base / "docs" / "assets")
        for path, text in pages.items():
            (base / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (base / "docs" / path).write_text(text, encoding="utf-8")
        text = "# Generated by scripts/benchmark.py\n" + dump_yaml(glossary)
        if len(text.encode()) > GLOSSARY_MAX_BYTES:
            raise SystemExit(
                f"{size.label}: the generated glossary.yml is {len(text.encode()):,} bytes, over "
                f"the hook's limit of {GLOSSARY_MAX_BYTES:,}; use fewer terms or actors."
            )
        (base / glossary_name).write_text(text, encoding="utf-8")
        if (source / notes_name).exists():
            # Notes are anchored by quotation, which must occur exactly once: the repeated
            # paragraphs of a synthetic edition cannot hold them.
            (base / notes_name).write_text("notes: []\n", encoding="utf-8")
        events_name = _data_file(config, "events")
        if (source / events_name).exists():
            # Only the events the kept entries refer to: one nothing refers to is a warning.
            used = {i for key in ("terms", "actors") for entry in glossary.get(key, [])
                    for i in entry.get("events", [])}
            records = load_yaml(source / events_name).get("events", [])
            (base / events_name).write_text(dump_yaml(
                {"events": [r for r in records if r["id"] in used]}), encoding="utf-8")
        essay = sorted(p for p in pages if p.startswith("essay/"))
    docs = base / "docs"
    real_docs = source / "docs"
    # With the hook, keep the pages of this edition's docs and those the hook generates
    # (no file in the project's docs either); drop pages this edition lacks.
    config["nav"] = filter_nav(
        config.get("nav", []),
        lambda path: (docs / path).is_file() or not (real_docs / path).is_file(),
        essay,
    )
    (base / "hooks" / WRAPPER).write_text(WRAPPER_SOURCE, encoding="utf-8")
    lines = [f"*[{form}]: {text}" for form, text in abbreviations(glossary).items()]
    (base / SNIPPETS_FILE).parent.mkdir(parents=True)
    (base / SNIPPETS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (base / SNIPPETS_BLOCKS_FILE).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    for variant in variants:
        shutil.copytree(base, dest / variant)
        (dest / variant / "mkdocs.yml").write_text(
            dump_yaml(variant_config(config, variant, glossary, docs)), encoding="utf-8"
        )
    shutil.rmtree(base)
    essay_pages = sorted(p for p in pages if p.startswith("essay/"))
    return Edition(
        size, dest, len(essay_pages), len(glossary.get("terms", [])),
        len(glossary.get("actors", [])),
        sum(len(pages[p].encode()) for p in essay_pages), essay_pages, len(lines),
    )


# ---- Builds ------------------------------------------------------------------------


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment of every MkDocs child: no end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build_command(site: Path, *, strict: bool = False, profile: Path | None = None) -> list[str]:
    """``python -m mkdocs build -q -d <site>`` (optionally strict, or under pyinstrument)."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "pyinstrument", "-r", "pyisession", "-o", str(profile)]
    command += ["-m", "mkdocs", "build", "-d", str(site)]
    command += ["--strict"] if strict else ["-q"]
    return command


@dataclass
class ChildRun:
    """One child process: wall time, CPU time, peak memory and what it printed."""

    returncode: int
    wall: float
    cpu: float
    maxrss_kb: int
    output: str


#: Runs ``python -m MODULE ARGS`` and writes the process's peak resident set size (VmHWM,
#: KiB) to a file at exit. ``ru_maxrss`` from ``wait4`` cannot be used: Linux carries the
#: parent's peak into a child at exec, so every build would report this script's memory.
LAUNCHER_SOURCE = """\
import atexit, runpy, sys

def _record(path=sys.argv[1]):
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(path, "w", encoding="ascii") as out:
        out.write(peak)

atexit.register(_record)
sys.argv = [sys.argv[3], *sys.argv[4:]]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def run_child(
    command: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float
) -> ChildRun:
    """Run ``command`` (``python -m ...``): its wall and CPU time (``wait4``) and peak RSS."""
    assert command[0] == sys.executable and command[1] == "-m", command
    launcher = log.with_name(log.name + ".launch.py")
    peak_file = log.with_name(log.name + ".peak")
    launcher.write_text(LAUNCHER_SOURCE, encoding="utf-8")
    peak_file.unlink(missing_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(launcher), str(peak_file), *command[1:]],
                                   cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = int(peak_file.read_text(encoding="ascii")) if peak_file.exists() else 0
    launcher.unlink(missing_ok=True)
    peak_file.unlink(missing_ok=True)
    return ChildRun(
        process.returncode, wall, usage.ru_utime + usage.ru_stime, peak,
        log.read_text(encoding="utf-8", errors="replace"),
    )


@dataclass
class Run:
    """One timed build of one variant."""

    wall: float
    cpu: float
    maxrss_kb: int
    load: float = 0.0
    hook: dict[str, float] = field(default_factory=dict)


def hook_summary(data: dict[str, Any], essay_pages: Sequence[str]) -> dict[str, float]:
    """The wrapper's JSON as seconds per part of the hook's work.

    ``own`` is every event of the hook plus every Markdown processor it registered;
    the "part:" timings are inside events and are not added again.
    """
    times = {k: v[0] for k, v in data["times"].items()}
    calls = {k: v[1] for k, v in data["times"].items()}
    pages = data["pages"]
    generated = set(data["generated"])
    essay = set(essay_pages)
    events = {k[len("event:"):]: v for k, v in times.items() if k.startswith("event:")}
    trees = {k[len("tree:"):]: v for k, v in times.items() if k.startswith("tree:")}
    main_events = ("on_config", "on_files", "on_page_markdown", "on_env")
    return {
        "own": sum(events.values()) + sum(trees.values()),
        "annotate": trees.get("Annotator", 0.0),
        "paragraphs": trees.get("ParagraphNumbers", 0.0),
        "other_processors": sum(v for k, v in trees.items()
                                if k not in ("Annotator", "ParagraphNumbers")),
        "on_config": events.get("on_config", 0.0),
        "glossary_load": times.get("part:glossary_load", 0.0),
        "notes_load": times.get("part:notes_load", 0.0),
        "on_files": events.get("on_files", 0.0),
        "anchor_notes": times.get("part:anchor_notes", 0.0),
        "on_page_markdown": events.get("on_page_markdown", 0.0),
        "glossary_page": times.get("part:glossary_page", 0.0),
        "actor_pages": times.get("part:actor_page", 0.0),
        "actor_page_count": calls.get("part:actor_page", 0),
        "actors_index": times.get("part:actors_index", 0.0),
        "network": times.get("part:network_svg", 0.0),
        "notes_page": times.get("part:notes_page", 0.0),
        "timeline_page": times.get("part:timeline_page", 0.0)
        + times.get("part:timeline_events", 0.0),
        "on_env": events.get("on_env", 0.0),
        "other_events": sum(v for k, v in events.items() if k not in main_events),
        "generated_pages_e2e": sum(sum(v) for k, v in pages.items() if k in generated),
        "generated_page_count": len(generated),
        "essay_pages_e2e": sum(sum(v) for k, v in pages.items() if k in essay),
    }


def built_path(src: str) -> str:
    """The HTML file MkDocs writes for the source page ``src`` (directory URLs)."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


# ---- What a built site holds -------------------------------------------------------

_ANNOTATION_XPATH = (
    "count(//a[contains(concat(' ', normalize-space(@class), ' '), ' ed-annotation ')])"
)


@dataclass
class SiteStats:
    """Sizes and annotation counts of one built site."""

    total_bytes: int
    html_bytes: int
    annotations: int
    abbrs: int
    pages: dict[str, tuple[int, int]]  # html path -> (file bytes, <article> bytes)

    def largest(self, among: Iterable[str] | None = None) -> dict[str, Any]:
        """The largest page, of all or of the built paths ``among``."""
        wanted = set(among) if among is not None else None
        items = [
            (path, sizes) for path, sizes in self.pages.items()
            if wanted is None or path in wanted
        ]
        if not items:
            return {"path": None, "bytes": 0, "article_bytes": 0}
        path, (size, article) = max(items, key=lambda item: item[1][0])
        return {"path": path, "bytes": size, "article_bytes": article}


def analyse_site(site: Path) -> SiteStats:
    """Walk ``site``: bytes, page sizes and the annotations in the HTML."""
    from lxml import html as lxml_html

    total = html_bytes = annotations = abbrs = 0
    pages: dict[str, tuple[int, int]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix != ".html":
            continue
        html_bytes += size
        raw = path.read_bytes()
        start, end = raw.find(b"<article"), raw.find(b"</article>")
        article = end + len(b"</article>") - start if 0 <= start < end else 0
        pages[path.relative_to(site).as_posix()] = (size, article)
        if b"ed-annotation" in raw or b"<abbr" in raw:
            tree = lxml_html.document_fromstring(raw)
            annotations += int(tree.xpath(_ANNOTATION_XPATH))
            abbrs += int(tree.xpath("count(//abbr)"))
    return SiteStats(total, html_bytes, annotations, abbrs, pages)


# ---- Profiles ----------------------------------------------------------------------

#: Where a build's time goes: (label, file path ending, function (a regular expression) or
#: None for any, nested).
#: A phase is the time of its outermost matching frames; "nested" rows are inside the one
#: above them and are not added to the total.
PHASES: tuple[tuple[str, str, str | None, bool], ...] = (
    ("The hook's events (data files, notes pre-pass, generated pages' Markdown)",
     "/hooks/edition_hook.py", r"on_\w+", False),
    ("Python-Markdown, every page (but the notes pre-pass, in the row above)",
     "/markdown/core.py", r"Markdown\.convert", False),
    ("· of which the hook's tree processors (annotations, ¶ numbers, notes, lists)",
     "/hooks/edition/", None, True),
    ("· of which MkDocs' link checks and rewriting", "/mkdocs/structure/pages.py",
     r"_RelativePathTreeprocessor\.run", True),
    ("Material's page template", "/jinja2/environment.py", r"Template\.render", False),
    ("· of which the navigation sidebar", "/material/templates/partials/nav.html", None, True),
    ("Material's search index (parsing every page's HTML, writing the index)",
     "/material/plugins/search/plugin.py", None, False),
)


def _frame_name(frame: Any) -> str:
    return f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function


def _outermost(
    frame: Any, ending: str, function: str | None, claimed: set[int] | None = None
) -> list[Any]:
    """The outermost frames at or under ``frame`` in the phase's file (and function).

    Frames in ``claimed`` (an earlier phase's) are not searched, so no time counts twice.
    """
    if claimed and id(frame) in claimed:
        return []
    path = (frame.file_path or "").replace("\\", "/")
    in_file = path.endswith(ending) or (ending.endswith("/") and ending in path)
    if in_file and (function is None or re.fullmatch(function, _frame_name(frame))):
        return [frame]
    return [found for child in frame.children
            for found in _outermost(child, ending, function, claimed)]


def profile_summary(path: Path) -> dict[str, Any]:
    """Where a pyinstrument session's time went, by the phases of a build (seconds)."""
    from pyinstrument.session import Session

    root = Session.load(str(path)).root_frame()
    if root is None:
        return {"total": 0.0, "phases": {}}
    phases: dict[str, float] = {}
    claimed: set[int] = set()
    counted, parents = 0.0, [root]
    for label, ending, function, nested in PHASES:
        if nested:
            found = [f for parent in parents for f in _outermost(parent, ending, function)]
        else:
            found = parents = _outermost(root, ending, function, claimed)
            claimed.update(id(f) for f in found)
        phases[label] = sum(f.time for f in found)
        counted += 0.0 if nested else phases[label]
    phases["Everything else (MkDocs: reading, nav, writing files; imports)"] = (
        root.time - counted
    )
    return {"total": root.time, "phases": phases}


def write_profile_reports(session: Path, stem: Path) -> None:
    """pyinstrument's own text and HTML reports of a saved session, beside it."""
    from pyinstrument.renderers import ConsoleRenderer, HTMLRenderer
    from pyinstrument.session import Session

    loaded = Session.load(str(session))
    stem.with_suffix(".html").write_text(HTMLRenderer().render(loaded), encoding="utf-8")
    text = ConsoleRenderer(unicode=True, color=False, show_all=False).render(loaded)
    stem.with_suffix(".txt").write_text(text, encoding="utf-8")


# ---- mkdocs serve ------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _mark_definition(text: str, marker: str) -> str:
    """``glossary.yml`` with ``marker`` at the start of one definition (JCPOA's, or the first)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, row in enumerate(lines) if re.match(r'\s*- term: "?JCPOA"?\s*$', row)),
                 0)
    for i in range(start, len(lines)):
        found = re.match(r"(\s*definition:\s*)(.*)$", lines[i].rstrip("\n"))
        if found is None:
            continue
        if found.group(2) in (">-", ">", "|", "|-", ">+"):
            indent = len(lines[i + 1]) - len(lines[i + 1].lstrip())
            lines[i + 1] = lines[i + 1][:indent] + marker + " " + lines[i + 1][indent:]
        else:
            value = found.group(2)
            quote = value[:1] if value[:1] in "\"'" else ""
            lines[i] = found.group(1) + quote + marker + " " + value[len(quote):] + "\n"
        return "".join(lines)
    raise SystemExit("no definition found in glossary.yml")


_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def measure_serve(
    source: Path, hooks: list[str], work: Path, repeats: int, poll: float = 0.05,
    bound: float = 30.0,
) -> dict[str, Any]:
    """Median time from an edit to the served page showing it, under ``mkdocs serve``.

    The real edition (from ``source``, the real edition's hook project). Two edits,
    alternating: one glossary definition (glossary.yml, watched by the hook; polled on
    the glossary page) and one essay page (a new line at its end; polled on that page).
    """
    project = work / "serve"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("__pycache__"))
    config = load_yaml(project / "mkdocs.yml")
    config["hooks"] = hooks  # the project's own hooks, not the timing wrapper
    (project / "mkdocs.yml").write_text(dump_yaml(config), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = mkdocs_env()
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = work / "serve.log"
    glossary = project / "glossary.yml"
    original = glossary.read_text(encoding="utf-8")
    page = project / "docs" / "essay" / "jcpoa.md"
    if not page.exists():
        page = sorted((project / "docs" / "essay").glob("*.md"))[0]
    page_url = url + "essay/" + page.stem + "/"
    page_text = page.read_text(encoding="utf-8")
    results: dict[str, list[float | None]] = {"glossary": [], "page": []}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        started = time.perf_counter()
        while (_get(url + "glossary/") or (0, ""))[0] != 200:
            if process.poll() is not None or time.perf_counter() - started > 300:
                raise SystemExit("mkdocs serve did not start:\n" + log.read_text())
            time.sleep(0.2)
        first_serve = time.perf_counter() - started
        time.sleep(1.0)
        for i in range(repeats):
            for kind in ("glossary", "page"):
                marker = f"Benchmark{i}{kind}{uuid.uuid4().hex[:10]}"
                if kind == "glossary":
                    target, text, check = glossary, _mark_definition(original, marker), "glossary/"
                else:
                    target, text, check = page, page_text + f"\n\n{marker}\n", page_url
                target.write_text(text, encoding="utf-8")
                edited = time.perf_counter()
                seen = None
                while time.perf_counter() - edited < bound:
                    answer = _get(check if check.startswith("http") else url + check)
                    if answer and answer[0] == 200 and marker in answer[1]:
                        seen = time.perf_counter() - edited
                        break
                    time.sleep(poll)
                results[kind].append(seen)
                time.sleep(1.0)
        glossary.write_text(original, encoding="utf-8")
        page.write_text(page_text, encoding="utf-8")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)

    def median(values: list[float | None]) -> float | None:
        done = [v for v in values if v is not None]
        return statistics.median(done) if done and len(done) == len(values) else None

    # MkDocs logs each build's own duration; the first is the initial build, then one per
    # edit (and the restoring writes at the end, which are dropped).
    logged = log.read_text(encoding="utf-8", errors="replace")
    builds = [float(m) for m in _BUILT_IN.findall(logged)]
    rebuilds = builds[1:1 + 2 * repeats]
    return {
        "command": " ".join(["python", *command[1:]]),
        "repeats": repeats,
        "poll_seconds": poll,
        "first_serve_seconds": first_serve,
        "glossary_edit": results["glossary"],
        "page_edit": results["page"],
        "glossary_edit_median": median(results["glossary"]),
        "page_edit_median": median(results["page"]),
        "glossary_edit_best": min((v for v in results["glossary"] if v is not None), default=None),
        "page_edit_best": min((v for v in results["page"] if v is not None), default=None),
        "rebuilds": rebuilds,
        "rebuild_median": statistics.median(rebuilds) if rebuilds else None,
    }


# ---- The matcher alone ------------------------------------------------------------


def matcher_series(
    source: Path, corpus: Corpus, counts: Sequence[int], actors: int, seed: int,
    repeats: int = 30,
) -> dict[str, Any]:
    """The hook's matcher, in this process, over the same text for glossaries of each size.

    The text is the essay's paragraphs without any generated words, so every glossary
    finds the same occurrences: what changes is only the size of the compiled expression.
    """
    hooks = str(source / "hooks")
    sys.path.insert(0, hooks)
    try:
        from edition.data.glossary import load
        from edition.text.annotate import targets
        from edition.text.matcher import Matcher
    except ImportError as error:
        return {"error": f"cannot import the hook's matcher: {error}"}
    finally:
        sys.path.remove(hooks)
    config = load_yaml(source / "mkdocs.yml")
    real = load_yaml(source / _data_file(config, "glossary"))
    text = "\n\n".join(block.text for block in corpus.paragraphs)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            words = WordMaker(random.Random(f"{seed}:matcher:{count}"), corpus.words)
            data, _ = synthetic_glossary(real, count, actors, words)
            path = Path(tmp) / "glossary.yml"
            path.write_text(dump_yaml(data), encoding="utf-8")
            glossary = load(path)
            start = time.perf_counter()
            matcher = Matcher(targets(glossary))
            compiled = time.perf_counter() - start
            scans = []
            for _ in range(repeats):
                start = time.perf_counter()
                found = list(matcher.finditer(text))
                scans.append(time.perf_counter() - start)
            scan = min(scans)  # the least disturbed by other work on the machine
            rows.append({
                "terms": count, "actors": actors, "forms": len(matcher),
                "compile_ms": compiled * 1000, "scan_ms": scan * 1000,
                "scan_us_per_kib": scan * 1e6 / (len(text.encode()) / 1024),
                "matches": len(found),
            })
    return {"text_kib": len(text.encode()) / 1024, "repeats": repeats, "rows": rows}


# ---- The benchmark -----------------------------------------------------------------


def _median(values: Iterable[float]) -> float:
    items = list(values)
    return statistics.median(items) if items else 0.0


@dataclass
class Bench:
    """Settings of one benchmark run."""

    runs: int
    source: Path
    work: Path
    out: Path
    per_page: int
    seed: int
    timeout: float
    validate: bool
    snippets_max_lines: int
    log: Callable[[str], None]


def benchmark_size(
    bench: Bench, size: Size, corpus: Corpus, variants: Sequence[str], profile: bool
) -> dict[str, Any]:
    """Write, validate, build (interleaved) and measure one edition."""
    log = bench.log
    edition = write_edition(
        size, bench.source, bench.work / re.sub(r"\W", "_", size.label), corpus,
        bench.per_page, bench.seed, variants,
    )
    log(f"[{size.label}] {edition.pages} essay pages, {edition.terms} terms, "
        f"{edition.actors} actors, {edition.markdown_bytes / edition.pages / 1024:.1f} KiB of "
        "Markdown per essay page")
    sites = bench.work / "sites" / re.sub(r"\W", "_", size.label)
    logs = bench.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"\W", "_", size.label)
    validation: dict[str, Any] = {"strict": False}
    if bench.validate:
        site = sites / "validate"
        child = run_child(build_command(site, strict=True), edition.project("hook"),
                          mkdocs_env(), logs / f"{stem}-validate.log", bench.timeout)
        warnings = [r for r in child.output.splitlines() if r.startswith(("WARNING", "ERROR"))]
        validation = {"strict": child.returncode == 0, "warnings": warnings[:20],
                      "seconds": child.wall}
        log(f"[{size.label}] validation build --strict: "
            f"{'passed' if child.returncode == 0 else 'FAILED'} in {child.wall:.1f} s")
        if child.returncode != 0:
            raise SystemExit(f"{size.label}: the hook build fails --strict:\n{child.output}")
        shutil.rmtree(site, ignore_errors=True)
    skipped: dict[str, str] = {}
    if "abbr-snippets" in variants and edition.abbreviations > bench.snippets_max_lines:
        skipped["abbr-snippets"] = (
            f"skipped: {edition.abbreviations:,} definition lines, over --snippets-max-lines "
            f"{bench.snippets_max_lines:,} (abbr's block processor is quadratic in them)"
        )
        log(f"[{size.label}] abbr-snippets {skipped['abbr-snippets']}")
    variants = [v for v in variants if v not in skipped]
    runs: dict[str, list[Run]] = {v: [] for v in variants}
    generated: set[str] = set()
    for number in range(bench.runs):
        shift = number % len(variants)
        for variant in [*variants[shift:], *variants[:shift]]:
            site = sites / variant
            shutil.rmtree(site, ignore_errors=True)
            timings = bench.work / f"timings-{stem}-{variant}.json"
            timings.unlink(missing_ok=True)
            load = os.getloadavg()[0]
            child = run_child(
                build_command(site), edition.project(variant),
                mkdocs_env(**{TIMINGS_ENV: str(timings)}),
                logs / f"{stem}-{variant}-{number + 1}.log", bench.timeout,
            )
            if child.returncode != 0:
                raise SystemExit(f"{size.label} {variant}: the build failed:\n{child.output}")
            run = Run(child.wall, child.cpu, child.maxrss_kb, load)
            if variant == "hook":
                data = json.loads(timings.read_text(encoding="utf-8"))
                run.hook = hook_summary(data, edition.essay_pages)
                generated = {built_path(src) for src in data["generated"]}
            runs[variant].append(run)
            log(f"[{size.label}] run {number + 1}/{bench.runs} {variant:<13} "
                f"{child.wall:7.2f} s wall, {child.maxrss_kb / 1024:6.0f} MiB peak"
                + (f", hook {run.hook['own']:.2f} s" if run.hook else ""))
    results: dict[str, Any] = {
        "label": size.label,
        "real": size.real,
        "pages": edition.pages,
        "terms": edition.terms,
        "actors": edition.actors,
        "paragraphs_per_page": None if size.real else bench.per_page,
        "abbreviations": edition.abbreviations,
        "markdown_bytes_per_page": edition.markdown_bytes / edition.pages,
        "validation": validation,
        "project": str(edition.project("hook")),
        "variants": {},
    }
    stats: dict[str, SiteStats] = {}
    for variant in variants:
        stats[variant] = analyse_site(sites / variant)
        walls = [r.wall for r in runs[variant]]
        entry: dict[str, Any] = {
            "wall": walls,
            "wall_median": _median(walls),
            "cpu": [r.cpu for r in runs[variant]],
            "cpu_median": _median(r.cpu for r in runs[variant]),
            "maxrss_kb": [r.maxrss_kb for r in runs[variant]],
            "load_before": [r.load for r in runs[variant]],
            "maxrss_median_mb": _median(r.maxrss_kb for r in runs[variant]) / 1024,
            "site_bytes": stats[variant].total_bytes,
            "html_bytes": stats[variant].html_bytes,
            "html_pages": len(stats[variant].pages),
            "annotations": stats[variant].annotations,
            "abbrs": stats[variant].abbrs,
            "largest_page": stats[variant].largest(),
        }
        if variant == "hook":
            parts = runs[variant][0].hook.keys()
            entry["hook_timing"] = {k: _median(r.hook[k] for r in runs[variant]) for k in parts}
            entry["hook_ms_per_page"] = entry["hook_timing"]["own"] * 1000 / edition.pages
            entry["annotate_ms_per_page"] = (
                (entry["hook_timing"]["annotate"] + entry["hook_timing"]["paragraphs"])
                * 1000 / edition.pages
            )
            entry["largest_generated_page"] = stats[variant].largest(generated)
            entry["generated_pages"] = len(generated)
        results["variants"][variant] = entry
    if "nohook" in variants:
        base = results["variants"]["nohook"]
        for variant in variants:
            entry = results["variants"][variant]
            entry["ratio"] = entry["wall_median"] / base["wall_median"]
            entry["added_seconds"] = entry["wall_median"] - base["wall_median"]
            entry["cpu_ratio"] = entry["cpu_median"] / base["cpu_median"]
            common = set(stats[variant].pages) & set(stats["nohook"].pages)
            common -= generated
            file_delta = sum(stats[variant].pages[p][0] - stats["nohook"].pages[p][0]
                             for p in common)
            article_delta = sum(stats[variant].pages[p][1] - stats["nohook"].pages[p][1]
                                for p in common)
            essay = [p for p in common if p.startswith("essay/")]
            essay_article = sum(stats[variant].pages[p][1] - stats["nohook"].pages[p][1]
                                for p in essay)
            entry["added_bytes"] = {
                "site": entry["site_bytes"] - base["site_bytes"],
                "html": entry["html_bytes"] - base["html_bytes"],
                "common_pages": len(common),
                "file_per_page": file_delta / max(len(common), 1),
                "article_per_page": article_delta / max(len(common), 1),
                "article_per_essay_page": essay_article / max(len(essay), 1),
            }
    for variant, reason in skipped.items():
        results["variants"][variant] = {"skipped": reason}
    if profile and "hook" in variants and "nohook" in variants:
        results["profile"] = {}
        for variant in ("hook", "nohook"):
            session = bench.out / f"profile-{stem}-{variant}.pyisession"
            site = sites / "profile"
            child = run_child(build_command(site, profile=session), edition.project(variant),
                              mkdocs_env(), logs / f"{stem}-profile-{variant}.log",
                              bench.timeout * 3)
            if child.returncode == 0 and session.exists():
                summary = profile_summary(session)
                summary["wall_under_profiler"] = child.wall
                results["profile"][variant] = summary
                write_profile_reports(session, session.with_suffix(""))
                log(f"[{size.label}] {variant} profile written: "
                    f"{session.with_suffix('.html')}")
            shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(sites, ignore_errors=True)
    return results


# ---- The report --------------------------------------------------------------------


def git_state() -> str:
    """The commit measured, and whether build inputs had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *project_files()],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    changed = [row[3:] for row in dirty.splitlines() if row[3:] != f"maintainers/{OWN_PAGE}"]
    return head + (f" with uncommitted changes to {len(changed)} build input(s)"
                   if changed else "")


def machine() -> dict[str, Any]:
    """The machine and the versions that ran the benchmark."""
    model = "unknown"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                model = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        row = Path("/proc/meminfo").read_text().splitlines()[0]
        memory = round(int(row.split()[1]) / 1024 / 1024, 1)
    except (OSError, IndexError, ValueError):
        pass

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "markdown": version("Markdown"),
        "pymdown_extensions": version("pymdown-extensions"),
        "pyyaml": version("PyYAML"),
        "jsonschema": version("jsonschema"),
    }


@dataclass
class Table:
    """A table to render as Markdown (stdout) or HTML (the docs page)."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


def _fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def _kb(value: float) -> str:
    return f"{value / 1024:,.1f}"


def _pct(ratio: float) -> str:
    return f"{(ratio - 1) * 100:+.1f} %"


def _best_ratio(size: dict[str, Any], variant: str) -> float:
    """The variant's fastest run over the no-hook build's fastest run.

    Other work on the machine only ever adds time, so the fastest of the runs is the
    closest to a build's own cost.
    """
    return min(size["variants"][variant]["wall"]) / min(size["variants"]["nohook"]["wall"])


def _variant_row(size: dict[str, Any], variant: str, entry: dict[str, Any]) -> list[str]:
    head = [size["label"], str(size["pages"]), str(size["terms"]), str(size["actors"]),
            VARIANT_NAMES[variant]]
    if "skipped" in entry:
        return [*head, entry["skipped"], *["–"] * 8]
    added = entry.get("added_bytes") if variant != "nohook" else None
    best = min(entry["wall"])
    return [
        *head,
        f"{_fmt(best)} ({_pct(_best_ratio(size, variant))})",
        f"{_fmt(entry['wall_median'])} ({_pct(entry['ratio'])})" if "ratio" in entry
        else _fmt(entry["wall_median"]),
        _fmt(entry.get("hook_ms_per_page"), 1) if variant == "hook" else "–",
        _fmt(entry["maxrss_median_mb"], 0),
        _fmt(entry["site_bytes"] / 1024 / 1024, 1),
        _kb(added["site"]) if added else "–",
        _kb(added["article_per_essay_page"]) if added else "–",
        f"{entry['annotations']:,}" if variant in ("hook", "nohook")
        else f"{entry['abbrs']:,} abbr",
    ]


def _page(largest: dict[str, Any]) -> str:
    if not largest.get("path"):
        return "–"
    return (f"{largest['path']}: {_kb(largest['bytes'])} KiB "
            f"(content {_kb(largest['article_bytes'])} KiB)")


def _parts_table(sizes: list[dict[str, Any]]) -> Table | None:
    """Where the hook's time goes, one column per edition."""
    hooked = [s for s in sizes if "hook_timing" in s["variants"].get("hook", {})]
    if not hooked:
        return None
    timings = [s["variants"]["hook"]["hook_timing"] for s in hooked]

    def row(label: str, key: str | Callable[[dict[str, Any]], float]) -> list[str]:
        values = [key(t) if callable(key) else t.get(key, 0.0) for t in timings]
        return [label, *(_fmt(v) for v in values)]

    rows = [
        row("Hook's own time, all of it", "own"),
        row("on_config: load the data files, compile the matcher", "on_config"),
        row("· of which glossary.yml read and validated", "glossary_load"),
        row("· of which notes.yml read and validated", "notes_load"),
        row("on_files (· of which notes anchored, below)", "on_files"),
        row("· notes anchored (Markdown of every page, again)", "anchor_notes"),
        row("Annotator, every page", "annotate"),
        row("ParagraphNumbers, every page", "paragraphs"),
        row("Other Markdown processors of the hook", "other_processors"),
        row("on_page_markdown: the generated pages' Markdown", "on_page_markdown"),
        row("· glossary page", "glossary_page"),
        row("· actor pages", "actor_pages"),
        row("· actors index", "actors_index"),
        row("· · of which the network (layout, SVG)", "network"),
        row("· notes page", "notes_page"),
        row("· timeline page", "timeline_page"),
        row("on_env (unused-form checks)", "on_env"),
        row("Other events", "other_events"),
        ["Generated pages", *(f"{int(t.get('generated_page_count', 0)):,}" for t in timings)],
        row("Generated pages, end to end", "generated_pages_e2e"),
        ["Essay pages, end to end, per page (ms)",
         *(_fmt(t["essay_pages_e2e"] * 1000 / s["pages"], 1) for t, s in zip(timings, hooked,
                                                                             strict=True))],
        ["Largest generated page",
         *(_page(s["variants"]["hook"]["largest_generated_page"]) for s in hooked)],
        ["Largest page",
         *(_page(s["variants"]["hook"]["largest_page"]) for s in hooked)],
    ]
    return Table(
        "Where the hook build's time goes (seconds, median of the runs)",
        ["Part", *(s["label"] for s in hooked)],
        rows,
        "Timed inside the build by a wrapper hook (perf_counter around each of the hook's "
        "events and each Markdown processor it registers). Rows marked · are inside the row "
        "above. End to end: from on_pre_page to on_page_content plus from on_page_context to "
        "on_post_page, i.e. the page's Markdown, Python-Markdown, the theme's template and the "
        "search index. Sizes in KiB; content is the page's <article>.",
    )


def results_tables(results: dict[str, Any]) -> list[Table]:
    """Every table of the report."""
    tables: list[Table] = []
    rows = [
        _variant_row(size, variant, entry)
        for size in results["sizes"] for variant, entry in size["variants"].items()
    ]
    tables.append(Table(
        "Builds: wall time, against the build without the hook",
        ["Edition", "N pages", "M terms", "A actors", "Build", "Best wall (s), vs no hook",
         "Median wall (s), vs no hook", "Hook ms/page", "Peak RSS (MiB)", "Site (MiB)",
         "Site +KiB", "+KiB/essay page", "Annotations"],
        rows,
        "Best: the fastest of the runs, against the fastest no-hook run; other work on the "
        "machine only ever adds time, so this is the closest to each build's own cost. "
        "Median: the middle run. Hook ms/page: the hook's own time (its events and the "
        "Markdown processors it registers, timed inside the build) divided by N essay pages. "
        "Site +KiB: the whole site against the no-hook build (generated pages, search "
        "index). +KiB/essay page: the growth of an essay page's <article> (annotations and "
        "paragraph numbers), mean over the essay pages. Annotations: a.ed-annotation "
        "elements in the built HTML; for the abbr builds, abbr elements.",
    ))
    parts = _parts_table(results["sizes"])
    if parts is not None:
        tables.append(parts)
    plans = (("glossary", "Fixed N, growing glossary"), ("text", "Fixed M, growing text"))
    for key, title in plans:
        series = results.get("series", {}).get(key)
        if not series:
            continue
        rows = [[
            s["label"], str(s["pages"]), str(s["terms"]), str(s["actors"]),
            _fmt(min(s["variants"]["hook"]["wall"])),
            _fmt(min(s["variants"]["nohook"]["wall"])),
            _pct(_best_ratio(s, "hook")),
            _fmt(s["variants"]["hook"]["annotations"] / s["pages"], 1),
            _fmt(s["variants"]["hook"]["annotate_ms_per_page"], 2),
            _fmt(s["variants"]["hook"]["hook_ms_per_page"], 1),
            _fmt(s["variants"]["hook"]["hook_timing"]["generated_pages_e2e"]),
            _fmt(s["markdown_bytes_per_page"] / 1024, 2),
            _kb(s["variants"]["hook"]["largest_generated_page"]["bytes"]),
        ] for s in series]
        tables.append(Table(
            f"Series: {title}",
            ["Edition", "N", "M", "A", "Hook, best (s)", "No hook, best (s)", "vs no hook",
             "Annotations/page", "Annotate + ¶ ms/page", "Hook ms/page", "Generated pages (s)",
             "Markdown KiB/page", "Largest generated KiB"],
            rows,
        ))
    matcher = results.get("matcher")
    if matcher and matcher.get("rows"):
        tables.append(Table(
            f"The hook's matcher alone, in one process, on the essay's own paragraphs "
            f"({matcher['text_kib']:.1f} KiB, no generated words)",
            ["M terms", "A actors", "Forms", "Compile (ms)", "Scan (ms)", "Scan (µs per KiB)",
             "Matches"],
            [[f"{r['terms']:,}", str(r["actors"]), f"{r['forms']:,}", _fmt(r["compile_ms"], 1),
              _fmt(r["scan_ms"], 2), _fmt(r["scan_us_per_kib"], 0), f"{r['matches']:,}"]
             for r in matcher["rows"]],
            f"Best of {matcher['repeats']} scans. The same occurrences are found whatever the "
            "glossary's size, so this isolates the cost of a larger compiled expression.",
        ))
    serve = results.get("serve")
    if serve:
        def values(items: list[float | None]) -> str:
            return ", ".join("timeout" if v is None else f"{v:.2f}" for v in items)
        tables.append(Table(
            "mkdocs serve, real edition: seconds from saving an edit to the page serving it",
            ["Edit", "Median (s)", "Best (s)", "Each (s)"],
            [["a definition in glossary.yml", _fmt(serve["glossary_edit_median"]),
              _fmt(serve.get("glossary_edit_best")), values(serve["glossary_edit"])],
             ["a line added to an essay page", _fmt(serve["page_edit_median"]),
              _fmt(serve.get("page_edit_best")), values(serve["page_edit"])],
             ["of which the rebuild itself, as MkDocs logs it", _fmt(serve.get("rebuild_median")),
              _fmt(min(serve.get("rebuilds") or [0.0]) if serve.get("rebuilds") else None),
              values(serve.get("rebuilds") or [])]],
            f"Polled every {int(serve['poll_seconds'] * 1000)} ms. From the edit to the page, "
            "the time includes MkDocs' file watcher, which polls every 0.5 s, its 0.1 s wait "
            "for edits to settle, and a full rebuild (mkdocs serve rebuilds everything on every "
            "change); the last row is the rebuild alone, for every edit of both kinds.",
        ))
    targets = results.get("targets")
    if targets:
        tables.append(Table("Targets", ["Target", "Measured", "Met"],
                            [[t["target"], t["measured"], t["met"]] for t in targets]))
    for size in results["sizes"]:
        prof = size.get("profile") or {}
        if "hook" not in prof or "nohook" not in prof:
            continue
        hook, nohook = prof["hook"], prof["nohook"]
        rows = [[label, _fmt(hook["phases"][label]), _fmt(nohook["phases"].get(label, 0.0)),
                 _fmt(hook["phases"][label] - nohook["phases"].get(label, 0.0))]
                for label in hook["phases"]]
        rows.append(["Whole build", _fmt(hook["total"]), _fmt(nohook["total"]),
                     _fmt(hook["total"] - nohook["total"])])
        tables.append(Table(
            f"pyinstrument, {size['label']}: where the time goes, with the hook and without",
            ["Phase", "Hook (s)", "No hook (s)", "Difference (s)"], rows,
            "One build of each under pyinstrument (a sampling profiler, so slower than the "
            "timed builds); a phase is the time of the outermost calls into it. Rows marked · "
            "are inside the row above. The full reports (HTML, text) are written beside the "
            "results file.",
        ))
    return tables


def _targets(results: dict[str, Any]) -> list[dict[str, str]]:
    """Each target of maintainers/performance.md, what was measured and whether it is met."""
    out: list[dict[str, str]] = []
    by_label = {s["label"]: s for s in results["sizes"]}

    def verdict(ok: bool) -> str:
        return "yes" if ok else "no"

    for size in results["sizes"]:
        hook = size["variants"].get("hook")
        if not hook or "ratio" not in hook:
            continue
        limit = 0.10 if size["real"] else 0.05
        out.append({
            "target": f"hook adds ≤ {limit * 100:.0f} % to the build, {size['label']}",
            "measured": f"{_pct(_best_ratio(size, 'hook'))} best of runs, "
                        f"{_pct(hook['ratio'])} median",
            "met": verdict(_best_ratio(size, "hook") - 1 <= limit),
        })
    series = results.get("series", {}).get("glossary") or []
    matcher = (results.get("matcher") or {}).get("rows") or []
    if len(matcher) >= 2:
        values = [r["scan_us_per_kib"] for r in matcher]
        spread = max(values) / min(values)
        out.append({
            "target": "flat as the glossary grows: the matcher's scan time per KiB within 1.5× "
                      "for M = " + ", ".join(f"{r['terms']:,}" for r in matcher),
            "measured": " → ".join(f"{v:.0f}" for v in values) + f" µs/KiB ({spread:.2f}×)",
            "met": verdict(spread <= 1.5),
        })
    if len(series) >= 2:
        for measure, name in (("annotate_ms_per_page", "annotation"),
                              ("hook_ms_per_page", "whole hook")):
            values = [s["variants"]["hook"][measure] for s in series]
            spread = max(values) / min(values) if min(values) > 0 else float("inf")
            out.append({
                "target": f"flat as the glossary grows: {name} time per page within 1.5× "
                          "across " + ", ".join(s["label"] for s in series),
                "measured": " → ".join(f"{v:.2f}" for v in values) + f" ms ({spread:.2f}×)",
                "met": verdict(spread <= 1.5),
            })
    series = results.get("series", {}).get("text") or []
    if len(series) >= 3:
        for key, name in (("annotate", "annotation"), ("own", "whole hook")):
            def seconds(s: dict[str, Any], key: str = key) -> float:
                timing = s["variants"]["hook"]["hook_timing"]
                return timing[key] + (timing["paragraphs"] if key == "annotate" else 0.0)
            slopes = [
                (seconds(b) - seconds(a)) * 1000 / (b["pages"] - a["pages"])
                for a, b in itertools.pairwise(series)
            ]
            spread = max(slopes) / min(slopes) if min(slopes) > 0 else float("inf")
            out.append({
                "target": f"linear in the text: {name} time per added page the same (within "
                          "1.5×) across " + ", ".join(s["label"] for s in series),
                "measured": " → ".join(f"{v:.2f}" for v in slopes) + f" ms/page ({spread:.2f}×)",
                "met": verdict(spread <= 1.5),
            })
    serve = results.get("serve")
    if serve:
        for key, name in (("glossary_edit_median", "a glossary edit"),
                          ("page_edit_median", "an essay page edit")):
            value = serve.get(key)
            out.append({
                "target": f"mkdocs serve shows {name} within 1 s (real edition)",
                "measured": "timeout" if value is None else f"{value:.2f} s",
                "met": verdict(value is not None and value <= 1.0),
            })
    real = by_label.get("real")
    if real and "hook" in real["variants"]:
        largest = real["variants"]["hook"]["largest_generated_page"]
        out.append({
            "target": "no generated page over 150 KB (real edition)",
            "measured": f"{largest['path']}: {largest['bytes'] / 1000:.0f} KB",
            "met": verdict(largest["bytes"] <= 150_000),
        })
    return out


def _markdown_table(table: Table) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out = [f"**{table.caption}**", "", "| " + " | ".join(map(cell, table.header)) + " |",
           "|" + "|".join(" --- " for _ in table.header) + "|"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
    if table.note:
        out += ["", table.note]
    return "\n".join(out)


def _html_table(table: Table) -> str:
    def cell(text: str) -> str:
        return html.escape(text, quote=False)

    # Focusable: a wide table scrolls sideways, and a keyboard must be able to scroll it.
    out = ['<table tabindex="0">', f"<caption>{cell(table.caption)}</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{cell(h)}</th>' for h in table.header]
    out += ["</tr></thead>", "<tbody>"]
    for row in table.rows:
        out.append("<tr>" + f'<th scope="row">{cell(row[0])}</th>'
                   + "".join(f"<td>{cell(c)}</td>" for c in row[1:]) + "</tr>")
    out += ["</tbody>", "</table>"]
    text = "\n".join(out)
    if table.note:
        text += "\n\n" + cell(table.note)
    return text


def _preamble(results: dict[str, Any], code: Callable[[str], str]) -> list[str]:
    m = results["machine"]
    return [
        f"Measured on {results['date']}: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; "
        f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}, Markdown "
        f"{m['markdown']}, pymdown-extensions {m['pymdown_extensions']}, PyYAML {m['pyyaml']}, "
        f"jsonschema {m['jsonschema']}; {m['os']}. Load average "
        f"{results['load_before']} before and {results['load_after']} after; other work may "
        f"have run at the same time, hence interleaved builds, and the best and the median of "
        f"{results['runs']} runs.",
        "",
        f"Benchmark: {code(results['command'])}, on {results['tree']}. Each build: "
        f"{code(results['build_command'])} as a child process in the edition's directory, "
        "with NO_MKDOCS_2_WARNING=1, not --strict, started by a few-line launcher that "
        "records its peak resident memory (VmHWM); "
        + ("every edition's hook build first passed a separate, untimed "
           f"{code('mkdocs build --strict')}." if results.get("validated")
           else "the editions were not checked with --strict (--tiny or --no-validate)."),
    ]


def render_markdown(results: dict[str, Any]) -> str:
    """The report as Markdown (stdout and report.md)."""
    parts = ["\n".join(_preamble(results, lambda s: f"`{s}`"))]
    parts += [_markdown_table(t) for t in results_tables(results)]
    return "\n\n".join(parts) + "\n"


def render_html(results: dict[str, Any]) -> str:
    """The report for maintainers/performance.md: the site has no Markdown tables extension."""
    parts = ["\n".join(_preamble(results, lambda s: f"<code>{html.escape(s)}</code>"))]
    parts += [_html_table(t) for t in results_tables(results)]
    return "\n\n".join(parts) + "\n"


def write_docs(results: dict[str, Any], page: Path = DOCS_PAGE) -> None:
    """Put the report between the markers of maintainers/performance.md."""
    text = page.read_text(encoding="utf-8")
    start, end = text.find(MARK_START), text.find(MARK_END)
    if start < 0 or end < start:
        raise SystemExit(f"{page}: the markers {MARK_START} and {MARK_END} are missing")
    page.write_text(
        text[: start + len(MARK_START)] + "\n\n" + render_html(results) + "\n" + text[end:],
        encoding="utf-8",
    )


# ---- Command line ------------------------------------------------------------------


def _sizes(text: str, real_actors: int) -> list[Size]:
    return [parse_size(part, real_actors) for part in text.split(",") if part.strip()]


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="real,200x500,1000x2000",
                        help="comma-separated: real, NxM or NxMxA (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="timed builds per variant")
    parser.add_argument("--out", type=Path, default=Path("benchmark-results"),
                        help="directory for results, logs and profiles")
    parser.add_argument("--json", type=Path, default=Path("results.json"),
                        help="results file (relative paths are inside --out)")
    parser.add_argument("--write-docs", action="store_true",
                        help=f"write the tables into maintainers/{OWN_PAGE} between the markers")
    parser.add_argument("--tiny", action="store_true",
                        help="3 pages x 10 terms x 5 actors, 1 run, no series or serve, no profile "
                             "unless --profile says")
    parser.add_argument("--no-peers", action="store_true", help="skip the abbr builds")
    parser.add_argument("--series-pages", default="50,200,1000",
                        help="N of the fixed-M series (empty: none)")
    parser.add_argument("--series-terms", default="100,500,2000",
                        help="M of the fixed-N series (empty: none)")
    parser.add_argument("--series-fixed", default="200x500x50",
                        help="NxMxA: the fixed N, M and A of the two series")
    parser.add_argument("--serve-repeats", type=int, default=5,
                        help="edits of each kind under mkdocs serve (0: skip)")
    parser.add_argument("--profile", choices=("none", "largest", "all"),
                        help="profile (pyinstrument) one more build with the hook and one without, "
                             "of the largest size (default) or of all; --tiny: none")
    parser.add_argument("--snippets-max-lines", type=int, default=300,
                        help="skip the one-line-per-definition snippets build above this many "
                             "definitions (default: %(default)s)")
    parser.add_argument("--paragraphs-per-page", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per build")
    parser.add_argument("--no-validate", action="store_true",
                        help="skip the untimed --strict build of each edition")
    parser.add_argument("--keep", action="store_true", help="keep the generated editions")
    parser.add_argument("--from-json", type=Path, metavar="RESULTS",
                        help="measure nothing: render the report of an earlier results file")
    args = parser.parse_args(argv)
    if args.tiny:
        args.sizes, args.runs, args.serve_repeats = "3x10x5", 1, 0
        args.profile = args.profile or "none"
        args.series_pages = args.series_terms = ""
        args.no_validate = True  # 6 paragraphs cannot hold every real term: not --strict clean
    args.profile = args.profile or "largest"
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the report; write JSON (and the docs page)."""
    args = arguments(argv)
    if args.from_json is not None:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
        results["targets"] = _targets(results)
        print(render_markdown(results))
        if args.write_docs:
            write_docs(results)
        return 0
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    json_path = args.json if args.json.is_absolute() else out / args.json
    variants = ("hook", "nohook") if args.no_peers else VARIANTS
    work = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    source = snapshot(work / "project")
    config = load_yaml(source / "mkdocs.yml")
    real_actors = len(load_yaml(source / _data_file(config, "glossary")).get("actors", []))
    sizes = _sizes(args.sizes, real_actors)
    corpus = read_corpus(source / "docs")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    bench = Bench(args.runs, source, work, out, args.paragraphs_per_page, args.seed,
                  args.timeout, not args.no_validate, args.snippets_max_lines, log)
    command = "python scripts/benchmark.py " + " ".join(
        a if re.fullmatch(r"[\w./,=:-]+", a) else repr(a)
        for a in (argv if argv is not None else sys.argv[1:])
    )
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "command": command,
        "build_command": "python -m mkdocs build -q -d <site>",
        "runs": args.runs,
        "tree": git_state(),
        "validated": not args.no_validate,
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "sizes": [],
        "series": {},
    }
    largest = max(sizes, key=lambda s: (s.pages or 0) * (s.terms or 0))
    done: dict[tuple[int | None, int | None, int | None], dict[str, Any]] = {}
    try:
        for size in sizes:
            profile = args.profile == "all" or (args.profile == "largest" and size == largest)
            result = benchmark_size(bench, size, corpus, variants, profile)
            results["sizes"].append(result)
            done[size.key] = result
        fixed = parse_size(args.series_fixed, real_actors)
        plans = (
            ("glossary", [f"{fixed.pages}x{m}x{fixed.actors}"
                          for m in args.series_terms.split(",") if m.strip()]),
            ("text", [f"{n}x{fixed.terms}x{fixed.actors}"
                      for n in args.series_pages.split(",") if n.strip()]),
        )
        for key, labels in plans:
            series = []
            for label in labels:
                size = parse_size(label, real_actors)
                if size.key not in done:
                    done[size.key] = benchmark_size(bench, size, corpus, ("hook", "nohook"),
                                                    False)
                series.append(done[size.key])
            if series:
                results["series"][key] = series
        terms = [int(m) for m in args.series_terms.split(",") if m.strip()]
        if terms:
            log(f"[matcher] the hook's matcher alone, M = {', '.join(map(str, terms))}")
            results["matcher"] = matcher_series(source, corpus, terms, fixed.actors or 50,
                                                args.seed)
        if args.serve_repeats > 0:
            log(f"[serve] {args.serve_repeats} edits of each kind under mkdocs serve")
            edition = write_edition(Size("real"), source, work / "serve-edition", corpus,
                                    args.paragraphs_per_page, args.seed, ("hook",))
            results["serve"] = measure_serve(edition.project("hook"), config.get("hooks", []),
                                             work, args.serve_repeats)
    finally:
        if args.keep:
            log(f"editions kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["targets"] = _targets(results)
    json_path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    report = render_markdown(results)
    (out / "report.md").write_text(report, encoding="utf-8")
    print(report)
    if args.write_docs:
        write_docs(results)
        log(f"results written into {DOCS_PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
