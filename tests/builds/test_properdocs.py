"""The way past MkDocs 1.x: ProperDocs, a maintained fork of MkDocs 1.6, builds the edition
exactly as MkDocs does, but for the generator named in each page's ``<meta>``.

ProperDocs (pinned in requirements-test.txt) redirects ``mkdocs.*`` imports to its own
modules, so the same ``mkdocs.yml``, hook and Material theme run unchanged. Should a
ProperDocs release break that, this test says so the day it is pinned.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.build import ROOT, mkdocs_env


def properdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--clean",
         "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )


def content(path: Path) -> bytes:
    """A file's bytes as a reader gets them: gzip unpacked (its header holds a time)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def without_generator(html: bytes) -> tuple[bytes, list[str]]:
    """The page without its generator ``<meta>`` line, and what that line named."""
    lines = html.split(b"\n")
    generator = [line for line in lines if b'<meta name="generator"' in line]
    named = [BeautifulSoup(line, "html.parser").meta["content"] for line in generator]
    return b"\n".join(line for line in lines if line not in generator), named


@pytest.fixture(scope="module")
def proper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = properdocs_build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return site


def test_properdocs_builds_the_same_site_but_for_the_generator(site: Path, proper: Path) -> None:
    ours = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(proper) for p in proper.rglob("*") if p.is_file())
    assert ours == theirs
    different, generators = [], set()
    for path in ours:
        a, b = content(site / path), content(proper / path)
        if path.suffix == ".html":
            (a, _), (b, named) = without_generator(a), without_generator(b)
            generators.update(named)
        if a != b:
            different.append(str(path))
    assert different == []
    assert generators and all("ProperDocs" in name for name in generators), generators
