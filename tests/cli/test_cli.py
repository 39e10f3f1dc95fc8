"""The command line as a user meets it: ingest, listings, show, export, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.engines import local

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "harbour-1", "source": "The Harbour Post", "published": "2025-03-04",
     "title": "Kenya hosts Sudan talks",
     "text": "NAIROBI (Meridian Wire) – Kenyan President Amani Wekesa hosted envoys from Sudan "
             "in Nairobi on Monday. The African Union welcomed the talks.\n\nImage: Harbour "
             "Post/Photo desk\n\n\"We are here to listen,\" said Amina Odhiambo, a mediator."},
    {"id": "ledger-2", "source": "Continental Ledger", "published": "2025-03-05",
     "text": "The European Union imposed new sanctions on Belarus on Tuesday. Minsk rejected "
             "the measures and said it would respond."},
    {"id": "andes-3", "source": "Andes Tribune", "published": "2025-09-12",
     "text": "Chile sent rescue teams to Peru after the earthquake. The World Bank pledged "
             "emergency funds to Lima."},
]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return path


@pytest.fixture
def db(tmp_path: Path, batch: Path) -> str:
    path = str(tmp_path / "test.duckdb")
    assert run("ingest", str(batch), "--db", path).exit_code == 0
    return path


def table_counts(db: str) -> dict[str, int]:
    con = duckdb.connect(db, read_only=True)
    query = "SELECT table_name FROM information_schema.tables"
    tables = [row[0] for row in con.execute(query).fetchall()]
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
              if t != "schema_version"}
    con.close()
    return counts


def test_ingesting_twice_leaves_identical_counts(db: str, batch: Path) -> None:
    before = table_counts(db)
    result = run("ingest", str(batch), "--db", db)
    assert result.exit_code == 0
    assert "3 unchanged" in result.stderr
    assert table_counts(db) == before and before["articles"] == 3


def test_an_interrupted_ingest_rerun_stores_every_article_once(
    tmp_path: Path, batch: Path, monkeypatch
) -> None:
    db = str(tmp_path / "interrupted.duckdb")
    real = local.analyze_safely
    seen = []

    def crash_on_third(article, **kwargs):
        seen.append(article.id)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(article, **kwargs)

    monkeypatch.setattr(local, "analyze_safely", crash_on_third)
    result = run("ingest", str(batch), "--db", db, "--batch-size", "2")
    assert result.exit_code == 130 and "re-run to finish" in result.stderr
    assert table_counts(db)["articles"] == 2  # the first batch was committed
    monkeypatch.undo()
    result = run("ingest", str(batch), "--db", db, "--batch-size", "2")
    assert result.exit_code == 0 and "1 stored, 2 unchanged" in result.stderr
    con = duckdb.connect(db, read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == sorted(a["id"] for a in ARTICLES)


def test_a_changed_article_replaces_the_stored_one(db: str, tmp_path: Path) -> None:
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({**ARTICLES[1], "text": ARTICLES[1]["text"] + " Again."}))
    result = run("ingest", str(changed), "--db", db)
    assert result.exit_code == 0 and "1 stored" in result.stderr
    assert table_counts(db)["articles"] == 3


@pytest.mark.parametrize(("args", "code", "message"), [
    (["ingest", "missing.txt"], 3, "missing.txt: no such file or directory"),
    (["ingest", "{batch}", "--published", "2019-02-30"], 2, "--published"),
    (["ingest", "{batch}", "missing.txt"], 1, "missing.txt"),
    (["events", "--since", "yesterday"], 2, "--since 'yesterday' is not a date"),
    (["events", "--db", "{tmp}/nothing.duckdb"], 3, "no such database"),
    (["show", "nope"], 2, "no article 'nope'"),
])
def test_user_errors_give_one_line_and_an_exit_code(
    args, code, message, db: str, batch: Path, tmp_path: Path
) -> None:
    args = [a.format(batch=batch, tmp=tmp_path) for a in args]
    if "--db" not in args:
        args += ["--db", db]
    result = run(*args)
    assert result.exit_code == code, result.output
    errors = [line for line in result.stderr.splitlines() if "newsevents:" in line]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in result.output


def test_a_corrupt_database_gives_one_line(tmp_path: Path, batch: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 500)
    result = run("ingest", str(batch), "--db", str(bad))
    assert result.exit_code == 3 and "cannot open database" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["articles", "events", "actors", "quotes", "stats"])
def test_every_listing_prints_json_jsonl_and_csv(command: str, db: str) -> None:
    as_json = json.loads(run(command, "--db", db, "--format", "json").stdout)
    lines = run(command, "--db", db, "--format", "jsonl").stdout.splitlines()
    rows = list(csv.DictReader(io.StringIO(run(command, "--db", db, "--format", "csv").stdout)))
    if command == "stats":
        assert as_json["counts"]["articles"] == 3
        assert {"section": "counts", "name": "articles", "value": "3"} in rows
    else:
        assert len(as_json) == len(lines) == len(rows)
    assert run(command, "--db", db).exit_code == 0


def test_listings_filter(db: str) -> None:
    def ids(*args: str) -> list[str]:
        out = run("articles", "--db", db, "--format", "json", *args).stdout
        return [row["id"] for row in json.loads(out)]

    assert ids() == ["harbour-1", "ledger-2", "andes-3"]
    assert ids("--source", "ledger") == ["ledger-2"]
    assert ids("--since", "2025-03-05") == ["ledger-2", "andes-3"]
    assert ids("--actor", "BLR") == ["ledger-2"]
    actors = json.loads(run("actors", "--db", db, "--kind", "igo", "--format", "json").stdout)
    assert {a["igo"] for a in actors} == {"AU", "EU", "WB"}


def test_show_highlights_and_labels_the_evidence(db: str) -> None:
    result = run("show", "harbour", "--db", db)
    assert result.exit_code == 0
    assert "Amani Wekesa[PERSON]" in " ".join(result.stdout.split())
    assert "[dateline]" in result.stdout and "[debris]" in result.stdout
    full = json.loads(run("show", "harbour-1", "--db", db, "--format", "json").stdout)
    assert full["article"]["dateline"]["agency"] == "Meridian Wire"


def test_export_writes_jsonl_and_parquet(db: str, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert run("export", "--db", db, "--out", str(out)).exit_code == 0
    assert [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()] == [
        "harbour-1", "ledger-2", "andes-3"]
    folder = tmp_path / "parquet"
    assert run("export", "--db", db, "--format", "parquet", "--out", str(folder)).exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{folder}/articles.parquet'").fetchall() == [(3,)]


def test_reanalyze_updates_articles_of_an_older_pipeline(db: str, monkeypatch) -> None:
    assert "up to date" in run("reanalyze", "--db", db).stderr
    con = duckdb.connect(db)
    con.execute("UPDATE articles SET pipeline_version = 0 WHERE id = 'ledger-2'")
    con.close()
    result = run("reanalyze", "--db", db)
    assert result.exit_code == 0 and "1 stored" in result.stderr
    assert "up to date" in run("reanalyze", "--db", db).stderr
