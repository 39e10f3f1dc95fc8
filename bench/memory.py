"""Memory over a long ingest: RSS of the ingesting process and of each worker as it goes.

    .venv/bin/python bench/memory.py [--articles 20000] [--workers 1] [--seed 0]
                                     [--batch-size 32]

Ingests that many synthetic articles (bench/corpus.py) into a new DuckDB file
with the local engine, and prints the RSS at a tenth, a quarter, half and all
of the run (2k, 5k, 10k and 20k articles by default), then the change from the
first sample to the last. The analysing process should stay flat (within
±10 %) however many articles pass: spaCy's string store is emptied after each
batch (``nlp.memory_zone``), glibc's free pages are handed back after it
(``malloc_trim``: without it the heap keeps 250-300 MB free and RSS drifts with
fragmentation), and the rule components' memos start over at 50,000 keys (at
200,000, keys of one-off names kept them growing, towards ~100 MB, through a
worker's first ten thousand articles or so).
With --workers 1 that process also holds DuckDB's cache, which grows with the
database; with more, the workers are measured apart: for each, the largest RSS a
thread sampling every half second saw since the previous mark (a worker that
hands pages back sits low between batches and high inside one, so one reading
at the mark would be noise).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from newsevents.engines.local import ingest
from newsevents.engines.pool import AnalysisPool, WorkerSetup
from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402 - bench scripts import their siblings
from rss import ChildPeaks, tree_rss_mb  # noqa: E402

SHARES = (0.1, 0.25, 0.5, 1.0)  # of the run, where RSS is sampled
HELPER_MB = 100  # smaller children are multiprocessing's helpers, not workers


def checkpoints(total: int) -> list[int]:
    return sorted({max(1, round(total * share)) for share in SHARES})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsevents-memory-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        words = write_corpus(corpus, args.articles, seed=args.seed)
        print(f"corpus: {args.articles} synthetic articles, {words} words, seed {args.seed}; "
              f"workers {args.workers}, batch size {args.batch_size}")
        lexicon = load_lexicon()
        pool = AnalysisPool(args.workers, WorkerSetup()) if args.workers > 1 else None
        engine = {"pool": pool} if pool else {"nlp": load_pipeline()}
        marks = checkpoints(args.articles)
        samples: list[tuple[int, float, list[float]]] = []
        done = 0
        started = time.perf_counter()
        peaks = ChildPeaks()

        def sample(status: str, failure: InputFailure | None) -> None:
            nonlocal done
            done += 1
            if marks and done == marks[0]:
                marks.pop(0)
                own, _ = tree_rss_mb()
                # each worker's peak since the last mark, workers in pid order; helper
                # processes of a few MB (multiprocessing's tracker) are left out
                children = [mb for _, mb in sorted(peaks.take().items()) if mb >= HELPER_MB]
                samples.append((done, own, children))
                workers = " ".join(f"{mb:.0f}" for mb in children)
                print(f"{done:>8} articles  {time.perf_counter() - started:7.0f} s  "
                      f"ingest process {own:6.0f} MB"
                      + (f"  workers (peak since last mark) {workers} MB" if workers else ""),
                      flush=True)

        with peaks, Store.open(Path(folder) / "memory.duckdb") as store:
            ingest(read_inputs([str(corpus)]), store, lexicon=lexicon,
                   batch_size=args.batch_size, on_outcome=sample, **engine)
        if pool:
            pool.close()

    if len(samples) >= 2:
        (first_n, first, first_workers), (last_n, last, last_workers) = samples[0], samples[-1]
        print(f"ingest process: {first:.0f} MB at {first_n} -> {last:.0f} MB at {last_n} "
              f"({(last - first) / first:+.1%})")
        for number, (before, after) in enumerate(
                zip(first_workers, last_workers, strict=False), 1):
            print(f"worker {number}: {before:.0f} MB -> {after:.0f} MB "
                  f"({(after - before) / before:+.1%})")


if __name__ == "__main__":
    main()
