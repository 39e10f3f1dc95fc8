"""`newsevents ingest --workers 2`: the same report as one process, a bad article skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "pool-1", "published": "2025-03-05",
     "text": "The European Union imposed new sanctions on Belarus on Tuesday."},
    {"id": "pool-huge", "text": "The talks went on. " * 60_000},  # more than spaCy parses
    {"id": "pool-2", "published": "2025-09-12",
     "text": "Chile sent rescue teams to Peru after the earthquake."},
]


def test_workers_report_a_bad_article_and_resume(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = str(tmp_path / "pool.duckdb")
    first = CliRunner().invoke(app, ["ingest", str(batch), "--db", db, "--workers", "2",
                                        "--batch-size", "1"])
    assert first.exit_code == 1
    assert "skipped pool-huge: analysis failed" in first.stderr
    assert "2 stored, 0 unchanged, 1 failed" in first.stderr
    again = CliRunner().invoke(app, ["ingest", str(batch), "--db", db, "--workers", "1"])
    assert "0 stored, 2 unchanged, 1 failed" in again.stderr
