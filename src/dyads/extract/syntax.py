"""Dependency navigation shared by the event coder, independent of the annotation scheme.

Input: spaCy tokens and a language's dependency label sets (``language.yaml: deps``).
Output: small queries: the preposition of a dependent, whether a verb is passive, the subject
of a verb (inherited through control and coordination), the dependents that fill an argument
slot (``subj``, ``obj``, ``iobj``, ``agent``, ``poss``, ``adj``, ``compound``, ``prep:X``).
Both the UD style (French: the noun carries a ``case`` child) and the ClearNLP style
(English: ``prep`` -> ``pobj``) are handled by the same code; which labels mean what is data.
Guarantees: pure functions of the parse; no query walks more than a few levels up the tree.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dyads.lang import LanguageData
from dyads.textnorm import fold


class Syntax:
    def __init__(self, lang: LanguageData):
        self.lang = lang
        self.subj = lang.deps("subj")
        self.passive_subj = lang.deps("passive_subj")
        self.obj = lang.deps("obj")
        self.iobj = lang.deps("iobj")
        self.agent = lang.deps("agent")
        self.prep_child = lang.deps("prep_child")
        self.prep_object = lang.deps("prep_object")
        self.case = lang.deps("case") | lang.deps("fixed")
        self.amod = lang.deps("amod")
        self.compound = lang.deps("compound")
        self.conj = lang.deps("conj")
        self.passive_aux = lang.deps("passive_aux")
        self.passive_subj = lang.deps("passive_subj")
        self.poss_det = lang.deps("poss_det")
        self.clause = lang.deps("clause")
        self.complement = lang.deps("complement_clause")
        self.adverbial = lang.deps("adverbial_clause")
        self.control = lang.deps("control")
        self.relative = lang.deps("relative")
        self.relative_pronouns = lang.words("relative_pronouns")
        self.object_control = lang.words("object_control_verbs")
        self.agent_preps = {lang.prep(p) for p in lang.config.get("agent_preps", [])}
        self.complex_preps = {fold(k): lang.prep(v) for k, v in (lang.config.get("complex_preps") or {}).items()}
        self.possessives = lang.words("possessives")
        self._cached_doc = None
        self._preps: dict[int, tuple[tuple[str, Token], ...]] = {}

    # ---- prepositions -----------------------------------------------------------------
    def prep_of(self, tok: Token) -> str | None:
        """The (normalised) preposition introducing a nominal dependent, if any."""
        if tok.dep_ in self.prep_object and tok.head.i != tok.i:
            return self.lang.prep(tok.head.lemma_ or tok.head.text)
        cases = [c for c in tok.children if c.dep_ in self.case and c.i < tok.i]
        for c in cases:
            key = fold(c.text)
            if key in self.complex_preps:
                return self.complex_preps[key]
        for i in range(max(tok.left_edge.i, tok.i - 4), tok.i):
            key = fold(tok.doc[i].text)
            if key in self.complex_preps:
                return self.complex_preps[key]
        if cases:
            return self.lang.prep(cases[0].text)
        return None

    def prep_dependents(self, head: Token) -> tuple[tuple[str, Token], ...]:
        """(preposition, noun) pairs for the prepositional dependents of ``head`` (worked out
        once per token of a Doc: the coder asks for the same heads many times)."""
        if head.doc is not self._cached_doc:
            self._cached_doc, self._preps = head.doc, {}
        found = self._preps.get(head.i)
        if found is None:
            found = self._preps[head.i] = tuple(self._prep_dependents(head))
        return found

    def _prep_dependents(self, head: Token) -> Iterator[tuple[str, Token]]:
        for child in head.children:
            if child.pos_ == "ADV" and fold(child.text) in self.complex_preps:
                for obj in child.children:  # "auprès de l'Otan": the noun hangs on the adverb
                    if obj.pos_ in ("NOUN", "PROPN", "PRON"):
                        yield self.complex_preps[fold(child.text)], obj
                continue
            if child.dep_ not in self.prep_child:
                continue
            pobjs = [g for g in child.children if g.dep_ in self.prep_object]
            if child.pos_ == "ADP" or pobjs:
                for obj in pobjs:
                    yield self.lang.prep(child.lemma_ or child.text), obj
                continue
            if child.dep_ in self.iobj and child.pos_ != "ADP" and not self.prep_of(child):
                yield "iobj", child
                continue
            if child.pos_ == "ADV":  # auprès de X, lors de X: the noun hangs on the adverb
                for obj in child.children:
                    if obj.dep_ in self.prep_child:
                        yield self.lang.prep(child.text), obj
                continue
            prep = self.prep_of(child)
            if prep:
                yield prep, child

    # ---- verbs ------------------------------------------------------------------------
    @staticmethod
    def auxiliaries(verb: Token) -> list[Token]:
        return [c for c in verb.children if c.dep_.startswith("aux")]

    def complement_head(self, tok: Token) -> Token | None:
        """The word a complement clause depends on: "va" for "va réagir", "envisage" for
        "envisage de suspendre"; None when ``tok`` heads no complement clause."""
        upper = tok.head
        return upper if tok.dep_ in self.complement and upper.i != tok.i else None

    def opens_with(self, clause: Token, words: set[str]) -> bool:
        """A subordinate clause whose first word is one of ``words`` ("si les militaires ...
        étaient tués", with "si" parsed under the subject rather than the verb)."""
        return (clause.dep_ in self.adverbial or clause.dep_ in self.conj) \
            and fold(clause.doc[clause.left_edge.i].text) in words  # (a condition misparsed as a conjunct too)

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in self.passive_aux or c.dep_ in self.passive_subj for c in verb.children)

    def subject(self, verb: Token) -> Token | None:
        """The grammatical subject (the agent, for a passive verb), if written."""
        if self.is_passive(verb):
            return self.agent_of(verb)
        found = [c for c in verb.children if c.dep_ in self.subj]
        before = [c for c in found if c.i < verb.i]
        if len(found) > 1 and before:  # two subjects is a misparse: the noun next to the verb
            return before[-1]          # ("Après la décision ... le Canada de retirer ..., la junte a qualifié")
        return found[0] if found else None

    def agent_of(self, head: Token) -> Token | None:
        for c in head.children:
            if c.dep_ in self.agent and c.pos_ != "ADP":
                return c
        for prep, noun in self.prep_dependents(head):
            if prep in self.agent_preps:
                return noun
        for c in head.children:  # "l'invasion de l'Ukraine par la Russie" with "par la Russie" as a conjunct
            if c.dep_ in self.conj and c.pos_ in ("NOUN", "PROPN") and self.prep_of(c) in self.agent_preps:
                return c
        for part in self.participles(head):
            found = self.agent_of(part)
            if found is not None:
                return found
        return self._agent_after(head) if head.pos_ in ("NOUN", "PROPN") else None

    def _agent_after(self, noun: Token) -> Token | None:
        """"l'invasion de l'Ukraine par la Russie" with "par la Russie" attached higher up."""
        nxt = noun.right_edge.i + 1
        if nxt < len(noun.doc) and noun.doc[nxt].dep_ in self.case \
                and self.lang.prep(noun.doc[nxt].text) in self.agent_preps:
            return noun.doc[nxt].head
        return None

    def participles(self, noun: Token) -> list[Token]:
        """Participles modifying a noun ("les sanctions imposées par ...")."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return []
        return [c for c in noun.children if c.dep_ in self.clause and c.pos_ == "VERB"
                and c.i > noun.i and "Part" in c.morph.get("VerbForm")]

    def objects(self, verb: Token) -> list[Token]:
        if self.is_passive(verb):
            return [c for c in verb.children if c.dep_ in self.passive_subj]
        found = [c for c in verb.children if c.dep_ in self.obj]
        if found or verb.pos_ not in ("VERB", "AUX"):
            return found
        return self._object_after(verb)

    def _object_after(self, verb: Token) -> list[Token]:
        """A parser slip: the noun right after a transitive verb attached elsewhere."""
        for tok in verb.doc[verb.i + 1:min(len(verb.doc), verb.i + 4)]:
            if tok.pos_ in ("DET", "ADV", "NUM") or tok.dep_ == "det":
                continue
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != verb.i and not tok.sent_start == tok.i:
                return [tok]
            break
        return []

    def governing_verb(self, tok: Token, max_up: int = 4) -> Token | None:
        """The nearest verb above a token (through nouns, coordination and control)."""
        cur = tok
        for _ in range(max_up):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
        return None

    def inherited_subject(self, verb: Token, max_up: int = 3) -> Token | None:
        """The subject of a verb, or of the verb that controls or coordinates it; for the
        infinitive complement of a noun, the noun's possessor or agent."""
        cur = verb
        for level in range(max_up, -1, -1):
            subj = self.subject(cur)
            if subj is not None:
                if fold(subj.text) in self.relative_pronouns and cur.dep_ in self.relative:
                    return cur.head  # "les militaires qui ont tiré": the noun the clause hangs on
                return subj
            if cur.head.i == cur.i or cur.dep_ not in self.control:
                return None
            if fold(cur.head.lemma_) in self.object_control:
                objs = self.objects(cur.head)  # "accuser Washington d'avoir rencontré": Washington
                if objs and objs[0].i != cur.i:
                    return objs[0]
            if cur.head.pos_ in ("NOUN", "PROPN"):
                if "Part" in cur.morph.get("VerbForm"):
                    return cur.head  # "la Chine, accusée de bloquer": the noun itself
                return self.noun_owner(cur.head, level - 1)  # "la décision de X de réduire": X
            cur = cur.head
        return None

    def noun_owner(self, noun: Token, max_up: int = 2) -> Token | None:
        """Who a noun belongs to: possessive, agent, or its "de"/"of" complement."""
        for c in noun.children:
            if c.dep_ in self.poss_det and (c.pos_ in ("PRON", "PROPN", "NOUN") or fold(c.text) in self.possessives):
                return c
        agent = self.agent_of(noun)
        if agent is not None:
            return agent
        genitive = {self.lang.prep(p) for p in self.lang.config.get("genitive_preps", [])}
        for prep, obj in self.prep_dependents(noun):
            if prep in genitive:
                return obj
        if max_up > 0 and noun.head.pos_ in ("VERB", "AUX") and noun.head.i != noun.i:
            return self.inherited_subject(noun.head, max_up - 1)
        return None

    # ---- slots ------------------------------------------------------------------------
    def fill(self, slot: str, head: Token) -> list[Token]:
        """Tokens that may fill an argument slot of a trigger head."""
        if slot == "subj":
            subj = self.subject(head) if head.pos_ in ("VERB", "AUX") else None
            return [subj] if subj is not None else []
        if slot == "obj":
            return self.objects(head)
        if slot == "iobj":
            return [c for c in head.children if c.dep_ in self.iobj]
        if slot == "agent":
            agent = self.agent_of(head)
            return [agent] if agent is not None else []
        if slot == "adj":
            return [c for c in head.children if c.dep_ in self.amod]
        if slot == "compound":
            return [c for c in head.children if c.dep_ in self.compound]
        if slot == "poss":
            return [c for c in head.children if c.dep_ in self.poss_det
                    and (c.pos_ in ("PRON", "PROPN", "NOUN") or fold(c.text) in self.possessives)]
        if slot.startswith("prep:"):
            want = self.lang.prep(slot[5:])
            heads = [head, *self.participles(head)]
            return [noun for h in heads for prep, noun in self.prep_dependents(h) if prep == want]
        return []
