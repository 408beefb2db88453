"""Programs the browser and HTML tests need beyond Python: Debian's Chromium, and Java."""

from __future__ import annotations

import os
import shutil

import pytest

#: Flags for a sandboxed root session on a machine with no network but the registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(*commands: str, install: str) -> str:
    """The first of ``commands`` on PATH; missing is a skip on a laptop, a failure in CI."""
    path = next((found for command in commands if (found := shutil.which(command))), None)
    if path is None:
        message = f"{commands[0]} is not installed: run '{install}' (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def chromium_path() -> str:
    """Debian's Chromium."""
    return require("chromium", "chromium-browser", install="sudo apt-get install chromium")
