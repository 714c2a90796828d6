"""Entities and actors: a parsed Doc -> mentions of people, states, organisations and groups.

Input: a spaCy ``Doc`` (sentences, POS, dependencies, NER), the language's ``ActorKB`` and the
publication date (people's offices are dated).
Output: an ``ActorIndex``: token-level ``Mention``s (token span, actor id, role, kind, canonical
name, title) and the people of the article, each resolved once and shared by later mentions.
People: a one-word name is the article's full name that ends (else starts) with it ("Kim" ->
"Kim Jong Un", even when "Kim" comes first); surnames the NER missed are still mentions of
their person. Resolution order for a person's actor: the title or apposition written next to
the name ("le porte-parole du Kremlin, Dmitri Peskov", "Josep Borrell, the EU's foreign policy
chief", "Sudan's X", "his adviser X" -> the possessor's actor; a window stops at a preposition
right before the name and takes the sending state, not a place the office is held in), then
the people table at the publication date, then the state named last before the person in the
paragraph, then the article's main state (``source`` "context"). A person's gender comes from
an honorific or the article of their title, when the text gives one.
Guarantees: mentions never overlap; every mention's ``actor`` is an actor id or None; the
scan is linear in the number of tokens (dict lookups over folded token n-grams).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from dyads.extract.kb import IGO_ROLE, ActorKB, TermEntry
from dyads.lang import RoleTerm
from dyads.textnorm import fold
from dyads.types import Entity

PERSON_LABELS = {"PER", "PERSON"}
NAME_KINDS = {"name", "alias", "acronym"}  # a term that may outrank the NER's "person" reading
TITLE_POS = {"DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM"}
KIND_LABEL = {"name": "LOC", "alias": "LOC", "capital": "LOC", "acronym": "ORG", "seat": "ORG",
              "demonym": "MISC"}
TERM_PRIORITY = {"name": 0, "acronym": 0, "alias": 1, "seat": 1, "capital": 2, "demonym": 3}


@dataclass
class Person:
    """A person of the article: first written form, actor and role, title if stated."""

    name: str
    actor: str | None = None
    role: str | None = None
    title: str | None = None
    source: str = "unknown"  # "text" (title/apposition), "table", "unknown"
    keys: set[str] = field(default_factory=set)
    gender: str | None = None  # "Masc"/"Fem" when an honorific or a title says so


@dataclass
class Mention:
    start: int
    end: int
    label: str
    kind: str
    actor: str | None = None
    role: str | None = None
    name: str = ""
    person: Person | None = None

    @property
    def title(self) -> str | None:
        return self.person.title if self.person else None


@dataclass
class ActorIndex:
    """All mentions of one Doc, with a token -> mention map."""

    doc: Doc
    kb: ActorKB
    mentions: list[Mention]
    by_token: list[Mention | None]
    people: list[Person]
    published: date | None = None
    folded: list[str] = field(default_factory=list)

    def role_at(self, i: int, limit: int) -> tuple[int, RoleTerm] | None:
        return role_at(self.folded, self.kb, i, limit)

    def title_holder(self, start: int, end: int) -> tuple[Person | None, str | None, RoleTerm | None, str]:
        """Who a title phrase without a name stands for ("le premier ministre polonais").

        Returns (person or None, actor, role term, title text): a person of the article with
        that actor and title, else the one office holder of the people table at publication
        whose office covers every word of the phrase (not "porte-parole du gouvernement" for
        "porte-parole du ministère des Affaires étrangères").
        """
        role, text, at = None, "", start
        for i in range(start, end):
            found = self.role_at(i, end)
            if found:
                role, at = found[1], i
                text = self.doc[i:end].text.strip(" ,")
                break
        actors = [m.actor for m in self.in_span(start, end) if m.actor and m.person is None]
        actor = actors[0] if actors else None
        if role is None:
            return None, actor, role, text
        words = [role.term, *self._title_words(at, end)]
        person = self._titled_person(start, actor, words)
        if person is not None or not actor:
            return person, actor, role, text
        record = self.kb.office_holder(actor, role.term, self.published)
        if record is not None and all(has_term(w, record.office) for w in words):
            person = next((p for p in self.people if fold(p.name) == fold(record.name)), None)
            return person, actor, role, text  # someone the article does not name is not its speaker
        return None, actor, role, text

    def _titled_person(self, before: int, actor: str | None, words: list[str]) -> Person | None:
        """The person of the article (last named before ``before``, else first named after)
        whose title covers all the words of a title phrase, of the phrase's actor if it has one."""
        fits = [p for p in self.people if p.title and (not actor or p.actor == actor)
                and all(has_term(w, p.title) for w in words)]
        if not fits:
            return None
        named = [m.person for m in self.mentions if m.start < before and any(m.person is p for p in fits)]
        return named[-1] if named else fits[0]

    def _title_words(self, start: int, end: int) -> list[str]:
        """Content words of a title phrase besides the role term and actor words."""
        at = next((i for i in range(start, end) if self.role_at(i, end)), None)
        if at is None:
            return []
        after = at + self.role_at(at, end)[0]
        return [self.folded[i] for i in range(after, end)
                if self.by_token[i] is None and self.doc[i].pos_ in ("NOUN", "PROPN", "ADJ")]

    def salient_person(self, before: int, actor: str | None, role: RoleTerm, end: int | None = None) -> Person | None:
        """The person a bare title ("le dirigeant polonais") stands for when no one of the
        article holds it by name: the last person of that actor and role named before it (any
        further words of the title, "des Affaires étrangères", must be in the person's title)."""
        if not actor:
            return None
        words = self._title_words(before, end) if end is not None else []
        fits = [m for m in self.mentions if m.person is not None and m.person.actor == actor
                and m.person.role in (role.role, None) and all(has_term(w, m.person.title or "") for w in words)]
        earlier = [m for m in fits if m.start < before]
        if earlier:
            return earlier[-1].person
        return fits[0].person if fits else None  # a heading before the name

    def at(self, i: int) -> Mention | None:
        return self.by_token[i] if 0 <= i < len(self.by_token) else None

    def in_span(self, start: int, end: int) -> list[Mention]:
        seen, out = set(), []
        for i in range(max(start, 0), min(end, len(self.by_token))):
            m = self.by_token[i]
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out


_FORMS: dict[int, tuple[str, str]] = {}  # token form (ORTH id) -> (text, folded text)
_FORMS_MAX = 300_000  # forms remembered before the table starts again (bounded memory)


def token_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """The text and the folded text (``fold``) of every token of a Doc, by token index.

    Each distinct token form is folded once per process (keyed by its ORTH id), so no Token
    object is made.
    """
    if len(_FORMS) > _FORMS_MAX:
        _FORMS.clear()
    strings, forms = doc.vocab.strings, _FORMS
    pairs = []
    for orth in doc.to_array(ORTH).tolist() if len(doc) else ():
        pair = forms.get(orth)
        if pair is None:
            text = strings[orth]
            pair = forms[orth] = (text, fold(text))
        pairs.append(pair)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _case_ok(entry: TermEntry, tokens: list[Token]) -> bool:
    if entry.case == "exact":
        return all(t.text.isupper() or not t.text.isalpha() for t in tokens if len(t.text) > 1)
    if entry.case == "title":  # capitalised somewhere: "Al-Qaida" and "al-Qaida", never "chad"
        return any(c.isupper() for t in tokens for c in t.text)
    return True


def _best_entry(entries: list[TermEntry], tokens: list[Token]) -> TermEntry | None:
    usable = [e for e in entries if _case_ok(e, tokens)]
    if not usable:
        return None
    return min(usable, key=lambda e: TERM_PRIORITY.get(e.kind, 5))


class MentionFinder:
    """Finds the mentions of one Doc; one instance per document."""

    def __init__(self, doc: Doc, kb: ActorKB, published: date | None):
        self.doc, self.kb, self.published = doc, kb, published
        self.texts, self.folded = token_forms(doc)  # the scans read these lists, not Tokens (speed)
        self.by_token: list[Mention | None] = [None] * len(doc)
        self.mentions: list[Mention] = []
        self.people: list[Person] = []
        self.by_key: dict[str, Person] = {}
        lang = kb.lang
        self.not_persons = lang.words("not_persons")
        self.honorifics = lang.words("honorifics")
        honorifics = lang.config.get("honorifics") or {}
        self.honorific_gender = {fold(k): v for k, v in honorifics.items() if v} if isinstance(honorifics, dict) else {}
        self.location_preps = lang.words("location_preps")
        self.possessives = lang.words("possessives")

    # ---- the scan -----------------------------------------------------------------------
    def run(self) -> ActorIndex:
        self._scan_people()
        self._scan_terms()
        self._add_people()
        self._context_actors()
        self.mentions.sort(key=lambda m: m.start)
        return ActorIndex(self.doc, self.kb, self.mentions, self.by_token, self.people,
                          self.published, self.folded)

    def _place(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def _free(self, start: int, end: int) -> bool:
        return all(self.by_token[i] is None for i in range(start, end))

    def _match_at(self, i: int) -> tuple[int, TermEntry] | None:
        if self.folded[i] not in self.kb.term_starts:  # most tokens start no term (speed)
            return None
        doc, room = self.doc, len(self.doc) - i
        for n in self.kb.term_lengths.get(self.folded[i], ()):  # only lengths some term has
            if n > room:
                continue
            entries = self.kb.terms.get(tuple(self.folded[i:i + n]))
            if entries:
                tokens = list(doc[i:i + n])
                if any(t.is_space for t in tokens) or (n > 1 and any(t.is_sent_start for t in tokens[1:])):
                    continue
                entry = _best_entry(entries, tokens)
                if entry:
                    return n, entry
        return None

    def _scan_people(self) -> None:
        """Names of the people table written in full ("Bachar al-Assad"), even if NER missed them."""
        texts, folded, keys, lengths = self.texts, self.folded, self.kb.people_keys, self.kb.person_lengths
        self.table_names: list[tuple[int, int]] = []
        i, length = 0, len(texts)
        while i < length:
            if not texts[i][:1].isupper():
                i += 1
                continue
            for n in lengths.get(folded[i], ()):  # only lengths some name of the table has
                if n <= length - i and tuple(folded[i:i + n]) in keys and texts[i + n - 1][:1].isupper():
                    self.table_names.append((i, i + n))
                    i += n - 1
                    break
            i += 1

    def _scan_terms(self) -> None:
        ner_person = {t.i for ent in self.doc.ents if ent.label_ in PERSON_LABELS and len(ent) > 1
                      for t in ent if t.text[:1].isupper() and self.kb.roles.get((self.folded[t.i],)) is None
                      } | {i for a, b in self.table_names for i in range(a, b)}
        # a "person" the NER found that is exactly a state or body's name is that name ("Burkina Faso")
        whole = {ent.start: ent.end - ent.start for ent in self.doc.ents if ent.label_ in PERSON_LABELS}
        i, length, folded, starts = 0, len(self.doc), self.folded, self.kb.term_starts
        while i < length:
            if folded[i] not in starts or (i in ner_person and i not in whole):  # most tokens start no term (speed)
                i += 1
                continue
            found = self._match_at(i)
            if found is None or (i in ner_person and (found[0] != whole[i] or found[1].kind not in NAME_KINDS)):
                i += 1
                continue
            n, entry = found
            info = self.kb.actor(entry.actor)
            label = "ORG" if info.kind in ("igo", "group") and entry.kind != "demonym" \
                else KIND_LABEL.get(entry.kind, "MISC")
            role = entry.role or (IGO_ROLE if info.kind == "igo" else None)
            self._place(Mention(i, i + n, label, entry.kind, self.kb.coded_as(entry.actor), role,
                                self.doc[i:i + n].text))
            i += n

    # ---- people -------------------------------------------------------------------------
    def _person_spans(self) -> list[Span]:
        spans = [self.doc[a:b] for a, b in self.table_names]
        taken = {i for a, b in self.table_names for i in range(a, b)}
        spans += [ent for ent in self.doc.ents if ent.label_ in PERSON_LABELS
                  and not any(t.i in taken for t in ent)]
        return sorted(spans, key=lambda s: s.start)

    def _clean_span(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        while start < end and (self.folded[start] in self.honorifics
                               or self._role_at(start, end) is not None
                               or self.doc[start].pos_ in ("DET", "ADP", "PUNCT", "VERB", "AUX", "SCONJ")
                               or self.doc[start].is_lower):
            start += 1
        while end > start and (self.doc[end - 1].pos_ == "PUNCT" or self.doc[end - 1].is_space
                               or self.doc[end - 1].text in ("'s", "’s", "'", "’")):
            end -= 1
        end = self._hyphen_end(end)
        start = self._first_name_start(start, end)
        if start >= end or not self._free(start, end):
            return None
        text = self.doc[start:end].text
        if fold(text) in self.not_persons or not any(c.isupper() for c in text[:1]):
            return None
        return self.doc[start:end]

    def _hyphen_end(self, end: int) -> int:
        """Extend a name over a hyphenated last part the NER cut off ("Moon Jae" + "-in")."""
        doc = self.doc
        while end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha and self.by_token[end + 1] is None:
            end += 2
        return end

    def _first_name_start(self, start: int, end: int) -> int:
        """Extend a name over a first name the NER put in another entity ("Nancy" + "Pelosi")."""
        if start == 0:
            return start
        prev = self.doc[start - 1]
        attached = self.doc[start].head.i == prev.i or start <= prev.head.i < end
        if prev.pos_ == "PROPN" and prev.is_title and attached and self.by_token[prev.i] is None \
                and self.folded[prev.i] not in self.honorifics and self._role_at(prev.i, end) is None:
            return start - 1
        return start

    def _add_people(self) -> None:
        spans = [s for s in (self._clean_span(span) for span in self._person_spans()) if s is not None]
        full = self._full_names(spans)
        for span in spans:
            person = self._resolve_person(span, full.get(fold(span.text)) if len(span) == 1 else None)
            self._place(Mention(span.start, span.end, "PER", "person", person.actor, person.role,
                                person.name, person))
        self._carry_surnames()

    def _full_names(self, spans: list[Span]) -> dict[str, Span]:
        """One-word names -> the first full name of the article that ends (else starts) with
        that word: "Kim" -> "Kim Jong Un" even when "Kim" is written first."""
        by_last: dict[str, Span] = {}
        by_first: dict[str, Span] = {}
        for span in spans:
            if len(span) > 1:
                by_last.setdefault(fold(span[-1].text), span)
                by_first.setdefault(fold(span[0].text), span)
        return by_first | by_last

    def _resolve_person(self, span: Span, full: Span | None = None) -> Person:
        key, surname = fold(span.text), fold(span[-1].text)
        known = self.by_key.get(key) or (self.by_key.get(surname) if len(span) == 1 or key not in self.kb.people else None)
        title = self._title_near(span)
        if known is None and full is not None and self.kb.person(span.text, self.published) is None:
            known = self._resolve_person(full)
            known.keys.add(key)
            self.by_key.setdefault(key, known)
        if known is not None:
            if title and not known.title:
                self._apply_title(known, title)
            known.gender = known.gender or self._gender_near(span)
            return known
        person = Person(name=span.text, keys={key, surname})
        record = self.kb.person(span.text, self.published)
        if record is None and len(span) == 1:
            record = self._unique_surname(surname)
        if record is not None:
            person.actor, person.role, person.source = record.actor, record.role, "table"
            person.title = record.office or None
        if title:
            self._apply_title(person, title)
        person.gender = self._gender_near(span)
        self.people.append(person)
        for k in person.keys:
            self.by_key.setdefault(k, person)
        return person

    def _in_longer_entity(self, tok: Token) -> bool:
        """Part of a several-word entity that is not a person ("Trump Tower")."""
        if tok.ent_type_ in ("", *PERSON_LABELS):
            return False
        return tok.ent_iob_ == "I" or (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].ent_iob_ == "I")

    def _gender_near(self, span: Span) -> str | None:
        """The gender an honorific ("Mme", "Mr") or a title noun next to a name gives."""
        if span.start > 0 and self.folded[span.start - 1] in self.honorific_gender:
            return self.honorific_gender[self.folded[span.start - 1]]
        for start, end in (self._window_left(span), self._window_right(span)):
            for i in range(start, end):
                role = self._role_at(i, end)
                if role is not None and role[1].kind == "title":
                    tok = self.doc[i]
                    genders = [g for c in tok.children if c.dep_ == "det" for g in c.morph.get("Gender")] \
                        or tok.morph.get("Gender")  # the article first: "la ministre" is Fem
                    return genders[0] if len(set(genders)) == 1 else None
        return None

    def _carry_surnames(self) -> None:
        """Later mentions of a person's surname that the NER did not tag ("Trump said")."""
        forms = {p.name.split()[-1]: p for p in self.people if len(p.name.split()) > 1}
        for i, text in enumerate(self.texts):
            person = forms.get(text)
            if person is None or self.by_token[i] is not None:
                continue
            tok = self.doc[i]
            if (tok.is_sent_start and tok.pos_ != "PROPN") or self._in_longer_entity(tok):
                continue
            self._place(Mention(tok.i, tok.i + 1, "PER", "person", person.actor, person.role,
                                person.name, person))

    def _unique_surname(self, surname: str):
        """The record of the one person of the people table with this surname: the one in
        office at publication, else (when the table has a single such person) the nearest."""
        names = self.kb.surnames.get(surname, set())
        records = [r for n in names for r in self.kb.people.get(n, [])]
        current = {r.name: r for r in records if r.holds_at(self.published)}
        if len(current) == 1:
            return next(iter(current.values()))
        if not current and len({r.name for r in records}) == 1:
            return self.kb.person(records[0].name, self.published)
        return None

    def _apply_title(self, person: Person, title: tuple[str, RoleTerm | None, str | None]) -> None:
        text, role_term, actor = title
        if role_term is not None:
            person.title = text
        if actor:
            person.actor = self.kb.coded_as(actor)
            person.source = "text"
        if person.actor and self.kb.actor(person.actor).kind == "igo":
            person.role = IGO_ROLE
        elif role_term is not None and (actor or not person.role):
            person.role = role_term.role

    def _context_actors(self) -> None:
        """People with no actor from their title or the table get the article's main state.

        Their ``source`` is "context", so users can tell a guess from a stated fact.
        """
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.actor and m.person is None and self.kb.actor(m.actor).kind == "state":
                counts[m.actor] = counts.get(m.actor, 0) + 1
        if not counts:
            return
        main = max(counts, key=lambda a: (counts[a], -min(m.start for m in self.mentions if m.actor == a)))
        first = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.person is not None:
                first.setdefault(id(m.person), m.start)
        for person in self.people:
            if person.actor is None:
                person.actor = self._nearest_state(first.get(id(person), 0)) or main
                person.source = "context"
                person.role = person.role or "GOV"
        for m in self.mentions:
            if m.person is not None:
                m.actor, m.role = m.person.actor, m.person.role

    def _nearest_state(self, i: int) -> str | None:
        """The state named last before token i in its paragraph."""
        for m in sorted(self.mentions, key=lambda m: -m.start):
            if m.start >= i:
                continue
            if "\n\n" in self.doc[m.end:i].text or i - m.start > 80:
                return None
            if m.actor and m.person is None and self.kb.actor(m.actor).kind == "state":
                return m.actor
        return None

    # ---- titles and appositions ---------------------------------------------------------
    def _role_at(self, i: int, limit: int) -> tuple[int, RoleTerm] | None:
        return role_at(self.folded, self.kb, i, limit)

    def _window_left(self, span: Span) -> tuple[int, int]:
        end = span.start
        if end > 0 and self.doc[end - 1].text == ",":
            end -= 1
        elif end > 0 and self.doc[end - 1].pos_ == "ADP":
            return end, end  # "à l'arrivée de Nancy Pelosi": the name is a complement, not titled
        start = end
        while start > 0 and end - start < 10:
            tok = self.doc[start - 1]
            if tok.is_space or tok.is_sent_end or tok.ent_type_ in PERSON_LABELS:
                break
            if tok.pos_ not in TITLE_POS and tok.text not in ("-", "'", "’", "'s", "’s") \
                    and self.folded[tok.i] not in self.possessives:
                break
            start -= 1
            if tok.is_sent_start:
                break
        return start, end

    def _window_right(self, span: Span) -> tuple[int, int]:
        start = span.end
        if start >= len(self.doc) or self.doc[start].text != ",":
            return start, start
        start += 1
        end = start
        while end < len(self.doc) and end - start < 12:
            tok = self.doc[end]
            if tok.is_space or tok.ent_type_ in PERSON_LABELS or tok.is_sent_start:
                break
            if tok.pos_ not in TITLE_POS and tok.text not in ("-", "'", "’", "'s", "’s"):
                break
            end += 1
        return start, end

    def _window_actor(self, start: int, end: int) -> str | None:
        """The actor a title window names: its first actor that is not a place the office is
        held in ("l'ambassadeur de France en Pologne" -> FRA); else the possessor's actor."""
        actors = [m for m in self._mentions_in(start, end) if m.actor and m.kind != "person"]
        home = [m for m in actors if m.start == 0 or self.folded[m.start - 1] not in self.location_preps]
        if home or actors:
            return (home or actors)[0].actor
        if any(self.folded[i] in self.possessives for i in range(start, end)):
            return self._possessor_actor(start)
        return None

    def _possessor_actor(self, i: int) -> str | None:
        """"his top adviser X": the actor of the person named last before, in the sentence."""
        sent_start = self.doc[i].sent.start
        for j in range(i - 1, sent_start - 1, -1):
            m = self.by_token[j]
            person = m.person if m is not None else self.by_key.get(self.folded[j])
            if person is not None and person.actor and self.doc[j].text[:1].isupper():
                return person.actor
        return None

    def _title_in(self, start: int, end: int) -> tuple[str, RoleTerm | None, str | None] | None:
        for i in range(start, end):
            found = self._role_at(i, end)
            if found is None or found[1].kind == "group":
                continue  # "à la presse X": a group is no title of the person
            n, role_term = found
            first = i
            while first > start and self.doc[first - 1].pos_ in ("ADJ", "PROPN", "NOUN"):
                first -= 1
            text = self.doc[first:end].text.strip(" ,")
            return text, role_term, self._window_actor(start, end)
        return None

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        out: list[Mention] = []
        for i in range(start, end):
            m = self.by_token[i]
            if m is not None and m not in out:
                out.append(m)
        return out

    def _title_near(self, span: Span) -> tuple[str, RoleTerm | None, str | None] | None:
        """The title (or at least the actor) written next to a name: before it ("le ministre
        russe X", "Sudan's X"), else in an apposition after it ("X, chef de la force russe")."""
        left = self._window_left(span)
        found = self._title_in(*left) if left[0] < left[1] else None
        if found is None and left[0] < left[1] and self.doc[left[1] - 1].text in ("'s", "’s"):
            actor = self._window_actor(left[0], left[1] - 1)
            found = (self.doc[left[0]:left[1] - 1].text, None, actor) if actor else None
        if found is not None and found[2]:
            return found
        right = self._window_right(span)
        if right[0] >= right[1]:
            return found
        after = self._title_in(*right)
        if found is None:
            return after
        return found[0], found[1], after[2] if after else self._window_actor(*right)


def role_at(folded: list[str], kb: ActorKB, i: int, limit: int) -> tuple[int, RoleTerm] | None:
    """The longest role term (title or role noun) starting at token i, before ``limit``."""
    lengths = kb.role_lengths.get(folded[i], ()) if i >= 0 else range(min(kb.max_role_len, limit - i), 0, -1)
    for n in lengths:  # only the lengths some role term starting with this word has
        if n > limit - i:
            continue
        role = kb.roles.get(tuple(folded[i:i + n]))
        if role is not None:
            return n, role
    if "-" in folded[i]:
        last = folded[i].rsplit("-", 1)[-1]
        if (last,) in kb.roles:
            return 1, kb.roles[(last,)]
    return None


def has_term(term: str, text: str) -> bool:
    """Whether a folded term occurs in a text as whole words ("chef d'etat" is not in
    "chef d'etat-major")."""
    return re.search(rf"(?<![\w-]){re.escape(fold(term))}(?![\w-])", fold(text)) is not None


def find_mentions(doc: Doc, kb: ActorKB, published: date | None) -> ActorIndex:
    """Find every actor and person mention of a Doc."""
    return MentionFinder(doc, kb, published).run()


def to_entities(index: ActorIndex) -> list[Entity]:
    """Entities for the JSON contract: actor mentions, people, and other named entities."""
    doc, out = index.doc, []
    for m in index.mentions:
        span = doc[m.start:m.end]
        start, end = span.start_char, span.end_char
        name = m.person.name if m.person else (index.kb.name_of(m.actor) if m.actor else m.name)
        out.append(Entity(text=span.text, label=m.label, start=start, end=end, name=name,
                          actor=m.actor, role=m.role, title=m.title,
                          code=index.kb.cameo_code(m.actor, m.role) if m.actor else None,
                          actor_source=(m.person.source if m.person else "lexicon") if m.actor else None))
    covered = {i for m in index.mentions for i in range(m.start, m.end)}
    for ent in doc.ents:
        if ent.label_ in ("ORG", "LOC", "GPE", "MISC", "NORP", "FAC") and not any(i in covered for i in range(ent.start, ent.end)) \
                and "\n" not in ent.text:
            label = {"GPE": "LOC", "FAC": "LOC", "NORP": "MISC"}.get(ent.label_, ent.label_)
            out.append(Entity(text=ent.text, label=label, start=ent.start_char,
                              end=ent.end_char, name=ent.text))
    out.sort(key=lambda e: e.start)
    return out
