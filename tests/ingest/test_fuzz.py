"""Property tests: no reader raises on arbitrary bytes; each yields Articles or ErrorRecords."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.ingest import read_inputs
from dyads.ingest.feed import read_feed
from dyads.ingest.html import read_html
from dyads.ingest.jsonl import read_json, read_jsonl
from dyads.ingest.text import read_text
from dyads.ingest.warc import read_warc
from dyads.types import Article, ErrorRecord

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# arbitrary bytes, plus bytes that start like each format so the parsers get past their first check
PREFIXES = [b"", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b'{"text": "', b"<html><body><p>",
            b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>', b"Titre\n\n"]
data_strategy = st.builds(lambda prefix, tail: prefix + tail, st.sampled_from(PREFIXES), st.binary(max_size=600))
text_strategy = st.text(max_size=400).map(lambda s: s.encode("utf-8"))

READERS = {
    "text": lambda data: read_text(data, source="f"),
    "jsonl": lambda data: read_jsonl(data, source="f"),
    "json": lambda data: read_json(data, source="f"),
    "html": lambda data: read_html(data, source="f"),
    "feed": lambda data: read_feed(data, source="f"),
    "warc": lambda data: read_warc(io.BytesIO(data), source="f"),
}


def assert_records(records: list) -> None:
    assert all(isinstance(r, (Article, ErrorRecord)) for r in records)
    for record in records:
        if isinstance(record, Article):
            assert record.text and record.text == record.text.strip()
        else:
            assert record.reason and record.stage == "ingest"


@pytest.mark.parametrize("kind", sorted(READERS))
@FUZZ
@given(data=st.one_of(data_strategy, text_strategy))
def test_fuzz_reader_never_raises(kind, data):
    assert_records(list(READERS[kind](data)))


@FUZZ
@given(data=data_strategy, suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html", ".rss", ".warc.gz", ".gz", ".bin"]))
def test_fuzz_read_inputs_never_raises(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    assert_records(list(read_inputs([path], max_bytes=10_000)))
