"""Read JSON Lines: one article a line, with the fields of the analysis contract.

``text`` is required and kept exactly; ``id`` is kept as given; ``title``,
``source``, ``url`` and ``published`` are optional. A bad line becomes a failure
naming "path:line N" and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.errors import InputError, NewseventsError, UsageError
from newsevents.ingest.article import make_article
from newsevents.ingest.base import (
    Defaults,
    InputFailure,
    Item,
    NotText,
    decode_utf8,
    one_line,
    parse_published,
)
from newsevents.records import Article

OPTIONAL_FIELDS = ("id", "title", "source", "url", "published")


def parse_line(line: str) -> dict[str, Any]:
    """The JSON object of one line; ``InputError`` when it is not one or lacks a text."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg} (col {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError("not a JSON object")
    if "text" not in record:
        raise InputError('no "text" field')
    if not isinstance(record["text"], str):
        raise InputError('"text" is not a string')
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise InputError(f'"{name}" is not a string')
    if record.get("published"):
        try:
            parse_published(str(record["published"]))
        except UsageError as error:
            raise InputError(f'bad "published": {error}') from None
    return record


def _optional(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return None if value is None or value == "" else str(value)


def article_from_line(line: str, defaults: Defaults) -> Article:
    """Build the article of one JSONL line (``NewseventsError`` when it is bad)."""
    record = parse_line(line)
    return make_article(
        record["text"],
        id=_optional(record, "id"),
        title=_optional(record, "title"),
        source=_optional(record, "source") or defaults.source,
        url=_optional(record, "url"),
        published_given=_optional(record, "published"),
        published_default=defaults.published,
    )


def read_jsonl_bytes(label: str, data: bytes, defaults: Defaults) -> Iterator[Item]:
    """Every article of a JSONL input, a failure in place of each bad line; blank lines skipped."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{label}:line {number}"
        try:
            yield article_from_line(decode_utf8(raw), defaults)
        except (NotText, NewseventsError) as error:
            yield InputFailure(where, one_line(str(error)))


def read_jsonl_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """Every article of a .jsonl file."""
    yield from read_jsonl_bytes(label, path.read_bytes(), defaults)
