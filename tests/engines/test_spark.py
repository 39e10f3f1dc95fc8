"""The Spark engine in local mode: the dataset it writes, read back by the usual commands.

One Spark session for the module (Spark starts slowly); the local
engine ingests the same articles into a DuckDB file to compare against.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("the Spark engine needs Java", allow_module_level=True)

from newsevents.analyze import PIPELINE_VERSION, analyze  # noqa: E402
from newsevents.cli import app  # noqa: E402
from newsevents.engines.spark import run_spark_ingest, start_session  # noqa: E402
from newsevents.engines.spark_schema import table_schema  # noqa: E402
from newsevents.ingest import read_inputs  # noqa: E402
from newsevents.lexicon import load_lexicon  # noqa: E402
from newsevents.records import Article  # noqa: E402
from newsevents.store import Store  # noqa: E402
from newsevents.store.dataset import DATASET_TABLES, table_columns  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.spark]

ARTICLES = [
    {"id": "port-1", "source": "Coastal Courier", "published": "2025-03-04",
     "text": "The European Union imposed new sanctions on Belarus on Tuesday. Belarusian "
             "officials rejected the measures and said Minsk would respond."},
    {"id": "port-2", "source": "Coastal Courier", "published": "2025-04-11",
     "text": "Chile sent rescue teams to Peru after the earthquake on Friday. The World Bank "
             "pledged emergency funds to Lima, a spokesman said."},
    {"id": "port-3", "source": "Hill Gazette",
     "text": "Kenyan President William Ruto met envoys from Sudan in Nairobi. \"We came to "
             "listen,\" said the mediator, who asked not to be named."},
]
BAD_LINE = '{"id": "port-4", "text": 42}'


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def spark():
    session = start_session("local[1]")
    session.conf.set("spark.sql.shuffle.partitions", "2")  # a few rows: few tasks
    yield session
    session.stop()


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """Every article as JSON Lines (the first one twice), and the bad line."""
    path = tmp_path_factory.mktemp("spark") / "batch.jsonl"
    lines = [json.dumps(a) for a in (ARTICLES[0], *ARTICLES)]
    path.write_text("\n".join((*lines, BAD_LINE)) + "\n")
    return path


@pytest.fixture(scope="module")
def spark_inputs(batch: Path) -> list[str]:
    """The same articles for Spark: the last one as a Parquet file (dates typed as dates)."""
    jsonl = batch.parent / "first.jsonl"
    jsonl.write_text("".join(line + "\n" for line in batch.read_text().splitlines()
                             if '"port-3"' not in line))
    parquet = batch.parent / "last.parquet"
    last = {**ARTICLES[-1], "published": None}
    table = pa.Table.from_pylist([last], schema=pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("published", pa.date32()),
        ("text", pa.string())]))
    pq.write_table(table, parquet)
    return [str(jsonl), str(parquet)]


@pytest.fixture(scope="module")
def dataset(spark, batch: Path, spark_inputs: list[str]) -> Path:
    folder = batch.parent / "dataset"
    result = run("ingest", *spark_inputs, "--engine", "spark", "--db", str(folder))
    assert result.exit_code == 1, result.output  # one line failed, the rest are stored
    assert "3 stored, 1 failed" in result.stderr
    return folder


@pytest.fixture(scope="module")
def local_db(batch: Path, nlp) -> str:
    """What the local engine stores for the same articles (one process, the same analyze())."""
    path = str(batch.parent / "local.duckdb")
    articles = [item for item in read_inputs([str(batch)]) if isinstance(item, Article)]
    lexicon = load_lexicon()
    with Store.open(path) as store:
        store.write([analyze(article, nlp=nlp, lexicon=lexicon) for article in articles],
                    pipeline_version=PIPELINE_VERSION, lexicon_version=lexicon.version)
    return path


def listing(*args: str) -> list[dict]:
    result = run(*args, "--format", "json", "--limit", "0")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def table_counts(folder: Path) -> dict[str, int]:
    with Store.open(folder, read_only=True) as store:
        return {table: store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (*DATASET_TABLES, "actors")}


def test_the_dataset_has_a_folder_per_table_partitioned_by_month(dataset: Path) -> None:
    assert {p.name for p in (dataset / "articles").iterdir() if p.is_dir()} == {
        "month=2025-03", "month=2025-04", "month=unknown"}
    for table in ("events", "actor_rows", "mentions", "sentences", "tones", "errors"):
        assert any((dataset / table).rglob("*.parquet")), table


def test_events_read_from_the_dataset_match_the_local_engine(dataset: Path,
                                                             local_db: str) -> None:
    from_spark = listing("events", "--db", str(dataset))
    assert from_spark, "the articles name events"
    assert from_spark == listing("events", "--db", local_db)


def test_the_other_listings_and_show_read_the_dataset(dataset: Path, local_db: str) -> None:
    for command in ("articles", "actors", "quotes"):
        assert listing(command, "--db", str(dataset)) == listing(command, "--db", local_db)
    shown = run("show", "port-2", "--db", str(dataset), "--format", "json")
    assert json.loads(shown.stdout) == json.loads(
        run("show", "port-2", "--db", local_db, "--format", "json").stdout)
    stats = run("stats", "--db", str(dataset), "--format", "json")
    assert json.loads(stats.stdout)["counts"]["articles"] == 3


def test_the_bad_line_is_in_the_errors_table(dataset: Path) -> None:
    with Store.open(dataset, read_only=True) as store:
        rows = store.con.execute("SELECT input, stage, message FROM errors").fetchall()
    assert len(rows) == 1
    where, stage, message = rows[0]
    assert where.startswith(str(dataset.parent / "first.jsonl")) and stage == "read"
    assert message == '"text" is not a string'


def test_a_rerun_replaces_its_rows_and_duplicates_nothing(spark, dataset: Path,
                                                          spark_inputs: list[str]) -> None:
    before = table_counts(dataset)
    report = run_spark_ingest(spark_inputs, dataset, spark=spark, partitions=2)
    assert (report.stored, report.failed) == (3, 1)
    assert table_counts(dataset) == before
    # Merging with the stored rows must leave the cached schemas as they were.
    assert len(table_schema("articles").fields) == len(table_columns("articles"))
    with Store.open(dataset, read_only=True) as store:
        twice = store.con.execute(
            "SELECT count(*) FROM (SELECT article_id, seq FROM events"
            " GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
    assert twice == 0


def test_the_dataset_is_read_only(dataset: Path, batch: Path) -> None:
    result = run("ingest", str(batch), "--db", str(dataset))
    assert result.exit_code == 3
    assert "read-only" in result.stderr
