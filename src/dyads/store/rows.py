"""Documents -> table rows: the one place that decides what a stored row holds.

Input: ``dyads.types.Document`` records (the DESIGN.md JSON contract).
Output: ``TableRows``, plain dicts per table (articles, entities, quotes, timexes,
event_mentions, actor_mentions), with the columns listed in ``schema.COLUMNS``.
Guarantees: pure functions, no database; the same Document always gives the same rows (the
DuckDB store and the Spark job both call ``document_rows``, so they agree row for row).
Every mention carries its deduplication key and event id: the key is (source actor, target
actor, CAMEO code, date at day precision when known, else month, else year), with the pair
ordered for symmetric CAMEO roots (04, 05, 06) and negated mentions kept apart; the event id
is a hash of the key, so the same event gets the same id in any store, in any order.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dyads.types import Document, Event, Participant

SYMMETRIC_ROOTS = frozenset({"04", "05", "06"})
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:$|[^\d])")
_YEAR = re.compile(r"^(\d{4})(?:$|[^\d])")


@dataclass
class TableRows:
    """Rows of one or more documents, per table."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    actor_mentions: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: "TableRows") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


@dataclass(frozen=True)
class DatePoint:
    """A date as reported, reduced to what the store indexes on."""

    key: str  # "2021-10-19", "2021-10", "2021" or "" when unknown
    day: date | None  # first day of the period
    precision: str  # "day" | "month" | "year" | "none"


def parse_date(value: str | None) -> DatePoint:
    """Read an ISO-like date string at the precision it has.

    Args:
        value: "2021-10-19", "2021-10-19T22:22:00+02:00", "2021-10", "2021" or None.

    Returns:
        The DatePoint; precision "none" when nothing date-like is found.
    """
    text = (value or "").strip()
    for pattern, precision in ((_DAY, "day"), (_MONTH, "month"), (_YEAR, "year")):
        found = pattern.match(text)
        if found and _valid(found.groups()):
            parts = [int(p) for p in found.groups()] + [1] * (3 - len(found.groups()))
            return DatePoint("-".join(found.groups()), date(*parts), precision)
    return DatePoint("", None, "none")


def _valid(groups: tuple[str, ...]) -> bool:
    parts = [int(p) for p in groups] + [1] * (3 - len(groups))
    try:
        date(*parts)
    except ValueError:
        return False
    return True


def event_key(source: str, target: str, cameo: str, when: DatePoint, *, negated: bool) -> str:
    """The deduplication key of an event (the pair already ordered for symmetric roots)."""
    key = f"{source}|{target}|{cameo}|{when.key}"
    return key + "|neg" if negated else key


def event_id(key: str) -> str:
    """Stable 16-hex-digit id of an event key."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def gdelt_id(event_id_: str) -> int:
    """A positive 60-bit integer for tools that want GDELT's numeric GLOBALEVENTID."""
    return int(event_id_[:15], 16)


def document_rows(document: Document) -> TableRows:
    """All rows one Document contributes.

    Args:
        document: an extraction result.

    Returns:
        The rows per table; ``articles`` holds exactly one row.
    """
    published = parse_date(document.published)
    rows = TableRows(articles=[_article_row(document, published)])
    rows.entities = [_entity_row(document, i, e) for i, e in enumerate(document.entities)]
    rows.quotes = [_quote_row(document, i, q) for i, q in enumerate(document.quotes)]
    rows.timexes = [
        {"article_id": document.id, "idx": i, "text": t.text, "value": t.value,
         "start": t.start, "end": t.end, "kind": t.kind}
        for i, t in enumerate(document.timexes)
    ]
    lead_end = _lead_end(document)
    rows.event_mentions = [
        _mention_row(document, i, event, published, lead_end) for i, event in enumerate(document.events)
    ]
    rows.actor_mentions = _actor_mentions(document, published)
    return rows


def _article_row(document: Document, published: DatePoint) -> dict[str, Any]:
    return {
        "id": document.id, "url": document.url, "outlet": document.outlet,
        "title": document.title, "lede": document.lede, "published": document.published,
        "pub_date": published.day if published.precision == "day" else None,
        "language": document.language, "source_file": document.source_file, "text": document.text,
        "n_events": len(document.events), "n_quotes": len(document.quotes),
        "n_entities": len(document.entities),
    }


def _entity_row(document: Document, idx: int, entity: Any) -> dict[str, Any]:
    return {
        "article_id": document.id, "idx": idx, "text": entity.text, "label": entity.label,
        "start": entity.start, "end": entity.end, "name": entity.name or entity.text,
        "actor": entity.actor, "role": entity.role, "title": entity.title, "code": entity.code,
    }


def _quote_row(document: Document, idx: int, quote: Any) -> dict[str, Any]:
    return {
        "id": f"{document.id}#q{idx}", "article_id": document.id, "idx": idx, "text": quote.text,
        "start": quote.start, "end": quote.end, "speaker": quote.speaker,
        "speaker_actor": quote.speaker_actor, "speaker_role": quote.speaker_role,
        "direct": bool(quote.direct), "cue": quote.cue,
    }


def _lead_end(document: Document) -> int:
    """Offset where the first paragraph after the title ends (GDELT's IsRootEvent)."""
    start = len(document.title) + 2 if document.title and document.text.startswith(document.title) else 0
    end = document.text.find("\n\n", start)
    return len(document.text) if end < 0 else end


def _mention_row(document: Document, idx: int, event: Event, published: DatePoint, lead_end: int) -> dict[str, Any]:
    when, date_source = parse_date(event.date), "text"
    if when.precision == "none" and published.precision != "none":
        when, date_source = published, "published"
    source, target = event.source, event.target
    first, second = source, target
    if event.root in SYMMETRIC_ROOTS and _actor(target) < _actor(source):
        first, second = target, source
    key = event_key(_actor(first), _actor(second), event.cameo, when, negated=event.negated)
    if when.precision == "none":
        key += f"|{document.id}"  # undated and unpublished: never merged across articles
    trigger = event.trigger or {}
    location = event.location or {}
    eid = event_id(key)
    row = {
        "event_id": eid, "event_gid": gdelt_id(eid), "article_id": document.id, "idx": idx, "event_key": key,
        "rep_order": f"{published.key or '9999'}|{document.id}|{idx:06d}",
        "outlet": document.outlet or None, "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "rule": event.rule, "negated": bool(event.negated), "modality": event.modality,
        "label": event.label, "is_lead": event.sentence_start < lead_end,
        "cameo": event.cameo, "root": event.root, "quad_class": event.quad_class,
        "goldstein": float(event.goldstein) if event.goldstein is not None else None,
        "plover_type": (event.plover or {}).get("type"), "plover_mode": (event.plover or {}).get("mode"),
        "date": event.date, "date_key": when.key, "day": when.day,
        "month": when.day.strftime("%Y-%m") if when.day else "unknown", "date_precision": when.precision,
        "date_source": date_source if when.precision != "none" else None,
        "location_name": location.get("name"), "location_country": location.get("country"),
        "lat": _float(location.get("lat")), "lon": _float(location.get("lon")),
    }
    row.update(_participant_columns("m_source", source, offsets=True))
    row.update(_participant_columns("m_target", target, offsets=True))
    row.update(_participant_columns("source", first))
    row.update(_participant_columns("target", second))
    return row


def _actor(participant: Participant | None) -> str:
    return (participant.actor or "") if participant else ""


def _participant_columns(prefix: str, participant: Participant | None, *, offsets: bool = False) -> dict[str, Any]:
    p = participant
    if offsets:
        return {f"{prefix}_text": p.text if p else None, f"{prefix}_start": p.start if p else None,
                f"{prefix}_end": p.end if p else None}
    return {
        f"{prefix}_actor": (p.actor or None) if p else None, f"{prefix}_code": p.code if p else None,
        f"{prefix}_text": p.text if p else None, f"{prefix}_role": p.role if p else None,
        f"{prefix}_name": p.name if p else None,
    }


def _float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _actor_mentions(document: Document, published: DatePoint) -> list[dict[str, Any]]:
    """Every sighting of an actor in the text: entities, event participants, quote speakers."""
    day = published.day
    rows = [
        _sighting(document.id, day, e.actor, e.role, e.code, "entity", e.name or e.text, e.label, e.title)
        for e in document.entities if e.actor
    ]
    for event in document.events:
        for via, p in (("source", event.source), ("target", event.target)):
            if p and p.actor:
                rows.append(_sighting(document.id, day, p.actor, p.role, p.code, via, p.name or p.text, None, None))
    persons = {e.name or e.text for e in document.entities if e.label == "PER"} | {
        e.text for e in document.entities if e.label == "PER"}
    rows.extend(
        _sighting(document.id, day, q.speaker_actor, q.speaker_role, None, "speaker", q.speaker,
                  "PER" if q.speaker in persons else None, None)
        for q in document.quotes if q.speaker_actor and q.speaker
    )
    return rows


def _sighting(article_id: str, day: date | None, actor: str, role: str | None, code: str | None,
              via: str, name: str | None, label: str | None, title: str | None) -> dict[str, Any]:
    return {"article_id": article_id, "pub_date": day, "actor": actor, "role": role, "code": code,
            "via": via, "name": name, "label": label, "title": title}
