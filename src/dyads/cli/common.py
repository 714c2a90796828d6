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
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
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


class RateColumn(ProgressColumn):
    """Articles per second over the last 30 s (so model loading does not drag it down)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("– art/s" if speed is None else f"{speed:.1f} art/s")


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
                        RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                        console=stderr, transient=True, disable=quiet)
    with progress:
        task = progress.add_task("starting", total=total)  # loading models until the first result
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
            done = tally.documents + tally.failed + (skipped() if skipped else 0)
            progress.update(task, completed=done, description="extracting")


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
