"""The command line: parse the options, run the sizes, write the results."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarking.corpus import Size, parse_size, read_corpus
from benchmarking.editions import data_file, snapshot, write_edition
from benchmarking.matcher import matcher_series
from benchmarking.report import git_state, machine, render_markdown, targets, write_docs
from benchmarking.run import Bench, benchmark_size
from benchmarking.serve import measure_serve
from benchmarking.settings import DOCS_PAGE, OWN_PAGE, VARIANTS
from benchmarking.yamlio import load_yaml


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
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="skip Lighthouse on the real edition's sites (--tiny: skipped)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated builds of each edition, of "
                             f"{', '.join(VARIANTS)} (default: all)")
    parser.add_argument("--series-pages", default="50,200,1000",
                        help="N of the fixed-M series (empty: none)")
    parser.add_argument("--series-terms", default="100,500,2000",
                        help="M of the fixed-N series (empty: none)")
    parser.add_argument("--series-fixed", default="200x500x50",
                        help="NxMxA: the fixed N, M and A of the two series")
    parser.add_argument("--serve-repeats", type=int, default=5,
                        help="edits of each kind under mkdocs serve (0: skip)")
    parser.add_argument("--profile", choices=("none", "largest", "real", "all"),
                        help="profile (pyinstrument) one more build with the hook and one without, "
                             "of the largest size (default), of the real edition as it is, or "
                             "of all; --tiny: none")
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
        args.no_lighthouse = True
        args.no_validate = True  # 6 paragraphs cannot hold every real term: not --strict clean
    args.profile = args.profile or "largest"
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    names = {v.strip() for v in args.variants.split(",") if v.strip()}
    if names - set(VARIANTS) or not {"hook", "nohook"} <= names:
        parser.error("--variants must name hook and nohook, and only " + ", ".join(VARIANTS))
    args.variants = tuple(v for v in VARIANTS if v in names)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the report; write JSON (and the docs page)."""
    args = arguments(argv)
    if args.from_json is not None:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
        results["targets"] = targets(results)
        print(render_markdown(results))
        if args.write_docs:
            write_docs(results)
        return 0
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    json_path = args.json if args.json.is_absolute() else out / args.json
    variants = ("hook", "nohook") if args.no_peers else args.variants
    work = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    # The builds keep their data readings (edition.data.store) in the run's own directory,
    # filled by each edition's first, untimed build, as a project's first build fills it.
    os.environ.setdefault("EDITION_CACHE", str(work / "edition-store"))
    source = snapshot(work / "project")
    config = load_yaml(source / "mkdocs.yml")
    real_actors = len(load_yaml(source / data_file(config, "glossary")).get("actors", []))
    sizes = _sizes(args.sizes, real_actors)
    corpus = read_corpus(source / "docs")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    bench = Bench(args.runs, source, work, out, args.paragraphs_per_page, args.seed,
                  args.timeout, not args.no_validate, args.snippets_max_lines, log,
                  not args.no_lighthouse)
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
            profile = args.profile == "all" or (args.profile == "largest" and size == largest) or (
                args.profile == "real" and size.label == "real")
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
            # The same site without the hook, an essay page edited: what MkDocs'
            # watcher and rebuild cost whatever the hook does (the floor of both targets).
            log("[serve] the same edits of an essay page, the site without the hook")
            plain = write_edition(Size("real"), source, work / "serve-edition-nohook", corpus,
                                  args.paragraphs_per_page, args.seed, ("nohook",))
            (work / "nohook").mkdir(exist_ok=True)
            results["serve_nohook"] = measure_serve(plain.project("nohook"), [],
                                                    work / "nohook", args.serve_repeats,
                                                    kinds=("page",))
    finally:
        if args.keep:
            log(f"editions kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["targets"] = targets(results)
    json_path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    report = render_markdown(results)
    (out / "report.md").write_text(report, encoding="utf-8")
    print(report)
    if args.write_docs:
        write_docs(results)
        log(f"results written into {DOCS_PAGE}")
    return 0



