"""read_inputs: folders, order, and inputs that are not articles."""

from __future__ import annotations

import json
from pathlib import Path

from newsevents.ingest import InputFailure, read_inputs
from newsevents.records import Article


def test_folder_is_read_recursively_in_sorted_path_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "one.txt").write_text("Text from b one.", encoding="utf-8")
    (tmp_path / "a" / "deep" / "two.txt").write_text("Text from a deep two.", encoding="utf-8")
    (tmp_path / "a" / "z.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Text from a z."}) + "\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text("Text from c.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "config.xml").write_text("<config/>", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(i, Article) for i in items)
    assert [i.text for i in items if isinstance(i, Article)] == [
        "Text from a deep two.", "Text from a z.", "Text from b one.", "Text from c."
    ]


def test_folder_without_articles_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing here", encoding="utf-8")
    assert list(read_inputs([str(tmp_path)])) == [InputFailure(str(tmp_path), "no articles found")]


def test_failures_come_in_place_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The talks resumed on Monday.", encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    items = list(read_inputs([str(missing), str(good), str(missing)]))
    assert [type(i) for i in items] == [InputFailure, Article, InputFailure]


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    lines = tmp_path / "export.json"
    lines.write_text(json.dumps({"id": "x1", "text": "Talks resumed."}) + "\n", encoding="utf-8")
    plain = tmp_path / "story.md"
    plain.write_text("Talks resumed on Monday.", encoding="utf-8")
    first, second = list(read_inputs([str(lines), str(plain)]))
    assert isinstance(first, Article) and first.id == "x1"
    assert isinstance(second, Article) and second.text == "Talks resumed on Monday."
