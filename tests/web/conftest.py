"""Fixtures for the dashboard tests: headless Debian Chromium driven by Playwright, against
`dyads serve` (subprocess) and an ingest-enabled server (thread, stub extraction).

The store builders and server helpers are shared with tests/api (sample_docs, serverutil).
Browser tests are skipped, with the reason, only when /usr/bin/chromium is absent
(install it with scripts/install-browser.sh); Playwright's own browser is never downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))

from sample_docs import sample_documents, stub_extract  # noqa: E402
from serverutil import TOKEN, ThreadServer, build_store, cli_server  # noqa: E402

from dyads.api import create_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="session")
def web_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    db = build_store(tmp / "web.duckdb", sample_documents())
    with cli_server(db, log=tmp / "serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def web_ingest_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("web-ingest") / "ingest.duckdb", sample_documents())
    with ThreadServer(create_app(db, token=TOKEN, extract=stub_extract)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: run scripts/install-browser.sh (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Recorder:
    """What a page did that a test may forbid: requests, dialogs, script errors."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda err: self.errors.append(str(err)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign_hosts(self) -> set[str]:
        return {urlsplit(u).hostname for u in self.urls
                if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"}


def open_page(browser, *, bypass_csp: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.recorder = Recorder(page)
    return context, page


@pytest.fixture
def page(browser):
    """A page under the server's Content-Security-Policy, as users get it."""
    context, page = open_page(browser, bypass_csp=False)
    yield page
    context.close()


@pytest.fixture
def page_without_csp(browser):
    """A page that ignores the Content-Security-Policy: what is left is the escaping itself."""
    context, page = open_page(browser, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
