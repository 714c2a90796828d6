"""`dyads extract PATH...`: articles in, one JSON Document per line out (the DESIGN.md contract)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from dyads.cli import app
from dyads.cli.common import Tally, estimate_total, exit_code, open_output, summary, track


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin."),
    output: Path = typer.Option(None, "-o", "--output", help="Write JSONL here instead of stdout."),
    lang: str = typer.Option(None, "--lang", help="Force a language (ISO 639-1); detected when omitted."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1, help="Worker processes."),
    engine: str = typer.Option("local", "--engine", help="local, or spark (writes Parquet to --output)."),
    actors: list[Path] = typer.Option([], "--actors", exists=True, help="Extra actor file (TSV/YAML/CAMEO)."),
    include_unasserted: bool = typer.Option(False, "--include-unasserted",
                                            help="Keep negated, conditional and planned events."),
    include_unresolved: bool = typer.Option(False, "--include-unresolved",
                                            help="Keep events whose source or target is unknown."),
    no_text: bool = typer.Option(False, "--no-text", help="Leave the article text out of each line."),
    errors: Path = typer.Option(None, "--errors", help="Write failed records as JSONL here."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Extract entities, quotes, dates and events from news articles as JSON lines."""
    import dyads
    from dyads.pipeline import Settings

    if engine not in ("local", "spark"):
        raise typer.BadParameter("--engine must be 'local' or 'spark'")
    settings = Settings(lang=lang, include_unasserted=include_unasserted, include_text=not no_text,
                        include_unresolved=include_unresolved,
                        actor_files=tuple(str(a) for a in actors))
    if engine == "spark":
        from dyads.spark import run_spark

        if output is None:
            raise typer.BadParameter("--engine spark needs --output DIR (Parquet)")
        run_spark(paths, str(output), settings=settings)
        return
    from dyads.ingest import IngestStats

    tally, err_fh, read_stats = Tally(), (errors.open("w", encoding="utf-8") if errors else None), IngestStats()
    items = dyads.extract(paths, workers=workers, settings=settings, stats=read_stats)
    out = open_output(output)
    try:
        for document in track(items, total=estimate_total(paths), quiet=quiet, tally=tally, errors_file=err_fh):
            out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not __import__("sys").stdout:
            out.close()
        if err_fh:
            err_fh.close()
    summary(tally, skipped=read_stats.skipped, quiet=quiet)
    raise typer.Exit(exit_code(tally))
