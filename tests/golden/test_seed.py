"""Golden test of the seed article: the whole Document pinned byte for byte, plus semantic
asserts that survive a re-pin (`pytest --update-golden` rewrites seed.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("seed.json")


@pytest.fixture(scope="module")
def seed_document(seed_path):
    import dyads

    docs = [d for d in dyads.extract([str(seed_path)]) if isinstance(d, dyads.Document)]
    assert len(docs) == 1
    return docs[0]


def _person(document, surname):
    return next(e for e in document.entities if e.label == "PER" and surname in e.text)


def test_seed_metadata(seed_document):
    d = seed_document
    assert d.title == "Tango d’un seul danseur, rien à rompre: Moscou décrit les liens avec l’Otan"
    assert d.outlet == "Sputnik France"
    assert d.published == "2021-10-19T22:22:00+02:00"
    assert d.language == "fr"


@pytest.mark.parametrize("surname,actor,role", [
    ("Peskov", "RUS", "GOV"), ("Lavrov", "RUS", "GOV"), ("Stoltenberg", "NATO", "IGO"),
    ("Grouchko", "RUS", "GOV")])
def test_seed_people(seed_document, surname, actor, role):
    person = _person(seed_document, surname)
    assert (person.actor, person.role) == (actor, role)


def test_seed_peskov_title_learned_from_text(seed_document):
    assert "porte-parole" in (_person(seed_document, "Peskov").title or "")


@pytest.mark.parametrize("text,speaker", [
    ("la dernière goutte", "Peskov"), ("nécessaire et imminente", "Peskov"),
    ("l’intérêt sincère de l’Alliance", "Stoltenberg")])
def test_seed_quotes(seed_document, text, speaker):
    quote = next(q for q in seed_document.quotes if q.text.startswith(text))
    assert speaker in (quote.speaker or "")


def test_seed_timexes(seed_document):
    values = {t.text: t.value for t in seed_document.timexes}
    assert values["début novembre"] == "2021-11"
    assert values["18 octobre"] == "2021-10-18"
    assert values["mardi 19 octobre"] == "2021-10-19"
    assert "20" not in values and "10" not in values


def _dyads(document):
    return {(e.source.actor, e.target.actor, e.root) for e in document.events}


def test_seed_events(seed_document):
    found = _dyads(seed_document)
    assert ("NATO", "RUS", "17") in found or ("NATO", "RUS", "16") in found  # expulsion
    assert ("NATO", "RUS", "16") in found  # mission cut from 20 to 10
    assert ("RUS", "NATO", "16") in found  # suspension of Russia's mission
    assert ("RUS", "NATO", "11") in found  # Moscow denounced NATO's statements


def test_seed_events_point_at_their_sentence(seed_document):
    text = seed_document.text
    for event in seed_document.events:
        t = event.trigger
        assert text[t["start"]:t["end"]] == t["text"]
        assert event.sentence in text
        for part in (event.source, event.target):
            assert text[part.start:part.end] == part.text


def test_seed_offsets_are_slices(seed_document):
    text = seed_document.text
    for item in [*seed_document.entities, *seed_document.quotes, *seed_document.timexes]:
        assert text[item.start:item.end] == item.text


def test_seed_golden_file(seed_document, update_golden):
    pinned = seed_document.to_dict()
    # Where the checkout lives is not part of the output being pinned: keep the file name only.
    pinned["source_file"] = Path(pinned["source_file"]).name
    current = json.dumps(pinned, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    if update_golden:
        GOLDEN.write_text(current, encoding="utf-8")
        pytest.skip("golden file written")
    assert GOLDEN.exists(), "no golden file: write it with pytest --update-golden"
    assert current == GOLDEN.read_text(encoding="utf-8"), "seed output changed: re-pin with --update-golden"
