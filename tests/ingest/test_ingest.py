"""Tests of read_inputs (ingest/__init__.py): paths, dispatch, bad files, duplicates, counts."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from dyads.ingest import IngestStats, read_inputs, sniff_kind
from dyads.types import ErrorRecord

TEXT_FR = "Le port de Valbourg rouvre\n\nLe port de Valbourg a rouvert lundi après trois semaines de travaux.\n"
TEXT_EN = "Harbour reopens in Valbourg\n\nThe harbour of Valbourg reopened on Monday after three weeks of work.\n"


def kinds(records) -> list[str]:
    return [type(r).__name__ for r in records]


def test_ingest_reads_each_kind_by_extension(tmp_path, page, warc_factory):
    (tmp_path / "a.txt").write_text(TEXT_FR, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": TEXT_EN}) + "\n", encoding="utf-8")
    (tmp_path / "c.html").write_bytes(page)
    (tmp_path / "d.warc.gz").write_bytes(warc_factory([("https://g.example/d", page.replace(b"budget", b"vote"))]))
    records = list(read_inputs([tmp_path]))
    assert kinds(records) == ["Article"] * 4
    assert [r.source.rsplit("/", 1)[-1] for r in records] == ["a.txt", "b.jsonl", "c.html", "d.warc.gz"]
    assert records[1].id == "b1"


def test_ingest_same_text_twice_is_one_article(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_FR.replace(" ", "  ") + "\n\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": TEXT_FR}), encoding="utf-8")
    stream = read_inputs([tmp_path])
    assert kinds(stream) == ["Article"]
    assert stream.stats == IngestStats(read=1, skipped=2, failed=0)


def test_ingest_bad_files_give_one_error_each_and_run_goes_on(tmp_path):
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "3_cp1252.txt").write_bytes("Le député réagit\n\nLe député a réagi à l’annonce.".encode("cp1252"))
    (tmp_path / "4_big.txt").write_text(TEXT_FR * 50, encoding="utf-8")
    (tmp_path / "5_lines.jsonl").write_text("\n".join([json.dumps({"text": TEXT_FR}), "{broken", json.dumps({"text": TEXT_EN})]))
    stream = read_inputs([tmp_path], max_bytes=1000)
    records = list(stream)
    assert kinds(records) == ["ErrorRecord", "ErrorRecord", "Article", "ErrorRecord", "Article", "ErrorRecord", "Article"]
    empty, binary, cp1252, big, _, broken, _ = records
    assert "empty" in empty.reason and "binary" in binary.reason
    assert cp1252.title == "Le député réagit"
    assert "over the limit of 1000 bytes" in big.reason and big.source.endswith("4_big.txt")
    assert broken.line == 2 and broken.stage == "ingest"
    assert stream.stats == IngestStats(read=3, skipped=0, failed=4)


def test_ingest_truncated_warc_gz_file(tmp_path, page, warc_factory):
    pages = [(f"https://g.example/{i}", page.replace(b"Valbourg vote", f"Valbourg {i} vote".encode())) for i in range(3)]
    data = warc_factory(pages)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 150])
    records = list(read_inputs([tmp_path / "cut.warc.gz"]))
    assert kinds(records) == ["Article", "Article", "ErrorRecord"]
    assert records[-1].line == 4 and "truncated" in records[-1].reason


def test_ingest_globs_missing_paths_and_stats_argument(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT_FR, encoding="utf-8")
    (tmp_path / "sub" / ".hidden.txt").write_text(TEXT_EN, encoding="utf-8")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\x00")
    stats = IngestStats()
    records = list(read_inputs([f"{tmp_path}/**/*.txt", f"{tmp_path}/*.nothing", tmp_path / "absent.txt"], stats=stats))
    assert kinds(records) == ["Article", "ErrorRecord", "ErrorRecord"]
    assert records[1].reason == "no file matches this pattern"
    assert records[2].reason == "no such file or folder"
    assert stats.failed == 2 and stats.read == 1


def test_ingest_stdin_is_sniffed(monkeypatch):
    data = (json.dumps({"id": "x1", "text": TEXT_FR}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = list(read_inputs(["-"]))
    assert (article.id, article.source, article.line) == ("x1", "<stdin>", 1)


def test_ingest_gzipped_jsonl_and_unknown_extension(tmp_path, page):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": TEXT_FR}).encode()))
    (tmp_path / "page.dat").write_bytes(page)
    records = list(read_inputs([tmp_path / "a.jsonl.gz", tmp_path / "page.dat"]))
    assert kinds(records) == ["Article", "Article"]
    assert records[1].outlet == "La Gazette du Val"


@pytest.mark.parametrize("head, kind", [
    (b"WARC/1.1\r\n", "warc"), (b"\x1f\x8b\x08", "gz"), (b'\xef\xbb\xbf{"text": "x"}', "jsonl"),
    (b"[{}]", "json"), (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"), (b"<!DOCTYPE html><html>", "html"),
    (b"Titre\n\nTexte.", "text"),
])
def test_ingest_sniff_kind(head, kind):
    assert sniff_kind(head) == kind


def test_ingest_accepts_a_single_path(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_FR, encoding="utf-8")
    assert kinds(read_inputs(tmp_path / "a.txt")) == ["Article"]


def _jsonl_lines(n: int) -> list[str]:
    return [json.dumps({"id": f"a{i}", "text": f"{TEXT_FR}\n\nParagraphe numéro {i}."}) for i in range(n)]


def test_ingest_jsonl_is_streamed_past_the_file_limit_and_long_lines_are_refused(tmp_path):
    lines = _jsonl_lines(6)
    lines[2] = json.dumps({"id": "huge", "text": TEXT_FR * 40})  # one line over the limit
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (tmp_path / "corpus.jsonl").stat().st_size > 3000
    records = list(read_inputs([tmp_path / "corpus.jsonl"], max_bytes=3000))
    assert kinds(records) == ["Article", "Article", "ErrorRecord", "Article", "Article", "Article"]
    assert records[2].line == 3 and "over the limit of 3000 bytes" in records[2].reason
    assert [r.id for r in records if not isinstance(r, ErrorRecord)] == ["a0", "a1", "a3", "a4", "a5"]


def test_ingest_gzipped_jsonl_is_streamed_and_a_cut_keeps_what_came_before(tmp_path):
    import gzip

    data = gzip.compress(("\n".join(_jsonl_lines(400)) + "\n").encode("utf-8"))
    (tmp_path / "whole.jsonl.gz").write_bytes(data)
    assert kinds(list(read_inputs([tmp_path / "whole.jsonl.gz"], max_bytes=2000))) == ["Article"] * 400
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    records = list(read_inputs([tmp_path / "cut.jsonl.gz"]))
    assert isinstance(records[-1], ErrorRecord) and "truncated" in records[-1].reason
    assert len(records) > 2 and all(not isinstance(r, ErrorRecord) for r in records[:-1])
