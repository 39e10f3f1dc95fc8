"""What every reader shares: the failure record, the user's defaults, decoding, dates.

A reader yields an ``InputFailure`` in place of an article it cannot read, so one
bad input never stops a batch (DESIGN.md, "Conventions").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsevents.errors import UsageError
from newsevents.records import Article

UTF8_BOM = "\ufeff"


@dataclass(frozen=True)
class InputFailure:
    """An input (or one line / record / entry of it) that yielded no article."""

    input: str  # the path, or "path:line 7", "path#record 3", "<stdin>"
    message: str  # one line, no traceback


Item = Article | InputFailure  # what every reader yields


@dataclass(frozen=True)
class Defaults:
    """What the user gave on the command line, used where an input says nothing."""

    published: str | None = None  # --published, already validated
    source: str | None = None  # --source


class NotText(ValueError):
    """Bytes that are not UTF-8 text (binary or another encoding)."""


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 bytes exactly, dropping a leading BOM; raise ``NotText`` otherwise."""
    if b"\x00" in data:
        raise NotText("not UTF-8 text (binary data)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotText(f"not UTF-8 text (bad byte at offset {error.start})") from None
    return text.removeprefix(UTF8_BOM)


def parse_published(value: str) -> str:
    """Validate a --published value: 'YYYY-MM-DD' (or an ISO 8601 timestamp) → 'YYYY-MM-DD'.

    Raises ``UsageError`` with one line otherwise.
    """
    cleaned = value.strip()
    try:
        if len(cleaned) == 10:
            return dt.date.fromisoformat(cleaned).isoformat()
        if len(cleaned) > 10 and cleaned[10] in "T ":
            return dt.datetime.fromisoformat(cleaned.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    raise UsageError(f"not a date (expected YYYY-MM-DD): {value!r}")


def one_line(message: str) -> str:
    """Squeeze a message (an exception's text) onto one line."""
    return " ".join(message.split()) or "unknown error"
