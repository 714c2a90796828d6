"""Tests of langid.py: offline detection restricted to the likely languages."""

from __future__ import annotations

import pytest

from dyads.ingest.langid import LIKELY_LANGUAGES, detect_language, normalize_language


@pytest.mark.parametrize("text, code", [
    ("Le conseil municipal a adopté le budget après un long débat sur les écoles.", "fr"),
    ("The city council passed the budget after a long debate about schools.", "en"),
    ("Der Stadtrat hat den Haushalt nach einer langen Debatte über Schulen verabschiedet.", "de"),
])
def test_langid_detect_language(text, code):
    assert detect_language(text) == code


def test_langid_detect_language_undecided_without_letters():
    assert detect_language("12 345 — 67 !") == ""


def test_langid_detect_language_only_returns_likely_languages():
    assert detect_language("Kaupunginvaltuusto hyväksyi talousarvion pitkän keskustelun jälkeen.") in (*LIKELY_LANGUAGES, "")


@pytest.mark.parametrize("tag, code", [("fr-FR", "fr"), ("EN_us", "en"), ("de", "de"), ("", ""), (None, ""), ("12", "")])
def test_langid_normalize_language(tag, code):
    assert normalize_language(tag) == code


def test_langid_detect_language_long_text_decided_by_its_start():
    text = ("Le ministre des Affaires étrangères a annoncé lundi l'expulsion de deux diplomates "
            "russes, accusés d'activités incompatibles avec leur statut. ") * 20
    assert len(text) > 2000
    assert detect_language(text) == "fr"


def test_langid_detect_language_unsure_start_falls_back_to_longer_sample():
    # the first 500 characters have no letters, so the quick sample cannot decide
    text = "2021-10-19 12:00 " * 40 + ("The foreign minister announced on Monday the expulsion of two "
                                      "Russian diplomats, his spokesman said. ") * 5
    assert detect_language(text) == "en"
