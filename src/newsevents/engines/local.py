"""The local engine: read, analyse and store articles batch by batch, in this process or
with a pool of worker processes.

Each batch is one database transaction, so an interrupted ingest loses at most
the batches in flight, and a re-run skips what was stored (same content hash and
pipeline/lexicon versions) and redoes the rest: every article ends up stored
exactly once. With a pool, this process still reads, checks what is stored and
writes; it reads at most a few batches per worker ahead of the writer, so memory
stays bounded whatever the input size.
"""

from __future__ import annotations

import ctypes
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.analyze import PIPELINE_VERSION, analyze
from newsevents.errors import NewseventsError
from newsevents.ingest import InputFailure, make_article
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import small_towns
from newsevents.nlp import parse_articles
from newsevents.records import Analysis, Article
from newsevents.store import Store

if TYPE_CHECKING:
    from newsevents.engines.pool import AnalysisPool

Item = Article | InputFailure
Outcome = Analysis | InputFailure
Notify = Callable[[str, InputFailure | None], None]
BATCHES_AHEAD_PER_WORKER = 2  # enough to keep every worker busy while the writer writes
# Written for warm_up: a dateline, a place, a date, a quote, named actors.
WARM_UP_TEXT = (
    "Ministers meet in Geneva\n\n"
    "GENEVA, March 3 (Wire) – Kenya's foreign minister met envoys from Sudan on Monday "
    "and said talks would resume next week. \"We will meet again,\" she told reporters."
)


def analyze_safely(article: Article, *, nlp: Language, lexicon: Lexicon,
                   doc: Doc | None = None) -> Analysis:
    """``analyze()``, with an unexpected failure turned into an error record for this article.

    One bad article must not stop a batch: it is reported and the rest go on.
    """
    try:
        return analyze(article, nlp=nlp, lexicon=lexicon, doc=doc)
    except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not fatal
        return _failed(article, exc)


def _failed(article: Article, exc: BaseException) -> Analysis:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return Analysis(article=article, error=f"analysis failed: {message}")


def analyze_batch(articles: Sequence[Article], *, nlp: Language,
                  lexicon: Lexicon) -> list[Analysis]:
    """Analyse ``articles`` parsed together by ``nlp.pipe``, inside one spaCy memory zone:
    the strings their parses add to the vocabulary are freed after the batch, and so are
    the C library's free pages (``release_free_memory``), so memory does not grow with
    the number of articles analysed."""
    with nlp.memory_zone():
        docs = _parses(articles, nlp)
        analyses = [analyze_safely(a, nlp=nlp, lexicon=lexicon, doc=d)
                    for a, d in zip(articles, docs, strict=True)]
    del docs  # freed before the trim, so that their pages go back too
    release_free_memory()
    return analyses


def release_free_memory() -> None:
    """Hand the pages glibc's allocator holds free back to the system (``malloc_trim``).

    A batch's parse allocates and frees a few hundred MB in C (thinc's arrays, the
    memory zone's lexemes and strings). glibc keeps what is freed inside its heaps: in a
    worker, 250-300 MB of its RSS were such free pages, a share that drifts with
    fragmentation (#7). A trim takes ~8 ms per batch of 32 articles (0.05 %).
    Elsewhere than glibc, nothing is done.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None when this process does not run on glibc."""
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return None
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (ValueError, OSError, AttributeError):  # not glibc, or no such function
        return None
    return trim


def _parses(articles: Sequence[Article], nlp: Language) -> list[Doc | None]:
    """The parse of each article, or None where ``analyze()`` parses on its own: articles
    with a note (never parsed), and all of them when the batch parse fails, so that only
    the article that breaks the parser is reported."""
    wanted = [a for a in articles if not a.note]
    try:
        docs = iter(list(parse_articles(nlp, wanted)))
    except Exception:  # noqa: BLE001 - retried one by one, where the failure is reported
        return [None] * len(articles)
    return [None if a.note else next(docs) for a in articles]


def warm_up(nlp: Language, lexicon: Lexicon) -> None:
    """Analyse a short built-in article, so that what the extractors load on first use
    (the gazetteer, the time grammar) is loaded now rather than in the first batch, and
    load the gazetteer's second tier, which the first place name not in the first loads
    (seconds of CPU)."""
    analyze_batch([make_article(WARM_UP_TEXT, published_default="2024-03-04")], nlp=nlp,
                  lexicon=lexicon)
    small_towns()


def analyze_items(items: Iterable[Item], *, nlp: Language, lexicon: Lexicon,
                  batch_size: int = 16) -> Iterator[Outcome]:
    """Analyse every article in order, ``batch_size`` at a time; read failures pass through
    in their place."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        articles = [i for i in batch if isinstance(i, Article)]
        analyses = iter(analyze_batch(articles, nlp=nlp, lexicon=lexicon))
        for item in batch:
            yield item if isinstance(item, InputFailure) else next(analyses)


@dataclass
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    not_analysed: int = 0  # stored with a note (e.g. not English), no records
    failures: list[InputFailure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.unchanged

    @property
    def failed(self) -> int:
        return len(self.failures)


def read_ahead(items: Iterable[Item], count: int) -> tuple[Iterator[Item], bool]:
    """``items`` unchanged, and whether they number at least ``count`` (reading that many
    ahead to tell).

    A pool pays for starting its workers only when each has more than a batch to do.
    """
    iterator = iter(items)
    head = list(islice(iterator, count))
    return chain(head, iterator), len(head) == count


@dataclass
class _Batch:
    """One batch read and checked against the store, its analysis under way."""

    items: list[Item]
    unchanged: set[int]  # positions of articles stored before with the same versions
    chunks: list[tuple[list[Article], Future[list[Analysis]]]]


def ingest(
    items: Iterable[Item],
    store: Store,
    *,
    lexicon: Lexicon,
    nlp: Language | None = None,
    pool: AnalysisPool | None = None,
    batch_size: int = 32,
    force: bool = False,
    on_outcome: Notify | None = None,
) -> IngestReport:
    """Analyse and store ``items``, with ``nlp`` in this process or with ``pool``'s workers;
    articles stored before with the same content and versions are skipped unless ``force``.
    ``on_outcome(status, failure)`` is called once per item, in input order, with status
    "analysed", "unchanged" or "failed"; a batch is stored after its last item."""
    if (nlp is None) == (pool is None):
        raise ValueError("ingest() takes either nlp (in this process) or pool")
    report = IngestReport()
    notify = on_outcome or (lambda status, failure: None)
    ahead = 0 if pool is None else BATCHES_AHEAD_PER_WORKER * pool.workers
    in_flight: deque[_Batch] = deque()
    sent: Counter[tuple[str, str]] = Counter()  # (id, content hash) sent and not yet stored
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        in_flight.append(_dispatch(batch, store, sent, lexicon=lexicon, nlp=nlp, pool=pool,
                                   force=force))
        while len(in_flight) > ahead:
            _finish(in_flight.popleft(), store, sent, report, notify, lexicon=lexicon)
    while in_flight:
        _finish(in_flight.popleft(), store, sent, report, notify, lexicon=lexicon)
    return report


def _dispatch(batch: list[Item], store: Store, sent: Counter[tuple[str, str]], *,
              lexicon: Lexicon, nlp: Language | None, pool: AnalysisPool | None,
              force: bool) -> _Batch:
    """Check ``batch`` against the store and start analysing what is new or changed."""
    articles = [i for i in batch if isinstance(i, Article)]
    stored = {} if force else store.stored_versions([a.id for a in articles])
    unchanged = {
        position for position, item in enumerate(batch)
        if isinstance(item, Article) and not force
        and (stored.get(item.id) == (item.content_hash, PIPELINE_VERSION, lexicon.version)
             # sent in an earlier batch not yet written: the same skip once it is
             or sent[(item.id, item.content_hash)] > 0)
    }
    todo = [item for position, item in enumerate(batch)
            if isinstance(item, Article) and position not in unchanged]
    sent.update((a.id, a.content_hash) for a in todo)
    return _Batch(items=batch, unchanged=unchanged, chunks=_start(todo, nlp=nlp, pool=pool,
                                                                  lexicon=lexicon))


def _start(articles: list[Article], *, nlp: Language | None, pool: AnalysisPool | None,
           lexicon: Lexicon) -> list[tuple[list[Article], Future[list[Analysis]]]]:
    if pool is None:
        assert nlp is not None
        done: Future[list[Analysis]] = Future()
        done.set_result(analyze_batch(articles, nlp=nlp, lexicon=lexicon))
        return [(articles, done)]
    if not articles:
        return []
    size = -(-len(articles) // pool.workers)  # one chunk per worker
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    return [(chunk, pool.submit(chunk)) for chunk in chunks]


def _finish(batch: _Batch, store: Store, sent: Counter[tuple[str, str]],
            report: IngestReport, notify: Notify, *, lexicon: Lexicon) -> None:
    """Wait for ``batch``'s analyses, report each item in order and store the batch."""
    results = iter([analysis for chunk, future in batch.chunks
                    for analysis in _chunk_results(chunk, future)])
    analyses = []
    for position, item in enumerate(batch.items):
        if isinstance(item, InputFailure):
            report.failures.append(item)
            notify("failed", item)
        elif position in batch.unchanged:
            report.unchanged += 1
            notify("unchanged", None)
        else:
            analysis = next(results)
            if analysis.error is not None:
                failure = InputFailure(input=item.id, message=analysis.error)
                report.failures.append(failure)
                notify("failed", failure)
                continue
            analyses.append(analysis)
            notify("analysed", None)
    store.write(analyses, pipeline_version=PIPELINE_VERSION, lexicon_version=lexicon.version)
    for chunk, _ in batch.chunks:
        for article in chunk:
            key = (article.id, article.content_hash)
            sent[key] -= 1
            if sent[key] <= 0:
                del sent[key]  # so that what is remembered stays bounded by what is in flight
    report.stored += len(analyses)
    report.not_analysed += sum(a.article.note is not None for a in analyses)


def _chunk_results(chunk: list[Article], future: Future[list[Analysis]]) -> list[Analysis]:
    """The analyses of a chunk; each article failed if the chunk's task failed as a whole."""
    try:
        return future.result()
    except BrokenProcessPool as exc:  # killed, out of memory, or its model failed to load
        raise NewseventsError(f"a worker process stopped ({exc}); batches already stored "
                              "are kept, re-run to finish") from None
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
        return [_failed(article, exc) for article in chunk]
