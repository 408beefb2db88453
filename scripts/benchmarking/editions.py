"""Generate synthetic editions: M terms, A actors and N essay pages, a project per variant."""

from __future__ import annotations

import compileall
import os
import random
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarking.corpus import Corpus, Size
from benchmarking.settings import (
    CATEGORIES,
    FALLBACK_PROJECT_FILES,
    GLOSSARY_MAX_BYTES,
    KINDS,
    OWN_PAGE,
    ROOT,
    SNIPPETS_BLOCKS_FILE,
    SNIPPETS_FILE,
    TOOLTIP_EXTENSION,
    WRAPPER,
    WRAPPER_SOURCE,
)
from benchmarking.yamlio import dump_yaml, load_yaml

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
    base: dict[str, Any], variant: str, glossary: dict[str, Any], docs: Path,
    glossary_name: str = "glossary.yml",
) -> dict[str, Any]:
    """The mkdocs.yml of one variant, from the edition's mkdocs.yml with the hook on.

    Without the hook, the nav loses the pages the hook generates (those with no file
    in ``docs``): the glossary, the actors and whatever else it makes. The ``tooltips``
    variant adds the annotation as a plain extension reading ``glossary_name`` (the build
    runs with the project's ``hooks/`` on ``PYTHONPATH``: :func:`variant_env`).
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
    elif variant == "tooltips":
        extensions += [{TOOLTIP_EXTENSION: {"glossary": glossary_name, "base_url": "/"}}]
    config["markdown_extensions"] = extensions
    return config


def variant_env(project: Path, variant: str) -> dict[str, str]:
    """What the build of ``variant`` adds to the environment: the ``tooltips`` build imports
    the extension from the project's ``hooks/`` (a hook build gets it on ``sys.path`` from
    MkDocs, which puts a hook's folder there)."""
    if variant != "tooltips":
        return {}
    paths = [str(project / "hooks"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {"PYTHONPATH": os.pathsep.join(paths)}


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


#: Where a grown real edition's ordinary pages go.
ORDINARY_DIR = "more"


def ordinary_pages(glossary: dict[str, Any], count: int) -> dict[str, str]:
    """``count`` ordinary pages, none of them an essay page: prose, a list, two headings.

    Their text is the real glossary's definitions and descriptions, about 3 KiB a page, so
    that they read like an edition's other pages (about, reading notes) and not like filler.
    """
    texts = [" ".join(str(e.get(k, "")).split())
             for key, k in (("terms", "definition"), ("actors", "description"))
             for e in glossary.get(key, []) if e.get(k)] or ["An ordinary page."]
    titles = [src["title"] for key in ("terms", "actors") for e in glossary.get(key, [])
              for src in e.get("sources", [])] or ["A source"]
    out: dict[str, str] = {}
    for page in range(count):
        pick = [texts[(page * 7 + i) % len(texts)] for i in range(8)]
        lines = [f"# Reading notes {page + 1}", "",
                 "An ordinary page of the edition: the hook reads no essay in it.", "",
                 " ".join(pick[:3]), "", " ".join(pick[3:5]), "", "## Further reading", ""]
        lines += [f"- {titles[(page * 5 + i) % len(titles)]}" for i in range(5)]
        lines += ["", "## Background", "", " ".join(pick[5:]), ""]
        out[f"{ORDINARY_DIR}/page-{page + 1:03d}.md"] = "\n".join(lines)
    return out


def _write_glossary(size: Size, glossary: dict[str, Any], path: Path) -> None:
    text = "# Generated by scripts/benchmark.py\n" + dump_yaml(glossary)
    if len(text.encode()) > GLOSSARY_MAX_BYTES:
        raise SystemExit(
            f"{size.label}: the generated glossary.yml is {len(text.encode()):,} bytes, over "
            f"the hook's limit of {GLOSSARY_MAX_BYTES:,}; use fewer terms or actors."
        )
    path.write_text(text, encoding="utf-8")


def data_file(config: dict[str, Any], option: str) -> str:
    options = (config.get("extra") or {}).get("edition") or {}
    return str(options.get(option, f"{option}.yml"))


def write_edition(
    size: Size, source: Path, dest: Path, corpus: Corpus, per_page: int, seed: int,
    variants: Sequence[str],
) -> Edition:
    """Write ``size`` under ``dest``, one complete project per variant, from ``source``."""
    config = load_yaml(source / "mkdocs.yml")
    glossary_name, notes_name = data_file(config, "glossary"), data_file(config, "notes")
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
        if size.scale > 1:
            words = WordMaker(random.Random(f"{seed}:{size.label}"), corpus.words)
            glossary, _ = synthetic_glossary(
                real_glossary, len(real_glossary.get("terms", [])) * size.scale,
                len(real_glossary.get("actors", [])) * size.scale, words)
            _write_glossary(size, glossary, base / glossary_name)
        for path, text in ordinary_pages(real_glossary, size.ordinary).items():
            (base / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (base / "docs" / path).write_text(text, encoding="utf-8")
        pages = {
            p.relative_to(base / "docs").as_posix(): p.read_text(encoding="utf-8")
            for p in (base / "docs").rglob("*.md")
        }
        essay = None
    else:
        assert size.pages and size.terms and size.actors
        rng = random.Random(f"{seed}:{size.key[:3]}")
        words = WordMaker(rng, corpus.words)
        glossary, forms = synthetic_glossary(real_glossary, size.terms, size.actors, words)
        pages = synthetic_pages(corpus, size.pages, per_page, forms, rng)
        _copy_tree(source / "docs" / "assets", base / "docs" / "assets")
        for path, text in pages.items():
            (base / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (base / "docs" / path).write_text(text, encoding="utf-8")
        _write_glossary(size, glossary, base / glossary_name)
        if (source / notes_name).exists():
            # Notes are anchored by quotation, which must occur exactly once: the repeated
            # paragraphs of a synthetic edition cannot hold them.
            (base / notes_name).write_text("notes: []\n", encoding="utf-8")
        events_name = data_file(config, "events")
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
    more = sorted(p for p in pages if p.startswith(f"{ORDINARY_DIR}/"))
    if more:
        config["nav"].append({"More": [{f"Page {i + 1}": p} for i, p in enumerate(more)]})
    (base / "hooks" / WRAPPER).write_text(WRAPPER_SOURCE, encoding="utf-8")
    lines = [f"*[{form}]: {text}" for form, text in abbreviations(glossary).items()]
    (base / SNIPPETS_FILE).parent.mkdir(parents=True)
    (base / SNIPPETS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (base / SNIPPETS_BLOCKS_FILE).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    # Byte-compiled, as a project's own hooks are from its second build on (and as MkDocs,
    # Material and every library are, in site-packages): a timed build does not compile
    # the hook's modules, even where PYTHONDONTWRITEBYTECODE keeps Python from saving them.
    compileall.compile_dir(base / "hooks", quiet=1)
    for variant in variants:
        shutil.copytree(base, dest / variant)
        (dest / variant / "mkdocs.yml").write_text(
            dump_yaml(variant_config(config, variant, glossary, docs, glossary_name)),
            encoding="utf-8",
        )
    shutil.rmtree(base)
    essay_pages = sorted(p for p in pages if p.startswith("essay/"))
    return Edition(
        size, dest, len(essay_pages), len(glossary.get("terms", [])),
        len(glossary.get("actors", [])),
        sum(len(pages[p].encode()) for p in essay_pages), essay_pages, len(lines),
    )


