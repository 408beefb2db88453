"""scripts/benchmark.py runs end to end in --tiny mode (no timing assertions)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from support.build import ROOT, mkdocs_env

SCRIPT = ROOT / "scripts" / "benchmark.py"
TIMEOUT_SECONDS = 600
#: The profiler is a maintainers' tool (requirements-maintainers.txt): without it, the run
#: goes without --profile and its profiles are not looked for.
PROFILER = importlib.util.find_spec("pyinstrument") is not None


def test_tiny_benchmark_completes_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--tiny", "--profile", "all" if PROFILER else "none",
         "--out", str(out), "--json", "results.json"],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "| Edition |" in proc.stdout, proc.stdout  # the Markdown table, on stdout

    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for key in ("machine", "command", "build_command", "runs", "sizes", "targets"):
        assert key in results, key
    for key in ("cpu", "cores", "python", "mkdocs", "material", "markdown"):
        assert results["machine"][key], key
    assert results["runs"] == 1

    [size] = results["sizes"]
    assert (size["pages"], size["terms"], size["actors"]) == (3, 10, 5)
    variants = size["variants"]
    assert set(variants) == {
        "hook", "nohook", "tooltips", "abbr-snippets", "abbr-snippets-blocks", "abbr-glossary"
    }
    for name, entry in variants.items():
        assert entry["wall_median"] > 0, name
        assert all(wall > 0 for wall in entry["wall"]), name
        assert entry["maxrss_median_mb"] > 0, name
        assert entry["site_bytes"] > 0, name
        assert "ratio" in entry and "added_bytes" in entry, name

    hook, nohook = variants["hook"], variants["nohook"]
    assert hook["annotations"] > 0
    assert nohook["annotations"] == 0
    assert hook["hook_timing"]["own"] > 0
    assert hook["hook_timing"]["imports"] > 0
    # The tooltip job alone (issue 26): the extension annotates, with no hook and no
    # generated pages (the site holds only the pages the no-hook build has).
    tooltips = variants["tooltips"]
    assert tooltips["annotations"] > 0 and tooltips["abbrs"] == 0
    assert tooltips["html_pages"] == nohook["html_pages"]
    assert hook["hook_ms_per_page"] > 0
    assert hook["largest_generated_page"]["bytes"] > 0
    for peer in ("abbr-snippets", "abbr-snippets-blocks", "abbr-glossary"):
        assert variants[peer]["abbrs"] > 0, peer
        assert variants[peer]["annotations"] == 0, peer

    if not PROFILER:
        return
    # The profiles of one build with the hook and one without, split into phases.
    profile = size["profile"]
    hook_events = next(label for label in profile["hook"]["phases"] if "hook's events" in label)
    assert profile["hook"]["phases"][hook_events] > 0
    assert profile["nohook"]["phases"][hook_events] == 0
    for variant in ("hook", "nohook"):
        assert profile[variant]["total"] > 0
        assert (out / f"profile-3x10x5-{variant}.html").stat().st_size > 0
    assert "where the time goes, with the hook and without" in proc.stdout
    # Every measure beside its target, in one table; the weights it reads from the sites.
    assert "Every measure against its target, side by side" in proc.stdout
    for variant in ("hook", "nohook"):
        weight = variants[variant]["weight"]
        assert weight["search_index"]["gzip"] > 0, variant
        assert weight["home"]["gzip"] > weight["search_index"]["gzip"], variant
