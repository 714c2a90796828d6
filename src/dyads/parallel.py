"""Parallel extraction: a stream of Articles -> Documents over N worker processes, in order.

Input: an iterator of ``Article`` and ``ErrorRecord`` items, pipeline ``Settings``, a worker count.
Output: ``Document`` / ``ErrorRecord`` items in input order.
Guarantees:
- Loaded once: the parent reads the first batch, loads the spaCy models, knowledge bases and
  place index of its languages, then forks the workers, which share those pages instead of
  loading their own copies (a language first met later is loaded by each worker that meets it;
  without ``fork`` each worker loads everything itself, once).
- Streaming: at most ``2 * workers + 1`` batches are read ahead or waiting to be written, so
  memory does not grow with the corpus. A batch holds ``settings.batch_size`` articles but no
  more than ``BATCH_CHARS`` characters (at least one article): spaCy's working memory grows
  with the text parsed at once (+400 MB for 16 articles of 4,500 characters, +210 MB for 8).
- Bounded workers: spaCy's vocabulary grows with every new word a worker parses (about 150 MB
  per 200,000 new words), so the workers are replaced by fresh forks of the parent every
  ``RECYCLE_ARTICLES`` articles; the parent first loads the languages met so far, so the new
  workers share those too.
- Isolation: a batch that raises in a worker is retried article by article there, so one bad
  article only costs itself; a worker that dies (crash, out of memory) is replaced, and the
  articles it held are retried one by one, the one that kills a worker again coming out as an
  ``ErrorRecord``.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dyads.types import Article, Document, ErrorRecord

log = logging.getLogger(__name__)

BATCH_CHARS = 32_000  # characters of text per batch, whatever the number of articles
RECYCLE_ARTICLES = 10_000  # articles per generation of worker processes
_EXTRACTOR = None  # this process's Extractor: set by the parent before forking, or by _init


def _init(settings) -> None:
    global _EXTRACTOR
    if _EXTRACTOR is None or _EXTRACTOR.settings != settings:
        from dyads.pipeline import Extractor

        _EXTRACTOR = Extractor(settings)


def _work(batch: list[Article]) -> list[Document | ErrorRecord]:
    from dyads.pipeline import _safe_extract

    return list(_safe_extract(_EXTRACTOR, batch))


def _batches(stream: Iterable[Article | ErrorRecord], size: int, max_chars: int = BATCH_CHARS
             ) -> Iterator[list]:
    """Articles in batches of ``size`` or ``max_chars`` characters, whichever is reached first;
    an ErrorRecord is a batch of its own (kept in order)."""
    batch: list = []
    chars = 0
    for item in stream:
        if isinstance(item, ErrorRecord):
            if batch:
                yield batch
                batch, chars = [], 0
            yield [item]
            continue
        if batch and chars + len(item.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def warm_up(extractor, articles: Iterable[Article | ErrorRecord]) -> None:
    """Load what extracting these articles needs: models, knowledge bases, place index."""
    from dyads.extract.codebook import get_codebook
    from dyads.extract.geo import lookup_place
    from dyads.nlp import load_pipeline

    codes = {extractor.language_of(a) for a in articles if isinstance(a, Article)}
    codes = sorted(code for code in codes if code and extractor.supported(code))
    for code in codes:
        load_pipeline(code)
        extractor.kb(code)
    if codes:
        get_codebook()
        lookup_place("Paris")


class _Pool:
    """A process pool that replaces itself when a worker dies."""

    def __init__(self, settings, workers: int):
        self.settings, self.workers = settings, workers
        methods = mp.get_all_start_methods()
        self.context = mp.get_context("fork") if "fork" in methods else mp.get_context()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init,
                                   initargs=(self.settings,))

    def submit(self, batch: list[Article]) -> Future:
        """Queue a batch; a pool broken by a dead worker is replaced first."""
        try:
            return self.executor.submit(_work, batch)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_work, batch)

    def result(self, batch: list[Article], future: Future) -> list[Document | ErrorRecord]:
        """The batch's output; if its worker died, each article again, alone, in a new pool."""
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a worker died; retrying its %d articles one by one", len(batch))
        out: list[Document | ErrorRecord] = []
        for article in batch:
            try:
                out.extend(self.submit([article]).result())
            except BrokenProcessPool:
                out.append(ErrorRecord(source=article.source or article.id, line=article.line,
                                       stage="extract", id=article.id,
                                       reason="the worker process died on this article"))
        return out

    def recycle(self) -> None:
        """New worker processes (their results all collected): the old ones exit."""
        self.executor.shutdown(wait=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_parallel(stream: Iterable[Article | ErrorRecord], *, settings, workers: int,
                     recycle: int = RECYCLE_ARTICLES) -> Iterator[Document | ErrorRecord]:
    """Extract a stream of articles on ``workers`` processes, preserving order.

    Args:
        stream: articles (and error records, passed through in place).
        settings: the pipeline ``Settings`` every worker uses.
        workers: number of worker processes.
        recycle: articles after which the workers are replaced by fresh ones.

    Returns:
        An iterator of ``Document`` and ``ErrorRecord`` in input order.
    """
    global _EXTRACTOR
    from dyads.pipeline import Extractor

    size = max(1, settings.batch_size)
    batches = _batches(stream, size)
    first = list(itertools.islice(batches, workers))
    _EXTRACTOR = Extractor(settings)
    warm_up(_EXTRACTOR, [item for batch in first for item in batch])
    gc.freeze()  # keep the loaded objects out of the collector: forked workers share their pages
    pool = _Pool(settings, workers)
    try:
        pending: deque[tuple[list, Future | None]] = deque()
        submitted = 0
        met: dict[str, Article] = {}  # one article per language seen
        for batch in itertools.chain(first, batches):
            if isinstance(batch[0], ErrorRecord):
                pending.append((batch, None))
            else:
                if submitted >= recycle:
                    while pending:
                        yield from _result(pool, *pending.popleft())
                    warm_up(_EXTRACTOR, met.values())  # languages first met since the last fork
                    pool.recycle()
                    submitted = 0
                pending.append((batch, pool.submit(batch)))
                submitted += len(batch)
                met.update((_EXTRACTOR.language_of(a), a) for a in batch)
            while len(pending) > 2 * workers:
                yield from _result(pool, *pending.popleft())
        while pending:
            yield from _result(pool, *pending.popleft())
    finally:
        pool.shutdown()
        gc.unfreeze()
        _EXTRACTOR = None


def _result(pool: _Pool, batch: list, future: Future | None) -> list:
    return batch if future is None else pool.result(batch, future)
