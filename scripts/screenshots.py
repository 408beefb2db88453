"""Regenerate the README's screenshots (maintainers/screenshots): ``python scripts/screenshots.py``.

Builds the site, serves it on localhost and photographs, in light and dark mode, the first
part of the essay at 1280 px and on a phone (390 px), a glossary tooltip, an actor page and
the actors network, with Debian's Chromium through Playwright. The images live outside
``docs/`` so that they are not published with the site.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def tooltip(page: Page, out: Path) -> None:
    page.goto(page.url_base + "essay/jcpoa/")
    term = page.locator("#p8 a.ed-annotation").first
    term.scroll_into_view_if_needed()
    term.hover()
    page.locator(".md-tooltip2--active").wait_for()
    page.wait_for_timeout(400)
    box = page.locator("#p8").bounding_box()
    page.screenshot(path=out, clip={"x": max(0, box["x"] - 60), "y": max(0, box["y"] - 20),
                                    "width": min(820, box["width"] + 100), "height": 300})


def actor(page: Page, out: Path) -> None:
    page.goto(page.url_base + "actors/vladimir-putin/")
    page.screenshot(path=out)


def network(page: Page, out: Path) -> None:
    page.goto(page.url_base + "actors/")
    # The sticky header would stand over the top of the drawing once it is scrolled to.
    page.locator(".md-header").evaluate("header => { header.style.visibility = 'hidden'; }")
    page.locator("figure.ed-network").screenshot(path=out)


def part(page: Page, out: Path) -> None:
    page.goto(page.url_base + "essay/post-soviet/")
    page.screenshot(path=out)


#: name: (how, viewport). "phone" is the first screen of part 1 at 390 x 844.
SHOTS = {"part": (part, (1280, 800)), "phone": (part, (390, 844)),
         "tooltip": (tooltip, (1280, 800)), "actor": (actor, (1280, 800)),
         "network": (network, (1280, 800))}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "maintainers" / "screenshots")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium is not installed: sudo apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                        str(site)], cwd=ROOT, env=env, check=True)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
             "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base, timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
                for scheme in ("light", "dark"):
                    for name, (shoot, (width, height)) in SHOTS.items():
                        page = browser.new_page(viewport={"width": width, "height": height},
                                                color_scheme=scheme, device_scale_factor=1)
                        page.url_base = base  # type: ignore[attr-defined]
                        path = args.out / f"{name}-{scheme}.png"
                        shoot(page, path)
                        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                        page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
