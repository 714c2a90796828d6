"""Consistency of the shipped codebooks: CAMEO event codes and the per-language reporting verbs."""

import csv
import io
from importlib import resources

import pytest

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
# Mode names from the PLOVER manual's mode tables, per event type.
PLOVER_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
               "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "cleansing", "massacre", "unconventional", "sideAB"},
}
KINDS = {"say", "ask", "evaluate", "deny", "threat", "promise"}
LANGS = ("fr", "en")


def _read(package: str, name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header comments and rows of a package TSV (comments first, then a header row)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(body)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return comments, list(reader)


def _quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@pytest.fixture(scope="module")
def cameo() -> dict[str, dict[str, str]]:
    _, rows = _read("dyads.codebooks", "cameo.tsv")
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        assert row["code"] not in table, f"duplicate code {row['code']}"
        table[row["code"]] = row
    return table


@pytest.fixture(scope="module", params=LANGS)
def verbs(request) -> tuple[str, list[str], list[dict[str, str]]]:
    comments, rows = _read(f"dyads.lang.{request.param}", "reporting_verbs.tsv")
    return request.param, comments, rows


def test_codebooks_cameo_header_and_columns():
    comments, rows = _read("dyads.codebooks", "cameo.tsv")
    text = " ".join(comments)
    for source in ("CAMEO", "1.1b3", "Goldstein", "PLOVER", "Licence"):
        assert source in text
    assert list(rows[0]) == ["code", "label", "root", "quad_class", "goldstein",
                             "plover_type", "plover_mode"]


def test_codebooks_cameo_codes_are_2_to_4_digits_under_their_root(cameo):
    for code, row in cameo.items():
        assert code.isdigit() and 2 <= len(code) <= 4, code
        assert row["root"] == code[:2], code
        assert row["label"].strip(), code
        if len(code) > 2:
            assert code[:2] in cameo, f"{code} has no root row"
        if len(code) == 4:
            assert code[:3] in cameo, f"{code} has no 3-digit parent"


def test_codebooks_cameo_has_all_roots_and_enough_codes(cameo):
    roots = {code for code in cameo if len(code) == 2}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert len(cameo) >= 280
    for root in roots:
        assert root + "0" in cameo, f"root {root} lacks its 'other' code"


def test_codebooks_cameo_quad_class_follows_root(cameo):
    for code, row in cameo.items():
        assert int(row["quad_class"]) == _quad(row["root"]), code


def test_codebooks_cameo_goldstein_in_range_with_one_decimal(cameo):
    for code, row in cameo.items():
        value = float(row["goldstein"])
        assert -10.0 <= value <= 10.0, code
        assert row["goldstein"] == f"{value:.1f}", code


def test_codebooks_cameo_plover_types_and_modes_are_known(cameo):
    for code, row in cameo.items():
        ptype, mode = row["plover_type"], row["plover_mode"]
        assert ptype == "" or ptype in PLOVER_TYPES, code
        if mode:
            assert ptype, f"{code} has a mode but no type"
            assert mode in PLOVER_MODES.get(ptype, set()), f"{code}: {ptype}/{mode}"


@pytest.mark.parametrize(
    "code, root, quad, ptype",
    [
        ("174", "17", 4, "COERCE"),
        ("163", "16", 4, "SANCTION"),
        ("040", "04", 1, "CONSULT"),
        ("111", "11", 3, "ACCUSE"),
        ("0874", "08", 2, "RETREAT"),
        ("1823", "18", 4, "ASSAULT"),
        ("010", "01", 1, ""),
    ],
)
def test_codebooks_cameo_spot_checks(cameo, code, root, quad, ptype):
    row = cameo[code]
    assert row["root"] == root
    assert int(row["quad_class"]) == quad
    assert row["plover_type"] == ptype


def test_codebooks_cameo_goldstein_spot_checks(cameo):
    expected = {"010": 0.0, "042": 1.9, "057": 8.0, "0874": 10.0, "130": -4.4, "163": -8.0,
                "174": -5.0, "1823": -10.0, "204": -10.0}
    for code, value in expected.items():
        assert float(cameo[code]["goldstein"]) == value, code


def test_codebooks_verbs_header_and_columns(verbs):
    lang, comments, rows = verbs
    assert any("CAMEO" in line for line in comments), lang
    assert any("Licence" in line for line in comments), lang
    assert list(rows[0]) == ["lemma", "cameo", "kind"], lang


def test_codebooks_verbs_enough_and_unique(verbs):
    lang, _, rows = verbs
    lemmas = [row["lemma"] for row in rows]
    assert len(lemmas) >= {"fr": 120, "en": 100}[lang]
    duplicates = {lemma for lemma in lemmas if lemmas.count(lemma) > 1}
    assert not duplicates, f"{lang}: {sorted(duplicates)}"


def test_codebooks_verbs_lemmas_are_lowercase_single_words(verbs):
    lang, _, rows = verbs
    for row in rows:
        lemma = row["lemma"]
        assert lemma == lemma.lower() == lemma.strip(), f"{lang}: {lemma!r}"
        assert lemma.isalpha(), f"{lang}: {lemma!r}"


def test_codebooks_verbs_cameo_codes_exist_and_kinds_are_known(verbs, cameo):
    lang, _, rows = verbs
    for row in rows:
        assert row["cameo"] in cameo, f"{lang}: {row['lemma']} -> {row['cameo']}"
        assert row["kind"] in KINDS, f"{lang}: {row['lemma']} kind {row['kind']}"


@pytest.mark.parametrize(
    "lang, lemma, code, kind",
    [
        ("fr", "dire", "010", "say"),
        ("fr", "saluer", "051", "evaluate"),
        ("fr", "démentir", "016", "deny"),
        ("fr", "menacer", "130", "threat"),
        ("fr", "exiger", "100", "ask"),
        ("en", "say", "010", "say"),
        ("en", "accuse", "112", "evaluate"),
        ("en", "vow", "030", "promise"),
        ("en", "urge", "020", "ask"),
    ],
)
def test_codebooks_verbs_spot_checks(lang, lemma, code, kind):
    _, rows = _read(f"dyads.lang.{lang}", "reporting_verbs.tsv")
    table = {row["lemma"]: row for row in rows}
    assert table[lemma]["cameo"] == code
    assert table[lemma]["kind"] == kind


def test_codebooks_verbs_skip_non_reporting_lemmas():
    _, fr_rows = _read("dyads.lang.fr", "reporting_verbs.tsv")
    assert "refuser" not in {row["lemma"] for row in fr_rows}
