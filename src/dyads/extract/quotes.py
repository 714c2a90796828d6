"""Quotations: article text + parsed Doc + actor mentions -> list[Quote] with speakers.

Input: the Doc of the article (its text is the article text), the ``ActorIndex`` from
``extract.actors`` and the language data (reporting verbs, attribution prepositions and speech
nouns from ``language.yaml`` and ``reporting_verbs.tsv``).
Output: one ``Quote`` per pair of quotation marks (« », “ ”, " ", ‘ ’, „ “), including partial
quotes inside a sentence and quotes spanning sentences, with the speaker's name, actor and role.
Attribution, in order (what a verb's subject or a phrase stands for: ``extract.reference``):
1. a "selon X"/"according to X" right after the quote;
2. the reporting verbs the parse links to the quote: the lowest one above it, climbing to the
   verb that reports its clause ("X a déclaré que Y et Z avaient convenu d'un «...»" is X's),
   or one inserted in it ("«...», a déclaré X"); each gives the speaker of the verb;
3. a "selon X"/"pour X"/"according to X" opening the sentence (it beats an institution subject
   when X is a person); a clause ending with a colon before the quote ("Erdogan exploded:");
   the other reporting verbs of the sentence (named speakers only); a speech noun and its
   owner ("après les propos de X"); a short sentence right after a quote that stands alone
   ("«...» Amirabdollahian tweeted.");
4. for a statement-like quote left without speaker, the speaker of the quote just before it;
   for a headline, the speaker of the same words quoted in the body.
Guarantees: ``quote.text == text[quote.start:quote.end]`` (the words without the marks);
unmatched marks yield no quote, never an exception; quotes of one or two words without a
speaker are ``direct=False`` and never get a phrase as speaker; words inside any quotation are
never taken as a speaker; linear in the number of quotes times their sentence length (sentence
foci are computed once).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from dyads.extract.actors import ActorIndex
from dyads.extract.reference import DASHES, PAIRS, ReferenceResolver, Speaker
from dyads.lang import LanguageData
from dyads.textnorm import fold
from dyads.types import Quote

MAX_QUOTE_CHARS = 3000
_OPENERS = re.compile("|".join(re.escape(mark) for mark in PAIRS))
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (without the marks) of quotations, outermost pairs only."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        mark = _OPENERS.search(text, i)  # jump to the next opening mark
        if mark is None:
            break
        i = mark.start()
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
    """Finds the speaker of each quotation of one Doc; quotes are attributed in text order."""

    def __init__(self, doc: Doc, index: ActorIndex, lang: LanguageData, spans: list[tuple[int, int]],
                 text: str | None = None):
        self.doc, self.index = doc, index
        self.text = doc.text if text is None else text  # Doc.text joins every token again on each call
        self.attribution = lang.words("attribution_preps")
        self.speech_nouns = lang.words("speech_nouns")
        self.obj = lang.deps("obj")
        self.reported = lang.deps("complement_clause") | lang.deps("conj")
        self.relative = lang.deps("relative")
        self.spans = spans
        self.quoted = [False] * len(doc)
        for start, end in spans:
            toks = self._tokens(start, end)
            if toks:
                self.quoted[toks.start:toks.end] = [True] * (toks.end - toks.start)
        verbs = (VERB, AUX)  # is_reporting needs one of these parts of speech: others are skipped
        self.verbish = [pos in verbs for pos in doc.to_array(POS).tolist()] if len(doc) else []
        self._reporting: dict[int, bool] = {}  # token -> is a reporting verb (asked once per token)
        self._sent_cache: dict[tuple[int, int], list[Span]] = {}
        self.ref = ReferenceResolver(doc, index, lang, self.quoted)  # shares the mask
        self.short = False  # the quote being attributed has fewer than three words

    # ---- geometry --------------------------------------------------------------------
    def _tokens(self, start: int, end: int) -> Span | list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else []

    def is_reporting(self, i: int) -> bool:
        """Whether token i is a verb of saying (``ReferenceResolver.is_reporting``, asked once)."""
        found = self._reporting.get(i)
        if found is None:
            found = self._reporting[i] = self.verbish[i] and self.ref.is_reporting(self.doc[i])
        return found

    def _sents(self, start: int, end: int) -> list[Span]:
        """The sentences a quote lies in, and the next one when the parser split the
        attribution off ("«...?», a-t-il dit"); computed once per quote."""
        key = (start, end)
        if key not in self._sent_cache:
            self._sent_cache[key] = self._find_sents(start, end)
        return self._sent_cache[key]

    def _find_sents(self, start: int, end: int) -> list[Span]:
        sents: list[Span] = []
        toks = self._tokens(start, end)
        i = toks.start if toks else 0
        while toks and i < toks.end:  # Token.sent scans its sentence: once per sentence
            sents.append(self.doc[i].sent)
            i = sents[-1].end
        if sents and sents[-1].end < len(self.doc):
            rest = self.text[end:self.doc[sents[-1].end].idx]
            nxt = self.doc[sents[-1].end].sent
            head = nxt.text.lstrip(" »”\"’")[:1]
            if "\n" not in rest and (head in (",", *DASHES) or head.islower()):
                sents.append(nxt)
        return sents

    def note_speaker(self, start: int, end: int, speaker: Speaker) -> None:
        """Record the speaker of a quote for the sentences it lies in (their focus)."""
        for sent in self._sents(start, end):
            self.ref.said.setdefault(sent.start, speaker)

    def other_person_between(self, prev_end: int, start: int, speaker: Speaker) -> bool:
        """Whether someone other than the last speaker is named between two quotes."""
        toks = self._tokens(prev_end, start)
        people = {id(m.person) for m in self.index.in_span(toks.start, toks.end)
                  if m.person is not None and not self.quoted[m.start]} if toks else set()
        return bool(people - {id(speaker.person)})

    def is_statement(self, start: int, end: int) -> bool:
        """Whether a quote reads as someone's statement, not a name or a scare quote: it opens
        its sentence, has a verb, or runs to six words or more."""
        toks = self._tokens(start, end)
        if not toks:
            return False
        opens = not _WORD.search(self.text[toks[0].sent.start_char:start])
        return opens or _words(self.text[start:end]) >= 6 or any(t.pos_ in ("VERB", "AUX") for t in toks)

    # ---- reporting verbs linked to the quote -----------------------------------------
    def _ranked_verbs(self, sents: list[Span], inside: set[int]) -> list[tuple[Token, bool]]:
        """Reporting verbs outside quotations, each with whether the parse links it to the
        quote: those that govern the quote or hang from it first (closest in the tree), then
        (for quotes of three words or more) the others of the sentence by distance."""
        depth = self._ancestors(inside)
        first, last = min(inside, default=0), max(inside, default=0)
        ranked = []
        for sent in sents:
            split_off = not any(sent.start <= i < sent.end for i in inside)  # "» a déclaré Hill."
            for i in range(sent.start, sent.end):
                if self.quoted[i] or not self.is_reporting(i):
                    continue
                tok = self.doc[i]
                linked = min(depth.get(tok.i, 99), self._steps_into(tok, inside))
                if linked < 99 or split_off:
                    ranked.append(((0, min(linked, 50 + tok.i - last)), tok.i))
                elif not self.short:
                    ranked.append(((1, min(abs(tok.i - first), abs(tok.i - last))), tok.i))
        verbs = [(self.doc[i], key[0] == 0) for key, i in sorted(ranked)]
        if verbs and verbs[0][1]:
            top = self._reporter_of(verbs[0][0])
            verbs = [(top, True)] + [v for v in verbs if v[0].i != top.i]
        return verbs

    def _ancestors(self, inside: set[int]) -> dict[int, int]:
        """Tokens above a quote in the parse, with their distance to it."""
        tops = [i for i in inside if not self.doc[i].is_punct
                and (self.doc[i].head.i not in inside or self.doc[i].head.i == i)]
        depth: dict[int, int] = {}
        for i in tops:
            cur, steps = self.doc[i], 0
            while cur.head.i != cur.i and steps < 12:
                cur, steps = cur.head, steps + 1
                depth[cur.i] = min(depth.get(cur.i, 99), steps)
        return depth

    def _steps_into(self, tok: Token, inside: set[int]) -> int:
        """How far a verb hangs below the quote ("«...», a déclaré X"); a relative clause on
        a quoted noun ("les « phares » que ces alliances soutiennent") does not count."""
        if tok.dep_ in self.relative:
            return 99
        cur, steps = tok, 0
        while cur.head.i != cur.i and steps < 4:
            cur, steps = cur.head, steps + 1
            if cur.i in inside:
                return steps
        return 99

    def _reporter_of(self, verb: Token) -> Token:
        """The highest reporting verb whose complement clause contains this one: the words
        quoted in "X a déclaré que Y et Z avaient convenu d'un « moment critique »" are X's."""
        best, cur = verb, verb
        while cur.dep_ in self.reported and cur.head.i != cur.i:
            cur = cur.head
            if self.ref.is_reporting(cur) and not self.quoted[cur.i]:
                best = cur
        return best

    # ---- attribution -----------------------------------------------------------------
    def speaker_for(self, start: int, end: int) -> Speaker | None:
        """The speaker of the quotation at [start, end), or None."""
        toks = self._tokens(start, end)
        inside = set(range(toks.start, toks.end)) if toks else set()
        self.short = _words(self.text[start:end]) < 3
        self.ref.named_only = self.short
        sents = self._sents(start, end)
        selon = self._attribution_speaker(sents)
        if selon is not None and self._attribution_after(end):
            return selon  # "«...», selon le communiqué du Kremlin"
        found = self._speaker_of_verbs(sents, inside, linked=True)
        if found is not None and selon is not None and found.person is None and selon.person is not None:
            return selon  # "Selon Mme Zakharova, Moscou considère que ..."
        return found or selon or self._introduced_speaker(start) or self._speaker_of_verbs(sents, inside) \
            or self._speech_noun_speaker(sents) or self._next_sentence_speaker(sents, start, end, inside)

    def _speaker_of_verbs(self, sents: list[Span], inside: set[int], linked: bool = False) -> Speaker | None:
        """The speaker of the first reporting verb that has one: of the verbs the parse links to
        the quote (``linked``), else of the others, which must have a named speaker."""
        try:
            for verb, is_linked in self._ranked_verbs(sents, inside):
                if is_linked != linked:
                    continue
                self.ref.named_only = self.short or not is_linked
                found = self.ref.verb_speaker(verb)
                if found:
                    return replace(found, cue=fold(verb.lemma_))
            return None
        finally:
            self.ref.named_only = self.short

    def _next_sentence_speaker(self, sents: list[Span], start: int, end: int, inside: set[int]) -> Speaker | None:
        """A quote that is a sentence of its own, attributed by a short sentence right after
        it: "«...» Amirabdollahian tweeted.", "“...” IRNA said of the meeting."."""
        if self.short or not sents or sents[-1].end >= len(self.doc):
            return None
        own = self.text[sents[0].start_char:start] + self.text[end:sents[-1].end_char]
        nxt = self.doc[sents[-1].end].sent
        if _WORD.search(own) or "\n" in self.text[end:nxt.start_char] \
                or any(self.quoted[t.i] for t in nxt):
            return None
        for verb in nxt[:6]:
            if self.ref.is_reporting(verb) and not any(c.dep_ in self.reported or c.dep_ in self.obj for c in verb.children):
                found = self.ref.verb_speaker(verb)
                return replace(found, cue=fold(verb.lemma_)) if found else None
        return None

    def _attribution_after(self, end: int) -> bool:
        """Whether "selon X" / "according to X" follows the quote right after its mark."""
        after = self.doc.char_span(end, min(len(self.text), end + 6), alignment_mode="expand")
        return after is not None and any(fold(t.text) in self.attribution for t in after)

    def _attribution_speaker(self, sents: list[Span]) -> Speaker | None:
        """"selon X" / "according to X": what the phrase after the preposition stands for."""
        folded = self.index.folded  # fold(token.text) of every token
        for sent in sents:
            for i in range(sent.start, sent.end):
                if folded[i] not in self.attribution or self.quoted[i]:
                    continue
                tok = self.doc[i]
                if not self._set_off(tok, sent):
                    continue
                for t in self.doc[tok.i + 1:min(sent.end, tok.i + 4)]:
                    if self.quoted[t.i] or (t.is_punct and t.text not in ("'", "’")):
                        break
                    if t.pos_ in ("NOUN", "PROPN"):
                        found = self.ref.resolve(t)
                        if found:
                            return found
                        break
        return None

    def _set_off(self, tok: Token, sent: Span) -> bool:
        """Whether an attribution phrase opens its sentence or follows a comma or a quote."""
        prev = tok.i - 1
        while prev >= sent.start and (self.doc[prev].is_space or self.doc[prev].pos_ == "CCONJ"):
            prev -= 1  # "Mais pour X, ..."
        return prev < sent.start or self.doc[prev].text in (",", *PAIRS, *PAIRS.values()) or self.quoted[prev]

    def _speech_noun_speaker(self, sents: list[Span]) -> Speaker | None:
        """A quote with no verb next to a speech noun and its owner ("après les propos de X")."""
        for sent in sents:
            for tok in sent:
                if not self.quoted[tok.i] and tok.pos_ == "NOUN" and fold(tok.lemma_) in self.speech_nouns:
                    found = self.ref.owner_speaker(tok)
                    if found:
                        return found
        return None

    def _introduced_speaker(self, start: int) -> Speaker | None:
        """A quote introduced by a clause ending with a colon ("X a déclaré :", "Erdogan
        exploded:") or with a verb of saying and a comma ("As Winfield writes,"): the speaker
        of that verb, or after a colon the clause's subject when it is a person."""
        before = self.text[:start - 1].rstrip(" \n«“\"‘„")
        if not before or before[-1] not in ":," or "\n\n" in self.text[len(before):start]:
            return None
        mark = self._tokens(len(before) - 1, len(before))
        if not mark:
            return None
        clause = mark[0].head if mark[0].head.pos_ in ("VERB", "AUX") else mark[0].sent.root
        if self.quoted[clause.i] or clause.i > mark[0].i:
            return None
        if self.ref.is_reporting(clause):
            return self.ref.verb_speaker(clause)
        if before[-1] == ",":
            return None  # after a comma only a verb of saying introduces a quote
        found = self.ref.main_subject(clause)
        if found is None and not self.short:  # "comme le titre Le Figaro :"
            subject = next((t for t in self.ref.subjects(clause) if t.pos_ == "PROPN"), None)
            found = self.ref.common_noun(subject) if subject is not None else None
        return found if found is not None and (found.person is not None or found.actor is None) else None


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def find_quotes(doc: Doc, index: ActorIndex, lang: LanguageData, text: str | None = None) -> list[Quote]:
    """Every quotation of the article with its speaker where one can be found.

    ``text`` is ``doc.text`` when the caller has it (the article text the Doc was parsed
    from), which saves joining the tokens again.
    """
    text = doc.text if text is None else text
    attributor = QuoteAttributor(doc, index, lang, find_quote_spans(text), text)
    found: list[tuple[int, int, Speaker | None]] = []
    for start, end in attributor.spans:
        speaker = attributor.speaker_for(start, end)
        if speaker is None and not attributor.short and found and found[-1][2] is not None \
                and _adjacent(text, found[-1][1], start) and attributor.is_statement(start, end) \
                and not attributor.other_person_between(found[-1][1], start, found[-1][2]):
            speaker = replace(found[-1][2], cue=None)
        if speaker is not None:
            attributor.note_speaker(start, end, speaker)
        found.append((start, end, speaker))
    found = _repeated(text, found)
    return [Quote(text=text[start:end], start=start, end=end,
                  speaker=speaker.name if speaker else None,
                  speaker_actor=speaker.actor if speaker else None,
                  speaker_role=speaker.role if speaker else None,
                  direct=bool(speaker) or _words(text[start:end]) >= 3,
                  cue=speaker.cue if speaker else None)
            for start, end, speaker in found]


def _repeated(text: str, found: list[tuple[int, int, Speaker | None]]) -> list[tuple[int, int, Speaker | None]]:
    """A quote of three words or more without a speaker whose words are quoted elsewhere with
    one (a headline repeating the body) takes the speaker of the closest wording."""
    bags = [set(re.findall(r"\w+", fold(text[s:e]))) for s, e, _sp in found]
    out = []
    for k, (start, end, speaker) in enumerate(found):
        if speaker is None and len(bags[k]) >= 3:
            scored = [(len(bags[k] & bags[j]) / len(bags[k] | bags[j]), -j) for j, f in enumerate(found)
                      if f[2] is not None and len(bags[k] & bags[j]) >= 0.6 * len(bags[k])]
            if scored:
                speaker = replace(found[-max(scored)[1]][2], cue=None)
        out.append((start, end, speaker))
    return out


def _adjacent(text: str, prev_end: int, start: int) -> bool:
    """The quote follows the previous one with at most one short sentence between."""
    between = text[prev_end:start]
    return len(between) < 200 and between.count("\n\n") <= 1 and _words(between) <= 25
