"""The local engine: read, analyse and store articles in one process, batch by batch.

Each batch is one database transaction, so an interrupted ingest loses at most
the batch in flight, and a re-run skips what was stored (same content hash and
pipeline/lexicon versions) and redoes the rest: every article ends up stored
exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from newsevents.analyze import PIPELINE_VERSION, analyze
from newsevents.ingest import InputFailure
from newsevents.lexicon import Lexicon
from newsevents.records import Analysis, Article
from newsevents.store import Store

Item = Article | InputFailure
Outcome = Analysis | InputFailure


def analyze_safely(article: Article, *, nlp: Language, lexicon: Lexicon) -> Analysis:
    """``analyze()``, with an unexpected failure turned into an error record for this article.

    One bad article must not stop a batch: it is reported and the rest go on.
    """
    try:
        return analyze(article, nlp=nlp, lexicon=lexicon)
    except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not fatal
        message = " ".join(str(exc).split()) or type(exc).__name__
        return Analysis(article=article, error=f"analysis failed: {message}")


def analyze_items(items: Iterable[Item], *, nlp: Language, lexicon: Lexicon) -> Iterator[Outcome]:
    """Analyse every article in order; read failures pass through in their place."""
    for item in items:
        yield item if isinstance(item, InputFailure) else analyze_safely(item, nlp=nlp,
                                                                         lexicon=lexicon)


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


def ingest(
    items: Iterable[Item],
    store: Store,
    *,
    nlp: Language,
    lexicon: Lexicon,
    batch_size: int = 32,
    force: bool = False,
    on_outcome: Callable[[str, InputFailure | None], None] | None = None,
) -> IngestReport:
    """Analyse and store ``items``; articles stored before with the same content and versions
    are skipped unless ``force``. ``on_outcome(status, failure)`` is called once per item
    with status "analysed", "unchanged" or "failed"; a batch is stored after its last item."""
    report = IngestReport()
    notify = on_outcome or (lambda status, failure: None)
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        articles = [i for i in batch if isinstance(i, Article)]
        stored = {} if force else store.stored_versions([a.id for a in articles])
        analyses = []
        for item in batch:
            if isinstance(item, InputFailure):
                report.failures.append(item)
                notify("failed", item)
            elif stored.get(item.id) == (item.content_hash, PIPELINE_VERSION, lexicon.version):
                report.unchanged += 1
                notify("unchanged", None)
            else:
                analysis = analyze_safely(item, nlp=nlp, lexicon=lexicon)
                if analysis.error is not None:
                    failure = InputFailure(input=item.id, message=analysis.error)
                    report.failures.append(failure)
                    notify("failed", failure)
                    continue
                analyses.append(analysis)
                notify("analysed", None)
        store.write(analyses, pipeline_version=PIPELINE_VERSION, lexicon_version=lexicon.version)
        report.stored += len(analyses)
        report.not_analysed += sum(a.article.note is not None for a in analyses)
    return report
