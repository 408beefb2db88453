"""Real Chromium (Debian's, driven by Playwright) against the built site on localhost."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from support.http import serving

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in item.nodeid or item.nodeid.startswith("tests/browser"):
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    """Debian's Chromium; missing is a skip on a laptop, a failure in CI."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Chromium is not installed: run 'sudo apt-get install chromium' (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free localhost port."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class OffsiteRequests(list):
    """URLs a page asked for that are not on the local test server."""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def offsite(context: BrowserContext, base_url: str) -> OffsiteRequests:
    """Every request that leaves the test server is recorded here (and blocked)."""
    requests = OffsiteRequests()
    local = urlsplit(base_url).netloc

    def route(route):  # type: ignore[no-untyped-def]
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != local:
            requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", route)
    return requests


@pytest.fixture
def page(context: BrowserContext, offsite: OffsiteRequests) -> Page:
    return context.new_page()
