"""Build the pipeline benchmark corpus: the bundled French demo articles, repeated with new ids.

Input: ``src/dyads/demo/demo.jsonl`` (our own texts), ``--size`` in bytes of article text to reach
(default 2,000,000), ``--times`` to multiply that (the 4x memory run).
Output: a JSONL file in the dyads input format (``id``, ``title``, ``text``, ``published``,
``outlet``; no ``language``, so detection is part of the measured pipeline), one article per line.
Guarantees: deterministic (same arguments, same bytes); every id and every text is unique
(``dyads.ingest`` drops repeated texts): repetition r moves the publication date by r days,
opens the lede with a dateline ("Varsovie, 16 septembre 2021 (Demo Wire) – ") and shuffles
the paragraphs after the lede with a seeded generator, so the parser sees the demo's
sentences in new contexts.

    .venv/bin/python bench/make_corpus.py --out out/bench/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "dyads" / "demo" / "demo.jsonl"
CITIES = ("Paris", "Bruxelles", "Varsovie", "Berlin", "Genève", "Vienne", "Rome", "Madrid",
          "Londres", "Kiev", "Moscou", "Vilnius", "Riga", "Tallinn", "Prague", "Budapest")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def french_demo_articles(path: Path = DEMO) -> list[dict]:
    """The French articles of the demo corpus, in file order."""
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if r.get("language") == "fr"]


def varied_text(article: dict, published: datetime, rep: int) -> str:
    """The article's text with a dateline and its later paragraphs shuffled (rep 0: unchanged)."""
    if rep == 0:
        return article["text"]
    lede, *rest = article["text"].split("\n\n")
    random.Random(f"{article['id']}/{rep}").shuffle(rest)
    city = CITIES[(rep + len(article["id"])) % len(CITIES)]
    dateline = (f"{city}, {published.day} {MONTHS[published.month - 1]} {published.year} "
                f"({article.get('outlet') or 'Demo Wire'}) – ")
    return "\n\n".join([dateline + lede, *rest])


def repeated(articles: list[dict], size: int) -> list[dict]:
    """Repeat the articles (new id, date + r days) until their texts reach ``size`` bytes."""
    out: list[dict] = []
    total, rep = 0, 0
    while total < size:
        for article in articles:
            record = {k: v for k, v in article.items() if k != "language"}
            record["id"] = f"bench/{article['id'].split('/')[-1]}/r{rep:04d}"
            published = datetime.fromisoformat(article["published"]) + timedelta(days=rep)
            record["published"] = published.isoformat()
            record["text"] = varied_text(article, published, rep)
            out.append(record)
            total += len(record["text"].encode("utf-8"))
        rep += 1
    return out


def write_corpus(out: Path, *, size: int = 2_000_000, times: int = 1) -> tuple[int, int]:
    """Write the corpus; returns (articles, text bytes)."""
    records = repeated(french_demo_articles(), size * times)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records), sum(len(r["text"].encode("utf-8")) for r in records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench" / "corpus.jsonl")
    parser.add_argument("--size", type=int, default=2_000_000, help="bytes of article text")
    parser.add_argument("--times", type=int, default=1, help="multiply the size (4 for the 4x run)")
    args = parser.parse_args()
    articles, size = write_corpus(args.out, size=args.size, times=args.times)
    print(f"{args.out}: {articles} articles, {size:,} bytes of text")


if __name__ == "__main__":
    main()
