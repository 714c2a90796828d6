"""Read queries over a dyads DuckDB store: connection + filters -> lists of plain dicts.

Input: an open DuckDB connection on a store (``store.schema`` tables, ``dyads_tokens`` macro)
and the filter values a user typed.
Output: JSON-ready dicts (dates as ISO strings), shapes documented on each function and in
docs/SCHEMA.md.
Guarantees: user values reach SQL only as bound parameters; the only SQL text chosen from user
input is looked up in the fixed tables ``SORTS`` and ``PERIODS`` (anything else is a
``ValueError``). A text filter that matches nothing returns ``[]``, never an error.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from dyads.store.rows import parse_date

SORTS = {
    "date": "e.day", "goldstein": "e.goldstein", "cameo": "e.cameo", "quad_class": "e.quad_class",
    "num_mentions": "e.num_mentions", "num_sources": "e.num_sources", "num_articles": "e.num_articles",
}
PERIODS = {
    "day": "strftime(day, '%Y-%m-%d')", "week": "strftime(day, '%G-W%V')",
    "month": "strftime(day, '%Y-%m')", "year": "strftime(day, '%Y')",
}
SYMMETRIC = "root IN ('04', '05', '06')"
MAX_LIMIT = 100_000

# Mentions (article_id, idx, event_id) or articles (article_id) holding every token of ?.
MATCH_SQL = """
SELECT article_id, idx, event_id FROM search_tokens
WHERE unit = ? AND token IN (SELECT unnest(dyads_tokens(?)))
GROUP BY article_id, idx, event_id
HAVING count(DISTINCT token) = len(dyads_tokens(?))
"""

# -- helpers ---------------------------------------------------------------------------------

def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [{n: _json(v) for n, v in zip(names, row)} for row in cursor.fetchall()]


def _json(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def clamp_limit(value: int) -> int:
    return max(0, min(int(value), MAX_LIMIT))


def _upper(value: str) -> str:
    return value.strip().upper()


def period_bounds(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """``since`` -> first day included; ``until`` -> first day excluded (the whole period counts).

    Raises:
        ValueError: a value that is not YYYY, YYYY-MM or YYYY-MM-DD.
    """
    return _start(since, "since"), _end(until, "until")


def _start(value: str | None, name: str) -> date | None:
    if not value:
        return None
    point, text = parse_date(value), value.strip()
    exact = text == point.key or (point.precision == "day" and text.startswith(point.key + "T"))
    if point.day is None or not exact:  # "2021-13-45" is an error, not "2021"
        raise ValueError(f"--{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return point.day


def _end(value: str | None, name: str) -> date | None:
    start = _start(value, name)
    if start is None:
        return None
    precision = parse_date(value).precision
    if precision == "day":
        return start + timedelta(days=1)
    if precision == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _date_filter(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    start, end = period_bounds(since, until)
    where, params = [], []
    if start:
        where.append(f"{column} >= ?")
        params.append(start)
    if end:
        where.append(f"{column} < ?")
        params.append(end)
    return where, params


def in_list(column: str, values: list[Any]) -> tuple[str, list[Any]]:
    """``column IN (?, ?, ...)``: one bound parameter per value, so DuckDB can use its index
    (an ``IN (SELECT unnest(?))`` scans the table); huge lists fall back to the unnest form."""
    if not values:
        return "false", []
    if len(values) > 5000:
        return f"{column} IN (SELECT unnest(?::VARCHAR[]))", [list(values)]
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


# -- articles --------------------------------------------------------------------------------

def articles(con: duckdb.DuckDBPyConnection, *, limit: int = 50, offset: int = 0,
             q: str | None = None) -> list[dict[str, Any]]:
    """Articles, newest first: id, title, outlet, published, language, url, n_events, n_quotes."""
    where, params = [], []
    if q and q.strip():
        where.append("(id IN (SELECT article_id FROM (" + MATCH_SQL + ")) "
                     "OR contains(strip_accents(lower(title)), strip_accents(lower(?))))")
        params += ["article", q, q, q.strip()]
    sql = ("SELECT id, title, outlet, published, language, url, n_events, n_quotes FROM articles"
           + _where(where) + " ORDER BY pub_date DESC NULLS LAST, id LIMIT ? OFFSET ?")
    return fetch(con, sql, params + [clamp_limit(limit), max(0, int(offset))])


def article(con: duckdb.DuckDBPyConnection, id: str) -> dict[str, Any] | None:
    """One article: every column, plus spans, events (each with this article's mention),
    quotes and entities."""
    found = fetch(con, "SELECT * FROM articles WHERE id = ?", [id])
    if not found:
        return None
    result = found[0]
    result["entities"] = fetch(con, "SELECT * FROM entities WHERE article_id = ? ORDER BY idx", [id])
    result["quotes"] = fetch(con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [id])
    mentions = fetch(con, "SELECT * FROM event_mentions WHERE article_id = ? ORDER BY idx", [id])
    events_by_id = {e["id"]: e for e in _events_by_ids(con, [m["event_id"] for m in mentions])}
    result["events"] = [
        {**events_by_id[m["event_id"]], "mention": _mention_dict(m)} for m in mentions if m["event_id"] in events_by_id
    ]
    result["spans"] = _spans(mentions, result["quotes"], result["entities"])
    return result


def _spans(mentions: list[dict], quotes: list[dict], entities: list[dict]) -> list[dict[str, Any]]:
    spans = []
    for m in mentions:
        spans.append(_span(m["trigger_start"], m["trigger_end"], "trigger", m["event_id"], m["label"] or m["cameo"]))
        spans.append(_span(m["m_source_start"], m["m_source_end"], "source", m["event_id"], m["source_actor"]))
        spans.append(_span(m["m_target_start"], m["m_target_end"], "target", m["event_id"], m["target_actor"]))
    spans += [_span(q["start"], q["end"], "quote", q["id"], q["speaker"]) for q in quotes]
    spans += [_span(e["start"], e["end"], "entity", e["actor"], e["label"]) for e in entities]
    return sorted((s for s in spans if s), key=lambda s: (s["start"], s["end"], s["kind"]))


def _span(start: int | None, end: int | None, kind: str, ref: str | None, label: str | None) -> dict | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "kind": kind, "ref": ref, "label": label}


# -- events ----------------------------------------------------------------------------------

def events(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, source: str | None = None,
           target: str | None = None, code: str | None = None, root: str | None = None,
           quad_class: int | None = None, since: str | None = None, until: str | None = None,
           q: str | None = None, limit: int = 100, offset: int = 0, sort: str = "date",
           desc: bool = True) -> list[dict[str, Any]]:
    """Events matching every filter given, each with its first mention.

    Args:
        actor: actor id or CAMEO actor code on either side; source / target: on that side.
        code: CAMEO event code, exact ("174") or a glob ("16*").
        root: CAMEO root ("17"); quad_class: 1-4; since / until: YYYY[-MM[-DD]], inclusive.
        q: words that must all occur in the sentence of one of the event's mentions.
        sort: one of ``SORTS``; desc: descending.

    Raises:
        ValueError: unknown sort, malformed date.
    """
    if sort not in SORTS:
        raise ValueError(f"sort {sort!r}: expected one of {', '.join(SORTS)}")
    where, params = _event_filters(actor, source, target, code, root, quad_class, q)
    dates, date_params = _date_filter("e.day", since, until)
    order = f"{SORTS[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, e.id"
    # the page of ids first (a narrow scan), then the full rows of that page only
    page = con.execute(f"SELECT e.id FROM events e{_where(where + dates)} ORDER BY {order} LIMIT ? OFFSET ?",
                       params + date_params + [clamp_limit(limit), max(0, int(offset))]).fetchall()
    return _events_by_ids(con, [row[0] for row in page])


def _event_filters(actor: str | None, source: str | None, target: str | None, code: str | None,
                   root: str | None, quad_class: int | None, q: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for value, sides in ((actor, ("source", "target")), (source, ("source",)), (target, ("target",))):
        if value:
            where.append("(" + " OR ".join(f"e.{s}_actor = ? OR e.{s}_code = ?" for s in sides) + ")")
            params += [_upper(value)] * 2 * len(sides)
    if code:
        where.append("e.cameo GLOB ?" if any(c in code for c in "*?[") else "e.cameo = ?")
        params.append(code.strip())
    if root:
        where.append("e.root = ?")
        params.append(root.strip().zfill(2))
    if quad_class is not None:
        where.append("e.quad_class = ?")
        params.append(int(quad_class))
    if q and q.strip():
        where.append("e.id IN (SELECT event_id FROM (" + MATCH_SQL + "))")
        params += ["mention", q, q]
    return where, params


def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An events row (+ m_* first-mention columns) as the documented nested dict."""
    event = {
        "id": row["id"], "gid": row["gid"],
        "source": _participant(row, "source"), "target": _participant(row, "target"),
        "cameo": row["cameo"], "root": row["root"], "quad_class": row["quad_class"],
        "goldstein": row["goldstein"], "plover_type": row["plover_type"], "plover_mode": row["plover_mode"],
        "date": row["date_key"] or None, "day": row["day"], "date_precision": row["date_precision"],
        "date_source": row["date_source"], "date_reported": row["date"],
        "location": _location(row), "negated": row["negated"], "is_root": row["is_root"],
        "num_mentions": row["num_mentions"], "num_sources": row["num_sources"],
        "num_articles": row["num_articles"],
    }
    if "m_article_id" in row:
        event["mention"] = {
            "article_id": row["m_article_id"], "idx": row["m_idx"], "title": row["m_title"],
            "outlet": row["m_outlet"], "url": row["m_url"], "published": row["m_published"],
            "sentence": row["m_sentence"], "sentence_start": row["m_sentence_start"],
            "trigger": {"text": row["m_trigger_text"], "start": row["m_trigger_start"], "end": row["m_trigger_end"]},
        }
    return event


def _participant(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if row[f"{side}_actor"] is None and row[f"{side}_text"] is None:
        return None
    return {k: row[f"{side}_{k}"] for k in ("actor", "code", "text", "role", "name")}


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    keys = ("location_name", "location_country", "lat", "lon")
    if all(row[k] is None for k in keys):
        return None
    return {"name": row["location_name"], "country": row["location_country"], "lat": row["lat"], "lon": row["lon"]}


def _events_by_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """Event dicts (with their first mention) in the order of ``ids``; unknown ids are left out."""
    if not ids:
        return []
    clause, params = in_list("id", ids)
    rows = {row["id"]: row for row in fetch(con, f"SELECT * FROM events WHERE {clause}", params)}
    clause, params = in_list("event_id", list(rows))
    mentions = {(m["article_id"], m["idx"]): m for m in fetch(
        con, "SELECT article_id, idx, sentence, sentence_start, trigger_text, trigger_start, trigger_end "
             f"FROM event_mentions WHERE {clause}", params)}
    clause, params = in_list("id", sorted({r["first_article_id"] for r in rows.values()}))
    articles = {a["id"]: a for a in fetch(con, f"SELECT id, title, outlet, url, published FROM articles WHERE {clause}",
                                           params)}
    out = []
    for id_ in dict.fromkeys(ids):
        if id_ in rows:
            row = rows[id_]
            mention = mentions.get((row["first_article_id"], row["first_mention_idx"]), {})
            source = articles.get(row["first_article_id"], {})
            row.update({f"m_{k}": mention.get(k) for k in ("article_id", "idx", "sentence", "sentence_start",
                                                          "trigger_text", "trigger_start", "trigger_end")})
            row.update({f"m_{k}": source.get(k) for k in ("title", "outlet", "url", "published")})
            out.append(_event_dict(row))
    return out


def event(con: duckdb.DuckDBPyConnection, id: str) -> dict[str, Any] | None:
    """One event (as in ``events``) plus ``mentions``: every sentence that reports it."""
    found = _events_by_ids(con, [id])
    if not found:
        return None
    mentions = fetch(
        con,
        "SELECT m.*, a.title, a.url, a.published FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id = ? ORDER BY m.rep_order", [id])
    return {**found[0], "mentions": [_mention_dict(m) for m in mentions]}


def _mention_dict(m: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": m["article_id"], "idx": m["idx"], "title": m.get("title"), "outlet": m["outlet"],
        "url": m.get("url"), "published": m.get("published"), "sentence": m["sentence"],
        "sentence_start": m["sentence_start"],
        "trigger": {"text": m["trigger_text"], "start": m["trigger_start"], "end": m["trigger_end"]},
        "source": {"text": m["m_source_text"], "start": m["m_source_start"], "end": m["m_source_end"]},
        "target": {"text": m["m_target_text"], "start": m["m_target_start"], "end": m["m_target_end"]},
        "rule": m["rule"], "negated": m["negated"], "modality": m["modality"], "label": m["label"],
        "date": m["date"], "is_lead": m["is_lead"],
    }


# -- dyads and networks ----------------------------------------------------------------------

def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month", since: str | None = None,
         until: str | None = None) -> list[dict[str, Any]]:
    """Events between two actors per period, in both directions and together.

    Rows (only periods with events, oldest first): ``{period, a_to_b: {count, q1, q2, q3, q4,
    goldstein_mean}, b_to_a: {...}, net: {count, goldstein_mean, goldstein_total, cooperation,
    conflict}}``. Symmetric events (CAMEO roots 04-06: consult, diplomatic and material
    cooperation) count in both directions and once in ``net``; negated and undated events are
    left out. An event dated to a month is counted in the period holding the month's first day.

    Raises:
        ValueError: ``by`` not in day/week/month/year, malformed date.
    """
    if by not in PERIODS:
        raise ValueError(f"by {by!r}: expected one of {', '.join(PERIODS)}")
    dates, date_params = _date_filter("day", since, until)
    params = {"a": _upper(a), "b": _upper(b)}
    params.update({f"d{i}": v for i, v in enumerate(date_params)})
    dates = [clause.replace("?", f"$d{i}") for i, clause in enumerate(dates)]
    rows = con.execute(_dyad_sql(PERIODS[by], dates), params).fetchall()
    return [_dyad_row(row) for row in rows]


def _dyad_sql(period: str, dates: list[str]) -> str:
    def block(flag: str) -> str:
        quads = ", ".join(f"count(*) FILTER (WHERE {flag} AND quad_class = {q})" for q in range(1, 5))
        return f"count(*) FILTER (WHERE {flag}), {quads}, avg(goldstein) FILTER (WHERE {flag})"

    extra = "".join(f" AND {d}" for d in dates)
    return f"""
SELECT {period} AS period, {block('ab')}, {block('ba')},
       count(*), avg(goldstein), sum(goldstein),
       count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
FROM (
    SELECT day, quad_class, goldstein,
           (source_actor = $a AND target_actor = $b) OR ({SYMMETRIC} AND source_actor = $b AND target_actor = $a) AS ab,
           (source_actor = $b AND target_actor = $a) OR ({SYMMETRIC} AND source_actor = $a AND target_actor = $b) AS ba
    FROM events
    WHERE ((source_actor = $a AND target_actor = $b) OR (source_actor = $b AND target_actor = $a))
      AND day IS NOT NULL AND NOT negated{extra}
)
GROUP BY period ORDER BY period
"""


def _dyad_row(row: tuple) -> dict[str, Any]:
    def direction(values: tuple) -> dict[str, Any]:
        count, q1, q2, q3, q4, mean = values
        return {"count": count, "q1": q1, "q2": q2, "q3": q3, "q4": q4, "goldstein_mean": _round(mean)}

    net_count, net_mean, net_sum, coop, conflict = row[13:18]
    return {
        "period": row[0], "a_to_b": direction(row[1:7]), "b_to_a": direction(row[7:13]),
        "net": {"count": net_count, "goldstein_mean": _round(net_mean), "goldstein_total": _round(net_sum),
                "cooperation": coop, "conflict": conflict},
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def network(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
            min_events: int = 1, limit: int = 300) -> list[dict[str, Any]]:
    """Directed actor pairs with at least ``min_events`` events (negated ones left out):
    ``{source, target, count, goldstein_mean}``, busiest first."""
    dates, params = _date_filter("day", since, until)
    where = ["source_actor IS NOT NULL", "target_actor IS NOT NULL", "NOT negated"] + dates
    sql = ("SELECT source_actor AS source, target_actor AS target, count(*) AS count, "
           "round(avg(goldstein), 4) AS goldstein_mean FROM events" + _where(where)
           + " GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY count DESC, source, target LIMIT ?")
    return fetch(con, sql, params + [max(1, int(min_events)), clamp_limit(limit)])


# -- quotes and actors -----------------------------------------------------------------------

def quotes(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, actor: str | None = None,
           article_id: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, newest article first; ``speaker`` is a case- and accent-insensitive substring."""
    where, params = [], []
    if speaker and speaker.strip():
        where.append("contains(strip_accents(lower(q.speaker)), strip_accents(lower(?)))")
        params.append(speaker.strip())
    if actor:
        where.append("q.speaker_actor = ?")
        params.append(_upper(actor))
    if article_id:
        where.append("q.article_id = ?")
        params.append(article_id)
    sql = ("SELECT q.*, a.title, a.outlet, a.published, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"
           + _where(where) + " ORDER BY a.pub_date DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?")
    return fetch(con, sql, params + [clamp_limit(limit), max(0, int(offset))])


def actors(con: duckdb.DuckDBPyConnection, *, role: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Actors, most active first: ``{id, name, kind, roles: [{role, n, first_seen, last_seen}],
    n_events_source, n_events_target, n_mentions, people: [{name, role, title, first_seen,
    last_seen, n_mentions}]}``; ``role`` keeps actors seen at least once in that role."""
    where, params = [], []
    if role and role.strip():
        where.append("a.id IN (SELECT actor FROM actor_mentions WHERE upper(role) = ?)")
        params.append(_upper(role))
    sql = """
WITH src AS (SELECT source_actor AS actor, count(*) AS n FROM events GROUP BY 1),
     tgt AS (SELECT target_actor AS actor, count(*) AS n FROM events GROUP BY 1),
     men AS (SELECT actor, count(*) FILTER (WHERE via = 'entity') AS n FROM actor_mentions GROUP BY 1)
SELECT a.id, a.name, a.kind, coalesce(src.n, 0) AS n_events_source, coalesce(tgt.n, 0) AS n_events_target,
       coalesce(men.n, 0) AS n_mentions
FROM actors a LEFT JOIN src ON src.actor = a.id LEFT JOIN tgt ON tgt.actor = a.id
LEFT JOIN men ON men.actor = a.id""" + _where(where) + """
ORDER BY n_events_source + n_events_target + n_mentions DESC, a.id LIMIT ?"""
    found = fetch(con, sql, params + [clamp_limit(limit)])
    ids = [a["id"] for a in found]
    roles, people = _roles(con, ids), _people(con, ids)
    for a in found:
        a["roles"] = roles.get(a["id"], [])
        a["people"] = people.get(a["id"], [])
    return found


def _roles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = fetch(con, """
SELECT actor, role, count(*) AS n, min(pub_date) AS first_seen, max(pub_date) AS last_seen
FROM actor_mentions WHERE role IS NOT NULL AND actor IN (SELECT unnest(?::VARCHAR[]))
GROUP BY actor, role ORDER BY actor, n DESC, role""", [ids])
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row.pop("actor"), []).append(row)
    return out


def _people(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = fetch(con, """
SELECT actor, name, mode(role) AS role,
       arg_max(title, coalesce(pub_date, DATE '0001-01-01')) AS title,
       min(pub_date) AS first_seen, max(pub_date) AS last_seen, count(*) AS n_mentions
FROM actor_mentions WHERE label = 'PER' AND name IS NOT NULL AND actor IN (SELECT unnest(?::VARCHAR[]))
GROUP BY actor, name ORDER BY actor, n_mentions DESC, name""", [ids])
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row.pop("actor"), []).append(row)
    return out
