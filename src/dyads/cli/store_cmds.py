"""Store commands: `ingest`, `dyad`, `events`, `quotes`, `actors`, `search`, `export`.

Input: command-line options; a DuckDB store (``--db``, default ./dyads.duckdb).
Output: rich tables on stdout by default, ``--json`` (one JSON object per line) or ``--csv``
(nested fields flattened as ``a_to_b.count``) for data; progress and summaries on stderr.
Guarantees: command bodies only parse, call ``dyads.store`` / ``dyads.export`` and print.
Exit codes: 0 success; 1 nothing could be extracted (ingest); 2 usage error (bad option value,
missing database for a query), with a one-line message on stderr.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from dyads.cli import app
from dyads.errors import StoreError
from dyads.store import Store
from dyads.types import Article, ErrorRecord

if TYPE_CHECKING:
    from dyads.ingest import IngestStats
    from dyads.pipeline import Settings

DB = typer.Option(Path("dyads.duckdb"), "--db", envvar="DYADS_DB", help="The DuckDB store.")
AS_JSON = typer.Option(False, "--json", help="One JSON object per line.")
AS_CSV = typer.Option(False, "--csv", help="CSV with a header row.")
LIMIT = typer.Option(100, "--limit", "-n", min=0, help="Rows to show.")
SINCE = typer.Option(None, "--since", help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
UNTIL = typer.Option(None, "--until", help="Up to this date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.")

stderr = Console(stderr=True)


# -- helpers ---------------------------------------------------------------------------------

def fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"[red]error[/red] {message}", highlight=False)
    return typer.Exit(code)


def open_store(db: Path) -> Store:
    """The store for a query, read-only; exit 2 with a clear message when it is missing."""
    try:
        return Store(db, read_only=True)
    except StoreError as err:
        raise fail(str(err)) from err


def query(db: Path, method: str, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    """Call one Store query; a bad value (date, sort, period) is a usage error."""
    with open_store(db) as store:
        try:
            return getattr(store, method)(*args, **kwargs)
        except ValueError as err:
            raise fail(str(err)) from err


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts -> dotted keys; lists -> JSON text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
    return flat


def emit(rows: list[dict[str, Any]], columns: dict[str, str], *, as_json: bool, as_csv: bool,
         title: str = "") -> None:
    """Print rows: JSON lines, CSV (every field), or a rich table of ``columns`` (label -> dotted key)."""
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if as_csv:
        flat = [flatten(row) for row in rows]
        fields = list(dict.fromkeys(k for row in flat for k in row))
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    table = Table(title=title or None, show_lines=False)
    for label in columns:
        table.add_column(label, overflow="fold")
    for row in rows:
        flat = flatten(row)
        table.add_row(*["" if flat.get(key) is None else str(flat.get(key)) for key in columns.values()])
    Console().print(table)


# -- ingest ----------------------------------------------------------------------------------

@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin."),
    db: Path = DB,
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1, help="Worker processes."),
    engine: str = typer.Option("local", "--engine", help="local, or spark (PySpark; see docs/SCALING.md)."),
    lang: str = typer.Option(None, "--lang", help="Force a language (ISO 639-1)."),
    actors: list[Path] = typer.Option([], "--actors", exists=True, help="Extra actor file (TSV/YAML/CAMEO)."),
    include_unasserted: bool = typer.Option(False, "--include-unasserted",
                                            help="Also store negated, conditional and planned events."),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="Articles per transaction."),
    output: Path = typer.Option(None, "--output", "-o", help="spark: where the Parquet goes (default DB.parquet/)."),
    errors: Path = typer.Option(None, "--errors", help="Write failed records as JSONL here."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Extract articles and store their events; articles already stored are skipped."""
    from dyads.cli.common import Tally, estimate_total, exit_code, summary, track
    from dyads.pipeline import Settings

    if engine not in ("local", "spark"):
        raise typer.BadParameter("--engine must be 'local' or 'spark'", param_hint="--engine")
    tally, err_fh = Tally(), (errors.open("w", encoding="utf-8") if errors else None)
    skipped: dict[str, int] = {"stored": 0, "duplicates": 0}
    try:
        with Store(db) as store:
            settings = Settings(lang=lang, include_unasserted=include_unasserted,
                                actor_files=tuple(str(a) for a in actors))
            items = _extract_items(paths, store, engine=engine, workers=workers, settings=settings,
                                   output=output or db.with_suffix(".parquet"), skipped=skipped)
            documents = track(items, total=estimate_total(paths) if engine == "local" else None,
                              quiet=quiet, tally=tally, errors_file=err_fh,
                              skipped=lambda: skipped["stored"] + skipped["duplicates"])
            stats = store.add(documents, batch_size=batch_size)
    except StoreError as err:
        raise fail(str(err), 1) from err
    finally:
        if err_fh:
            err_fh.close()
    summary(tally, quiet=quiet)
    stats.articles_skipped += skipped["stored"]
    if as_json:
        sys.stdout.write(json.dumps(stats.to_dict()) + "\n")
    elif not quiet:
        stderr.print(f"stored in {db}: " + " · ".join(f"{k.replace('_', ' ')} {v}" for k, v in stats.to_dict().items()),
                     highlight=False)
    raise typer.Exit(0 if stats.articles_added or stats.articles_skipped else exit_code(tally))



def _extract_items(paths: list[str], store: Store, *, engine: str, workers: int, settings: Settings,
                   output: Path, skipped: dict[str, int]) -> Iterator[Any]:
    """Documents and ErrorRecords for the articles not stored yet."""
    if engine == "spark":
        from dyads.spark import read_documents, run_spark

        run_spark(paths, str(output), settings=settings, keep_documents=True, skip_ids=store.article_ids())
        return read_documents(output)
    import dyads.pipeline
    from dyads.ingest import read_inputs

    records = read_inputs(paths)
    return dyads.pipeline.extract(_unstored(records, store.article_ids(), skipped, records.stats),
                                  workers=workers, settings=settings)


def _unstored(records: Iterable[Article | ErrorRecord], known: set[str], skipped: dict[str, int],
              read_stats: IngestStats | None = None) -> Iterator[Article | ErrorRecord]:
    """Drop the articles already stored before extraction: resuming costs no spaCy time."""
    for record in records:
        if read_stats is not None:  # duplicate inputs, for the progress bar
            skipped["duplicates"] = read_stats.skipped
        if isinstance(record, Article) and record.id in known:
            skipped["stored"] += 1
            continue
        yield record


# -- queries ---------------------------------------------------------------------------------

PERIOD_CHOICES = ("day", "week", "month", "year")


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor id (RUS, NATO, FRA ...)."),
    b: str = typer.Argument(..., help="Second actor id."),
    by: str = typer.Option("month", "--by", help="Period: day, week, month or year."),
    since: str = SINCE, until: str = UNTIL, db: Path = DB, as_json: bool = AS_JSON, as_csv: bool = AS_CSV,
) -> None:
    """Events between two actors per period: A->B, B->A and both together."""
    if by not in PERIOD_CHOICES:
        raise typer.BadParameter(f"{by!r} is not one of {', '.join(PERIOD_CHOICES)}", param_hint="--by")
    rows = query(db, "dyad", a, b, by=by, since=since, until=until)
    a, b = a.upper(), b.upper()
    columns = {"period": "period", "→": "a_to_b.count", "→ q1/q4": "a_to_b.q1q4", "→ gold.": "a_to_b.goldstein_mean",
               "←": "b_to_a.count", "← q1/q4": "b_to_a.q1q4", "← gold.": "b_to_a.goldstein_mean",
               "all": "net.count", "gold.": "net.goldstein_mean"}
    if not (as_json or as_csv):
        for row in rows:
            for side in ("a_to_b", "b_to_a"):
                row[side]["q1q4"] = f"{row[side]['q1']}/{row[side]['q4']}"
    emit(rows, columns, as_json=as_json, as_csv=as_csv, title=f"→ {a} to {b}, ← {b} to {a}, by {by}")


@app.command()
def events(
    actor: str = typer.Option(None, "--actor", help="Actor id or CAMEO actor code, either side."),
    source: str = typer.Option(None, "--source", help="Source actor id or code."),
    target: str = typer.Option(None, "--target", help="Target actor id or code."),
    code: str = typer.Option(None, "--code", help="CAMEO event code, exact (174) or glob ('16*')."),
    root: str = typer.Option(None, "--root", help="CAMEO root (17)."),
    q: str = typer.Option(None, "--q", help="Words the sentence must contain."),
    since: str = SINCE, until: str = UNTIL, limit: int = LIMIT,
    sort: str = typer.Option("date", "--sort", help="date, goldstein, cameo, quad_class, num_mentions, num_articles."),
    db: Path = DB, as_json: bool = AS_JSON, as_csv: bool = AS_CSV,
) -> None:
    """Events, newest first, each with the sentence of its first mention."""
    rows = query(db, "events", actor=actor, source=source, target=target, code=code, root=root, q=q,
                 since=since, until=until, limit=limit, sort=sort)
    columns = {"date": "date", "source": "source.actor", "cameo": "cameo", "target": "target.actor",
               "type": "plover_type", "goldstein": "goldstein", "articles": "num_articles",
               "sentence": "mention.sentence"}
    emit(rows, columns, as_json=as_json, as_csv=as_csv, title="events")


@app.command()
def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Part of the speaker's name (any case, accents optional)."),
    actor: str = typer.Option(None, "--actor", help="The speaker's actor id."),
    limit: int = LIMIT, db: Path = DB, as_json: bool = AS_JSON, as_csv: bool = AS_CSV,
) -> None:
    """Quotations with their speaker, newest article first."""
    rows = query(db, "quotes", speaker=speaker, actor=actor, limit=limit)
    columns = {"speaker": "speaker", "actor": "speaker_actor", "quote": "text", "outlet": "outlet",
               "published": "published"}
    emit(rows, columns, as_json=as_json, as_csv=as_csv, title="quotes")


@app.command()
def actors(
    role: str = typer.Option(None, "--role", help="Keep actors seen in this role (GOV, MIL, IGO ...)."),
    limit: int = typer.Option(500, "--limit", "-n", min=0, help="Rows to show."),
    db: Path = DB, as_json: bool = AS_JSON, as_csv: bool = AS_CSV,
) -> None:
    """Actors, most active first, with the roles and people seen in the text."""
    rows = query(db, "actors", role=role, limit=limit)
    for row in rows:
        row["people_names"] = ", ".join(p["name"] for p in row["people"][:5])
        row["role_names"] = ", ".join(r["role"] for r in row["roles"])
    columns = {"actor": "id", "name": "name", "kind": "kind", "as source": "n_events_source",
               "as target": "n_events_target", "mentions": "n_mentions", "roles": "role_names",
               "people": "people_names"}
    if as_json or as_csv:
        for row in rows:
            del row["people_names"], row["role_names"]
    emit(rows, columns, as_json=as_json, as_csv=as_csv, title="actors")


@app.command()
def search(
    text: str = typer.Argument(..., help="Words to find (accents and case ignored), e.g. \"expulsion diplomates\"."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Rows to show."),
    db: Path = DB, as_json: bool = AS_JSON, as_csv: bool = AS_CSV,
) -> None:
    """Full-text search over event sentences and article texts (offline)."""
    rows = query(db, "search", text, limit=limit)
    columns = {"kind": "kind", "article": "article_id", "outlet": "outlet", "published": "published", "text": "text"}
    emit(rows, columns, as_json=as_json, as_csv=as_csv, title=f"search: {text}")


# -- export ----------------------------------------------------------------------------------

EXPORT_FORMATS = ("gdelt", "plover", "parquet")


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt, plover or parquet."),
    output: Path = typer.Option(None, "--output", "-o", help="File (gdelt, plover; stdout when omitted) or directory (parquet)."),
    style: str = typer.Option("polecat", "--style", help="plover: polecat (flat dataset fields) or manual."),
    db: Path = DB,
) -> None:
    """Export the store as a GDELT 2.0 event table, PLOVER JSON lines or Parquet tables."""
    from dyads.export import export_gdelt, export_parquet, export_plover

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output DIR", param_hint="--output")
    with open_store(db) as store:
        if fmt == "parquet":
            written = sum(export_parquet(store, output).values())
        elif fmt == "gdelt":
            written = export_gdelt(store, output or sys.stdout)
        else:
            try:
                written = export_plover(store, output or sys.stdout, style=style)
            except ValueError as err:
                raise fail(str(err)) from err
    stderr.print(f"exported {written} rows ({fmt}) to {output or 'stdout'}", highlight=False)
