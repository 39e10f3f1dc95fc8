"""Plain-text input: the file is one article, its text kept exactly."""

from __future__ import annotations

import io
from pathlib import Path

from newsevents.ingest import InputFailure, read_inputs
from newsevents.records import Article

BODY = (
    "SEOUL (Reuters) - North Korea's leader arrived in Beijing on Tuesday for talks.\n\n"
    "The visit was not announced in advance, officials said.\n"
)


def read_one(path: Path, *, source: str | None = None,
             published: str | None = None) -> Article | InputFailure:
    items = list(read_inputs([str(path)], source=source, published=published))
    assert len(items) == 1
    return items[0]


def test_text_is_the_file_contents_exactly(tmp_path: Path) -> None:
    raw = "Kim visits Beijing\r\n\r\n  Kim  arrived\u00a0on Tuesday.\t\n\n\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == raw


def test_a_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == BODY


def test_short_first_line_before_a_blank_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "titled.txt"
    path.write_text("Kim Jong Un visits Beijing\n\n" + BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == "Kim Jong Un visits Beijing"
    assert article.text.startswith("Kim Jong Un visits Beijing\n\n")
    assert article.dateline is not None and article.dateline.place == "Seoul"


def test_first_line_is_not_a_title_when_it_is_a_sentence_or_runs_on(tmp_path: Path) -> None:
    cases = {
        "sentence.txt": "Kim arrived in Beijing on Tuesday.\n\nMore follows here.",
        "no_blank.txt": "Kim visits Beijing\nand the talks go on for three days.",
        "dateline.txt": "GENEVA —\n\nThe talks resumed on Monday.",
        "colon.txt": "The ministry said:\n\nTalks will resume.",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        article = read_one(path)
        assert isinstance(article, Article)
        assert article.title is None, name


def test_source_and_published_options_fill_what_the_text_lacks(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The talks resumed on Monday in Geneva.", encoding="utf-8")
    article = read_one(path, source="Wire", published="2024-05-06")
    assert isinstance(article, Article)
    assert (article.source, article.published, article.published_how) == (
        "Wire", "2024-05-06", "given"
    )


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert read_one(missing) == InputFailure(str(missing), "no such file or directory")


def test_binary_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    failure = read_one(path)
    assert isinstance(failure, InputFailure)
    assert failure.input == str(path)
    assert failure.message.startswith("not UTF-8 text")


def test_latin1_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le président a parlé.".encode("latin-1"))
    failure = read_one(path)
    assert isinstance(failure, InputFailure)
    assert "not UTF-8 text" in failure.message


def test_empty_article_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert read_one(path) == InputFailure(str(path), "empty article")


def test_stdin_plain_text_is_one_article() -> None:
    stdin = io.BytesIO(("Kim visits Beijing\n\n" + BODY).encode("utf-8"))
    items = list(read_inputs(["-"], stdin=stdin))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert article.title == "Kim visits Beijing"


def test_stdin_empty_is_a_failure() -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(b"   \n")))
    assert items == [InputFailure("<stdin>", "empty article")]


def test_the_dateline_agency_is_the_source_when_none_is_given(tmp_path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Ministers meet\n\nOSLO (Nordic Observer) – Ministers met on Friday.\n")
    [article] = read_inputs([str(path)])
    assert article.source == "Nordic Observer"
    [named] = read_inputs([str(path)], source="My Archive")
    assert named.source == "My Archive"


def test_datelines_with_weekdays_and_dashed_dates_carry_the_date(tmp_path) -> None:
    openings = {
        "BANGKOK (Pacific Courier), Friday 22 November 2024 – Talks ended.": "2024-11-22",
        "N’DJAMENA, Tuesday 8 September 2026 (Sahel Dispatch)\u00a0—\u00a0Aid fell.": "2026-09-08",
        "WASHINGTON – June 19, 2024 – (The Patriot Beacon) Congress voted.": "2024-06-19",
    }
    for number, (opening, date) in enumerate(openings.items()):
        path = tmp_path / f"{number}.txt"
        path.write_text(f"A headline\n\n{opening}\n")
        [article] = read_inputs([str(path)])
        assert (article.published, article.published_how) == (date, "dateline"), opening
        start, end = article.dateline.span
        assert article.text[end:].split()[0] in {"Talks", "Aid", "Congress"}
