"""A Parquet dataset (what the Spark engine writes) opened through DuckDB views.

The dataset is a folder with one sub-folder per record table, each partitioned
by publication month (``month=YYYY-MM``, ``month=unknown``), and a marker file
naming its layout. Opening it gives an in-memory DuckDB connection in which
every table of the store's schema exists under its usual name, as a view over
the Parquet files cast to the store's column types, so every query of the
DuckDB store runs unchanged. Nothing is ever written to the dataset from here.

Two tables differ from the DuckDB file: ``actors`` is stored once per article
that names the actor (``article_id`` added) and the view folds those rows into
one per actor, and an ``errors`` table lists the articles that failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb

from newsevents.errors import StoreError
from newsevents.store.schema import ARTICLE_TABLES, SCHEMA_VERSION, migrate

MARKER = "_newsevents.json"
LAYOUT = "newsevents-parquet"
PARTITION = "month"
UNKNOWN_MONTH = "unknown"

# Folders the Spark engine writes; ``actor_rows`` and ``errors`` have no DuckDB-file twin.
ACTOR_ROWS = "actor_rows"
ERRORS = "errors"
RECORD_TABLES = ("articles", *ARTICLE_TABLES)
DATASET_TABLES = (*RECORD_TABLES, ACTOR_ROWS, ERRORS)
ERROR_COLUMNS = (
    ("article_id", "VARCHAR"), ("input", "VARCHAR"), ("source_file", "VARCHAR"),
    ("stage", "VARCHAR"), ("message", "VARCHAR"),
)


def month_of(published: str | None) -> str:
    """The partition of an article: its publication month, or ``unknown``."""
    return published[:7] if published else UNKNOWN_MONTH


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a folder (a dataset, or meant to be one) rather than a DuckDB file."""
    return Path(path).is_dir()


def marker_text(pipeline_version: int, lexicon_version: str) -> str:
    """The marker file's content: the layout and the versions that wrote it."""
    return json.dumps({"layout": LAYOUT, "schema_version": SCHEMA_VERSION,
                       "pipeline_version": pipeline_version,
                       "lexicon_version": lexicon_version}, indent=2) + "\n"


def table_columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column a dataset table holds, in order."""
    if table == ERRORS:
        return list(ERROR_COLUMNS)
    con = duckdb.connect(":memory:")
    try:
        migrate(con, ":memory:")
        source = "actors" if table == ACTOR_ROWS else table
        columns = [(row[0], row[1]) for row in con.execute(f"DESCRIBE {source}").fetchall()]
    finally:
        con.close()
    return [("article_id", "VARCHAR"), *columns] if table == ACTOR_ROWS else columns


def open_dataset(path: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection whose tables are views over the dataset at ``path``."""
    folder = Path(path)
    _check_marker(folder)
    con = duckdb.connect(":memory:")
    try:
        migrate(con, ":memory:")
        for table in RECORD_TABLES:
            _view_if_written(con, folder, table, table)
        _view_if_written(con, folder, ACTOR_ROWS, ACTOR_ROWS, create=True)
        con.execute(f"DROP TABLE actors; CREATE VIEW actors AS {_FOLDED_ACTORS}")
        _view_if_written(con, folder, ERRORS, ERRORS, create=True)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{folder}: cannot read dataset: {_first_line(exc)}") from None
    return con


def _check_marker(folder: Path) -> None:
    marker = folder / MARKER
    try:
        facts = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{folder}: a folder, but not a newsevents dataset (no {MARKER}; "
                         "write one with `newsevents ingest --engine spark`)") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{folder}: unreadable {MARKER}: {_first_line(exc)}") from None
    if not isinstance(facts, dict) or facts.get("layout") != LAYOUT:
        raise StoreError(f"{folder}: {MARKER} does not describe a {LAYOUT} dataset")
    version = facts.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError(f"{folder}: dataset schema version {version} is newer than this "
                         f"newsevents understands ({SCHEMA_VERSION}); upgrade newsevents")


def parquet_files(folder: Path) -> Iterator[Path]:
    """The data files of one table folder (Spark's _SUCCESS and .crc files left out)."""
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith("."))


def _view_if_written(
    con: duckdb.DuckDBPyConnection, folder: Path, table: str, name: str, *, create: bool = False
) -> None:
    """Replace the empty table ``name`` by a view over ``folder/table`` when it holds files.

    With ``create``, the table is not in the store's schema and is made empty first.
    """
    columns = table_columns(table)
    if create:
        listed = ", ".join(f'"{column}" {kind}' for column, kind in columns)
        con.execute(f"CREATE TABLE {name} ({listed})")
    if next(parquet_files(folder / table), None) is None:
        return
    pattern = _sql_string(str(folder / table / "**" / "*.parquet"))
    casts = ", ".join(f'CAST("{column}" AS {kind}) AS "{column}"' for column, kind in columns)
    con.execute(f"DROP TABLE {name}")
    con.execute(f"CREATE VIEW {name} AS SELECT {casts} FROM read_parquet({pattern}, "
                "hive_partitioning = true, union_by_name = true)")


# One row per actor: the facts of its first row (by article id), every alias seen.
_FOLDED_ACTORS = f"""
SELECT id, first.name AS name, first.kind AS kind, first.code AS code,
       first.country AS country, first.igo AS igo, first.sector AS sector,
       first.title AS title, aliases, first.provenance AS provenance
FROM (
    SELECT id,
           arg_min({{'name': name, 'kind': kind, 'code': code, 'country': country, 'igo': igo,
                     'sector': sector, 'title': title, 'provenance': provenance}},
                   article_id) AS first,
           list_sort(list_distinct(flatten(list(coalesce(aliases, [])))))::VARCHAR[] AS aliases
    FROM {ACTOR_ROWS} GROUP BY id
)
"""


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
