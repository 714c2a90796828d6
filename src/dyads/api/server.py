"""Run the API and dashboard with uvicorn: ``serve(db, host, port, token)``.

Input: a database path, the address to listen on, an optional ingest token.
Output: a running server; the function returns when it stops (Ctrl-C).
Guarantees: prints the dashboard URL (and whether ingest is enabled) before serving; binds only
the given host (127.0.0.1 by default, so nothing is exposed beyond this machine unless asked).
"""

from __future__ import annotations

from pathlib import Path

import uvicorn

from dyads.api.app import create_app


def serve(db: str | Path = "dyads.duckdb", host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Serve the dashboard and API over ``db`` until interrupted.

    Args:
        db: the DuckDB file (created empty when missing).
        host: interface to bind.
        port: TCP port.
        token: enables ``POST /api/ingest`` with ``Authorization: Bearer <token>``.
    """
    app = create_app(db, token=token)
    shown = f"[{host}]" if ":" in host else host
    mode = "ingest enabled (bearer token)" if token else "read-only"
    # The one place the API writes to the terminal: `make run` / `dyads serve` show where to go.
    print(f"dyads: serving {db} ({mode}) at http://{shown}:{port}/  (API docs: /docs; Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
