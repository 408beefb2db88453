"""Benchmark one edition: write, validate, build interleaved, measure."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarking import lighthouse
from benchmarking.builds import Run, build_command, built_path, hook_summary, mkdocs_env, run_child
from benchmarking.corpus import Corpus, Size
from benchmarking.editions import variant_env, write_edition
from benchmarking.profiles import profile_summary, write_profile_reports
from benchmarking.settings import TIMINGS_ENV
from benchmarking.sitestats import SiteStats, analyse_site, article_bytes, weight


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
    #: Lighthouse on the real edition's sites, with the hook and without
    lighthouse: bool = False


def _lighthouse(bench: Bench, sites: Path, weighed: dict[str, Any] | None
                ) -> dict[str, Any]:
    """Lighthouse (mobile, each site served with gzip) on the home page and the heaviest
    essay part, with the hook and without, interleaved; or why it was not run."""
    why = lighthouse.available()
    if why is not None:
        bench.log(f"[lighthouse] not run: {why}")
        return {"skipped": why}
    part = (weighed or {}).get("heaviest_essay_part")
    pages = ["", *([part.removesuffix("index.html")] if part else [])]
    bench.log(f"[lighthouse] {', '.join(p or 'home' for p in pages)}, with the hook and "
              f"without, {lighthouse.RUNS} runs each")
    out = bench.out / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    try:
        return {"sites": lighthouse.measure(
            {variant: sites / variant for variant in ("hook", "nohook")}, pages, out)}
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        bench.log(f"[lighthouse] failed: {error}")
        return {"skipped": f"failed: {str(error)[:300]}"}


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
    if bench.validate and size.scale > 1:
        # The generated entries' names cannot occur in the real essay, and the hook warns of
        # every form that never occurs, so --strict fails by design; the timed builds are
        # not strict.
        validation["skipped"] = "generated glossary forms never occur in the real essay"
        log(f"[{size.label}] no --strict validation build: {validation['skipped']}")
    elif bench.validate:
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
    memory_page: str | None = None
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
                mkdocs_env(**{TIMINGS_ENV: str(timings)},
                           **variant_env(edition.project(variant), variant)),
                logs / f"{stem}-{variant}-{number + 1}.log", bench.timeout,
            )
            if child.returncode != 0:
                raise SystemExit(f"{size.label} {variant}: the build failed:\n{child.output}")
            run = Run(child.wall, child.cpu, child.maxrss_kb, load)
            if variant == "hook":
                data = json.loads(timings.read_text(encoding="utf-8"))
                run.hook = hook_summary(data, edition.essay_pages, {
                    src: article_bytes(site / built_path(src)) for src in data["pages"]})
                generated = {built_path(src) for src in data["generated"]}
                memory_page = (data.get("memory_page") or {}).get("page")
            runs[variant].append(run)
            log(f"[{size.label}] run {number + 1}/{bench.runs} {variant:<13} "
                f"{child.wall:7.2f} s wall, {child.maxrss_kb / 1024:6.0f} MiB peak"
                + (f", hook {run.hook['own']:.2f} s" if run.hook else ""))
    results: dict[str, Any] = {
        "label": size.label,
        "real": size.real,
        "ordinary_pages": size.ordinary,
        "glossary_scale": size.scale,
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
            "weight": weight(sites / variant) if variant in ("hook", "nohook") else None,
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
            entry["memory_page"] = memory_page
            entry["generated_pages"] = len(generated)
        results["variants"][variant] = entry
    if bench.lighthouse and size.real and {"hook", "nohook"} <= set(variants):
        results["lighthouse"] = _lighthouse(bench, sites, results["variants"]["hook"]["weight"])
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


