from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.extract.timex import find_timexes, parse_published
from dyads.lang import get_language

PUB = date(2021, 10, 19)  # a Tuesday


def values(text: str, lang: str = "fr", pub: date | None = PUB) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, pub, get_language(lang))}


@pytest.mark.parametrize("text,expected", [
    ("a annoncé ce mardi 19 octobre le porte-parole", {"mardi 19 octobre": "2021-10-19"}),
    ("pour annoncer le 18 octobre les mesures", {"18 octobre": "2021-10-18"}),
    ("la suspension dès début novembre du travail", {"début novembre": "2021-11"}),
    ("ce poste étant vacant depuis janvier 2018.", {"janvier 2018": "2018-01"}),
    ("qui depuis 2014 progressivement exige", {"2014": "2014"}),
    ("Il y a deux semaines, l'armée a tiré.", {"Il y a deux semaines": "2021-10-05"}),
    ("la semaine dernière", {"la semaine dernière": "2021-W41"}),
    ("l'an dernier", {"l'an dernier": "2020"}),
    ("hier soir", {"hier": "2021-10-18"}),
    ("vendredi 8 avril 2022", {"vendredi 8 avril 2022": "2022-04-08"}),
    ("le 1er décembre", {"1er décembre": "2021-12-01"}),
    ("le 1er juin", {"1er juin": "2021-06-01"}),
    ("19.10.2021, Sputnik France", {"19.10.2021": "2021-10-19"}),
    ("mi-octobre", {"mi-octobre": "2021-10"}),
])
def test_timex_french(text, expected):
    assert values(text) == expected


def test_timex_french_numbers_are_not_dates():
    assert values("réduire de 20 à 10 personnes le nombre des personnels") == {}
    assert values("l'arrivée de 2000 soldats") == {}


def test_timex_bare_weekday_is_most_recent_past_day():
    assert values("Il l'ayant attaqué lundi pour ces entretiens") == {"lundi": "2021-10-18"}
    assert values("jeudi") == {"jeudi": "2021-10-14"}


@pytest.mark.parametrize("text,expected", [
    ("On Tuesday, October 19, 2021 NATO said", {"Tuesday, October 19, 2021": "2021-10-19"}),
    ("it happened last Tuesday", {"last Tuesday": "2021-10-12"}),
    ("three days ago", {"three days ago": "2021-10-16"}),
    ("in early November", {"early November": "2021-11"}),
    ("since 2014", {"2014": "2014"}),
    ("this year", {"this year": "2021"}),
    ("on Monday", {"Monday": "2021-10-18"}),
])
def test_timex_english(text, expected):
    assert values(text, "en") == expected


def test_timex_without_publication_date_keeps_partial_value():
    assert values("le 18 octobre", pub=None) == {"18 octobre": "XXXX-10-18"}
    assert values("hier", pub=None) == {}


def test_timex_offsets_are_slices():
    text = "Début octobre, l'Otan a annoncé sa décision; le 18 octobre Moscou a répondu."
    for t in find_timexes(text, PUB, get_language("fr")):
        assert text[t.start:t.end] == t.text


def test_parse_published():
    assert parse_published("2021-10-19T22:22:00+02:00") == date(2021, 10, 19)
    assert parse_published("2022-04") == date(2022, 4, 15)
    assert parse_published("") is None
    assert parse_published("yesterday") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_timex_never_raises_and_offsets_hold(text):
    for code in ("fr", "en"):
        for t in find_timexes(text, PUB, get_language(code)):
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", ["Élysée, 19 Octobre", "l’İstanbul ﬁn ß", "ÀÉÎÕÜ àéîõü Ç’ç", ""])
def test_timex_fold_keep_length_one_character_per_character(text):
    import unicodedata

    from dyads.extract.timex import fold_keep_length

    def by_hand(ch: str) -> str:
        base = unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch
        out = base.lower() if len(base.lower()) == 1 else base
        return "'" if out == "’" else out

    folded = fold_keep_length(text)
    assert len(folded) == len(text)
    assert folded == "".join(by_hand(c) for c in text)
    assert fold_keep_length(text) == folded  # the second call reads the table
