"""Throughput on synthetic articles: bare spaCy against our analysis and ingest engines.

    .venv/bin/python bench/throughput.py [--articles 1000] [--seed 0] [--batch-size 32]
                                         [--only NAME ...]

Writes a corpus with bench/corpus.py, then runs each configuration in a fresh
process (so each one's peak RSS is its own, children included) and prints
articles/s, words/s, peak RSS and the ratio to bare ``nlp.pipe`` (n_process=1),
then the CPU milliseconds each article took (this process and the children it
reaped: the Spark JVM and its workers are not counted) and that ratio: on a
shared machine the wall-clock ratios move with the load, the CPU ones much less.

- pipe-1, pipe-2: the installed spaCy pipeline as spaCy loads it (all components,
  thinc's BLIS matrix products), ``nlp.pipe`` with n_process 1 and 2, over texts
  read beforehand (reading not timed); ours differs as ``newsevents.nlp`` says
  (``NEWSEVENTS_BLIS=1`` and ``NEWSEVENTS_STOCK_RULES=1`` undo its two speed-ups);
- analyze: our ``analyze()`` article by article in one process;
- workers-1, workers-2: the local engine end to end (read, analyse, store into a
  new DuckDB file), in this process and with a pool of two workers (started
  and their models loaded before the clock starts, as pipe-2's forked ones are);
- spark: the Spark engine in local mode with 2 cores, when PySpark is importable
  (session started and a small job run before the clock, so its JVM and Python
  workers have loaded what they need, as the pool's workers have).

Before the clock, every configuration of ours analyses a built-in article
(``engines.local.warm_up``), so the tables loaded on first use are loaded, as
the bare pipelines' models are.

Figures only; nothing is asserted. The machine should be otherwise idle.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from newsevents.ingest import InputFailure, read_inputs
from newsevents.nlp import DEFAULT_MODEL, configured_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402 - bench scripts import their siblings
from rss import PeakRss  # noqa: E402

CONFIGS = ("pipe-1", "pipe-2", "analyze", "workers-1", "workers-2", "spark")


def _texts(corpus: Path) -> list[str]:
    return [i.text for i in read_inputs([str(corpus)]) if not isinstance(i, InputFailure)]


def _bare_pipe(corpus: Path, batch_size: int, processes: int) -> Callable[[], int]:
    nlp = spacy.load(configured_model() or DEFAULT_MODEL)
    texts = _texts(corpus)
    return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes))


def _analyze(corpus: Path, batch_size: int) -> Callable[[], int]:
    from newsevents.analyze import analyze
    from newsevents.engines.local import warm_up
    from newsevents.lexicon import load_lexicon
    from newsevents.nlp import load_pipeline

    nlp, lexicon = load_pipeline(), load_lexicon()
    warm_up(nlp, lexicon)
    articles = [i for i in read_inputs([str(corpus)]) if not isinstance(i, InputFailure)]
    return lambda: sum(1 for a in articles if analyze(a, nlp=nlp, lexicon=lexicon))


def _ingest(corpus: Path, batch_size: int, workers: int, db: Path) -> Callable[[], int]:
    from newsevents.engines.local import ingest, warm_up
    from newsevents.engines.pool import AnalysisPool, WorkerSetup
    from newsevents.lexicon import load_lexicon
    from newsevents.nlp import load_pipeline
    from newsevents.store import Store

    lexicon = load_lexicon()
    if workers == 1:
        engine = {"nlp": load_pipeline()}
        warm_up(engine["nlp"], lexicon)
    else:
        pool = AnalysisPool(workers, WorkerSetup())
        for started in [pool.submit([]) for _ in range(workers)]:
            started.result()  # each worker has loaded its model and warmed up
        engine = {"pool": pool}

    def run() -> int:
        with Store.open(db) as store:
            report = ingest(read_inputs([str(corpus)]), store, lexicon=lexicon,
                            batch_size=batch_size, **engine)
        if "pool" in engine:
            engine["pool"].close()
        return report.stored + report.failed

    return run


def _spark(corpus: Path, batch_size: int, out: Path) -> Callable[[], int]:
    # Hook for the Spark engine (newsevents.engines.spark, issue #7 part 3).
    from newsevents.engines.spark import run_spark_ingest, start_session

    session = start_session("local[2]")
    # A small job first, as the other engines load their models before the clock: the
    # JVM loads its classes and each Python worker (reused by the timed job) its model.
    warm_corpus = corpus.with_name("spark-warm-up.jsonl")
    write_corpus(warm_corpus, 8, seed=-1)
    run_spark_ingest([str(warm_corpus)], out.with_name("spark-warm-up"), spark=session,
                     batch_size=batch_size, partitions=2)

    def run() -> int:
        report = run_spark_ingest([str(corpus)], out, spark=session, batch_size=batch_size)
        session.stop()
        return report.stored + report.failed

    return run


def _cpu_seconds() -> float:
    """User and system CPU of this process and of the children it has waited for."""
    return sum(usage.ru_utime + usage.ru_stime for usage in
               (resource.getrusage(resource.RUSAGE_SELF),
                resource.getrusage(resource.RUSAGE_CHILDREN)))


def run_one(name: str, corpus: Path, batch_size: int, scratch: Path) -> dict[str, float]:
    """Prepare configuration ``name`` (untimed), then time it and sample its RSS."""
    prepare = {
        "pipe-1": lambda: _bare_pipe(corpus, batch_size, 1),
        "pipe-2": lambda: _bare_pipe(corpus, batch_size, 2),
        "analyze": lambda: _analyze(corpus, batch_size),
        "workers-1": lambda: _ingest(corpus, batch_size, 1, scratch / "workers-1.duckdb"),
        "workers-2": lambda: _ingest(corpus, batch_size, 2, scratch / "workers-2.duckdb"),
        "spark": lambda: _spark(corpus, batch_size, scratch / "spark-dataset"),
    }[name]
    with PeakRss() as rss:
        job = prepare()
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        articles = job()
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_started
    return {"seconds": seconds, "articles": articles, "peak_mb": rss.peak_mb,
            "cpu": cpu if name != "spark" else 0.0}


def _spark_available() -> bool:
    try:
        import newsevents.engines.spark  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--only", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--run", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:  # one configuration, in the fresh process the parent started
        print(json.dumps(run_one(args.run, args.corpus, args.batch_size, args.scratch)))
        return

    with tempfile.TemporaryDirectory(prefix="newsevents-throughput-") as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus.jsonl"
        words = write_corpus(corpus, args.articles, seed=args.seed)
        print(f"corpus: {args.articles} synthetic articles, {words} words "
              f"({words / args.articles:.0f} per article), seed {args.seed}, "
              f"batch size {args.batch_size}")
        print(f"{'configuration':<12} {'articles/s':>10} {'words/s':>9} {'peak RSS':>9} "
              f"{'x pipe-1':>8} {'CPU ms/art':>10} {'x pipe-1':>8}")
        baseline = cpu_baseline = None
        for name in args.only:
            if name == "spark" and not _spark_available():
                print(f"{name:<12} skipped: PySpark or newsevents.engines.spark not importable")
                continue
            done = subprocess.run(
                [sys.executable, __file__, "--run", name, "--corpus", str(corpus),
                 "--scratch", str(scratch), "--batch-size", str(args.batch_size)],
                capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{name:<12} failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rate = result["articles"] / result["seconds"]
            baseline = baseline or (rate if name == "pipe-1" else None)
            ratio = f"{rate / baseline:8.2f}" if baseline else f"{'-':>8}"
            cpu = 1000 * result["cpu"] / result["articles"]
            cpu_baseline = cpu_baseline or (cpu if name == "pipe-1" else None)
            cpu_ratio = f"{cpu_baseline / cpu:8.2f}" if cpu and cpu_baseline else f"{'-':>8}"
            cpu_text = f"{cpu:10.0f}" if cpu else f"{'-':>10}"
            print(f"{name:<12} {rate:10.2f} {words / result['seconds']:9.0f} "
                  f"{result['peak_mb']:7.0f}MB {ratio} {cpu_text} {cpu_ratio}", flush=True)


if __name__ == "__main__":
    main()
