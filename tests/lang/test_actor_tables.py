"""Consistency checks for the actor codebook and the per-language actor term tables."""
import csv
from pathlib import Path

import pycountry
import pytest

PKG = Path(__file__).resolve().parents[2] / "src" / "dyads"
ACTORS = PKG / "codebooks" / "actors.tsv"
TERMS = {lang: PKG / "lang" / lang / "actor_terms.tsv" for lang in ("fr", "en")}

ACTOR_COLUMNS = ["actor", "kind", "cameo", "name_en", "name_fr", "iso2", "lat", "lon", "parent"]
TERM_COLUMNS = ["term", "actor", "role", "kind"]
ACTOR_KINDS = {"state", "igo", "group"}
TERM_KINDS = {"name", "alias", "acronym", "demonym", "capital", "seat", "region"}
ROLES = {"", "GOV", "MIL", "LEG", "OPP", "JUD", "IGO", "MED", "BUS", "NGO", "CVL", "REB", "COP"}
DESIGN_IGOS = {"NATO", "EU", "UN", "G7", "G20", "OSCE", "AU", "ECOWAS", "IAEA", "WHO", "ICC", "IMF",
               "WB", "CSTO", "SCO", "OPEC", "ASEAN", "ARAB_LEAGUE", "COE"}


def load(path):
    """Read a dyads TSV: leading '#' comment lines, then a header row, then data rows."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().splitlines()
    comments = 0
    while comments < len(lines) and lines[comments].startswith("#"):
        comments += 1
    reader = csv.reader(lines[comments:], delimiter="\t")
    header = next(reader)
    rows = [dict(zip(header, r)) for r in reader]
    widths = {len(r) for r in csv.reader(lines[comments + 1:], delimiter="\t")}
    return comments, header, rows, widths


@pytest.fixture(scope="module")
def actors():
    return load(ACTORS)


@pytest.fixture(scope="module", params=sorted(TERMS))
def terms(request):
    return request.param, load(TERMS[request.param])


def test_actor_tables_have_source_header_and_columns(actors, terms):
    comments, header, rows, widths = actors
    assert comments >= 2 and header == ACTOR_COLUMNS and widths == {len(ACTOR_COLUMNS)}
    lang, (comments, header, rows, widths) = terms
    assert comments >= 2 and header == TERM_COLUMNS and widths == {len(TERM_COLUMNS)}
    for path in [ACTORS, *TERMS.values()]:
        head = path.read_text(encoding="utf-8")[:3000].lower()
        assert "licence" in head and "source" in head


def test_actor_tables_actor_ids_unique_and_well_formed(actors):
    _, _, rows, _ = actors
    ids = [r["actor"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["kind"] in ACTOR_KINDS, r
        assert r["actor"] == r["actor"].upper() and " " not in r["actor"], r
        assert r["cameo"] and r["name_en"] and r["name_fr"], r
        if r["kind"] == "state":
            assert len(r["actor"]) == 3 and len(r["iso2"]) == 2 and len(r["cameo"]) == 3, r
        else:
            assert r["iso2"] == "", r
        if r["kind"] == "igo":
            assert r["cameo"].startswith("IGO"), r
        if r["lat"] or r["lon"] or r["kind"] == "state":
            lat, lon = float(r["lat"]), float(r["lon"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180, r
            assert len(r["lat"].split(".")[1]) == 2 and len(r["lon"].split(".")[1]) == 2, r


def test_actor_tables_cover_every_iso_country_and_design_ids(actors):
    _, _, rows, _ = actors
    states = {r["actor"]: r for r in rows if r["kind"] == "state"}
    iso = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    assert set(iso) <= set(states)
    assert {"PSE", "XKX"} <= set(states)
    for a3, a2 in iso.items():
        assert states[a3]["iso2"] == a2
    assert states["XKX"]["cameo"] == "KSV"
    ids = {r["actor"] for r in rows}
    assert DESIGN_IGOS <= ids
    assert {"HAMAS", "WAGNER", "AMNESTY"} <= ids
    assert {r["actor"]: r["cameo"] for r in rows}["NATO"] == "IGOWSTNAT"


def test_actor_tables_terms_pairs_unique(terms):
    lang, (_, _, rows, _) = terms
    pairs = [(r["term"], r["actor"]) for r in rows]
    seen, dupes = set(), set()
    for p in pairs:
        (dupes if p in seen else seen).add(p)
    assert not dupes, (lang, sorted(dupes))
    # outside acronyms (matched case-sensitively), case-only variants add nothing
    folded = [(r["term"].lower(), r["actor"]) for r in rows if r["kind"] != "acronym"]
    assert len(folded) == len(set(folded)), lang


def test_actor_tables_terms_refer_to_known_actors_with_allowed_kinds_and_roles(actors, terms):
    ids = {r["actor"] for r in actors[2]}
    lang, (_, _, rows, _) = terms
    for r in rows:
        assert r["actor"] in ids, (lang, r)
        assert r["kind"] in TERM_KINDS, (lang, r)
        assert r["role"] in ROLES, (lang, r)
        t = r["term"]
        assert t and t == t.strip() and "  " not in t, (lang, r)
        assert "\u2019" not in t and "\u2018" not in t, (lang, r)  # straight apostrophes only
        if r["kind"] == "capital":
            assert r["role"] in {"GOV", ""}, (lang, r)


def test_actor_tables_every_state_named_in_both_languages(actors):
    states = {r["actor"] for r in actors[2] if r["kind"] == "state"}
    for lang, path in TERMS.items():
        covered = {r["actor"] for r in load(path)[2]}
        assert not states - covered, (lang, sorted(states - covered))


def test_actor_tables_key_forms_present():
    fr = {(r["term"], r["actor"], r["role"]) for r in load(TERMS["fr"])[2]}
    en = {(r["term"], r["actor"], r["role"]) for r in load(TERMS["en"])[2]}
    for t in [("Russie", "RUS", ""), ("russes", "RUS", ""), ("Kremlin", "RUS", "GOV"),
              ("Moscou", "RUS", "GOV"), ("Otan", "NATO", ""), ("OTAN", "NATO", ""),
              ("otaniennes", "NATO", ""), ("Pentagone", "USA", "MIL"), ("Tsahal", "ISR", "MIL"),
              ("Cédéao", "ECOWAS", ""), ("américaines", "USA", ""), ("Bruxelles", "EU", "")]:
        assert t in fr, t
    for t in [("Russia", "RUS", ""), ("Russians", "RUS", ""), ("Kremlin", "RUS", "GOV"),
              ("Moscow", "RUS", "GOV"), ("NATO", "NATO", ""), ("Pentagon", "USA", "MIL"),
              ("IDF", "ISR", "MIL"), ("Kyiv", "UKR", "GOV"), ("Beijing", "CHN", "GOV")]:
        assert t in en, t


def test_actor_tables_parents_are_known_igos(actors):
    _, _, rows, _ = actors
    igos = {r["actor"] for r in rows if r["kind"] == "igo"}
    for r in rows:
        if r["parent"]:
            assert r["kind"] == "igo" and r["parent"] in igos and r["parent"] != r["actor"], r
