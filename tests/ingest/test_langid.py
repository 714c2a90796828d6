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
