"""`dyads serve`: options, and the token switching ingest on (real subprocesses)."""

from __future__ import annotations

import httpx
from sample_docs import expulsion
from serverutil import TOKEN, build_store, cli_server
from typer.testing import CliRunner

from dyads.cli import app, load_commands


def test_serve_cmd_help_lists_the_options():
    result = CliRunner().invoke(load_commands(), ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "DYADS_TOKEN"):
        assert option in result.output


def test_serve_cmd_rejects_a_bad_port():
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_serve_cmd_token_enables_ingest(tmp_path):
    db = build_store(tmp_path / "own.duckdb", [expulsion()])  # a writable server needs its own file
    with cli_server(db, log=tmp_path / "serve.log", token=TOKEN) as url:
        response = httpx.post(f"{url}/api/ingest", json={"articles": [{"text": "x"}]})
        assert response.status_code == 401
        assert httpx.get(f"{url}/api/stats").json()["stats"]["articles"] == 1
    assert "ingest enabled" in (tmp_path / "serve.log").read_text()
