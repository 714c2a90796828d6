"""Ingestion: files, folders, globs or stdin -> Iterator[Article | ErrorRecord].

Input: PATH items: files, folders (read recursively: files with a known extension, hidden
files skipped), glob patterns ("corpus/**/*.txt"), or "-" for standard input.
Output: Articles (types.Article) and ErrorRecords (stage "ingest"), in path order.
Guarantees:
- The reader is chosen by extension (.txt .md -> text.py; .jsonl .ndjson .json -> jsonl.py;
  .html .htm -> html.py; .rss .atom -> feed.py; .warc .warc.gz -> warc.py; other .gz files
  by the name inside) and, for unknown extensions, .xml and stdin, by sniffing the content.
- A bad file or record (missing, empty, binary, undecodable, over ``max_bytes``, broken JSON
  line, truncated WARC) gives one ErrorRecord with a specific reason; the run goes on.
- JSON Lines files (.jsonl, .ndjson, and their .gz) are streamed line by line: their size is not
  limited, each line is (``max_bytes``); WARC files are streamed record by record.
- The same normalised text read twice is yielded once; repeats are counted in
  ``stats.skipped``. ``stats.read`` and ``stats.failed`` count Articles and ErrorRecords.
- Nothing is downloaded unless ``fetch=True`` (feed entries' links, over HTTP(S)).
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyads.errors import InputError
from dyads.ingest.clean import decode_bytes
from dyads.ingest.feed import Fetcher, read_feed
from dyads.ingest.html import read_html
from dyads.ingest.jsonl import read_json, read_jsonl, read_jsonl_stream
from dyads.ingest.text import read_text
from dyads.ingest.warc import read_warc
from dyads.types import Article, ErrorRecord

__all__ = ["IngestStats", "InputStream", "read_inputs", "sniff_kind"]

STDIN = "-"
_SUFFIX_KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "sniff",
    ".warc": "warc", ".gz": "gz",
}
Record = Article | ErrorRecord


@dataclass
class IngestStats:
    """Counts for the CLI: articles yielded, duplicates skipped, error records yielded."""

    read: int = 0
    skipped: int = 0
    failed: int = 0


class InputStream(Iterator[Record]):
    """The iterator ``read_inputs`` returns; ``stats`` is up to date after each item."""

    def __init__(self, records: Iterator[Record], stats: IngestStats):
        self._records, self.stats = records, stats

    def __next__(self) -> Record:
        return next(self._records)


def read_inputs(paths: Iterable[str | Path], *, fetch: bool = False, max_bytes: int = 50_000_000,
                stats: IngestStats | None = None) -> InputStream:
    """Read articles from files, folders, globs or stdin ("-").

    Args:
        paths: the PATH items.
        fetch: download the pages that feed entries link to (HTTP(S), rate-limited per host).
        max_bytes: the largest file (or stdin, or decompressed .gz) read; WARC files are
            streamed and the limit bounds each record's payload instead.
        stats: counters to update; a new IngestStats when omitted.

    Returns:
        An iterator of Article and ErrorRecord with a ``stats`` attribute.
    """
    stats = stats if stats is not None else IngestStats()
    items = [paths] if isinstance(paths, (str, Path)) else paths  # one path, not its characters
    return InputStream(_read_all([str(p) for p in items], fetch, max_bytes, stats), stats)


def _read_all(paths: list[str], fetch: bool, max_bytes: int, stats: IngestStats) -> Iterator[Record]:
    seen: set[bytes] = set()
    fetcher = Fetcher(max_bytes=max_bytes) if fetch else None
    try:
        for item in _expand(paths):
            records = [item] if isinstance(item, ErrorRecord) else _read_source(item, max_bytes, fetcher)
            for record in records:
                if _count(record, seen, stats):
                    yield record
    finally:
        if fetcher:
            fetcher.close()


def _count(record: Record, seen: set[bytes], stats: IngestStats) -> bool:
    """Update the counters; False for a duplicate article (not to be yielded)."""
    if isinstance(record, ErrorRecord):
        stats.failed += 1
        return True
    key = hashlib.sha1(record.text.encode("utf-8")).digest()
    if key in seen:
        stats.skipped += 1
        return False
    seen.add(key)
    stats.read += 1
    return True


def _expand(paths: list[str]) -> Iterator[str | ErrorRecord]:
    for item in paths:
        path = Path(item)
        if item == STDIN or path.is_file():
            yield item
        elif path.is_dir():
            yield from _folder_files(path)
        elif glob.has_magic(item):
            yield from _glob_files(item)
        else:
            yield ErrorRecord(source=item, reason="no such file or folder", stage="ingest")


def _folder_files(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and _kind_by_name(path.name) not in (None, "gz-unknown"):
            yield str(path)


def _glob_files(pattern: str) -> Iterator[str | ErrorRecord]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield ErrorRecord(source=pattern, reason="no file matches this pattern", stage="ingest")
    for match in matches:
        yield from _folder_files(Path(match)) if Path(match).is_dir() else [match]


def _kind_by_name(name: str) -> str | None:
    """The reader for a file name; "sniff" when the content must decide, None when unknown."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")):
        return "warc"
    if lower.endswith(".gz"):
        inner = _kind_by_name(lower[:-3])
        return "gz" if inner else "gz-unknown"
    return _SUFFIX_KINDS.get(Path(lower).suffix)


def sniff_kind(data: bytes) -> str:
    """Guess the reader from the first bytes: warc, gz, jsonl, json, feed, html or text."""
    if data.startswith(b"WARC/"):
        return "warc"
    if data.startswith(b"\x1f\x8b"):
        return "gz"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head) else "html"
    return "text"


def _read_source(item: str, max_bytes: int, fetcher: Fetcher | None) -> Iterator[Record]:
    source = "<stdin>" if item == STDIN else item
    try:
        if item != STDIN and Path(item).stat().st_size == 0:
            raise InputError(source, "empty file (0 bytes)")
        if item != STDIN and _kind_by_name(item) == "warc":
            with open(item, "rb") as stream:
                yield from read_warc(stream, source=source, max_bytes=max_bytes)
            return
        if item != STDIN and _streamed_jsonl(item):
            with (gzip.open(item, "rb") if item.lower().endswith(".gz") else open(item, "rb")) as stream:
                yield from read_jsonl_stream(stream, source=source, max_line_bytes=max_bytes)
            return
        data = _read_bytes(item, source, max_bytes)
        yield from _dispatch(_kind_by_name(item) if item != STDIN else None, data, source, max_bytes, fetcher)
    except InputError as err:
        yield ErrorRecord(source=source, line=err.line, reason=err.reason, stage="ingest")
    except (EOFError, zlib.error) as err:  # a gzipped JSONL cut short: what came before is kept
        yield ErrorRecord(source=source, reason=f"truncated or corrupt gzip data: {err}", stage="ingest")
    except OSError as err:
        yield ErrorRecord(source=source, reason=f"cannot read: {err.strerror or err}", stage="ingest")
    except Exception as err:  # per-file boundary: a reader's bug costs this file, not the run
        yield ErrorRecord(source=source, reason=f"unexpected {type(err).__name__}: {err}", stage="ingest")


def _streamed_jsonl(item: str) -> bool:
    """A .jsonl/.ndjson file (or its .gz) whose first bytes look like JSON Lines: read as a stream."""
    lower = item.lower()
    inner = lower[:-3] if lower.endswith(".gz") else lower
    if _kind_by_name(inner) != "jsonl":
        return False
    with (gzip.open(item, "rb") if lower.endswith(".gz") else open(item, "rb")) as stream:
        try:
            head = stream.read(4096)
        except (EOFError, OSError, zlib.error):
            return False  # the whole-file path reports the broken gzip
    return sniff_kind(head) == "jsonl"


def _read_bytes(item: str, source: str, max_bytes: int) -> bytes:
    """Read a whole file or stdin, refusing (before reading) anything over ``max_bytes``."""
    if item == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(source, f"standard input is over the limit of {max_bytes} bytes")
        return data
    size = Path(item).stat().st_size
    if size > max_bytes:
        raise InputError(source, f"file is {size} bytes, over the limit of {max_bytes} bytes; not read")
    with open(item, "rb") as stream:
        return stream.read(max_bytes + 1)


def _dispatch(kind: str | None, data: bytes, source: str, max_bytes: int,
              fetcher: Fetcher | None) -> Iterator[Record]:
    if kind in (None, "sniff"):
        kind = sniff_kind(data)
    if kind.startswith("gz"):
        data = _gunzip(data, source, max_bytes)
        kind = _kind_by_name(source[:-3]) if source.lower().endswith(".gz") else None
        kind = sniff_kind(data) if kind in (None, "sniff") else kind
    if kind == "warc":
        return read_warc(io.BytesIO(data), source=source, max_bytes=max_bytes)
    decode_bytes(data, source=source)  # one error for an empty, binary or undecodable file
    readers: dict[str, Callable[..., Iterator[Record]]] = {
        "text": read_text, "jsonl": read_jsonl, "json": read_json, "html": read_html,
        "feed": lambda data, source: read_feed(data, source=source, fetcher=fetcher),
    }
    if kind not in readers:
        raise InputError(source, "compressed twice (gzip inside gzip); not read")
    return readers[kind](data, source=source)


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            plain = stream.read(max_bytes + 1)
    except (EOFError, OSError, zlib.error) as err:
        raise InputError(source, f"not valid gzip data: {err}") from err
    if len(plain) > max_bytes:
        raise InputError(source, f"decompressed data is over the limit of {max_bytes} bytes")
    return plain
