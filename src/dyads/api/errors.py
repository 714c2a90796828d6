"""One error shape for every route: ``{"ok": false, "error": str, "status": int}``.

Input: exceptions raised while handling a request (HTTP errors, validation errors, store
errors, anything else).
Output: a JSONResponse with that body and the matching status code.
Guarantees: no route answers an error in another shape; a 500 never leaks a traceback (the
traceback goes to the log); a value the store refuses (its ValueError) or the database cannot
convert is the client's fault (400); a store that cannot be opened is a 503.
"""

from __future__ import annotations

import logging
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyads.errors import StoreError

log = logging.getLogger(__name__)


class BadQuery(Exception):
    """A filter value the store refused (its ``ValueError``): the client's mistake, a 400."""

# Errors DuckDB raises when a (parameterised) value cannot be used, e.g. a date it cannot parse.
CLIENT_DB_ERRORS = (duckdb.ConversionException, duckdb.InvalidInputException)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Build the one error body every route uses.

    Args:
        status: HTTP status code.
        message: a sentence a person can act on.
        headers: extra response headers (e.g. ``WWW-Authenticate``).

    Returns:
        A JSONResponse ``{"ok": false, "error": message, "status": status}``.
    """
    body = {"ok": False, "error": message, "status": status}
    return JSONResponse(body, status_code=status, headers=headers)


def describe_validation(errors: list[dict[str, Any]]) -> str:
    """Turn pydantic's error list into one readable line: ``query 'limit': must be >= 1; ...``."""
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        where = f"{loc[0]} {'.'.join(loc[1:])!r}" if len(loc) > 1 else (loc[0] if loc else "request")
        parts.append(f"{where}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    elif exc.status_code == 405 and message == "Method Not Allowed":
        message = f"method {request.method} not allowed on {request.url.path}"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(422, describe_validation(list(exc.errors())))


async def _db_client_error(request: Request, exc: Exception) -> JSONResponse:
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return error_response(400, f"invalid filter value: {first_line}")


async def _bad_query(request: Request, exc: BadQuery) -> JSONResponse:
    return error_response(400, f"invalid query: {exc}")


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    log.error("store error on %s %s: %s", request.method, request.url.path, exc)
    return error_response(503, f"store unavailable: {exc}")


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, f"internal error ({type(exc).__name__}); see the server log")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadQuery, _bad_query)
    app.add_exception_handler(StoreError, _store_error)
    for exc_type in CLIENT_DB_ERRORS:
        app.add_exception_handler(exc_type, _db_client_error)
    app.add_exception_handler(Exception, _server_error)
