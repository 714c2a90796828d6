"""Consistency and spot facts for the office-holder table codebooks/people_more.tsv.

people_more completes people_europe.tsv and people_world.tsv (ministers, presiding officers of
parliaments, party and group leaders): it must read like them and must not repeat their terms.
"""
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from tsvfiles import PEOPLE_COLUMNS, bounds, check_header_and_licence, load

CODEBOOKS = Path(__file__).resolve().parents[2] / "src" / "dyads" / "codebooks"
MORE = CODEBOOKS / "people_more.tsv"
OTHERS = [CODEBOOKS / "people_europe.tsv", CODEBOOKS / "people_world.tsv"]
COLUMNS = PEOPLE_COLUMNS
ROLES = {"GOV", "MIL", "LEG", "OPP", "JUD", "IGO", "REB", "MED", "BUS", "NGO", "CVL"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")






def span(row):
    """(first possible day, last possible day) of a term; an open end runs to date.max."""
    return bounds(row["start"])[0], bounds(row["end"])[1] if row["end"] else date.max


@pytest.fixture(scope="module")
def table():
    comments, header, raw = load(MORE)
    return comments, header, [dict(zip(header, r)) for r in raw], raw


@pytest.fixture(scope="module")
def others():
    return [dict(zip(h, r)) for path in OTHERS for _, h, rows in [load(path)] for r in rows]


@pytest.fixture(scope="module")
def actor_ids():
    _, header, rows = load(CODEBOOKS / "actors.tsv")
    return {dict(zip(header, r))["actor"] for r in rows}


def rows_for(rows, name, office=None):
    return [r for r in rows if r["name"] == name and (office is None or r["office_en"] == office)]


def test_people_more_header_columns_and_licence(table):
    check_header_and_licence(table, COLUMNS, 300)


def test_people_more_cells_are_clean(table):
    _, _, rows, _ = table
    for r in rows:
        for col in ("name", "actor", "role", "office_en", "office_fr", "start"):
            assert r[col] and r[col].strip() == r[col], (col, r)
        assert "\u2019" not in r["office_fr"] + r["office_en"], r  # straight apostrophes only
        assert unicodedata.is_normalized("NFC", r["name"] + r["aliases"] + r["office_fr"]), r


def test_people_more_dates_parse_and_are_ordered(table):
    _, _, rows, _ = table
    for r in rows:
        start_lo, _ = bounds(r["start"])
        assert date(1970, 1, 1) <= start_lo <= date(2026, 12, 31), r
        if r["end"]:
            assert start_lo <= bounds(r["end"])[1], r


def test_people_more_roles_allowed_and_actors_known(table, actor_ids):
    _, _, rows, _ = table
    for r in rows:
        assert r["role"] in ROLES, r
        assert r["actor"] in actor_ids, r


def test_people_more_no_duplicate_rows_or_overlapping_terms(table):
    _, _, rows, raw = table
    assert not [k for k, n in Counter(tuple(r) for r in raw).items() if n > 1]
    terms = defaultdict(list)
    for r in rows:
        terms[(r["name"], r["actor"], r["office_en"])].append(r)
    for key, same in terms.items():
        same.sort(key=lambda r: span(r)[0])
        for a, b in zip(same, same[1:]):
            # consecutive spells of one office touch at most on the hand-over day
            assert span(a)[1] <= span(b)[0], (key, a["start"], b["start"])


def test_people_more_repeats_no_term_of_the_other_tables(table, others):
    _, _, rows, _ = table
    known = defaultdict(list)
    for o in others:
        known[(o["name"], o["actor"], o["office_en"])].append(span(o))
    for r in rows:
        lo, hi = span(r)
        for o_lo, o_hi in known.get((r["name"], r["actor"], r["office_en"]), []):
            assert hi < o_lo or o_hi < lo, ("already in people_europe/people_world", r)


def test_people_more_names_and_aliases_agree_with_the_other_tables(table, others):
    _, _, rows, _ = table
    def folded(s):
        return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    canonical = {folded(o["name"]): o["name"] for o in others}
    aliases = defaultdict(set)
    for r in rows:
        aliases[r["name"]].add(r["aliases"])
        assert canonical.get(folded(r["name"]), r["name"]) == r["name"], r  # same spelling as elsewhere
        parts = [a for a in r["aliases"].split("|") if a]
        assert r["name"] not in parts and len(parts) == len(set(parts)), r
        for a in parts:
            assert a.strip() == a and (" " in a or a.isupper()), (a, r)  # never a bare surname
    assert not {n: a for n, a in aliases.items() if len(a) > 1}  # one alias list per person


def test_people_more_spot_facts(table):
    _, _, rows, _ = table
    pelosi = rows_for(rows, "Nancy Pelosi", "Speaker of the House of Representatives")
    assert {(r["actor"], r["role"], r["start"], r["end"]) for r in pelosi} >= {
        ("USA", "LEG", "2019-01-03", "2023-01-03"), ("USA", "LEG", "2007-01-04", "2011-01-03")}
    johnson = rows_for(rows, "Mike Johnson", "Speaker of the House of Representatives")
    assert [(r["start"], r["end"]) for r in johnson] == [("2023-10-25", "")]
    assert [(r["actor"], r["role"], r["start"]) for r in rows_for(rows, "Chuck Schumer", "Senate Majority Leader")] \
        == [("USA", "LEG", "2021-01-20")]
    assert [(r["start"], r["end"]) for r in rows_for(rows, "Harriet Harman")] == \
        [("2010-05-11", "2010-09-25"), ("2015-05-08", "2015-09-12")]
    darmanin = {r["office_fr"]: r for r in rows_for(rows, "Gérald Darmanin")}
    assert darmanin["ministre de l'Intérieur"]["start"] == "2020-07-06"
    assert darmanin["garde des Sceaux, ministre de la Justice"]["end"] == ""
    assert "Gerald Darmanin" in darmanin["ministre de l'Intérieur"]["aliases"].split("|")
    assert [(r["start"], r["end"]) for r in rows_for(rows, "Claude Bartolone", "President of the National Assembly")] \
        == [("2012-06-26", "2017-06-20")]
    assert rows_for(rows, "Christian Lindner", "Finance Minister")[0]["end"] == "2024-11-07"
    assert rows_for(rows, "Rachel Reeves", "Chancellor of the Exchequer")[0]["actor"] == "GBR"
    weber = rows_for(rows, "Manfred Weber")[0]
    assert (weber["actor"], weber["role"], weber["start"]) == ("DEU", "LEG", "2014-06-04")
    roles = {r["role"] for r in rows_for(rows, "Markus Söder", "Leader of the CSU")}
    assert roles == {"GOV", "OPP"}  # the party left and re-entered the federal government
