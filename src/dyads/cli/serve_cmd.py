"""`dyads serve`: the JSON API and the dashboard over a store, until Ctrl-C.

Input: --db FILE (default dyads.duckdb), --host, --port, --token (or DYADS_TOKEN).
Output: a running HTTP server; the URL is printed first.
Guarantees: read-only unless a token is given; listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from pathlib import Path

import typer

from dyads.cli import app


@app.command()
def serve(
    db: Path = typer.Option(Path("dyads.duckdb"), "--db", help="DuckDB store to serve (created empty if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token: str | None = typer.Option(
        None, "--token", envvar="DYADS_TOKEN",
        help="Enable POST /api/ingest for requests with 'Authorization: Bearer <token>'.",
    ),
) -> None:
    """Serve the dashboard (/) and the JSON API (/api, docs at /docs)."""
    from dyads.api import serve as run_server  # FastAPI and uvicorn load only for this command

    run_server(db, host=host, port=port, token=token)
