"""Exports of the store: the analysis contract as JSON Lines, every table as Parquet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import duckdb

from newsevents.store.reader import load_analysis
from newsevents.store.schema import ARTICLE_TABLES

PARQUET_TABLES = ("articles", "actors", *ARTICLE_TABLES, "stories", "story_articles")


def article_ids(con: duckdb.DuckDBPyConnection) -> Iterator[str]:
    for (article_id,) in con.execute(
        "SELECT id FROM articles ORDER BY published NULLS LAST, id"
    ).fetchall():
        yield article_id


def export_jsonl(con: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    """One analysis-contract object per stored article; returns how many were written."""
    count = 0
    for article_id in list(article_ids(con)):
        analysis = load_analysis(con, article_id)
        if analysis is None:
            continue
        out.write(json.dumps(analysis.contract_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    """One Parquet file per table in ``folder`` (created if needed); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in PARQUET_TABLES:
        path = folder / f"{table}.parquet"
        con.execute(f"COPY {table} TO '{_sql_path(path)}' (FORMAT parquet)")
        written.append(path)
    return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
