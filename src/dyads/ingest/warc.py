"""WARC and WARC.gz -> Articles from the HTML pages they archive.

Input: a binary stream holding a WARC file, plain or gzip-compressed (whole-file or per record).
Output: one Article per HTML ``response`` (HTTP 200) or ``resource`` record, with the record's
URL (WARC-Target-URI); the page's own publication date, else the capture date (WARC-Date).
Other records (requests, metadata, images, redirects) are passed over silently.
Guarantees: the file is streamed, never read whole, so ``max_bytes`` bounds each record's
payload rather than the file (a larger page gives an ErrorRecord; reading goes on). ``line``
is the 1-based record number (the warcinfo record counts). A truncated or damaged file gives
one ErrorRecord for the record where it broke and stops there; the records before it have
already been yielded.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from dyads.errors import InputError
from dyads.ingest.html import read_html
from dyads.types import Article, ErrorRecord

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _TrackedStream(io.RawIOBase):
    """The WARC bytes as warcio sees them (gunzipped if need be), noting where the data ends.

    warcio stops silently when a file ends inside a record header or a gzip member; this
    stream lets ``read_warc`` notice: a truncated gzip member sets ``truncated`` (and reads as
    the end of the file), and ``data_end`` is the offset after the last non-blank byte.
    """

    def __init__(self, stream: IO[bytes]):
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
        is_gzip = buffered.peek(2)[:2] == b"\x1f\x8b"
        self._stream: IO[bytes] = gzip.GzipFile(fileobj=buffered, mode="rb") if is_gzip else buffered
        self.position, self.data_end, self.truncated = 0, 0, ""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        try:
            # read1: one underlying read, so data before a truncation point is not lost
            data = self._stream.read1(size)  # type: ignore[attr-defined]
        except EOFError as err:
            self.truncated = f"truncated WARC: the gzip data is cut off ({err})"
            return b""
        kept = data.rstrip(b" \t\r\n")
        if kept:
            self.data_end = self.position + len(kept)
        self.position += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self.position


def read_warc(stream: IO[bytes], *, source: str, max_bytes: int = 50_000_000) -> Iterator[Article | ErrorRecord]:
    """Read the HTML pages of a WARC file.

    Args:
        stream: the file, opened in binary mode (need not be seekable).
        source: the path, kept in ``Article.source`` and error records.
        max_bytes: the largest HTML payload read from one record.

    Yields:
        Articles and ErrorRecords in record order.
    """
    tracked = _TrackedStream(stream)
    archive = ArchiveIterator(tracked)
    records_end, number = 0, 0
    while True:
        number += 1
        try:
            page = _next_page(archive, max_bytes)
            records_end = archive.get_record_offset() + archive.get_record_length()
        except StopIteration:
            if tracked.truncated or tracked.data_end > records_end:
                reason = tracked.truncated or f"truncated WARC: the file ends inside record {number}"
                yield _error(source, number, reason)
            return
        except InputError as err:
            yield _error(source, number, f"{tracked.truncated or err.reason}; reading stopped")
            return
        except Exception as err:  # per-record boundary: warcio fails in many ways on damaged files
            yield _error(source, number, f"unreadable WARC record ({type(err).__name__}: {err}); reading stopped")
            return
        if isinstance(page, str):
            yield _error(source, number, page)
        elif page is not None:
            payload, url, date = page
            yield from read_html(payload, source=source, url=url, line=number, fallback_published=date)


def _next_page(records: ArchiveIterator, max_bytes: int) -> tuple[bytes | str, str, str | None] | str | None:
    """Read the next record to its end.

    Returns:
        (html, url, capture date) for an HTML page; a reason when the page is skipped (over
        ``max_bytes``); None for any other record.

    Raises:
        StopIteration: no more records.
        InputError: the file is not a WARC, or it is cut off inside this record.
    """
    record = next(records)
    if record.format != "warc":
        raise InputError("", f"not a WARC file (record parsed as {record.format!r}, no 'WARC/1.x' header)")
    if record.length is None:  # every WARC header has a Content-Length: this one was cut off
        raise InputError("", "truncated WARC: the file ends inside a record header")
    page: tuple[bytes | str, str, str | None] | str | None = None
    if _is_html_page(record):
        payload = record.content_stream().read(max_bytes + 1)
        page = f"HTML payload over the limit of {max_bytes} bytes; record skipped" if len(payload) > max_bytes \
            else (_decode(payload, _content_type(record)), record.rec_headers.get_header("WARC-Target-URI") or "",
                  record.rec_headers.get_header("WARC-Date"))
    _drain(record)
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError("", f"truncated WARC record: {record.raw_stream.limit} bytes missing")
    return page


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response":
        ok = record.http_headers is not None and record.http_headers.get_statuscode() == "200"
        return ok and _content_type(record).startswith(_HTML_TYPES)
    return record.rec_type == "resource" and _content_type(record).startswith(_HTML_TYPES)


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower() if headers else ""


def _decode(payload: bytes, content_type: str) -> bytes | str:
    """Decode with the HTTP charset when it is declared and right; else let trafilatura guess."""
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type)
    if not m:
        return payload
    try:
        return payload.decode(m.group(1))
    except (LookupError, UnicodeDecodeError):
        return payload


def _drain(record: Any) -> None:
    while record.raw_stream.read(65536):
        pass


def _error(source: str, number: int, reason: str) -> ErrorRecord:
    return ErrorRecord(source=source, line=number, stage="ingest", reason=reason)
