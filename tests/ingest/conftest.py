"""Fixtures for the ingestion tests: the seed path and small inputs we write ourselves."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SEED = Path(__file__).resolve().parents[2].parent / "shared/seed/000_bd8ae65ee2c76035.txt"

PAGE = """<!doctype html><html lang="fr"><head><title>{title} | La Gazette du Val</title>
<meta property="og:site_name" content="La Gazette du Val">
<meta name="description" content="Le conseil municipal de Valbourg a adopté mardi un budget en hausse pour les écoles.">
<meta property="article:published_time" content="2023-03-14T09:30:00+01:00">
</head><body><nav>Accueil Sport Météo</nav><article><h1>{title}</h1>
<p>Le conseil municipal de Valbourg a adopté mardi un budget en hausse pour les écoles.</p>
<h2>Une opposition vent debout</h2>
<p>L’opposition a dénoncé « une fuite en avant » et “un budget électoral”, selon sa porte-parole, qui annonce un recours devant le tribunal administratif.</p>
<p>Le maire a répondu que les investissements étaient attendus depuis dix ans par les familles de la commune.</p>
</article><footer>Mentions légales</footer></body></html>"""


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("the seed article is not present")
    return SEED


def make_page(title: str = "Valbourg vote son budget") -> bytes:
    return PAGE.format(title=title).encode("utf-8")


def make_warc(pages: list[tuple[str, bytes]], *, gzip: bool = True, extra_image: bool = False) -> bytes:
    """A WARC with a warcinfo record, then one HTML response per (url, html) pair."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dyads tests"}))
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-03-15T08:00:00Z"}))
        if extra_image:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url + ".png", "response", payload=io.BytesIO(b"\x89PNG fake"), http_headers=image))
    return buffer.getvalue()


@pytest.fixture
def page() -> bytes:
    return make_page()


@pytest.fixture
def warc_factory():
    return make_warc
