"""Real Chromium (Debian's, driven by Playwright) against the built site on localhost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from support.http import serving
from support.tools import CHROMIUM_ARGS, chromium_path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in item.nodeid or item.nodeid.startswith("tests/browser"):
            item.add_marker(pytest.mark.browser)


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
