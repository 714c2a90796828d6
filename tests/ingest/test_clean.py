"""Tests of clean.py: normalisation, decoding, dates and the repair of glued text."""

from __future__ import annotations

import pytest

from dyads.errors import InputError
from dyads.ingest.clean import (
    Block,
    decode_bytes,
    normalize_date,
    normalize_text,
    split_body,
    split_glued_heading,
    split_glued_sentences,
)


def test_clean_normalize_text_removes_invisible_and_collapses_spaces():
    raw = "\ufeffLe\u200b  maire\u00a0a dit\u202f: «\u00a0non\u00a0»  \t\r\nE\u0301té  \n\n\n\nfin "
    assert normalize_text(raw) == "Le maire a dit : « non »\nÉté\n\nfin"


def test_clean_normalize_text_keeps_curly_quotes_and_apostrophes():
    text = "L’élu a parlé d’“un choix clair” et de « courage »…"
    assert normalize_text(text) == text


@pytest.mark.parametrize("raw, expected", [
    ("2021-10-19T22:22+0200", "2021-10-19T22:22:00+02:00"),
    ("2021-10-19T22:22:05Z", "2021-10-19T22:22:05+00:00"),
    ("2022-04-08", "2022-04-08"),
    ("2014-02", "2014-02"),
    ("19.10.2021", "2021-10-19"),
    ("Tue, 14 Mar 2023 09:30:00 +0100", "2023-03-14T09:30:00+01:00"),
    ("2021-10-19 22:22", "2021-10-19T22:22:00"),
    ("31.02.2021", None),
    ("hier soir", None),
    ("", None),
])
def test_clean_normalize_date_keeps_precision(raw, expected):
    assert normalize_date(raw) == expected


def test_clean_decode_bytes_falls_back_to_cp1252():
    data = "Le député a réagi à l’annonce : « c’est trop tard ».".encode("cp1252")
    assert decode_bytes(data, source="x") == "Le député a réagi à l’annonce : « c’est trop tard »."


def test_clean_decode_bytes_reads_utf8_with_bom_and_utf16():
    assert decode_bytes("\ufeffÉté".encode("utf-8"), source="x") == "Été"
    assert decode_bytes("Été".encode("utf-16"), source="x") == "Été"


def test_clean_decode_bytes_keeps_utf8_with_one_bad_byte():
    data = "Élection à Montréal, déclaration du maire, éditorial.".encode("utf-8") + b"\xff"
    assert decode_bytes(data, source="x").startswith("Élection à Montréal")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_clean_decode_bytes_rejects_empty_and_binary(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data, source="x")


@pytest.mark.parametrize("paragraph, pieces", [
    ("Il a parlé au ministre.Le ministre a répondu.", ["Il a parlé au ministre.", "Le ministre a répondu."]),
    ("La décision est « malhonnête ».Selon lui, rien ne change.",
     ["La décision est « malhonnête ».", "Selon lui, rien ne change."]),
    ('Il a évoqué "la dernière goutte".Après cela, tout a cessé.',
     ['Il a évoqué "la dernière goutte".', "Après cela, tout a cessé."]),
    ("Les contacts entre Paris et...Le texte continue ici.", ["Les contacts entre Paris et...", "Le texte continue ici."]),
    ("Réunion à l’ONU.Le vote aura lieu demain.", ["Réunion à l’ONU.", "Le vote aura lieu demain."]),
    ("The talks ended on Tuesday.Here is what they said.", ["The talks ended on Tuesday.", "Here is what they said."]),
])
def test_clean_split_glued_sentences_splits_at_glue(paragraph, pieces):
    assert split_glued_sentences(paragraph) == pieces


@pytest.mark.parametrize("paragraph", [
    "The U.S.Army said nothing.",
    "Le leader J.-L.Mélenchon a parlé.",
    "Selon M.Dupont, tout va bien.",
    "Les avoirs de MM.Dupont et Durand sont gelés.",
    "Dr.Watson arrived, as did Mr.Holmes.",
    "She holds a Ph.D. from Oxford.",
    "Lisez www.LeJournal.fr pour la suite.",
    "Écrivez à redaction@exemple.Org sans tarder.",
    "Version 2.0 sortira en mars.",
])
def test_clean_split_glued_sentences_leaves_abbreviations(paragraph):
    assert split_glued_sentences(paragraph) == [paragraph]


def test_clean_split_glued_heading_detaches_sentence_case_heading():
    piece = "Une rupture annoncéeMars 2023 a marqué un tournant pour la commune."
    assert split_glued_heading(piece) == ("Une rupture annoncée", "Mars 2023 a marqué un tournant pour la commune.")


@pytest.mark.parametrize("piece", [
    "Le nouvel iPhone sort en septembre dans toutes les boutiques.",
    "Le groupe McDonald’s a ouvert trois restaurants cette année.",
    "Microsoft PowerPoint reste le logiciel le plus utilisé en réunion.",
    "Apple a mis à jour macOS vendredi pour tous les utilisateurs.",
    "Paris, la capitale, accueille le sommet cette semaine.",
])
def test_clean_split_glued_heading_ignores_brand_names(piece):
    assert split_glued_heading(piece) == ("", piece)


def test_clean_split_body_marks_headings_and_joins_wrapped_lines():
    body = ("Le premier paragraphe est assez long pour être un paragraphe\n"
            "et il continue sur la ligne suivante.\n\n"
            "Un intertitre court\n"
            "Le second paragraphe suit l’intertitre et se termine par un point.")
    assert split_body(body) == [
        Block("paragraph", "Le premier paragraphe est assez long pour être un paragraphe "
                           "et il continue sur la ligne suivante."),
        Block("heading", "Un intertitre court"),
        Block("paragraph", "Le second paragraphe suit l’intertitre et se termine par un point."),
    ]
