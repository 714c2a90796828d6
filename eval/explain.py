"""Explain how dyads codes one sentence: parse, actor mentions, triggers, argument resolution.

usage: python eval/explain.py "Les autorités russes ont convoqué l'ambassadeur de France." [--lang fr] [--parse]
"""

from __future__ import annotations

import argparse

from dyads.extract.actors import find_mentions
from dyads.extract.codebook import get_codebook
from dyads.extract.events import EventCoder
from dyads.lang import get_language
from dyads.nlp import load_pipeline
from dyads.pipeline import Extractor


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--parse", action="store_true")
    a = ap.parse_args()
    nlp, lang = load_pipeline(a.lang), get_language(a.lang)
    doc = nlp(a.text)
    index = find_mentions(doc, Extractor().kb(a.lang), None)
    if a.parse:
        for t in doc:
            print(f"{t.i:>3} {t.text:<15} {t.lemma_:<15} {t.pos_:<6} {t.dep_:<12} {t.head.i}")
    for m in index.mentions:
        print(f"mention {doc[m.start:m.end].text!r} {m.kind} {m.actor} {m.role} {m.title or ''}")
    coder = EventCoder(doc, index, lang, timexes=[], quotes=[], published=None, codebook=get_codebook())
    for tok, trig in coder.triggers():
        sources = coder.sources(tok, trig)
        targets = coder.targets(tok, trig, sources) if sources else []
        print(f"trigger {tok.text!r} {trig.cameo} src={trig.source} tgt={trig.target} flags={sorted(trig.flags)}")
        print(f"   sources {[(s.mention.actor, s.via) for s in sources]} targets {[(t.mention.actor, t.via) for t in targets]}"
              f" negated={coder.negated(tok)} modality={coder.modality(tok)}")
    for event in coder.code():
        print(f"EVENT {event.source.actor} -> {event.target.actor} {event.cameo} {event.rule} {event.modality}")


if __name__ == "__main__":
    main()
