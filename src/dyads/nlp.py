"""spaCy pipelines: language code -> Language, loaded once per process.

Input: an ISO 639-1 code; the model names to try come from ``lang/<code>/language.yaml``
(an officially installed ``en_core_web_*`` is preferred to the registry copy when present).
Output: a spaCy ``Language`` with two extra components: ``dyads_block_sents`` starts a new
sentence after every line break (titles, ledes, headings and paragraphs never merge) and after a
wire dateline ("PARIS (AFP) -"); ``dyads_verb_pos`` tags as a verb any word with a tense
auxiliary (a participle the tagger called a noun).
Guarantees: each model is loaded at most once per process (``load_pipeline`` is cached);
nothing is downloaded; a language with no installed model raises ``UnsupportedLanguage``.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.attrs import ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

from dyads.errors import UnsupportedLanguage
from dyads.lang import available_languages, get_language

log = logging.getLogger(__name__)


_LINE_BREAK: dict[int, bool] = {}  # token form (ORTH id) -> whether its text holds a line break
_LINE_BREAK_MAX = 500_000  # forms remembered before the table starts again (bounded memory)


@Language.component("dyads_block_sents")
def block_sentences(doc: Doc) -> Doc:
    """Start a sentence after any token holding a line break.

    A token's trailing whitespace is one space or nothing, so only its text can hold one;
    each token form is looked at once per process (its ORTH id), not each token.
    """
    if len(doc) < 2:
        return doc
    if len(_LINE_BREAK) > _LINE_BREAK_MAX:
        _LINE_BREAK.clear()
    strings, breaks = doc.vocab.strings, _LINE_BREAK
    starts = [0]
    for i, orth in enumerate(doc.to_array(ORTH).tolist()[:-1]):
        found = breaks.get(orth)
        if found is None:
            found = breaks[orth] = "\n" in strings[orth]
        if found:
            doc[i + 1].is_sent_start = True
            starts.append(i + 1)
    for start in starts:
        end = _dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


_DASHES = {"-", "--", "–", "—"}
_DATELINE_WINDOW = 14  # tokens: "MOSCOW, Jan 26 (Reuters) -", "KABUL, Afghanistan (AP) —"


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Where the text starts after a wire dateline opening a paragraph ("PARIS (AFP) -",
    "Dubai (Reuters) –", "KABUL, Afghanistan (AP) —"): a dash within a few tokens, after a
    closing parenthesis (the agency) or after a place written in capitals. The dateline
    becomes a sentence of its own, so it is never read as the subject of the first clause."""
    first = doc[start].text
    capitals = len(first) >= 3 and first.isalpha() and first.isupper()
    for k in range(start + 1, min(len(doc) - 1, start + _DATELINE_WINDOW)):
        text = doc[k].text
        if "\n" in text:
            return None
        if text in _DASHES:
            return k + 1 if (doc[k - 1].text == ")" or capitals) else None
    return None


@Language.component("dyads_verb_pos")
def verb_pos(doc: Doc) -> Doc:
    """A word with a tense auxiliary is a verb: the tagger sometimes calls a participle a noun
    ("Joe Biden a téléphoné à ...": téléphoné NOUN with "a" as aux:tense)."""
    aux = doc.vocab.strings["AUX"]
    for i, pos_id in enumerate(doc.to_array(POS).tolist()):  # only auxiliaries become Tokens (speed)
        if pos_id == aux:
            tok = doc[i]
            gov = tok.head
            if gov.i != i and gov.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_.startswith("aux"):
                gov.pos_ = "VERB"
    return doc


def installed_model(code: str) -> str | None:
    """The first model named in the language data that is installed, else None."""
    for name in get_language(code).models:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=None)
def load_pipeline(code: str) -> Language:
    """Load (once) the spaCy pipeline for a language.

    Raises:
        UnsupportedLanguage: no data bundle or no installed model for ``code``.
    """
    if code not in available_languages():
        raise UnsupportedLanguage(code, available=available_languages())
    name = installed_model(code)
    if name is None:
        raise UnsupportedLanguage(code, available=[c for c in available_languages()
                                                   if installed_model(c)])
    log.info("loading spaCy model %s for %s", name, code)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyads_block_sents", before="parser")
        nlp.add_pipe("dyads_verb_pos", after="parser")
    return nlp


def model_info(code: str) -> dict[str, str]:
    """Name and version of the model used for a language (for provenance output)."""
    nlp = load_pipeline(code)
    return {"name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
            "version": nlp.meta.get("version", ""), "spacy": spacy.__version__}
