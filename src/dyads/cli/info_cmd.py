"""`dyads info`: versions, models, data files and settings, as text or JSON."""

from __future__ import annotations

import json

import typer

from dyads.cli import app


@app.command()
def info(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show the installed models, language data and default settings."""
    import dyads

    data = dyads.info()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for key, value in data.items():
        typer.echo(f"{key}: {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}")
