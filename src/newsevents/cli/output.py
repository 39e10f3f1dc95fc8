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
_UNWRAPPED = frozenset({"id", "article_id", "published", "when", "code"})


def emit_rows(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    empty: str = "nothing found",
    console: Console | None = None,
) -> None:
    """Print ``rows`` in ``fmt``; a table says ``empty`` when there are none."""
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
        (console or Console()).print(rows_table(rows, title=title) if rows else f"[dim]{empty}[/]")


def rows_table(rows: Sequence[dict[str, Any]], *, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in rows[0]:
        table.add_column(name, overflow="fold", no_wrap=name in _UNWRAPPED)
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
