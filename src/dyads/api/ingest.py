"""The work behind ``POST /api/ingest``: bearer check, bounded body, articles -> store.

Input: the request (``Authorization: Bearer <token>``, a JSON body
``{"articles": [{"id"?, "title"?, "text", ...}]}``), the server token and the size limit.
Output: ``{"ok": true, "added": n, "ids": [...], "errors": [{"id", "stage", "reason"}], "stats": ...}``
after ``dyads.pipeline.extract`` has turned the articles into Documents and the store has added them.
Guarantees: the token is compared in constant time; a body over ``max_body`` bytes is refused
(413) before it is parsed, whether or not it declares a Content-Length; a malformed body is a 422
naming the problem; records become Articles exactly as ``dyads ingest`` reads JSON Lines
(``dyads.ingest.jsonl.article_from_record``); an article that cannot be read or processed is
reported in ``errors``, the others are stored.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyads.api.errors import describe_validation
from dyads.errors import InputError
from dyads.ingest.jsonl import article_from_record
from dyads.types import Article, Document, ErrorRecord

ExtractFn = Callable[[list[Article]], Iterable[Document | ErrorRecord]]


class ArticleIn(BaseModel):
    """One article to ingest: the record format of ``dyads ingest file.jsonl``."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = Field(default=None, max_length=500)
    title: str | None = None
    lede: str | None = None
    text: str = Field(min_length=1)
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None


class IngestBody(BaseModel):
    """The body of ``POST /api/ingest``."""

    articles: list[ArticleIn] = Field(min_length=1)


def check_bearer(request: Request, token: str) -> None:
    """Raise 401 unless the request carries ``Authorization: Bearer <token>``."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def read_body(request: Request, max_body: int) -> IngestBody:
    """Read at most ``max_body`` bytes and validate them as an IngestBody.

    Raises:
        HTTPException: 413 when the body is too large, 422 when it is not the expected JSON.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_body:
        raise HTTPException(413, f"request body of {declared} bytes exceeds the {max_body}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            raise HTTPException(413, f"request body exceeds the {max_body}-byte limit")
        chunks.append(chunk)
    try:
        return IngestBody.model_validate(json.loads(b"".join(chunks) or b"null"))
    except json.JSONDecodeError as err:
        raise HTTPException(422, f"body is not valid JSON: {err}") from err
    except ValidationError as err:
        raise HTTPException(422, describe_validation(list(err.errors()))) from err


def to_articles(items: list[ArticleIn]) -> tuple[list[Article], list[dict[str, Any]]]:
    """Articles as ``dyads ingest`` makes them from JSON records (same layout recognition and
    normalisation; without an id, the ingest stage's content hash), and the records it refused.

    Returns:
        (articles, errors), errors as ``{"id", "stage": "ingest", "reason"}``.
    """
    articles, errors = [], []
    for number, item in enumerate(items, start=1):
        try:
            articles.append(article_from_record(item.model_dump(exclude_none=True), source="api", line=number))
        except InputError as err:
            errors.append({"id": item.id, "stage": "ingest", "reason": str(err)})
    return articles, errors


def default_extract() -> ExtractFn:
    """The real pipeline, imported only when an ingest actually happens (it loads spaCy)."""
    from dyads.pipeline import extract

    return lambda articles: extract(articles)


def run_ingest(items: list[ArticleIn], extract: ExtractFn | None, add: Callable[..., Any]) -> dict[str, Any]:
    """Make Articles, extract Documents from them and store those with ``add``.

    Args:
        items: the validated records of the request.
        extract: Article -> Document function; None means ``dyads.pipeline.extract``.
        add: stores a list of Documents (``Store.add``).

    Returns:
        The response body: ids added, per-article errors and the store's AddStats.
    """
    articles, errors = to_articles(items)
    documents = []
    for record in (extract or default_extract())(articles) if articles else ():
        if isinstance(record, ErrorRecord):
            errors.append({"id": record.id, "stage": record.stage, "reason": record.reason})
        else:
            documents.append(record)
    stats = add(documents) if documents else None
    return {
        "ok": True,
        "added": len(documents),
        "ids": [d.id for d in documents],
        "errors": errors,
        "stats": _plain(stats),
    }


def _plain(stats: Any) -> Any:
    if stats is None or isinstance(stats, (dict, int, str)):
        return stats
    if hasattr(stats, "to_dict"):
        return stats.to_dict()
    return getattr(stats, "__dict__", str(stats))
