"""Mutation testing of ``hooks/edition`` with mutmut, against the fast tests.

    .venv/bin/python scripts/mutation.py                      # the whole package
    .venv/bin/python scripts/mutation.py --only 'hooks/edition/data/forms.py' \\
        --only 'hooks/edition/text/*' --workspace /tmp/mutation   # some modules, kept workspace

Slow (minutes per module, hours for the package), so not run in CI. What it does:

1. Lays out a scratch workspace outside the repository: a copy of the files a build reads and
   of ``tests/``, with ``hooks/edition`` moved to ``src/edition``. mutmut names each mutant
   after its file's path (``src/`` dropped), so the tests must import the code as
   ``edition.…`` from ``src/``, and nothing else in the test process may provide ``edition``
   (a subprocess, which mutmut cannot follow, gets an unmutated copy).
2. Runs ``mutmut run`` there (under ``nice``, one child by default: it is a shared machine)
   over the fast tests (``TESTS``): units, rendering, and the real builds of
   ``tests/builds`` that need no browser, no Java and no ``mkdocs`` command (the hostile
   build among them). It sets ``EDITION_TEST_BUILD=in-process``, so every build those tests make
   runs in the test process (``support.build.build_in_process``), where mutmut sees which code
   each test runs; builds in a subprocess would hide that and leave their mutants "no tests".
   While mutmut records that, each test that reads the built site builds it itself; for each
   mutant, one build serves.
3. Writes ``maintainers/mutation.md``: counts and score per module and overall, and every
   surviving mutant with its diff, marked equivalent (with the reason given for it in
   ``maintainers/mutation-equivalent.yml``) or not.

The whole package is some 7,400 mutants, a day's work on two cores. ``--sample F`` runs a
random share ``F`` of each module's mutants instead (the same ones on every run: a mutant is in
the sample when a hash of its name and ``--seed`` falls below ``F``); a module whose mutants
were not all checked is then scored on its sample alone, and the report estimates the
package's score from the samples, weighted by each module's size, with a 95 % interval.

A kept ``--workspace`` keeps mutmut's results, so runs over further modules add to the report:
the modules of every earlier ``--only`` stay chosen, and the report covers them all. After
adding tests, ``--retest-survivors`` runs the mutants that had survived (and are not listed as
equivalent) again.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.build import PROJECT_FILES  # noqa: E402

REPORT = ROOT / "maintainers" / "mutation.md"
EQUIVALENT = ROOT / "maintainers" / "mutation-equivalent.yml"
#: What the workspace holds besides ``src/edition``: what a build reads, and the tests.
COPIED = (*PROJECT_FILES, "scripts", "tests")
#: The fast tests: units, rendering, and builds in the test process. No browser.
TESTS = ("tests/data", "tests/text", "tests/index", "tests/pages", "tests/exports",
         "tests/reader", *(f"tests/builds/test_{name}.py" for name in (
             "inprocess_build", "hostile", "nested_mentions", "search", "styles")))
#: mutmut's exit codes, as its ``stats.status_by_exit_code`` names them.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests",
          34: "skipped", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout",
          255: "timeout", -9: "segfault", -11: "segfault", None: "not checked"}


def chosen_patterns(workspace: Path, only: list[str]) -> list[str]:
    """The ``--only`` patterns of every run in ``workspace`` so far, then ``only``'s new ones.

    mutmut overwrites the mutated copy of a file it is no longer told to mutate with the plain
    source (its verdicts stay in the ``.meta`` file, but ``mutmut show`` and a retest of its
    mutants need the mutated copy), so a kept workspace mutates every module it ever has.
    An empty list, as from a run without ``--only``, means every module.
    """
    chosen = workspace / "only.json"
    if not chosen.exists():
        return list(only)
    earlier = [re.sub(r"^src/edition/", "hooks/edition/", p)
               for p in json.loads(chosen.read_text(encoding="utf-8"))]
    if not earlier:
        return []
    return list(dict.fromkeys([*earlier, *only]))


def lay_out(workspace: Path, only: list[str]) -> None:
    """Copy the project into ``workspace`` with ``hooks/edition`` at ``src/edition``.

    ``only`` are the patterns of the files to mutate (see ``chosen_patterns``).
    """
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in COPIED:
        source, target = ROOT / name, workspace / name
        if target.is_dir():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore)
        else:
            shutil.copy2(source, target)
    shutil.rmtree(workspace / "hooks" / "edition")
    for copy in (workspace / "src" / "edition", workspace / "unmutated" / "edition"):
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(ROOT / "hooks" / "edition", copy, ignore=ignore)

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    old = 'pythonpath = ["hooks", "tests"]'
    if old not in pyproject:
        raise SystemExit(f"pyproject.toml: expected {old!r} in [tool.pytest.ini_options]")
    pyproject = pyproject.replace(old, 'pythonpath = ["src", "tests"]')
    patterns = [re.sub(r"^hooks/edition/", "src/edition/", p) for p in only]
    pyproject += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/edition"]\n'
        f"also_copy = {json.dumps(list(COPIED))}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(list(TESTS))}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider"]\n'
        f"only_mutate = {json.dumps(patterns)}\n"
        "use_git_change_detection = false\n"
        # A mutant that loops forever is stopped after twice its tests' CPU time and two
        # minutes (the builds in fixtures are not in mutmut's estimate), not after 30 times.
        "timeout_multiplier = 1.0\n"
        "timeout_constant = 60.0\n"
    )
    (workspace / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    # mutmut records which tests run which function only for the files it mutates: when the
    # files change, record again (the verdicts already reached are kept).
    chosen = workspace / "only.json"
    if not chosen.exists() or json.loads(chosen.read_text(encoding="utf-8")) != patterns:
        (workspace / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        # A file mutmut only copied looks newer than its source, which mutmut takes for
        # "already mutated": remove such copies (even with a ``.meta`` left from an earlier
        # run) so that newly chosen files get mutants. mutmut keeps the verdicts of the
        # functions that did not change when it mutates a file again.
        for copy in (workspace / "mutants" / "src").rglob("*.py"):
            if "mutmut" not in copy.read_text(encoding="utf-8"):
                copy.unlink()
    chosen.write_text(json.dumps(patterns), encoding="utf-8")
    # mutmut records again only for tests with new names: when any test or any of the code
    # changed (a fixture, a conftest, an edited test, a function renamed or moved), record
    # everything again, or it runs mutants against stale lists of tests.
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "tests").rglob("*.py"), *(ROOT / "hooks").rglob("*.py")]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    recorded = workspace / "tests.sha256"
    if not recorded.exists() or recorded.read_text(encoding="utf-8") != digest.hexdigest():
        (workspace / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    recorded.write_text(digest.hexdigest(), encoding="utf-8")


def mutmut(workspace: Path, *args: str, capture: bool = False) -> str:
    """Run ``mutmut ARGS`` in ``workspace``, niced, with builds in the test process."""
    # Subprocesses (a test running scripts/check_glossary.py) import the unmutated package:
    # mutmut cannot see what they run, and its trampolines would fail outside the workspace.
    env = {**os.environ, "EDITION_TEST_BUILD": "in-process", "CI": "true",
           "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(workspace / "unmutated")}
    command = ["nice", "-n", "19", sys.executable, "-m", "mutmut", *args]
    proc = subprocess.run(command, cwd=workspace, env=env, text=True,
                          capture_output=capture, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command[3:])} failed ({proc.returncode})"
                         + (f":\n{proc.stdout}{proc.stderr}" if capture else ""))
    return proc.stdout or ""


def results(workspace: Path, *, keep_unchecked: bool = False) -> dict[str, dict[str, str]]:
    """Status of every mutant, by module, from mutmut's ``.meta`` files: of the modules with a
    result for at least one mutant, or of every module with ``keep_unchecked``."""
    found: dict[str, dict[str, str]] = {}
    base = workspace / "mutants" / "src"
    for meta in sorted(base.rglob("*.py.meta")):
        module = ".".join(meta.relative_to(base).with_suffix("").with_suffix("").parts)
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        statuses = {name: STATUS.get(code, "suspicious") for name, code in codes.items()}
        if keep_unchecked or not statuses or set(statuses.values()) != {"not checked"}:
            found[module.removesuffix(".__init__")] = statuses
    return found


def in_sample(name: str, fraction: float, seed: str) -> bool:
    """Whether mutant ``name`` is in the random sample of share ``fraction`` drawn with
    ``seed``: the same answer on every run and machine, whatever else was run."""
    digest = hashlib.sha256(f"{seed}\0{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < fraction * 2**64


def sampling(workspace: Path) -> tuple[float, str] | None:
    """The ``(fraction, seed)`` of the workspace's sample, if its runs were sampled."""
    chosen = workspace / "sample.json"
    if not chosen.exists():
        return None
    data = json.loads(chosen.read_text(encoding="utf-8"))
    return float(data["fraction"]), str(data["seed"])


def generate(workspace: Path) -> None:
    """Have mutmut write the mutants of the chosen modules without running any (what
    ``mutmut run`` does first), so that a sample can be drawn from their names."""
    script = ("from mutmut import __main__ as m\n"
              "m.set_mutant_under_test('mutant_generation')\n"
              "m.makedirs(m.Path('mutants'), exist_ok=True)\n"
              "m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths()\n"
              "m.store_lines_covered_by_tests(); m.create_mutants(1)\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-c", script], cwd=workspace, env=env, check=True)


def unchecked_in_sample(workspace: Path, fraction: float, seed: str) -> list[str]:
    """The mutants in the sample that mutmut has no verdict on yet."""
    return [name for statuses in results(workspace, keep_unchecked=True).values()
            for name, status in statuses.items()
            if status == "not checked" and in_sample(name, fraction, seed)]


def forget_survivors(workspace: Path) -> list[str]:
    """Clear mutmut's verdict on every mutant no test killed and not listed as equivalent,
    so that the next run tries it again; return their names. In a sampled workspace, only
    those the report counts: of a module not run whole, the ones in the sample."""
    equivalent = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or {}
    sample = sampling(workspace)
    forgotten = []
    for meta in (workspace / "mutants" / "src").rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        whole = None not in codes.values()
        for name, code in codes.items():
            counted = whole or sample is None or in_sample(name, *sample)
            if counted and code is not None and STATUS.get(code, "suspicious") not in (
                    "killed", "timeout") and name not in equivalent:
                codes[name] = None
                forgotten.append(name)
        meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
    return forgotten


#: The columns of the report's table, as mutmut names the outcomes.
COLUMNS = ("killed", "timeout", "survived", "no tests", "suspicious", "skipped", "not checked")


def tally(statuses: dict[str, str], equivalent: dict[str, str]) -> tuple[int, int, int]:
    """``(detected, counted, equivalent)``: the checked mutants, less the equivalent ones
    (``counted``), and how many of those a test killed or stopped by timing out."""
    same = {n for n, s in statuses.items() if n in equivalent and s != "not checked"}
    counted = [s for n, s in statuses.items() if n not in same and s != "not checked"]
    return sum(1 for s in counted if s in ("killed", "timeout")), len(counted), len(same)


def row(label: str, statuses: dict[str, str], equivalent: dict[str, str]) -> str:
    """A table row: counts by outcome, equivalent mutants, and the score.

    The score is the share of the checked mutants, less the equivalent ones, that a test
    killed or stopped by timing out.
    """
    counts = Counter(statuses.values())
    detected, counted, same = tally(statuses, equivalent)
    score = f"{100 * detected / counted:.1f} %" if counted else "n/a"
    return (f"| {label} | {len(statuses)} | " + " | ".join(str(counts[c]) for c in COLUMNS)
            + f" | {same} | {score} |")


def wilson_low(detected: int, counted: int, z: float = 1.96) -> float:
    """The lower end of Wilson's 95 % score interval for ``detected`` of ``counted``: unlike
    the normal approximation it stays below 1 when every mutant of a sample was killed."""
    share, n = detected / counted, counted
    centre = share + z * z / (2 * n)
    spread = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def estimate(parts: list[tuple[int, int, int, int]]) -> tuple[float, float]:
    """The package's score and a lower bound for it at 95 % confidence, from each module's
    ``(mutants, sampled, detected, counted)``.

    The modules run whole count with their scores. The others were sampled at one rate, each
    mutant in or out by its own draw, so their samples together are one random sample of all
    their mutants: its share, and the lower end of its Wilson interval, stand for all of
    them. Each part is weighted by its number of mutants.
    """
    parts = [p for p in parts if p[3]]
    total = sum(p[0] for p in parts)
    known = sum(d / c * n for n, k, d, c in parts if k == n)
    drawn = [p for p in parts if p[1] != p[0]]
    if not drawn:
        return known / total, known / total
    population = sum(n for n, _, _, _ in drawn)
    detected, counted = sum(d for _, _, d, _ in drawn), sum(c for _, _, _, c in drawn)
    return ((known + population * detected / counted) / total,
            (known + population * wilson_low(detected, counted)) / total)


def diff(workspace: Path, name: str) -> list[str]:
    """The mutant as a fenced diff, from ``mutmut show``."""
    shown = mutmut(workspace, "show", name, capture=True).splitlines()[1:]
    return ["```diff", *[line for line in shown if not line.startswith("#")], "```"]


def report(workspace: Path, command: str) -> str:
    """The Markdown report of the workspace's results."""
    equivalent: dict[str, str] = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or {}
    sample = sampling(workspace)
    found = results(workspace, keep_unchecked=sample is not None)
    lines = [
        "# Mutation testing",
        "",
        "Generated by `scripts/mutation.py` (mutmut) on "
        f"{datetime.date.today().isoformat()}; do not edit by hand: classify survivors in",
        "`maintainers/mutation-equivalent.yml` and run the script again.",
        "",
        f"Command: `{command}`",
        "",
        f"Tests: {', '.join(f'`{t}`' for t in TESTS)}, with every build in the test process.",
        "",
        "Score: the share of the mutants checked, less those listed as equivalent, that a test",
        "killed or that ran out of time (each timed-out mutant is listed below with its diff).",
        "mutmut leaves properties and some other decorated functions (`pages.links.link_from`) "
        "unmutated.",
        "",
        "| Module | Mutants | " + " | ".join(c.capitalize() for c in COLUMNS)
        + " | Equivalent | Score |",
        "|---" * (len(COLUMNS) + 4) + "|",
    ]
    everything: dict[str, str] = {}
    whole: dict[str, str] = {}
    sampled: dict[str, str] = {}
    parts: list[tuple[int, int, int, int]] = []
    empty = sorted(m for m, statuses in found.items() if not statuses)
    for module, statuses in sorted(found.items()):
        if not statuses:
            continue
        label = f"`{module}`"
        if sample and "not checked" in statuses.values():
            # Scored on its random sample alone: the mutants checked outside it (the fast ones
            # mutmut runs first) are no random sample.
            mine = {n: s for n, s in statuses.items() if in_sample(n, *sample)}
            label += f" (sample of {len(statuses)})"
            sampled.update(mine)
        else:
            mine = statuses
            whole.update(mine)
        lines.append(row(label, mine, equivalent))
        everything.update(mine)
        parts.append((len(statuses), len(mine), *tally(mine, equivalent)[:2]))
    if sample:
        lines.append(row("**modules run whole**", whole, equivalent))
        lines.append(row("**samples**", sampled, equivalent))
    lines.append(row("**all run**", everything, equivalent))
    detected, counted, same = tally(everything, equivalent)
    checked = counted + same
    if checked:
        lines += ["", f"Of the {checked:,} mutants run, {detected:,} were killed or ran out of "
                  f"time, {same:,} are listed as equivalent and {counted - detected:,} are left: "
                  f"{100 * detected / checked:.1f} % before the equivalent ones are set aside."]
    if sample and parts:
        score, low = estimate(parts)
        lines += ["", f"Sample: {sample[0]:.0%} of each module's mutants, seed `{sample[1]}`. "
                  "The samples together are one random sample of the mutants of the modules "
                  f"not run whole. Estimated score of the package: **{100 * score:.1f} %**, "
                  f"and at least **{100 * low:.1f} %** with 95 % confidence (Wilson's interval "
                  "for the samples; the modules run whole are counted as they are)."]
    package = sorted(
        ".".join(p.relative_to(ROOT / "hooks").with_suffix("").parts)
        for p in (ROOT / "hooks" / "edition").rglob("*.py") if p.name != "__init__.py"
    )
    nothing = [m for m in empty if m in package]
    if nothing:
        lines += ["", "No mutants (nothing in them mutmut can change): "
                  + ", ".join(f"`{m}`" for m in nothing) + "."]
    not_run = [m for m in package if m not in found]
    if not_run:
        lines += ["", "Not run yet: " + ", ".join(f"`{m}`" for m in not_run) + "."]
    unchecked = [n for n, s in sorted(everything.items()) if s == "not checked"]
    if unchecked:
        lines += ["", f"Not checked yet ({len(unchecked)}): "
                  + ", ".join(f"`{n}`" for n in unchecked) + "."]
    for title, wanted in (("Mutants no test killed", lambda s: s not in (
            "killed", "timeout", "not checked")), ("Mutants that ran out of time",
                                                   lambda s: s == "timeout")):
        lines += ["", f"## {title}", ""]
        names = [n for n, s in sorted(everything.items()) if wanted(s)]
        if not names:
            lines.append("None.")
        for name in names:
            if name in equivalent:
                verdict = f"Equivalent: {equivalent[name]}"
            elif everything[name] == "timeout":
                verdict = "Ran out of time: taken as killed."
            else:
                verdict = f"**{everything[name]}**: not yet killed by a test or classified."
            lines += [f"### `{name}`", "", verdict, "", *diff(workspace, name), ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    """Lay out the workspace, run mutmut, write the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="GLOB",
                        help="mutate only these files, e.g. 'hooks/edition/text/*' (repeatable)")
    parser.add_argument("--workspace", type=Path,
                        help="scratch directory outside the repository, kept between runs "
                             "(default: a new temporary directory, removed afterwards)")
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--retest-survivors", action="store_true",
                        help="run only the mutants of the modules run so far that no test has "
                             "killed yet (mutmut keeps a verdict until told to; new tests "
                             "need this)")
    parser.add_argument("--mutants", action="append", default=[], metavar="GLOB",
                        help="with --retest-survivors: also run these mutants, by mutmut name "
                             "or glob, e.g. those of a function whose code changed")
    parser.add_argument("--sample", type=float, metavar="F",
                        help="run only a random share F (0 < F <= 1) of each module's mutants; "
                             "kept for later runs in the workspace")
    parser.add_argument("--seed", default="edition",
                        help="with --sample: the seed that draws the sample (default: edition)")
    parser.add_argument("--report-only", action="store_true",
                        help="write the report from the workspace's results without running")
    args = parser.parse_args()

    workspace = args.workspace or Path(tempfile.mkdtemp(prefix="edition-mutation-"))
    workspace = workspace.resolve()
    if workspace == ROOT or ROOT in workspace.parents:
        parser.error("the workspace must be outside the repository")
    workspace.mkdir(parents=True, exist_ok=True)
    if args.sample is not None:
        if not 0 < args.sample <= 1:
            parser.error("--sample must be more than 0 and at most 1")
        (workspace / "sample.json").write_text(
            json.dumps({"fraction": args.sample, "seed": args.seed}), encoding="utf-8")
    # Without --only, a run mutates the whole package; a retest or a report keeps to the
    # modules run so far.
    keep = args.only or args.report_only or args.retest_survivors
    only = chosen_patterns(workspace, args.only) if keep else []
    command = "python scripts/mutation.py" + "".join(f" --only '{p}'" for p in only)
    if sample := sampling(workspace):
        command += f" --sample {sample[0]:g} --seed '{sample[1]}'"
    try:
        if not args.report_only:
            new_modules = only != chosen_patterns(workspace, [])
            lay_out(workspace, only)
            run = ["run", "--max-children", str(args.max_children)]
            if args.sample is not None and not args.retest_survivors:
                generate(workspace)
                if names := unchecked_in_sample(workspace, args.sample, args.seed):
                    mutmut(workspace, *run, *names)
            elif not args.retest_survivors:
                mutmut(workspace, *run)
            elif new_modules:
                forget_survivors(workspace)
                mutmut(workspace, *run)
            else:
                # Only those, not the mutants that a stopped run left unchecked; in a sample,
                # also those of its mutants that are new (of functions changed since).
                names = forget_survivors(workspace) + args.mutants
                if sample := sampling(workspace):
                    generate(workspace)
                    names += unchecked_in_sample(workspace, *sample)
                if names:
                    mutmut(workspace, *run, *dict.fromkeys(names))
                else:
                    print("no survivors to retest")
        REPORT.write_text(report(workspace, command), encoding="utf-8")
    finally:
        if args.workspace is None:
            shutil.rmtree(workspace, ignore_errors=True)
    print(f"wrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
