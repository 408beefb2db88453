"""The GitHub workflows are safe: zizmor (offline) finds nothing of medium or high severity,
every action is pinned to a commit, no token stays on disk, each job has the least permissions,
and Dependabot keeps the pins fresh."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.build import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
SERIOUS = {"Medium", "High"}
#: An unsafe workflow: it runs on tags and leaves a token on disk.
UNSAFE = """\
name: Unsafe
on: [pull_request]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
"""


def zizmor(path: Path) -> list[dict[str, Any]]:
    """zizmor's findings for ``path``, offline, as JSON."""
    exe = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert exe, "zizmor is not installed: pip install -r requirements-test.txt"
    proc = subprocess.run([exe, "--offline", "--no-exit-codes", "--format", "json", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def load(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True.
    return {("on" if key is True else key): value
            for key, value in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job, step) for job, body in workflow["jobs"].items() for step in body["steps"]]


def test_zizmor_finds_nothing_of_medium_or_high_severity() -> None:
    assert len(WORKFLOWS) >= 2
    findings = zizmor(GITHUB)
    serious = [f"{f['ident']} ({f['determinations']['severity']}): "
               f"{f['locations'][0]['concrete']['feature']}"
               for f in findings if f["determinations"]["severity"] in SERIOUS]
    assert serious == []


def test_zizmor_does_find_an_unsafe_workflow(tmp_path: Path) -> None:
    workflow = tmp_path / ".github" / "workflows" / "unsafe.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(UNSAFE, encoding="utf-8")
    found = {(f["ident"], f["determinations"]["severity"]) for f in zizmor(tmp_path / ".github")}
    assert ("unpinned-uses", "High") in found
    assert ("artipacked", "Medium") in found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits_with_their_release(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_token_on_disk_and_least_permissions(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    checkouts = [s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
        else:
            assert granted == {}, name


def test_pull_requests_get_a_preview_and_a_summary() -> None:
    workflow = load(GITHUB / "workflows" / "site.yml")
    assert "pull_request" in workflow["on"]
    by_use = {s.get("uses", "").split("@")[0]: s for _, s in steps(workflow)}
    preview = by_use["actions/upload-artifact"]
    assert "pull_request" in preview["if"] and preview["with"]["path"] == "site"
    summary = next(s for _, s in steps(workflow) if "pr_summary.py" in s.get("run", ""))
    assert "GITHUB_STEP_SUMMARY" in summary["run"] and "pull_request" in summary["if"]
    # The base is passed through the environment, never spliced into the script.
    assert "${{" not in summary["run"]
    assert (ROOT / "scripts" / "pr_summary.py").exists()


def test_sources_are_checked_weekly_not_on_pull_requests() -> None:
    workflow = load(GITHUB / "workflows" / "sources.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert cron.split()[2:4] == ["*", "*"] and cron.split()[4] != "*"  # one weekday
    uses = [s.get("uses", "") for _, s in steps(workflow)]
    assert any(u.startswith("lycheeverse/lychee-action@") for u in uses)
    run = " ".join(s.get("run", "") for _, s in steps(workflow))
    assert "scripts/source_urls.py" in run


def test_dependabot_keeps_both_kinds_of_pin_fresh() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip"}
    assert all(u["directory"] == "/" and u["schedule"]["interval"] for u in ecosystems.values())
    assert (ROOT / "requirements.txt").exists() and (ROOT / "requirements-test.txt").exists()


def test_zizmor_is_pinned() -> None:
    pins = (ROOT / "requirements-test.txt").read_text(encoding="utf-8")
    assert re.search(r"^zizmor==\d+\.\d+\.\d+$", pins, re.MULTILINE)


# ---- Deploys, hashed installs, .ci/run everywhere -------------------------------

SITE = GITHUB / "workflows" / "site.yml"
LOCK = ROOT / "requirements-lock.txt"
#: What the tests need from outside Python, by the command .ci/run checks and its package.
OUTSIDE_TOOLS = {"chromium": "chromium", "java": "default-jre-headless",
                 "pdftotext": "poppler-utils"}


def pins(path: Path) -> dict[str, str]:
    """``name==version`` lines of a requirements file and those it includes, by lower name."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==", 1)
            found[re.sub(r"[-_.]+", "-", name.strip().lower())] = version.split()[0].rstrip("\\")
    return found


def test_a_push_to_main_never_cancels_a_deploy() -> None:
    workflow = load(SITE)
    assert workflow["concurrency"]["cancel-in-progress"] == (
        "${{ github.ref != 'refs/heads/main' }}")


def test_installs_are_hash_checked_from_a_lock_in_step_with_the_pins() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert "pip-compile" in text and "--generate-hashes" in text
    locked = pins(LOCK)
    assert pins(ROOT / "requirements-test.txt").items() <= locked.items(), (
        "requirements-lock.txt is out of step with the pins: regenerate it (README, "
        "'The lock')")
    blocks = re.split(r"\n(?=\S)", text)
    assert all("--hash=sha256:" in block for block in blocks if "==" in block)
    installs = [step["run"] for _, step in steps(load(SITE))
                if "pip install" in step.get("run", "")]
    assert installs and all("--require-hashes" in run and "requirements-lock.txt" in run
                            for run in installs)


def test_the_test_job_runs_ci_run_in_debian() -> None:
    job = load(SITE)["jobs"]["test"]
    # Debian, pinned to one image by its digest (zizmor's unpinned-images, pedantic).
    assert re.fullmatch(r"debian:bookworm-\d{8}@sha256:[0-9a-f]{64}", job["container"])
    assert any(step.get("run", "").endswith("bash .ci/run") for step in job["steps"])
    assert "test" in load(SITE)["jobs"]["deploy"]["needs"]


def test_ci_run_installs_every_outside_tool_the_tests_need() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command, package in OUTSIDE_TOOLS.items():
        assert re.search(rf"command -v {command} .*\|\| missing\+=\({package}\)", script), command
    # The tests that need them really do: each tool is looked up by name in the tests.
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    for command in OUTSIDE_TOOLS:
        assert f'"{command}"' in tests, command
