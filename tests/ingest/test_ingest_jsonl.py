"""JSONL input: one article a line, bad lines reported in place."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsevents.ingest import InputFailure, read_inputs
from newsevents.records import Article

FIRST = {"id": "kept-1", "text": "Kim arrived in Beijing on Tuesday.", "source": "Wire",
         "title": "Kim in Beijing", "url": "https://example.com/kim", "published": "2019-01-08"}
SECOND = {"text": "  Xi  is said to plan a visit.\n"}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fields_are_read_and_the_id_is_kept(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps(FIRST), json.dumps(SECOND)])
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "kept-1"
    assert (first.title, first.source, first.url) == ("Kim in Beijing", "Wire", FIRST["url"])
    assert (first.published, first.published_how) == ("2019-01-08", "given")
    assert second.text == SECOND["text"]
    assert second.id.startswith("a") and len(second.id) == 17


def test_bad_line_is_a_failure_and_the_other_lines_still_come(tmp_path: Path) -> None:
    lines = [json.dumps(FIRST), '{"text": "broken" "id": 2}', "", json.dumps(SECOND)]
    path = write_jsonl(tmp_path / "a.jsonl", lines)
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, InputFailure, Article]
    failure = items[1]
    assert isinstance(failure, InputFailure)
    assert failure.input == f"{path}:line 2"
    assert failure.message.startswith("not valid JSON: Expecting ',' delimiter (col ")
    assert "\n" not in failure.message


def test_line_without_text_is_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ['{"id": "x"}', json.dumps(SECOND)])
    items = list(read_inputs([str(path)]))
    assert items[0] == InputFailure(f"{path}:line 1", 'no "text" field')
    assert isinstance(items[1], Article)


def test_bad_published_date_fails_that_line(tmp_path: Path) -> None:
    bad = dict(FIRST, published="yesterday")
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps(bad), json.dumps(SECOND)])
    items = list(read_inputs([str(path)]))
    failure = items[0]
    assert isinstance(failure, InputFailure)
    assert failure.input == f"{path}:line 1"
    assert "published" in failure.message
    assert isinstance(items[1], Article)


def test_empty_text_and_non_object_lines_are_failures(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ['{"text": "  "}', "[1, 2]", '{"text": 3}'])
    messages = [i.message for i in read_inputs([str(path)]) if isinstance(i, InputFailure)]
    assert messages == ["empty article", "not a JSON object", '"text" is not a string']


def test_stdin_starting_with_a_brace_is_jsonl() -> None:
    data = "\n" + json.dumps(FIRST) + "\n" + json.dumps(SECOND) + "\n"
    items = list(read_inputs(["-"], stdin=io.BytesIO(data.encode("utf-8"))))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(items) == len(articles) == 2
    assert articles[0].id == "kept-1"


def test_stdin_bad_line_names_stdin_and_the_line() -> None:
    data = json.dumps(FIRST) + "\n{oops\n"
    items = list(read_inputs(["-"], stdin=io.BytesIO(data.encode("utf-8"))))
    assert isinstance(items[1], InputFailure)
    assert items[1].input == "<stdin>:line 2"
