"""Store -> the GDELT 2.0 event table (tab-separated, 61 columns, no header, one event a line).

Input: an open ``Store``; an output path or text stream.
Output: one line per (non-negated) event, the columns in GDELT 2.0's documented order.
Guarantees: every line has exactly 61 fields; fields dyads cannot fill are left empty
(ethnic / religion / known-group codes, actor geography, AvgTone, geo FeatureIDs, and the
geo country codes, which GDELT gives in FIPS 10-4 while dyads holds ISO 3166 alpha-3); tabs
and line breaks inside values become spaces. Negated events are left out (GDELT has no
negation). ``GLOBALEVENTID`` is the event id read as a 60-bit integer (stable across runs).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Iterator

from dyads.export._io import open_out
from dyads.store import Store

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT_COLUMNS: list[str] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in _ACTOR], *[f"Actor2{c}" for c in _ACTOR],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"Actor1Geo_{c}" for c in _GEO], *[f"Actor2Geo_{c}" for c in _GEO], *[f"ActionGeo_{c}" for c in _GEO],
    "DATEADDED", "SOURCEURL",
]

_SQL = """
SELECT e.*, a.url AS source_url, s.kind AS source_kind, t.kind AS target_kind
FROM events e
LEFT JOIN articles a ON a.id = e.first_article_id
LEFT JOIN actors s ON s.id = e.source_actor
LEFT JOIN actors t ON t.id = e.target_actor
WHERE NOT e.negated
ORDER BY e.day NULLS LAST, e.id
"""


def export_gdelt(store: Store, out: str | Path | IO[str]) -> int:
    """Write the store's events as a GDELT 2.0 event table.

    Args:
        store: the store to read.
        out: a file path or an open text stream.

    Returns:
        The number of events written.
    """
    count = 0
    with open_out(out) as stream:
        for row in _rows(store):
            stream.write("\t".join(_clean(v) for v in gdelt_fields(row)) + "\n")
            count += 1
    return count


def _rows(store: Store, batch: int = 10_000) -> Iterator[dict[str, Any]]:
    cursor = store.con.cursor()
    cursor.execute(_SQL)
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(batch):
        for values in chunk:
            yield dict(zip(names, values))
    cursor.close()


def gdelt_fields(row: dict[str, Any]) -> list[Any]:
    """The 61 GDELT values of one events row (joined with its article URL and actor kinds)."""
    day: date | None = row["day"]
    fields = [
        row["gid"], day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *_actor(row, "source"), *_actor(row, "target"),
        1 if row["is_root"] else 0, row["cameo"], (row["cameo"] or "")[:3], row["root"], row["quad_class"],
        row["goldstein"], row["num_mentions"], row["num_sources"], row["num_articles"], "",
        *[""] * len(_GEO), *[""] * len(_GEO), *_action_geo(row),
        _stamp(row.get("added_at")), row["source_url"] or row["first_article_id"],
    ]
    return fields


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    """Code, name, country code, (4 empty codes), type 1 code, (2 empty type codes)."""
    actor, code, role = row[f"{side}_actor"], row[f"{side}_code"], row[f"{side}_role"]
    if actor is None:
        return [""] * len(_ACTOR)
    name = (row[f"{side}_name"] or row[f"{side}_text"] or actor).upper()
    country = actor if row[f"{side}_kind"] == "state" else ""
    kind = role if role and len(role) == 3 and role.isupper() else ""
    return [code or actor, name, country, "", "", "", "", kind, "", ""]


def _action_geo(row: dict[str, Any]) -> list[Any]:
    if row["location_name"] is None and row["lat"] is None:
        return [""] * len(_GEO)
    return ["", row["location_name"], "", "", "", row["lat"], row["lon"], ""]


def _stamp(value: datetime | None) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")
