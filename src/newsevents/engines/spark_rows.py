"""Rows of the Spark engine's frames, built in the Python workers (no Spark needed here).

The read stage turns each input item into an item row (an article travels as
the JSON of its record); the analysis stage
turns an item row into a result row holding, per dataset table, the rows the
DuckDB writer would insert for that article (``actor_rows`` carry the article
id; a failure becomes one ``errors`` row). Dates travel as ``datetime.date``
because that is what Arrow's date columns take.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyspark import SparkFiles
from pyspark.sql.pandas.types import to_arrow_schema

from newsevents.engines.local import analyze_batch
from newsevents.engines.spark_schema import date_columns, result_schema
from newsevents.ingest import InputFailure
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Actor, Analysis, Article
from newsevents.store.dataset import (
    ACTOR_ROWS,
    DATASET_TABLES,
    ERRORS,
    PARTITION,
    UNKNOWN_MONTH,
    month_of,
)
from newsevents.store.writer import collect_rows

Row = dict[str, Any]


def item_row(item: Article | InputFailure, source_file: str) -> Row:
    """The read stage's row for one article, or for the failure read in its place."""
    if isinstance(item, InputFailure):
        return {"source_file": source_file, "input": item.input, "error": item.message,
                "article_id": None, "article": None}
    return {"source_file": source_file, "input": item.id, "error": None,
            "article_id": item.id, "article": json.dumps(item.to_dict(), ensure_ascii=False)}


def analyze_batches(
    batches: Iterator[pa.RecordBatch], *, model: str | None, actors_file: str | None,
    pipeline_version: int, ingested_at: dt.datetime,
) -> Iterator[pa.RecordBatch]:
    """The analysis stage, in a Python worker: item rows in, result rows out.

    The model and lexicon are loaded on the first batch and kept for the worker's life
    (Spark reuses its Python workers across tasks). Each Arrow batch is analysed as the
    local engine analyses a batch: parsed together, in one spaCy memory zone.
    """
    nlp = load_pipeline(model)
    lexicon = worker_lexicon(actors_file)
    schema = to_arrow_schema(result_schema())
    for batch in batches:
        items = batch.to_pylist()
        read = [Article.from_dict(json.loads(item["article"])) for item in items
                if item["error"] is None]
        analyses = iter(analyze_batch(read, nlp=nlp, lexicon=lexicon))
        rows = [result_row(item, None if item["error"] is not None else next(analyses),
                           pipeline_version=pipeline_version, lexicon_version=lexicon.version,
                           ingested_at=ingested_at) for item in items]
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


@cache
def worker_lexicon(actors_file: str | None) -> Lexicon:
    """The lexicon, with the user's actor file that the driver shipped (``addFile``)."""
    return load_lexicon(Path(SparkFiles.get(actors_file)) if actors_file else None)


def result_row(
    item: Row, analysis: Analysis | None, *, pipeline_version: int, lexicon_version: str,
    ingested_at: dt.datetime,
) -> Row:
    """Every table's rows for one item row: its article's analysis, or its error."""
    if item["error"] is not None or analysis is None:
        return _error_result(item, UNKNOWN_MONTH, stage="read", message=item["error"])
    month = month_of(analysis.article.published)
    if analysis.error is not None:
        return _error_result(item, month, stage="analyze", message=analysis.error)
    result = _analysis_result(analysis, month, pipeline_version=pipeline_version,
                              lexicon_version=lexicon_version, ingested_at=ingested_at)
    return {**result, "article_id": analysis.article.id, "source_file": item["source_file"]}


def _analysis_result(
    analysis: Analysis, month: str, *, pipeline_version: int, lexicon_version: str,
    ingested_at: dt.datetime,
) -> Row:
    rows: dict[str, list[Row]] = {table: [] for table in DATASET_TABLES}
    actors: dict[str, Actor] = {}
    collect_rows(analysis, rows, actors, pipeline_version, lexicon_version)
    rows["articles"][0]["ingested_at"] = ingested_at
    rows[ACTOR_ROWS] = [{"article_id": analysis.article.id, **actor_row(actor)}
                        for actor in actors.values()]
    result: Row = {PARTITION: month}
    for table, table_rows in rows.items():
        result[table] = [with_dates(table, row) for row in table_rows]
    return result


def actor_row(actor: Actor) -> Row:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "code": actor.code,
            "country": actor.country, "igo": actor.igo, "sector": actor.sector,
            "title": actor.title, "aliases": list(actor.aliases),
            "provenance": actor.provenance}


def _error_result(item: Row, month: str, *, stage: str, message: str) -> Row:
    result: Row = {PARTITION: month, "article_id": item["article_id"],
                   "source_file": item["source_file"], **{table: [] for table in DATASET_TABLES}}
    result[ERRORS] = [{"article_id": item["article_id"], "input": item["input"],
                       "source_file": item["source_file"], "stage": stage,
                       "message": message}]
    return result


def with_dates(table: str, row: Row) -> Row:
    """``row`` with its DATE columns' ISO strings turned into dates."""
    for name in date_columns(table):
        value = row.get(name)
        if isinstance(value, str):
            row[name] = dt.date.fromisoformat(value)
    return row
