"""The Spark job (local[2]) gives the same Parquet tables as the in-process pipeline + store."""

from __future__ import annotations

import json
import math

import pytest

pytest.importorskip("pyspark")
pipeline = pytest.importorskip("dyads.pipeline")
ds = pytest.importorskip("pyarrow.dataset")

from dyads.export import export_parquet  # noqa: E402
from dyads.spark import read_documents, run_spark  # noqa: E402
from dyads.spark.job import input_uris  # noqa: E402
from dyads.store import Store  # noqa: E402
from dyads.store.schema import PARQUET_TABLES  # noqa: E402

# Short articles written for this test (two French, two English; one in JSONL with metadata).
ARTICLES = {
    "fr1.txt": "La France rappelle son ambassadeur au Mali\n\n"
               "Le gouvernement français a rappelé mardi son ambassadeur à Bamako après l'expulsion "
               "de diplomates français par la junte malienne.\n",
    "en1.txt": "Russia suspends its mission to NATO\n\n"
               "Russia suspended its mission to NATO on Monday after the alliance expelled eight Russian "
               "diplomats in Brussels.\n",
    "en2.txt": "China condemns new sanctions\n\n"
               "China condemned the sanctions imposed by the European Union on Chinese officials, "
               "the foreign ministry said on Tuesday.\n",
}
JSONL = {"id": "fr/jsonl-1", "title": "L'Otan expulse des diplomates russes", "outlet": "Agence Test",
         "published": "2021-10-06T18:00:00+02:00", "language": "fr",
         "text": "L'Otan a expulsé mercredi huit diplomates russes de sa mission à Bruxelles, a annoncé "
                 "le secrétaire général Jens Stoltenberg."}


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "more.jsonl").write_text(json.dumps(JSONL, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def _table(path, table):
    rows = ds.dataset(path / table, partitioning="hive" if table == "events" else None).to_table().to_pylist()
    keys = ("id",) if table in ("articles", "quotes", "events") else ("article_id", "idx")
    return sorted(rows, key=lambda r: tuple(r[k] for k in keys))


def _same(a, b):
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isclose(a, b))


def test_job_input_uris(tmp_path):
    folder = _corpus(tmp_path)
    (folder / ".hidden").write_text("x")
    assert [p.rsplit("/", 1)[1] for p in input_uris([str(folder)])] == ["en1.txt", "en2.txt", "fr1.txt", "more.jsonl"]
    assert input_uris(["s3a://bucket/news/"]) == ["s3a://bucket/news/"]


@pytest.mark.spark
def test_job_local_equals_in_process(tmp_path):
    folder = _corpus(tmp_path)
    counts = run_spark([str(folder)], str(tmp_path / "spark"), master="local[2]", keep_documents=True)
    assert counts["articles"] == 4 and counts["errors"] == 0 and counts["events"] >= 1
    with Store(tmp_path / "local.duckdb") as store:
        store.add(pipeline.extract(input_uris([str(folder)])))
        export_parquet(store, tmp_path / "local")
        assert store.article_ids() == {d.id for d in read_documents(tmp_path / "spark")}
    for table in PARQUET_TABLES:
        spark_rows, local_rows = _table(tmp_path / "spark", table), _table(tmp_path / "local", table)
        assert len(spark_rows) == len(local_rows), table
        for s, l in zip(spark_rows, local_rows):
            assert s.keys() == l.keys(), table
            assert all(_same(s[k], l[k]) for k in s), (table, {k: (s[k], l[k]) for k in s if not _same(s[k], l[k])})
    months = {p.name for p in (tmp_path / "spark" / "events").iterdir() if p.is_dir()}
    assert months == {p.name for p in (tmp_path / "local" / "events").iterdir()}
