"""The records the stages exchange: Article in, Document out (the DESIGN.md JSON contract).

Input: nothing (definitions only).
Output: plain dataclasses: Article (ingest -> nlp), Entity, Quote, Timex, Event, Document
(extract -> store/CLI/API), ErrorRecord (any stage -> CLI/store).
Guarantees: every record converts to JSON-ready dicts with ``to_dict()`` and back with
``from_dict()``; field names follow DESIGN.md and are only ever added, never renamed.
Offsets (``start``/``end``) are character offsets into ``Article.text`` / ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _from_dict(cls, data: dict[str, Any]):
    known = _field_names(cls)
    return cls(**{k: v for k, v in data.items() if k in known})


def _plain(value: Any) -> Any:
    """Like ``dataclasses.asdict`` (same keys, same order) without its deep copies: records are
    serialised once per article, and asdict's copying cost more than the JSON itself."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Article:
    """One news article after ingestion.

    ``text`` is the normalised text every offset points into: title, lede, then the body
    blocks (headings and paragraphs), separated by blank lines.
    """

    id: str
    text: str
    title: str = ""
    lede: str = ""
    url: str = ""
    outlet: str = ""
    published: str | None = None
    modified: str | None = None
    language: str = ""
    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    source: str = ""
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return _from_dict(cls, data)


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    name: str = ""
    actor: str | None = None
    role: str | None = None
    title: str | None = None
    code: str | None = None
    actor_source: str | None = None  # "text" (title), "table" (people table), "context", "lexicon"


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_actor: str | None = None
    speaker_role: str | None = None
    direct: bool = True
    cue: str | None = None


@dataclass
class Timex:
    text: str
    value: str
    start: int
    end: int
    kind: str = "date"


@dataclass
class Participant:
    """The source or target of an event."""

    text: str
    actor: str
    role: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None


@dataclass
class Event:
    source: Participant | None
    target: Participant | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str]
    date: str | None
    location: dict[str, Any] | None
    sentence: str
    trigger: dict[str, Any]
    rule: str
    negated: bool = False
    modality: str = "asserted"
    label: str = ""
    sentence_start: int = 0
    quoted: bool = False  # the trigger is inside a direct quotation (the speaker's words)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        data = dict(data)
        for key in ("source", "target"):
            if isinstance(data.get(key), dict):
                data[key] = _from_dict(Participant, data[key])
        return _from_dict(cls, data)


@dataclass
class Document:
    """The extraction result for one article: one JSON line of ``dyads extract``."""

    id: str
    text: str = ""
    url: str = ""
    outlet: str = ""
    title: str = ""
    lede: str = ""
    published: str | None = None
    language: str = ""
    source_file: str = ""
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        doc = _from_dict(cls, data)
        doc.entities = [_from_dict(Entity, e) for e in data.get("entities", [])]
        doc.quotes = [_from_dict(Quote, q) for q in data.get("quotes", [])]
        doc.timexes = [_from_dict(Timex, t) for t in data.get("timexes", [])]
        doc.events = [Event.from_dict(e) for e in data.get("events", [])]
        return doc


@dataclass
class ErrorRecord:
    """A record that could not be processed: where it came from and why."""

    source: str
    reason: str
    line: int | None = None
    stage: str = "ingest"
    id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)
