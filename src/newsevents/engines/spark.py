"""The Spark engine: ``analyze()`` over a DataFrame of articles, into a Parquet dataset.

``run_spark_ingest`` reads the inputs (``spark_inputs``), keeps one copy of each
article id, spreads the articles over the cluster's cores and runs the same
pure ``analyze()`` as the local engine inside ``mapInArrow`` (``spark_rows``;
the model is loaded once per Python worker), then merges the rows into a
dataset partitioned by publication month (``spark_write``) that ``newsevents``
reads through DuckDB (``newsevents.store.dataset``). Every article of the
inputs is analysed again; a re-run replaces its earlier rows.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from newsevents.analyze import PIPELINE_VERSION
from newsevents.engines.spark_inputs import items_frame, plan_inputs
from newsevents.engines.spark_rows import analyze_batches
from newsevents.engines.spark_schema import result_schema
from newsevents.engines.spark_write import DatasetFiles, stage_results, write_tables
from newsevents.ingest import InputFailure
from newsevents.ingest.base import Defaults
from newsevents.lexicon import load_lexicon
from newsevents.nlp import configured_model
from newsevents.store.dataset import ERRORS, marker_text

DEFAULT_MASTER = "local[*]"
SUBMIT_GATEWAY = "PYSPARK_GATEWAY_PORT"  # set by spark-submit for the Python driver it runs
TASKS_PER_CORE = 4  # several tasks a core, so one slow article does not idle the others
REPORTED_FAILURES = 50  # the errors table holds them all
LOG_SETTINGS = "spark_log4j2.properties"  # used when the session starts the JVM
LOCAL_SETTINGS = {"spark.ui.enabled": "false"}  # a cluster keeps its web UI
SESSION_SETTINGS = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
}

__all__ = ["DEFAULT_MASTER", "SparkIngestReport", "run_spark_ingest", "start_session"]


@dataclass
class SparkIngestReport:
    """What a Spark ingest did; ``failures`` lists at most ``REPORTED_FAILURES`` of them."""

    dataset: str
    stored: int = 0
    not_analysed: int = 0  # stored with a note (e.g. not English), no records
    failed: int = 0
    failures: list[InputFailure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored


def start_session(master: str | None = None) -> SparkSession:
    """A Spark session on ``master``: by default the one spark-submit was given, else
    ``local[*]``. In local mode it binds to 127.0.0.1 and its Python workers run this
    interpreter (so they see the same packages)."""
    submitted = SUBMIT_GATEWAY in os.environ  # spark-submit launched the JVM and this script
    master = master or (None if submitted else DEFAULT_MASTER)
    local = master is not None and master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsevents")
    if master is not None:
        builder = builder.master(master)
    for key, value in {**SESSION_SETTINGS, **(LOCAL_SETTINGS if local else {})}.items():
        builder = builder.config(key, value)
    if not submitted:
        logging = resources.files(__package__).joinpath(LOG_SETTINGS)
        builder = builder.config("spark.driver.extraJavaOptions",
                                 f"-Dlog4j2.configurationFile={logging}")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark_ingest(
    inputs: Sequence[str],
    out: str | Path,
    *,
    master: str | None = None,
    published: str | None = None,
    source: str | None = None,
    model: str | None = None,
    actors: Path | None = None,
    batch_size: int = 32,
    partitions: int | None = None,
    spark: SparkSession | None = None,
) -> SparkIngestReport:
    """Analyse every article of ``inputs`` with Spark and merge the rows into the dataset
    folder (or URI) ``out``.

    Uses ``spark`` when given, else the active session, else starts one on ``master``
    (default: spark-submit's, else ``local[*]``) and stops it at the end. ``batch_size``
    articles go to a worker per Arrow batch (parsed together); ``partitions`` (default:
    4 per core) is how many tasks share the analysis.
    """
    lexicon = load_lexicon(actors)  # a bad actor file fails here, before Spark starts
    routes = plan_inputs(inputs)
    owned = spark is None and SparkSession.getActiveSession() is None
    session = spark or SparkSession.getActiveSession() or start_session(master)
    try:
        if actors is not None:
            session.sparkContext.addFile(str(actors))
        session.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_size))
        items = one_per_article(items_frame(session, routes, Defaults(published, source)))
        tasks = partitions or session.sparkContext.defaultParallelism * TASKS_PER_CORE
        analyse = partial(
            analyze_batches, model=configured_model(model),
            actors_file=actors.name if actors is not None else None,
            pipeline_version=PIPELINE_VERSION,
            ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
        results = items.repartition(tasks).mapInArrow(analyse, result_schema())
        files = DatasetFiles(session, str(out))
        staged = stage_results(session, results, files)
        report = summarise(staged, str(out))
        write_tables(session, staged, files, marker_text(PIPELINE_VERSION, lexicon.version))
        return report
    finally:
        if owned:
            session.stop()


def one_per_article(items: DataFrame) -> DataFrame:
    """One item per article id: the last by file and input label, as a re-read would leave;
    every failure (no id) kept. One window over all items, so the inputs are read once."""
    row_key = F.concat(F.lit("\0failure:"), F.monotonically_increasing_id().cast("string"))
    latest = (Window.partitionBy(F.coalesce(F.col("article_id"), row_key))
              .orderBy(F.desc("source_file"), F.desc("input")))
    return (items.withColumn("rank", F.row_number().over(latest))
            .where(F.col("rank") == 1).drop("rank"))


def summarise(staged: DataFrame, dataset: str) -> SparkIngestReport:
    """Counts of the staged results, and the first failures to show."""
    noted = F.filter("articles", lambda row: row["note"].isNotNull())
    totals = staged.agg(
        F.sum(F.size("articles")).alias("stored"),
        F.sum(F.size(noted)).alias("not_analysed"),
        F.sum(F.size(ERRORS)).alias("failed"),
    ).collect()[0]
    report = SparkIngestReport(dataset=dataset, stored=int(totals["stored"] or 0),
                               not_analysed=int(totals["not_analysed"] or 0),
                               failed=int(totals["failed"] or 0))
    if report.failed:
        errors = staged.select(F.explode(ERRORS).alias("e")).select("e.*")
        report.failures = [InputFailure(row["input"], row["message"]) for row in
                           errors.orderBy("input").limit(REPORTED_FAILURES).collect()]
    return report
