"""Publication date: precedence and validation of --published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import UsageError
from newsevents.ingest import make_article, parse_published, read_inputs
from newsevents.records import Article

DATED = "WASHINGTON, Jan. 8, 2019 (AP) — Officials met on Tuesday."
UNDATED = "Officials met on Tuesday."


@pytest.mark.parametrize(
    ("text", "meta", "given", "default", "expected"),
    [
        (DATED, "2019-01-07", "2019-01-06", "2019-01-05", ("2019-01-07", "metadata")),
        (DATED, None, "2019-01-06", "2019-01-05", ("2019-01-06", "given")),
        (DATED, None, None, "2019-01-05", ("2019-01-08", "dateline")),
        (UNDATED, None, None, "2019-01-05", ("2019-01-05", "given")),
        (UNDATED, None, None, None, (None, "none")),
    ],
)
def test_precedence(text: str, meta: str | None, given: str | None, default: str | None,
                    expected: tuple[str | None, str]) -> None:
    article = make_article(text, published_meta=meta, published_given=given,
                           published_default=default)
    assert (article.published, article.published_how) == expected


def test_jsonl_field_beats_published_option_and_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [{"text": DATED, "published": "2019-01-06"}, {"text": DATED}, {"text": UNDATED}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    items = list(read_inputs([str(path)], published="2019-01-05"))
    got = [(i.published, i.published_how) for i in items if isinstance(i, Article)]
    assert got == [("2019-01-06", "given"), ("2019-01-08", "dateline"), ("2019-01-05", "given")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2019-01-08", "2019-01-08"), (" 2019-01-08 ", "2019-01-08"),
     ("2019-01-08T23:10:00Z", "2019-01-08"), ("2019-01-08 10:00:00+09:00", "2019-01-08")],
)
def test_parse_published_accepts_dates(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2019-13-01", "08/01/2019", "2019-1-8"])
def test_parse_published_rejects_with_one_line(value: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_published(value)
    assert "\n" not in str(raised.value)
    assert "YYYY-MM-DD" in str(raised.value)
