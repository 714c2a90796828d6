"""Show where a system's output disagrees with the gold, article by article (error analysis).

usage: python eval/inspect_errors.py OUTPUT.jsonl GOLD_DIR [--only quotes|people|events] [--file fr/001.txt]
Reads the gold at run time; prints only what differs, never whole articles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return re.sub(r"\s+", " ", "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")).strip()


def toks(s: str) -> set[str]:
    return set(re.findall(r"\w+", fold(s)))


def show_quotes(doc: dict, gold: dict) -> None:
    sys_q = [(fold(q["text"]), q.get("speaker") or "") for q in doc.get("quotes", [])]
    for q in gold.get("quotes", []):
        g = fold(q["text"])
        hit = next((sp for st, sp in sys_q if g and st and (g in st or st in g or
                    len(toks(g) & toks(st)) >= 0.6 * max(1, len(toks(g))))), None)
        last = fold(q["speaker"]).split()[-1:] or ["#"]
        if hit is None:
            print(f"  quote MISSED  {q['text'][:60]!r} ({q['speaker']})")
        elif last[0] not in toks(hit):
            print(f"  quote SPEAKER {q['text'][:50]!r}: gold {q['speaker']!r} sys {hit!r}")


def show_people(doc: dict, gold: dict) -> None:
    ents = [e for e in doc.get("entities", []) if e.get("label") == "PER"]
    for p in gold.get("people", []):
        last = fold(p["name"]).split()[-1]
        hit = next((e for e in ents if last in toks(e.get("text", "")) or last in toks(e.get("name", ""))), None)
        if hit is None:
            print(f"  person MISSED {p['name']} ({p['actor']}/{p['role']})")
        elif (hit.get("actor") or "") != p["actor"]:
            print(f"  person ACTOR  {p['name']}: gold {p['actor']} sys {hit.get('actor')} ({hit.get('title')})")


def show_events(doc: dict, gold: dict) -> None:
    sys_ev = {(e["source"]["actor"], e["target"]["actor"], e["cameo"][:2]): e for e in doc.get("events", [])}
    gold_keys = set()
    for g in gold.get("events", []):
        keys = [(g["source"], g["target"], r) for r in g["root"]]
        keys += [(g["target"], g["source"], r) for r in g["root"] if r in ("04", "05", "06")]
        gold_keys.update(keys)
        if not any(k in sys_ev for k in keys):
            print(f"  event MISSED  {g['source']}->{g['target']} {g['root']} core={g.get('core', True)}: {g['evidence'][:70]!r}")
    for k, e in sys_ev.items():
        if k not in gold_keys:
            print(f"  event EXTRA   {k[0]}->{k[1]} {e['cameo']} [{e['rule']}] {e['trigger']['text']!r}: {e['sentence'][:90]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("gold")
    ap.add_argument("--only", choices=["quotes", "people", "events"])
    ap.add_argument("--file")
    a = ap.parse_args()
    docs = {}
    for line in open(a.output, encoding="utf-8"):
        d = json.loads(line)
        docs[d.get("source_file") or d["id"]] = d
    for path in sorted(Path(a.gold).rglob("*.json")):
        gold = json.loads(path.read_text())
        if a.file and gold["file"] != a.file:
            continue
        doc = next((d for k, d in docs.items() if k.endswith(gold["file"])), {})
        print(gold["file"])
        for name, fn in (("quotes", show_quotes), ("people", show_people), ("events", show_events)):
            if not a.only or a.only == name:
                fn(doc, gold)


if __name__ == "__main__":
    main()
