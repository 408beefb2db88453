"""The screenshot script runs (at full size, into a temporary folder) so it never rots."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from support.build import ROOT, mkdocs_env
from support.tools import chromium_path


def test_the_screenshot_script_photographs_ten_views(tmp_path: Path) -> None:
    chromium_path()  # skip or fail, as for every browser test, without Chromium
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, env=mkdocs_env(), timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("part", "phone", "tooltip", "actor", "network"):
        for scheme in ("light", "dark"):
            data = (tmp_path / f"{name}-{scheme}.png").read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = struct.unpack(">II", data[16:24])
            assert width >= 300 and height >= 200, (name, scheme, width, height)
    actor = (tmp_path / "actor-light.png").read_bytes()
    assert struct.unpack(">II", actor[16:24]) == (1280, 800)
    phone = (tmp_path / "phone-light.png").read_bytes()
    assert struct.unpack(">II", phone[16:24]) == (390, 844)


def test_the_screenshots_are_not_published_with_the_site() -> None:
    """They live in maintainers/screenshots, outside docs/."""
    assert not (ROOT / "docs" / "assets" / "screenshots").exists()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "maintainers/screenshots/phone-light.png" in readme
