"""scripts/mutation.py's own arithmetic: the random sample of mutants, the score estimated from
it, and the report of a sampled run (mutmut itself is not run here)."""

from __future__ import annotations

import importlib.util
import json
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
    assert mutation.estimate([(100, 100, 90, 100)]) == (0.9, 0.9)


def test_the_samples_count_as_one_sample_of_the_modules_not_run_whole(
        mutation: ModuleType) -> None:
    # 100 mutants run whole (80 % detected); two modules of 300 and 100 sampled 20 and 10 at
    # a time (all detected but 3 in the first): 27 of 30 for their 400 mutants.
    score, low = mutation.estimate([(100, 100, 80, 100), (300, 20, 17, 20), (100, 10, 10, 10)])
    assert score == pytest.approx((100 * 0.8 + 400 * 27 / 30) / 500)
    assert low == pytest.approx((100 * 0.8 + 400 * mutation.wilson_low(27, 30)) / 500)
    # A clean sample is no proof: 30 of 30 still leaves room below 100 %.
    assert mutation.estimate([(300, 30, 30, 30)])[1] == pytest.approx(30 / (30 + 1.96**2))


@pytest.mark.parametrize(("detected", "counted"), [(27, 30), (5, 10), (1, 4)])
def test_wilsons_lower_bound_is_below_the_share(
        mutation: ModuleType, detected: int, counted: int) -> None:
    assert 0 < mutation.wilson_low(detected, counted) < detected / counted


def test_wilsons_lower_bound_by_hand(mutation: ModuleType) -> None:
    # 27 of 30: p = 0.9, z = 1.96; (p + z²/2n - z·√(p(1-p)/n + z²/4n²)) / (1 + z²/n).
    assert mutation.wilson_low(27, 30) == pytest.approx(0.7438, abs=5e-5)
    assert mutation.wilson_low(0, 4) == pytest.approx(0.0, abs=1e-12)


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
    assert "Estimated score of the package: **100.0 %**" in report
    assert f"Of the {10 + len(chosen)} mutants run, {10 + len(chosen)} were killed" in report
    # Mutants checked outside the sample are in neither the score nor the list of survivors.
    assert not any(name in report for name in outside)
