"""The `dyads` command line: a thin layer over the Python API.

Each command lives in its own module of this package and registers itself on ``app``;
``main()`` imports them all. Command bodies parse options, call ``dyads.*`` and print.
Exit codes: 0 success, 1 nothing came out / every record failed, 2 usage error.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="News articles in, event data out: who did what to whom, when and where.",
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = ("extract_cmd", "store_cmds", "serve_cmd", "info_cmd", "summary_cmd")


def load_commands() -> typer.Typer:
    """Import every command module so that it registers on ``app``."""
    for name in COMMAND_MODULES:
        try:
            importlib.import_module(f"dyads.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"dyads.cli.{name}":
                raise
    return app


def main() -> None:
    load_commands()
    app()
