"""The one place where the stages are wired: Article -> spaCy Doc -> Document.

Input: ``Article`` records (from ``dyads.ingest``) or paths to read with it.
Output: ``Document`` records (the DESIGN.md JSON contract), in input order, and
``ErrorRecord`` for any article that failed, with the stage and reason.
Stages: nlp (``dyads.nlp``) -> actors (``extract.actors``) -> time expressions
(``extract.timex``) -> quotes (``extract.quotes``) -> events (``extract.events``).
Guarantees: each language's model and knowledge base are loaded once per ``Extractor``
(so once per process or Spark partition); texts are parsed in batches with ``nlp.pipe``;
with ``workers > 1`` articles are spread over processes, each with its own Extractor, and
results keep input order; an article in a language without model or data comes out with its
metadata and a note, never an exception; a failure in one article never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dyads.errors import UnsupportedLanguage
from dyads.extract.actors import ActorIndex, find_mentions, to_entities
from dyads.extract.codebook import get_codebook
from dyads.extract.events import code_events
from dyads.extract.kb import ActorKB, load_kb
from dyads.extract.quotes import find_quotes
from dyads.extract.timex import find_timexes, parse_published
from dyads.lang import available_languages, get_language
from dyads.nlp import installed_model, load_pipeline
from dyads.types import Article, Document, ErrorRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Options of the extraction pipeline (each has a default and help text)."""

    lang: str | None = field(default=None, metadata={"help": "Force a language (ISO 639-1)."})
    include_speech_events: bool = field(default=False, metadata={
        "help": "Also code statement verbs whose clause names another actor (01x-13x by the verb)."})
    include_unasserted: bool = field(default=False, metadata={
        "help": "Keep negated, conditional, hypothetical and planned events."})
    include_unresolved: bool = field(default=False, metadata={
        "help": "Also emit events with an unresolved source or target (None), never both."})
    include_text: bool = field(default=True, metadata={"help": "Put the normalised text in each Document."})
    actor_files: tuple[str, ...] = field(default=(), metadata={
        "help": "Extra actor dictionaries (TSV, YAML or CAMEO/PETRARCH text)."})
    batch_size: int = field(default=16, metadata={"help": "Articles per nlp.pipe batch."})


class Extractor:
    """Holds the loaded models and knowledge bases; ``extract_article`` is the unit of work."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._kbs: dict[str, ActorKB] = {}

    def kb(self, code: str) -> ActorKB:
        if code not in self._kbs:  # built once per process (load_kb caches it), shared by Extractors
            self._kbs[code] = load_kb(code, self.settings.actor_files)
        return self._kbs[code]

    def language_of(self, article: Article) -> str:
        return (self.settings.lang or article.language or "").lower()

    def supported(self, code: str) -> bool:
        return code in available_languages() and installed_model(code) is not None

    def extract_article(self, article: Article) -> Document:
        """Extract one article (parses it alone; use ``extract_many`` for throughput)."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Extract articles in order, parsing each language's texts in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[Article]) -> Iterator[Document]:
        by_lang: dict[str, list[int]] = {}
        for i, article in enumerate(batch):
            by_lang.setdefault(self.language_of(article), []).append(i)
        docs: dict[int, object] = {}
        for code, idxs in by_lang.items():
            if not self.supported(code):
                continue
            nlp = load_pipeline(code)
            for i, doc in zip(idxs, nlp.pipe([batch[i].text for i in idxs])):
                docs[i] = doc
        for i, article in enumerate(batch):
            yield self._document(article, docs.get(i))

    def _document(self, article: Article, doc) -> Document:
        document = Document(
            id=article.id, text=article.text if self.settings.include_text else "",
            url=article.url, outlet=article.outlet, title=article.title, lede=article.lede,
            published=article.published, language=self.language_of(article),
            source_file=article.source if article.line is None else "")
        if doc is None:
            document.notes.append(str(UnsupportedLanguage(document.language or "unknown",
                                                          [c for c in available_languages()
                                                           if installed_model(c)])))
            return document
        code = document.language
        lang, kb = get_language(code), self.kb(code)
        published = parse_published(article.published)
        index: ActorIndex = find_mentions(doc, kb, published)
        document.entities = to_entities(index)
        document.timexes = find_timexes(article.text, published, lang)
        document.quotes = find_quotes(doc, index, lang, text=article.text)  # the Doc's text
        events = code_events(doc, index, lang, timexes=document.timexes, quotes=document.quotes,
                             published=published, codebook=get_codebook(),
                             include_speech=self.settings.include_speech_events,
                             include_unresolved=self.settings.include_unresolved)
        if not self.settings.include_unasserted:
            events = [e for e in events if not e.negated and e.modality == "asserted"]
        document.events = events
        return document


def _articles(inputs: Iterable, stats=None) -> Iterator[Article | ErrorRecord]:
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, (Article, ErrorRecord)):
            yield item
        else:
            paths.append(str(item))
    if paths:
        from dyads.ingest import read_inputs

        yield from read_inputs(paths, stats=stats)


def _safe_extract(extractor: Extractor, articles: list[Article]) -> Iterator[Document | ErrorRecord]:
    """Extract a batch; if it fails, retry one by one so one bad article costs only itself."""
    try:
        yield from list(extractor.extract_many(articles))
        return
    except Exception:  # per-record boundary: isolate the failing article below
        log.debug("batch failed; retrying one by one", exc_info=True)
    for article in articles:
        try:
            yield extractor.extract_article(article)
        except Exception as err:  # per-record boundary (STYLE.md 2.6)
            yield ErrorRecord(source=article.source or article.id, line=article.line, stage="extract",
                              reason=f"{type(err).__name__}: {err}", id=article.id)


def extract(inputs: Iterable, *, lang: str | None = None, workers: int = 1,
            settings: Settings | None = None, stats=None) -> Iterator[Document | ErrorRecord]:
    """Extract event data from articles.

    Args:
        inputs: ``Article`` objects, or paths (files, folders, globs, "-") to read.
        lang: force a language instead of the detected one.
        workers: processes to spread the articles over (1 = this process).
        settings: pipeline options; ``lang`` overrides ``settings.lang``.
        stats: an ``ingest.IngestStats`` to count read, duplicate and failed input records.

    Returns:
        An iterator of ``Document`` (and ``ErrorRecord`` for articles that failed), in order.
    """
    settings = settings or Settings()
    if lang:
        settings = Settings(**{**settings.__dict__, "lang": lang})
    stream = _articles(inputs, stats)
    if workers > 1:
        from dyads.parallel import extract_parallel

        yield from extract_parallel(stream, settings=settings, workers=workers)
        return
    extractor = Extractor(settings)
    batch: list[Article] = []
    for item in stream:
        if isinstance(item, ErrorRecord):
            yield from _safe_extract(extractor, batch)
            batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from _safe_extract(extractor, batch)
            batch = []
    yield from _safe_extract(extractor, batch)
