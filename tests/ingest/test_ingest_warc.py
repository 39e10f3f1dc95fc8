"""WARC input: every HTML response record is an article; other records are skipped."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.ingest import InputFailure, read_inputs
from newsevents.records import Article

STORY = (
    "<html><head><title>Talks in Geneva</title></head><body><article><p>"
    + "Diplomats from both countries met in Geneva on Monday to discuss a ceasefire, "
    "officials said, and agreed to meet again next week. " * 3
    + "</p></article></body></html>"
).encode("utf-8")
EMPTY_PAGE = b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>"


def add_response(writer: WARCWriter, uri: str, content_type: str, payload: bytes) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                       http_headers=headers)
    writer.write_record(record)


def build_warc(path: Path, gzip: bool) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        add_response(writer, "https://example.com/2019/01/08/talks", "text/html; charset=utf-8",
                     STORY)
        add_response(writer, "https://example.com/logo.png", "image/png", b"\x89PNG\x00\x00")
        add_response(writer, "https://example.com/menu", "text/html", EMPTY_PAGE)
        request = writer.create_warc_record("https://example.com/", "request",
                                            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
    return path


def test_html_responses_are_read_and_other_records_skipped(tmp_path: Path) -> None:
    for name, gzip in (("a.warc.gz", True), ("a.warc", False)):
        path = build_warc(tmp_path / name, gzip)
        items = list(read_inputs([str(path)]))
        assert [type(i) for i in items] == [Article, InputFailure], name
        article, failure = items
        assert isinstance(article, Article) and isinstance(failure, InputFailure)
        assert article.text.startswith("Diplomats from both countries met in Geneva")
        assert article.url == "https://example.com/2019/01/08/talks"
        assert article.title == "Talks in Geneva"
        assert failure == InputFailure(f"{path}#record 4", "no main text found")


def test_not_a_warc_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n")
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, InputFailure)
    assert failure.input == str(path)
    assert failure.message.startswith("not a WARC file")
