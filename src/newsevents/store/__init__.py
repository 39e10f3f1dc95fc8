"""The DuckDB store: one file holding every article, record and actor.

``Store`` is the library's handle on it: open (creating or migrating the
schema), write analyses in batches, and query. Errors a user can cause (a
locked, corrupt or too-new file) raise ``StoreError`` with one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import duckdb

from newsevents.errors import StoreError
from newsevents.records import Analysis, Article
from newsevents.store import queries
from newsevents.store.dataset import is_dataset, open_dataset
from newsevents.store.export import export_jsonl, export_parquet
from newsevents.store.queries import Filters
from newsevents.store.reader import article_from_row, load_analysis, load_article
from newsevents.store.schema import migrate
from newsevents.store.writer import write_batch

DEFAULT_DB = "newsevents.duckdb"

__all__ = ["DEFAULT_DB", "Filters", "Store"]


class Store:
    """An open newsevents database."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
        """Open (or create) the database at ``path``; ``":memory:"`` for a throwaway one.

        A folder is a Parquet dataset written by the Spark engine: read-only here.
        """
        name = str(path)
        if is_dataset(name):
            if not read_only:
                raise StoreError(f"{name}: a Parquet dataset folder is read-only here; "
                                 "write it with `newsevents ingest --engine spark`")
            return cls(open_dataset(name), name)
        if read_only and name != ":memory:" and not Path(name).exists():
            raise StoreError(f"{name}: no such database (run `newsevents ingest` first)")
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{name}: cannot open database: {_first_line(exc)}") from None
        try:
            if not read_only:
                migrate(con, name)
            else:
                _check_readable(con, name)
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"{name}: cannot use database: {_first_line(exc)}") from None
        except StoreError:
            con.close()
            raise
        return cls(con, name)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # writing

    def write(
        self, analyses: Sequence[Analysis], *, pipeline_version: int, lexicon_version: str
    ) -> None:
        """Store a batch in one transaction; an article already stored is replaced."""
        try:
            write_batch(self.con, analyses, pipeline_version=pipeline_version,
                        lexicon_version=lexicon_version)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: write failed: {_first_line(exc)}") from None

    def stored_versions(self, ids: Sequence[str]) -> dict[str, tuple[str, int, str]]:
        """For each stored id among ``ids``: (content hash, pipeline version, lexicon version)."""
        rows = self.con.execute(
            "SELECT id, content_hash, pipeline_version, lexicon_version FROM articles"
            " WHERE id IN (SELECT unnest(?))", [list(ids)],
        ).fetchall()
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def stale_articles(self, *, pipeline_version: int, lexicon_version: str) -> list[Article]:
        """Stored articles analysed by an older pipeline or another lexicon."""
        cursor = self.con.execute(
            "SELECT * FROM articles WHERE pipeline_version < ? OR lexicon_version <> ?"
            " ORDER BY id", [pipeline_version, lexicon_version],
        )
        names = [d[0] for d in cursor.description]
        return [article_from_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    # reading

    def article(self, article_id: str) -> Article | None:
        return load_article(self.con, article_id)

    def analysis(self, article_id: str) -> Analysis | None:
        return load_analysis(self.con, article_id)

    def resolve_article_id(self, prefix: str) -> str | None:
        """The full id of the one article whose id starts with ``prefix``."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE starts_with(id, ?) ORDER BY id LIMIT 2", [prefix]
        ).fetchall()
        if len(rows) == 1 or (rows and rows[0][0] == prefix):
            return rows[0][0]
        if len(rows) > 1:
            raise StoreError(f"article id prefix {prefix!r} is ambiguous; give more characters")
        return None

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_articles(self.con, Filters(**filters))

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_events(self.con, Filters(**filters))

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_actors(self.con, Filters(**filters))

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_quotes(self.con, Filters(**filters))

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        return queries.corpus_stats(self.con, top=top)

    def export_jsonl(self, out: TextIO) -> int:
        return export_jsonl(self.con, out)

    def export_parquet(self, folder: Path) -> list[Path]:
        return export_parquet(self.con, folder)


def _check_readable(con: duckdb.DuckDBPyConnection, path: str) -> None:
    from newsevents.store.schema import SCHEMA_VERSION, stored_version

    version = stored_version(con)
    if version == 0:
        raise StoreError(f"{path}: not a newsevents database (no schema version)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: database schema version {version} is newer than this "
                         f"newsevents understands ({SCHEMA_VERSION}); upgrade newsevents")
    if version < SCHEMA_VERSION:
        raise StoreError(f"{path}: database schema version {version} is older; open it "
                         "for writing once (e.g. `newsevents ingest`) to migrate it")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
