"""The extraction pipeline on PySpark: input files -> Parquet in the ``export_parquet`` layout.

Input: paths (local files, folders, globs) or object-store URLs (``s3a://bucket/news/``,
``hdfs://...``: passed to Spark as they are) holding text, JSON/JSONL, HTML, feeds or WARC.
Output: under ``out_dir``: ``articles/ entities/ quotes/ event_mentions/`` and
``events/month=YYYY-MM/`` (Parquet, the columns of ``store.schema.COLUMNS``); ``errors/``
(JSON lines) when some records failed; ``documents/`` (one Document JSON a line) on request.
Guarantees:
- each input file is read by ``dyads.ingest.read_inputs`` and extracted by
  ``dyads.pipeline.extract`` inside ``mapPartitions``, so the spaCy models load once per
  partition (one ``Extractor`` per partition), never per article;
- rows come from ``store.rows.document_rows`` and events from ``store.schema``'s SQL, the code
  the DuckDB store runs: the files equal ``export_parquet`` of a store fed the same inputs;
- an article id seen twice (same text in two files) is kept once; a failing record becomes
  an error line, never a failed job.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyads.store.rows import document_rows
from dyads.store.schema import COLUMNS, PARQUET_TABLES, column_names, events_from_mentions_sql
from dyads.types import Document, ErrorRecord

log = logging.getLogger(__name__)

DEFAULT_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.sql.session.timeZone": "UTC",
    "spark.driver.memory": "1g",
}
_KEYS = {"articles": ["id"], "entities": ["article_id", "idx"], "quotes": ["id"], "events": ["id"],
         "event_mentions": ["article_id", "idx"]}
_ROW_TABLES = ("articles", "entities", "quotes", "event_mentions")


def spark_session(master: str | None = None, conf: dict[str, str] | None = None):
    """A SparkSession with small defaults; ``master`` when given, else the submitted one or local[*]."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run our interpreter (local mode)
    builder = SparkSession.builder.appName("dyads")
    for key, value in {**DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: run here
        builder = builder.master("local[*]")
    return builder.getOrCreate()


def input_uris(paths: Iterable[str]) -> list[str]:
    """Local paths expanded to files (folders recursively, hidden files skipped); URLs kept."""
    uris: list[str] = []
    for raw in paths:
        if "://" in raw:
            uris.append(raw)
            continue
        wild = any(c in raw for c in "*?[")
        for path in [Path(p) for p in sorted(glob.glob(raw, recursive=True))] if wild else [Path(raw)]:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            uris.extend(str(p.resolve()) for p in files if not p.name.startswith("."))
    return uris


def run_spark(paths: Iterable[str], out_dir: str, *, settings: Any = None, master: str | None = None,
              partitions: int | None = None, keep_documents: bool = False,
              skip_ids: Iterable[str] = (), spark: Any = None) -> dict[str, int]:
    """Extract the inputs on Spark and write the Parquet layout under ``out_dir``.

    Args:
        paths: local paths or URLs Spark can read.
        out_dir: a local directory or a URL (``s3a://...``); each table directory is replaced.
        settings: ``dyads.pipeline.Settings`` (sent to the workers).
        master: Spark master URL (e.g. "local[2]"); default: the submitted one, else local[*].
        partitions: minimum input partitions (default: Spark's choice).
        keep_documents: also write ``documents/`` (Document JSON lines), for loading a store.
        skip_ids: article ids not to extract again (already stored).
        spark: an existing SparkSession (the caller stops it).

    Returns:
        Rows written per table, plus "errors".
    """
    uris = input_uris(paths)
    if not uris:
        raise ValueError("no input files found")
    session = spark or spark_session(master)
    try:
        return _run(session, uris, out_dir, settings, partitions, keep_documents, frozenset(skip_ids))
    finally:
        if spark is None:
            session.stop()


def _run(spark: Any, uris: list[str], out_dir: str, settings: Any, partitions: int | None,
         keep_documents: bool, skip_ids: frozenset[str]) -> dict[str, int]:
    sc = spark.sparkContext
    skip = sc.broadcast(skip_ids)
    files = sc.binaryFiles(",".join(uris), minPartitions=partitions or sc.defaultParallelism)
    records = files.mapPartitions(lambda part: extract_partition(part, settings, skip.value)).cache()
    documents = (records.filter(lambda r: "error" not in r)
                 .keyBy(lambda r: r["id"]).reduceByKey(_first_by_source).values().cache())
    counts = {table: _write_table(spark, documents, table, out_dir) for table in _ROW_TABLES}
    counts["events"] = _write_events(spark, out_dir)
    errors = records.filter(lambda r: "error" in r).map(lambda r: json.dumps(r["error"], ensure_ascii=False))
    counts["errors"] = errors.count()
    if counts["errors"]:
        _write_text(spark, errors, _join(out_dir, "errors"))
    if keep_documents:
        _write_text(spark, documents.map(lambda r: json.dumps(r, ensure_ascii=False, default=str)),
                    _join(out_dir, "documents"))
    return counts


def extract_partition(files: Iterable[tuple[str, bytes]], settings: Any, skip_ids: frozenset[str]) -> Iterator[dict]:
    """Runs on a worker: (uri, bytes) pairs -> Document dicts and {"error": ...} dicts.

    One call per partition: ``dyads.pipeline.extract`` creates one Extractor for the whole
    partition, so spaCy loads once here.
    """
    from dyads.pipeline import extract

    with tempfile.TemporaryDirectory(prefix="dyads-spark-") as tmp:
        articles = _read_files(files, Path(tmp), skip_ids)
        for item in extract(articles, settings=settings):
            if isinstance(item, ErrorRecord):
                yield {"error": item.to_dict()}
            else:
                yield item.to_dict()


def _read_files(files: Iterable[tuple[str, bytes]], tmp: Path, skip_ids: frozenset[str]) -> Iterator[Any]:
    """Each file through ``read_inputs`` (from a temporary copy keeping its name), its source restored."""
    from dyads.ingest import read_inputs

    for n, (uri, data) in enumerate(files):
        source = uri.removeprefix("file:") if uri.startswith("file:/") else uri
        folder = tmp / str(n)
        folder.mkdir()
        local = folder / (Path(source).name or "input")
        local.write_bytes(data)
        for record in read_inputs([str(local)]):
            record.source = source
            if getattr(record, "id", None) not in skip_ids or isinstance(record, ErrorRecord):
                yield record
        shutil.rmtree(folder)


def _first_by_source(a: dict, b: dict) -> dict:
    return a if (a.get("source_file") or "", a["id"]) <= (b.get("source_file") or "", b["id"]) else b


def _rows(record: dict, table: str) -> list[tuple]:
    rows = getattr(document_rows(Document.from_dict(record)), table)
    names = column_names(table)
    return [tuple(row[name] for name in names) for row in rows]


def spark_schema(table: str):
    """The Spark StructType of a table's shared columns."""
    from pyspark.sql import types as T

    kinds = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
             "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType()}
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in COLUMNS[table]])


def _write_table(spark: Any, documents: Any, table: str, out_dir: str) -> int:
    frame = spark.createDataFrame(documents.flatMap(lambda r: _rows(r, table)), spark_schema(table))
    frame.createOrReplaceTempView(table)
    frame.orderBy(*_KEYS[table]).coalesce(1).write.mode("overwrite").parquet(_join(out_dir, table))
    return frame.count()


def _write_events(spark: Any, out_dir: str) -> int:
    events = spark.sql(events_from_mentions_sql("event_mentions")).select(*column_names("events"))
    events.repartition("month").sortWithinPartitions("id").write.mode("overwrite").partitionBy("month").parquet(
        _join(out_dir, "events"))
    return events.count()


def _write_text(spark: Any, lines: Any, path: str) -> None:
    frame = spark.createDataFrame(lines.map(lambda s: (s,)), "value string")
    frame.coalesce(1).write.mode("overwrite").text(path)


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def read_documents(out_dir: str | Path) -> Iterator[Document | ErrorRecord]:
    """The Documents (and ErrorRecords) a run with ``keep_documents=True`` wrote (local dirs only)."""
    base = Path(out_dir)
    for folder, make in (("documents", Document.from_dict), ("errors", lambda d: ErrorRecord(**d))):
        for part in sorted((base / folder).glob("part-*")):
            with part.open(encoding="utf-8") as lines:
                yield from (make(json.loads(line)) for line in lines if line.strip())


__all__ = ["PARQUET_TABLES", "read_documents", "run_spark", "spark_session"]
