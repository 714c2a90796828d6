"""Helpers shared by the CLI commands: progress display, error reporting, input counting.

Input: command options. Output: rich progress bars and summaries on stderr.
Guarantees: nothing here prints to stdout (stdout carries data); progress is hidden with
``--quiet`` or when stderr is not a terminal and the run is short.
"""

from __future__ import annotations

import glob
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeElapsedColumn)
from rich.text import Text

from dyads.types import Document, ErrorRecord

stderr = Console(stderr=True)


def expand_paths(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        if raw == "-":
            continue
        matches = [Path(p) for p in glob.glob(raw, recursive=True)] if any(c in raw for c in "*?[") else [Path(raw)]
        for p in matches:
            out.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    return out


def estimate_total(paths: Iterable[str]) -> int | None:
    """Number of articles to expect: JSONL lines plus other files (None for stdin)."""
    if "-" in paths:
        return None
    total = 0
    for p in expand_paths(paths):
        if p.suffix == ".jsonl" and p.is_file():
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


class Tally:
    def __init__(self) -> None:
        self.documents = 0
        self.failed = 0
        self.events = 0
        self.started = time.monotonic()


def _rate(task: Task) -> float | None:
    """Articles extracted per second since the first result (start-up left out), once a second
    has passed (results come in batches: an earlier figure would be noise)."""
    since = task.fields.get("since")
    if since is None:
        return None
    elapsed = time.monotonic() - since[0]
    done = task.fields.get("processed", 0) - since[1]
    return done / elapsed if elapsed >= 1.0 and done > 0 else None


class RateColumn(ProgressColumn):
    """Articles per second since the first result."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text("– art/s" if rate is None else f"{rate:.1f} art/s")


class EtaColumn(ProgressColumn):
    """Time left at that rate (articles skipped before extraction count as done)."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if rate is None or task.total is None:
            return Text("eta -:--:--", style="progress.remaining")
        seconds = int(max(task.total - task.completed, 0) / rate)
        return Text(f"eta {seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
                    style="progress.remaining")


def track(items: Iterator[Document | ErrorRecord], *, total: int | None, quiet: bool, tally: Tally,
          errors_file=None, skipped: Callable[[], int] | None = None) -> Iterator[Document]:
    """Yield the documents, report errors on stderr, advance a progress bar.

    Args:
        items: the pipeline's output.
        total: the number of input articles expected (None: unknown, so no ETA).
        quiet: show no progress bar.
        tally: the counts to update.
        errors_file: where failed records go, as JSON lines.
        skipped: how many input articles were dropped before extraction so far (duplicates,
            articles already stored), so that the bar and its ETA still reach ``total``.
    """
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        RateColumn(), TimeElapsedColumn(), EtaColumn(),
                        console=stderr, transient=True, disable=quiet)
    with progress:
        task = progress.add_task("starting", total=total)  # loading models until the first result
        since: tuple[float, int] | None = None
        for item in items:
            if isinstance(item, ErrorRecord):
                tally.failed += 1
                stderr.print(Text.assemble(("error", "red"), f" {item.stage}: {item}"), soft_wrap=True)
                if errors_file is not None:
                    errors_file.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            else:
                tally.documents += 1
                tally.events += len(item.events)
                yield item
            processed = tally.documents + tally.failed
            since = since or (time.monotonic(), processed)
            progress.update(task, completed=processed + (skipped() if skipped else 0),
                            description="extracting", since=since, processed=processed)


def summary(tally: Tally, *, skipped: int = 0, quiet: bool = False) -> None:
    if quiet:
        return
    secs = time.monotonic() - tally.started
    stderr.print(f"read {tally.documents + tally.failed + skipped} · extracted {tally.documents} · "
                 f"skipped {skipped} (duplicates) · failed {tally.failed} · events {tally.events} · "
                 f"{secs:.1f}s", highlight=False, soft_wrap=True)


def exit_code(tally: Tally) -> int:
    return 0 if tally.documents else 1


def open_output(path: Path | None):
    return sys.stdout if path is None or str(path) == "-" else path.open("w", encoding="utf-8")
