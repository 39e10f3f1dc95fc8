"""Input readers: turn files, folders, JSONL, HTML, WARC, feeds and stdin into Articles.

``read_inputs`` yields every article of every input in order; an input (or a
line, record or entry of it) that cannot be read yields an ``InputFailure`` in
its place and reading goes on. Each format has its own module; which module
reads a path is decided by its extension (``READERS``).
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsevents.ingest.article import make_article
from newsevents.ingest.base import Defaults, InputFailure, Item, one_line, parse_published
from newsevents.ingest.feed import looks_like_feed, read_feed_file
from newsevents.ingest.html import read_html_file
from newsevents.ingest.jsonl import read_jsonl_bytes, read_jsonl_file
from newsevents.ingest.text import read_text_bytes, read_text_file
from newsevents.ingest.warc import read_warc_file
from newsevents.records import Article

__all__ = ["InputFailure", "make_article", "parse_published", "read_inputs"]

Reader = Callable[[Path, str, Defaults], Iterator[Item]]

STDIN = "-"
STDIN_LABEL = "<stdin>"
SNIFF_BYTES = 1024
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,  # in a folder, only when it sniffs as a feed
}


def format_of(path: Path) -> str:
    """The extension that picks the reader: ".warc.gz" or the last suffix, lower-cased."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def read_sniffed_bytes(label: str, data: bytes, defaults: Defaults) -> Iterator[Item]:
    """JSONL when the first non-blank character is "{", else one plain-text article."""
    if data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        yield from read_jsonl_bytes(label, data, defaults)
    else:
        yield from read_text_bytes(label, data, defaults)


def read_unknown_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """A file named on the command line with an extension we do not know: sniff it."""
    yield from read_sniffed_bytes(label, path.read_bytes(), defaults)


def is_article_file(path: Path) -> bool:
    """Whether a file found in a folder is one we read (an .xml file only if it is a feed)."""
    kind = format_of(path)
    if kind not in READERS:
        return False
    if kind != ".xml":
        return True
    try:
        with path.open("rb") as stream:
            return looks_like_feed(stream.read(SNIFF_BYTES))
    except OSError:
        return True  # let the reader report it


def folder_files(folder: Path) -> list[Path]:
    """The article files under ``folder``, recursively, in sorted path order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_article_file(p))


def _os_message(error: OSError) -> str:
    return one_line(error.strerror or str(error)).lower()


def read_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """Every article of one file, by its format; an OS error becomes a failure."""
    reader = READERS.get(format_of(path), read_unknown_file)
    try:
        yield from reader(path, label, defaults)
    except OSError as error:
        yield InputFailure(label, _os_message(error))


def read_folder(folder: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """Every article of every article file under ``folder``."""
    try:
        files = folder_files(folder)
    except OSError as error:
        yield InputFailure(label, _os_message(error))
        return
    if not files:
        yield InputFailure(label, "no articles found")
    for path in files:
        yield from read_file(path, str(path), defaults)


def read_stdin(stdin: typing.BinaryIO | None, defaults: Defaults) -> Iterator[Item]:
    """The articles of standard input (JSONL or one plain-text article)."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as error:
        yield InputFailure(STDIN_LABEL, _os_message(error))
        return
    yield from read_sniffed_bytes(STDIN_LABEL, data, defaults)


def read_input(name: str, defaults: Defaults, stdin: typing.BinaryIO | None) -> Iterator[Item]:
    """Every article of one INPUT argument: "-", a folder or a file."""
    if name == STDIN:
        yield from read_stdin(stdin, defaults)
        return
    path = Path(name)
    if path.is_dir():
        yield from read_folder(path, name, defaults)
    elif path.exists():
        yield from read_file(path, name, defaults)
    else:
        yield InputFailure(name, "no such file or directory")


def read_inputs(
    inputs: Sequence[str],
    *,
    published: str | None = None,
    source: str | None = None,
    stdin: typing.BinaryIO | None = None,
) -> Iterator[Article | InputFailure]:
    """Yield every article of every input, in order.

    A failure is yielded in its place and reading goes on.
    """
    defaults = Defaults(published=published, source=source)
    for name in inputs:
        yield from read_input(name, defaults, stdin)
