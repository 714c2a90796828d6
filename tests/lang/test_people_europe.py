"""Consistency and spot facts for the office-holder table codebooks/people_europe.tsv."""
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

from tsvfiles import PEOPLE_COLUMNS, bounds, check_header_and_licence, load as _load

PEOPLE = Path(__file__).resolve().parents[2] / "src" / "dyads" / "codebooks" / "people_europe.tsv"
COLUMNS = PEOPLE_COLUMNS

def load(path=PEOPLE):
    return _load(path)


ROLES = {"GOV", "IGO", "LEG", "OPP", "MIL", "JUD"}
IGOS = {"NATO", "EU", "UN", "OSCE", "COE", "IAEA", "IMF", "WB", "WHO", "ICC", "G7", "ECB", "WAGNER"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")






@pytest.fixture(scope="module")
def table():
    comments, header, rows = load()
    return comments, header, [dict(zip(header, r)) for r in rows], rows


def rows_for(rows, name, actor=None, office=None):
    return [r for r in rows if r["name"] == name and (actor is None or r["actor"] == actor)
            and (office is None or r["office_en"] == office)]


def test_people_europe_header_and_licence(table):
    check_header_and_licence(table, COLUMNS, 500)


def test_people_europe_cells_are_clean(table):
    _, _, rows, _ = table
    for r in rows:
        for col in ("name", "actor", "role", "office_en", "office_fr", "start"):
            assert r[col].strip() == r[col] and r[col], (col, r)
        assert unicodedata.is_normalized("NFC", r["name"] + r["aliases"] + r["office_fr"]), r


def test_people_europe_dates_parse_and_are_ordered(table):
    _, _, rows, _ = table
    for r in rows:
        start_lo, _ = bounds(r["start"])
        assert date(1950, 1, 1) <= start_lo <= date(2026, 12, 31), r
        if r["end"]:
            _, end_hi = bounds(r["end"])
            assert start_lo <= end_hi, r


def test_people_europe_roles_in_allowed_set(table):
    _, _, rows, _ = table
    assert {r["role"] for r in rows} <= ROLES


def test_people_europe_actors_are_alpha3_or_igo(table):
    _, _, rows, _ = table
    for r in rows:
        a = r["actor"]
        if a in IGOS:
            continue
        assert re.fullmatch(r"[A-Z]{3}", a), r
        assert pycountry.countries.get(alpha_3=a) or pycountry.historic_countries.get(alpha_3=a), r


def test_people_europe_no_duplicate_rows(table):
    _, _, rows, raw = table
    dup = [k for k, n in Counter(tuple(r) for r in raw).items() if n > 1]
    assert not dup
    keys = Counter((r["name"], r["actor"], r["office_en"], r["start"]) for r in rows)
    assert not [k for k, n in keys.items() if n > 1]


def test_people_europe_aliases_are_not_bare_surnames_or_the_name(table):
    _, _, rows, _ = table
    for r in rows:
        aliases = [a for a in r["aliases"].split("|") if a] if r["aliases"] else []
        assert r["name"] not in aliases, r
        assert len(aliases) == len(set(aliases)), r
        for a in aliases:
            assert a.strip() == a, r
            # one-word aliases are only acronyms such as AKK or DSK, never a surname
            assert " " in a or a.isupper(), (a, r)


def test_people_europe_one_person_has_one_alias_list(table):
    _, _, rows, _ = table
    seen = defaultdict(set)
    for r in rows:
        seen[r["name"]].add(r["aliases"])
    assert not {n: v for n, v in seen.items() if len(v) > 1}


def test_people_europe_no_overlapping_terms_in_single_holder_offices(table):
    _, _, rows, _ = table
    single = {"President", "Prime Minister", "Chancellor", "Foreign Minister", "Secretary of State",
              "Foreign Secretary", "NATO Secretary General", "UN Secretary-General",
              "President of the European Commission"}
    by_office = defaultdict(list)
    for r in rows:
        if r["office_en"] in single:
            by_office[(r["actor"], r["office_en"])].append(r)
    for key, terms in by_office.items():
        terms.sort(key=lambda r: bounds(r["start"])[0])
        for a, b in zip(terms, terms[1:]):
            assert a["end"], (key, a["name"], "open term followed by", b["name"])
            # a hand-over on the same day (or within a month when only the month is known) is fine
            assert bounds(b["start"])[1] >= bounds(a["end"])[0], (key, a, b)


def test_people_europe_spot_stoltenberg(table):
    _, _, rows, _ = table
    nato = rows_for(rows, "Jens Stoltenberg", "NATO", "NATO Secretary General")
    assert len(nato) == 1
    assert (nato[0]["start"], nato[0]["end"], nato[0]["role"]) == ("2014-10-01", "2024-10-01", "IGO")
    assert nato[0]["office_fr"] == "secrétaire général de l'Otan"
    assert rows_for(rows, "Mark Rutte", "NATO")[0]["start"] == "2024-10-01"


def test_people_europe_spot_lavrov(table):
    _, _, rows, _ = table
    fm = rows_for(rows, "Sergey Lavrov", "RUS", "Foreign Minister")
    assert len(fm) == 1 and fm[0]["start"].startswith("2004") and fm[0]["end"] == ""
    assert fm[0]["role"] == "GOV"
    assert "Sergueï Lavrov" in fm[0]["aliases"].split("|")


def test_people_europe_spot_peskov(table):
    _, _, rows, _ = table
    kremlin = rows_for(rows, "Dmitry Peskov", "RUS", "Kremlin spokesman")
    assert len(kremlin) == 1 and kremlin[0]["office_fr"] == "porte-parole du Kremlin"
    assert "Dmitri Peskov" in kremlin[0]["aliases"].split("|")


def test_people_europe_spot_heads_of_state(table):
    _, _, rows, _ = table
    zel = rows_for(rows, "Volodymyr Zelensky", "UKR", "President")
    assert zel and zel[0]["start"] == "2019-05-20" and zel[0]["end"] == ""
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelenski"} <= set(zel[0]["aliases"].split("|"))
    assert "Vladimir Poutine" in rows_for(rows, "Vladimir Putin", "RUS")[0]["aliases"].split("|")
    macron = rows_for(rows, "Emmanuel Macron", "FRA", "President of the Republic")
    assert macron and macron[0]["start"] == "2017-05-14"
    merkel = rows_for(rows, "Angela Merkel", "DEU", "Chancellor")
    assert merkel[0]["office_fr"] == "chancelière"


def test_people_europe_covers_every_listed_state(table):
    _, _, rows, _ = table
    states = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
              "SVK SVN ESP SWE USA CAN GBR NOR TUR ISL ALB MKD MNE CHE SRB MDA GEO ARM AZE RUS UKR BLR").split()
    offices = defaultdict(set)
    for r in rows:
        offices[r["actor"]].add(r["office_en"])
    for s in states:
        assert offices[s], s
        assert any("Foreign" in o or o == "Secretary of State" for o in offices[s]), s
    for igo in ("NATO", "EU", "UN", "OSCE", "COE", "IAEA", "IMF", "WB", "WHO", "ICC"):
        assert offices[igo], igo
