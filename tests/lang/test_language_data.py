"""Every language bundle loads, and its settings are of the right types (STYLE.md 2.4)."""

import pytest

from dyads.lang import available_languages, get_language
from dyads.nlp import installed_model

LANGS = available_languages()


def test_language_data_has_french_and_english():
    assert {"fr", "en"} <= set(LANGS)


@pytest.mark.parametrize("code", LANGS)
def test_language_data_lists_are_strings(code):
    data = get_language(code)
    for key, value in data.config.items():
        if isinstance(value, list):
            data.words(key)  # raises LexiconError on a YAML boolean such as a bare `on`
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value), key
    for key, value in data.deps_config().items():
        assert all(isinstance(v, str) for v in value), key


@pytest.mark.parametrize("code", LANGS)
def test_language_data_model_installed_and_tables_loaded(code):
    data = get_language(code)
    assert installed_model(code) is not None
    assert len(data.triggers) > 200 and len(data.actor_terms) > 1000
    assert len(data.roles) > 100 and len(data.reporting) > 100
    assert data.timex["months"] and data.timex["weekdays"]


@pytest.mark.parametrize("code", LANGS)
def test_language_data_trigger_codes_exist_in_the_codebook(code):
    from dyads.extract.codebook import get_codebook

    entries = get_codebook().entries
    for trigs in get_language(code).triggers.values():
        for trig in trigs:
            assert trig.cameo in entries, (code, trig.lemma, trig.cameo)
