"""Session fixtures for the browser tests: build the site once into a temporary folder,
serve it on 127.0.0.1 and drive it with one headless Chromium.

The site is built through the library (:func:`generator.pipeline.build`) from the real
seeds, with ``SITE_URL`` pointing at the local server so canonical links, the sitemap and
Material's instant navigation all stay on 127.0.0.1.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOST = "127.0.0.1"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Site:
    """The built site: where it is served, and the story data it was built from."""

    base_url: str  # ends with "/"
    site_dir: Path
    docs_dir: Path
    story: dict[str, Any]

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


@dataclass
class Visit:
    """One browser page plus every request URL it made."""

    page: Any
    requests: list[str] = field(default_factory=list)

    def assert_all_local(self) -> None:
        """No request left 127.0.0.1 (``data:`` and ``blob:`` URLs are ignored)."""
        outside = [
            url for url in self.requests
            if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != LOCAL_HOST
        ]
        assert not outside, f"requests left {LOCAL_HOST}: {outside}"


def find_browser() -> str:
    """The first Chromium-like browser on PATH; fail in CI, skip elsewhere, if none."""
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("no Chromium found; CI must install it (apt-get install chromium)")
    pytest.skip(f"no Chromium-like browser on PATH (looked for {', '.join(BROWSER_NAMES)}); "
                "install Debian's chromium to run the browser tests")


@pytest.fixture(scope="session")
def browser_path() -> str:
    """The browser's executable; requested first so no site is built without one."""
    return find_browser()


@pytest.fixture(scope="session")
def site(browser_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The seeds' site, built into a temporary folder and served on a free port."""
    yield from _served_site(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def split_site(browser_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The same site with the timeline split into period pages, as a long story's is."""
    yield from _served_site(tmp_path_factory.mktemp("browser-split-site"), split=True)


def _served_site(root: Path, *, split: bool = False) -> Iterator[Site]:
    """Serve a temporary folder on a free port, then build the site into it."""
    docs_dir, site_dir = root / "docs", root / "site"
    site_dir.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    base_url = f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    try:
        from generator.pipeline import build
        from generator.render import periods

        previous = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = base_url
        threshold = periods.TIMELINE_PAGE_EVENTS
        periods.TIMELINE_PAGE_EVENTS = 0 if split else threshold  # for this build only
        try:
            build(ROOT / "seeds", docs_dir, site_dir, config_file=ROOT / "mkdocs.yml",
                  save_registry=False)
        finally:
            periods.TIMELINE_PAGE_EVENTS = threshold
            if previous is None:
                os.environ.pop("SITE_URL", None)
            else:
                os.environ["SITE_URL"] = previous
        story = json.loads((docs_dir / "api" / "story.json").read_text(encoding="utf-8"))
        yield Site(base_url, site_dir, docs_dir, story)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(browser_path: str) -> Iterator[Any]:
    """One headless Chromium for the whole session (the system's, never a download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=browser_path, headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    """A fresh desktop-sized page whose requests are all recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    context.set_default_timeout(15_000)
    page = context.new_page()
    result = Visit(page)
    context.on("request", lambda request: result.requests.append(request.url))
    try:
        yield result
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/`` at the repo root (gitignored), for screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
