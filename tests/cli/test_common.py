"""CLI helpers: the progress bar counts documents, failures and skipped inputs up to the total."""

from __future__ import annotations

import io

from rich.console import Console

from dyads.cli import common
from dyads.types import Document, ErrorRecord


def test_common_track_yields_documents_and_counts_failures():
    items = [Document(id="a"), ErrorRecord(source="x.jsonl", line=2, reason="bad"), Document(id="b")]
    tally = common.Tally()
    out = list(common.track(iter(items), total=3, quiet=True, tally=tally))
    assert [d.id for d in out] == ["a", "b"]
    assert (tally.documents, tally.failed) == (2, 1)


def test_common_track_progress_reaches_total_with_skipped_inputs(monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(common, "stderr", Console(file=screen, force_terminal=True, width=100))
    items = [Document(id="a"), Document(id="b")]
    list(common.track(iter(items), total=5, quiet=False, tally=common.Tally(), skipped=lambda: 3))
    assert "5/5" in screen.getvalue()
    assert "art/s" in screen.getvalue()


def test_common_rate_waits_a_second_after_the_first_result():
    from rich.progress import Progress

    with Progress(disable=True) as progress:
        task_id = progress.add_task("extracting", total=100)
        task = progress.tasks[0]
        assert common._rate(task) is None
        now = common.time.monotonic()
        progress.update(task_id, completed=40, since=(now - 0.2, 16), processed=40)
        assert common._rate(task) is None  # a burst of one batch is no rate yet
        progress.update(task_id, completed=40, since=(now - 4.0, 16), processed=40)
        assert 5.5 < common._rate(task) < 6.5  # 24 articles in 4 s
