"""The event coder: parsed Doc + actors + dates + quotes -> list[Event] (who did what to whom).

Input: the Doc, its ``ActorIndex`` (extract.actors), time expressions (extract.timex), quotes
(extract.quotes), the language data (``triggers.tsv`` argument frames, ``reporting_verbs.tsv``,
negation and modality words) and the CAMEO codebook.
Method: every token whose lemma and part of speech are a trigger of the lexicon (verbs and
event nouns, multiword entries checked against the head's dependents) is coded with the
trigger's CAMEO code. Its source and target come from ``extract.arguments`` (the trigger's
argument frame resolved to actors), its negation, modality, date and place from
``extract.circumstances``. Reciprocal actions ("X et Y s'accusent") are coded both ways, protests
with no stated actors as the country's people against its government. With
``include_speech=True`` a statement verb whose clause names another actor is also a statement
event of its speaker.
Output: events with source/target participants, CAMEO code, root, quad class, Goldstein, PLOVER
type/mode, date (the time expression governing the clause, else the publication date),
location, sentence, trigger offsets, the lexicon rule that fired, negation and modality.
Guarantees: an event's source and target are both resolved actors (unresolved arguments give
no event); symmetric interactions are one event; within an article one event per (source,
target, code, date); offsets point into the article text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from dyads.extract.actors import ActorIndex
from dyads.extract.arguments import Arg, ArgumentResolver
from dyads.extract.circumstances import CircumstanceReader
from dyads.extract.codebook import Codebook
from dyads.extract.syntax import Syntax
from dyads.lang import LanguageData, Trigger
from dyads.textnorm import fold
from dyads.types import Event, Participant, Quote, Timex

SYMMETRIC_ROOTS = {"04", "05", "06"}
TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}  # tag -> lexicon POS
NAME_ENTITIES = {"ORG", "MISC", "LOC", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "NORP"}
VIOLENT_ROOTS = {"18", "19", "20"}  # assault, fight, mass violence
HOSTILE_ROOTS = {"12", "14", "15", "16", "17", "18", "19", "20"}  # acts whose conditional announcement threatens
THREAT = "130"  # "Moscou va réagir aux sanctions", "Kiev abandonnerait ... si": a warning of retaliation
DOMESTIC_DEFAULT_ROOT = "14"  # protest: the country's people against their government by default


class EventCoder(ArgumentResolver, CircumstanceReader):
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
        self.include_unresolved = False
        self.allegation = lang.words("allegation_verbs")
        self.modal_nouns = {fold(k): v for k, v in (lang.config.get("modal_nouns") or {}).items()}
        self.announce = lang.words("announce_verbs")
        self.hypothetical = lang.words("hypothetical_marks")
        pronouns = lang.config.get("pronouns") or {}
        self.pronouns = {fold(p) for p, v in pronouns.items() if (v or {}).get("case") != "obj"}
        self.object_pronouns = {fold(p): (v or {}).get("number") for p, v in pronouns.items()
                                if (v or {}).get("case") == "obj"}
        self.possessives = lang.words("possessives")
        self.reciprocal = lang.words("reciprocal")
        self.first_person = lang.words("first_person")
        self.genitive = {lang.prep(p) for p in lang.config.get("genitive_preps", [])}
        self.frame_preps = {lang.prep(p) for p in lang.config.get("frame_preps", [])}
        self.origin_preps = [lang.prep(p) for p in lang.config.get("origin_preps", [])]
        self.main_actor = self._main_actor()
        self.plain_statement = set(lang.config.get("plain_statement_codes", ["010"]))
        self.location_preps = {lang.prep(p) for p in lang.config.get("location_preps", [])}
        self.future_aux = lang.words("future_auxiliaries")
        self.future_verbs = lang.words("future_verbs")
        self._timex_chars: bytearray | None = None
        self.conditional_aux = lang.words("conditional_auxiliaries")  # "would"
        self.pair_words = lang.words("pair_words")  # "les deux dirigeants", "both leaders"
        self.pair_nouns = lang.words("pair_nouns")  # "la paire", "the pair"
        self.pair_heads = lang.words("pair_heads")  # besides role nouns: "les deux pays", "both sides"
        self._threats: set[int] = set()  # triggers recoded as conditional threats: asserted threats
        self._near_words: dict[int, set[str]] = {}

    # ---- triggers -----------------------------------------------------------------------
    def triggers(self) -> list[tuple[Token, Trigger]]:
        found = []
        doc = self.doc
        strings = doc.vocab.strings
        for i, pos_id in enumerate(doc.to_array(POS).tolist()):  # POS ids, not a Token per word (speed)
            tag = strings[pos_id]
            pos = TRIGGER_POS.get(tag)
            if pos is None:
                continue
            tok = doc[i]
            entries = self.lang.trigger_entries(tok.text, tok.lemma_, tag, pos)
            if not entries:
                continue
            m = self.index.at(i)
            if m is not None and m.actor and m.kind != "demonym":
                continue  # "l'Alliance" names NATO, it is not an alliance
            if self._in_name(tok):
                continue
            entries = [t for t in entries if self._same_accents(tok, t)]
            if not entries:
                continue
            usable = [t for t in entries if self._extra_ok(tok, t)]
            usable.sort(key=lambda t: -len(t.extra))
            found.extend((tok, t) for t in usable[:3])
        return found

    def _in_name(self, tok: Token) -> bool:
        """Part of a multiword name or a date ("Rassemblement national", "in March")."""
        if tok.ent_type_ in ("DATE", "TIME") or self._in_timex(tok.idx):
            return True
        return tok.ent_type_ in NAME_ENTITIES and tok.ent_iob_ != "O" and len(tok.ent_type_) > 0 \
            and tok.text[:1].isupper() and not tok.is_sent_start

    def _in_timex(self, char: int) -> bool:
        if self._timex_chars is None:  # the characters time expressions cover, marked once per Doc
            marks = bytearray(len(self.doc.text) + 1)
            for t in self.timexes:
                marks[t.start:t.end] = b"\x01" * (min(t.end, len(marks)) - min(t.start, len(marks)))
            self._timex_chars = marks
        return char < len(self._timex_chars) and self._timex_chars[char] == 1

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
        near = self._near_words.get(tok.i)
        if near is None:  # built once per token, shared by all its multiword entries
            kids = [t for t in tok.children if not t.dep_.startswith("aux")]  # "a bloqué": "a" is no asset (avoir)
            near = {fold(t.lemma_) for t in kids} | {fold(t.text) for t in kids}
            near |= {prep for prep, _noun in self.syn.prep_dependents(tok)}
            near |= {fold(t.lemma_) for t in self.doc[tok.i + 1:tok.i + 4]}
            near |= {self.lang.prep(t.text) for t in self.doc[tok.i + 1:tok.i + 4]}
            self._near_words[tok.i] = near
        return all(w in near for w in trig.extra)

    def _half(self, head: Token, trig: Trigger, src: Arg | None, targets: list[Arg] | None) -> list[Event]:
        """With ``include_unresolved``: an event with one side unknown (None), never both."""
        if not self.include_unresolved:
            return []
        if targets is None:
            targets = self.targets(head, trig, [])
        tgt = targets[0] if targets else None
        if src is None and tgt is None:
            return []
        return [self.make_event(head, trig.cameo, trig.rule + ".unresolved", src, tgt)]

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

    def _conditional_threat(self, head: Token, trig: Trigger) -> bool:
        """A hostile act in the conditional with its condition stated is a threat: "Kiev
        abandonnerait les négociations si ...", "Russia would respond if NATO ..."."""
        if trig.cameo[:2] not in HOSTILE_ROOTS or self.negated(head):
            return False
        verb = head if head.pos_ in ("VERB", "AUX") else self.syn.governing_verb(head, max_up=2)
        if verb is None:
            return False
        conditional = self.modality(head) == "conditional" or any(
            fold(c.lemma_) in self.conditional_aux for c in self.syn.auxiliaries(verb))
        if not conditional:
            return False
        return any(self.syn.opens_with(clause, self.hypothetical) for clause in verb.children if clause.i > verb.i)

    @staticmethod
    def _same_phrase(src: Arg, tgt: Arg) -> bool:
        """Both sides read off one mention. A bare role noun ("des rebelles") borrows the
        article's main mention for its actor, which is not the same phrase."""
        return src.mention is tgt.mention and "context" not in src.via and "context" not in tgt.via

    def _reciprocal(self, head: Token, trig: Trigger) -> bool:
        """A reciprocal marker that is not part of the verb itself ("se rendre" is not)."""
        words = {fold(c.text) for c in head.children} | {fold(t.text) for t in self.doc[head.i + 1:head.i + 4]}
        return bool((words & self.reciprocal) - set(trig.extra))

    def participant(self, arg: Arg | None) -> Participant | None:
        if arg is None:
            return None
        span = self.doc[arg.start:arg.end]
        m = arg.mention
        role = arg.role
        if self.kb.actor(m.actor).kind == "igo":
            role = "IGO"
        name = m.person.name if m.person else self.kb.name_of(m.actor)
        return Participant(text=span.text, actor=m.actor, role=role,
                           code=self.kb.cameo_code(m.actor, role), start=span.start_char,
                           end=span.end_char, name=name)

    def make_event(self, head: Token, cameo: str, rule: str, src: Arg | None, tgt: Arg | None) -> Event:
        entry = self.codebook.entry(cameo)
        sent = head.sent
        return Event(
            source=self.participant(src), target=self.participant(tgt), cameo=cameo,
            root=entry.root, quad_class=entry.quad_class, goldstein=entry.goldstein,
            plover={"type": entry.plover_type, "mode": entry.plover_mode},
            date=self.date_of(head), location=self.location_of(head), sentence=sent.text.strip(),
            sentence_start=sent.start_char,
            trigger={"text": head.text, "start": head.idx, "end": head.idx + len(head.text)},
            rule=f"{self.lang.code}.{rule}", negated=self.negated(head),
            modality="asserted" if head.i in self._threats else self.modality(head),
            label=entry.label, quoted=self._quoted(head))

    def code_trigger(self, head: Token, trig: Trigger) -> list[Event]:
        if "threat_if_future" in trig.flags and self.future(head) and not self.negated(head):
            trig = replace(trig, cameo=THREAT, variant="future", flags=trig.flags - {"threat_if_future"})
        elif self._conditional_threat(head, trig):
            trig = replace(trig, cameo=THREAT, variant="if")
            self._threats.add(head.i)
        sources = self.sources(head, trig)
        if trig.cameo[:2] == DOMESTIC_DEFAULT_ROOT and self.main_actor is not None \
                and {t.cameo[:2] for t in self._entries(head)} == {DOMESTIC_DEFAULT_ROOT}:
            return self._domestic(head, trig, sources)
        if not sources and "sym" in trig.flags:
            pair = self.resolve(trig.target, head)  # "talks between X and Y": X and Y
            if len(pair) >= 2:
                return [self.make_event(head, trig.cameo, trig.rule, pair[0], pair[1])]
        if not sources:
            return self._half(head, trig, None, None)
        if len(sources) >= 2 and "sym" in trig.flags and not self.resolve(trig.target, head):
            first, second = sorted(sources[:2], key=lambda a: a.start)  # "X and Y met": X, then Y
            return [self.make_event(head, trig.cameo, trig.rule, first, second)]
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
        if sources and not targets:
            return self._half(head, trig, sources[0], [])
        events = []
        for src in sources:
            for tgt in targets:
                if self._same_phrase(src, tgt) or not self._distinct(src, tgt, trig.cameo):
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
            spec = self.lang.reporting_entry(tok.text, tok.lemma_, tok.pos_)
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

    def _instrument_events(self, found: list[tuple[Token, Trigger]], used: set[int]) -> list[Event]:
        """A violent verb whose subject is itself a violent event noun is one event: "US
        airstrikes killed militants", "les frappes israéliennes ont tué des civils". The noun
        gives the code and the source (who struck), the verb the target (who was hit)."""
        nouns = {}
        for tok, trig in found:
            if trig.cameo[:2] in VIOLENT_ROOTS:  # a subject is a noun even when tagged otherwise
                nouns.setdefault(tok.i, trig)
        events: list[Event] = []
        for head, trig in found:
            if head.i in used or head.pos_ not in ("VERB", "AUX") or trig.cameo[:2] not in VIOLENT_ROOTS:
                continue
            subj = self.syn.subject(head)
            if subj is None or subj.i not in nouns or subj.i in used:
                continue
            noun_trig = nouns[subj.i]
            sources = self.sources(subj, noun_trig)
            targets = self.targets(head, trig, sources) if sources else []
            coded = [self.make_event(head, noun_trig.cameo, f"{noun_trig.rule}+{trig.rule.split('.', 1)[-1]}", src, tgt)
                     for src in sources[:1] for tgt in targets
                     if not self._same_phrase(src, tgt) and self._distinct(src, tgt, noun_trig.cameo)]
            if coded:
                used.update((head.i, subj.i))
                events.extend(coded)
        return events

    def code(self, include_speech: bool = True) -> list[Event]:
        used: set[int] = set()
        found = self.triggers()
        events = self._instrument_events(found, used)
        for head, trig in found:
            if head.i in used:
                continue
            coded = self.code_trigger(head, trig)
            if coded:
                used.add(head.i)
                used.update(t.i for t in self._extra_children(head, trig))  # "dénoncer ses accords": no signing event
                events.extend(coded)
        if include_speech:
            events.extend(self.speech_events(used))
        return dedupe(events)


def _key(event: Event) -> tuple:
    a = event.source.actor if event.source else ""
    b = event.target.actor if event.target else ""
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
                include_speech: bool = True, include_unresolved: bool = False) -> list[Event]:
    """Code every event of a parsed article (see the module docstring)."""
    coder = EventCoder(doc, index, lang, timexes=timexes, quotes=quotes,
                       published=published.isoformat() if published else None, codebook=codebook)
    coder.include_unresolved = include_unresolved
    return coder.code(include_speech=include_speech)
