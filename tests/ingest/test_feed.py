"""Tests of feed.py: RSS and Atom entries, and the polite fetcher (no real network)."""

from __future__ import annotations

import httpx
import pytest

from dyads.errors import InputError
from dyads.ingest.feed import Fetcher, read_feed
from dyads.types import Article, ErrorRecord

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>La Gazette du Val</title><language>fr-FR</language>
<item><title>Valbourg vote son budget</title><link>https://gazette.example/budget</link>
<pubDate>Tue, 14 Mar 2023 09:30:00 +0100</pubDate>
<description>&lt;p&gt;Le conseil municipal de Valbourg a adopté mardi un budget en hausse.&lt;/p&gt;&lt;p&gt;L’opposition a dénoncé « une fuite en avant ».&lt;/p&gt;</description></item>
<item><title>Sans contenu</title><link>https://gazette.example/vide</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Herald</title>
<entry><title>Harbour reopens</title><link href="https://herald.example/harbour"/>
<published>2023-03-13T18:00:00Z</published><summary>The harbour reopened.</summary>
<content type="html">&lt;p&gt;The harbour reopened on Monday after three weeks of work.&lt;/p&gt;&lt;h2&gt;Fishers relieved&lt;/h2&gt;&lt;p&gt;Fishers welcomed the end of the works on the quays.&lt;/p&gt;</content>
</entry></feed>"""


def test_feed_rss_entries_become_articles():
    first, second = list(read_feed(RSS.encode(), source="f.rss"))
    assert isinstance(first, Article)
    assert (first.title, first.outlet, first.url, first.published, first.language, first.line) == (
        "Valbourg vote son budget", "La Gazette du Val", "https://gazette.example/budget",
        "2023-03-14T09:30:00+01:00", "fr", 1)
    assert first.paragraphs[-1] == "L’opposition a dénoncé « une fuite en avant »."
    assert isinstance(second, ErrorRecord) and second.line == 2 and "no content" in second.reason


def test_feed_atom_content_with_summary_as_lede():
    (article,) = list(read_feed(ATOM.encode(), source="f.atom"))
    assert article.published == "2023-03-13T18:00:00+00:00"
    assert article.lede == "The harbour reopened."
    assert article.headings == ["Fishers relieved"]
    assert article.language == "en"


def test_feed_not_a_feed_gives_one_error():
    (error,) = list(read_feed(b"just some words", source="f.xml"))
    assert isinstance(error, ErrorRecord) and error.line is None


class FakeClock:
    def __init__(self):
        self.now, self.sleeps = 100.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fetcher_for(handler, clock: FakeClock, **kwargs) -> Fetcher:
    return Fetcher(transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep, **kwargs)


def test_feed_fetch_reads_linked_page(page):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"Content-Type": "text/html"})

    clock = FakeClock()
    with fetcher_for(handler, clock) as fetcher:
        first = next(read_feed(RSS.encode(), source="f.rss", fetcher=fetcher))
    assert first.headings == ["Une opposition vent debout"]
    assert first.url == "https://gazette.example/budget"
    assert first.title == "Valbourg vote son budget"


def test_feed_fetch_retries_transient_errors_then_succeeds():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        return httpx.Response(503 if len(calls) < 3 else 200, content=b"ok")

    clock = FakeClock()
    with fetcher_for(handler, clock, retries=2, per_host_interval=0) as fetcher:
        assert fetcher.fetch("https://gazette.example/a") == b"ok"
    assert len(calls) == 3 and clock.sleeps == [1.0, 2.0]


def test_feed_fetch_waits_between_requests_to_one_host():
    clock = FakeClock()
    with fetcher_for(lambda request: httpx.Response(200, content=b"x"), clock, per_host_interval=1.5) as fetcher:
        fetcher.fetch("https://gazette.example/a")
        fetcher.fetch("https://other.example/b")
        fetcher.fetch("https://gazette.example/c")
    assert clock.sleeps == [1.5]


@pytest.mark.parametrize("url, status, reason", [
    ("ftp://gazette.example/a", 200, "only http"),
    ("https://gazette.example/a", 404, "HTTP 404"),
])
def test_feed_fetch_errors(url, status, reason):
    clock = FakeClock()
    with fetcher_for(lambda request: httpx.Response(status), clock, retries=0) as fetcher:
        with pytest.raises(InputError, match=reason):
            fetcher.fetch(url)


def test_feed_fetch_refuses_large_bodies():
    clock = FakeClock()
    with fetcher_for(lambda request: httpx.Response(200, content=b"x" * 100), clock, max_bytes=10) as fetcher:
        with pytest.raises(InputError, match="over the limit"):
            fetcher.fetch("https://gazette.example/a")


def test_feed_fetch_failure_falls_back_to_entry_content():
    clock = FakeClock()
    with fetcher_for(lambda request: httpx.Response(500), clock, retries=0) as fetcher:
        first = next(read_feed(RSS.encode(), source="f.rss", fetcher=fetcher))
    assert first.paragraphs[0] == "Le conseil municipal de Valbourg a adopté mardi un budget en hausse."


def test_feed_fetch_network_errors_are_retried_then_reported():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectTimeout("timed out", request=request)

    clock = FakeClock()
    with fetcher_for(handler, clock, retries=1, per_host_interval=0) as fetcher:
        with pytest.raises(InputError, match="ConnectTimeout"):
            fetcher.fetch("https://gazette.example/a")
    assert len(calls) == 2
