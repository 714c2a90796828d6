"""Event circumstances: negation, modality, date and place of a coded trigger.

Input: a trigger token, the Doc, its ``ActorIndex``, the article's time expressions and
quotations, and the language data (negation words, modal and announcement verbs, hypothetical
markers, the conditional's forms, place prepositions).
Output: ``negated`` (bool), ``modality`` ("asserted", "question", "hypothetical", "conditional",
or the controlling modal verb's meaning: possible, planned, threatened, requested...), the event
``date`` (ISO, from the time expression attached to the trigger's clause, else publication) and
``location`` ({name, country, lat, lon} or None).
Guarantees: a date inside another phrase or clause never dates the event; places come from
the offline gazetteer or the actor table; ``CircumstanceReader`` is a mixin of
``events.EventCoder`` and reads only the state that class sets up.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.extract.geo import lookup_place
from dyads.textnorm import fold
from dyads.types import Quote

DATED_KINDS = {"date", "month", "year", "relative", "period"}


class CircumstanceReader:
    """Negation, modality, date and place (mixed into ``events.EventCoder``)."""

    def _scope(self, head: Token) -> list[Token]:
        """The trigger and the words it depends on for its truth: its governing verb, and for an
        infinitive the verb or noun controlling it ("n'a pas l'intention d'expulser")."""
        scope = [head]
        cur = head
        for _ in range(3):
            if cur.head.i == cur.i:
                break
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in self.syn.control:
                break
            cur = cur.head
            scope.append(cur)
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in self.syn.control:
                break
        return scope

    def negated(self, head: Token) -> bool:
        scope = [t for t in self._scope(head) if t.pos_ in ("VERB", "AUX")] or [head]
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
        if self.syn.opens_with(verb, self.hypothetical):
            return "hypothetical"
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
        for tok in self._scope(head)[1:]:
            if tok.pos_ in ("VERB", "AUX") and fold(tok.lemma_) in self.allegation:
                return "alleged"  # "accusé d'avoir rencontré", "la Chine, accusée de bloquer"
            if tok.pos_ in ("NOUN",) and fold(tok.lemma_) in self.modal_nouns:
                return self.modal_nouns[fold(tok.lemma_)]  # "l'intention d'expulser", "plans to"
        upper = self.syn.complement_head(verb)
        if upper is not None and fold(upper.lemma_) in self.modal and fold(upper.lemma_) not in self.announce:
            return self.modal[fold(upper.lemma_)]  # "envisage de suspendre", "plans to expel"
        return "asserted"

    def future(self, head: Token) -> bool:
        """A verb in the future: its own tense, a future auxiliary ("will respond"), or a
        future-forming verb that governs it ("Moscou va réagir")."""
        if head.pos_ not in ("VERB", "AUX"):
            return False
        if "Fut" in head.morph.get("Tense") or any(
                "Fut" in c.morph.get("Tense") or fold(c.lemma_) in self.future_aux for c in self.syn.auxiliaries(head)):
            return True
        upper = self.syn.complement_head(head)
        return upper is not None and fold(upper.lemma_) in self.future_verbs and "Past" not in upper.morph.get("Tense")

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
