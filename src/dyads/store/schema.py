"""The store's tables, column by column, and the SQL that folds mentions into events.

Input: nothing (definitions only).
Output: ``COLUMNS`` (table -> [(column, SQL type)]), ``create_statements()`` (DuckDB DDL),
``arrow_schema(table)``, ``events_from_mentions_sql(relation)`` (plain SQL that DuckDB and
Spark SQL both run) and ``TOKENS_MACRO`` (the search tokenizer).
Guarantees: one definition of every column: the DuckDB store, the Parquet export and the Spark
job all build their tables from ``COLUMNS``, so their files have the same layout.

Tables (see docs/SCHEMA.md for the full description):

    articles        one row per stored article (key: id); text, metadata, counts
    entities        named entities per article (key: article_id, idx), with actor/role/title
    quotes          quotations (key: id = "<article_id>#q<idx>"), speaker and speaker's actor
    timexes         time expressions per article (key: article_id, idx)
    event_mentions  one row per event as extracted from one sentence (key: article_id, idx);
                    carries its event_id, the participants as written (m_source_*, m_target_*,
                    with offsets) and as ordered for the event (source_*, target_*)
    events          deduplicated events (key: id = hash of the event key), the fields of their
                    earliest mention plus GDELT-style num_mentions / num_sources / num_articles
    actor_mentions  every sighting of an actor (entity, source, target, speaker), dated by the
                    article: the roles, titles and people learned from text
    actors          one row per actor id: display name and kind (state | igo | group)
    search_tokens   the offline inverted index: normalised token -> article or mention
    meta            key/value: schema version
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"

_PARTICIPANT = ["actor", "code", "text", "role", "name"]

_EVENT_FIELDS: list[tuple[str, str]] = [
    *[(f"source_{c}", "VARCHAR") for c in _PARTICIPANT],
    *[(f"target_{c}", "VARCHAR") for c in _PARTICIPANT],
    ("cameo", "VARCHAR"), ("root", "VARCHAR"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
    ("plover_type", "VARCHAR"), ("plover_mode", "VARCHAR"),
    ("date", "VARCHAR"), ("date_key", "VARCHAR"), ("day", "DATE"), ("month", "VARCHAR"),
    ("date_precision", "VARCHAR"), ("date_source", "VARCHAR"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("negated", "BOOLEAN"),
]

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR"), ("url", "VARCHAR"), ("outlet", "VARCHAR"), ("title", "VARCHAR"),
        ("lede", "VARCHAR"), ("published", "VARCHAR"), ("pub_date", "DATE"), ("language", "VARCHAR"),
        ("source_file", "VARCHAR"), ("text", "VARCHAR"), ("n_events", "INTEGER"),
        ("n_quotes", "INTEGER"), ("n_entities", "INTEGER"),
    ],
    "entities": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"), ("label", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("name", "VARCHAR"), ("actor", "VARCHAR"),
        ("role", "VARCHAR"), ("title", "VARCHAR"), ("code", "VARCHAR"),
    ],
    "quotes": [
        ("id", "VARCHAR"), ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("speaker", "VARCHAR"), ("speaker_actor", "VARCHAR"),
        ("speaker_role", "VARCHAR"), ("direct", "BOOLEAN"), ("cue", "VARCHAR"),
    ],
    "timexes": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"), ("value", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("kind", "VARCHAR"),
    ],
    "event_mentions": [
        ("event_id", "VARCHAR"), ("event_gid", "BIGINT"), ("article_id", "VARCHAR"), ("idx", "INTEGER"),
        ("event_key", "VARCHAR"), ("rep_order", "VARCHAR"), ("outlet", "VARCHAR"),
        ("sentence", "VARCHAR"), ("sentence_start", "INTEGER"), ("trigger_text", "VARCHAR"),
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("rule", "VARCHAR"),
        ("modality", "VARCHAR"), ("label", "VARCHAR"), ("is_lead", "BOOLEAN"),
        ("m_source_text", "VARCHAR"), ("m_source_start", "INTEGER"), ("m_source_end", "INTEGER"),
        ("m_target_text", "VARCHAR"), ("m_target_start", "INTEGER"), ("m_target_end", "INTEGER"),
        *_EVENT_FIELDS,
    ],
    "events": [
        ("id", "VARCHAR"), ("gid", "BIGINT"), ("event_key", "VARCHAR"), *_EVENT_FIELDS,
        ("is_root", "BOOLEAN"), ("num_mentions", "INTEGER"), ("num_sources", "INTEGER"),
        ("num_articles", "INTEGER"), ("first_article_id", "VARCHAR"), ("first_mention_idx", "INTEGER"),
    ],
    "actor_mentions": [
        ("article_id", "VARCHAR"), ("pub_date", "DATE"), ("actor", "VARCHAR"), ("role", "VARCHAR"),
        ("code", "VARCHAR"), ("via", "VARCHAR"), ("name", "VARCHAR"), ("label", "VARCHAR"),
        ("title", "VARCHAR"),
    ],
    "actors": [("id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR")],
    "search_tokens": [
        ("token", "VARCHAR"), ("unit", "VARCHAR"), ("article_id", "VARCHAR"), ("idx", "INTEGER"),
        ("event_id", "VARCHAR"),
    ],
    "meta": [("key", "VARCHAR"), ("value", "VARCHAR")],
}

# The tables the Parquet export and the Spark job write (one directory each).
PARQUET_TABLES = ("articles", "entities", "quotes", "events", "event_mentions")

_KEYS = {
    "articles": "id", "entities": "article_id, idx", "quotes": "id", "timexes": "article_id, idx",
    "event_mentions": "article_id, idx", "events": "id", "actors": "id", "meta": "key",
}
# Columns only the DuckDB store keeps (not part of the shared layout): when a row was stored.
_STORE_ONLY = {"articles": ", added_at TIMESTAMP DEFAULT current_timestamp",
               "events": ", added_at TIMESTAMP DEFAULT current_timestamp"}

_ARROW = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
          "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32()}

# Search tokens: lower case, accents stripped, split on anything but letters and digits, tokens
# of 3+ characters, a final plural "s" dropped: "l’expulsion des diplomates" ->
# [expulsion, des, diplomate]. Queries are tokenised by the same macro, so both sides agree.
TOKENS_MACRO = r"""
CREATE OR REPLACE TEMP MACRO dyads_tokens(s) AS list_distinct(list_transform(
    list_filter(regexp_split_to_array(strip_accents(lower(coalesce(s, ''))), '[^\p{L}\p{N}]+'),
                lambda x: length(x) >= 3),
    lambda x: CASE WHEN length(x) > 3 AND suffix(x, 's') THEN left(x, length(x) - 1) ELSE x END))
"""


def quoted(name: str) -> str:
    """A column name as a DuckDB identifier ("end" is a keyword)."""
    return f'"{name}"'


def column_names(table: str) -> list[str]:
    return [name for name, _ in COLUMNS[table]]


def create_statements() -> list[str]:
    """DDL for every table and index, idempotent (CREATE ... IF NOT EXISTS)."""
    statements = []
    for table, columns in COLUMNS.items():
        body = ", ".join(f"{quoted(n)} {t}" for n, t in columns)
        key = f", PRIMARY KEY ({_KEYS[table]})" if table in _KEYS else ""
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}{_STORE_ONLY.get(table, '')}{key})")
    statements.append("CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions (event_id)")
    return statements


def arrow_schema(table: str) -> pa.Schema:
    """The pyarrow schema of a table's shared columns."""
    return pa.schema([(name, _ARROW[sql_type]) for name, sql_type in COLUMNS[table]])


def events_from_mentions_sql(relation: str) -> str:
    """SQL folding the mentions in ``relation`` into one row per event id.

    Each event takes its fields from its earliest mention (smallest ``rep_order``: publication
    date, article id, position), and counts its mentions, distinct outlets (an article without
    an outlet counts as its own source) and distinct articles. Plain SQL: DuckDB and Spark SQL
    both run it, so the store and the Spark job fold mentions the same way.

    Args:
        relation: a table or view name with the ``event_mentions`` columns.
    """
    fields = ", ".join(f"r.{name}" for name, _ in _EVENT_FIELDS)
    return f"""
WITH agg AS (
    SELECT event_id, min(rep_order) AS rep_order,
           CAST(count(*) AS INTEGER) AS num_mentions,
           CAST(count(DISTINCT coalesce(outlet, article_id)) AS INTEGER) AS num_sources,
           CAST(count(DISTINCT article_id) AS INTEGER) AS num_articles,
           max(CASE WHEN is_lead THEN 1 ELSE 0 END) = 1 AS is_root
    FROM {relation} GROUP BY event_id
)
SELECT r.event_id AS id, r.event_gid AS gid, r.event_key, {fields},
       agg.is_root, agg.num_mentions, agg.num_sources, agg.num_articles,
       r.article_id AS first_article_id, r.idx AS first_mention_idx
FROM agg JOIN {relation} r ON r.event_id = agg.event_id AND r.rep_order = agg.rep_order
"""
