from __future__ import annotations

import json

import pytest

from dyads.export import export_plover


def test_plover_polecat_fields(store, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export_plover(store, path) == 5
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for field in ("event_id", "event_date", "event_type", "event_mode", "source_actor", "source_agent",
                  "target_actor", "target_agent", "event_text", "story_id", "publisher"):
        assert all(field in r for r in records), field
    expel = next(r for r in records if r["cameo"] == "174")
    assert expel["event_type"] == "COERCE" and expel["event_mode"] == "expel"
    assert (expel["source_actor"], expel["source_agent"]) == ("NATO", "IGO")
    assert (expel["target_actor"], expel["target_agent"]) == ("RUS", "GOV")
    assert expel["story_id"] == "fr/a1" and expel["publisher"] == "Agence Alpha"
    assert "l’expulsion" in expel["event_text"] and expel["event_date"] == "2021-10-06"


def test_plover_manual_fields(store, tmp_path):
    path = tmp_path / "manual.jsonl"
    export_plover(store, path, style="manual")
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "date", "source", "recipient", "event", "mode", "event_text", "quad_code",
            "event_scale", "cite_info", "coder", "coded_date"} <= set(record)
    assert record["source"][0].keys() == {"code", "sector", "actor_text"}
    with pytest.raises(ValueError):
        export_plover(store, path, style="xml")
