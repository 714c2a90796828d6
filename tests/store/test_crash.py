from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sample_documents import filler_document

from dyads.store import Store

HERE = Path(__file__).parent
N = 300


def _run_writer(path: Path, *, kill_after: int | None) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, str(HERE / "crash_writer.py"), str(path), str(N)],
                            stdout=subprocess.PIPE, text=True, env=env)
    seen = 0
    for line in proc.stdout:
        if line.strip() == "done":
            break
        seen = int(line)
        if kill_after is not None and seen >= kill_after:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    proc.stdout.close()
    return proc.returncode


def _assert_whole_batches(store: Store) -> int:
    con = store.con
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n_articles % 5 == 0  # only whole batches
    # every stored article has all its events and mentions, and every mention its event
    partial = con.execute("""
        SELECT count(*) FROM articles a
        WHERE a.n_events != (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id)""").fetchone()[0]
    orphans = con.execute(
        "SELECT count(*) FROM event_mentions m LEFT JOIN events e ON e.id = m.event_id WHERE e.id IS NULL").fetchone()[0]
    stray = con.execute(
        "SELECT count(*) FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL"
    ).fetchone()[0]
    assert (partial, orphans, stray) == (0, 0, 0)
    mentions = con.execute("SELECT sum(num_mentions) FROM events").fetchone()[0] or 0
    assert mentions == con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    return n_articles


@pytest.mark.parametrize("kill_after", [40, 170])
def test_crash_kill9_leaves_whole_batches_and_resumes(tmp_path, kill_after):
    path = tmp_path / "crash.duckdb"
    assert _run_writer(path, kill_after=kill_after) == -signal.SIGKILL
    with Store(path) as store:
        stored = _assert_whole_batches(store)
        assert 0 < stored < N
    assert _run_writer(path, kill_after=None) == 0
    with Store(path) as store:
        assert _assert_whole_batches(store) == N
        stats = store.add(filler_document(i) for i in range(N))
        assert stats.articles_added == 0 and stats.articles_skipped == N
        assert store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 2 * N
        distinct_dates = len({(i % 12, i % 28) for i in range(N)})  # the criticisms merge by date
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == N + distinct_dates
