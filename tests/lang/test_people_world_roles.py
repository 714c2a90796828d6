"""Consistency and spot facts for codebooks/people_world.tsv and the role words in lang/<xx>/roles.tsv."""
import csv
import re
import unicodedata
from collections import Counter
from datetime import date
from importlib import resources

import pytest

PEOPLE_COLUMNS = ["name", "aliases", "actor", "role", "office_en", "office_fr", "start", "end"]
ROLE_COLUMNS = ["term", "role", "cameo_role", "kind"]
PEOPLE_ROLES = {"GOV", "LEG", "OPP", "MIL", "JUD", "REB", "IGO"}
ROLES = {"GOV", "MIL", "LEG", "OPP", "JUD", "IGO", "MED", "BUS", "NGO", "CVL", "REB"}
# CAMEO actor-role (type) codes, CAMEO codebook v1.1b3.
CAMEO_ROLES = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
    "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "PKO",
    "MNC", "NGM", "NGO", "SET",
}
KINDS = {"title", "group"}
LANGS = ("fr", "en")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _read(package: str, name: str) -> tuple[list[str], list[str], list[list[str]]]:
    """Leading '#' comment lines, the header row, then the data rows."""
    lines = resources.files(package).joinpath(name).read_text(encoding="utf-8").splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    reader = csv.reader(lines[n:], delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return lines[:n], header, [row for row in reader if row]


def _bounds(value: str) -> tuple[date, date]:
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD value can stand for."""
    m = DATE.match(value)
    if not m:
        raise ValueError(f"bad date {value!r}")
    year = int(m[1])
    if m[3]:
        day = date(year, int(m[2]), int(m[3]))
        return day, day
    if m[2]:
        month = int(m[2])
        last = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        return date(year, month, 1), date(year, month, last)
    return date(year, 1, 1), date(year, 12, 31)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    _, header, rows = _read("dyads.codebooks", "people_world.tsv")
    assert header == PEOPLE_COLUMNS
    return [dict(zip(header, row)) for row in rows]


@pytest.fixture(scope="module", params=LANGS)
def roles(request) -> tuple[str, list[dict[str, str]]]:
    _, header, rows = _read(f"dyads.lang.{request.param}", "roles.tsv")
    assert header == ROLE_COLUMNS
    return request.param, [dict(zip(header, row)) for row in rows]


def _holding(people, name: str, when: date) -> list[dict[str, str]]:
    out = []
    for row in people:
        if row["name"] != name:
            continue
        start = _bounds(row["start"])[0]
        end = _bounds(row["end"])[1] if row["end"] else date.max
        if start <= when <= end:
            out.append(row)
    return out


# ---- people_world.tsv -------------------------------------------------------------------------

def test_people_world_roles_header_gives_source_and_licence():
    comments, _, _ = _read("dyads.codebooks", "people_world.tsv")
    text = " ".join(comments)
    assert "public record" in text and "CC0" in text and "dyads" in text


def test_people_world_roles_rows_have_all_columns(people):
    _, header, rows = _read("dyads.codebooks", "people_world.tsv")
    for row in rows:
        assert len(row) == len(header), row
    for row in people:
        assert row["name"].strip() == row["name"] and row["name"], row
        assert row["actor"] and row["office_en"] and row["office_fr"] and row["start"], row
    assert len(people) >= 500


def test_people_world_roles_dates_parse_and_start_before_end(people):
    for row in people:
        start = _bounds(row["start"])
        if row["end"]:
            end = _bounds(row["end"])
            assert start[0] <= end[1], f"{row['name']}: {row['start']} > {row['end']}"
        assert start[0] <= date(2026, 12, 31), row


def test_people_world_roles_role_codes_allowed(people):
    assert {row["role"] for row in people} <= PEOPLE_ROLES


def test_people_world_roles_actors_are_known(people):
    _, header, rows = _read("dyads.codebooks", "actors.tsv")
    known = {dict(zip(header, row))["actor"] for row in rows}
    unknown = {row["actor"] for row in people} - known
    assert not unknown, sorted(unknown)


def test_people_world_roles_no_duplicate_rows(people):
    keys = Counter((r["name"], r["actor"], r["office_en"], r["start"]) for r in people)
    assert [k for k, n in keys.items() if n > 1] == []
    lines = Counter(tuple(r.values()) for r in people)
    assert [k for k, n in lines.items() if n > 1] == []


def test_people_world_roles_aliases_not_bare_surnames_nor_shared(people):
    owner: dict[str, set[str]] = {}
    for row in people:
        surname = _fold(row["name"].split()[-1])
        for alias in filter(None, row["aliases"].split("|")):
            assert alias == alias.strip(), alias
            assert not (" " not in alias and _fold(alias) == surname), f"bare surname {alias!r}"
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            owner.setdefault(_fold(form), set()).add(row["name"])
    shared = {form: names for form, names in owner.items() if len(names) > 1}
    assert not shared, shared


def test_people_world_roles_spot_xi_jinping(people):
    rows = [r for r in people if r["name"] == "Xi Jinping" and r["office_en"] == "President"]
    assert [(r["actor"], r["role"], r["start"], r["end"]) for r in rows] == [("CHN", "GOV", "2013-03-14", "")]
    assert _holding(people, "Xi Jinping", date(2012, 1, 1))[0]["office_en"] == "Vice President"


def test_people_world_roles_spot_mahmoud_abbas(people):
    rows = [r for r in people if r["name"] == "Mahmoud Abbas"]
    assert rows and {r["actor"] for r in rows} == {"PSE"}
    assert "Mahmoud Abbès" in rows[0]["aliases"].split("|")
    current = _holding(people, "Mahmoud Abbas", date(2020, 6, 1))
    assert current[0]["office_en"] == "President of the Palestinian Authority"


@pytest.mark.parametrize("name,actor,role,when", [
    ("Hassan Nasrallah", "HEZBOLLAH", "REB", date(2010, 1, 1)),
    ("Naim Qassem", "HEZBOLLAH", "REB", date(2025, 1, 1)),
    ("Yevgeny Prigozhin", "WAGNER", "REB", date(2022, 6, 1)),
    ("Benjamin Netanyahu", "ISR", "GOV", date(2024, 1, 1)),
    ("Ebrahim Raisi", "IRN", "GOV", date(2022, 1, 1)),
    ("Assimi Goïta", "MLI", "GOV", date(2023, 1, 1)),
    ("Moussa Faki Mahamat", "AU", "IGO", date(2020, 1, 1)),
    ("Mao Ning", "CHN", "GOV", date(2023, 1, 1)),
])
def test_people_world_roles_spot_holders(people, name, actor, role, when):
    current = _holding(people, name, when)
    assert current, f"{name} holds nothing on {when}"
    assert (current[0]["actor"], current[0]["role"]) == (actor, role)


def test_people_world_roles_one_head_of_state_at_a_time(people):
    """No two different people are both the (non-acting) president of the same state on the same day."""
    heads = [r for r in people if r["office_en"] == "President" and len(r["actor"]) == 3]
    by_actor: dict[str, list[dict[str, str]]] = {}
    for row in heads:
        by_actor.setdefault(row["actor"], []).append(row)
    contested = {"CIV", "BRA"}  # 2010-11 rival presidents; 2016 suspension overlap
    for actor, rows in by_actor.items():
        if actor in contested:
            continue
        rows.sort(key=lambda r: _bounds(r["start"])[0])
        for a, b in zip(rows, rows[1:]):
            assert a["end"], f"{actor}: {a['name']} has no end but {b['name']} follows"
            assert _bounds(b["start"])[1] >= _bounds(a["end"])[0], (actor, a["name"], b["name"])


# ---- roles.tsv ----------------------------------------------------------------------------------

def test_people_world_roles_role_words_header_and_size(roles):
    lang, rows = roles
    comments, _, _ = _read(f"dyads.lang.{lang}", "roles.tsv")
    assert "CC0" in " ".join(comments)
    assert len(rows) >= 200


def test_people_world_roles_role_words_codes_allowed(roles):
    lang, rows = roles
    for row in rows:
        assert row["term"] == row["term"].lower().strip() and row["term"], (lang, row)
        assert row["role"] in ROLES, (lang, row)
        assert row["cameo_role"] in CAMEO_ROLES, (lang, row)
        assert row["kind"] in KINDS, (lang, row)


def test_people_world_roles_role_words_unique(roles):
    lang, rows = roles
    keys = Counter(_fold(r["term"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == [], lang


@pytest.mark.parametrize("lang,pairs", [
    ("fr", [("armée", "armées"), ("diplomate", "diplomates"), ("manifestant", "manifestants"),
            ("soldat", "soldats"), ("rebelle", "rebelles"), ("député", "députés")]),
    ("en", [("army", "armies"), ("diplomat", "diplomats"), ("protester", "protesters"),
            ("soldier", "soldiers"), ("rebel", "rebels"), ("lawmaker", "lawmakers")]),
])
def test_people_world_roles_role_words_plurals_present(lang, pairs):
    _, header, rows = _read(f"dyads.lang.{lang}", "roles.tsv")
    table = {r[0]: dict(zip(header, r)) for r in rows}
    for sing, plural in pairs:
        assert sing in table and plural in table, (lang, sing, plural)
        assert table[plural]["kind"] == "group"
        assert table[plural]["role"] == table[sing]["role"]


@pytest.mark.parametrize("lang,term,role,cameo,kind", [
    ("fr", "ministre des affaires étrangères", "GOV", "GOV", "title"),
    ("fr", "porte-parole", "GOV", "GOV", "title"),
    ("fr", "police", "GOV", "COP", "group"),
    ("fr", "services de renseignement", "GOV", "SPY", "group"),
    ("fr", "militant", "NGO", "NGM", "title"),
    ("fr", "djihadistes", "REB", "REB", "group"),
    ("en", "top diplomat", "GOV", "GOV", "title"),
    ("en", "spokeswoman", "GOV", "GOV", "title"),
    ("en", "troops", "MIL", "MIL", "group"),
    ("en", "militants", "REB", "REB", "group"),
    ("en", "secretary-general", "IGO", "IGO", "title"),
])
def test_people_world_roles_role_words_spot(lang, term, role, cameo, kind):
    _, header, rows = _read(f"dyads.lang.{lang}", "roles.tsv")
    table = {r[0]: dict(zip(header, r)) for r in rows}
    assert (table[term]["role"], table[term]["cameo_role"], table[term]["kind"]) == (role, cameo, kind)


def test_people_world_roles_role_words_load_through_registry():
    from dyads.lang import LanguageData

    for lang in LANGS:
        data = LanguageData.load(lang)
        assert len(data.roles) >= 200, lang
    assert LanguageData.load("fr").roles["armee"].role == "MIL"
    assert LanguageData.load("en").roles["police"].cameo_role == "COP"
