"""The local engine with worker processes stores what one process stores, and reports a
bad article without stopping."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.engines.local import ingest, read_ahead
from newsevents.engines.pool import AnalysisPool, WorkerSetup
from newsevents.lexicon import load_lexicon
from newsevents.records import Article
from newsevents.store import Store

pytestmark = pytest.mark.model

ARTICLES = [
    Article(id="w-1", title="Kenya hosts Sudan talks", published="2025-03-04",
            text="Kenya hosts Sudan talks\n\nNAIROBI – Kenyan President Amani Wekesa hosted "
                 "envoys from Sudan in Nairobi on Monday. \"We are here to listen,\" said Amina "
                 "Odhiambo, a mediator."),
    Article(id="w-2", published="2025-03-05",
            text="The European Union imposed new sanctions on Belarus on Tuesday. Minsk "
                 "rejected the measures and said it would respond."),
    Article(id="w-3", published="2025-09-12",
            text="Chile sent rescue teams to Peru after the earthquake. The World Bank pledged "
                 "emergency funds to Lima on Friday."),
]
# Longer than spaCy accepts: the parser refuses it, as it would a runaway page dump.
TOO_LONG = Article(id="w-huge", text="The talks went on. " * 60_000)
SKIPPED_COLUMNS = {"ingested_at"}


def stored_rows(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name != 'schema_version'"
    ).fetchall()]
    rows = {}
    for table in tables:
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall() if r[0] not in SKIPPED_COLUMNS]
        listed = ", ".join(f'"{c}"' for c in columns)
        rows[table] = sorted(map(repr, con.execute(f"SELECT {listed} FROM {table}").fetchall()))
    con.close()
    return rows


@pytest.fixture(scope="module")
def pool():
    with AnalysisPool(2, WorkerSetup()) as started:
        yield started


def test_two_workers_store_the_same_rows_as_one_process(tmp_path: Path, nlp, pool) -> None:
    lexicon = load_lexicon()
    with Store.open(tmp_path / "one.duckdb") as store:
        ingest(ARTICLES, store, nlp=nlp, lexicon=lexicon, batch_size=2)
    with Store.open(tmp_path / "two.duckdb") as store:
        report = ingest(ARTICLES, store, pool=pool, lexicon=lexicon, batch_size=2)
    assert report.stored == 3 and report.failed == 0
    one, two = stored_rows(tmp_path / "one.duckdb"), stored_rows(tmp_path / "two.duckdb")
    assert one["articles"] and one["events"] and one == two


def test_a_bad_article_is_reported_and_the_rest_stored(tmp_path: Path, pool) -> None:
    lexicon = load_lexicon()
    seen = []
    with Store.open(tmp_path / "bad.duckdb") as store:
        report = ingest([ARTICLES[0], TOO_LONG, ARTICLES[1]], store, pool=pool,
                        lexicon=lexicon, batch_size=3,
                        on_outcome=lambda status, failure: seen.append(status))
        again = ingest([ARTICLES[0], TOO_LONG, ARTICLES[1]], store, pool=pool,
                       lexicon=lexicon, batch_size=3)
    assert seen == ["analysed", "failed", "analysed"]
    assert report.stored == 2 and [f.input for f in report.failures] == ["w-huge"]
    assert "analysis failed" in report.failures[0].message
    assert again.unchanged == 2 and again.failed == 1 and again.stored == 0


def test_an_article_repeated_across_batches_in_flight_is_analysed_once(tmp_path: Path,
                                                                       pool) -> None:
    with Store.open(tmp_path / "repeat.duckdb") as store:
        report = ingest([ARTICLES[1], ARTICLES[2], ARTICLES[1]], store, pool=pool,
                        lexicon=load_lexicon(), batch_size=1)
    assert report.stored == 2 and report.unchanged == 1


def test_reading_ahead_keeps_every_item_and_tells_a_small_input() -> None:
    items, many = read_ahead(iter(ARTICLES), 3)
    assert many and list(items) == ARTICLES
    items, many = read_ahead(iter(ARTICLES), 4)
    assert not many and list(items) == ARTICLES
