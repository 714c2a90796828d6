"""Event arguments: who a trigger's source and target are, resolved to actors.

Input: a trigger token with its lexicon entry (argument frame), the Doc, its ``ActorIndex``, the
quotations and the language data (dependency labels, prepositions, pronouns).
Output: ``Arg`` records (the actor mention, the phrase that names it, its role, how it was found).
Method: the entry's slots in order (subject, object, agent, possessive, actor adjective,
prepositions, subject of the governing verb), then fallbacks: the subject inherited through
control and coordination, the required word of a multiword trigger, prepositions one or two
nouns down or on the governing verb, the verb's object, the first actor after the trigger in its
clause, a quotation's speaker for first-person and speech verbs. A phrase stands for the actor
named in it (mention, actor adjective, "de X" complement, possessive or pronoun antecedent); a bare
role noun ("la police") stands for the article's main state.
Guarantees: every ``Arg`` holds a mention with an actor; the search never walks more than
``NP_DEPTH`` levels into a phrase; ``ArgumentResolver`` is a mixin of ``events.EventCoder`` and
reads only the state that class sets up.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyads.extract.actors import Mention
from dyads.lang import Trigger
from dyads.textnorm import fold
from dyads.types import Quote

PLACE_TARGET_ROOTS = {"15", "18", "19", "20"}  # force and violence: a place can be the target
STATE_FORCE = {"GOV", "MIL", "COP", "JUD"}  # a state acting on its own society is an event:
SOCIETY = {"CVL", "OPP", "REB", "NGO", "MED", "BUS"}  # police vs protesters, army vs rebels
NP_DEPTH = 4
NAMING_KINDS = ("name", "acronym", "alias", "capital", "seat")  # mentions that name an actor outright
PAIR_WINDOW = 60  # tokens back to the two actors "les deux dirigeants" stands for
OWNER_TARGET_ROOTS = {"11", "12"}  # criticise, reject: aimed at the author of the act named
STRICT_OWNER_ROOTS = {"12"}  # rejecting an act with no author named has no target
# a verb of saying whose target is only in its clause or quote: an appeal, a promise, a demand, a
# criticism or a rejection is aimed at the actor it names ("appelé à rencontrer Poutine", "agreed
# to provide guarantees to North Korea"); a warning or a statement about an actor ("averti que la
# Russie ...") is not aimed at it
CLAUSE_TARGET_ROOTS = {"02", "03", "10", "11", "12"}


@dataclass
class Arg:
    """A resolved argument: the actor mention and the phrase that names it."""

    mention: Mention
    start: int
    end: int
    role: str | None
    via: str


class ArgumentResolver:
    """Source and target search (mixed into ``events.EventCoder``)."""

    def _is_trigger(self, tok: Token) -> bool:
        return bool(self.lang.trigger_entries(tok.text, tok.lemma_, tok.pos_, "NOUN"))

    # ---- actors of phrases --------------------------------------------------------------

    def _role_noun(self, tok: Token) -> str | None:
        term = self.kb.roles.get((fold(tok.text),)) or self.kb.roles.get((fold(tok.lemma_),))
        return term.role if term else None

    def actor_of(self, tok: Token, via: str, depth: int = NP_DEPTH, coref: bool = True) -> Arg | None:
        """The actor a noun phrase stands for, looking inside it for actor words."""
        m = self.index.at(tok.i)
        if m is not None and m.actor and not self._guessed_person(m):
            return Arg(m, m.start, m.end, m.role, via)
        key = fold(tok.text)
        if key in self.first_person:
            return self._quote_speaker(tok, via)  # "Nous condamnons ...", said by the quote's speaker
        if key in self.object_pronouns and tok.pos_ == "PRON":
            if tok.dep_ in self.syn.subj:  # "X, lui a parlé" with the clitic parsed as the subject:
                return self._antecedent(tok, via) if coref else None  # the name just before it
            return self._object_antecedent(tok, via) if coref else None
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
        seat = self._seated_in(tok) if role and tok.pos_ == "NOUN" else None
        if seat is not None:  # "la junte au pouvoir à Bamako", "the government based in Kabul"
            return Arg(seat, tok.i, seat.end if seat.end > tok.i else tok.i + 1, role, via + ">seat")
        if role and self.main_actor is not None and tok.pos_ == "NOUN":
            return Arg(self.main_actor, tok.i, tok.i + 1, role, via + ">context")  # "la police", "the army"
        return None

    def _seated_in(self, noun: Token) -> Mention | None:
        """The capital or state a role noun's participle clause puts it in: "la junte au
        pouvoir à Bamako", "le régime installé à Damas"."""
        for clause in noun.children:
            if clause.dep_ not in self.syn.clause or clause.pos_ not in ("VERB", "ADJ"):
                continue
            for prep, obj in self.syn.prep_dependents(clause):
                m = self.index.at(obj.i)
                if prep in self.location_preps and m is not None and m.actor and m.person is None \
                        and m.kind in ("capital", "seat", "name", "alias"):
                    return m
        return None

    @staticmethod
    def _guessed_person(m: Mention) -> bool:
        """A person with neither a table entry nor a title, whose actor is only the article's
        context: good enough for a people list, too weak to make an event."""
        return m.person is not None and m.person.source == "context" and not m.person.title

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
            if m.end <= tok.i and m.actor and (m.person or m.kind in NAMING_KINDS):
                if tok.i - m.end > 80:
                    break
                return Arg(m, m.start, m.end, m.role, via + ">coref")
        return None

    def _object_antecedent(self, tok: Token, via: str) -> Arg | None:
        """An object pronoun ("les", "him") never stands for its own clause's subject: it is the
        subject of an earlier clause, of this sentence or the two before, that agrees in number
        ("Quatre diplomates soudanais ont 72 heures ... N'Djamena a décidé de les déclarer
        persona non grata": the diplomats)."""
        verb = self.syn.governing_verb(tok)
        local = self.syn.inherited_subject(verb) if verb is not None else None
        local_actor = self.actor_of(local, via, 1, coref=False) if local is not None else None
        number = self.object_pronouns[fold(tok.text)]
        sent = tok.sent
        spans = [self.doc[sent.start:tok.i]]
        for _ in range(2):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            spans.append(sent)
        for span in spans:
            subjects = [t for t in span if (t.dep_ in self.syn.subj or t.dep_ in self.syn.passive_subj)
                        and t.pos_ in ("NOUN", "PROPN")]
            for cand in reversed(subjects):
                if local is not None and cand.i == local.i:
                    continue
                if number and cand.pos_ == "NOUN" and number not in cand.morph.get("Number", [number]):
                    continue
                found = self.actor_of(cand, via + ">coref", NP_DEPTH - 1, coref=False)
                if found and (local_actor is None or found.mention.actor != local_actor.mention.actor):
                    return found
        return None

    def _pair(self, tok: Token, via: str) -> list[Arg]:
        """"Les deux dirigeants", "the two leaders", "la paire": the two actors last named
        before the phrase (people first, else states and organisations), in text order."""
        named = self.index.at(tok.i)
        if tok.pos_ != "NOUN" or (named is not None and named.actor):
            return []
        counted = any(fold(c.text) in self.pair_words for c in tok.children if c.i < tok.i) and (
            self._role_noun(tok) is not None or fold(tok.lemma_) in self.pair_heads)  # not "both events"
        paired = fold(tok.lemma_) in self.pair_nouns or counted
        if not paired:
            return []
        before = [m for m in self.index.mentions if m.end <= tok.i and tok.i - m.end <= PAIR_WINDOW and m.actor
                  and not self._guessed_person(m) and self._quote_of(self.doc[m.start]) is None]  # not in quotes
        people = [m for m in before if m.person is not None  # a name, or a title: "le président français"
                  or m.kind == "demonym" and self._role_noun(self.doc[m.start].head) is not None]
        for pool in (people,
                     [m for m in before if m.kind in NAMING_KINDS]):
            picked: list[Mention] = []
            for m in reversed(pool):
                if all(m.actor != p.actor for p in picked):
                    picked.append(m)
                if len(picked) == 2:
                    return [Arg(m, m.start, m.end, m.role, via + ">pair") for m in sorted(picked, key=lambda m: m.start)]
        return []

    def _with_conjuncts(self, tok: Token, via: str) -> list[Arg]:
        pair = self._pair(tok, via)
        if pair:
            return pair
        out, first = [], self.actor_of(tok, via)
        if first is not None:
            out.append(first)
        heads = [tok]
        if first is not None and first.mention.start <= tok.i < first.mention.end:
            heads = list(self.doc[first.mention.start:first.mention.end])  # "l'Arabie saoudite et l'Iran",
        for c in (c for h in heads for c in h.children):                   # "et l'Iran" hung on "saoudite"
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
                    return found
                continue
            for tok in self.syn.fill(slot, head) or self._fill_on_auxiliary(slot, head):
                args = self._with_conjuncts(tok, slot)
                if args and slot == "subj":
                    args += self._left_conjunct(tok, args)
                if args:
                    return args
        return self._deep_prep(slots, head) if deep else []

    def _fill_on_auxiliary(self, slot: str, head: Token) -> list[Token]:
        """A complement the parser hung on the future or modal verb above the trigger: "va
        livrer des chars à l'Ukraine" with "à l'Ukraine" on "va"."""
        upper = self.syn.complement_head(head)
        if not slot.startswith("prep:") or head.pos_ != "VERB" or upper is None \
                or fold(upper.lemma_) not in self.future_verbs and fold(upper.lemma_) not in self.modal:
            return []
        return [t for t in self.syn.fill(slot, upper) if t.i > head.i]

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
        return self.lang.trigger_entries(tok.text, tok.lemma_, tok.pos_, pos)

    @staticmethod
    def _extra_children(head: Token, trig: Trigger) -> list[Token]:
        """The required words of a multiword trigger among the head's dependents."""
        if not trig.extra:
            return []
        return [c for c in head.children if fold(c.lemma_) in trig.extra or fold(c.text) in trig.extra]

    def _on_extra(self, trig: Trigger, head: Token) -> list[Arg]:
        """Multiword triggers: preposition slots are first looked for on the required words
        ("prendre des sanctions contre X": contre hangs on sanctions)."""
        preps = tuple(s for s in trig.target if s.startswith("prep:"))
        for child in self._extra_children(head, trig):
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

    def _gov_subject(self, head: Token) -> list[Arg]:
        """Subject of the verb governing a noun trigger, unless that verb reports speech."""
        first = head
        while first.dep_ in self.syn.conj and first.head.i != first.i:
            first = first.head  # "après le début de la guerre et les sanctions": the first conjunct's preposition
        verb = self.syn.governing_verb(head)
        if verb is None:
            return []
        cur = first
        while cur.i != verb.i and cur.head.i != cur.i:  # every noun on the way up: "depuis l'invasion", "en raison de l'invasion"
            prep = self.syn.prep_of(cur) if cur.pos_ in ("NOUN", "PROPN") else None
            if prep is not None and prep not in self.genitive and prep not in self.frame_preps:
                return []  # "after the invasion" is not what the subject did
            cur = cur.head
        lemma = fold(verb.lemma_)
        if lemma not in self.announce and (lemma in self.lang.reporting or
                                           (lemma, "VERB") in self.lang.triggers):
            return []
        subj = self.syn.inherited_subject(verb)
        return self._with_conjuncts(subj, "gov") if subj is not None else []  # "X et Y ont conclu un cessez-le-feu"

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
        owner = self._event_object_owner(head, trig)
        if owner is not None:
            return owner
        found = self._on_extra(trig, head)
        found = found or self.resolve(trig.target, head)
        if not found and head.pos_ == "VERB" and "obj" not in trig.target:
            found = [a for a in self.resolve(("obj",), head, deep=False)
                     if a.mention.actor not in {s.mention.actor for s in sources}]
        threat = self.modal.get(fold(head.lemma_)) == "threatened"  # "menacé de couper le gaz à la Moldavie"
        if not found and "speech" in trig.flags and (trig.cameo[:2] in CLAUSE_TARGET_ROOTS or threat):
            clause = self._clause_actor(head, sources[0]) if sources else None  # "appelé à rencontrer X"
            clause = clause or (self._quote_actor(head, sources[0]) if sources else None)
            found = [clause] if clause else []
        if found or "target_required" in trig.flags:
            return found
        violent = trig.cameo[:2] in PLACE_TARGET_ROOTS
        exclude = {a.mention.actor for a in sources}
        near = self._near_target(head, exclude, places=violent)
        return [near] if near else []

    def _event_object_owner(self, head: Token, trig: Trigger) -> list[Arg] | None:
        """Rejecting or criticising an act is aimed at whoever does it, not at whom it is done
        to: "la Hongrie refuse l'embargo de l'UE sur le gaz russe" is against the EU, "refuse tout
        embargo sur le gaz russe" names no target at all, "condamne l'invasion de l'Ukraine par
        la Russie" is against Russia. None when the object is not an event noun."""
        if trig.cameo[:2] not in OWNER_TARGET_ROOTS or head.pos_ not in ("VERB", "AUX") or "obj" not in trig.target:
            return None
        obj = next(iter(self.syn.fill("obj", head)), None)
        if obj is None or obj.pos_ != "NOUN" or self.index.at(obj.i) is not None:
            return None
        entries = self._entries(obj)
        if not entries:
            return None
        owner = self.resolve(tuple(s for s in entries[0].source if s != "gov"), obj, deep=False)
        if not owner:  # "rejected the proposal from Kyiv" with "from Kyiv" hung on the verb
            owner = self.resolve(tuple(s for s in entries[0].source if s.startswith("prep:")), head, deep=False)
        if owner or trig.cameo[:2] in STRICT_OWNER_ROOTS:
            return owner
        named = (self.index.at(t.i) for slot in entries[0].target for t in self.syn.fill(slot, obj))
        if any(m is not None and m.actor for m in named):
            return []  # "condamner l'invasion de l'Ukraine": not aimed at the invaded
        return None  # "condamner la répression des manifestations en Birmanie": the country it happens in

    @staticmethod
    def _distinct(src: Arg, tgt: Arg, cameo: str = "14") -> bool:
        """Different actors, or in conflict one state's distinct parts (police vs protesters)."""
        if src.mention.actor != tgt.mention.actor:
            return True
        roles = {src.role, tgt.role}
        return "near" not in tgt.via and cameo[:2] >= "09" and bool(roles & STATE_FORCE) \
            and bool(roles & SOCIETY)

    def _cued_quote(self, head: Token) -> Quote | None:
        """The attributed quotation of the trigger's sentence, when the trigger is a verb of saying."""
        sent = head.sent
        for quote in self.quotes:
            if sent.start_char <= quote.start < sent.end_char and quote.speaker_actor \
                    and not quote.start <= head.idx < quote.end:
                return quote
        return None

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

    def _quote_actor(self, head: Token, src: Arg) -> Arg | None:
        """The first other state or organisation named in the quotation a speech verb cues."""
        quote = self._cued_quote(head)
        if quote is None:
            return None
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        named = [m for m in (self.index.in_span(span.start, span.end) if span is not None else [])
                 if m.actor and m.actor != src.mention.actor and m.person is None]
        # a name first; else an actor adjective ("Cet exercice militaire chinois est un acte provocateur")
        m = next((m for m in named if m.kind != "demonym"), None) or next(iter(named), None)
        return Arg(m, m.start, m.end, m.role, "quote") if m is not None else None

    def _clause_actor(self, verb: Token, src: Arg) -> Arg | None:
        for child in verb.children:
            if child.dep_ not in self.syn.clause and child.dep_ not in self.syn.obj:
                continue
            for tok in child.subtree:
                m = self.index.at(tok.i)
                if m is not None and m.actor and m.actor != src.mention.actor and m.kind != "demonym":
                    return Arg(m, m.start, m.end, m.role, "clause")  # "appelé à rencontrer Poutine"
        return None
