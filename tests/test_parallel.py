"""Parallel extraction: order kept, same output as one worker, failures cost only their article.

The worker side runs a stand-in Extractor (no spaCy model), inherited by the forked workers, so
these tests exercise the pool, the streaming and the error paths in a few seconds; the real
pipeline on two workers is compared with one worker in tests/integration/test_parallel_pipeline.py.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time

import pytest

import dyads.pipeline
from dyads.parallel import extract_parallel
from dyads.pipeline import Settings
from dyads.types import Article, Document, ErrorRecord

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                                reason="the stand-in extractor reaches the workers by fork")


class StandInExtractor:
    """Extracts an article into a Document whose title records which process did it."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    def language_of(self, article: Article) -> str:
        return "xx"

    def supported(self, code: str) -> bool:
        return False

    def extract_many(self, articles):
        for article in articles:
            yield self.extract_article(article)

    def extract_article(self, article: Article) -> Document:
        if article.text == "raise":
            raise ValueError("cannot extract this one")
        if article.text == "die":
            os._exit(3)  # the worker process dies, as on a crash or the OOM killer
        if article.text == "slow":
            time.sleep(0.2)
        return Document(id=article.id, text=article.text.upper(), title=str(os.getpid()))


@pytest.fixture
def stand_in(monkeypatch):
    monkeypatch.setattr(dyads.pipeline, "Extractor", StandInExtractor)


def articles(texts: list[str]) -> list[Article]:
    return [Article(id=f"a{i}", text=text, source="test.jsonl", line=i + 1) for i, text in enumerate(texts)]


def run(items, workers: int = 2, batch_size: int = 3) -> list:
    return list(extract_parallel(iter(items), settings=Settings(batch_size=batch_size), workers=workers))


def test_parallel_keeps_input_order(stand_in):
    texts = ["slow" if i % 5 == 0 else f"text {i}" for i in range(40)]
    out = run(articles(texts))
    assert [d.id for d in out] == [f"a{i}" for i in range(40)]
    assert [d.text for d in out] == [t.upper() for t in texts]


def test_parallel_uses_worker_processes(stand_in):
    out = run(articles(["slow"] * 8), batch_size=1)  # 0.2 s each: both workers take some
    pids = {d.title for d in out}
    assert str(os.getpid()) not in pids
    assert len(pids) == 2


def test_parallel_same_output_as_one_process(stand_in):
    items = articles([f"text {i}" for i in range(25)])
    extractor = StandInExtractor()
    expected = [extractor.extract_article(a).text for a in items]
    assert [d.text for d in run(items, workers=3, batch_size=4)] == expected


def test_parallel_error_records_pass_through_in_place(stand_in):
    items: list = articles(["one", "two", "three"])
    items.insert(1, ErrorRecord(source="bad.jsonl", line=2, reason="invalid JSON"))
    out = run(items)
    assert [type(d).__name__ for d in out] == ["Document", "ErrorRecord", "Document", "Document"]
    assert out[1].reason == "invalid JSON"


def test_parallel_failing_article_costs_only_itself(stand_in):
    out = run(articles(["one", "raise", "three", "four"]))
    assert [type(d).__name__ for d in out] == ["Document", "ErrorRecord", "Document", "Document"]
    assert out[1].stage == "extract" and "cannot extract this one" in out[1].reason
    assert out[1].id == "a1" and out[1].line == 2


def test_parallel_dead_worker_costs_only_its_article(stand_in):
    texts = [f"text {i}" for i in range(12)]
    texts[4] = "die"
    out = run(articles(texts))
    assert [d.id for d in out] == [f"a{i}" for i in range(12)]
    failed = [d for d in out if isinstance(d, ErrorRecord)]
    assert [d.id for d in failed] == ["a4"]
    assert "died" in failed[0].reason
    assert [d.text for d in out if isinstance(d, Document)] == [t.upper() for t in texts if t != "die"]


def test_parallel_reads_ahead_a_bounded_number_of_batches(stand_in):
    pulled = 0

    def stream():
        nonlocal pulled
        for article in articles([f"text {i}" for i in range(200)]):
            pulled += 1
            yield article

    out = extract_parallel(stream(), settings=Settings(batch_size=4), workers=2)
    next(out)
    assert pulled <= (2 * 2 + 1) * 4 + 4  # in flight + the batch being read
    assert len(list(out)) == 199


def test_parallel_batches_cap_articles_and_characters():
    from dyads.parallel import _batches

    items = articles(["x" * 10, "x" * 10, "x" * 25, "x" * 40, "x", "x", "x", "x"])
    sizes = [len(batch) for batch in _batches(items, size=3, max_chars=30)]
    assert sizes == [2, 1, 1, 3, 1]  # 20 + 25 > 30; 25 + 40 > 30; 40 alone (over, but one); 3 = size


def test_parallel_recycles_workers_and_keeps_order(stand_in):
    items = articles([f"text {i}" for i in range(20)])
    out = list(extract_parallel(iter(items), settings=Settings(batch_size=2), workers=2, recycle=6))
    assert [d.id for d in out] == [f"a{i}" for i in range(20)]
    assert len({d.title for d in out}) > 2  # more than one generation of two workers
