"""Parallel extraction: a stream of Articles -> Documents over N worker processes, in order.

Input: an iterator of ``Article`` and ``ErrorRecord`` items, pipeline ``Settings``, a worker count.
Output: ``Document`` / ``ErrorRecord`` items in input order.
Guarantees: each worker loads the spaCy model and knowledge base once (pool initializer) and
keeps them for its lifetime; at most ``2 * workers`` batches are in flight, so memory does not
grow with the corpus (streaming); a batch that fails in a worker is retried article by article
there, so one bad article only costs itself.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator

from dyads.types import Article, Document, ErrorRecord

_EXTRACTOR = None


def _init(settings) -> None:
    global _EXTRACTOR
    from dyads.pipeline import Extractor

    _EXTRACTOR = Extractor(settings)


def _work(batch: list[Article]) -> list[Document | ErrorRecord]:
    from dyads.pipeline import _safe_extract

    return list(_safe_extract(_EXTRACTOR, batch))


def _batches(stream: Iterable[Article | ErrorRecord], size: int) -> Iterator[list]:
    batch: list = []
    for item in stream:
        if isinstance(item, ErrorRecord):
            if batch:
                yield batch
                batch = []
            yield [item]
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_parallel(stream: Iterable[Article | ErrorRecord], *, settings, workers: int
                     ) -> Iterator[Document | ErrorRecord]:
    """Extract a stream of articles on ``workers`` processes, preserving order."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    size = max(1, min(settings.batch_size, 8))
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        pending: deque = deque()
        for batch in _batches(stream, size):
            if len(batch) == 1 and isinstance(batch[0], ErrorRecord):
                pending.append(batch)
            else:
                pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) > 2 * workers:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())


def _result(item) -> list:
    return item if isinstance(item, list) else item.get()
