"""Tests of warc.py: HTML responses become articles; truncation is reported where it happens."""

from __future__ import annotations

import io

import pytest

from dyads.ingest.warc import read_warc
from dyads.types import Article, ErrorRecord

PAGES = [
    ("https://gazette.example/budget", "Valbourg vote son budget"),
    ("https://gazette.example/port", "Le port de Valbourg rouvre"),
    ("https://gazette.example/ecole", "Une nouvelle école à Valbourg"),
]


@pytest.fixture
def archive(warc_factory, page):
    def build(*, gzip: bool = True, extra_image: bool = False) -> bytes:
        pages = [(url, page.replace(b"Valbourg vote son budget", title.encode())) for url, title in PAGES]
        return warc_factory(pages, gzip=gzip, extra_image=extra_image)
    return build


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_become_articles(archive, gzip):
    records = list(read_warc(io.BytesIO(archive(gzip=gzip, extra_image=True)), source="a.warc.gz"))
    assert all(isinstance(r, Article) for r in records)
    assert [r.url for r in records] == [url for url, _ in PAGES]
    assert [r.title for r in records] == [title for _, title in PAGES]
    assert records[0].line == 2  # record 1 is the warcinfo; images are passed over
    assert records[0].published == "2023-03-14T09:30:00+01:00"  # the page's own date wins


def test_warc_capture_date_when_page_has_none(warc_factory):
    html = ("<html><body><article><p>Le conseil municipal de Valbourg a voté un budget en hausse pour "
            "les écoles et les transports de la commune.</p></article></body></html>").encode()
    (article,) = list(read_warc(io.BytesIO(warc_factory([("https://g.example/x", html)])), source="a.warc.gz"))
    assert article.published == "2023-03-15T08:00:00+00:00"
    assert article.url == "https://g.example/x"


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_truncated_gives_error_after_earlier_records(archive, gzip):
    data = archive(gzip=gzip)
    records = list(read_warc(io.BytesIO(data[: len(data) - 200]), source="a.warc.gz"))
    assert [type(r) for r in records] == [Article, Article, ErrorRecord]
    error = records[-1]
    assert (error.source, error.line, error.stage) == ("a.warc.gz", 4, "ingest")
    assert "truncated" in error.reason


@pytest.mark.parametrize("cut", [10, 150])
def test_warc_cut_inside_first_header(archive, cut):
    (error,) = list(read_warc(io.BytesIO(archive(gzip=False)[:cut]), source="a.warc"))
    assert isinstance(error, ErrorRecord) and error.line == 1 and "truncated" in error.reason


def test_warc_payload_over_limit_is_skipped_with_error(archive):
    records = list(read_warc(io.BytesIO(archive()), source="a.warc.gz", max_bytes=100))
    assert [r.line for r in records] == [2, 3, 4]
    assert all(isinstance(r, ErrorRecord) and "over the limit" in r.reason for r in records)


def test_warc_not_a_warc_gives_one_error():
    (error,) = list(read_warc(io.BytesIO(b"hello, this is not an archive\r\n\r\n"), source="a.warc"))
    assert isinstance(error, ErrorRecord) and error.line == 1
