"""JSON Lines (and whole-file JSON) -> Articles, one per record.

Input: UTF-8 bytes, one JSON object per line: ``text`` is required; ``id``, ``title``, ``lede``,
``outlet``, ``published``, ``url`` and ``language`` are optional (the format of
../shared/eval/to_jsonl.py). A ``.json`` file may also hold one object or a list of them.
Output: one Article per good record, one ErrorRecord (with its line number) per bad one.
Guarantees: a broken line never stops the file; a ``.jsonl`` file (gzipped or not) is read line
by line, so its size is not limited, only each line's (``read_jsonl_stream``); blank lines are skipped silently; the input
``id`` becomes ``Article.id``; a ``text`` without a ``title`` goes through the layout
recognition of text.py (so a raw scraped page in ``text`` gets its title, lede and dates).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from dyads.errors import InputError
from dyads.ingest.clean import decode_bytes
from dyads.ingest.text import article_from_text, build_record
from dyads.types import Article, ErrorRecord

FIELDS = ("id", "title", "lede", "outlet", "published", "url", "language")


def read_jsonl(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    """Read a JSON Lines file.

    Args:
        data: the file's bytes.
        source: the path, kept in ``Article.source`` and error records.

    Yields:
        An Article or an ErrorRecord per non-blank line; ``line`` is the 1-based line number.
    """
    yield from read_jsonl_stream(io.BytesIO(data), source=source, max_line_bytes=len(data) + 1)


def read_jsonl_stream(stream: IO[bytes], *, source: str, max_line_bytes: int = 50_000_000
                      ) -> Iterator[Article | ErrorRecord]:
    """Read JSON Lines from a binary stream one line at a time, so a file of any size is read in
    constant memory; a line over ``max_line_bytes`` is skipped with an error record.

    Yields:
        An Article or an ErrorRecord per non-blank line; ``line`` is the 1-based line number.
    """
    number = 0
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # the rest of the long line
                raw = stream.readline(1 << 20)
            yield ErrorRecord(source=source, line=number, stage="ingest",
                              reason=f"line is over the limit of {max_line_bytes} bytes; not read")
            continue
        if raw.strip():
            yield build_record(lambda raw=raw, number=number: _article_from_line(raw, source, number),
                               source=source, line=number)


def read_json(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    """Read a ``.json`` file: one object, a list of objects, or (failing both) JSON Lines.

    Yields:
        An Article or ErrorRecord per object; ``line`` is the object's 1-based position.
    """
    try:
        text = decode_bytes(data, source=source)
    except InputError as err:
        yield ErrorRecord(source=source, reason=err.reason, stage="ingest")
        return
    try:
        document = json.loads(text)
    except ValueError:
        yield from read_jsonl(data, source=source)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        yield build_record(lambda record=record, number=number: article_from_record(record, source=source, line=number),
                           source=source, line=number)


def _article_from_line(raw: bytes, source: str, number: int) -> Article:
    text = decode_bytes(raw, source=source, line=number)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(source, f"invalid JSON: {err.msg} at column {err.colno}", number) from err
    return article_from_record(record, source=source, line=number)


def article_from_record(record: Any, *, source: str, line: int | None = None) -> Article:
    """Build an Article from one decoded JSON record.

    Raises:
        InputError: the record is not an object, has no usable ``text``, or a field has the
            wrong type.
    """
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}", line)
    text = record.get("text")
    if not isinstance(text, str):
        reason = "no 'text' field" if text is None else f"'text' must be a string, got {type(text).__name__}"
        raise InputError(source, reason, line)
    if not text.strip():
        raise InputError(source, "'text' is empty", line)
    given = {name: _field(record, name, source, line) for name in FIELDS}
    return article_from_text(text, source=source, line=line, **given)


def _field(record: dict[str, Any], name: str, source: str, line: int | None) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(source, f"'{name}' must be a string, got {type(value).__name__}", line)
