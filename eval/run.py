"""Run the whole dyads pipeline on the evaluation development set and print score.py's figures.

usage: python eval/run.py [--eval-dir ../shared/eval] [--workers 2] [--out out/eval] [--json]
       [--system dyads|nothing|first_country]

Input: ``<eval-dir>/dev/corpus`` (turned into JSONL by the set's own ``to_jsonl.py``) and
``<eval-dir>/dev/gold``. Output: per-language and overall scores from the set's ``score.py``,
for dyads and for trivial baselines that share the table (every number has something to beat).
The articles are read from the shared folder at run time; nothing of them is copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from peers import SYSTEMS  # noqa: E402


def to_jsonl(eval_dir: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, str(eval_dir / "to_jsonl.py"), str(eval_dir / "dev" / "corpus")],
                       stdout=fh, check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "out" / "eval"))
    ap.add_argument("--system", action="append", help="dyads (default) and/or baselines: " + ", ".join(SYSTEMS))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    args = ap.parse_args()
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "dev" / "gold").is_dir():
        print(f"no evaluation set at {eval_dir}", file=sys.stderr)
        return 2
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = out_dir / "dev.jsonl"
    to_jsonl(eval_dir, inputs)
    systems = args.system or ["dyads", "nothing", "first_country"]
    gold_root = eval_dir / "dev" / "gold"
    table = {}
    for name in systems:
        output = out_dir / f"{name}.jsonl"
        SYSTEMS[name](inputs, output, workers=args.workers)
        parts = {"all": gold_root} | {p.name: p for p in sorted(gold_root.iterdir()) if p.is_dir()}
        table[name] = {part: score_with(eval_dir, output, path) for part, path in parts.items()}
    if args.json:
        print(json.dumps(table, indent=1))
    elif args.markdown:
        print_markdown(table)
    else:
        print_table(table)
    return 0


def score_with(eval_dir: Path, output: Path, gold: Path) -> dict:
    res = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(output), str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


FIELDS = ["event_precision", "event_recall_core", "event_f1", "quad_precision", "quote_recall",
          "quote_precision", "quote_speaker_acc", "people_recall", "people_actor_acc"]


def print_table(table: dict) -> None:
    head = f"{'system':<14}{'part':<6}" + "".join(f"{f.replace('event_', 'ev_').replace('quote_', 'q_').replace('people_', 'p_'):>14}" for f in FIELDS)
    print(head)
    for name, parts in table.items():
        for part, scores in parts.items():
            print(f"{name:<14}{part:<6}" + "".join(f"{scores.get(f, 0):>14.3f}" for f in FIELDS))


def print_markdown(table: dict) -> None:
    names = ["event P", "event core R", "event F1", "quad P", "quote R", "quote P", "speaker acc",
             "people R", "people actor acc"]
    print("| system | part | " + " | ".join(names) + " |")
    print("|---|---|" + "---:|" * len(names))
    for name, parts in table.items():
        for part, scores in parts.items():
            print(f"| {name} | {part} | " + " | ".join(f"{scores.get(f, 0):.3f}" for f in FIELDS) + " |")


if __name__ == "__main__":
    sys.exit(main())
