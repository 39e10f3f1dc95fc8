"""Spark schemas of the Spark engine's frames, derived from the DuckDB store's schema.

Deriving them keeps the Parquet dataset's columns the store's columns, so the
DuckDB views of ``newsevents.store.dataset`` read it back with the same types.
"""

from __future__ import annotations

from functools import cache

from pyspark.sql import types as T

from newsevents.store.dataset import DATASET_TABLES, PARTITION, table_columns

_SCALARS: dict[str, T.DataType] = {
    "VARCHAR": T.StringType(),
    "INTEGER": T.IntegerType(),
    "BIGINT": T.LongType(),
    "UBIGINT": T.LongType(),  # MinHash values stay below 2**32
    "DOUBLE": T.DoubleType(),
    "BOOLEAN": T.BooleanType(),
    "DATE": T.DateType(),
    "TIMESTAMP": T.TimestampNTZType(),  # DuckDB's TIMESTAMP has no time zone
}


def spark_type(duckdb_type: str) -> T.DataType:
    """The Spark type of a DuckDB column type (lists of lists included)."""
    if duckdb_type.endswith("[]"):
        return T.ArrayType(spark_type(duckdb_type[:-2]))
    try:
        return _SCALARS[duckdb_type]
    except KeyError:
        raise ValueError(f"no Spark type for DuckDB type {duckdb_type}") from None


@cache
def table_schema(table: str) -> T.StructType:
    """The columns of one dataset table (without the month partition)."""
    return T.StructType([T.StructField(name, spark_type(kind))
                         for name, kind in table_columns(table)])


@cache
def date_columns(table: str) -> tuple[str, ...]:
    """The DATE columns of a table: their ISO strings become dates on the way to Arrow."""
    return tuple(name for name, kind in table_columns(table) if kind == "DATE")


@cache
def item_schema() -> T.StructType:
    """What the read stage yields per input item: an article (the JSON of its record,
    which ``Article.from_dict`` rebuilds exactly) or, in ``error``, the failure that stood
    in its place."""
    return T.StructType([
        T.StructField("source_file", T.StringType()),
        T.StructField("input", T.StringType()),
        T.StructField("error", T.StringType()),
        T.StructField("article_id", T.StringType()),
        T.StructField("article", T.StringType()),
    ])


@cache
def result_schema() -> T.StructType:
    """What the analysis stage yields per item: its month, article id (when read), the file
    it came from, and its rows of every table."""
    return T.StructType([
        T.StructField(PARTITION, T.StringType()),
        T.StructField("article_id", T.StringType()),
        T.StructField("source_file", T.StringType()),
        *(T.StructField(table, T.ArrayType(table_schema(table))) for table in DATASET_TABLES),
    ])
