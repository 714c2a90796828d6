"""Systems the evaluation compares: dyads itself and trivial baselines that share its table.

Each runner reads the evaluation JSONL and writes one JSON document per article in the
DESIGN.md contract, so the set's score.py scores them all the same way.
- ``dyads``: the full pipeline.
- ``nothing``: no events, quotes or people (the floor every figure must beat).
- ``first_country``: every sentence holding a trigger lemma from the lexicon becomes an event
  between the first two actors named in it, coded with that trigger; every PER entity of the
  plain spaCy NER is a person with the first actor of the article (a lexicon-only baseline).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def run_dyads(inputs: Path, output: Path, *, workers: int = 1) -> None:
    import dyads

    with output.open("w", encoding="utf-8") as out:
        for doc in dyads.extract([str(inputs)], workers=workers):
            if isinstance(doc, dyads.Document):
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                print(f"error: {doc}", file=sys.stderr)


def run_nothing(inputs: Path, output: Path, *, workers: int = 1) -> None:
    with output.open("w", encoding="utf-8") as out:
        for art in _read(inputs):
            out.write(json.dumps({"id": art["id"], "events": [], "quotes": [], "entities": []}) + "\n")


def run_first_country(inputs: Path, output: Path, *, workers: int = 1) -> None:
    import dyads
    from dyads.textnorm import fold

    extractor = dyads.Extractor()
    with output.open("w", encoding="utf-8") as out:
        for article in dyads.read([str(inputs)]):
            if not isinstance(article, dyads.Article):
                continue
            doc_out = {"id": article.id, "events": [], "quotes": [], "entities": []}
            if extractor.supported(article.language):
                from dyads.extract.actors import find_mentions
                from dyads.lang import get_language
                from dyads.nlp import load_pipeline

                lang = get_language(article.language)
                doc = load_pipeline(article.language)(article.text)
                index = find_mentions(doc, extractor.kb(article.language), None)
                first = next((m.actor for m in index.mentions if m.actor), None)
                for ent in doc.ents:
                    if ent.label_ in ("PER", "PERSON"):
                        doc_out["entities"].append({"text": ent.text, "label": "PER", "actor": first})
                for sent in doc.sents:
                    trig = next((lang.triggers[(fold(t.lemma_), "VERB" if t.pos_ == "VERB" else "NOUN")][0]
                                 for t in sent if (fold(t.lemma_), "VERB" if t.pos_ == "VERB" else "NOUN")
                                 in lang.triggers), None)
                    actors = []
                    for m in index.in_span(sent.start, sent.end):
                        if m.actor and m.actor not in actors:
                            actors.append(m.actor)
                    if trig and len(actors) >= 2:
                        doc_out["events"].append({"source": {"actor": actors[0]}, "target": {"actor": actors[1]},
                                                  "cameo": trig.cameo})
            out.write(json.dumps(doc_out, ensure_ascii=False) + "\n")


SYSTEMS = {"dyads": run_dyads, "nothing": run_nothing, "first_country": run_first_country}
