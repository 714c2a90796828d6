"""Time ``Store.dyad()`` (and a few other queries) on a synthetic store, against baselines.

Input: a store built by ``bench/make_synthetic_store.py`` (built first when missing),
``--events N`` (default 1,000,000), ``--repeat R`` (default 7).
Output: a table on stdout and the section between ``<!-- store -->`` and ``<!-- /store -->``
in BENCHMARKS.md (replaced, or appended when absent; the rest of the file is left alone).
Guarantees: every figure is the median of R timed runs after one warm-up, measured in the
same process as its baselines: ``SELECT count(*) FROM events`` (answered from metadata), a bare
count of the pair's events (the filter scan every dyad query has to do) and the same dyad
aggregation done naively in Python over every event row.

    .venv/bin/python bench/bench_store.py
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Callable

import duckdb

from dyads.store import Store
import sections  # bench/ is on sys.path when run as a script

BENCH = Path(__file__).parent
BENCHMARKS = BENCH.parent / "BENCHMARKS.md"
START, END = "<!-- store -->", "<!-- /store -->"


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in seconds, after one warm-up call."""
    fn()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def naive_dyad(store: Store, a: str, b: str) -> dict[str, list[int]]:
    """The baseline: fetch every event row and aggregate per month in Python."""
    rows = store.con.execute("SELECT source_actor, target_actor, day, quad_class FROM events").fetchall()
    periods: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for source, target, day, _quad in rows:
        if day is None:
            continue
        if (source, target) == (a, b):
            periods[day.strftime("%Y-%m")][0] += 1
        elif (source, target) == (b, a):
            periods[day.strftime("%Y-%m")][1] += 1
    return periods


def busiest_and_rarest(store: Store) -> tuple[tuple[str, str, int], tuple[str, str, int]]:
    """The directed pairs with the most and the fewest events (and their counts)."""
    rows = store.con.execute(
        "SELECT source_actor, target_actor, count(*) AS n FROM events WHERE source_actor != target_actor "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2").fetchall()
    return rows[0], rows[-1]


def measure(store: Store, repeat: int) -> list[tuple[str, float]]:
    (a, b, n_ab), (c, d, n_cd) = busiest_and_rarest(store)
    results = [
        ("baseline: SELECT count(*) FROM events", timed(lambda: store.con.execute(
            "SELECT count(*) FROM events").fetchone(), repeat)),
        (f"baseline: count the {a}-{b} events, both directions (bare filter scan)", timed(
            lambda: store.con.execute(
                "SELECT count(*) FROM events WHERE (source_actor = ? AND target_actor = ?) "
                "OR (source_actor = ? AND target_actor = ?)", [a, b, b, a]).fetchone(), repeat)),
        (f"dyad({a}, {b}, by=month) (busiest pair, {n_ab:,} events {a}→{b})", timed(lambda: store.dyad(a, b, by="month"), repeat)),
        (f"dyad({a}, {b}, by=day)", timed(lambda: store.dyad(a, b, by="day"), repeat)),
        (f"dyad({a}, {b}, by=week, since=2020)", timed(lambda: store.dyad(a, b, by="week", since="2020"), repeat)),
        (f"dyad({c}, {d}, by=month) (rarest pair, {n_cd:,} events {c}→{d})", timed(lambda: store.dyad(c, d, by="month"), repeat)),
        ("events(code='19*', limit=100)", timed(lambda: store.events(code="19*", limit=100), repeat)),
        ("events(actor=RUS, since=2020, sort=goldstein)", timed(
            lambda: store.events(actor="RUS", since="2020", sort="goldstein"), repeat)),
        ("network(limit=300)", timed(lambda: store.network(limit=300), repeat)),
        (f"baseline: naive Python dyad({a}, {b}) over all rows",
         timed(lambda: naive_dyad(store, a, b), max(1, repeat // 3))),
    ]
    return results


def render(results: list[tuple[str, float]], n_events: int) -> str:
    scan = results[1][1]
    naive = results[-1][1]
    lines = [
        START,
        "## Store queries (bench/bench_store.py)",
        "",
        f"{date.today().isoformat()}, {n_events:,} synthetic events (bench/make_synthetic_store.py), "
        f"DuckDB {duckdb.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores "
        "(shared with other workers). Median of the timed runs after one warm-up. Target: dyad() < 0.5 s.",
        "",
        "| query | time (ms) | ÷ bare filter scan | naive Python ÷ this |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in results:
        lines.append(f"| {name} | {seconds * 1000:.1f} | {seconds / scan:.1f} | {naive / seconds:.0f} |")
    lines += ["", "dyad() filters the events table on the actor pair and aggregates in one pass "
              "(DuckDB columnar scan with zone maps); no precomputed summary table is needed at this size.",
              END]
    return "\n".join(lines)


def write_section(section: str, path: Path = BENCHMARKS) -> None:
    """Replace our section of BENCHMARKS.md, or append it; other sections are kept."""
    sections.write_section(section, START, END, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    import make_synthetic_store as synthetic  # beside this file

    db = args.db or synthetic.DEFAULT_DB
    if not db.exists():
        synthetic.build(db, args.events, 0.42)
    with Store(db, read_only=True) as store:
        n_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        results = measure(store, args.repeat)
    section = render(results, n_events)
    print(section)
    if not args.no_write:
        write_section(section)


if __name__ == "__main__":
    main()
