"""`dyads summary`: a readable overview of a store (what `make run` prints after ingesting)."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from dyads.cli import app


def _table(title: str, columns: list[str], rows: list[list]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*[str(v) if v is not None else "" for v in row])
    return table


@app.command()
def summary(
    db: str = typer.Option("dyads.duckdb", "--db", help="The DuckDB store."),
    a: str = typer.Option("RUS", "--a", help="First actor of the dyad to show."),
    b: str = typer.Option("NATO", "--b", help="Second actor of the dyad to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Counts, busiest dyads, the A–B timeline and the latest events of a store."""
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        data = {"stats": store.stats(), "network": store.network(limit=10),
                "dyad": store.dyad(a, b, by="month"), "events": store.events(limit=10)}
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        return
    console = Console()
    console.print(_table("store", ["table", "rows"], [[k, v] for k, v in data["stats"].items()]))
    console.print(_table("busiest dyads", ["source", "target", "events", "mean Goldstein"],
                         [[r["source"], r["target"], r["count"], r["goldstein_mean"]] for r in data["network"]]))
    console.print(_table(f"{a}–{b} by month", ["month", f"{a}→{b}", f"{b}→{a}", "net Goldstein"],
                         [[r["period"], r["a_to_b"]["count"], r["b_to_a"]["count"], r["net"]["goldstein_mean"]]
                          for r in data["dyad"]]))
    console.print(_table("latest events", ["date", "source", "cameo", "target", "PLOVER"],
                         [[e.get("date"), (e.get("source") or {}).get("actor"), e.get("cameo"),
                           (e.get("target") or {}).get("actor"),
                           f"{e.get('plover_type') or ''} {e.get('plover_mode') or ''}".strip()]
                          for e in data["events"]]))
