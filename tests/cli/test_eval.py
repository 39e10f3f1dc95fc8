"""`newsevents eval`: analyses scored against gold files, by the gold README's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def _actor(country: str | None = None, igo: str | None = None) -> dict:
    return {"name": country or igo, "country": country, "igo": igo}


def _event(source: str, type_: str, target: str, modality: str = "asserted",
           when: str | None = None) -> dict:
    return {"source": _actor(source), "type": type_, "target": _actor(target),
            "modality": modality, "when": {"value": when, "text": "x"} if when else None}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    predictions = tmp_path / "pred.jsonl"
    records = [
        {"article": {"id": "a1"},
         "events": [_event("PRK", "CONSULT", "CHN", when="2019-01-08"),
                    _event("CHN", "AID", "PRK"),  # no such gold line: wrong
                    _event("USA", "ACCUSE", "PRK", modality="hypothetical")],
         "times": [{"text": "Tuesday", "type": "DATE", "value": "2019-01-08"}]},
    ]
    predictions.write_text("".join(json.dumps(r) + "\n" for r in records))
    gold = tmp_path / "gold"
    gold.mkdir()
    lines = [
        {"article": "a1", "source": "PRK", "target": "CHN", "type": "CONSULT",
         "modality": "asserted", "when": "2019-01"},
        {"article": "a1", "source": "USA", "target": "PRK", "type": "ACCUSE",
         "modality": "asserted", "when": None},
        {"article": "a1", "source": "KOR", "target": "PRK", "type": "REJECT",
         "modality": "asserted", "when": None},
        {"article": "a1", "source": "JPN", "target": "PRK", "type": "THREATEN",
         "modality": "asserted", "when": None, "optional": True},
    ]
    (gold / "x.events.jsonl").write_text("".join(json.dumps(g) + "\n" for g in lines))
    (gold / "x.times.jsonl").write_text(json.dumps(
        {"article": "a1", "text": "Tuesday", "type": "DATE", "value": "2019-01-08"}) + "\n")
    return predictions, gold


def test_eval_scores_contract_jsonl_against_a_gold_folder(files) -> None:
    predictions, gold = files
    result = run("eval", str(predictions), "--gold", str(gold), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    events = figures["events"]
    assert (events["right"], events["wrong"], events["gold"]) == (2, 1, 3)
    assert events["precision"] == pytest.approx(0.667, abs=1e-3)
    assert events["recall"] == pytest.approx(0.667, abs=1e-3)
    assert events["modality_accuracy"] == 0.5  # the ACCUSE is hypothetical, gold asserted
    assert events["date_accuracy"] == 1.0  # 2019-01-08 agrees with 2019-01
    assert figures["times"]["value_f1"] == 1.0


def test_eval_prints_tables_for_people(files) -> None:
    predictions, gold = files
    result = run("eval", str(predictions), "--gold", str(gold), "--per-article")
    assert result.exit_code == 0
    assert "Events" in result.stdout and "REJECT" in result.stdout  # the miss is listed


def test_eval_without_gold_files_is_one_clear_error(files, tmp_path: Path) -> None:
    predictions, _ = files
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("eval", str(predictions), "--gold", str(empty))
    assert result.exit_code == 2
    assert "no gold found" in result.stderr
    assert run("eval", str(predictions), "--gold", str(tmp_path / "absent")).exit_code == 2


def test_eval_scores_only_the_gold_of_the_articles_given(files) -> None:
    predictions, gold = files
    other = {"article": "b9", "source": "FRA", "target": "DEU", "type": "CONSULT",
             "modality": "asserted", "when": None}
    (gold / "other.events.jsonl").write_text(json.dumps(other) + "\n")
    result = run("eval", str(predictions), "--gold", str(gold), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["events"]["gold"] == 3  # b9 was not given: its line is not a miss
    assert figures["gold_articles_not_in_input"] == 1
