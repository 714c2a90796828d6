"""The README stays true: every CLI command and every make target it names exist, and the
two commands come first (datasette's test_docs idea)."""

from __future__ import annotations

import re
from pathlib import Path

from dyads.cli import load_commands

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_every_command_is_in_the_readme():
    app = load_commands()
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names >= {"extract", "ingest", "dyad", "events", "quotes", "actors", "search", "export",
                     "serve", "info", "summary"}
    for name in names:
        assert f"dyads {name}" in README, name


def test_docs_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_docs_make_targets_named_in_readme_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, flags=re.M))
    for target in set(re.findall(r"`make ([a-z-]+)`", README)):
        assert target in targets, target


def test_docs_readme_has_no_placeholders():
    assert "ACCURACY_TABLE" not in README and "SPEED_SUMMARY" not in README
