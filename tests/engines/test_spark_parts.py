"""The Spark engine's parts that need no Spark session: routes, rows, and the dataset reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from newsevents.engines import spark_rows  # noqa: E402
from newsevents.engines.spark_inputs import local_path, plan_inputs  # noqa: E402
from newsevents.errors import StoreError  # noqa: E402
from newsevents.ingest import InputFailure, make_article  # noqa: E402
from newsevents.records import Actor, Analysis, Article  # noqa: E402
from newsevents.store import Store  # noqa: E402
from newsevents.store.dataset import MARKER, marker_text, month_of  # noqa: E402

NOW = dt.datetime(2026, 1, 2, 3, 4, 5)


def test_inputs_take_the_route_that_scales(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "b.txt").write_text("Some text.")
    (tmp_path / "c.parquet").write_bytes(b"")
    (tmp_path / "notes.md").write_text("not an article file")
    routes = plan_inputs([str(tmp_path), "s3a://bucket/day.jsonl", "hdfs://n/x.warc",
                          str(tmp_path / "missing.txt")])
    assert routes.jsonl == [str(tmp_path / "a.jsonl"), "s3a://bucket/day.jsonl"]
    assert routes.parquet == [str(tmp_path / "c.parquet")]
    assert routes.files == [str(tmp_path / "b.txt")]
    assert [f.input for f in routes.failures] == ["hdfs://n/x.warc",
                                                  str(tmp_path / "missing.txt")]


def test_an_empty_folder_is_a_failure(tmp_path: Path) -> None:
    assert plan_inputs([str(tmp_path)]).failures == [InputFailure(str(tmp_path),
                                                                  "no articles found")]


def test_file_uris_become_the_paths_a_user_typed() -> None:
    assert local_path("file:///data/my%20news.jsonl") == "/data/my news.jsonl"
    assert local_path("s3a://bucket/a.jsonl") == "s3a://bucket/a.jsonl"


def test_months_partition_articles_and_unknown_dates_have_their_own() -> None:
    assert month_of("2019-01-08") == "2019-01"
    assert month_of(None) == "unknown"


def test_an_article_that_fails_analysis_becomes_an_error_row() -> None:
    article = make_article("Chile sent aid to Peru.", id="x-1", published_given="2024-02-03")
    item = spark_rows.item_row(article, "/in/x.jsonl")
    assert Article.from_dict(json.loads(item["article"])) == article
    failed = Analysis(article=article, error="analysis failed: parser crashed")
    row = spark_rows.result_row(item, failed, pipeline_version=1, lexicon_version="v",
                                ingested_at=NOW)
    assert row["month"] == "2024-02" and row["articles"] == [] and row["events"] == []
    assert row["errors"] == [{"article_id": "x-1", "input": "x-1", "source_file": "/in/x.jsonl",
                              "stage": "analyze", "message": "analysis failed: parser crashed"}]


def test_an_analysed_article_fills_every_table_of_its_month() -> None:
    article = make_article("Chile sent aid to Peru.", id="x-2", published_given="2024-02-03")
    item = spark_rows.item_row(article, "/in/x.jsonl")
    actor = Actor(id="CHL", name="Chile", kind="country", aliases=("Chile",))
    analysis = Analysis(article=article, sentences=((0, 23),), actors=(actor,))
    row = spark_rows.result_row(item, analysis, pipeline_version=1, lexicon_version="v",
                                ingested_at=NOW)
    assert (row["month"], row["article_id"], row["errors"]) == ("2024-02", "x-2", [])
    assert row["articles"][0]["ingested_at"] == NOW
    assert row["articles"][0]["published"] == dt.date(2024, 2, 3)
    assert row["actor_rows"] == [{"article_id": "x-2", **spark_rows.actor_row(actor)}]
    assert row["sentences"] == [{"article_id": "x-2", "seq": 0, "span_start": 0,
                                 "span_end": 23}]


def test_a_read_failure_goes_to_the_unknown_month() -> None:
    item = spark_rows.item_row(InputFailure("/in/x.jsonl: line 3", "not valid JSON"),
                               "/in/x.jsonl")
    row = spark_rows.result_row(item, None, pipeline_version=1, lexicon_version="v",
                                ingested_at=NOW)
    assert row["month"] == "unknown" and row["errors"][0]["stage"] == "read"


def test_a_folder_without_the_marker_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a newsevents dataset"):
        Store.open(tmp_path, read_only=True)


def test_a_dataset_from_a_newer_newsevents_is_refused(tmp_path: Path) -> None:
    facts = json.loads(marker_text(1, "abc"))
    (tmp_path / MARKER).write_text(json.dumps({**facts, "schema_version": 99}))
    with pytest.raises(StoreError, match="newer"):
        Store.open(tmp_path, read_only=True)


def test_an_empty_dataset_reads_as_an_empty_store(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text(marker_text(1, "abc"))
    with Store.open(tmp_path, read_only=True) as store:
        assert store.stats()["counts"]["articles"] == 0
        assert store.events() == []
        assert store.con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_a_dataset_is_never_opened_for_writing(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text(marker_text(1, "abc"))
    with pytest.raises(StoreError, match="read-only"):
        Store.open(tmp_path)
