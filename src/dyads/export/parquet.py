"""Store -> Parquet: one directory per table, events partitioned by month.

Input: an open ``Store``; an output directory.
Output::

    OUT/articles/part-0.parquet
    OUT/entities/part-0.parquet
    OUT/quotes/part-0.parquet
    OUT/event_mentions/part-0.parquet
    OUT/events/month=2021-10/<file>.parquet   (hive partitions; "month=unknown" when undated)

Guarantees: the columns and types of ``store.schema.COLUMNS`` (the Spark job writes the same
layout); rows sorted by their key; a table directory that already exists is replaced, nothing
else under OUT is touched. Readable with ``pyarrow.dataset.dataset(path, partitioning="hive")``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyads.store import Store
from dyads.store.schema import PARQUET_TABLES, arrow_schema, column_names, quoted

ORDER = {"articles": "id", "entities": "article_id, idx", "quotes": "id", "events": "id",
         "event_mentions": "article_id, idx"}


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, int]:
    """Write every shared table of the store as Parquet under ``out_dir``.

    Returns:
        Rows written per table.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in PARQUET_TABLES:
        names = ", ".join(quoted(n) for n in column_names(table))
        data = store.con.sql(f"SELECT {names} FROM {table} ORDER BY {ORDER[table]}").to_arrow_table()
        counts[table] = write_table(data.cast(arrow_schema(table)), out, table)
    return counts


def write_table(data: pa.Table, out: Path, table: str) -> int:
    """Write one table in the shared layout (replacing its directory); return its row count."""
    target = out / table
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if table == "events":
        pq.write_to_dataset(data, target, partition_cols=["month"],
                            basename_template="part-{i}.parquet")
    else:
        pq.write_table(data, target / "part-0.parquet")
    return data.num_rows
