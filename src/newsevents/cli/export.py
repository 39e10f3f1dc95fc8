"""``export``: the whole store as JSON Lines (the analysis contract) or Parquet files."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsevents import settings
from newsevents.cli.common import DbOption, stderr, user_errors
from newsevents.errors import UsageError
from newsevents.store import Store


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


@user_errors
def export_command(
    out: Annotated[str, typer.Option("--out", "-o", help="jsonl: a file, or - for stdout; "
                                                         "parquet: a folder (one file per "
                                                         "table).")],
    db: DbOption = settings.DB.default,  # type: ignore[assignment]
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False,
                                                        help="jsonl or parquet.")] =
    ExportFormat.jsonl,
) -> None:
    """Export the database as JSON Lines (the analysis contract) or Parquet files.

    jsonl gives one analysis-contract object per article; parquet one file per table,
    for Spark, pandas or DuckDB.

    Example: newsevents export --format parquet --out export/
    """
    with Store.open(db, read_only=True) as store:
        if export_format is ExportFormat.parquet:
            if out == "-":
                raise UsageError("--out: parquet export needs a folder, not stdout")
            files = store.export_parquet(Path(out))
            stderr.print(f"wrote {len(files)} Parquet files to {out}", markup=False)
        elif out == "-":
            store.export_jsonl(sys.stdout)
        else:
            try:
                with open(out, "w", encoding="utf-8") as handle:
                    count = store.export_jsonl(handle)
            except OSError as exc:
                raise UsageError(f"--out {out}: {exc.strerror}") from None
            stderr.print(f"wrote {count} articles to {out}", markup=False)
