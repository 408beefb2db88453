"""Lighthouse on a built site served as a web server serves it: each response gzipped.

Lighthouse is pinned in ``maintainers/lighthouse/package.json``, a package of its own so that
the test command's ``npm ci`` does not install it (``npm ci --prefix maintainers/lighthouse``); it
drives the machine's Chromium (``CHROME_PATH``), headless, as a phone on a mobile network
(its default, simulated throttling). A small local server answers Lighthouse's requests from
the site's directory, gzipping what a server compresses (HTML, CSS, JavaScript, JSON, SVG)
at level 6, as ``sitestats`` counts it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from benchmarking.settings import ROOT

#: The pinned command, where ``npm ci --prefix maintainers/lighthouse`` puts it.
LIGHTHOUSE = ROOT / "maintainers" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"

#: What a web server compresses: text, not images or fonts (compressed already).
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".jsonld", ".txt", ".map")

#: Seconds one Lighthouse run may take.
TIMEOUT_SECONDS = 300


def available() -> str | None:
    """Why Lighthouse cannot run here, or None if it can."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed (npm ci --prefix maintainers/lighthouse)"
    if shutil.which("chromium") is None and not os.environ.get("CHROME_PATH"):
        return "no Chromium (chromium on PATH, or CHROME_PATH)"
    return None


class _Gzipped(SimpleHTTPRequestHandler):
    """Files of one directory; text gzipped (level 6) for a client that accepts it."""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base redirects to the address with "/"
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or \
                path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free local port, gzipped; yield its base address."""
    handler = functools.partial(_Gzipped, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run(url: str, report: Path | None = None) -> dict[str, Any]:
    """One Lighthouse run (performance only, mobile) of ``url``: score, LCP and the rest."""
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or ""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        proc = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance",
             "--output=json", f"--output-path={out}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True,
            timeout=TIMEOUT_SECONDS, check=False)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {url} failed ({proc.returncode}): "
                               f"{proc.stderr[-2000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
        if report is not None:
            report.write_bytes(out.read_bytes())
    audits = data["audits"]

    def value(key: str) -> float | None:
        found = audits.get(key, {}).get("numericValue")
        return float(found) if found is not None else None

    score = data["categories"]["performance"]["score"]
    return {
        "score": None if score is None else round(score * 100),
        "lcp_ms": value("largest-contentful-paint"),
        "fcp_ms": value("first-contentful-paint"),
        "tbt_ms": value("total-blocking-time"),
        "cls": value("cumulative-layout-shift"),
        "speed_index_ms": value("speed-index"),
        "transfer_bytes": value("total-byte-weight"),
        "lighthouse": data.get("lighthouseVersion"),
        "benchmark_index": (data.get("environment") or {}).get("benchmarkIndex"),
        "error": (data.get("runtimeError") or {}).get("message"),
    }


#: Runs of each page: Lighthouse's own advice is the median of several, its simulated
#: throttling scaling what the machine's CPU did, which other work disturbs.
RUNS = 3


def measure(sites: dict[str, Path], pages: Sequence[str], out: Path | None = None,
            runs: int = RUNS) -> dict[str, dict[str, Any]]:
    """Lighthouse on each of ``pages`` (paths of a built site, ``""`` the home page) of each
    of ``sites`` (by name), each served with gzip, ``runs`` times, the sites interleaved
    page by page so that other work on the machine falls on both alike. For each site and
    page: the best run (other work only ever lowers a score) and the median, with every
    run's score, LCP and Lighthouse's measure of the machine's speed (``benchmark_index``);
    the best run's report kept in ``out`` if given."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {name: {} for name in sites}
    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory(prefix="lighthouse-"
                                                                      ) as tmp:
        bases = {name: stack.enter_context(served(site)) for name, site in sites.items()}
        for n in range(runs):
            for page in pages:
                for name in sites:
                    slug = f"{name}-{page.strip('/').replace('/', '-') or 'home'}"
                    found[name].setdefault(page, []).append(
                        run(bases[name] + page, Path(tmp) / f"{slug}-{n}.json"))
        results: dict[str, dict[str, Any]] = {name: {} for name in sites}
        for name, by_page in found.items():
            for page, every in by_page.items():
                order = sorted(range(len(every)), key=lambda i: (every[i]["score"] or 0,
                                                                 -(every[i]["lcp_ms"] or 0)))
                best, median = order[-1], order[len(order) // 2]
                slug = f"{name}-{page.strip('/').replace('/', '-') or 'home'}"
                if out is not None:
                    (out / f"lighthouse-{slug}.json").write_bytes(
                        (Path(tmp) / f"{slug}-{best}.json").read_bytes())
                results[name][page] = {**every[best], "median": every[median], "runs": [
                    {key: f[key] for key in ("score", "lcp_ms", "tbt_ms", "benchmark_index")}
                    for f in every]}
    return results
