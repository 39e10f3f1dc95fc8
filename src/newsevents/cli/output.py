"""One output helper for every listing: --format table|json|jsonl|csv."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsevents.cli.common import OutputFormat

# Long free-text columns are cut in tables (never in json/jsonl/csv).
_TABLE_CELL_LIMIT = 60
# Identifiers are copied into other commands, so they are never wrapped.
_UNWRAPPED = frozenset({"id", "published", "when", "code"})


def emit_rows(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    empty: str = "nothing found",
    console: Console | None = None,
    table_columns: Sequence[str] | None = None,
) -> None:
    """Print ``rows`` in ``fmt``; a table says ``empty`` when there are none.

    ``table_columns`` narrows the table to what fits a terminal; the machine formats
    always carry every column.
    """
    if fmt is OutputFormat.json:
        print(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
    elif fmt is OutputFormat.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt is OutputFormat.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    else:
        shown = [_narrowed(row, table_columns) for row in rows]
        (console or Console()).print(rows_table(shown, title=title) if rows
                                     else f"[dim]{empty}[/]")


def _narrowed(row: dict[str, Any], columns: Sequence[str] | None) -> dict[str, Any]:
    return row if columns is None else {name: row.get(name) for name in columns}


def rows_table(rows: Sequence[dict[str, Any]], *, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in rows[0]:
        # Words break between letters below their header's width, which reads badly.
        table.add_column(name, overflow="fold", no_wrap=name in _UNWRAPPED,
                         min_width=min(len(name), 10))
    for row in rows:
        table.add_row(*(Text(_cell(v)) for v in row.values()))
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if len(text) > _TABLE_CELL_LIMIT:
        return text[: _TABLE_CELL_LIMIT - 1] + "…"
    return text
