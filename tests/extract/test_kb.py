"""Knowledge-base building: batched term tokenisation gives the keys of one-by-one tokenisation."""

from __future__ import annotations

import pytest
import spacy

from dyads.extract.kb import KBBuilder, load_kb
from dyads.lang import get_language

TERMS = ["Côte d'Ivoire", "aujourd'hui", "Bachar al-Assad", "l’Otan", "U.S. Army", "St. Petersburg",
         "New  York\u00a0City", "Nations unies", "(FMI)", "Jean-Yves Le Drian", "O'Neill", ""]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_kb_pretokenize_same_keys_as_one_by_one(code):
    tokenizer = spacy.blank(code).tokenizer
    tokenize = lambda text: [t.text for t in tokenizer(text)]  # noqa: E731
    batched = KBBuilder(get_language(code), tokenize)
    batched.pretokenize(TERMS)
    alone = KBBuilder(get_language(code), tokenize)
    for term in TERMS:
        expected = alone.key(term)
        alone._words.clear()
        assert batched.key(term) == expected


def test_kb_pretokenize_falls_back_when_tokens_cross_words():
    joined = lambda text: [text]  # noqa: E731  a tokenizer that never splits: crosses word limits
    builder = KBBuilder(get_language("fr"), joined)
    builder.pretokenize(["Nations unies", "Otan"])
    assert builder.key("Nations unies") == ("nations", "unies")


def test_kb_key_tokenises_unseen_words():
    tokenizer = spacy.blank("fr").tokenizer
    builder = KBBuilder(get_language("fr"), lambda text: [t.text for t in tokenizer(text)])
    assert builder.key("l'Élysée") == ("l'", "elysee")


def test_load_kb_cached_and_rereads_changed_user_file(tmp_path, nlp_fr):
    actors = tmp_path / "actors.tsv"
    actors.write_text("term\tactor\trole\tkind\nBlorgistan\tBLG\tGOV\tname\n", encoding="utf-8")
    first = load_kb("fr", [actors])
    assert load_kb("fr", [str(actors)]) is first
    assert ("blorgistan",) in first.terms
    actors.write_text("term\tactor\trole\tkind\nZorbanie\tZRB\tGOV\tname\n", encoding="utf-8")
    second = load_kb("fr", [actors])
    assert second is not first and ("zorbanie",) in second.terms


def test_load_kb_from_disk_cache_equals_built(tmp_path, monkeypatch, nlp_fr):
    from dyads.extract.kb import _load_kb, build_kb

    monkeypatch.setenv("DYADS_CACHE_DIR", str(tmp_path))
    first = _load_kb.__wrapped__("fr", ())  # builds and stores
    again = _load_kb.__wrapped__("fr", ())  # unpickled
    assert list(tmp_path.glob("kb-fr-*.pickle"))
    assert again is not first and again.lang is get_language("fr")
    built = build_kb(get_language("fr"), lambda text: [t.text for t in nlp_fr.tokenizer(text)])
    for name in ("terms", "term_starts", "roles", "people", "surnames", "by_actor", "people_keys",
                 "max_person_len", "max_term_len", "max_role_len"):
        assert getattr(again, name) == getattr(built, name), name


def test_kb_key_lengths_cover_every_key_and_are_not_pickled():
    import pickle

    kb = load_kb("fr")
    for table, lengths in ((kb.terms, kb.term_lengths), (kb.roles, kb.role_lengths),
                           (kb.people_keys, kb.person_lengths)):
        for key in table:
            assert len(key) in lengths[key[0]]
        assert all(list(ns) == sorted(ns, reverse=True) for ns in lengths.values())
    state = kb.__getstate__()
    assert "term_lengths" not in state and "terms" in state
    kb.lang, lang = None, kb.lang
    try:
        again = pickle.loads(pickle.dumps(kb))
    finally:
        kb.lang = lang
    assert again.terms == kb.terms and again.term_lengths == kb.term_lengths
