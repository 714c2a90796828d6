"""The HTTP face of dyads: a JSON API and the dashboard, over one store.

Input: a DuckDB file written by ``dyads.store.Store``.
Output: ``create_app(store_path, *, token=None, max_body=1_000_000) -> FastAPI`` and
``serve(db, host, port, token)``, which runs it with uvicorn until Ctrl-C.
Guarantees: see ``dyads.api.app`` (routes, error shape, read-only default).
"""

from dyads.api.app import create_app
from dyads.api.server import serve

__all__ = ["create_app", "serve"]
