"""Reading the lexicon's TSV tables: '#' lines are comments, fields are stripped."""

from __future__ import annotations


def tsv_rows(text: str, columns: int) -> list[list[str]]:
    """Rows of exactly ``columns`` tab-separated fields; a row of another width is an error."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != columns:
            raise ValueError(f"expected {columns} tab-separated fields: {line!r}")
        rows.append(fields)
    return rows
