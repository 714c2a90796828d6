"""Offline full-text search over a dyads store: words -> event sentences and articles.

Input: an open DuckDB connection on a store (``search_tokens`` filled by ``Store.add`` and the
``dyads_tokens`` macro) and the words a user typed.
Output: hit dicts, events first, then articles with a snippet around the first word found.
Guarantees: accent- and case-insensitive ("expulsion diplomates" finds "l’expulsion ... des
diplomates"), every word must occur in the same sentence or article, no extension needed
(DuckDB's fts cannot be installed offline); the words are bound parameters.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import duckdb

from dyads.store.queries import MATCH_SQL, fetch, clamp_limit

def search(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Full text over event sentences and article texts, offline and accent-insensitive.

    Every word of ``q`` (3+ letters; case, accents and a final plural "s" ignored) must occur
    in the same sentence (hits of kind "event") or the same article (kind "article").
    Events come first (most reported first), then articles (newest first).
    Returns: ``{kind, id, article_id, title, outlet, published, text, ...}`` dicts.
    """
    if not q or not q.strip():
        return []
    limit = clamp_limit(limit)
    hits = _search_events(con, q, limit)
    if len(hits) < limit:
        hits += _search_articles(con, q, limit - len(hits))
    return hits


def _search_events(con: duckdb.DuckDBPyConnection, q: str, limit: int) -> list[dict[str, Any]]:
    rows = fetch(con, """
WITH hit AS (""" + MATCH_SQL + """),
     best AS (SELECT m.*, row_number() OVER (PARTITION BY m.event_id ORDER BY m.rep_order) AS rn
              FROM event_mentions m JOIN hit ON hit.article_id = m.article_id AND hit.idx = m.idx)
SELECT 'event' AS kind, e.id, b.article_id, b.idx, a.title, a.outlet, a.published, b.sentence AS text,
       e.cameo, e.source_actor, e.target_actor, e.date_key AS date, e.num_articles
FROM best b JOIN events e ON e.id = b.event_id JOIN articles a ON a.id = b.article_id
WHERE b.rn = 1 ORDER BY e.num_articles DESC, e.day DESC NULLS LAST, e.id LIMIT ?""",
                  ["mention", q, q, limit])
    return rows


def _search_articles(con: duckdb.DuckDBPyConnection, q: str, limit: int) -> list[dict[str, Any]]:
    rows = fetch(con, """
SELECT 'article' AS kind, a.id, a.id AS article_id, a.title, a.outlet, a.published, a.text
FROM articles a WHERE a.id IN (SELECT article_id FROM (""" + MATCH_SQL + """))
ORDER BY a.pub_date DESC NULLS LAST, a.id LIMIT ?""", ["article", q, q, limit])
    tokens = con.execute("SELECT dyads_tokens(?)", [q]).fetchone()[0] or []
    for row in rows:
        row["text"] = snippet(row["text"] or "", tokens)
    return rows


def fold_same_length(text: str) -> str:
    """Lower case without accents, one output character per input character."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower()[:1] or c for c in text)


def snippet(text: str, tokens: list[str], *, width: int = 160) -> str:
    """About ``width`` characters of ``text`` around the first of ``tokens`` found."""
    folded = fold_same_length(text)
    found = [i for i in (folded.find(t) for t in tokens) if i >= 0]
    at = min(found) if found else 0
    start = max(0, at - width // 3)
    piece = text[start:start + width].replace("\n", " ").strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
