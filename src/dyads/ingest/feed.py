"""RSS/Atom feeds -> Articles, one per entry; optionally the linked pages, fetched over HTTP(S).

Input: the bytes of an RSS 0.9x/1.0/2.0 or Atom feed.
Output: one Article per entry (title, link, published, the entry's content or summary), or one
ErrorRecord per entry without text; ``line`` is the 1-based entry number.
Guarantees: the feed is parsed from memory (feedparser never opens a URL or a file here);
nothing is downloaded unless the caller passes a ``Fetcher`` (``read_inputs(fetch=True)``).
The fetcher only speaks HTTP(S), has connect/read timeouts, retries transient failures (network
errors, 429, 5xx) with back-off, waits ``per_host_interval`` seconds between two requests to the
same host, and refuses bodies over ``max_bytes``. A failed fetch falls back to the entry's own
content (logged), so it costs at most that entry.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from dyads.errors import InputError
from dyads.ingest.clean import normalize_line
from dyads.ingest.html import article_from_html, fragment_blocks
from dyads.ingest.langid import normalize_language
from dyads.ingest.text import build_record, make_article
from dyads.types import Article, ErrorRecord

log = logging.getLogger(__name__)

USER_AGENT = "dyads/0.1 (news event extraction; +https://pypi.org/project/dyads/)"
_TRANSIENT = {429, 500, 502, 503, 504}


class Fetcher:
    """A polite HTTP(S) client for article pages: timeouts, retries, a per-host rate limit.

    Use it as a context manager, or call ``close()``.
    """

    def __init__(self, *, timeout: float = 15.0, retries: int = 2, per_host_interval: float = 1.0,
                 max_bytes: int = 50_000_000, transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.retries, self.per_host_interval, self.max_bytes = retries, per_host_interval, max_bytes
        self._clock, self._sleep = clock, sleep
        self._last_request: dict[str, float] = {}
        self._client = httpx.Client(
            transport=transport, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True, headers={"User-Agent": USER_AGENT},
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> bytes:
        """Download one page.

        Raises:
            InputError: not an HTTP(S) URL, a final HTTP error, a network error after the
                retries, or a body over ``max_bytes``.
        """
        if urlsplit(url).scheme not in ("http", "https"):
            raise InputError(url, "only http(s) URLs are fetched")
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                status, body = self._get(url)
            except httpx.TransportError as err:  # network trouble and timeouts: worth a retry
                if last:
                    raise InputError(url, f"fetch failed: {type(err).__name__}: {err}") from err
                self._sleep(2.0 ** attempt)
                continue
            except (httpx.HTTPError, httpx.InvalidURL) as err:  # too many redirects, bad URL: final
                raise InputError(url, f"fetch failed: {type(err).__name__}: {err}") from err
            if status in _TRANSIENT and not last:
                self._sleep(2.0 ** attempt)
                continue
            if status >= 400:
                raise InputError(url, f"fetch failed: HTTP {status}")
            return body
        raise InputError(url, "fetch failed")  # not reached: the last attempt returns or raises

    def _get(self, url: str) -> tuple[int, bytes]:
        self._wait_for_host(urlsplit(url).netloc)
        with self._client.stream("GET", url) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(url, f"response is over the limit of {self.max_bytes} bytes")
                chunks.append(chunk)
            return response.status_code, b"".join(chunks)

    def _wait_for_host(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.per_host_interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last_request[host] = self._clock()


def read_feed(data: bytes, *, source: str, fetcher: Fetcher | None = None) -> Iterator[Article | ErrorRecord]:
    """Read an RSS or Atom feed.

    Args:
        data: the feed's bytes.
        source: the path, kept in ``Article.source`` and error records.
        fetcher: when given, each entry's link is downloaded and its page read instead of the
            entry's content.

    Yields:
        An Article or ErrorRecord per entry; one ErrorRecord when the bytes are not a feed.
    """
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"not a readable RSS/Atom feed: {problem}" if problem else "feed has no entries"
        yield ErrorRecord(source=source, reason=reason, stage="ingest")
        return
    channel = {"outlet": normalize_line(parsed.feed.get("title", "")),
               "language": normalize_language(parsed.feed.get("language"))}
    for number, entry in enumerate(parsed.entries, start=1):
        yield build_record(lambda entry=entry, number=number: _entry_article(entry, channel, source, number, fetcher),
                           source=source, line=number)


def _entry_article(entry: Any, channel: dict[str, str], source: str, number: int,
                   fetcher: Fetcher | None) -> Article:
    fields = {
        "title": entry.get("title", ""),
        "url": entry.get("link", ""),
        "published": entry.get("published") or entry.get("updated"),
        **channel,
    }
    if fetcher and fields["url"]:
        page = _fetch_page(fetcher, fields, source, number)
        if page is not None:
            return page
    content, summary = _entry_texts(entry)
    if not content and not summary:
        raise InputError(source, "feed entry has no content or summary (fetching is off)", number)
    lede = summary if content and summary else ""
    return make_article(blocks=fragment_blocks(content or summary), lede=_plain(lede), source=source,
                        line=number, **fields)


def _fetch_page(fetcher: Fetcher, fields: dict[str, Any], source: str, number: int) -> Article | None:
    try:
        html = fetcher.fetch(fields["url"])
        return article_from_html(html, source=source, line=number,
                                 **{k: fields[k] for k in ("url", "title", "published", "outlet", "language")})
    except InputError as err:
        log.warning("%s:%s: %s; using the feed entry's content", source, number, err)
        return None


def _entry_texts(entry: Any) -> tuple[str, str]:
    content = next((c.get("value", "") for c in entry.get("content", []) if c.get("value")), "")
    return content, entry.get("summary", "") or ""


def _plain(fragment: str) -> str:
    return " ".join(block.text for block in fragment_blocks(fragment)) if fragment else ""
