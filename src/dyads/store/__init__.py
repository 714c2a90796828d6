"""The event store: ``Store`` (DuckDB) and the row layout shared with Parquet and Spark.

Input: ``Document`` records. Output: a DuckDB file queried through ``Store``.
See ``dyads.store.duckdb`` for the guarantees and docs/SCHEMA.md for the tables.
"""

from dyads.store.duckdb import AddStats, Store

__all__ = ["AddStats", "Store"]
