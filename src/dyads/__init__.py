"""dyads: news articles in, event data out — who did what to whom, when and where.

The Python API that the CLI, the HTTP API and the dashboard are thin layers over:

    import dyads
    for document in dyads.extract(["article.txt"]):
        print(document.events)
    with dyads.Store("dyads.duckdb") as store:
        store.add(dyads.extract(["corpus/"]))
        store.dyad("RUS", "NATO", by="month")
"""

from __future__ import annotations

from typing import Any

from dyads.errors import DyadsError, InputError, LexiconError, StoreError, UnsupportedLanguage
from dyads import extract  # the stages package, callable: dyads.extract(inputs) runs dyads.pipeline.extract
from dyads.pipeline import Extractor, Settings
from dyads.types import Article, Document, Entity, ErrorRecord, Event, Participant, Quote, Timex

__version__ = "0.1.0"


def read(paths, **kwargs):
    """Read articles from paths (files, folders, globs, "-"): see ``dyads.ingest.read_inputs``."""
    from dyads.ingest import read_inputs

    return read_inputs(paths, **kwargs)


def info() -> dict[str, Any]:
    """Versions, models and data files in use (``dyads info``)."""
    from dataclasses import fields

    from dyads.lang import available_languages, get_language
    from dyads.nlp import installed_model

    langs = {}
    for code in available_languages():
        data = get_language(code)
        langs[code] = {"model": installed_model(code), "triggers": sum(len(v) for v in data.triggers.values()),
                       "actor_terms": len(data.actor_terms), "roles": len(data.roles),
                       "reporting_verbs": len(data.reporting)}
    return {"version": __version__, "languages": langs,
            "settings": {f.name: f.default for f in fields(Settings)}}


def __getattr__(name: str):
    if name == "Store":  # imported lazily: DuckDB is only needed by store users
        from dyads.store import Store

        return Store
    raise AttributeError(name)


__all__ = sorted([
    "Article", "Document", "DyadsError", "Entity", "ErrorRecord", "Event", "Extractor", "InputError",
    "LexiconError", "Participant", "Quote", "Settings", "Store", "StoreError", "Timex",
    "UnsupportedLanguage", "extract", "info", "read",
])
