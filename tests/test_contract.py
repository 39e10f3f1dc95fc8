"""`newsevents analyze` output is the analysis contract: schema-valid, spans slice to evidence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsevents.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

SCHEMA = json.loads((REPO / "docs" / "contract.schema.json").read_text())


def analyze_lines(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def spans_of(record: dict) -> list[tuple[list[int], str | None]]:
    """Every (span, evidence text) pair in one contract object."""
    pairs: list[tuple[list[int], str | None]] = []
    article = record["article"]
    pairs += [(span, None) for span in article["debris"]]
    if article["dateline"]:
        pairs.append((article["dateline"]["span"], None))
    for event in record["events"]:
        pairs += [(event["span"], None), (event["trigger"]["span"], event["trigger"]["text"])]
    for key in ("times", "places", "mentions"):
        pairs += [(item["span"], item["text"]) for item in record.get(key, [])]
    pairs += [(q["span"], None) for q in record["quotes"]]
    return pairs


def assert_valid(record: dict) -> None:
    jsonschema.validate(record, SCHEMA)
    text = record["article"]["text"]
    for (start, end), evidence in spans_of(record):
        assert 0 <= start < end <= len(text)
        if evidence is not None:
            assert text[start:end] == evidence


@pytest.mark.model
def test_seed_articles_give_schema_valid_lines_with_their_ids(seeds_jsonl: Path) -> None:
    lines = analyze_lines(str(seeds_jsonl))
    expected_ids = [json.loads(line)["id"] for line in seeds_jsonl.read_text().splitlines()]
    assert [line["article"]["id"] for line in lines] == expected_ids
    for line in lines:
        assert_valid(line)
        assert line["article"]["published_how"] == "given"
        assert line["mentions"], "the seeds name many people and places"
        assert line["tone"]["words"] > 0


@pytest.mark.model
def test_every_example_article_is_schema_valid() -> None:
    lines = analyze_lines(str(EXAMPLES))
    assert len(lines) >= 25
    for line in lines:
        assert "error" not in line, line
        assert_valid(line)
        assert line["article"]["published"], f"{line['article']['id']} has no date"


@pytest.mark.model
def test_a_failed_input_yields_an_error_object_in_place(tmp_path: Path) -> None:
    good = {"id": "ok-1", "text": "Kenya hosted talks in Nairobi on Monday."}
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "ok-2"}) + "\n")
    result = CliRunner().invoke(app, ["analyze", str(batch)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert [line["article"]["id"] for line in lines] == ["ok-1", None, "ok-2"]
    for line in lines:
        jsonschema.validate(line, SCHEMA)
    assert "line 2" in lines[1]["input"] and "line 2" in result.stderr
