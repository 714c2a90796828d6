from __future__ import annotations

import pyarrow.dataset as ds
import pyarrow.parquet as pq

from dyads.export import export_parquet


def test_parquet_tables_and_month_partitions(store, tmp_path):
    counts = export_parquet(store, tmp_path / "out")
    assert counts == {"articles": 4, "entities": 9, "quotes": 3, "events": 6, "event_mentions": 9}
    months = sorted(p.name for p in (tmp_path / "out" / "events").iterdir())
    assert months == ["month=2021-10", "month=2021-11", "month=2022-01"]
    events = ds.dataset(tmp_path / "out" / "events", partitioning="hive").to_table()
    assert events.num_rows == 6 and "month" in events.column_names
    articles = pq.read_table(tmp_path / "out" / "articles")
    assert sorted(articles.column("id").to_pylist()) == ["en/b1", "en/b2", "fr/a1", "fr/a2"]
    mentions = pq.read_table(tmp_path / "out" / "event_mentions")
    assert set(mentions.column("event_id").to_pylist()) == set(events.column("id").to_pylist())


def test_parquet_rewrite_replaces(store, tmp_path):
    export_parquet(store, tmp_path / "out")
    export_parquet(store, tmp_path / "out")
    assert ds.dataset(tmp_path / "out" / "events", partitioning="hive").count_rows() == 6
