"""Language data registry: ISO 639-1 code -> LanguageData, read from ``lang/<code>/``.

Input: the package data files of one language:
    language.yaml        spaCy model names, dependency label sets, function words, cues
    timex.yaml           month and weekday names, relative time words
    actor_terms.tsv      term -> actor id, role, kind (names, demonyms, capitals, seats)
    roles.tsv            role nouns and titles -> role, CAMEO role code
    triggers.tsv         event trigger lemmas -> CAMEO code and argument frame
    reporting_verbs.tsv  verbs of saying -> CAMEO statement code
Output: a frozen ``LanguageData`` with dict/set lookups, loaded once per process and cached.
Guarantees: a malformed row raises ``LexiconError(path, line, reason)``; no code anywhere
branches on the language code: adding a language is a spaCy model plus a folder here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyads.errors import LexiconError, UnsupportedLanguage
from dyads.textnorm import fold, norm_apostrophes

ROLES = {"", "GOV", "MIL", "LEG", "OPP", "JUD", "IGO", "MED", "BUS", "NGO", "CVL", "REB", "COP"}
SLOT_NAMES = {"subj", "obj", "agent", "poss", "adj", "gov", "compound", "iobj"}
TRIGGER_FLAGS = {"sym", "speech", "target_required", "threat_if_future"}


def read_tsv(package: str, name: str) -> list[tuple[int, dict[str, str]]]:
    """Read a TSV package file: ``#`` comment lines first, then a header row.

    Returns (line number, row) pairs; an absent file gives an empty list.
    """
    path = resources.files(package).joinpath(name)
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    reader = csv.DictReader(io.StringIO("\n".join(lines[skip:])), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    rows = []
    for offset, row in enumerate(reader, start=skip + 2):
        if not any((v or "").strip() for v in row.values()):
            continue
        if None in row:
            raise LexiconError(f"{package}/{name}", offset, "more cells than header columns")
        rows.append((offset, {k: (v or "").strip() for k, v in row.items()}))
    return rows


def read_yaml(package: str, name: str) -> dict[str, Any]:
    path = resources.files(package).joinpath(name)
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class Trigger:
    """One trigger lexicon entry."""

    lemma: str
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]
    extra: tuple[str, ...] = ()  # lemmas of required dependents (multiword triggers)
    line: int = 0
    surface: str = ""  # the head lemma as written, accents kept (marche is not marché)
    variant: str = ""  # set by the coder when it recodes the entry ("future", "if" for threats)

    @property
    def rule(self) -> str:
        return f"{self.pos.lower()}.{'_'.join((self.lemma,) + self.extra + ((self.variant,) if self.variant else ()))}"


@dataclass(frozen=True)
class RoleTerm:
    term: str
    role: str
    cameo_role: str
    kind: str


@dataclass
class LanguageData:
    """Everything language-specific that the extractors read."""

    code: str
    config: dict[str, Any]
    timex: dict[str, Any]
    actor_terms: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    roles: dict[str, RoleTerm] = field(default_factory=dict)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    reporting: dict[str, tuple[str, str]] = field(default_factory=dict)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    # ---- convenience views over config -------------------------------------------------
    def words(self, key: str) -> frozenset[str]:
        """A list setting of language.yaml as folded words (computed once per key)."""
        cached = self._words.get(key)
        if cached is not None:
            return cached
        values = self.config.get(key, []) or []
        for w in values:
            if not isinstance(w, str):  # YAML reads bare on/no/yes as booleans
                raise LexiconError(f"lang/{self.code}/language.yaml", 0, f"{key}: {w!r} is not a string; quote it")
        self._words[key] = frozenset(fold(w) for w in values)
        return self._words[key]

    def deps_config(self) -> dict[str, list[str]]:
        return dict(self.config.get("deps", {}) or {})

    def deps(self, key: str) -> frozenset[str]:
        return frozenset((self.config.get("deps", {}) or {}).get(key, []) or [])

    @property
    def models(self) -> list[str]:
        return list(self.config.get("models", []))

    def lemma_keys(self, text: str, lemma: str, pos: str) -> list[str]:
        """Lemma lookup keys for a token: the model's lemma, the form, suffix rewrites."""
        keys = [fold(lemma), fold(text)]
        if pos in ("VERB", "AUX") and keys[0] == keys[1]:
            for suffix, repl in (self.config.get("verb_lemma_suffixes") or {}).items():
                if keys[1].endswith(suffix):
                    keys.append(keys[1][: -len(suffix)] + repl)
        return keys

    def trigger_entries(self, text: str, lemma: str, tag: str, pos: str) -> list[Trigger]:
        """The lexicon entries of a token (its form, lemma and universal tag) under the lexicon
        POS ``pos`` ("VERB", "NOUN" or "ADJ"); empty when it is no trigger."""
        return next((self.triggers[(k, pos)] for k in self.lemma_keys(text, lemma, tag)
                     if (k, pos) in self.triggers), [])

    def reporting_entry(self, text: str, lemma: str, tag: str) -> tuple[str, str] | None:
        """(CAMEO code, kind) of a verb of saying (reporting_verbs.tsv), else None."""
        return next((self.reporting[k] for k in self.lemma_keys(text, lemma, tag) if k in self.reporting), None)

    def prep(self, word: str) -> str:
        """Normalise a preposition (contracted forms such as du/au -> de/à)."""
        w = fold(word)
        return (self.config.get("prep_normalise", {}) or {}).get(w, w)

    @classmethod
    def load(cls, code: str) -> "LanguageData":
        package = f"dyads.lang.{code}"
        data = cls(code=code, config=read_yaml(package, "language.yaml"),
                   timex=read_yaml(package, "timex.yaml"))
        _load_actor_terms(data, package)
        _load_roles(data, package)
        _load_triggers(data, package)
        _load_reporting(data, package)
        return data


def _load_actor_terms(data: LanguageData, package: str) -> None:
    for line, row in read_tsv(package, "actor_terms.tsv"):
        term, actor = norm_apostrophes(row.get("term", "")), row.get("actor", "")
        if not term or not actor:
            raise LexiconError(f"{package}/actor_terms.tsv", line, "empty term or actor")
        role = row.get("role", "")
        if role not in ROLES:
            raise LexiconError(f"{package}/actor_terms.tsv", line, f"unknown role {role!r}")
        data.actor_terms.setdefault(term, []).append((actor, role, row.get("kind", "")))


def _load_roles(data: LanguageData, package: str) -> None:
    for line, row in read_tsv(package, "roles.tsv"):
        role = row.get("role", "")
        if role not in ROLES:
            raise LexiconError(f"{package}/roles.tsv", line, f"unknown role {role!r}")
        term = fold(row.get("term", ""))
        if term and term not in data.roles:
            data.roles[term] = RoleTerm(term, role, row.get("cameo_role") or role, row.get("kind", ""))


def _parse_slots(value: str, where: str, line: int) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in value.split("|") if s.strip())
    for slot in slots:
        if slot not in SLOT_NAMES and not slot.startswith("prep:"):
            raise LexiconError(where, line, f"unknown slot {slot!r}")
    return slots


def _load_triggers(data: LanguageData, package: str) -> None:
    where = f"{package}/triggers.tsv"
    for line, row in read_tsv(package, "triggers.tsv"):
        words = fold(row.get("lemma", "")).split()
        cameo = row.get("cameo", "")
        if not words or not cameo.isdigit() or not 2 <= len(cameo) <= 4:
            raise LexiconError(where, line, f"bad lemma or cameo code {cameo!r}")
        flags = frozenset(f.strip() for f in row.get("flags", "").split(",") if f.strip())
        if flags - TRIGGER_FLAGS:
            raise LexiconError(where, line, f"unknown flags {sorted(flags - TRIGGER_FLAGS)}")
        pos = (row.get("pos") or "VERB").upper()
        trig = Trigger(words[0], pos, cameo, _parse_slots(row.get("source", ""), where, line),
                       _parse_slots(row.get("target", ""), where, line), flags,
                       tuple(data.prep(w) for w in words[1:]), line,
                       norm_apostrophes(row.get("lemma", "")).lower().split()[0])
        data.triggers.setdefault((words[0], pos), []).append(trig)


def _load_reporting(data: LanguageData, package: str) -> None:
    for _line, row in read_tsv(package, "reporting_verbs.tsv"):
        lemma = fold(row.get("lemma", ""))
        if lemma and lemma not in data.reporting:
            data.reporting[lemma] = (row.get("cameo", "010") or "010", row.get("kind", "say"))


def available_languages() -> list[str]:
    root = resources.files("dyads.lang")
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and p.joinpath("language.yaml").is_file())


@lru_cache(maxsize=None)
def get_language(code: str) -> LanguageData:
    """Return the data bundle for an ISO 639-1 code, loaded once and then cached."""
    if code not in available_languages():
        raise UnsupportedLanguage(code, available=available_languages())
    return LanguageData.load(code)
