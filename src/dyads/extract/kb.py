"""Actor knowledge base: codebooks + one language's terms -> lookup tables, built once.

Input: ``codebooks/actors.tsv`` (states, IGOs, groups), ``codebooks/people*.tsv`` (people with
dated offices), the language's ``actor_terms.tsv`` and ``roles.tsv``, optional user actor
files (TSV in the actor_terms layout, YAML, or CAMEO/PETRARCH dictionary text), and the
language's spaCy tokenizer (so multiword terms are keyed exactly as the text is tokenised).
Output: ``ActorKB`` with dict lookups keyed by folded token tuples: actor terms, role terms,
people by full name/alias and by surname.
Guarantees: built at most once per process for each (language, user files) by ``load_kb``, and
kept on disk between runs (``dyads.diskcache``, keyed by the bytes of every input file and of
this module, and by the spaCy and model versions);
every lookup is a dict hit; an actor id used by a term but unknown to the codebook is still
usable (kind "unknown"). Terms are tokenised word by word, all words in one tokenizer call
(spaCy tokenises each whitespace-separated chunk on its own, so the keys are the same as
tokenising every term alone, which the builder checks and falls back to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from dyads.errors import LexiconError
from dyads.lang import LanguageData, RoleTerm, read_tsv
from dyads.textnorm import fold, norm_apostrophes

IGO_ROLE = "IGO"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WORDS_PER_CALL = 2000  # words tokenised per tokenizer call when building keys


@dataclass(frozen=True)
class ActorInfo:
    id: str
    kind: str
    cameo: str
    name_en: str
    name_fr: str
    lat: float | None = None
    lon: float | None = None
    parent: str = ""


@dataclass(frozen=True)
class TermEntry:
    actor: str
    role: str
    kind: str
    case: str  # "exact" (acronyms), "title" (capitalised names), "any"


@dataclass(frozen=True)
class PersonRecord:
    name: str
    actor: str
    role: str
    office: str
    start: date | None
    end: date | None

    def holds_at(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class ActorKB:
    lang: LanguageData
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    terms: dict[tuple[str, ...], list[TermEntry]] = field(default_factory=dict)
    term_starts: set[str] = field(default_factory=set)  # first tokens of terms: most tokens start none
    roles: dict[tuple[str, ...], RoleTerm] = field(default_factory=dict)
    people: dict[str, list[PersonRecord]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    by_actor: dict[str, list[PersonRecord]] = field(default_factory=dict)
    people_keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_person_len: int = 1
    max_term_len: int = 1
    max_role_len: int = 1

    # first folded token -> the token lengths of the keys it starts, longest first: a scan tries
    # only the lengths that exist (computed once per process, on first use; not pickled)
    @cached_property
    def term_lengths(self) -> dict[str, tuple[int, ...]]:
        return _lengths_by_start(self.terms)

    @cached_property
    def role_lengths(self) -> dict[str, tuple[int, ...]]:
        return _lengths_by_start(self.roles)

    @cached_property
    def person_lengths(self) -> dict[str, tuple[int, ...]]:
        return _lengths_by_start(self.people_keys)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in _DERIVED}

    def coded_as(self, actor_id: str) -> str:
        """The actor an agency is coded as (UN bodies -> UN), else the actor itself."""
        info = self.actors.get(actor_id)
        return info.parent if info is not None and info.parent else actor_id

    def actor(self, actor_id: str) -> ActorInfo:
        return self.actors.get(actor_id) or ActorInfo(actor_id, "unknown", actor_id, actor_id, actor_id)

    def cameo_code(self, actor_id: str, role: str | None) -> str:
        """GDELT-style actor code: country + role (RUSGOV) or the IGO/group code."""
        info = self.actor(actor_id)
        if info.kind == "state":
            return info.cameo + (role if role and role not in (IGO_ROLE,) else "")
        return info.cameo

    def name_of(self, actor_id: str) -> str:
        info = self.actor(actor_id)
        return getattr(info, f"name_{self.lang.code}", None) or info.name_en

    def office_holder(self, actor: str, title: str, when: date | None) -> PersonRecord | None:
        """Who held an office ("premier ministre" of POL) at a date, when exactly one did."""
        key = fold(title)
        holders = {r.name: r for r in self.by_actor.get(actor, [])
                   if key and key in fold(r.office) and r.holds_at(when)}
        if len(holders) == 1:
            return next(iter(holders.values()))
        exact = [r for r in holders.values() if fold(r.office) == key]
        return exact[0] if len(exact) == 1 else None

    def person(self, name: str, when: date | None) -> PersonRecord | None:
        """The record of a person (by full name or alias) best matching a date."""
        records = self.people.get(fold(name))
        if not records:
            return None
        current = [r for r in records if r.holds_at(when)]
        if current:
            return current[0]
        dated = [r for r in records if r.start]
        if when and dated:
            return min(dated, key=lambda r: abs(((r.end or r.start) - when).days))
        return records[0]


_DERIVED = ("term_lengths", "role_lengths", "person_lengths")


def _lengths_by_start(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for key in keys:
        if key:
            found.setdefault(key[0], set()).add(len(key))
    return {start: tuple(sorted(lengths, reverse=True)) for start, lengths in found.items()}


def _parse_date(value: str) -> date | None:
    mt = _DATE.match(value.strip())
    if not mt:
        return None
    return date(int(mt.group(1)), int(mt.group(2) or 1), int(mt.group(3) or 1))


def _end_date(value: str) -> date | None:
    mt = _DATE.match(value.strip())
    if not mt:
        return None
    if mt.group(3):
        return date(int(mt.group(1)), int(mt.group(2)), int(mt.group(3)))
    if mt.group(2):
        month = int(mt.group(2))
        return date(int(mt.group(1)) + month // 12, month % 12 + 1, 1)
    return date(int(mt.group(1)), 12, 31)


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _case_rule(term: str, kind: str) -> str:
    """How letter case must match: acronyms in capitals exactly, capitalised names capitalised."""
    letters = [c for c in term if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "exact"
    if letters and term[0].isupper():
        return "title"
    return "any"


class KBBuilder:
    """Builds an ActorKB; ``tokenize`` splits a term the way the spaCy pipeline does."""

    def __init__(self, lang: LanguageData, tokenize: Callable[[str], list[str]]):
        self.kb = ActorKB(lang=lang)
        self.tokenize = tokenize
        self._words: dict[str, tuple[str, ...]] = {}  # word -> its folded tokens

    def key(self, term: str) -> tuple[str, ...]:
        """The folded tokens of a term, as the spaCy tokenizer splits it."""
        words = norm_apostrophes(term).split()
        if any(w not in self._words for w in words):
            self.pretokenize([term])
        return tuple(t for w in words for t in self._words[w])

    def pretokenize(self, terms: Iterable[str]) -> None:
        """Tokenise the words of many terms at once (one tokenizer call per 2,000 words)."""
        words = list(dict.fromkeys(w for term in terms for w in norm_apostrophes(term).split()
                                   if w not in self._words))
        for start in range(0, len(words), _WORDS_PER_CALL):
            chunk = words[start:start + _WORDS_PER_CALL]
            if not self._assign(chunk, self.tokenize(" ".join(chunk))):
                for word in chunk:  # the tokenizer joined words: tokenise each word alone
                    self._words[word] = tuple(fold(t) for t in self.tokenize(word) if t.strip())

    def _assign(self, words: list[str], tokens: list[str]) -> bool:
        """Give each word its tokens; False when the tokens do not split at the word limits."""
        found: dict[str, tuple[str, ...]] = {}
        i, text, parts = 0, "", []
        for token in tokens:
            if not token.strip():
                continue
            if i >= len(words):
                return False
            text += token
            parts.append(fold(token))
            if text == words[i]:
                found[words[i]] = tuple(parts)
                i, text, parts = i + 1, "", []
            elif not words[i].startswith(text):
                return False
        if i != len(words) or text:
            return False
        self._words.update(found)
        return True

    def add_term(self, term: str, actor: str, role: str, kind: str) -> None:
        key = self.key(term)
        if not key:
            return
        entry = TermEntry(actor, role, kind, _case_rule(term, kind))
        bucket = self.kb.terms.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.kb.term_starts.add(key[0])
        self.kb.max_term_len = max(self.kb.max_term_len, len(key))

    def load_actors(self) -> None:
        for _line, row in read_tsv("dyads.codebooks", "actors.tsv"):
            info = ActorInfo(row["actor"], row.get("kind", ""), row.get("cameo") or row["actor"],
                             row.get("name_en", ""), row.get("name_fr", ""),
                             _float(row.get("lat", "")), _float(row.get("lon", "")),
                             row.get("parent", ""))
            self.kb.actors[info.id] = info

    def load_terms(self) -> None:
        self.pretokenize([*self.kb.lang.actor_terms, *self.kb.lang.roles])
        for term, entries in self.kb.lang.actor_terms.items():
            for actor, role, kind in entries:
                self.add_term(term, actor, role, kind)

    def load_roles(self) -> None:
        for term, role in self.kb.lang.roles.items():
            key = self.key(term)
            if key and key not in self.kb.roles:
                self.kb.roles[key] = role
                self.kb.max_role_len = max(self.kb.max_role_len, len(key))

    def add_person(self, name: str, aliases: list[str], record: PersonRecord) -> None:
        self.kb.by_actor.setdefault(record.actor, []).append(record)
        for form in [name, *aliases]:
            form = norm_apostrophes(form.strip())
            if not form:
                continue
            bucket = self.kb.people.setdefault(fold(form), [])
            if record not in bucket:
                bucket.append(record)
            parts = form.split()
            if len(parts) >= 2:
                self.kb.surnames.setdefault(fold(parts[-1]), set()).add(fold(name))
                key = self.key(form)
                if len(key) >= 2:
                    self.kb.people_keys.setdefault(key, fold(form))
                    self.kb.max_person_len = max(self.kb.max_person_len, len(key))

    def load_people(self) -> None:
        root = resources.files("dyads.codebooks")
        files = sorted(p.name for p in root.iterdir() if p.name.startswith("people")
                       and p.name.endswith(".tsv"))
        tables = [(entry, read_tsv("dyads.codebooks", entry)) for entry in files]
        self.pretokenize(form for _entry, rows in tables for _line, row in rows
                         for form in [row.get("name", ""), *row.get("aliases", "").split("|")])
        for entry, rows in tables:
            for line, row in rows:
                if not row.get("name") or not row.get("actor"):
                    raise LexiconError(f"codebooks/{entry}", line, "empty name or actor")
                office = row.get(f"office_{self.kb.lang.code}") or row.get("office_en", "")
                record = PersonRecord(row["name"], row["actor"], row.get("role") or "GOV", office,
                                      _parse_date(row.get("start", "")), _end_date(row.get("end", "")))
                self.add_person(row["name"], row.get("aliases", "").split("|"), record)

    def load_user_file(self, path: Path) -> None:
        """Add actors from a user file: TSV (term, actor, role, kind), YAML, or CAMEO text."""
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".yaml", ".yml"):
            self._load_user_yaml(path, yaml.safe_load(text) or {})
        elif path.suffix == ".tsv":
            self._load_user_tsv(path, text)
        else:
            self._load_cameo_dictionary(path, text)

    def _load_user_yaml(self, path: Path, data) -> None:
        items = data.get("actors", data) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise LexiconError(str(path), 1, "expected a list of actors (or {actors: [...]})")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not item.get("actor"):
                raise LexiconError(str(path), number, "each actor needs an 'actor' id")
            actor, role = str(item["actor"]), str(item.get("role", "") or "")
            for term in item.get("terms", []) or []:
                self.add_term(str(term), actor, role, str(item.get("kind", "alias")))
            if item.get("person"):
                record = PersonRecord(str(item["person"]), actor, role or "GOV",
                                      str(item.get("office", "")),
                                      _parse_date(str(item.get("start", ""))),
                                      _end_date(str(item.get("end", ""))))
                self.add_person(str(item["person"]), [str(a) for a in item.get("aliases", [])], record)

    def _load_user_tsv(self, path: Path, text: str) -> None:
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        header = lines[0].split("\t") if lines else []
        if "term" not in header or "actor" not in header:
            raise LexiconError(str(path), 1, "TSV needs a header with 'term' and 'actor'")
        for number, raw in enumerate(lines[1:], start=2):
            row = dict(zip(header, raw.split("\t")))
            if not row.get("term") or not row.get("actor"):
                raise LexiconError(str(path), number, "empty term or actor")
            self.add_term(row["term"], row["actor"], row.get("role", ""), row.get("kind", "alias"))

    def _load_cameo_dictionary(self, path: Path, text: str) -> None:
        """PETRARCH-style dictionary: a NAME line, then `+SYNONYM` lines, `[CODE]` gives the actor."""
        current: list[str] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            code = re.search(r"\[([A-Z]{3,})[^\]]*\]", line)
            name = re.sub(r"\[.*?\]", "", line).strip().lstrip("+").strip()
            if not line.startswith(("+", " ", "\t")):
                current = []
            if name:
                current.append(name.replace("_", " "))
            if code:
                actor, role = code.group(1)[:3], code.group(1)[3:6]
                for term in current:
                    self.add_term(term.title() if term.isupper() and len(term) > 4 else term,
                                  actor, role if role in {"GOV", "MIL", "LEG", "OPP", "JUD", "REB",
                                                          "MED", "BUS", "NGO", "CVL", "COP"} else "",
                                  "alias")
            elif not name:
                raise LexiconError(str(path), number, "line has neither a name nor a [CODE]")


def load_kb(code: str, user_files: Iterable[str | Path] = ()) -> ActorKB:
    """The knowledge base of a language, built once per process and then shared.

    Args:
        code: ISO 639-1 code of a language with data and an installed spaCy model.
        user_files: extra actor files; a file changed on disk since the last call is re-read.

    Returns:
        The (read-only) ``ActorKB``, the same object for the same language and files.
    """
    paths = tuple(Path(p) for p in user_files)
    stamps = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return _load_kb(code, stamps)


@lru_cache(maxsize=16)
def _load_kb(code: str, stamps: tuple[tuple[str, int, int], ...]) -> ActorKB:
    from dyads.diskcache import cache_key, cached
    from dyads.lang import get_language
    from dyads.nlp import installed_model, load_pipeline

    lang = get_language(code)
    paths = tuple(Path(path) for path, _mtime, _size in stamps)
    model = installed_model(code) or ""

    def build() -> ActorKB:
        tokenizer = load_pipeline(code).tokenizer
        kb = build_kb(lang, lambda text: [t.text for t in tokenizer(text)], paths)
        kb.lang = None  # type: ignore[assignment]  # not pickled: the registry has it loaded
        return kb

    # the on-disk entry depends on every input file, the code that reads them and the tokenizer
    key = cache_key([*_kb_inputs(code), *paths], [code, model, _version(model), _version("spacy")])
    kb = cached(f"kb-{code}", key, build)
    kb.lang = lang
    for name in _DERIVED:  # computed here, before workers fork, so they share them
        getattr(kb, name)
    return kb


def _kb_inputs(code: str) -> list:
    """The package files a knowledge base is derived from: data and the modules that read it."""
    codebooks = resources.files("dyads.codebooks")
    lang = resources.files("dyads.lang")
    sources = [resources.files("dyads.extract").joinpath("kb.py"),
               resources.files("dyads").joinpath("textnorm.py"), lang.joinpath("__init__.py")]
    data = sorted((f for f in [*codebooks.iterdir(), *lang.joinpath(code).iterdir()]
                   if f.name.endswith((".tsv", ".yaml"))), key=str)
    return sources + data


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package) if package else ""
    except PackageNotFoundError:
        return ""


def build_kb(lang: LanguageData, tokenize, user_files: tuple[Path, ...] = ()) -> ActorKB:
    """Build the knowledge base for one language (callers cache it per language)."""
    builder = KBBuilder(lang, tokenize)
    builder.load_actors()
    builder.load_terms()
    builder.load_roles()
    builder.load_people()
    for path in user_files:
        builder.load_user_file(Path(path))
    return builder.kb
