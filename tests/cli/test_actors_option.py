"""`--actors FILE` on the commands that analyse: ingest, analyze, reanalyze."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

pytestmark = pytest.mark.model

ARTICLE = {"id": "wire-1", "published": "2023-05-02",
           "text": "Amani Wekesa opened the summit in Nairobi on Monday. Wekesa said the "
                   "talks would go on."}
ACTORS = """\
actors:
  - name: Amani Wekesa
    country: KEN
    roles:
      - {title: President, sector: GOV, from: 2022-09-13, to: null}
"""


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n")
    return path


@pytest.fixture
def actors(tmp_path: Path) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS)
    return path


def wekesa(result) -> dict:
    line = json.loads(result.stdout.splitlines()[0])
    return next(a for a in line["actors"] if a["name"] == "Amani Wekesa")


def test_analyze_codes_people_from_the_actor_file(batch: Path, actors: Path) -> None:
    without = run("analyze", str(batch))
    with_file = run("analyze", str(batch), "--actors", str(actors))
    assert without.exit_code == with_file.exit_code == 0
    assert wekesa(without)["code"] is None
    assert (wekesa(with_file)["code"], wekesa(with_file)["country"]) == ("KENGOV", "KEN")


def test_a_malformed_actor_file_is_one_line_and_exit_code_2(batch: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: Amani Wekesa\n    roles: [{from: 2022-02-30}]\n")
    for command in (["analyze", str(batch)], ["ingest", str(batch), "--db",
                                              str(tmp_path / "x.duckdb")]):
        result = run(*command, "--actors", str(bad))
        assert result.exit_code == 2
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1
        assert f"{bad}: line 3:" in lines[0] and "not a date" in lines[0]
    assert not (tmp_path / "x.duckdb").exists()  # nothing is touched before the file is read


def test_reanalyze_with_an_actor_file_redoes_articles_built_without_it(
        batch: Path, actors: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    assert run("ingest", str(batch), "--db", db).exit_code == 0
    assert "up to date" in run("reanalyze", "--db", db).stderr
    redo = run("reanalyze", "--db", db, "--actors", str(actors))
    assert redo.exit_code == 0 and "1 stored" in redo.stderr
    assert "up to date" in run("reanalyze", "--db", db, "--actors", str(actors)).stderr
