"""Writing the Spark engine's results into the Parquet dataset, replacing what a re-run redoes.

A run first saves its analyses under ``_staging/`` (so the costly stage runs
once, however many tables are written from it). Then, for every month it
touches (the months of its articles, and the months where those articles
or their errors were stored before), it builds each table's new partition:
the rows of this run plus the stored rows of articles it did not redo. Those
partitions are written under ``_staging/`` too and then swapped into place,
one ``month=`` folder at a time: a dynamic partition overwrite that also
clears a month left empty, so an article whose date changed is not kept twice.

One writer at a time: two runs on the same dataset must not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

from newsevents.engines.spark_schema import table_schema
from newsevents.store.dataset import DATASET_TABLES, ERRORS, MARKER, PARTITION

STAGING = "_staging"
CONCURRENT_WRITES = 4


class DatasetFiles:
    """The dataset folder through Hadoop's FileSystem, so any URI Spark reads works here."""

    def __init__(self, spark: SparkSession, root: str) -> None:
        context: Any = spark.sparkContext  # its JVM handles are typed optional
        self._jvm = context._jvm
        self._root = self._jvm.org.apache.hadoop.fs.Path(root)
        self._fs = self._root.getFileSystem(context._jsc.hadoopConfiguration())
        self.root = self._fs.makeQualified(self._root).toString()

    def uri(self, *parts: str) -> str:
        return "/".join((self.root.rstrip("/"), *parts))

    def _path(self, *parts: str) -> Any:  # a py4j proxy of org.apache.hadoop.fs.Path
        return self._jvm.org.apache.hadoop.fs.Path(self.uri(*parts))

    def exists(self, *parts: str) -> bool:
        return bool(self._fs.exists(self._path(*parts)))

    def delete(self, *parts: str) -> None:
        self._fs.delete(self._path(*parts), True)

    def move(self, source: tuple[str, ...], target: tuple[str, ...]) -> None:
        """Put ``source`` at ``target``, replacing what was there."""
        self.delete(*target)
        self._fs.mkdirs(self._path(*target[:-1]))
        if not self._fs.rename(self._path(*source), self._path(*target)):
            raise OSError(f"could not move {self.uri(*source)} to {self.uri(*target)}")

    def write_text(self, text: str, *parts: str) -> None:
        stream = self._fs.create(self._path(*parts), True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()


def partition_folder(month: str) -> str:
    return f"{PARTITION}={month}"


def stage_results(spark: SparkSession, results: DataFrame, files: DatasetFiles) -> DataFrame:
    """Run the analysis once, saving its rows; returns the saved frame."""
    files.delete(STAGING)
    path = files.uri(STAGING, "results")
    results.write.mode("overwrite").parquet(path)
    return spark.read.parquet(path)


def write_tables(
    spark: SparkSession, staged: DataFrame, files: DatasetFiles, marker: str
) -> None:
    """Merge the staged results into every table of the dataset, then write the marker."""
    ids = staged.where(F.col("article_id").isNotNull()).select("article_id").distinct()
    sources = staged.select("source_file").distinct()
    months = _touched_months(spark, staged, files, ids, sources)
    with ThreadPoolExecutor(CONCURRENT_WRITES) as pool:
        # Each table is a small Spark job: run several at once so their set-up overlaps.
        list(pool.map(lambda table: _stage_table(spark, staged, files, table, months, ids,
                                                 sources), DATASET_TABLES))
    for table in DATASET_TABLES:
        _swap_partitions(files, table, months)
    files.write_text(marker, MARKER)
    files.delete(STAGING)


def _stage_table(
    spark: SparkSession, staged: DataFrame, files: DatasetFiles, table: str, months: list[str],
    ids: DataFrame, sources: DataFrame,
) -> None:
    """Write the new partitions of one table's touched months under ``_staging/``."""
    rows = _new_rows(staged, table)
    if files.exists(table):
        rows = rows.unionByName(_kept_rows(spark, files, table, months, ids, sources))
    rows.write.mode("overwrite").partitionBy(PARTITION).parquet(files.uri(STAGING, table))


def _new_rows(staged: DataFrame, table: str) -> DataFrame:
    return staged.select(PARTITION, F.explode(table).alias("row")).select("row.*", PARTITION)


def _stored(spark: SparkSession, files: DatasetFiles, table: str) -> DataFrame:
    # A new schema: StructType.add would change the cached one in place.
    schema = StructType([*table_schema(table).fields, StructField(PARTITION, StringType())])
    return spark.read.schema(schema).parquet(files.uri(table))


def _touched_months(
    spark: SparkSession, staged: DataFrame, files: DatasetFiles, ids: DataFrame,
    sources: DataFrame,
) -> list[str]:
    """The months this run writes, and those where its articles or errors were stored."""
    frames = [staged.select(PARTITION)]
    if files.exists("articles"):
        stored = _stored(spark, files, "articles").withColumnRenamed("id", "article_id")
        frames.append(stored.join(ids, "article_id", "left_semi").select(PARTITION))
    if files.exists(ERRORS):
        errors = _stored(spark, files, ERRORS)
        frames.append(_replaced(errors, ids, sources).select(PARTITION))
    touched = frames[0]
    for frame in frames[1:]:
        touched = touched.unionByName(frame)
    return sorted(row[PARTITION] for row in touched.distinct().collect())


def _kept_rows(
    spark: SparkSession, files: DatasetFiles, table: str, months: list[str], ids: DataFrame,
    sources: DataFrame,
) -> DataFrame:
    """The stored rows of the touched months that this run does not replace."""
    stored = _stored(spark, files, table).where(F.col(PARTITION).isin(months))
    if table == ERRORS:
        return stored.join(ids, "article_id", "left_anti").join(sources, "source_file",
                                                                 "left_anti")
    key = "id" if table == "articles" else "article_id"
    return stored.join(ids.withColumnRenamed("article_id", key), key, "left_anti")


def _replaced(errors: DataFrame, ids: DataFrame, sources: DataFrame) -> DataFrame:
    """Stored errors this run answers: of an article it redid, or of a file it read again."""
    of_ids = errors.join(ids, "article_id", "left_semi")
    of_sources = errors.join(sources, "source_file", "left_semi")
    return of_ids.unionByName(of_sources).distinct()


def _swap_partitions(files: DatasetFiles, table: str, months: Iterable[str]) -> None:
    for month in months:
        target = (table, partition_folder(month))
        staged = (STAGING, table, partition_folder(month))
        if files.exists(*staged):
            files.move(staged, target)
        else:
            files.delete(*target)
