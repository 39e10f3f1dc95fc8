"""The DuckDB store: schema versions, batched idempotent writes, queries and exports."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.records import Actor, Analysis, Article, Event, Mention, Trigger, When
from newsevents.store import Store, schema, writer

KIM = Actor(id="person:kim-jong-un", name="Kim Jong Un", kind="person", country="PRK",
            code="PRKGOV")
XI = Actor(id="person:xi-jinping", name="Xi Jinping", kind="person", country="CHN")
TEXT = "Kim met Xi in Beijing on Tuesday. Then he left."


def make_analysis(article_id: str = "a1", *, source: str = "Meridian Wire",
                  published: str = "2019-01-10", text: str = TEXT, event_type: str = "CONSULT",
                  modality: str = "asserted", when: str | None = "2019-01-08") -> Analysis:
    article = Article(id=article_id, text=text, source=source, published=published,
                      published_how="given", content_hash=f"hash-{text}", language="en")
    event = Event(
        source=KIM, target=XI, type=event_type, mode="visit", cameo="042", modality=modality,
        when=When(value=when, text="Tuesday", start=when, end=when, granularity="day")
        if when else None,
        where=None, reported_by=source, trigger=Trigger("met", (4, 7)),
        sentence=text[:33], span=(0, 33), confidence=0.9,
    )
    mentions = (Mention("Kim", "PERSON", (0, 3), (0, 33), KIM.id),
                Mention("Xi", "PERSON", (8, 10), (0, 33), XI.id))
    return Analysis(article=article, sentences=((0, 33), (34, len(text))), mentions=mentions,
                    actors=(KIM, XI), events=(event,))


def counts(store: Store) -> dict[str, int]:
    tables = ("articles", "events", "mentions", "actors", "article_actors", "sentences")
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def store():
    with Store.open(":memory:") as opened:
        yield opened


def write(store: Store, *analyses: Analysis) -> None:
    store.write(list(analyses), pipeline_version=1, lexicon_version="lex")


def test_a_stored_analysis_reads_back_equal(store: Store) -> None:
    analysis = make_analysis()
    write(store, analysis)
    assert store.analysis("a1") == analysis


def test_writing_the_same_article_twice_stores_it_once(store: Store) -> None:
    write(store, make_analysis())
    first = counts(store)
    write(store, make_analysis())
    write(store, make_analysis(), make_analysis())
    assert counts(store) == first == {"articles": 1, "events": 1, "mentions": 2, "actors": 2,
                                      "article_actors": 2, "sentences": 2}


def test_a_changed_article_replaces_its_rows(store: Store) -> None:
    write(store, make_analysis())
    changed = make_analysis(text=TEXT + " More.", event_type="AGREE")
    write(store, changed)
    assert [e["type"] for e in store.events()] == ["AGREE"]
    assert store.stored_versions(["a1"]) == {"a1": (changed.article.content_hash, 1, "lex")}


def test_a_failing_batch_stores_nothing(store: Store, monkeypatch) -> None:
    write(store, make_analysis("a1"))
    real_insert = writer._insert

    def insert_then_fail(con, table, rows):
        real_insert(con, table, rows)
        if table == "events":
            raise duckdb.Error("disk full")

    monkeypatch.setattr(writer, "_insert", insert_then_fail)
    with pytest.raises(StoreError, match="write failed: disk full"):
        write(store, make_analysis("a2"), make_analysis("a1", text="changed"))
    monkeypatch.undo()
    assert [a["id"] for a in store.articles()] == ["a1"]
    assert store.analysis("a1") == make_analysis("a1")


def test_filters_narrow_event_listings(store: Store) -> None:
    write(store,
          make_analysis("a1", source="Meridian Wire", when="2019-01-08"),
          make_analysis("a2", source="Harbour Post", event_type="ACCUSE", when=None,
                        published="2020-05-01"),
          make_analysis("a3", source="Harbour Post", modality="rumoured", when="2018-09-09"))
    def ids(**filters):
        return [row["article_id"] for row in store.events(**filters)]

    assert ids() == ["a3", "a1", "a2"]  # by event date, undated ones by publication date
    assert ids(type="accuse") == ["a2"]
    assert ids(modality="rumoured") == ["a3"]
    assert ids(source="harbour") == ["a3", "a2"]
    assert ids(since="2019-01-01") == ["a1", "a2"]
    assert ids(until="2019-01-08") == ["a3", "a1"]
    assert ids(actor="CHN") == ["a3", "a1", "a2"]
    assert ids(actor="xi jin") == ["a3", "a1", "a2"]
    assert ids(actor="nobody") == []
    assert ids(limit=1) == ["a3"]


def test_stats_count_every_record_kind(store: Store) -> None:
    write(store, make_analysis("a1"), make_analysis("a2", event_type="AGREE"))
    stats = store.stats()
    assert stats["counts"]["articles"] == 2
    assert {r["type"]: r["events"] for r in stats["events_by_type"]} == {"AGREE": 1, "CONSULT": 1}
    assert stats["top_dyads"] == [
        {"source_actor": "Kim Jong Un", "target_actor": "Xi Jinping", "events": 2}]
    assert stats["top_actors"][0]["mentions"] == 2


def test_exports_write_the_contract_and_parquet(store: Store, tmp_path: Path) -> None:
    write(store, make_analysis())
    out = tmp_path / "out.jsonl"
    with out.open("w") as handle:
        assert store.export_jsonl(handle) == 1
    line = json.loads(out.read_text())
    assert line["article"]["id"] == "a1" and line["events"][0]["source"]["name"] == "Kim Jong Un"
    files = store.export_parquet(tmp_path / "parquet")
    events = duckdb.sql(f"SELECT type FROM '{tmp_path / 'parquet' / 'events.parquet'}'").fetchall()
    assert events == [("CONSULT",)] and len(files) == len(schema.ARTICLE_TABLES) + 4


def test_stale_articles_are_those_of_older_versions(store: Store) -> None:
    store.write([make_analysis("old")], pipeline_version=0, lexicon_version="lex")
    store.write([make_analysis("other-lexicon")], pipeline_version=1, lexicon_version="lex0")
    store.write([make_analysis("current")], pipeline_version=1, lexicon_version="lex")
    stale = store.stale_articles(pipeline_version=1, lexicon_version="lex")
    assert [a.id for a in stale] == ["old", "other-lexicon"]
    assert stale[0] == make_analysis("old").article


def test_an_older_database_is_migrated(tmp_path: Path, monkeypatch) -> None:
    path = str(tmp_path / "old.duckdb")
    Store.open(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS",
                        (*schema.MIGRATIONS, "ALTER TABLE articles ADD COLUMN extra VARCHAR"))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with Store.open(path) as store:
        assert schema.stored_version(store.con) == 2
        store.con.execute("SELECT extra FROM articles").fetchall()


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "new.duckdb")
    Store.open(path).close()
    con = duckdb.connect(path)
    con.execute("INSERT INTO schema_version (version) VALUES (99)")
    con.close()
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store.open(path)


def test_a_corrupt_file_gives_one_line(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_database_locked_by_another_process_gives_one_line(tmp_path: Path) -> None:
    path = str(tmp_path / "locked.duckdb")
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({path!r}); print('ready', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as caught:
            Store.open(path)
        assert "cannot open database" in str(caught.value) and "\n" not in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_read_only_open_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_an_article_id_prefix_resolves_when_unambiguous(store: Store) -> None:
    write(store, make_analysis("abc1"), make_analysis("abd2"))
    assert store.resolve_article_id("abc") == "abc1"
    assert store.resolve_article_id("abc1") == "abc1"
    assert store.resolve_article_id("zzz") is None
    with pytest.raises(StoreError, match="ambiguous"):
        store.resolve_article_id("ab")


def test_actor_aliases_accumulate_across_articles(store: Store) -> None:
    write(store, make_analysis("a1"))
    aliased = replace(KIM, aliases=("Kim",))
    write(store, replace(make_analysis("a2"), actors=(aliased, XI)))
    row = store.con.execute("SELECT aliases FROM actors WHERE id = ?", [KIM.id]).fetchone()
    assert row[0] == ["Kim"]
