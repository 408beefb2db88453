"""The code is ruff clean (the settings are in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from support.build import ROOT


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "hooks", "tests", "scripts"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
