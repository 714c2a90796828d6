from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dyads.cli import app, load_commands

load_commands()
runner = CliRunner()


@pytest.fixture
def db(store):
    path = store.path
    store.close()
    return path


def _run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def _jsonl(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_store_cmds_dyad_json_and_table(db):
    rows = _jsonl(_run("dyad", "NATO", "RUS", "--db", db, "--json"))
    assert [r["period"] for r in rows] == ["2021-10", "2021-11"] and rows[0]["net"]["count"] == 3
    table = _run("dyad", "nato", "rus", "--db", db, "--by", "year")
    assert table.exit_code == 0 and "2021" in table.stdout and "NATO to RUS" in table.stdout


def test_store_cmds_dyad_csv(db):
    result = _run("dyad", "NATO", "RUS", "--db", db, "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["a_to_b.count"] == "2" and rows[1]["b_to_a.q4"] == "1"


def test_store_cmds_usage_errors_exit_2(db, tmp_path):
    assert _run("dyad", "NATO", "RUS", "--db", db, "--by", "fortnight").exit_code == 2
    missing = _run("events", "--db", tmp_path / "nope.duckdb")
    assert missing.exit_code == 2 and "no store" in missing.output
    assert _run("events", "--db", db, "--since", "last week").exit_code == 2
    assert _run("events", "--db", db, "--sort", "id;").exit_code == 2
    assert _run("export", "--format", "xml", "--db", db).exit_code == 2


def test_store_cmds_events_quotes_actors_search(db):
    assert {e["cameo"] for e in _jsonl(_run("events", "--db", db, "--code", "16*", "--json"))} == {"161"}
    assert len(_jsonl(_run("events", "--db", db, "--source", "NATO", "--limit", "1", "--json"))) == 1
    quotes = _jsonl(_run("quotes", "--db", db, "--speaker", "lavrov", "--json"))
    assert [q["speaker"] for q in quotes] == ["Sergueï Lavrov"]
    assert [a["id"] for a in _jsonl(_run("actors", "--db", db, "--role", "IGO", "--json"))] == ["NATO"]
    hits = _jsonl(_run("search", "expulsion diplomates", "--db", db, "--json"))
    assert hits[0]["kind"] == "event"
    table = _run("actors", "--db", db)
    assert table.exit_code == 0 and "Dmitri Peskov" in table.stdout


def test_store_cmds_export(db, tmp_path):
    result = _run("export", "--format", "gdelt", "-o", tmp_path / "g.tsv", "--db", db)
    assert result.exit_code == 0
    assert all(len(line.split("\t")) == 61 for line in (tmp_path / "g.tsv").read_text().splitlines())
    plover = _run("export", "--format", "plover", "--db", db)
    assert json.loads(plover.stdout.splitlines()[0])["event_id"]
    assert _run("export", "--format", "parquet", "-o", tmp_path / "pq", "--db", db).exit_code == 0
    assert (tmp_path / "pq" / "events").is_dir()


def test_store_cmds_ingest_and_resume(tmp_path):
    pytest.importorskip("dyads.pipeline")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("L'Otan expulse des diplomates russes\n\nL'Otan a expulsé mercredi huit "
                                  "diplomates russes de sa mission à Bruxelles.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Russia suspends its mission to NATO\n\nRussia suspended its mission to NATO "
                                  "on Monday after the alliance expelled Russian diplomats.\n", encoding="utf-8")
    db = tmp_path / "ingest.duckdb"
    first = _run("ingest", corpus, "--db", db, "--workers", "1", "--quiet", "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["articles_added"] == 2
    again = _run("ingest", corpus, "--db", db, "--workers", "1", "--quiet", "--json")
    stats = json.loads(again.stdout)
    assert again.exit_code == 0 and stats["articles_added"] == 0 and stats["articles_skipped"] == 2
