"""Tests of html.py: trafilatura extraction, dates, lede, quotes as published."""

from __future__ import annotations

from dyads.ingest.html import find_timestamp, fragment_blocks, read_html
from dyads.ingest.clean import Block
from dyads.types import Article, ErrorRecord
from trafilatura.utils import load_html


def test_html_reads_title_headings_paragraphs_and_date(page):
    (article,) = list(read_html(page, source="p.html", url="https://gazette.example/budget"))
    assert isinstance(article, Article)
    assert article.title == "Valbourg vote son budget"
    assert article.outlet == "La Gazette du Val"
    assert article.url == "https://gazette.example/budget"
    assert article.published == "2023-03-14T09:30:00+01:00"
    assert article.headings == ["Une opposition vent debout"]
    assert article.language == "fr"
    assert "Accueil" not in article.text and "Mentions légales" not in article.text


def test_html_keeps_quotes_as_published(page):
    (article,) = list(read_html(page, source="p.html"))
    assert "« une fuite en avant » et “un budget électoral”" in article.text
    assert "L’opposition" in article.text


def test_html_description_repeated_as_first_paragraph_becomes_lede(page):
    (article,) = list(read_html(page, source="p.html"))
    assert article.lede == "Le conseil municipal de Valbourg a adopté mardi un budget en hausse pour les écoles."
    assert article.text.count(article.lede) == 1
    assert article.text.count("Valbourg vote son budget") == 1


def test_html_without_main_text_gives_error():
    records = list(read_html(b"<html><body><nav>Menu</nav></body></html>", source="p.html", line=3))
    assert len(records) == 1 and isinstance(records[0], ErrorRecord)
    assert records[0].line == 3 and "no article text" in records[0].reason


def test_html_fallback_date_used_when_page_has_none():
    html = ("<html><body><article><p>Le conseil municipal de Valbourg a voté un budget en hausse pour "
            "les écoles et les transports de la commune.</p></article></body></html>").encode()
    (article,) = list(read_html(html, source="p.html", fallback_published="2023-03-15T08:00:00Z"))
    assert article.published == "2023-03-15T08:00:00+00:00"


def test_html_find_timestamp_reads_json_ld():
    tree = load_html('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                     '"datePublished": "2022-06-01T07:15:00+02:00"}</script></head><body><p>x</p></body></html>')
    assert find_timestamp(tree) == "2022-06-01T07:15:00+02:00"


def test_html_fragment_blocks():
    fragment = "<p>Un <b>premier</b> paragraphe.</p><h3>Intertitre</h3><p>Deuxième<br>ligne.</p><script>x()</script>"
    assert fragment_blocks(fragment) == [
        Block("paragraph", "Un premier paragraphe."), Block("heading", "Intertitre"),
        Block("paragraph", "Deuxième ligne.")]
    assert fragment_blocks("Texte brut.") == [Block("paragraph", "Texte brut.")]
