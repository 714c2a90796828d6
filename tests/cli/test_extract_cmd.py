"""`dyads extract` as a user runs it: real files, exit codes, one error line per bad record."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dyads.cli import load_commands

runner = CliRunner()


def run(*args):
    return runner.invoke(load_commands(), ["extract", *args])


def test_extract_cmd_bad_records_reported_rest_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "mixed.jsonl").write_text(
        '{"id": "a", "text": "La France a expulsé deux diplomates russes mardi.", "language": "fr"}\n'
        "{broken\n"
        '{"id": "b"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(str(src), "-o", str(out), "--workers", "1")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["a"]
    assert lines[0]["events"][0]["source"]["actor"] == "FRA"
    assert "empty.txt: empty file" in result.output
    assert "mixed.jsonl:2: invalid JSON" in result.output
    assert "mixed.jsonl:3: no 'text' field" in result.output
    assert "failed 3" in result.output


def test_extract_cmd_nothing_extracted_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run(str(tmp_path / "empty.txt"), "--workers", "1")
    assert result.exit_code == 1


def test_extract_cmd_usage_error_exits_2(tmp_path):
    assert run("--workers", "0", str(tmp_path)).exit_code == 2
    assert run(str(tmp_path), "--engine", "mapreduce").exit_code == 2


def test_extract_cmd_same_input_twice_is_the_same_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Titre\n\nL'Otan a expulsé huit diplomates russes le 6 octobre.\n", encoding="utf-8")
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert run(str(src), "-o", str(first), "--workers", "1", "-q").exit_code == 0
    assert run(str(src), "-o", str(second), "--workers", "1", "-q").exit_code == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
