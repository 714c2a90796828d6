"""Tests of jsonl.py: one article per line, errors with line numbers, the eval JSONL format."""

from __future__ import annotations

import json

from dyads.ingest.jsonl import read_json, read_jsonl
from dyads.types import Article, ErrorRecord

GOOD = {
    "id": "fr/001.txt", "title": "Le port de Valbourg rouvre", "outlet": "La Gazette du Val",
    "published": "2023-03-13", "url": "https://gazette.example/port",
    "text": "Le port de Valbourg a rouvert lundi après trois semaines de travaux.\n"
            "Les pêcheurs ont salué la fin du chantier.",
}
OTHER = {"text": "The harbour of Valbourg reopened on Monday after three weeks of work.", "language": "en-GB"}


def lines(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


def test_jsonl_reads_fields_and_keeps_input_id():
    (article,) = list(read_jsonl(lines(GOOD), source="in.jsonl"))
    assert isinstance(article, Article)
    assert article.id == "fr/001.txt"
    assert (article.title, article.outlet, article.published, article.url) == (
        GOOD["title"], GOOD["outlet"], "2023-03-13", GOOD["url"])
    assert article.text == (
        "Le port de Valbourg rouvre\n\n"
        "Le port de Valbourg a rouvert lundi après trois semaines de travaux.\n\n"
        "Les pêcheurs ont salué la fin du chantier.")
    assert (article.source, article.line, article.language) == ("in.jsonl", 1, "fr")


def test_jsonl_broken_line_in_the_middle_gives_error_and_goes_on():
    records = list(read_jsonl(lines(GOOD, '{"text": "coupé', "", OTHER), source="in.jsonl"))
    assert [type(r).__name__ for r in records] == ["Article", "ErrorRecord", "Article"]
    error = records[1]
    assert (error.source, error.line, error.stage) == ("in.jsonl", 2, "ingest")
    assert "invalid JSON" in error.reason
    assert records[2].line == 4 and records[2].language == "en"


def test_jsonl_bad_records_get_specific_reasons():
    data = lines([1, 2], {"title": "sans texte"}, {"text": 5}, {"text": "  "}, {"text": "Du texte.", "title": ["x"]})
    reasons = [r.reason for r in read_jsonl(data, source="in.jsonl")]
    assert reasons == ["expected a JSON object, got list", "no 'text' field", "'text' must be a string, got int",
                       "'text' is empty", "'title' must be a string, got list"]


def test_jsonl_invalid_utf8_line_is_decoded_as_cp1252():
    data = '{"text": "Le député a réagi."}'.encode("cp1252")
    (article,) = list(read_jsonl(data, source="in.jsonl"))
    assert article.text == "Le député a réagi."


def test_jsonl_raw_scraped_text_gets_its_layout(seed_path):
    record = {"id": "seed/000.txt", "text": seed_path.read_text(encoding="utf-8")}
    (article,) = list(read_jsonl(lines(record), source="in.jsonl"))
    assert article.id == "seed/000.txt"
    assert article.outlet == "Sputnik France"
    assert article.published == "2021-10-19T22:22:00+02:00"


def test_jsonl_read_json_accepts_a_list_and_falls_back_to_lines():
    assert [r.id for r in read_json(json.dumps([GOOD, OTHER]).encode(), source="in.json")][0] == "fr/001.txt"
    records = list(read_json(lines(GOOD, OTHER), source="in.json"))
    assert [type(r) for r in records] == [Article, Article]


def test_jsonl_read_json_binary_gives_one_error():
    records = list(read_json(b"\x00\x01\x02" * 100, source="in.json"))
    assert len(records) == 1 and isinstance(records[0], ErrorRecord)
