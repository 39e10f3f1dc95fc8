"""Query latency on a large store: 1M synthetic events inserted directly, typical reads timed.

    .venv/bin/python bench/query.py [--events 1000000] [--db FILE] [--repeat 3]

Fills a new DuckDB store (our schema, through ``Store.open``) from Arrow tables
of random but well-formed rows: ``--events`` events over a tenth as many
articles, as many mentions and sentences, 0.3 quotes per event, 20,000 actors
of which a few are mentioned far more than the rest (as in news). Then times,
through the Store/query layer the CLI uses: events of an actor over a date
range, top dyads by month, quotes by speaker, an article's evidence (everything
``newsevents show`` reads), and the corpus statistics. Prints the first and the
best of ``--repeat`` runs in ms (target: under 200 ms each). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from newsevents.store import Store

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
MODALITIES = ("asserted", "planned", "hypothetical", "conditional", "rumoured", "negated")
SOURCES = ("Meridian Wire", "Harbour Post", "Continental Ledger", "Andes Tribune")
FIRST_DAY = np.datetime64(date(2015, 1, 1))
DAYS = 11 * 365
ACTORS = 20_000


def _insert(store: Store, table: str, columns: dict[str, Any]) -> None:
    frame = pa.table(columns)  # noqa: F841 - read by name in the SQL below
    names = ", ".join(columns)
    store.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM frame")


def _skewed(rng: np.random.Generator, count: int, size: int) -> np.ndarray:
    """Indexes in [0, count) where low ones are far more frequent (Zipf-like)."""
    return np.minimum(rng.zipf(1.3, size) - 1, count - 1)


def fill(store: Store, events: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    articles = max(1, events // 10)
    article_ids = np.array([f"art-{n:08d}" for n in range(articles)])
    actor_ids = np.array([f"actor:{n:05d}" for n in range(ACTORS)])
    published = FIRST_DAY + rng.integers(0, DAYS, articles).astype("timedelta64[D]")
    _insert(store, "actors", {
        "id": actor_ids, "name": [f"Actor Number {n}" for n in range(ACTORS)],
        "kind": np.where(np.arange(ACTORS) % 3 == 0, "person", "organisation"),
        "code": [f"C{n % 900:03d}" for n in range(ACTORS)],
        "country": [f"K{n % 200:02d}" for n in range(ACTORS)],
    })
    _insert(store, "articles", {
        "id": article_ids, "source": rng.choice(SOURCES, articles),
        "title": [f"Synthetic headline {n}" for n in range(articles)],
        "published": published, "published_how": np.full(articles, "metadata"),
        "text": np.full(articles, "Synthetic text."), "content_hash": article_ids,
        "pipeline_version": np.ones(articles, dtype=np.int32),
        "lexicon_version": np.full(articles, "bench"),
    })
    owner = rng.integers(0, articles, events)
    order = np.argsort(owner, kind="stable")  # rows of one article together, as ingest writes
    owner = owner[order]
    seq = np.arange(events) - np.searchsorted(owner, owner)
    when = published[owner] - rng.integers(0, 3, events).astype("timedelta64[D]")
    _insert(store, "events", {
        "article_id": article_ids[owner], "seq": seq.astype(np.int32),
        "source_id": actor_ids[_skewed(rng, ACTORS, events)],
        "target_id": actor_ids[_skewed(rng, ACTORS, events)],
        "type": rng.choice(PLOVER_TYPES, events), "modality": rng.choice(MODALITIES, events),
        "when_start": when, "when_end": when,
        "trigger_text": np.full(events, "met"), "trigger_start": np.zeros(events, np.int32),
        "trigger_end": np.full(events, 3, np.int32),
        "sentence": np.full(events, "One actor met another in a synthetic sentence."),
        "span_start": np.zeros(events, np.int32), "span_end": np.full(events, 40, np.int32),
        "confidence": rng.random(events),
    })
    _insert(store, "mentions", {
        "article_id": article_ids[owner], "seq": seq.astype(np.int32),
        "text": np.full(events, "Actor"), "label": np.full(events, "ORG"),
        "span_start": np.zeros(events, np.int32), "span_end": np.full(events, 5, np.int32),
        "sentence_start": np.zeros(events, np.int32),
        "sentence_end": np.full(events, 40, np.int32),
        "actor_id": actor_ids[_skewed(rng, ACTORS, events)],
    })
    _insert(store, "sentences", {
        "article_id": article_ids[owner], "seq": seq.astype(np.int32),
        "span_start": np.zeros(events, np.int32), "span_end": np.full(events, 40, np.int32),
    })
    quotes = owner[rng.random(events) < 0.3]
    speakers = _skewed(rng, ACTORS, len(quotes))
    _insert(store, "quotes", {
        "article_id": article_ids[quotes],
        "seq": (np.arange(len(quotes)) - np.searchsorted(quotes, quotes)).astype(np.int32),
        "speaker_name": [f"Speaker {n} Surname{n % 977}" for n in speakers],
        "speaker_actor_id": actor_ids[speakers],
        "text": np.full(len(quotes), "We will not accept this."),
        "kind": np.full(len(quotes), "direct"),
        "span_start": np.zeros(len(quotes), np.int32),
        "span_end": np.full(len(quotes), 24, np.int32),
    })


def top_dyads_by_month(store: Store, *, top: int = 10) -> list[tuple[Any, ...]]:
    # No Store method lists this yet; the SQL a `stats --by month` would run.
    # Counted by actor id first, names joined to the few rows kept: joining names to
    # every event first is what makes this slow.
    return store.con.execute("""
        WITH counts AS (
            SELECT date_trunc('month', coalesce(e.when_start, a.published)) AS month,
                   e.source_id, e.target_id, count(*) AS events
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.source_id IS NOT NULL AND e.target_id IS NOT NULL
            GROUP BY 1, 2, 3
            QUALIFY row_number() OVER (PARTITION BY month ORDER BY events DESC) <= ?)
        SELECT c.month, s.name AS source, t.name AS target, c.events
        FROM counts c JOIN actors s ON s.id = c.source_id JOIN actors t ON t.id = c.target_id
        ORDER BY c.month, c.events DESC""", [top]).fetchall()


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, float, int]:
    """(first run ms, best run ms, rows of the last run)."""
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        runs.append((time.perf_counter() - started) * 1000)
    rows = len(result) if hasattr(result, "__len__") else 1
    return runs[0], min(runs), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="store to create (default: a temporary file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsevents-query-") as folder:
        path = args.db or Path(folder) / "query.duckdb"
        with Store.open(path) as store:
            started = time.perf_counter()
            fill(store, args.events)
            print(f"inserted {args.events} events, {args.events // 10} articles, "
                  f"{ACTORS} actors in {time.perf_counter() - started:.1f} s")
        with Store.open(path, read_only=True) as store:
            article = store.con.execute("SELECT article_id FROM events "
                                        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            speaker = "Surname5"
            queries = {
                "events of an actor, 3 months": lambda: store.events(
                    actor="actor:00002", since="2022-01-01", until="2022-03-31", limit=50),
                "events of an actor by name": lambda: store.events(
                    actor="Actor Number 7", since="2020-01-01", until="2020-12-31", limit=50),
                "top dyads by month": lambda: top_dyads_by_month(store),
                "quotes by speaker": lambda: store.quotes(speaker=speaker, limit=50),
                "an article's evidence": lambda: store.analysis(article),
                "corpus statistics": lambda: [store.stats()],
            }
            print(f"{'query':<32} {'first ms':>9} {'best ms':>9} {'rows':>6}")
            for name, call in queries.items():
                first, best, rows = timed(call, args.repeat)
                print(f"{name:<32} {first:9.1f} {best:9.1f} {rows:6d}")


if __name__ == "__main__":
    main()
