"""Write the report: tables in Markdown (stdout) and HTML (maintainers/performance.md)."""

from __future__ import annotations

import html
import importlib.metadata
import itertools
import os
import platform
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarking.editions import project_files
from benchmarking.settings import DOCS_PAGE, MARK_END, MARK_START, OWN_PAGE, ROOT, VARIANT_NAMES


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




def _timings(items: list[float | None]) -> str:
    """Each measured time, "timeout" where the page never showed the edit."""
    return ", ".join("timeout" if v is None else f"{v:.2f}" for v in items)


#: The edits a serve measurement makes, and the serve table's label for each.
_SERVE_EDITS = {"glossary": "a definition in glossary.yml", "page": "a line added to an essay page"}


def _serve_rows(serve: dict[str, Any], rebuild_label: str, suffix: str = "") -> list[list[str]]:
    """The serve table's rows for one measured site: each edit it made, then its rebuilds."""
    rows = [[label + suffix, _fmt(serve[f"{kind}_edit_median"]),
             _fmt(serve.get(f"{kind}_edit_best")), _timings(serve[f"{kind}_edit"])]
            for kind, label in _SERVE_EDITS.items() if serve.get(f"{kind}_edit")]
    rebuilds = serve.get("rebuilds") or []
    rows.append([rebuild_label, _fmt(serve.get("rebuild_median")),
                 _fmt(min(rebuilds) if rebuilds else None), _timings(rebuilds)])
    return rows


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


def _pages_floor(size: dict[str, Any]) -> float | None:
    """The ratio the hook build would have if the hook cost nothing but its generated pages.

    The no-hook build's fastest run plus the generated pages' end-to-end time (the hook
    writing their Markdown, Python-Markdown, Material's template and search index; median of
    the runs), over the no-hook build's fastest run. Where the generated pages cost no more
    per KiB than ordinary pages, no target below it can be met without publishing fewer or
    smaller pages.
    """
    timing = size["variants"].get("hook", {}).get("hook_timing") or {}
    if "generated_pages_e2e" not in timing or "nohook" not in size["variants"]:
        return None
    base = min(size["variants"]["nohook"]["wall"])
    return (base + timing["generated_pages_e2e"]) / base


def _variant_row(size: dict[str, Any], variant: str, entry: dict[str, Any]) -> list[str]:
    head = [size["label"], str(size["pages"]), str(size["terms"]), str(size["actors"]),
            VARIANT_NAMES[variant]]
    if "skipped" in entry:
        return [*head, entry["skipped"], *["–"] * 9]
    added = entry.get("added_bytes") if variant != "nohook" else None
    best = min(entry["wall"])
    return [
        *head,
        f"{_fmt(best)} ({_pct(_best_ratio(size, variant))})",
        f"{_fmt(entry['wall_median'])} ({_pct(entry['ratio'])})" if "ratio" in entry
        else _fmt(entry["wall_median"]),
        _cpu(size, entry),
        _fmt(entry.get("hook_ms_per_page"), 1) if variant == "hook" else "–",
        _fmt(entry["maxrss_median_mb"], 0),
        _fmt(entry["site_bytes"] / 1024 / 1024, 1),
        _kb(added["site"]) if added else "–",
        _kb(added["article_per_essay_page"]) if added else "–",
        f"{entry['annotations']:,}" if variant in ("hook", "nohook", "tooltips")
        else f"{entry['abbrs']:,} abbr",
    ]


def _cpu(size: dict[str, Any], entry: dict[str, Any]) -> str:
    """The build's least CPU time (user + system, the child's), against the no-hook build's.

    Less sensitive than wall time to other work on a shared machine.
    """
    cpu = entry.get("cpu") or []
    base = (size["variants"].get("nohook") or {}).get("cpu") or []
    if not cpu:
        return "–"
    return f"{_fmt(min(cpu))} ({_pct(min(cpu) / min(base))})" if base else _fmt(min(cpu))


def _page(largest: dict[str, Any]) -> str:
    if not largest.get("path"):
        return "–"
    return (f"{largest['path']}: {_kb(largest['bytes'])} KiB "
            f"(content {_kb(largest['article_bytes'])} KiB)")


#: The peak memory rows of the parts table: (label, key of the hook's timings).
MEMORY_ROWS = (
    ("Peak memory (MiB) once on_config is done (imports, data files, matcher)", "memory_config"),
    ("· once on_files is done (notes anchored)", "memory_files"),
    ("· once every page's Markdown is rendered (before on_env)", "memory_pages"),
    ("· once on_env is done (the exports)", "memory_env"),
    ("· at the end (templates, search index, files written)", "memory_end"),
)


def _per_kib(timing: dict[str, Any], seconds: str, kib: str, count: str = "") -> str:
    """Milliseconds per KiB of <article>, with the page count if asked; – if not measured."""
    if not timing.get(kib):
        return "–"
    text = _fmt(timing[seconds] * 1000 / timing[kib], 2)
    return f"{text} ({int(timing[count]):,} pages)" if count else text


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
        row("· notes anchored (the essay's blocks only)", "anchor_notes"),
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
        row("on_env: the exports (annotations, TEI), the form checks", "on_env"),
        row("Other events", "other_events"),
        ["Generated pages", *(f"{int(t.get('generated_page_count', 0)):,}" for t in timings)],
        row("Generated pages, end to end", "generated_pages_e2e"),
        ["Essay pages, end to end, per page (ms)",
         *(_fmt(t["essay_pages_e2e"] * 1000 / s["pages"], 1) for t, s in zip(timings, hooked,
                                                                             strict=True))],
        ["End to end, ms per KiB of content: generated pages",
         *(_per_kib(t, "generated_pages_e2e", "generated_kib") for t in timings)],
        ["· essay pages", *(_per_kib(t, "essay_pages_e2e", "essay_kib") for t in timings)],
        ["· the other pages (home, ordinary pages)",
         *(_per_kib(t, "other_pages_e2e", "other_kib", "other_page_count") for t in timings)],
        *([label, *(_fmt(t.get(key), 0) if key in t else "–" for t in timings)]
          for label, key in MEMORY_ROWS),
        ["· the page whose rendering raised it most",
         *(f"{s['variants']['hook'].get('memory_page') or '–'} "
           f"(+{_fmt(t.get('memory_page_rise'), 0)})" for t, s in zip(timings, hooked,
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


#: The tooltip extension alone against abbr's glossary option: ahead at every size.
AHEAD_OF_ABBR = ("real", "real+100p+10g", "200x500", "1000x2000")
#: The whole hook build against plain Material, per edition.
HOOK_OVER_PLAIN = {"real": 2.5, "real+100p+10g": 2.7}
#: The hook's own work and its imports, as a share of the real edition's hook build.
OWN_SHARE = 0.20
#: An essay page edited under mkdocs serve, with the hook, against the site without it.
SERVE_PAGE_OVER_PLAIN = 2.0
#: Peak memory with the hook over plain Material, per edition.
PEAK_MEMORY = {"1000x2000": 3.0}
#: Gzipped KiB: the search index, and what an essay part loads (page, styles, scripts,
#: search worker and index).
SEARCH_INDEX_KIB = 25.0
ESSAY_PART_KIB = 125.0
#: Lighthouse's performance score (mobile) and largest contentful paint, every page measured.
LIGHTHOUSE_SCORE = 95
LIGHTHOUSE_LCP_S = 2.0


def _side_by_side(results: dict[str, Any]) -> Table:
    """Every measure and its target, in one table, from one run."""
    by_label = {s["label"]: s for s in results["sizes"]}
    rows: list[list[str]] = []

    def met(ok: bool | None) -> str:
        return "–" if ok is None else ("yes" if ok else "no")

    def variants(label: str) -> dict[str, Any]:
        return by_label.get(label, {}).get("variants", {})

    for label in AHEAD_OF_ABBR:
        peers = variants(label)
        ours, theirs = peers.get("tooltips", {}), peers.get("abbr-glossary", {})
        name = f"tooltips alone / abbr glossary option, {label}"
        target = "≤ 1.0×" if label == "real" else "≤ 1.0× (stay ahead)"
        if "wall" not in ours or "wall" not in theirs:
            rows.append([name, "not measured in this run", target, "–"])
            continue
        wall = min(ours["wall"]) / min(theirs["wall"])
        cpu = min(ours["cpu"]) / min(theirs["cpu"])
        rows.append([name, f"{wall:.2f}× ({min(ours['wall']):.2f} / {min(theirs['wall']):.2f} s "
                     f"best wall); CPU {cpu:.2f}×", target, met(wall <= 1.0 and cpu <= 1.0)])
    for label, limit in HOOK_OVER_PLAIN.items():
        peers = variants(label)
        hook, plain = peers.get("hook", {}), peers.get("nohook", {})
        name = f"whole hook / plain Material, {label}"
        if "wall" not in hook or "wall" not in plain:
            rows.append([name, "not measured in this run", f"≤ {limit}×", "–"])
            continue
        wall = min(hook["wall"]) / min(plain["wall"])
        cpu = min(hook["cpu"]) / min(plain["cpu"])
        rows.append([name, f"{wall:.2f}× ({min(hook['wall']):.2f} / {min(plain['wall']):.2f} s "
                     f"best wall); CPU {cpu:.2f}×", f"≤ {limit}×",
                     met(wall <= limit and cpu <= limit)])
    hook = variants("real").get("hook", {})
    timing = hook.get("hook_timing") or {}
    if timing.get("own") is not None:
        share = (timing["own"] + timing.get("imports", 0.0)) / hook["wall_median"]
        rows.append(["hook's own work + its imports, share of the real build",
                     f"{share:.0%} ({timing['own']:.2f} + {timing.get('imports', 0.0):.2f} s "
                     f"of {hook['wall_median']:.2f} s, medians)", f"≤ {OWN_SHARE:.0%}",
                     met(share <= OWN_SHARE)])
    serve, plain_serve = results.get("serve") or {}, results.get("serve_nohook") or {}
    if serve.get("glossary_edit_median") is not None:
        best, median = serve["glossary_edit_best"], serve["glossary_edit_median"]
        rows.append(["mkdocs serve, glossary edit to page served",
                     f"{best:.2f} s best, {median:.2f} s median",
                     f"≤ {SERVE_GLOSSARY_TARGET} s", met(median <= SERVE_GLOSSARY_TARGET)])
    else:
        rows.append(["mkdocs serve, glossary edit to page served", "not measured in this run",
                     f"≤ {SERVE_GLOSSARY_TARGET} s", "–"])
    ours_page, plain_page = serve.get("page_edit_median"), plain_serve.get("page_edit_median")
    if ours_page is not None and plain_page is not None:
        rows.append(["mkdocs serve, essay edit, hook / plain",
                     f"{ours_page:.2f} / {plain_page:.2f} s median "
                     f"({ours_page / plain_page:.2f}×)", f"≤ {SERVE_PAGE_OVER_PLAIN:g}× plain",
                     met(ours_page <= SERVE_PAGE_OVER_PLAIN * plain_page)])
    else:
        rows.append(["mkdocs serve, essay edit, hook / plain", "not measured in this run",
                     f"≤ {SERVE_PAGE_OVER_PLAIN:g}× plain", "–"])
    for label, limit in PEAK_MEMORY.items():
        peers = variants(label)
        name = f"peak memory, {label}, hook / plain"
        if "maxrss_kb" not in peers.get("hook", {}) or "maxrss_kb" not in peers.get("nohook", {}):
            rows.append([name, "not measured in this run", f"≤ {limit:g}×", "–"])
            continue
        ours_kb, plain_kb = min(peers["hook"]["maxrss_kb"]), min(peers["nohook"]["maxrss_kb"])
        rows.append([name, f"{ours_kb / plain_kb:.2f}× ({ours_kb / 1024:.0f} / "
                     f"{plain_kb / 1024:.0f} MiB, lowest of runs)", f"≤ {limit:g}×",
                     met(ours_kb / plain_kb <= limit)])
    ours_weight = (variants("real").get("hook") or {}).get("weight")
    plain_weight = (variants("real").get("nohook") or {}).get("weight")
    if ours_weight and plain_weight:
        index, plain_index = ours_weight["search_index"], plain_weight["search_index"]
        rows.append(["search index, gzip (raw)",
                     f"{index['gzip'] / 1024:.1f} KiB ({index['raw'] / 1024:.0f} KiB; "
                     f"{plain_index['gzip'] / 1024:.1f} KiB without the hook)",
                     f"≤ {SEARCH_INDEX_KIB:g} KiB gzip", met(index["gzip"] / 1024
                                                            <= SEARCH_INDEX_KIB)])
        heaviest, plain_heaviest = (ours_weight["heaviest_essay_part"],
                                    plain_weight["heaviest_essay_part"])
        load = ours_weight["essay_parts"][heaviest]
        plain_load = plain_weight["essay_parts"][plain_heaviest]
        rows.append(["an essay part, all it loads, gzip (the heaviest)",
                     f"{load['gzip'] / 1024:.0f} KiB, {heaviest} (plain: "
                     f"{plain_load['gzip'] / 1024:.0f})", f"≤ {ESSAY_PART_KIB:g} KiB",
                     met(load["gzip"] / 1024 <= ESSAY_PART_KIB)])
        if ours_weight.get("home"):
            rows.append(["the home page, all it loads, gzip",
                         f"{ours_weight['home']['gzip'] / 1024:.0f} KiB", "–", "–"])
    rows.append(_lighthouse_row(by_label.get("real", {})))
    return Table(
        "Every measure against its target, side by side", ["Measure", "Measured", "Target",
                                                           "Met"], rows,
        "From this one run. Ratios use each build's best run (and its least CPU time, which "
        "other work on the machine disturbs less); a target is met only if both agree. "
        "All it loads: the page and every file of the site it loads as it opens (styles, "
        "scripts, icons, Material's search worker and the search index), each gzipped at "
        "level 6; other sites' files (web fonts) are not counted.",
    )


def results_tables(results: dict[str, Any]) -> list[Table]:
    """Every table of the report."""
    tables: list[Table] = [_side_by_side(results)]
    rows = [
        _variant_row(size, variant, entry)
        for size in results["sizes"] for variant, entry in size["variants"].items()
    ]
    tables.append(Table(
        "Builds: wall time, against the build without the hook",
        ["Edition", "N pages", "M terms", "A actors", "Build", "Best wall (s), vs no hook",
         "Median wall (s), vs no hook", "Best CPU (s), vs no hook", "Hook ms/page",
         "Peak RSS (MiB)", "Site (MiB)",
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
        plain = results.get("serve_nohook")
        tables.append(Table(
            "mkdocs serve, real edition: seconds from saving an edit to the page serving it",
            ["Edit", "Median (s)", "Best (s)", "Each (s)"],
            _serve_rows(serve, "of which the rebuild itself, as MkDocs logs it")
            + (_serve_rows(plain, "· of which the rebuild itself, without the hook",
                           ", without the hook") if plain else []),
            f"Polled every {int(serve['poll_seconds'] * 1000)} ms. From the edit to the page, "
            "the time includes MkDocs' file watcher, which polls every 0.5 s, its 0.1 s wait "
            "for edits to settle, and a full rebuild (mkdocs serve rebuilds everything on every "
            "change); the third row is the rebuild alone, for every edit of both kinds. The "
            "last two rows, where measured, are the same site without the hook (no generated "
            "pages, glossary.yml not watched), an essay page edited: MkDocs' own floor.",
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


#: The targets: the hook build's best wall time over the no-hook build's, per size.
WALL_TARGETS = {"real": 1.5, "200x500": 1.3, "1000x2000": 1.15, "real+100p+10g": 1.10}
#: Editions with at least this many pages neither essay nor generated compare the two kinds.
ORDINARY_PAGES_COMPARED = 10
#: ... and its peak memory over the no-hook build's.
MEMORY_TARGETS = {"1000x2000": 3.0}
#: The tooltip job alone (the extension, no hook) against abbr's glossary option.
TOOLTIP_TARGETS = {"real": 1.0, "200x500": 1.0, "1000x2000": 1.0}
#: The hook's own work and its imports, as a share of the hook build (real).
HOOK_SHARE_TARGET = 0.15
#: The hook build within this much of the generated pages' floor.
FLOOR_MARGIN = 1.10
#: A glossary edit under mkdocs serve, seconds to the page served.
SERVE_GLOSSARY_TARGET = 0.6


def _lighthouse_row(real: dict[str, Any]) -> list[str]:
    """The Lighthouse row: each page's performance score and LCP (the best run, the median
    beside it), with the plain site's same pages."""
    name = "Lighthouse 12, mobile, the home page and the heaviest part, served with gzip"
    target = f"≥ {LIGHTHOUSE_SCORE:g}, LCP ≤ {LIGHTHOUSE_LCP_S:g} s"
    found = real.get("lighthouse")
    if not found:
        return [name, "not measured in this run", target, "–"]
    if "sites" not in found:
        return [name, f"not measured: {found.get('skipped', '')}", target, "–"]

    def shown(pages: dict[str, Any]) -> str:
        return "; ".join(
            f"{page or 'home'} {best['score']} (LCP {best['lcp_ms'] / 1000:.2f} s, TBT "
            f"{best['tbt_ms']:.0f} ms; median {best['median']['score']}, LCP "
            f"{best['median']['lcp_ms'] / 1000:.2f} s; runs "
            f"{'/'.join(str(r['score']) for r in best['runs'])})"
            for page, best in pages.items())

    ours, plain = found["sites"].get("hook", {}), found["sites"].get("nohook")
    measured = shown(ours) + (f" (plain: {shown(plain)})" if plain else "")

    def meets(run: dict[str, Any]) -> bool:
        return (run["score"] is not None and run["score"] >= LIGHTHOUSE_SCORE
                and run["lcp_ms"] is not None and run["lcp_ms"] <= LIGHTHOUSE_LCP_S * 1000)

    # Other work on the machine only ever lowers a score: met if the best runs meet it, and
    # the medians agree.
    ok = all(meets(best) and meets(best["median"]) for best in ours.values())
    return [name, measured, target, "yes" if ok else "no"]


def targets(results: dict[str, Any]) -> list[dict[str, str]]:
    """Each target of maintainers/performance.md, what was measured and whether it is met."""
    out: list[dict[str, str]] = []
    by_label = {s["label"]: s for s in results["sizes"]}

    def verdict(ok: bool) -> str:
        return "yes" if ok else "no"

    for size in results["sizes"]:
        hook = size["variants"].get("hook")
        if not hook or "ratio" not in hook:
            continue
        limit = WALL_TARGETS.get(size["label"])
        if limit is None:
            continue
        cpu = min(hook["cpu"]) / min(size["variants"]["nohook"]["cpu"])
        floor = _pages_floor(size)
        out.append({
            "target": f"hook build ≤ {limit:.2f}× the build without it, {size['label']} "
                      "(best wall time and least CPU time both)",
            "measured": f"{_best_ratio(size, 'hook'):.2f}× best of runs "
                        f"({hook['ratio']:.2f}× median; CPU {cpu:.2f}× best)"
                        + (f"; the generated pages alone, made and rendered: {floor:.2f}×"
                           if floor else ""),
            # On a shared machine one lucky run can make the wall ratio look met (or a
            # slow no-hook run can): the build's own CPU time must agree.
            "met": verdict(_best_ratio(size, "hook") <= limit and cpu <= limit),
        })
        timing = hook.get("hook_timing") or {}
        if timing.get("other_page_count", 0) >= ORDINARY_PAGES_COMPARED and timing.get(
                "generated_kib"):
            generated = timing["generated_pages_e2e"] / timing["generated_kib"]
            other = timing["other_pages_e2e"] / timing["other_kib"]
            out.append({
                "target": "generated pages cost no more than ordinary ones, per KiB of content "
                          f"(end to end), {size['label']}",
                "measured": f"{generated * 1000:.2f} ms/KiB generated, "
                            f"{other * 1000:.2f} ms/KiB ordinary ({generated / other:.2f}×)",
                "met": verdict(generated <= other),
            })
        if size["label"] in MEMORY_TARGETS:
            memory = min(hook["maxrss_kb"]) / min(size["variants"]["nohook"]["maxrss_kb"])
            out.append({
                "target": f"peak memory ≤ {MEMORY_TARGETS[size['label']]:.0f}× the build "
                          f"without the hook, {size['label']}",
                "measured": f"{memory:.2f}× (lowest of runs)",
                "met": verdict(memory <= MEMORY_TARGETS[size["label"]]),
            })
        peers = size["variants"]
        if size["label"] in TOOLTIP_TARGETS and "wall" in peers.get("tooltips", {}) and (
                "wall" in peers.get("abbr-glossary", {})):
            limit = TOOLTIP_TARGETS[size["label"]]
            ours, theirs = peers["tooltips"], peers["abbr-glossary"]
            best = min(ours["wall"]) / min(theirs["wall"])
            median = ours["wall_median"] / theirs["wall_median"]
            least_cpu = min(ours["cpu"]) / min(theirs["cpu"])
            added = (min(ours["wall"]) - min(peers["nohook"]["wall"]),
                     min(theirs["wall"]) - min(peers["nohook"]["wall"]))
            added_cpu = (min(ours["cpu"]) - min(peers["nohook"]["cpu"]),
                         min(theirs["cpu"]) - min(peers["nohook"]["cpu"]))
            out.append({
                "target": f"tooltips alone (the extension, no hook) ≤ {limit:.1f}× abbr's "
                          f"glossary option, {size['label']} (best wall time and least CPU "
                          "time both)",
                "measured": f"{best:.2f}× best of runs ({median:.2f}× median; CPU "
                            f"{least_cpu:.2f}× least); over the build without either: "
                            f"+{added[0]:.2f} s against +{added[1]:.2f} s wall, "
                            f"+{added_cpu[0]:.2f} s against +{added_cpu[1]:.2f} s CPU",
                # As for the hook: one lucky or unlucky run on a shared machine can decide
                # the wall ratio alone; the builds' own CPU time must agree.
                "met": verdict(best <= limit and least_cpu <= limit),
            })
        if size["label"] == "real" and timing.get("own") is not None:
            share = (timing["own"] + timing.get("imports", 0.0)) / hook["wall_median"]
            out.append({
                "target": f"the hook's own work and imports ≤ {HOOK_SHARE_TARGET:.0%} of the "
                          "real edition's hook build (median)",
                "measured": f"{share:.0%}: {timing['own']:.2f} s work + "
                            f"{timing.get('imports', 0.0):.2f} s imports of "
                            f"{hook['wall_median']:.2f} s",
                "met": verdict(share <= HOOK_SHARE_TARGET),
            })
        if size["label"] == "real+100p+10g" and floor:
            out.append({
                "target": f"hook build within {FLOOR_MARGIN - 1:.0%} of the generated pages' "
                          f"floor, {size['label']} (best wall)",
                "measured": f"{_best_ratio(size, 'hook'):.2f}× against a floor of {floor:.2f}× "
                            f"({_best_ratio(size, 'hook') / floor:.2f}× the floor)",
                "met": verdict(_best_ratio(size, "hook") <= floor * FLOOR_MARGIN),
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
        for key, name, limit in (
                ("glossary_edit_median", "a glossary edit", SERVE_GLOSSARY_TARGET),
                ("page_edit_median", "an essay page edit", 1.0)):
            value = serve.get(key)
            plain = (results.get("serve_nohook") or {}).get("page_edit_median")
            floor = ("" if plain is None else f"; without the hook, an essay page edit "
                     f"{plain:.2f} s (MkDocs' own floor)")
            out.append({
                "target": f"mkdocs serve shows {name} within {limit:g} s (real edition, "
                          "median)",
                "measured": ("timeout" if value is None else f"{value:.2f} s") + floor,
                "met": verdict(value is not None and value <= limit),
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


