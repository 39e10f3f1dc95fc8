"""Ingest speed and memory on the bundled examples (prints figures; asserts nothing).

    .venv/bin/python bench/ingest_speed.py [INPUT ...] [--repeat N]

Reads the inputs once, then times reading, analysis and storing separately over
N passes (into an in-memory store), and prints articles/s, words/s and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from newsevents.analyze import PIPELINE_VERSION, analyze
from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.store import Store

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    items = list(read_inputs(args.inputs))
    read_seconds = time.perf_counter() - started
    articles = [i for i in items if not isinstance(i, InputFailure)]
    words = sum(len(a.text.split()) for a in articles)

    started = time.perf_counter()
    nlp = load_pipeline()
    lexicon = load_lexicon()
    load_seconds = time.perf_counter() - started

    analyse_seconds = store_seconds = 0.0
    for _ in range(args.repeat):
        started = time.perf_counter()
        analyses = [analyze(a, nlp=nlp, lexicon=lexicon) for a in articles]
        analyse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        with Store.open(":memory:") as store:
            store.write(analyses, pipeline_version=PIPELINE_VERSION,
                        lexicon_version=lexicon.version)
        store_seconds += time.perf_counter() - started

    n = len(articles) * args.repeat
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles            {len(articles)} ({words} words), {len(items) - len(articles)} "
          f"failed to read, {args.repeat} passes")
    print(f"read                {len(articles) / read_seconds:8.1f} articles/s")
    print(f"model load          {load_seconds:8.2f} s")
    print(f"analyze             {n / analyse_seconds:8.1f} articles/s "
          f"{words * args.repeat / analyse_seconds:8.0f} words/s (1 process)")
    print(f"store (DuckDB)      {n / store_seconds:8.1f} articles/s")
    print(f"peak RSS            {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
