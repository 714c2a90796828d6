"""Speakers and references: a token of a parsed Doc -> the Speaker it stands for.

Input: the Doc of the article, the ``ActorIndex`` from ``extract.actors``, the language data
(reporting verbs, pronouns, relative pronouns, possessives, agent prepositions, speech nouns
from ``language.yaml`` and ``reporting_verbs.tsv``; month and weekday names from the timex
data) and a mask of the tokens inside quotation marks (from ``extract.quotes``).
Output: a ``Speaker`` (a person of the article, or an institution or phrase as written, with
its actor, role, number and gender) for a reporting verb (``verb_speaker``), a subject-like
token (``resolve``) or a pronoun at a position (``referent_before``); None when there is none.
The speaker of a verb: its subject, the agent of a passive or of a participle ("qualifié de
«...» par X"), the subject it inherits through control or coordination, an inverted subject
after a quote or a comma ("a indiqué dans un communiqué le ministère ..."), a name the parser
missed just before it, an unnamed subject as written ("un internaute"), the subject of "X was
overheard saying".
What a subject stands for: a person (the article's full name for them); a title ("le dirigeant
polonais" -> the person of the article with that title, the office holder at publication, the
person in focus, else the title as written); an unnamed officer of an institution ("le
porte-parole du ministère X") -> the institution as written; a bare "le gouvernement"/"l'ONG"
-> the institution named before; an institution or state as written ("Kremlin"); the owner of
a speech noun ("un communiqué de l'ONU"); a relative pronoun -> its noun; a pronoun or
possessive -> by salience: a subject before it in its sentence, else the focus (quoted speaker,
main subject, speaker of a reporting verb) of the closest preceding sentences that agrees in
number and gender (from ``language.yaml`` pronouns; people's gender from honorifics and the
article of their title).
Guarantees: words inside any quotation are never taken as a speaker; with ``named_only`` set,
an unnamed subject is never returned as a phrase; a pronoun resolves only to a speaker that
agrees with it; the focus of a sentence is computed once (cached, which also stops cycles
through pronouns) and reads the speakers the caller recorded in ``said``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyads.extract.actors import ActorIndex, Person
from dyads.extract.syntax import Syntax
from dyads.lang import LanguageData
from dyads.textnorm import fold

PAIRS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"'}  # quotation marks: opening -> closing
DASHES = ("-", "–", "—")
SALIENCE_SENTS = 4  # how many sentences back a pronoun may refer
AFTER_VERB = 14  # how many tokens after a verb an inverted subject may stand


@dataclass
class Speaker:
    """Who said a quote: a person of the article, or an institution or phrase as written."""

    name: str
    actor: str | None
    role: str | None
    person: Person | None = None
    cue: str | None = None
    plural: bool = False
    gender: str | None = None

    @classmethod
    def of_person(cls, person: Person) -> "Speaker":
        return cls(person.name, person.actor, person.role, person, gender=person.gender)

    def agrees(self, pronoun: dict) -> bool:
        """Whether a pronoun (its number and gender from language.yaml) may stand for this."""
        if pronoun.get("number") == "Plur" and not (self.plural or self.person is None):
            return False
        if pronoun.get("number") == "Sing" and self.plural:
            return False
        gender = pronoun.get("gender")
        return not (gender and self.gender and gender != self.gender)


class ReferenceResolver:
    """Finds what the subjects, verbs and pronouns of one Doc stand for, as speakers."""

    def __init__(self, doc: Doc, index: ActorIndex, lang: LanguageData, quoted: list[bool]):
        self.doc, self.index, self.lang = doc, index, lang
        self.quoted = quoted  # token i lies inside quotation marks
        self.pronouns = {fold(p): (v or {}) for p, v in (lang.config.get("pronouns") or {}).items()}
        self.relatives = lang.words("relative_pronouns")
        self.speech_nouns = lang.words("speech_nouns")
        self.possessives = lang.words("possessives")
        self.agent_preps = lang.words("agent_preps")
        self.subj, self.appos = lang.deps("subj"), lang.deps("appos")
        self.control = lang.deps("control")
        self.syn = Syntax(lang)
        self.said: dict[int, Speaker] = {}  # sentence start -> a speaker quoted in that sentence
        self._focus_cache: dict[int, Speaker | None] = {}
        self.named_only = False  # take no phrase as written for a speaker (scare quotes, loose verbs)
        self.time_words = {fold(w) for key in ("months", "weekdays", "units", "days")
                           for w in (lang.timex.get(key) or {})}

    # ---- phrases ---------------------------------------------------------------------
    def _name(self, start: int, end: int) -> str:
        """A phrase as a speaker name: without leading articles, prepositions or punctuation."""
        while start < end and self.doc[start].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SPACE"):
            start += 1
        while end > start and self.doc[end - 1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SPACE"):
            end -= 1
        return self.doc[start:end].text if start < end else ""

    def _gender(self, tok: Token) -> str | None:
        genders = [g for c in tok.children if c.dep_ == "det" for g in c.morph.get("Gender")] \
            or tok.morph.get("Gender")
        return genders[0] if len(set(genders)) == 1 else None

    def _phrase_speaker(self, tok: Token, start: int, end: int, actor: str | None = None,
                        role: str | None = None) -> Speaker:
        return Speaker(self._name(start, end), actor, role, plural=_plural(tok), gender=self._gender(tok))

    # ---- the speaker of a verb -------------------------------------------------------
    def is_reporting(self, tok: Token) -> bool:
        """Whether a token is a verb of saying (a key of reporting_verbs.tsv)."""
        return tok.pos_ in ("VERB", "AUX") and self.lang.reporting_entry(tok.text, tok.lemma_, tok.pos_) is not None

    def verb_speaker(self, verb: Token) -> Speaker | None:
        """Subject, agent after a participle, inherited subject, inverted subject, a name just
        before the verb, an unnamed subject as written, then the controller of the verb."""
        subjects = self.subjects(verb)
        for tok in subjects:
            found = self.resolve(tok)
            if found:
                return found
        for find in (self._agent_after, self._inherited, self._after_subject, self._left_subject):
            found = find(verb, bool(subjects))
            if found:
                return found
        for tok in subjects:
            found = self.common_noun(tok)
            if found:
                return found
        return None if subjects else self._controller_speaker(verb)

    def subjects(self, verb: Token) -> list[Token]:
        """Subject-like dependents of a verb and its auxiliaries (object clitics the parser
        took for subjects left out); the agent of a passive."""
        heads = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
        passive = any(c.dep_ in self.syn.passive_aux for c in verb.children)
        found = []
        if passive:
            agent = self.syn.agent_of(verb)
            found += [agent] if agent is not None else []
        for head in heads:
            for child in head.children:
                if self.quoted[child.i] or (passive and child.dep_ in self.syn.passive_subj) or self._object_clitic(child):
                    continue
                if (child.dep_ in self.subj or child.dep_ in self.syn.passive_subj or child.dep_.startswith("expl")
                        or child.dep_ == "dep") and not self._has_case(child):
                    found.append(child)  # "a-t-il assuré": "-il" may come out as a passive subject
        # Two subjects before one verb is a misparse; the one next to the verb is the subject
        # ("Après la décision de ... le Canada de retirer ..., la junte a qualifié").
        return sorted(found, key=lambda t: (t.i > verb.i, -t.i if t.i < verb.i else t.i))

    def _has_case(self, tok: Token) -> bool:
        """A noun introduced by a preposition ("Dans un éditorial"), which no subject is."""
        return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in self.syn.case and c.pos_ == "ADP" for c in tok.children)

    def _object_clitic(self, tok: Token) -> bool:
        return (self.pronouns.get(fold(tok.text)) or {}).get("case") == "obj"

    def _inherited(self, verb: Token, has_subject: bool) -> Speaker | None:
        """The named subject a verb inherits through control or coordination ("X, ajoutant
        que", "He justified ..., described X as")."""
        if has_subject or verb.dep_ not in self.control:
            return None
        owner = self.syn.inherited_subject(verb)
        if owner is None or owner.i == verb.i or self.quoted[owner.i]:
            return None
        return self.resolve(owner) or self.common_noun(owner)

    def _agent_after(self, verb: Token, has_subject: bool) -> Speaker | None:
        """The agent of a participle after its quote: "un propos qualifié de «...» par X"."""
        if has_subject or "Part" not in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
            return None  # a participle on its own, not a compound tense ("a déclaré")
        for tok in self.doc[verb.i + 1:min(len(self.doc), verb.i + 40)]:
            if tok.is_sent_start or (not self.quoted[tok.i] and tok.pos_ in ("VERB", "AUX") and tok.i > verb.i + 1):
                return None
            if not self.quoted[tok.i] and fold(tok.text) in self.agent_preps:
                noun = next((t for t in self.doc[tok.i + 1:tok.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
                return self.resolve(noun) if noun is not None else None
        return None

    def _after_subject(self, verb: Token, has_subject: bool) -> Speaker | None:
        """An inverted subject, after a quote or a comma: "«...», a déclaré mardi le ministre X",
        "a indiqué dans un communiqué le ministère ...". With no subject in the parse, the
        verb's first noun phrase counts even unnamed ("«...», a lancé un internaute"; the parser
        often calls it an object); else only a name or a title."""
        if not (self._after_clause(verb) and self._finite(verb)):
            return None
        in_pp, pp_noun = False, None
        for tok in self.doc[verb.i + 1:min(len(self.doc), verb.i + AFTER_VERB)]:
            if self.quoted[tok.i] or tok.is_sent_start or tok.pos_ in ("VERB", "SCONJ"):
                return None
            if tok.is_punct and tok.text not in DASHES and tok.text not in ("'", "’"):
                return None
            if tok.pos_ == "ADP":
                in_pp, pp_noun = True, None
            elif tok.pos_ == "DET" and self.doc[tok.i - 1].pos_ != "ADP":
                in_pp = False
            elif in_pp and tok.pos_ in ("NOUN", "PROPN") and (pp_noun is None or self._same_phrase(tok, pp_noun)):
                pp_noun = tok  # the object of the preposition ("à la presse")
            elif in_pp and tok.pos_ in ("NOUN", "PROPN"):
                in_pp = False  # a new phrase: "a déclaré à la presse Piotr Müller"
            if tok.pos_ in ("NOUN", "PROPN") and not in_pp and not self._time_word(tok):
                if tok.dep_ in self.subj and tok.head.i != verb.i:
                    return None  # the subject of the reported clause
                named = self.index.at(tok.i) is not None or self._role(tok.i, tok.i + 1) is not None
                if not has_subject or named or tok.pos_ == "PROPN" or tok.ent_type_:
                    return self.resolve(tok) or self.common_noun(tok, inverted=True)
                return None
        return None

    def _time_word(self, tok: Token) -> bool:
        """"mercredi", "la semaine dernière": a time adverbial, never a speaker."""
        return tok.ent_type_ in ("DATE", "TIME") or fold(tok.text) in self.time_words

    def _same_phrase(self, tok: Token, prev: Token) -> bool:
        """Whether a noun continues the phrase of the noun before it; a name goes with a title
        before it ("au président Emmanuel Macron") but not with another noun ("à la presse
        Piotr Müller")."""
        if not _attached(tok, prev):
            return False
        role = self._role(prev.i, prev.i + 1)
        return tok.pos_ != "PROPN" or prev.pos_ == "PROPN" or (role is not None and role[2].kind == "title")

    def _after_clause(self, verb: Token) -> bool:
        """Whether a verb comes right after a quote or a comma ("«...», a déclaré X")."""
        i = verb.i - 1
        while i >= verb.sent.start and (self.doc[i].pos_ in ("ADV", "AUX") or self.doc[i].dep_.startswith("aux")):
            i -= 1
        return i >= verb.sent.start and (self.quoted[i] or self.doc[i].text in (",", *PAIRS.values()))

    @staticmethod
    def _finite(verb: Token) -> bool:
        forms = [*verb.morph.get("VerbForm"), *(f for c in verb.children if c.dep_.startswith("aux")
                                                 for f in c.morph.get("VerbForm"))]
        return "Fin" in forms

    def _left_subject(self, verb: Token, has_subject: bool) -> Speaker | None:
        """A person just before the verb that the parser did not make its subject ("Macron a
        également averti", parsed as an adverb; "X, lui avait parlé")."""
        if has_subject:
            return None
        i, commas = verb.i - 1, 0
        while i >= verb.sent.start and self.index.at(i) is None:
            tok = self.doc[i]
            if tok.text == "," and commas == 0:
                commas += 1
            elif not (tok.pos_ in ("ADV", "AUX", "PART") or tok.dep_.startswith("aux") or self._object_clitic(tok)):
                break
            i -= 1
        m = self.index.at(i)
        if m is None or m.person is None or self.quoted[i]:
            return None
        prev = self.doc[m.start - 1] if m.start > verb.sent.start else None
        return None if prev is not None and prev.pos_ == "ADP" else Speaker.of_person(m.person)

    def _controller_speaker(self, verb: Token) -> Speaker | None:
        """A verb without subject: the passive subject of the verb of perception above it
        ("X was overheard saying", "X was quoted as saying"), or for a narrative infinitive
        ("Et d'ajouter que ...") the last speaker."""
        head = verb.head
        if verb.dep_ in self.control and head.i != verb.i and self.syn.is_passive(head):
            for child in head.children:
                if child.dep_ in self.syn.passive_subj and not self.quoted[child.i]:
                    return self.resolve(child)
        if verb.morph.get("VerbForm") == ["Inf"] and (verb.head.i == verb.i or self.quoted[verb.head.i]):
            return self.referent_before(verb.i)
        return None

    # ---- what a phrase stands for ----------------------------------------------------
    def resolve(self, tok: Token | None) -> Speaker | None:
        """The speaker a subject-like token stands for, or None."""
        if tok is None or self.quoted[tok.i]:
            return None
        pronoun = self._pronoun(tok)
        if pronoun is not None:
            return self.referent_before(tok.i, pronoun)
        if fold(tok.text) in self.relatives and tok.head.head.i != tok.head.i:
            return self.resolve(tok.head.head)  # "John Kerry, qui avait condamné ..."
        m = self.index.at(tok.i)
        if m is not None and m.person is not None:
            return Speaker.of_person(m.person)
        start, end = self._phrase(tok)
        person = self._person_in(tok, start, end)
        if person is not None:
            return Speaker.of_person(person)
        if fold(tok.lemma_) in self.speech_nouns or fold(tok.text) in self.speech_nouns:
            return self.owner_speaker(tok) or self._phrase_speaker(tok, start, end)
        if tok.pos_ == "NOUN" and any(fold(c.text) in self.possessives for c in tok.children if c.i < tok.i) \
                and not self._role(start, end):
            return self.referent_before(tok.i)  # "his translator said"
        return self._title_speaker(start, end) or self._institution_speaker(start, end)

    def _pronoun(self, tok: Token) -> dict | None:
        """The language data of a subject pronoun ("il", "a-t-elle", "ce dernier"), or None."""
        key = fold(tok.text).strip("-").replace("t-", "")
        if tok.i > 0 and fold(f"{self.doc[tok.i - 1].text} {tok.text}") in self.pronouns:
            key = fold(f"{self.doc[tok.i - 1].text} {tok.text}")
        found = self.pronouns.get(key)
        return None if found is None or found.get("case") == "obj" else found

    def common_noun(self, tok: Token, inverted: bool = False) -> Speaker | None:
        """A subject of a reporting verb that names no known actor ("un utilisateur", "une
        longue liste d'experts"): the phrase as written. Not for scare quotes."""
        if self.named_only or self.quoted[tok.i] or tok.pos_ not in ("NOUN", "PROPN") or self._time_word(tok) \
                or self._has_case(tok) or not (inverted or tok.dep_ in self.subj):
            return None
        start, end = self._phrase(tok)
        return self._phrase_speaker(tok, start, end)

    def _phrase(self, tok: Token) -> tuple[int, int]:
        """The noun phrase of a token, without clauses, quotes, or anything after a comma."""
        start = tok.i
        while start > tok.left_edge.i and not self.quoted[start - 1] and not self.doc[start - 1].is_punct:
            start -= 1
        end = tok.i + 1
        for t in self.doc[tok.i + 1:tok.right_edge.i + 1]:
            if (t.is_punct and t.text not in DASHES) or self.quoted[t.i] or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                break
            end = t.i + 1
        return start, end

    def _person_in(self, tok: Token, start: int, end: int) -> Person | None:
        """A person the phrase names as its head ("la leader du RN Marine Le Pen", "le
        porte-parole du Kremlin, Dmitri Peskov", "le lieutenant-général Igor Kirillov"), not
        one in a complement ("le porte-parole de Vladimir Poutine")."""
        for child in (c for c in tok.children if c.dep_ in self.appos):
            for t in [child, *(g for g in child.children if g.dep_ in self.appos)]:
                m = self.index.at(t.i)
                if m is not None and m.person is not None:
                    return m.person
        for m in self.index.in_span(start, end):
            if m.person is not None and (m.start == start or self.doc[m.start - 1].pos_ != "ADP"):
                return m.person
        if not self._role(start, end):
            return None
        j = end  # the name right after a title split by the parser
        while j < min(len(self.doc), end + 3) and self.index.at(j) is None and \
                (self.doc[j].text in DASHES or self.doc[j].pos_ in ("NOUN", "ADJ")):
            j += 1
        m = self.index.at(j)
        return m.person if m is not None else None

    def owner_speaker(self, noun: Token) -> Speaker | None:
        """The author of a speech noun: "un communiqué de l'ONU", "the ministry's statement"."""
        owner = self.syn.noun_owner(noun, max_up=0)
        if owner is None or owner.i == noun.i or self.quoted[owner.i]:
            return None
        if owner.pos_ == "NOUN" and self.index.at(owner.i) is None \
                and not any("Definite" in c.morph.to_dict() for c in owner.children):
            return None  # "une conférence de presse": a modifier, not an author
        return self.resolve(owner)

    def _role(self, start: int, end: int):
        for i in range(start, end):
            found = self.index.role_at(i, end)
            if found:
                return i, found[0], found[1]
        return None

    def _title_speaker(self, start: int, end: int) -> Speaker | None:
        """A title without a name: the person of the article (or the office holder) it names,
        else the person in focus; an unnamed officer of an institution ("le porte-parole du
        ministère X") gives the institution, an unnamed officer of a state the title."""
        found = self._role(start, end)
        if found is None or found[2].kind == "group":
            return None
        i, n, role = found
        inner = self._role(i + n, end)
        institution = inner is not None and inner[2].kind == "group"
        if not _indefinite(self.doc[i]):
            person = self._title_person(start, end, i, institution)
            if person is not None:
                return Speaker.of_person(person)
        if institution:
            return self._institution_speaker(inner[0], end)
        _p, actor, _r, _text = self.index.title_holder(start, end)
        return self._phrase_speaker(self.doc[i], i, end, actor, role.role)

    def _title_person(self, start: int, end: int, i: int, institution: bool) -> Person | None:
        person, actor, role, _text = self.index.title_holder(start, end)
        if person is not None or role is None:
            return person
        if not actor:  # "la cheffe de file des députés RN a déclaré": the person in focus
            focus = self.referent_before(i, {"number": "Sing", "gender": self._gender(self.doc[i])})
            return focus.person if focus is not None else None
        mentions = [m for m in self.index.in_span(start, end) if m.actor and m.person is None]
        if not institution and all(m.kind == "demonym" for m in mentions):
            return self.index.salient_person(start, actor, role, end)  # "le dirigeant polonais"
        return None

    def _institution_speaker(self, start: int, end: int) -> Speaker | None:
        """An institution or state, as written ("le ministère arménien de la Défense", "le
        Kremlin"); a bare "le gouvernement" / "l'ONG" takes the institution it refers to."""
        mentions = [m for m in self.index.in_span(start, end) if m.actor and m.person is None]
        role = self._role(start, end)
        if role is not None and role[2].kind == "group":
            head = self.doc[role[0]]
            if mentions:
                return self._phrase_speaker(head, role[0], end, mentions[0].actor, role[2].role)
            earlier = self._earlier_institution(start, fold(head.text))
            return earlier or self._phrase_speaker(head, role[0], end, None, role[2].role)
        head_i = next((t.i for t in self.doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), start)
        m = next((m for m in mentions if m.start <= head_i < m.end), None)
        if m is None:
            return None
        return Speaker(self.doc[m.start:m.end].text, m.actor, m.role, gender=self._gender(self.doc[head_i]))

    def _earlier_institution(self, start: int, head: str) -> Speaker | None:
        """What a bare group noun refers back to: the same noun with its actor written earlier
        ("le gouvernement taïwanais"), else the institution that last spoke."""
        for m in reversed(self.index.mentions):
            if m.start >= start or m.person is not None or not m.actor:
                continue
            for tok in self.doc[max(0, m.start - 4):m.end]:
                if fold(tok.text) == head and not self.quoted[tok.i]:
                    first, last = min(tok.i, m.start), max(tok.i + 1, m.end)
                    return self._phrase_speaker(tok, first, last, m.actor, m.role)
        sent = self.doc[start].sent
        for _ in range(SALIENCE_SENTS):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            focus = self._focus(sent)
            if focus is not None and focus.person is None and not focus.plural:
                return focus
        return None

    # ---- salience --------------------------------------------------------------------
    def referent_before(self, i: int, pronoun: dict | None = None) -> Speaker | None:
        """Who a pronoun at token i stands for: a subject earlier in its sentence, else the
        focus (speaker or subject) of the closest preceding sentences, else the last person;
        always one that agrees in number and gender."""
        pronoun = pronoun or {"number": "Sing"}
        sent = self.doc[i].sent
        for j in range(i - 1, sent.start - 1, -1):
            tok = self.doc[j]
            if tok.dep_ in self.subj and not self.quoted[j] and self._pronoun(tok) is None:
                found = self.resolve(tok)
                if found and found.agrees(pronoun):
                    return found
        start = sent.start
        for _ in range(SALIENCE_SENTS):
            if start == 0:
                break
            prev = self.doc[start - 1].sent
            focus = self._focus(prev)
            if focus is not None and focus.agrees(pronoun):
                return focus
            start = prev.start
        return None if pronoun.get("number") == "Plur" else self._last_person(i, pronoun)

    def _focus(self, sent: Span) -> Speaker | None:
        """Who a sentence is about: a speaker quoted in it, the speaker of its main verb or of
        one of its reporting verbs, else a person who is a subject in it."""
        if sent.start in self._focus_cache:
            return self._focus_cache[sent.start]
        self._focus_cache[sent.start] = None  # no cycles through pronouns
        found = self.said.get(sent.start) or self.main_subject(sent.root)
        for verb in sent if found is None else ():
            if self.is_reporting(verb) and not self.quoted[verb.i]:
                found = self.verb_speaker(verb)  # "..., a indiqué l'Observatoire syrien"
                if found is not None:
                    break
        for tok in sent if found is None else ():
            if (tok.dep_ in self.subj or tok.dep_ in self.syn.passive_subj) and not self.quoted[tok.i]:
                candidate = self.resolve(tok)
                if candidate is not None and candidate.person is not None:
                    found = candidate
                    break
        self._focus_cache[sent.start] = found
        return found

    def main_subject(self, root: Token) -> Speaker | None:
        """The subject of a sentence's main verb, when it is a person or the verb reports."""
        if self.quoted[root.i]:
            return None
        if self.is_reporting(root):
            return self.verb_speaker(root)
        for tok in self.subjects(root):
            found = self.resolve(tok)
            if found is not None and found.person is not None:
                return found
        found = self._left_subject(root, bool(self.subjects(root)))
        return found

    def _last_person(self, i: int, pronoun: dict) -> Speaker | None:
        for m in reversed(self.index.mentions):
            if m.start < i and m.person is not None and not self.quoted[m.start]:
                if i - m.start >= 150:
                    return None
                found = Speaker.of_person(m.person)
                if found.agrees(pronoun):
                    return found
        return None


def _attached(tok: Token, other: Token) -> bool:
    """Whether two tokens belong to one phrase (one is the head of the other)."""
    return tok.head.i == other.i or other.head.i == tok.i or tok.head.i == other.head.i == tok.i - 1


def _plural(tok: Token) -> bool:
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


def _indefinite(tok: Token) -> bool:
    """"un porte-parole", "a spokesman": someone unnamed, never a known person."""
    return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in tok.children)
