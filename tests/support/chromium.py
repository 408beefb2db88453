"""Debian's Chromium for the browser tests: where it is and how to launch it here."""

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


def chromium_path() -> str:
    """Debian's Chromium; missing is a skip on a laptop, a failure in CI."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Chromium is not installed: run 'sudo apt-get install chromium' (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
