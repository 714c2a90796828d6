"""The event store: Documents in, a DuckDB file out, queried through ``Store``.

Input: ``dyads.types.Document`` records (``Store.add``); query arguments (``Store.events`` ...).
Output: a DuckDB database (default ``./dyads.duckdb``) with the tables of ``store.schema``;
query answers as lists of plain dicts (JSON-ready apart from ``date`` values, which are ISO strings).
Guarantees:
- ``add`` writes in batches, each in one transaction: a process killed at any moment (kill -9)
  leaves every completed batch stored whole and nothing of the batch in flight; adding again
  resumes, because an article already stored (same id) is skipped.
- the same event (source actor, target actor, CAMEO code, date at day precision, else month)
  reported by several articles is one row of ``events``, with all its mentions and
  GDELT-style ``num_mentions`` / ``num_sources`` (distinct outlets) / ``num_articles``.
- user values only ever reach SQL as bound parameters; column and sort names come from
  fixed tables in ``store.queries``.
- ``read_only=True`` never writes and fails with ``StoreError`` when the file is missing.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb
import pyarrow as pa

from dyads.errors import StoreError
from dyads.store import queries
from dyads.store import search as fulltext
from dyads.store.rows import TableRows, document_rows
from dyads.store.schema import (
    COLUMNS, SCHEMA_VERSION, TOKENS_MACRO, arrow_schema, column_names, create_statements,
    events_from_mentions_sql, quoted,
)
from dyads.types import Document, ErrorRecord

log = logging.getLogger(__name__)

_BATCH_TABLES = ("articles", "entities", "quotes", "timexes", "event_mentions", "actor_mentions")


@dataclass
class AddStats:
    """What one ``Store.add`` call did."""

    articles_added: int = 0
    articles_skipped: int = 0  # already stored (or twice in the input)
    events_added: int = 0  # new rows of ``events``
    events_merged: int = 0  # mentions that joined an event already known
    quotes_added: int = 0
    entities_added: int = 0
    errors_skipped: int = 0  # ErrorRecords found among the inputs (not stored)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class Store:
    """A DuckDB event store. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "dyads.duckdb", *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: create one with `dyads ingest PATH --db {self.path}`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open {self.path}: {err}") from err
        if not read_only:
            self._create_schema()
        self._check_schema()
        self.con.execute(TOKENS_MACRO)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create_schema(self) -> None:
        with self._transaction():
            for statement in create_statements():
                self.con.execute(statement)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
            )

    def _check_schema(self) -> None:
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        missing = set(COLUMNS) - tables
        if missing:
            raise StoreError(f"{self.path} is not a dyads store (missing tables: {', '.join(sorted(missing))})")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.con)

    # -- writing ---------------------------------------------------------------------------

    def add(self, documents: Iterable[Document | ErrorRecord], *, batch_size: int = 50) -> AddStats:
        """Store documents, ``batch_size`` per transaction; skip articles already stored.

        Args:
            documents: extraction results; ErrorRecords among them are counted and skipped.
            batch_size: articles per transaction (the unit that survives a crash).

        Returns:
            The counts of what was added, skipped and merged.

        Raises:
            StoreError: the store is read-only or the database refused a batch (that batch
                is rolled back; earlier batches stay stored).
        """
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only")
        stats = AddStats()
        for batch in _batches(documents, max(1, batch_size)):
            records = [d for d in batch if isinstance(d, Document)]
            stats.errors_skipped += len(batch) - len(records)
            if records:
                self._add_batch(records, stats)
        return stats

    def _add_batch(self, documents: list[Document], stats: AddStats) -> None:
        fresh = self._new_documents(documents)
        stats.articles_skipped += len(documents) - len(fresh)
        if not fresh:
            return
        rows = TableRows()
        for document in fresh:
            rows.extend(document_rows(document))
        with self._transaction():
            for table in _BATCH_TABLES:
                self._insert(table, getattr(rows, table))
            added, merged = self._fold_events(rows)
            self._index_tokens([d.id for d in fresh])
            self._insert_actors(rows)
        stats.articles_added += len(fresh)
        stats.events_added += added
        stats.events_merged += merged
        stats.quotes_added += len(rows.quotes)
        stats.entities_added += len(rows.entities)

    def _new_documents(self, documents: list[Document]) -> list[Document]:
        """The documents not stored yet, each id once (first occurrence wins)."""
        ids = list(dict.fromkeys(d.id for d in documents))
        clause, params = queries.in_list("id", ids)
        stored = {r[0] for r in self.con.execute(f"SELECT id FROM articles WHERE {clause}", params).fetchall()}
        fresh: dict[str, Document] = {}
        for document in documents:
            if document.id not in stored and document.id not in fresh:
                fresh[document.id] = document
        return list(fresh.values())

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows (dicts with the table's columns) through a registered Arrow table."""
        batch = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        names = ", ".join(quoted(n) for n in column_names(table))
        self.con.register(f"_batch_{table}", batch)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch_{table}")
        finally:
            self.con.unregister(f"_batch_{table}")

    def _fold_events(self, rows: TableRows) -> tuple[int, int]:
        """Recompute the events the batch touched from all their mentions; return (added, merged)."""
        touched = sorted({m["event_id"] for m in rows.event_mentions})
        if not touched:
            return 0, 0
        clause, params = queries.in_list("id", touched)
        known = self.con.execute(f"SELECT count(*) FROM events WHERE {clause}", params).fetchone()[0]
        clause, params = queries.in_list("event_id", touched)
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE _touched_mentions AS SELECT * FROM event_mentions "
                         f"WHERE {clause}", params)
        names = column_names("events")
        updates = ", ".join(f"{quoted(n)} = excluded.{quoted(n)}" for n in names if n != "id")
        self.con.execute(
            f"INSERT INTO events ({', '.join(quoted(n) for n in names)}) "
            f"{events_from_mentions_sql('_touched_mentions')} ON CONFLICT (id) DO UPDATE SET {updates}")
        added = len(touched) - known
        return added, len(rows.event_mentions) - added

    def _index_tokens(self, article_ids: list[str]) -> None:
        """Add the batch's article texts and event sentences to the search index."""
        clause, params = queries.in_list("id", article_ids)
        self.con.execute(
            "INSERT INTO search_tokens SELECT DISTINCT unnest(dyads_tokens(coalesce(title, '') || ' ' || "
            f"coalesce(text, ''))) AS token, 'article', id, NULL, NULL FROM articles WHERE {clause}", params)
        clause, params = queries.in_list("article_id", article_ids)
        self.con.execute(
            "INSERT INTO search_tokens SELECT DISTINCT unnest(dyads_tokens(sentence)) AS token, 'mention', "
            f"article_id, idx, event_id FROM event_mentions WHERE {clause}", params)

    def _insert_actors(self, rows: TableRows) -> None:
        actor_rows = _actor_rows(rows.actor_mentions)
        batch = pa.Table.from_pylist(actor_rows, schema=arrow_schema("actors"))
        self.con.register("_batch_actors", batch)
        try:
            self.con.execute("INSERT INTO actors SELECT id, name, kind FROM _batch_actors ON CONFLICT DO NOTHING")
        finally:
            self.con.unregister("_batch_actors")

    # -- reading ---------------------------------------------------------------------------

    def has_article(self, id: str) -> bool:
        """Whether an article with this id is stored."""
        return self.con.execute("SELECT count(*) FROM articles WHERE id = ?", [id]).fetchone()[0] > 0

    def article_ids(self) -> set[str]:
        """The ids of every stored article."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def stats(self) -> dict[str, int]:
        """Row counts per table (the search index included)."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COLUMNS if t != "meta"}

    def articles(self, *, limit: int = 50, offset: int = 0, q: str | None = None) -> list[dict[str, Any]]:
        """Articles, newest first (see ``queries.articles``)."""
        return queries.articles(self.con, limit=limit, offset=offset, q=q)

    def article(self, id: str) -> dict[str, Any] | None:
        """One article with its text, spans, events, quotes and entities, or None."""
        return queries.article(self.con, id)

    def events(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
               code: str | None = None, root: str | None = None, quad_class: int | None = None,
               since: str | None = None, until: str | None = None, q: str | None = None,
               limit: int = 100, offset: int = 0, sort: str = "date", desc: bool = True) -> list[dict[str, Any]]:
        """Events matching every filter given, each with its first mention (see ``queries.events``)."""
        return queries.events(
            self.con, actor=actor, source=source, target=target, code=code, root=root,
            quad_class=quad_class, since=since, until=until, q=q, limit=limit, offset=offset,
            sort=sort, desc=desc)

    def event(self, id: str) -> dict[str, Any] | None:
        """One event with all its mentions, or None."""
        return queries.event(self.con, id)

    def dyad(self, a: str, b: str, *, by: str = "month", since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
        """Per-period counts between two actors, both directions and net (see ``queries.dyad``)."""
        return queries.dyad(self.con, a, b, by=by, since=since, until=until)

    def quotes(self, *, speaker: str | None = None, actor: str | None = None, article_id: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, filtered by speaker substring, speaker actor or article (see ``queries.quotes``)."""
        return queries.quotes(self.con, speaker=speaker, actor=actor, article_id=article_id,
                              limit=limit, offset=offset)

    def actors(self, *, role: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        """Actors with their roles and people, most active first (see ``queries.actors``)."""
        return queries.actors(self.con, role=role, limit=limit)

    def network(self, *, since: str | None = None, until: str | None = None, min_events: int = 1,
                limit: int = 300) -> list[dict[str, Any]]:
        """Directed actor pairs with their event counts (see ``queries.network``)."""
        return queries.network(self.con, since=since, until=until, min_events=min_events, limit=limit)

    def search(self, q: str, *, limit: int = 50) -> list[dict[str, Any]]:
        """Offline, accent-insensitive full text over event sentences and articles."""
        return fulltext.search(self.con, q, limit=limit)


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK and StoreError when the body fails."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> bool:
        if exc_type is None:
            self.con.execute("COMMIT")
            return False
        self.con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"the batch was rolled back: {exc}") from exc
        return False


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _actor_rows(sightings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per actor id seen in the batch: a display name and a kind."""
    names: dict[str, Counter] = {}
    roles: dict[str, set] = {}
    for s in sightings:
        names.setdefault(s["actor"], Counter())
        roles.setdefault(s["actor"], set()).add(s["role"])
        if s["name"] and s["label"] != "PER":
            names[s["actor"]][s["name"]] += 1
    return [_actor_row(actor, names[actor], roles[actor]) for actor in names]


def _actor_row(actor: str, names: Counter, roles: set) -> dict[str, Any]:
    country = _country_name(actor)
    if country:
        return {"id": actor, "name": country, "kind": "state"}
    name = names.most_common(1)[0][0] if names else actor
    return {"id": actor, "name": name, "kind": "igo" if "IGO" in roles else "group"}


def _country_name(actor: str) -> str | None:
    if len(actor) != 3 or not actor.isalpha():
        return None
    import pycountry  # imported here: only needed when a new actor id shows up

    country = pycountry.countries.get(alpha_3=actor.upper())
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None
