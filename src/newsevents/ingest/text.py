"""Read a plain-text article (.txt file or stdin): the whole file is one article.

The text is the file's contents exactly (UTF-8, a BOM dropped); nothing is
normalised, so every span indexes the file as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsevents.errors import NewseventsError
from newsevents.ingest.article import make_article
from newsevents.ingest.base import Defaults, InputFailure, Item, NotText, decode_utf8, one_line


def read_text_bytes(label: str, data: bytes, defaults: Defaults) -> Iterator[Item]:
    """One article from the bytes of a plain-text input, or its failure."""
    try:
        text = decode_utf8(data)
        yield make_article(
            text, source=defaults.source, published_default=defaults.published
        )
    except (NotText, NewseventsError) as error:
        yield InputFailure(label, one_line(str(error)))


def read_text_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """One article from a .txt file."""
    yield from read_text_bytes(label, path.read_bytes(), defaults)
