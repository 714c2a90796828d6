"""Tests of text.py: the three text layouts, the seed golden test, Article assembly."""

from __future__ import annotations

from dyads.ingest.clean import Block
from dyads.ingest.text import content_id, make_article, read_text
from dyads.types import Article, ErrorRecord

SCRAPED = """Valbourg adopte un budget record

Valbourg adopte un budget record

Le conseil municipal de Valbourg a adopté mardi soir un budget en forte hausse pour les écoles et... 14.03.2023, La Gazette du Val

2023-03-14T21:05+0100

2023-03-15T08:10+0100

Le vote a eu lieu après quatre heures de débat, a indiqué la maire Claire Martin.La maire a salué « un budget d’avenir ».Une opposition divisée
L’opposition a voté contre, dénonçant “une fuite en avant”.
"""

EVAL_LAYOUT = """Le port de Valbourg rouvre
La Gazette du Val (édition du soir)
2023-03
https://gazette.example/port

Le port de Valbourg a rouvert lundi après trois semaines de travaux.
Les pêcheurs ont salué la fin du chantier.
"""


def read_one(data: bytes) -> Article | ErrorRecord:
    (record,) = list(read_text(data, source="t.txt"))
    return record


def test_text_seed_golden(seed_path):
    article = read_one(seed_path.read_bytes())
    assert isinstance(article, Article)
    assert article.title == "Tango d’un seul danseur, rien à rompre: Moscou décrit les liens avec l’Otan"
    assert article.outlet == "Sputnik France"
    assert article.published == "2021-10-19T22:22:00+02:00"
    assert article.language == "fr"
    assert "Rupture programmée" in article.headings
    assert article.lede.startswith("Le porte-parole du Kremlin, Dmitri Peskov, a commenté")
    assert article.text.count("Le porte-parole du Kremlin, Dmitri Peskov, a commenté") == 1
    assert "Dmitri Peskov.Le porte-parole" not in article.text
    assert "Dmitri Peskov.\n\nLe porte-parole" in article.text
    assert "programméeOctobre" not in article.text
    assert article.text.startswith(article.title + "\n\n" + article.lede + "\n\n")
    assert article.id == content_id(article.text)


def test_text_scraped_layout_header_and_repairs():
    article = read_one(SCRAPED.encode())
    assert article.title == "Valbourg adopte un budget record"
    assert article.lede.endswith("pour les écoles et...")
    assert article.outlet == "La Gazette du Val"
    assert (article.published, article.modified) == ("2023-03-14T21:05:00+01:00", "2023-03-15T08:10:00+01:00")
    assert article.headings == ["Une opposition divisée"]
    assert article.paragraphs == [
        "Le vote a eu lieu après quatre heures de débat, a indiqué la maire Claire Martin.",
        "La maire a salué « un budget d’avenir ».",
        "L’opposition a voté contre, dénonçant “une fuite en avant”.",
    ]
    assert article.text.count("Valbourg adopte un budget record") == 1


def test_text_eval_layout():
    article = read_one(EVAL_LAYOUT.encode())
    assert (article.title, article.outlet, article.published, article.url) == (
        "Le port de Valbourg rouvre", "La Gazette du Val", "2023-03", "https://gazette.example/port")
    assert article.paragraphs[0].startswith("Le port de Valbourg a rouvert lundi")
    assert article.language == "fr"


def test_text_plain_layout_first_line_is_title():
    article = read_one("A quiet week in Valbourg\nNothing happened at the town hall this week.\n".encode())
    assert article.title == "A quiet week in Valbourg"
    assert article.text == "A quiet week in Valbourg\n\nNothing happened at the town hall this week."
    assert article.language == "en"
    assert article.published is None


def test_text_plain_layout_long_first_line_is_body():
    line = " ".join(["Le conseil a voté le budget des écoles après un débat."] * 5)
    article = read_one(line.encode())
    assert article.title == ""
    assert article.paragraphs == [line]


def test_text_read_text_gives_error_for_binary():
    record = read_one(b"\x00\x01\x02\x03binary")
    assert isinstance(record, ErrorRecord)
    assert record.stage == "ingest" and "binary" in record.reason


def test_text_make_article_drops_repeated_lede_and_title():
    lede = "Le maire a annoncé lundi la réouverture du port de Valbourg."
    blocks = [Block("heading", "Le port rouvre"), Block("paragraph", lede), Block("paragraph", "Suite du texte.")]
    article = make_article(blocks=blocks[1:], title="Le port rouvre", lede=lede, source="x", language="fr")
    assert article.text == f"Le port rouvre\n\n{lede}\n\nSuite du texte."
    article = make_article(blocks=blocks, title="Le port rouvre", lede=lede, source="x", language="fr")
    assert article.text == f"Le port rouvre\n\n{lede}\n\nSuite du texte."


def test_text_make_article_truncated_lede_takes_full_paragraph():
    full = "Le maire a annoncé lundi la réouverture du port de Valbourg après trois semaines."
    article = make_article(blocks=[Block("paragraph", full)], lede=full[:45] + "...", source="x", language="fr")
    assert article.lede == full
    assert article.paragraphs == []
    assert article.text == full


def test_text_make_article_keeps_given_id_and_language():
    article = make_article(blocks=[Block("paragraph", "Texte.")], id="fr/001.txt", language="fr-FR", source="x")
    assert (article.id, article.language) == ("fr/001.txt", "fr")
