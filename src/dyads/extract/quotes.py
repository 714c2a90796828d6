"""Quotations: article text + parsed Doc + actor mentions -> list[Quote] with speakers.

Input: the Doc of the article (its text is the article text), the ``ActorIndex`` from
``extract.actors`` and the language data (reporting verbs, pronouns, attribution prepositions,
quotation marks from ``language.yaml`` and ``reporting_verbs.tsv``).
Output: one ``Quote`` per pair of quotation marks (« », “ ”, " ", ‘ ’, „ “), including partial
quotes inside a sentence and quotes spanning sentences, with the speaker's name, actor and role.
Attribution, in order: the subject of a reporting verb in the sentence outside the quote
(inverted subjects "a déclaré X" and "– a déclaré Borrell" included), "selon X"/"according to
X", a pronoun resolved to the last person named, and for a quote standing alone the speaker of
the quote just before it.
Guarantees: ``quote.text == text[quote.start:quote.end]`` (the words without the marks);
unmatched marks yield no quote, never an exception; quotes of one or two words without a
speaker are ``direct=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyads.extract.actors import ActorIndex, Mention, Person
from dyads.extract.syntax import Syntax
from dyads.lang import LanguageData
from dyads.textnorm import fold
from dyads.types import Quote

PAIRS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"'}
MAX_QUOTE_CHARS = 3000


@dataclass
class Speaker:
    name: str
    actor: str | None
    role: str | None
    mention: Mention | None = None
    cue: str | None = None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (without the marks) of quotations, outermost pairs only."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = PAIRS.get(ch)
        if close is None or (ch == "‘" and i > 0 and text[i - 1].isalpha()):
            i += 1
            continue
        j = _find_close(text, i + 1, ch, close)
        if j is None:
            i += 1
            continue
        start, end = i + 1, j
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        i = j + 1
    return spans


def _find_close(text: str, pos: int, opener: str, close: str) -> int | None:
    depth, limit = 0, min(len(text), pos + MAX_QUOTE_CHARS)
    for k in range(pos, limit):
        c = text[k]
        if c == "\n" and text[k:k + 2] == "\n\n" and opener in ('"', "“", "‘"):
            return None
        if opener == "‘" and c == "’" and k + 1 < len(text) and text[k + 1].isalpha():
            continue  # an apostrophe inside the quote
        if c == opener and opener != close:
            depth += 1
        elif c == close:
            if depth == 0:
                return k
            depth -= 1
    return None


class QuoteAttributor:
    def __init__(self, doc: Doc, index: ActorIndex, lang: LanguageData):
        self.doc, self.index, self.lang = doc, index, lang
        self.pronouns = {fold(p) for p in (lang.config.get("pronouns") or {})}
        self.attribution = lang.words("attribution_preps")
        self.subj = lang.deps("subj") | lang.deps("passive_subj")
        self.syn = Syntax(lang)
        self.spans: list[tuple[int, int]] = []
        self.speakers: set[str] = set()

    # ---- helpers ----------------------------------------------------------------------
    def _sents(self, start: int, end: int) -> list[Span]:
        first = self.doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            return []
        sents, seen = [], set()
        for tok in first:
            s = tok.sent
            if s.start not in seen:
                seen.add(s.start)
                sents.append(s)
        return sents

    def _is_reporting(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and any(
            k in self.lang.reporting for k in self.lang.lemma_keys(tok.text, tok.lemma_, tok.pos_))

    def _speaker_of_mention(self, m: Mention) -> Speaker:
        if m.person is not None:
            return Speaker(m.person.name, m.person.actor, m.person.role, m)
        name = self.doc[m.start:m.end].text
        return Speaker(name, m.actor, m.role, m)

    def _mention_in_subtree(self, tok: Token, quote: tuple[int, int]) -> Mention | None:
        best = None
        for t in tok.subtree:
            if quote[0] <= t.idx < quote[1]:
                continue
            m = self.index.at(t.i)
            if m is None or not (m.person or m.actor):
                continue
            if m.person:
                return m
            best = best or m
        return best

    def last_person_before(self, i: int) -> Person | None:
        """The person a pronoun before token i refers to: the last speaker or person-subject
        outside quotations, within the last few sentences; else the last person named."""
        fallback = None
        for m in reversed(self.index.mentions):
            if m.start >= i or m.person is None or self._inside_quote(m.start):
                continue
            if i - m.start > 120:
                break
            tok = self.doc[m.start]
            head = self.doc[m.end - 1]
            if m.person.name in self.speakers or any(t.dep_ in self.subj for t in (tok, head)):
                return m.person
            fallback = fallback or m.person
        return fallback

    def _inside_quote(self, i: int) -> bool:
        idx = self.doc[i].idx
        return any(a <= idx < b for a, b in self.spans)

    def _pronoun(self, tok: Token) -> bool:
        return fold(tok.text).strip("-").replace("t-", "") in self.pronouns

    def _phrase(self, tok: Token, quote: tuple[int, int]) -> tuple[int, int]:
        """The noun phrase of a subject, without clauses, quotes or anything after a comma."""
        start, end = tok.left_edge.i, tok.i + 1
        for t in self.doc[tok.i + 1:tok.right_edge.i + 1]:
            if t.is_punct or quote[0] <= t.idx < quote[1] or t.pos_ in ("VERB", "AUX", "PRON"):
                break
            end = t.i + 1
        return start, end

    def _title_speaker(self, tok: Token, quote: tuple[int, int]) -> Speaker | None:
        """A subject that is a title ("le premier ministre polonais", "Kremlin spokesman")."""
        start, end = self._phrase(tok, quote)
        if not any(self.index.role_at(i, end) for i in range(start, end)):
            return None
        person, actor, role, text = self.index.title_holder(start, end)
        if person is not None:
            return Speaker(person.name, person.actor, person.role)
        return Speaker(text, actor, role.role if role else None)

    # ---- attribution ------------------------------------------------------------------
    def speaker_for(self, start: int, end: int) -> Speaker | None:
        quote = (start - 1, end + 1)
        for sent in self._sents(start, end):
            verbs = [t for t in sent if self._is_reporting(t) and not quote[0] <= t.idx < quote[1]]
            for verb in verbs:
                found = self._verb_speaker(verb, quote, sent)
                if found:
                    found.cue = fold(verb.lemma_)
                    return found
            found = self._attribution_speaker(sent, quote)
            if found:
                return found
        return self._introduced_speaker(start, quote)

    def _introduced_speaker(self, start: int, quote: tuple[int, int]) -> Speaker | None:
        """A quote standing alone, introduced by the sentence before it ("X a déclaré :")."""
        sents = self._sents(start, start + 1)
        if not sents or sents[0].start == 0:
            return None
        prev = self.doc[sents[0].start - 1].sent
        text = prev.text.rstrip()
        if not text.endswith(":"):
            return None
        for verb in (t for t in prev if self._is_reporting(t)):
            found = self._verb_speaker(verb, quote, prev)
            if found:
                return found
        return None

    def _verb_speaker(self, verb: Token, quote: tuple[int, int], sent: Span) -> Speaker | None:
        heads = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
        for head in heads:
            for child in head.children:
                if quote[0] <= child.idx < quote[1]:
                    continue
                if child.dep_ in self.subj or child.dep_.startswith("expl") or child.dep_ == "dep":
                    found = self._subject_speaker(child, quote)
                    if found:
                        return found
        after = [t for t in sent if t.i > verb.i and t.i <= verb.i + 6 and not quote[0] <= t.idx < quote[1]]
        for t in after:
            m = self.index.at(t.i)
            if m is not None and m.person is not None:
                return self._speaker_of_mention(m)
            if t.pos_ == "PUNCT" and t.text not in ("-", "–", "—"):
                break
        if any(c.dep_ in self.subj for c in verb.children):
            return None
        owner = self.syn.inherited_subject(verb)  # "les propos de X accusant ...", "X a décidé de dire"
        if owner is not None and not quote[0] <= owner.idx < quote[1]:
            found = self._subject_speaker(owner, quote)
            if found:
                return found
        if verb.morph.get("VerbForm") == ["Inf"]:
            person = self.last_person_before(sent.start)  # "Et d'ajouter que ...": the last speaker
            if person:
                return Speaker(person.name, person.actor, person.role)
        return None

    def _subject_speaker(self, child: Token, quote: tuple[int, int]) -> Speaker | None:
        if self._pronoun(child):
            person = self.last_person_before(self._tok_at(quote[0] + 1))
            return Speaker(person.name, person.actor, person.role) if person else None
        m = self.index.at(child.i)
        if m is not None and m.person is not None:
            return self._speaker_of_mention(m)
        titled = self._title_speaker(child, quote)
        if titled:
            return titled
        m = self._mention_in_subtree(child, quote)
        return self._speaker_of_mention(m) if m else None

    def _tok_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _attribution_speaker(self, sent: Span, quote: tuple[int, int]) -> Speaker | None:
        """"selon X" / "according to X": the person named in that phrase, else its actor."""
        for tok in sent:
            if fold(tok.text) not in self.attribution or quote[0] <= tok.idx < quote[1]:
                continue
            found: list[Mention] = []
            for t in sent[tok.i - sent.start + 1:]:
                if quote[0] <= t.idx < quote[1] or (t.is_punct and t.text not in ("-", "'", "’")):
                    break
                m = self.index.at(t.i)
                if m is not None and (m.person or m.actor) and m not in found:
                    found.append(m)
            if found:
                best = next((m for m in found if m.person), found[0])
                return self._speaker_of_mention(best)
        return None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def find_quotes(doc: Doc, index: ActorIndex, lang: LanguageData) -> list[Quote]:
    """Every quotation of the article with its speaker where one can be found."""
    text = doc.text
    attributor = QuoteAttributor(doc, index, lang)
    attributor.spans = find_quote_spans(text)
    quotes: list[Quote] = []
    previous: tuple[Quote, int] | None = None
    for start, end in attributor.spans:
        speaker = attributor.speaker_for(start, end)
        if speaker is None and previous is not None and _adjacent(text, previous[1], start):
            prev = previous[0]
            speaker = Speaker(prev.speaker, prev.speaker_actor, prev.speaker_role) if prev.speaker else None
        words = _words(text[start:end])
        quote = Quote(text=text[start:end], start=start, end=end,
                      speaker=speaker.name if speaker else None,
                      speaker_actor=speaker.actor if speaker else None,
                      speaker_role=speaker.role if speaker else None,
                      direct=bool(speaker) or words >= 3, cue=speaker.cue if speaker else None)
        quotes.append(quote)
        previous = (quote, end)
        if speaker is not None:
            attributor.speakers.add(speaker.name)
    return quotes


def _adjacent(text: str, prev_end: int, start: int) -> bool:
    """The quote follows the previous one with at most one short sentence between."""
    between = text[prev_end:start]
    return len(between) < 200 and between.count("\n\n") <= 1 and _words(between) <= 25
