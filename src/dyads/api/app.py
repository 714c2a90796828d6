"""The JSON API and the dashboard over one DuckDB store: ``create_app(store_path) -> FastAPI``.

Input: the path of a database written by ``dyads.store.Store``; optionally an ingest token.
Output: a FastAPI app serving
  GET  /api/stats, /api/articles, /api/articles/{id}, /api/events, /api/events/{id},
       /api/dyads, /api/dyads/{a}/{b}/timeline, /api/actors, /api/quotes, /api/search,
       /api/network
  POST /api/ingest (only when a token is given; ``Authorization: Bearer <token>``)
  GET  / (the dashboard), /static/* (its files), /docs (Swagger UI, offline), /openapi.json
Guarantees: without a token the database is opened read-only and no route writes;
every success body is a JSON object with ``"ok": true`` (lists under ``rows``), every error
``{"ok": false, "error": str, "status": int}``; route bodies only translate HTTP to one Store
call; pages are served with a Content-Security-Policy that allows no other origin.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from dyads import __version__
from dyads.api import ingest as ingest_mod
from dyads.api.access import StoreAccess
from dyads.api.errors import install_error_handlers
from dyads.api.params import (
    ActorFilter, ActorPath, Code, EventSort, Limit, Offset, Period, QuadClass, Root, Since, Text, Until,
)
from dyads.api.views import listing, top_dyads

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    max_body: int = 1_000_000,
    extract: ingest_mod.ExtractFn | None = None,
) -> FastAPI:
    """Build the app.

    Args:
        store_path: the DuckDB file (created empty when missing).
        token: enables ``POST /api/ingest`` for requests bearing it; None keeps the server read-only.
        max_body: largest ingest body accepted, in bytes (larger: 413).
        extract: the Article -> Document function used by ingest; ``dyads.pipeline.extract`` by default.

    Returns:
        The FastAPI application.
    """
    store = StoreAccess(store_path, writable=token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="dyads",
        version=__version__,
        summary="Event data from news articles: who did what to whom, when, and the sentence that says it.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    install_error_handlers(app)
    _add_security_headers(app)
    _add_read_routes(app, store)
    if token is not None:
        _add_ingest_route(app, store, token=token, max_body=max_body, extract=extract)
    _add_pages(app)
    return app


def _add_read_routes(app: FastAPI, store: StoreAccess) -> None:
    @app.get("/api/stats", tags=["store"], summary="Counts of articles, events, quotes and actors.")
    def stats() -> dict[str, Any]:
        return {"ok": True, "stats": store.call("stats")}

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first.")
    def articles(limit: Limit = 50, offset: Offset = 0, q: Text = None) -> dict[str, Any]:
        return listing(store.call("articles", limit=limit, offset=offset, q=q), limit=limit, offset=offset)

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article: text, spans (triggers, sources, targets, quotes, entities), events, quotes.")
    def article(article_id: str) -> dict[str, Any]:
        return {"ok": True, "article": _found(store.call("article", article_id), "article", article_id)}

    @app.get("/api/events", tags=["events"], summary="Events, filtered; each with its first mention.")
    def events(
        actor: ActorFilter = None, source: ActorFilter = None, target: ActorFilter = None,
        code: Code = None, root: Root = None, quad_class: QuadClass = None,
        since: Since = None, until: Until = None, q: Text = None,
        limit: Limit = 100, offset: Offset = 0, sort: EventSort = "date", desc: bool = True,
    ) -> dict[str, Any]:
        found = store.call(
            "events", actor=actor, source=source, target=target, code=code, root=root,
            quad_class=quad_class, since=since, until=until, q=q,
            limit=limit, offset=offset, sort=sort, desc=desc,
        )
        return listing(found, limit=limit, offset=offset)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with all its mentions.")
    def event(event_id: Annotated[str, PathParam(max_length=500)]) -> dict[str, Any]:
        return {"ok": True, "event": _found(store.call("event", event_id), "event", event_id)}

    @app.get("/api/dyads", tags=["dyads"], summary="The busiest actor pairs, both directions counted.")
    def dyads(limit: Annotated[int, Query(ge=1, le=200)] = 20, since: Since = None, until: Until = None) -> dict[str, Any]:
        edges = store.call("network", since=since, until=until, min_events=1, limit=1000)
        return listing(top_dyads(edges, limit=limit), limit=limit, offset=0)

    @app.get("/api/dyads/{a}/{b}/timeline", tags=["dyads"],
             summary="Events between A and B per period: quad classes and mean Goldstein, each direction.")
    def timeline(a: ActorPath, b: ActorPath, by: Period = "month", since: Since = None, until: Until = None) -> dict[str, Any]:
        rows = store.call("dyad", a, b, by=by, since=since, until=until)
        return {"ok": True, "a": a, "b": b, "by": by, "rows": rows}

    @app.get("/api/actors", tags=["actors"], summary="Actors with their event counts.")
    def actors(role: Annotated[str | None, Query(max_length=32)] = None,
               limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
        return listing(store.call("actors", role=role, limit=limit), limit=limit, offset=0)

    @app.get("/api/quotes", tags=["quotes"], summary="Quotations, by speaker name, speaker actor or article.")
    def quotes(speaker: Text = None, actor: ActorFilter = None,
               article_id: Annotated[str | None, Query(max_length=500)] = None,
               limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        found = store.call("quotes", speaker=speaker, actor=actor, article_id=article_id, limit=limit, offset=offset)
        return listing(found, limit=limit, offset=offset)

    @app.get("/api/search", tags=["store"], summary="Full-text search over event sentences and article texts (accent-insensitive).")
    def search(q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50) -> dict[str, Any]:
        return listing(store.call("search", q, limit=limit), limit=limit, offset=0)

    @app.get("/api/network", tags=["dyads"], summary="Directed actor-to-actor edges: event count and mean Goldstein.")
    def network(since: Since = None, until: Until = None,
                min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                limit: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
        edges = store.call("network", since=since, until=until, min_events=min_events, limit=limit)
        return listing(edges, limit=limit, offset=0)


def _add_ingest_route(app: FastAPI, store: StoreAccess, *, token: str, max_body: int,
                      extract: ingest_mod.ExtractFn | None) -> None:
    @app.post("/api/ingest", tags=["ingest"], openapi_extra=_INGEST_OPENAPI,
              summary="Extract and store articles (bearer token required).")
    async def ingest(request: Request) -> dict[str, Any]:
        ingest_mod.check_bearer(request, token)
        body = await ingest_mod.read_body(request, max_body)
        return await run_in_threadpool(ingest_mod.run_ingest, body.articles, extract, lambda docs: store.call("add", docs))


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(WEB_DIR / "docs.html")


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _found(record: dict[str, Any] | None, kind: str, key: str) -> dict[str, Any]:
    if record is None:
        raise HTTPException(404, f"{kind} {key!r} not found")
    return record


_INGEST_OPENAPI: dict[str, Any] = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object",
    "required": ["articles"],
    "properties": {"articles": {"type": "array", "minItems": 1, "items": ingest_mod.ArticleIn.model_json_schema()}},
}}}}}
