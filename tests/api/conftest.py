"""Fixtures for the API tests: a store built from hand-written Documents, `dyads serve` in a
subprocess over it, and an ingest-enabled server (uvicorn in a thread, stub extraction)."""

from __future__ import annotations

import httpx
import pytest
from sample_docs import sample_documents, stub_extract
from serverutil import TOKEN, ThreadServer, build_store, cli_server

from dyads.api import create_app


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("db") / "sample.duckdb", sample_documents())


@pytest.fixture(scope="session")
def server(sample_db, tmp_path_factory):
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with cli_server(sample_db, log=log) as url:
        yield {"url": url, "log": log}


@pytest.fixture(scope="session")
def base_url(server):
    return server["url"]


@pytest.fixture(scope="session")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def ingest_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("ingest") / "ingest.duckdb", sample_documents()[:2])
    app = create_app(db, token=TOKEN, max_body=20_000, extract=stub_extract)
    with ThreadServer(app) as url:
        yield url
