"""Worker processes that analyse chunks of articles, each with the pipeline loaded once.

Workers are started with ``spawn`` (no inherited DuckDB connection, threads or
locks), load the spaCy pipeline and the lexicon in their initializer (and analyse
a built-in article, so every table is loaded before the first chunk), and send
back plain ``Analysis`` records; only the parent writes to the store. A worker
ignores Ctrl-C (the parent stops the pool) and exits when the parent dies, so
a killed ingest leaves no process behind.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context, parent_process
from multiprocessing.connection import wait
from pathlib import Path
from types import TracebackType

from spacy.language import Language

from newsevents.engines.local import analyze_batch, warm_up
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Analysis, Article


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to build the same pipeline and lexicon as the parent would."""

    model: str | None = None
    actors: Path | None = None


_pipeline: tuple[Language, Lexicon] | None = None  # this worker's, set by _start_worker


def _start_worker(setup: WorkerSetup) -> None:
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    _pipeline = (load_pipeline(setup.model), load_lexicon(setup.actors))
    warm_up(*_pipeline)


def _exit_with_parent() -> None:
    # The task queue stays open while any worker holds it, so a worker whose parent
    # was killed would otherwise wait for work for ever.
    parent = parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(1)


def _analyze_chunk(articles: Sequence[Article]) -> list[Analysis]:
    assert _pipeline is not None, "the worker initializer did not run"
    nlp, lexicon = _pipeline
    return analyze_batch(articles, nlp=nlp, lexicon=lexicon)


class AnalysisPool:
    """``workers`` processes analysing chunks of articles submitted by one parent."""

    def __init__(self, workers: int, setup: WorkerSetup) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("spawn"),
            initializer=_start_worker, initargs=(setup,),
        )

    def submit(self, articles: Sequence[Article]) -> Future[list[Analysis]]:
        return self._executor.submit(_analyze_chunk, list(articles))

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close(cancel=error is not None)
