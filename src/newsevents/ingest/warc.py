"""Read a web archive (.warc, .warc.gz) with warcio: each HTML response is an article.

Records other than ``response`` records with an HTML Content-Type are skipped.
The target URI is the article's URL when the page names no canonical URL. A
failing record becomes a failure naming "path#record N" (N counts every
record from 1), and reading goes on.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsevents.ingest.base import Defaults, InputFailure, Item, one_line
from newsevents.ingest.html import html_article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_html_response(record: ArcWarcRecord) -> bool:
    """A ``response`` record whose HTTP Content-Type is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def record_article(where: str, record: ArcWarcRecord, defaults: Defaults) -> Item:
    """The article of one HTML response record; the target URI is its fallback URL."""
    try:
        data = record.content_stream().read()
    except (OSError, ValueError, EOFError, zlib.error) as error:
        return InputFailure(where, f"unreadable record: {one_line(str(error))}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return html_article(where, data, defaults, url=url)


def _bad_record(label: str, number: int, reason: str) -> InputFailure:
    if number == 1:
        return InputFailure(label, f"not a WARC file: {reason}")
    return InputFailure(f"{label}#record {number}", f"bad WARC record: {reason}")


def read_warc_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """Every HTML page of a WARC file, in record order."""
    found = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for number in itertools.count(1):
            where = f"{label}#record {number}"
            try:
                record = next(records, None)
            except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as error:
                yield _bad_record(label, number, one_line(str(error)))
                return
            if record is None:
                break
            if record.format != "warc":  # warcio also reads ARC, and text shaped like it
                yield _bad_record(label, number, f"{record.format} record")
                return
            if is_html_response(record):
                found += 1
                yield record_article(where, record, defaults)
    if not found:
        yield InputFailure(label, "no articles found (no HTML responses)")
