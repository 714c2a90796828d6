"""Store -> PLOVER JSON lines, one event a line.

Input: an open ``Store``; an output path or text stream; a ``style``.
Output: JSON lines in one of two PLOVER field sets:

- ``style="polecat"`` (default): the flat record of PLOVER-coded datasets (POLECAT, the NGEC
  coder): ``event_id, event_date, event_type, event_mode, event_text, source_actor,
  source_agent, source_text, target_actor, target_agent, target_text, story_id, publisher,
  story_date, url, language, quad_code, goldstein, cameo, num_mentions, num_sources,
  num_articles, event_loc``. ``*_actor`` is the actor id (ISO alpha-3 or an IGO/group id),
  ``*_agent`` the sector (GOV, MIL, ...).
- ``style="manual"``: the JSON fields of the PLOVER manual's data interchange chapter: ``id``,
  ``date``, ``source`` / ``recipient`` (lists of actor objects ``{code, sector, actor_text}``),
  ``event`` and ``mode`` (lists), ``event_text`` (list), ``quad_code``, ``event_scale`` (we put
  the Goldstein value there), ``event_loc`` (geonames names: name, cc3, latitude, longitude),
  ``cite_info`` (url, title, language, publication), ``coder``, ``coded_date``.

Guarantees: events without a PLOVER type (CAMEO roots 01 and 02, which PLOVER drops) and
negated events are left out; values are JSON (UTF-8, not ASCII-escaped).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import IO, Any

from dyads import __version__
from dyads.export._io import open_out
from dyads.store import Store

STYLES = ("polecat", "manual")

_SQL = """
SELECT e.*, m.sentence, a.outlet, a.title, a.url, a.published, a.language
FROM events e
LEFT JOIN event_mentions m ON m.article_id = e.first_article_id AND m.idx = e.first_mention_idx
LEFT JOIN articles a ON a.id = e.first_article_id
WHERE NOT e.negated AND e.plover_type IS NOT NULL
ORDER BY e.day NULLS LAST, e.id
"""


def export_plover(store: Store, out: str | Path | IO[str], *, style: str = "polecat") -> int:
    """Write the store's events as PLOVER JSON lines.

    Args:
        store: the store to read.
        out: a file path or an open text stream.
        style: "polecat" (flat dataset fields) or "manual" (the PLOVER manual's JSON fields).

    Returns:
        The number of events written.

    Raises:
        ValueError: unknown style.
    """
    if style not in STYLES:
        raise ValueError(f"style {style!r}: expected one of {', '.join(STYLES)}")
    record = polecat_record if style == "polecat" else manual_record
    cursor = store.con.cursor()
    cursor.execute(_SQL)
    names = [d[0] for d in cursor.description]
    count = 0
    with open_out(out) as stream:
        while chunk := cursor.fetchmany(10_000):
            for values in chunk:
                stream.write(json.dumps(record(dict(zip(names, values))), ensure_ascii=False) + "\n")
                count += 1
    cursor.close()
    return count


def polecat_record(row: dict[str, Any]) -> dict[str, Any]:
    """The flat PLOVER dataset record of one event row."""
    return {
        "event_id": row["id"], "event_date": row["date_key"] or None, "event_type": row["plover_type"],
        "event_mode": row["plover_mode"], "event_text": row["sentence"],
        "source_actor": row["source_actor"], "source_agent": row["source_role"], "source_text": row["source_text"],
        "target_actor": row["target_actor"], "target_agent": row["target_role"], "target_text": row["target_text"],
        "story_id": row["first_article_id"], "publisher": row["outlet"], "story_date": row["published"],
        "url": row["url"], "language": row["language"], "quad_code": row["quad_class"],
        "goldstein": row["goldstein"], "cameo": row["cameo"], "num_mentions": row["num_mentions"],
        "num_sources": row["num_sources"], "num_articles": row["num_articles"], "event_loc": _location(row),
    }


def manual_record(row: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER manual's JSON record of one event row."""
    return {
        "id": row["id"], "date": row["day"].isoformat() if row["day"] else None,
        "source": _actors(row, "source"), "recipient": _actors(row, "target"),
        "event": [row["plover_type"]], "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "event_text": [row["sentence"]] if row["sentence"] else [],
        "quad_code": row["quad_class"], "event_scale": row["goldstein"], "event_loc": _location(row),
        "cite_info": {"url": row["url"], "title": row["title"], "language": row["language"],
                      "publication": row["outlet"]},
        "coder": f"dyads {__version__}", "coded_date": date.today().isoformat(),
    }


def _actors(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if row[f"{side}_actor"] is None:
        return []
    return [{"code": row[f"{side}_actor"], "sector": row[f"{side}_role"], "actor_text": row[f"{side}_text"]}]


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["location_name"] is None and row["lat"] is None:
        return None
    return {"name": row["location_name"], "cc3": row["location_country"],
            "latitude": row["lat"], "longitude": row["lon"]}
