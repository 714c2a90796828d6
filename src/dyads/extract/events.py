"""The event coder: parsed Doc + actors + dates + quotes -> list[Event] (who did what to whom).

Input: the Doc, its ``ActorIndex`` (extract.actors), time expressions (extract.timex), quotes
(extract.quotes), the language data (``triggers.tsv`` argument frames, ``reporting_verbs.tsv``,
negation and modality words) and the CAMEO codebook.
Method: every token whose lemma and part of speech are a trigger of the lexicon (verbs and
event nouns, multiword entries checked against the head's dependents) is coded with the
trigger's CAMEO code. Its source and target are found through the trigger's argument frame
(subject, object, passive agent, prepositional dependents, possessive, actor adjective,
subject of the governing verb), resolved to actors through the mentions, including actor
adjectives inside the argument ("des diplomates russes" -> RUS), possessives and pronouns
(the subject of the governing clause), and coordination ("la Russie et la Chine" -> two events).
A statement verb whose clause names another actor is a statement event of its speaker.
Output: events with source/target participants, CAMEO code, root, quad class, Goldstein, PLOVER
type/mode, date (the time expression governing the clause, else the publication date),
location, sentence, trigger offsets, the lexicon rule that fired, negation and modality.
Guarantees: an event's source and target are both resolved actors (unresolved arguments give
no event); symmetric interactions are one event; within an article one event per (source,
target, code, date); offsets point into the article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from dyads.extract.actors import ActorIndex, Mention
from dyads.extract.codebook import Codebook
from dyads.extract.geo import lookup_place
from dyads.extract.syntax import Syntax
from dyads.lang import LanguageData, Trigger
from dyads.textnorm import fold
from dyads.types import Event, Participant, Quote, Timex

SYMMETRIC_ROOTS = {"04", "05", "06"}
PLACE_TARGET_ROOTS = {"15", "18", "19", "20"}
NAME_ENTITIES = {"ORG", "MISC", "LOC", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "NORP"}
DOMESTIC_DEFAULT_ROOT = "14"  # protest: the country's people against their government by default
STATE_FORCE = {"GOV", "MIL", "COP", "JUD"}  # a state acting on its own society is an event:
SOCIETY = {"CVL", "OPP", "REB", "NGO", "MED", "BUS"}  # police vs protesters, army vs rebels
DATED_KINDS = {"date", "month", "year", "relative", "period"}  # force and violence: a place can be the target
NP_DEPTH = 4


@dataclass
class Arg:
    """A resolved argument: the actor mention and the phrase that names it."""

    mention: Mention
    start: int
    end: int
    role: str | None
    via: str


class EventCoder:
    def __init__(self, doc: Doc, index: ActorIndex, lang: LanguageData, *, timexes: list[Timex],
                 quotes: list[Quote], published: str | None, codebook: Codebook):
        self.doc, self.index, self.lang = doc, index, lang
        self.kb = index.kb
        self.syn = Syntax(lang)
        self.timexes, self.quotes = timexes, quotes
        self.published = published
        self.codebook = codebook
        self.negation = lang.words("negation")
        self.neg_particles = lang.words("negation_particles")
        self.modal = {fold(k): v for k, v in (lang.config.get("modal_verbs") or {}).items()}
        self.announce = lang.words("announce_verbs")
        self.hypothetical = lang.words("hypothetical_marks")
        self.pronouns = {fold(p) for p in (lang.config.get("pronouns") or {})}
        self.possessives = lang.words("possessives")
        self.reciprocal = lang.words("reciprocal")
        self.first_person = lang.words("first_person")
        self.genitive = {lang.prep(p) for p in lang.config.get("genitive_preps", [])}
        self.frame_preps = {lang.prep(p) for p in lang.config.get("frame_preps", [])}
        self.origin_preps = [lang.prep(p) for p in lang.config.get("origin_preps", [])]
        self.main_actor = self._main_actor()
        self.plain_statement = set(lang.config.get("plain_statement_codes", ["010"]))
        self.location_preps = {lang.prep(p) for p in lang.config.get("location_preps", [])}

    # ---- triggers -----------------------------------------------------------------------
    def triggers(self) -> list[tuple[Token, Trigger]]:
        found = []
        for tok in self.doc:
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_
            if pos not in ("VERB", "NOUN", "ADJ"):
                continue
            m = self.index.at(tok.i)
            if m is not None and m.actor and m.kind != "demonym":
                continue  # "l'Alliance" names NATO, it is not an alliance
            if self._in_name(tok):
                continue
            entries = next((self.lang.triggers[(k, pos)] for k in self.lang.lemma_keys(tok.text, tok.lemma_, tok.pos_)
                            if (k, pos) in self.lang.triggers), None)
            entries = [t for t in entries or [] if self._same_accents(tok, t)]
            if not entries:
                continue
            usable = [t for t in entries if self._extra_ok(tok, t)]
            usable.sort(key=lambda t: -len(t.extra))
            found.extend((tok, t) for t in usable[:3])
        return found

    def _in_name(self, tok: Token) -> bool:
        """Part of a multiword name or a date ("Rassemblement national", "in March")."""
        if tok.ent_type_ in ("DATE", "TIME") or any(t.start <= tok.idx < t.end for t in self.timexes):
            return True
        return tok.ent_type_ in NAME_ENTITIES and tok.ent_iob_ != "O" and len(tok.ent_type_) > 0 \
            and tok.text[:1].isupper() and not tok.is_sent_start

    @staticmethod
    def _same_accents(tok: Token, trig: Trigger) -> bool:
        """Accent-folded lookup only when the text itself has no accents ("marché" is not "marche")."""
        forms = {tok.lemma_.lower().replace("’", "'"), tok.text.lower().replace("’", "'")}
        if trig.surface in forms or not trig.surface:
            return True
        return all(ord(c) < 128 for c in tok.text) or all(ord(c) < 128 for c in trig.surface) and \
            not any(ord(c) >= 128 for c in tok.lemma_)

    def _extra_ok(self, tok: Token, trig: Trigger) -> bool:
        if not trig.extra:
            return True
        near = {fold(t.lemma_) for t in tok.children} | {fold(t.text) for t in tok.children}
        near |= {prep for prep, _noun in self.syn.prep_dependents(tok)}
        near |= {fold(t.lemma_) for t in self.doc[tok.i + 1:tok.i + 4]}
        near |= {self.lang.prep(t.text) for t in self.doc[tok.i + 1:tok.i + 4]}
        return all(w in near for w in trig.extra)

    def _is_trigger(self, tok: Token) -> bool:
        return any((k, "NOUN") in self.lang.triggers for k in self.lang.lemma_keys(tok.text, tok.lemma_, tok.pos_))

    # ---- actors of phrases --------------------------------------------------------------
    def _role_noun(self, tok: Token) -> str | None:
        term = self.kb.roles.get((fold(tok.text),)) or self.kb.roles.get((fold(tok.lemma_),))
        return term.role if term else None

    def actor_of(self, tok: Token, via: str, depth: int = NP_DEPTH, coref: bool = True) -> Arg | None:
        """The actor a noun phrase stands for, looking inside it for actor words."""
        m = self.index.at(tok.i)
        if m is not None and m.actor:
            return Arg(m, m.start, m.end, m.role, via)
        key = fold(tok.text)
        if key in self.first_person:
            return self._quote_speaker(tok, via)  # "Nous condamnons ...", said by the quote's speaker
        if key in self.pronouns or key in self.possessives:
            return self._antecedent(tok, via) if coref else None
        if depth <= 0:
            return None
        inner = self._inner_actor(tok, via, depth, coref)
        if inner is not None:
            return inner
        agent = self.syn.agent_of(tok) if tok.pos_ == "NOUN" and depth == NP_DEPTH else None
        if agent is not None:  # "aux sanctions introduites par Bruxelles": Bruxelles's sanctions
            owner = self.actor_of(agent, via + ">agent", 1, coref=False)
            if owner is not None:
                return owner
        role = self._role_noun(tok) if depth == NP_DEPTH else None
        if role and self.main_actor is not None and tok.pos_ == "NOUN":
            return Arg(self.main_actor, tok.i, tok.i + 1, role, via + ">context")  # "la police", "the army"
        return None

    def _inner_actor(self, tok: Token, via: str, depth: int, coref: bool) -> Arg | None:
        children = sorted(tok.children, key=lambda c: (c.dep_ in self.syn.conj, c.dep_ not in self.syn.amod, c.i))
        for child in children:
            if child.dep_ in self.syn.clause or child.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "CCONJ"):
                continue
            if child.dep_ in self.syn.conj and (depth < NP_DEPTH - 1 or self._is_trigger(child)):
                continue  # "des avions et des hélicoptères de l'armée syrienne": only at the top
            inner = self.actor_of(child, via, depth - 1, coref)
            if inner is not None:
                role = self._role_noun(tok) or inner.role
                if "coref" in inner.via:  # the antecedent is elsewhere: name it, not this phrase
                    return Arg(inner.mention, inner.start, inner.end, role, inner.via)
                start, end = min(tok.i, inner.start), max(tok.i + 1, inner.end)
                return Arg(inner.mention, start, end, role, via)
        return None

    def _quote_speaker(self, tok: Token, via: str) -> Arg | None:
        for quote in self.quotes:
            if quote.start <= tok.idx < quote.end and quote.speaker_actor:
                m = self._speaker_mention(quote)
                if m is not None:
                    return Arg(m, tok.i, tok.i + 1, quote.speaker_role, via + ">speaker")
        return None

    def _speaker_mention(self, quote: Quote) -> Mention | None:
        """A mention of the quote's speaker (or of its actor), to stand for it."""
        same = [m for m in self.index.mentions if m.actor == quote.speaker_actor]
        named = [m for m in same if m.person is not None and m.person.name == quote.speaker]
        return (named or same or [None])[0]

    def _main_actor(self) -> Mention | None:
        """The state the article is mostly about (most mentioned), for bare role nouns."""
        counts: dict[str, list[Mention]] = {}
        for m in self.index.mentions:
            if m.actor and m.person is None and self.kb.actor(m.actor).kind == "state":
                counts.setdefault(m.actor, []).append(m)
        if not counts:
            return None
        best = max(counts.values(), key=lambda ms: (len(ms), -ms[0].start))
        return best[0]

    def _antecedent(self, tok: Token, via: str) -> Arg | None:
        verb = self.syn.governing_verb(tok) if tok.pos_ != "VERB" else tok
        subj = self.syn.inherited_subject(verb) if verb is not None else None
        if subj is not None and subj.i != tok.i and fold(subj.text) not in self.pronouns:
            found = self.actor_of(subj, via + ">coref", 1, coref=False)
            if found:
                return found
        for m in reversed(self.index.mentions):
            if m.end <= tok.i and m.actor and (m.person or m.kind in ("name", "acronym", "alias", "capital", "seat")):
                if tok.i - m.end > 80:
                    break
                return Arg(m, m.start, m.end, m.role, via + ">coref")
        return None

    def _with_conjuncts(self, tok: Token, via: str) -> list[Arg]:
        out, first = [], self.actor_of(tok, via)
        if first is not None:
            out.append(first)
        for c in tok.children:
            if c.dep_ not in self.syn.conj or c.pos_ not in ("NOUN", "PROPN", "PRON") or self._is_trigger(c):
                continue
            more = self.actor_of(c, via, depth=2, coref=c.pos_ == "PRON")  # "la Russie et la Chine"
            if more is not None and all(more.mention.actor != a.mention.actor for a in out):
                out.append(more)
        return out

    # ---- argument frames ----------------------------------------------------------------
    def resolve(self, slots: tuple[str, ...], head: Token, deep: bool = True) -> list[Arg]:
        for slot in slots:
            if slot == "gov":
                found = self._gov_subject(head)
                if found:
                    return [found]
                continue
            for tok in self.syn.fill(slot, head):
                args = self._with_conjuncts(tok, slot)
                if args and slot == "subj":
                    args += self._left_conjunct(tok, args)
                if args:
                    return args
        return self._deep_prep(slots, head) if deep else []

    def _is_place(self, arg: Arg, slot: str, head: Token) -> bool:
        """A capital or region after a place preposition ("à Bruxelles") is where, not whom,
        except for force and violence."""
        if arg.mention.kind not in ("capital", "region") or not slot.startswith("prep:"):
            return False
        return self.lang.prep(slot[5:].split(">")[0]) in self.location_preps and not self._violent(head)

    def _violent(self, head: Token) -> bool:
        return any(t.cameo[:2] in PLACE_TARGET_ROOTS for t in self._entries(head))

    def _entries(self, tok: Token) -> list[Trigger]:
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN"
        return next((self.lang.triggers[(k, pos)] for k in self.lang.lemma_keys(tok.text, tok.lemma_, tok.pos_)
                     if (k, pos) in self.lang.triggers), [])

    def _on_extra(self, trig: Trigger, head: Token) -> list[Arg]:
        """Multiword triggers: preposition slots are first looked for on the required words
        ("prendre des sanctions contre X": contre hangs on sanctions)."""
        if not trig.extra:
            return []
        preps = tuple(s for s in trig.target if s.startswith("prep:"))
        for child in head.children:
            if fold(child.lemma_) in trig.extra or fold(child.text) in trig.extra:
                for slot in preps:
                    for tok in self.syn.fill(slot, child):
                        args = self._with_conjuncts(tok, slot)
                        if args:
                            return args
        return []

    def _left_conjunct(self, tok: Token, found: list[Arg]) -> list[Arg]:
        """"Emmanuel Macron et Xi Jinping se sont entretenus" parsed with Macron apart: the
        actor just before a coordinating conjunction that opens the subject joins it."""
        start = tok.left_edge.i
        if start < 2 or self.doc[start - 1].pos_ != "CCONJ":
            return []
        m = self.index.at(start - 2)
        if m is None or not m.actor or any(a.mention.actor == m.actor for a in found):
            return []
        return [Arg(m, m.start, m.end, m.role, "subj>conj")]

    def _deep_prep(self, slots: tuple[str, ...], head: Token) -> list[Arg]:
        """A preposition slot written on a noun below the trigger: "la suspension du travail
        de sa mission auprès de l'Otan" (auprès hangs on mission, not on suspension)."""
        preps = [s for s in slots if s.startswith("prep:")]
        if not preps:
            return []
        frontier = [head]
        for _level in range(2):
            frontier = [n for h in frontier for _p, n in self.syn.prep_dependents(h)] + \
                       [o for h in frontier for o in self.syn.objects(h) if h.pos_ == "VERB"]
            for noun in frontier:
                for slot in preps:
                    for tok in self.syn.fill(slot, noun):
                        args = [a for a in self._with_conjuncts(tok, slot + ">deep")
                                if not self._is_place(a, slot, head)]
                        if args:
                            return args
        verb = self.syn.governing_verb(head, max_up=1) if head.pos_ != "VERB" else None
        specific = [s for s in preps if self.lang.prep(s[5:]) not in self.genitive | self.syn.agent_preps]
        for slot in specific if verb is not None else []:
            for tok in self.syn.fill(slot, verb):  # "la suspension ... auprès de l'Otan" hung on the verb
                args = [a for a in self._with_conjuncts(tok, slot + ">up") if not self._is_place(a, slot, head)]
                if args:
                    return args
        return []

    def _gov_subject(self, head: Token) -> Arg | None:
        """Subject of the verb governing a noun trigger, unless that verb reports speech."""
        first = head
        while first.dep_ in self.syn.conj and first.head.i != first.i:
            first = first.head  # "après le début de la guerre et les sanctions": the first conjunct's preposition
        prep = self.syn.prep_of(first)
        if prep is not None and prep not in self.genitive and prep not in self.frame_preps:
            return None  # "depuis l'invasion ...", "after the invasion" is not what the subject did
        verb = self.syn.governing_verb(head)
        if verb is None:
            return None
        lemma = fold(verb.lemma_)
        if lemma not in self.announce and (lemma in self.lang.reporting or
                                           (lemma, "VERB") in self.lang.triggers):
            return None
        subj = self.syn.inherited_subject(verb)
        return self.actor_of(subj, "gov") if subj is not None else None

    def sources(self, head: Token, trig: Trigger) -> list[Arg]:
        agent = self.syn.agent_of(head)
        if agent is not None and self.actor_of(agent, "agent") is None and "agent" in trig.source:
            return []  # "les sanctions prononcées par l'Occident": an agent we cannot place
        found = self.resolve(trig.source, head)
        cue = self._cued_quote(head) if "speech" in trig.flags else None
        if cue is not None and (not found or found[0].via.endswith("coref")):
            m = self._speaker_mention(cue)  # "«...», a-t-il protesté": the quote's speaker
            found = [Arg(m, m.start, m.end, cue.speaker_role, "speaker")] if m else found
        if not found and head.pos_ in ("VERB", "AUX"):
            subj = self.syn.inherited_subject(head)
            if subj is not None:
                arg = self.actor_of(subj, "subj>inherited")
                found = [arg] if arg else []
        if not found and trig.cameo[:2] in PLACE_TARGET_ROOTS:
            found = self.resolve(tuple(f"prep:{p}" for p in self.origin_preps), head)  # "tirées depuis Gaza"
        return found

    def targets(self, head: Token, trig: Trigger, sources: list[Arg]) -> list[Arg]:
        found = self._on_extra(trig, head)
        found = found or self.resolve(trig.target, head)
        if not found and head.pos_ == "VERB" and "obj" not in trig.target:
            found = [a for a in self.resolve(("obj",), head, deep=False)
                     if a.mention.actor not in {s.mention.actor for s in sources}]
        if not found and "speech" in trig.flags:
            clause = self._clause_actor(head, sources[0]) if sources else None  # "appelé à rencontrer X"
            clause = clause or (self._quote_actor(head, sources[0]) if sources else None)
            found = [clause] if clause else []
        if found or "target_required" in trig.flags:
            return found
        violent = trig.cameo[:2] in PLACE_TARGET_ROOTS
        exclude = {a.mention.actor for a in sources}
        near = self._near_target(head, exclude, places=violent)
        return [near] if near else []

    @staticmethod
    def _distinct(src: Arg, tgt: Arg) -> bool:
        """Different actors, or one state's distinct parts (police vs protesters)."""
        if src.mention.actor != tgt.mention.actor:
            return True
        roles = {src.role, tgt.role}
        return "near" not in tgt.via and bool(roles & STATE_FORCE) and bool(roles & SOCIETY)

    def _domestic(self, head: Token, trig: Trigger, sources: list[Arg]) -> list[Event]:
        """Protests are domestic unless said otherwise: the country's people against its
        government ("des milliers de manifestants", "a weekend of demonstrations")."""
        main = self.main_actor
        named = any(m.actor == main.actor for m in self.index.in_span(head.sent.start, head.sent.end))
        if not sources and not named:
            return []  # a protest with no actor and no country named in its sentence: too vague
        src = sources[0] if sources else Arg(main, head.i, head.i + 1, "CVL", "context")
        targets = self.resolve(trig.target, head) or [Arg(main, head.i, head.i + 1, "GOV", "context")]
        return [self.make_event(head, trig.cameo, trig.rule, src, tgt) for tgt in targets[:2]
                if self._distinct(src, tgt)]

    def _cued_quote(self, head: Token) -> Quote | None:
        """The attributed quotation of the trigger's sentence, when the trigger is a verb of saying."""
        sent = head.sent
        for quote in self.quotes:
            if sent.start_char <= quote.start < sent.end_char and quote.speaker_actor \
                    and not quote.start <= head.idx < quote.end:
                return quote
        return None

    def _reciprocal(self, head: Token, trig: Trigger) -> bool:
        """A reciprocal marker that is not part of the verb itself ("se rendre" is not)."""
        words = {fold(c.text) for c in head.children} | {fold(t.text) for t in self.doc[head.i + 1:head.i + 4]}
        return bool((words & self.reciprocal) - set(trig.extra))

    def _near_target(self, head: Token, exclude: set[str | None], places: bool = False) -> Arg | None:
        """Fallback: the first actor after the trigger in the same clause. A place is a
        target only for force and violence ("des frappes dans la bande de Gaza")."""
        for tok in self.doc[head.i + 1:min(head.sent.end, head.i + 8)]:
            if tok.is_punct and tok.text not in ("'", "’", "-"):
                break
            if tok.pos_ in ("VERB", "SCONJ", "CCONJ") and tok.dep_ not in ("amod", "acl"):
                break  # the clause ends: "to fight the disease while the Red Cross ..."
            m = self.index.at(tok.i)
            if m is not None and not places and self.syn.prep_of(self.doc[m.start]) in self.location_preps:
                continue
            if m is not None and m.actor and m.actor not in exclude and not m.person:
                role = self._role_noun(tok.head) if m.kind == "demonym" else m.role
                return Arg(m, m.start, m.end, role or m.role, "near")
        return None

    # ---- modality, date, place ----------------------------------------------------------
    def _clause_verbs(self, head: Token) -> list[Token]:
        verbs, cur = [], head
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX"):
                verbs.append(cur)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return verbs

    def negated(self, head: Token) -> bool:
        scope = [head] + ([self.syn.governing_verb(head)] if head.pos_ not in ("VERB", "AUX") else [])
        subj = self.syn.subject(scope[-1]) if scope[-1] is not None else None
        if subj is not None and any(fold(t.text) in self.negation for t in subj.subtree if t.i <= subj.i):
            return True  # "Neither Arbenz nor any official had attacked", "aucun pays n'a ..."
        for tok in scope:
            if tok is None:
                continue
            for c in tok.children:
                key = fold(c.text)
                if key in self.negation or (key in self.neg_particles and c.i < tok.i):
                    return True
        return False

    def modality(self, head: Token) -> str:
        """asserted, or why not: question, hypothetical, conditional, or the modal verb's
        meaning (possible, planned, threatened, requested...) when the trigger is its complement."""
        if head.sent.text.rstrip().endswith(self.lang.config.get("question_mark", "?")):
            return "question"
        verb = head if head.pos_ in ("VERB", "AUX") else self.syn.governing_verb(head, max_up=2)
        if verb is None:
            return "asserted"
        for c in verb.children:
            if fold(c.text) in self.hypothetical and c.i < verb.i and c.dep_ == "mark":
                return "hypothetical"
            if c.dep_.startswith("aux") and "Cnd" in c.morph.get("Mood"):
                return "conditional"
            if c.dep_.startswith("aux") and fold(c.lemma_) in self.modal:
                return self.modal[fold(c.lemma_)]
        if "Cnd" in verb.morph.get("Mood") or self._conditional_form(verb) or \
                any(c.dep_.startswith("aux") and self._conditional_form(c) for c in verb.children):
            return "conditional"
        if verb.i != head.i and fold(verb.lemma_) in self.modal and fold(verb.lemma_) not in self.announce:
            return self.modal[fold(verb.lemma_)]  # "menacer de sanctions", "threaten sanctions"
        upper = verb.head
        if verb.dep_ in self.syn.complement and upper.i != verb.i and fold(upper.lemma_) in self.modal \
                and fold(upper.lemma_) not in self.announce:
            return self.modal[fold(upper.lemma_)]  # "envisage de suspendre", "plans to expel"
        return "asserted"

    def _quoted(self, head: Token) -> bool:
        return self._quote_of(head) is not None

    def _quote_of(self, head: Token) -> Quote | None:
        """The quotation (of three words or more) the token is in, if any."""
        return next((q for q in self.quotes if q.start <= head.idx < q.end and len(q.text.split()) >= 3), None)

    def _conditional_form(self, verb: Token) -> bool:
        """Conditional mood by its form, for models that tag it as another tense (language data)."""
        spec = self.lang.config.get("conditional") or {}
        form, lemma = fold(verb.text), fold(verb.lemma_)
        for ending in spec.get("endings", []):
            if form.endswith(ending) and len(form) > len(ending) + 1:
                stem = form[: -len(ending)]
                if stem in (lemma, lemma[:-1]) and stem.endswith("r") or stem in spec.get("stems", []):
                    return True
        return False

    def date_of(self, head: Token) -> str | None:
        """The time expression attached to the trigger's clause, else the publication date.

        A date inside another noun phrase ("l'Acte fondateur de 1997") does not date the event.
        """
        sent = head.sent
        verb = head if head.pos_ in ("VERB", "AUX") else self.syn.governing_verb(head, max_up=2)
        anchors = {head.i}
        while verb is not None and len(anchors) < 4:  # the clause verb and the verbs controlling it
            anchors.add(verb.i)
            verb = verb.head if verb.dep_ in self.syn.control and verb.head.i != verb.i else None
        best = None
        for timex in self.timexes:
            if not (sent.start_char <= timex.start < sent.end_char) or timex.kind not in DATED_KINDS:
                continue
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or not self._attached(span.root, anchors, head):
                continue
            if best is None or abs(timex.start - head.idx) < abs(best.start - head.idx):
                best = timex
        return best.value if best is not None else self.published

    def _attached(self, tok: Token, anchors: set[int], head: Token) -> bool:
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i in anchors:
                return True
            if cur.pos_ == "VERB" and cur.dep_ in self.syn.control:
                continue  # "a dénoncé ... pour annoncer le 18 octobre": a clause of the same act
            if cur.pos_ in ("NOUN", "PROPN", "VERB") and not self._time_word(cur):
                return False  # inside another phrase or clause ("les pays ayant adhéré après 1997")
        return False

    def _time_word(self, tok: Token) -> bool:
        return any(t.start <= tok.idx < t.end for t in self.timexes)

    def location_of(self, head: Token) -> dict | None:
        """Where: the first place named after a place preposition in the trigger's clause."""
        verb = head if head.pos_ in ("VERB", "AUX") else (self.syn.governing_verb(head) or head)
        for tok in verb.subtree:
            if tok.pos_ != "PROPN" or self.syn.prep_of(tok) not in self.location_preps:
                continue
            m = self.index.at(tok.i)
            if m is not None and m.person is not None:
                continue
            name = self.doc[m.start:m.end].text if m else tok.text
            if m is not None and m.kind in ("name", "alias", "region") and m.actor:
                info = self.kb.actor(m.actor)
                if info.kind == "state":
                    return {"name": name, "country": m.actor, "lat": info.lat, "lon": info.lon}
            place = lookup_place(name)
            if place is not None:
                return place
        return None

    # ---- events -------------------------------------------------------------------------
    def participant(self, arg: Arg) -> Participant:
        span = self.doc[arg.start:arg.end]
        m = arg.mention
        role = arg.role
        if self.kb.actor(m.actor).kind == "igo":
            role = "IGO"
        name = m.person.name if m.person else self.kb.name_of(m.actor)
        return Participant(text=span.text, actor=m.actor, role=role,
                           code=self.kb.cameo_code(m.actor, role), start=span.start_char,
                           end=span.end_char, name=name)

    def make_event(self, head: Token, cameo: str, rule: str, src: Arg, tgt: Arg) -> Event:
        entry = self.codebook.entry(cameo)
        sent = head.sent
        return Event(
            source=self.participant(src), target=self.participant(tgt), cameo=cameo,
            root=entry.root, quad_class=entry.quad_class, goldstein=entry.goldstein,
            plover={"type": entry.plover_type, "mode": entry.plover_mode},
            date=self.date_of(head), location=self.location_of(head), sentence=sent.text.strip(),
            sentence_start=sent.start_char,
            trigger={"text": head.text, "start": head.idx, "end": head.idx + len(head.text)},
            rule=f"{self.lang.code}.{rule}", negated=self.negated(head), modality=self.modality(head),
            label=entry.label, quoted=self._quoted(head))

    def code_trigger(self, head: Token, trig: Trigger) -> list[Event]:
        sources = self.sources(head, trig)
        if trig.cameo[:2] == DOMESTIC_DEFAULT_ROOT and self.main_actor is not None \
                and {t.cameo[:2] for t in self._entries(head)} == {DOMESTIC_DEFAULT_ROOT}:
            return self._domestic(head, trig, sources)
        if not sources and "sym" in trig.flags:
            pair = self.resolve(trig.target, head)  # "talks between X and Y": X and Y
            if len(pair) >= 2:
                return [self.make_event(head, trig.cameo, trig.rule, pair[0], pair[1])]
        if not sources:
            return []
        if len(sources) >= 2 and "sym" in trig.flags and not self.resolve(trig.target, head):
            return [self.make_event(head, trig.cameo, trig.rule, sources[0], sources[1])]  # "X and Y met"
        if len(sources) >= 2 and self._reciprocal(head, trig):  # "X et Y s'accusent mutuellement"
            pairs = [(a, b) for a in sources for b in sources if a is not b]
            if "sym" in trig.flags:
                pairs = pairs[:1]
            return [self.make_event(head, trig.cameo, trig.rule + ".reciprocal", a, b) for a, b in pairs]
        quote = self._quote_of(head)
        if quote is not None:  # in a quotation: the speaker's own acts ("Nous condamnons"), or a
            sources = [a for a in sources if "speaker" in a.via  # partial quote of a sentence
                       or not quote.start <= self.doc[a.mention.start].idx < quote.end]  # whose subject is outside
        targets = self.targets(head, trig, sources) if sources else []
        events = []
        for src in sources:
            for tgt in targets:
                if src.mention is tgt.mention or not self._distinct(src, tgt):
                    continue
                rule = trig.rule + ("." + tgt.via if tgt.via in ("near",) else "")
                events.append(self.make_event(head, trig.cameo, rule, src, tgt))
        return events

    def speech_events(self, used: set[int]) -> list[Event]:
        """A statement verb whose clause names another actor: a statement event."""
        events = []
        for tok in self.doc:
            if tok.i in used or tok.pos_ != "VERB":
                continue
            spec = next((self.lang.reporting[k] for k in self.lang.lemma_keys(tok.text, tok.lemma_, tok.pos_)
                         if k in self.lang.reporting), None)
            if spec is None or spec[0] in self.plain_statement:
                continue
            subj = self.syn.subject(tok)
            src = self.actor_of(subj, "subj") if subj is not None else None
            if src is None:
                continue
            tgt = self._clause_actor(tok, src)
            if tgt is not None:
                events.append(self.make_event(tok, spec[0], f"speech.{fold(tok.lemma_)}", src, tgt))
        return events

    def _quote_actor(self, head: Token, src: Arg) -> Arg | None:
        """The first other state or organisation named in the quotation a speech verb cues."""
        quote = self._cued_quote(head)
        if quote is None:
            return None
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for m in self.index.in_span(span.start, span.end) if span is not None else []:
            if m.actor and m.actor != src.mention.actor and m.person is None and m.kind != "demonym":
                return Arg(m, m.start, m.end, m.role, "quote")
        return None

    def _clause_actor(self, verb: Token, src: Arg) -> Arg | None:
        for child in verb.children:
            if child.dep_ not in self.syn.clause and child.dep_ not in self.syn.obj:
                continue
            for tok in child.subtree:
                m = self.index.at(tok.i)
                if m is not None and m.actor and m.actor != src.mention.actor and m.kind != "demonym":
                    return Arg(m, m.start, m.end, m.role, "clause")  # "appelé à rencontrer Poutine"
        return None

    def code(self, include_speech: bool = True) -> list[Event]:
        events: list[Event] = []
        used: set[int] = set()
        for head, trig in self.triggers():
            if head.i in used:
                continue
            coded = self.code_trigger(head, trig)
            if coded:
                used.add(head.i)
                events.extend(coded)
        if include_speech:
            events.extend(self.speech_events(used))
        return dedupe(events)


def _key(event: Event) -> tuple:
    a, b = event.source.actor, event.target.actor
    if event.root in SYMMETRIC_ROOTS and a > b:
        a, b = b, a
    return (a, b, event.cameo, event.date, event.negated, event.modality)


def dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for event in events:
        key = _key(event)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def code_events(doc: Doc, index: ActorIndex, lang: LanguageData, *, timexes: list[Timex],
                quotes: list[Quote], published: date | None, codebook: Codebook,
                include_speech: bool = True) -> list[Event]:
    """Code every event of a parsed article (see the module docstring)."""
    coder = EventCoder(doc, index, lang, timexes=timexes, quotes=quotes,
                       published=published.isoformat() if published else None, codebook=codebook)
    return coder.code(include_speech=include_speech)
