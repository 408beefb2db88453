"""scripts/mutation.py's own arithmetic: the random sample of mutants, the score estimated from
it, and the report of a sampled run (mutmut itself is not run here)."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

from support.build import ROOT


@pytest.fixture(scope="module")
def mutation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_script",
                                                  ROOT / "scripts" / "mutation.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


NAMES = [f"edition.pages.actors.x_render__mutmut_{n}" for n in range(1, 20001)]


def test_the_sample_is_the_same_on_every_run_and_about_the_share_asked(
        mutation: ModuleType) -> None:
    first = [n for n in NAMES if mutation.in_sample(n, 0.05, "edition")]
    assert first == [n for n in NAMES if mutation.in_sample(n, 0.05, "edition")]
    # 20,000 draws of a 5 % chance: 1,000 expected, with a standard deviation of about 31.
    assert 1000 - 4 * 31 < len(first) < 1000 + 4 * 31
    # A larger share keeps every mutant of the smaller one, so a run can be extended.
    larger = {n for n in NAMES if mutation.in_sample(n, 0.1, "edition")}
    assert set(first) < larger
    # Another seed draws another sample.
    assert first != [n for n in NAMES if mutation.in_sample(n, 0.05, "other")]


def test_a_module_run_whole_adds_no_uncertainty(mutation: ModuleType) -> None:
    assert mutation.estimate([(100, 100, 90, 100)]) == (0.9, 0.0)


def test_the_estimate_weights_each_module_by_its_mutants(mutation: ModuleType) -> None:
    # 100 mutants run whole (80 % detected) and 300 sampled 30 at a time (all detected but 3).
    score, margin = mutation.estimate([(100, 100, 80, 100), (300, 30, 27, 30)])
    assert score == pytest.approx((100 * 0.8 + 300 * 0.9) / 400)
    variance = (300 / 400) ** 2 * 0.9 * 0.1 / 30 * (1 - 30 / 300)
    assert margin == pytest.approx(1.96 * math.sqrt(variance))


def _meta(workspace: Path, module: str, codes: dict[str, int | None]) -> None:
    path = workspace / "mutants" / "src" / Path(*module.split(".")).with_suffix(".py.meta")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")


def test_a_sampled_module_is_scored_on_its_sample_alone(
        mutation: ModuleType, tmp_path: Path) -> None:
    whole = {f"edition.data.dates.x_parse__mutmut_{n}": 1 for n in range(1, 11)}
    names = [f"edition.pages.timeline.x_render__mutmut_{n}" for n in range(1, 401)]
    chosen = [n for n in names if mutation.in_sample(n, 0.05, "edition")]
    # Every mutant in the sample killed; outside it, some checked (and not killed: they must
    # not count), the rest not checked.
    codes: dict[str, int | None] = {n: (1 if n in chosen else None) for n in names}
    outside = [n for n in names if n not in chosen][:5]
    codes.update({n: 0 for n in outside})
    _meta(tmp_path, "edition.data.dates", whole)
    _meta(tmp_path, "edition.pages.timeline", codes)
    (tmp_path / "sample.json").write_text(json.dumps({"fraction": 0.05, "seed": "edition"}),
                                          encoding="utf-8")
    report = mutation.report(tmp_path, "python scripts/mutation.py --sample 0.05")
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in report.splitlines()
            if line.startswith("| ")}
    assert rows["`edition.data.dates`"].endswith("| 100.0 % |")
    sampled = rows["`edition.pages.timeline` (sample of 400)"]
    assert sampled.startswith(f"| `edition.pages.timeline` (sample of 400) | {len(chosen)} | "
                              f"{len(chosen)} | 0 | 0 |")
    assert sampled.endswith("| 100.0 % |")
    assert "Estimated score of the modules above, each weighted by its number of mutants: " \
           "**100.0 % ± 0.0**" in report
    # Mutants checked outside the sample are in neither the score nor the list of survivors.
    assert not any(name in report for name in outside)
