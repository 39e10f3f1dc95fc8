"""The Spark engine's read stage: INPUT arguments to a frame of item rows.

What scales decides the route of each input:

- JSON Lines go through Spark's text source, which splits a large file across
  tasks; each line becomes an article in a Python worker.
- Parquet files or folders go through Spark's Parquet source (columns ``text``,
  and optionally ``id``, ``title``, ``source``, ``url``, ``published``), each row
  checked by the same rules as a JSON line.
- Every other file (text, HTML, WARC, feeds) is one task reading it with the
  package's own reader, so those paths must be visible to every worker.

Folders are listed on the driver. A path that is a URI (``hdfs://``,
``s3a://`` ...) is read by Spark directly and must name .jsonl or .parquet data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial, reduce
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import to_arrow_schema

from newsevents.engines.spark_rows import item_row
from newsevents.engines.spark_schema import item_schema
from newsevents.errors import NewseventsError
from newsevents.ingest import InputFailure, folder_files, format_of, read_file
from newsevents.ingest.base import Defaults, NotText, one_line
from newsevents.ingest.jsonl import OPTIONAL_FIELDS, article_from_line
from newsevents.records import Article

PARQUET = ".parquet"
JSONL = ".jsonl"
PREVIEW_CHARS = 40


@dataclass
class Routes:
    """The inputs sorted by how Spark reads them."""

    jsonl: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)


def plan_inputs(inputs: Sequence[str]) -> Routes:
    """Sort INPUT arguments (files, folders, URIs) into the three read routes."""
    routes = Routes()
    for name in inputs:
        if "://" in name:
            _route_uri(name, routes)
        elif Path(name).is_dir():
            _route_folder(Path(name), name, routes)
        elif Path(name).exists():
            _route_file(Path(name), routes)
        else:
            routes.failures.append(InputFailure(name, "no such file or directory"))
    return routes


def _route_uri(name: str, routes: Routes) -> None:
    suffix = Path(urlsplit(name).path.rstrip("/")).suffix.lower()
    if suffix == JSONL:
        routes.jsonl.append(name)
    elif suffix == PARQUET:
        routes.parquet.append(name)
    else:
        routes.failures.append(InputFailure(name, "a URI input must name .jsonl or .parquet data"))


def _route_file(path: Path, routes: Routes) -> None:
    kind = path.name.lower()
    if kind.endswith(PARQUET):
        routes.parquet.append(str(path))
    elif format_of(path) == JSONL:
        routes.jsonl.append(str(path))
    else:
        routes.files.append(str(path))


def _route_folder(folder: Path, label: str, routes: Routes) -> None:
    try:
        found = [*folder_files(folder), *sorted(folder.rglob(f"*{PARQUET}"))]
    except OSError as error:
        routes.failures.append(InputFailure(label, one_line(error.strerror or str(error))))
        return
    if not found:
        routes.failures.append(InputFailure(label, "no articles found"))
    for path in found:
        if path.is_file():
            _route_file(path, routes)


def items_frame(spark: SparkSession, routes: Routes, defaults: Defaults) -> DataFrame:
    """One item row per article (or failure) of every routed input."""
    frames = []
    if routes.jsonl:
        lines = spark.read.text(routes.jsonl).select(
            F.col("value").alias("line"), F.col("_metadata.file_path").alias("source_file"))
        frames.append(lines.mapInArrow(partial(jsonl_items, defaults=defaults), item_schema()))
    for path in routes.parquet:
        frames.append(_parquet_items(spark, path, defaults))
    if routes.files:
        paths = spark.createDataFrame([(p,) for p in routes.files], "path string")
        paths = paths.repartition(min(len(routes.files), spark.sparkContext.defaultParallelism))
        frames.append(paths.mapInArrow(partial(file_items, defaults=defaults), item_schema()))
    if routes.failures:
        rows = [item_row(failure, failure.input) for failure in routes.failures]
        frames.append(spark.createDataFrame(rows, item_schema()))
    if not frames:
        return spark.createDataFrame([], item_schema())
    return reduce(DataFrame.unionByName, frames)


def _parquet_items(spark: SparkSession, path: str, defaults: Defaults) -> DataFrame:
    table = spark.read.parquet(path)
    if "text" not in table.columns:
        failure = InputFailure(path, 'no "text" column')
        return spark.createDataFrame([item_row(failure, path)], item_schema())
    wanted = ["text", *(name for name in OPTIONAL_FIELDS if name in table.columns)]
    fields = (F.col(name).cast("string").alias(name) for name in wanted)
    records = table.select(F.to_json(F.struct(*fields)).alias("line"),
                           F.col("_metadata.file_path").alias("source_file"))
    return records.mapInArrow(partial(jsonl_items, defaults=defaults), item_schema())


def jsonl_items(batches: Iterator[pa.RecordBatch], defaults: Defaults) -> Iterator[pa.RecordBatch]:
    """Item rows of JSON lines (``line``, ``source_file``); blank lines are skipped."""
    schema = to_arrow_schema(item_schema())
    for batch in batches:
        rows = []
        for line, uri in zip(batch.column("line").to_pylist(),
                             batch.column("source_file").to_pylist(), strict=True):
            if line is None or not line.strip():
                continue
            source_file = local_path(uri)
            rows.append(item_row(_line_item(line, source_file, defaults), source_file))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _line_item(line: str, source_file: str, defaults: Defaults) -> Article | InputFailure:
    try:
        return article_from_line(line.removeprefix("\ufeff"), defaults)
    except (NotText, NewseventsError) as error:
        preview = json.dumps(line.strip()[:PREVIEW_CHARS], ensure_ascii=False)
        return InputFailure(f"{source_file}: line {preview}", one_line(str(error)))


def file_items(batches: Iterator[pa.RecordBatch], defaults: Defaults) -> Iterator[pa.RecordBatch]:
    """Item rows of whole files (``path``), each read by the package's reader for its format."""
    schema = to_arrow_schema(item_schema())
    for batch in batches:
        for path in batch.column("path").to_pylist():
            rows = [item_row(item, path) for item in read_file(Path(path), path, defaults)]
            yield pa.RecordBatch.from_pylist(rows, schema=schema)


def local_path(uri: str) -> str:
    """A ``file:`` URI as the plain path a user typed; other URIs unchanged."""
    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme == "file" else uri
