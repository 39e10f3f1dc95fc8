"""Commands that analyse articles: ingest (into the store), analyze (to stdout), reanalyze."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsevents import settings
from newsevents.analyze import PIPELINE_VERSION
from newsevents.cli.common import (
    DbOption,
    InputsArgument,
    ModelOption,
    PublishedOption,
    SourceOption,
    check_date,
    exit_code,
    stderr,
    user_errors,
)
from newsevents.engines.local import IngestReport, analyze_items, ingest, read_ahead
from newsevents.engines.pool import AnalysisPool, WorkerSetup
from newsevents.errors import UsageError
from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.store import Store

ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", metavar="FILE",
                 help="YAML file of actors to add to or override the built-in tables: names, "
                      "aliases, country, sector, code and date-ranged roles."),
]
BatchOption = Annotated[
    int, typer.Option("--batch-size", min=1, envvar=settings.BATCH_SIZE.env,
                      help=settings.BATCH_SIZE.help),
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-w", min=1, envvar=settings.WORKERS.env,
                 show_default="the number of cores",
                 help="Processes analysing articles, each loading the model once; 1 runs "
                      "everything in this process, as does an input of no more than one "
                      "batch per worker."),
]


class Engine(StrEnum):
    local = "local"
    spark = "spark"


EngineOption = Annotated[
    Engine, typer.Option("--engine", case_sensitive=False,
                         help="local: this machine, into a DuckDB file. spark: a Spark job "
                              "writing a Parquet dataset folder at --db (docs/spark.md).")]
MasterOption = Annotated[
    str | None, typer.Option("--master", metavar="URL",
                             help="Spark master for --engine spark (default: local[*], or "
                                  "spark-submit's --master).")]


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
        console=stderr, transient=True,
    )


def _report_failure(failure: InputFailure) -> None:
    stderr.print(f"newsevents: skipped {failure.input}: {failure.message}", markup=False,
                 soft_wrap=True)


def _run_ingest(items, store: Store, *, model: str | None, batch_size: int, force: bool,
                label: str, lexicon: Lexicon, workers: int | None,
                actors: Path | None) -> IngestReport:
    workers = workers or os.cpu_count() or 1
    many = False
    if workers > 1:
        items, many = read_ahead(items, workers * batch_size)
    pool = AnalysisPool(workers, WorkerSetup(model=model, actors=actors)) if many else None
    nlp = None if pool else load_pipeline(model)
    started = time.monotonic()
    with _progress() as progress:
        task = progress.add_task(label, total=None, rate=0.0)

        def advance(status: str, failure: InputFailure | None) -> None:
            if failure is not None:
                progress.console.print(f"newsevents: skipped {failure.input}: {failure.message}",
                                       markup=False, soft_wrap=True)
            done = progress.tasks[task].completed + 1
            rate = done / max(time.monotonic() - started, 1e-9)
            progress.update(task, completed=done, rate=rate)

        if pool is None:
            report = ingest(items, store, nlp=nlp, lexicon=lexicon, batch_size=batch_size,
                            force=force, on_outcome=advance)
        else:
            with pool:
                report = ingest(items, store, pool=pool, lexicon=lexicon,
                                batch_size=batch_size, force=force, on_outcome=advance)
    seconds = time.monotonic() - started
    total = report.done + report.failed
    stderr.print(
        f"{total} articles: {report.stored} stored, {report.unchanged} unchanged, "
        f"{report.failed} failed"
        + (f", {report.not_analysed} not analysed (not English)" if report.not_analysed else "")
        + f" — {seconds:.1f} s, {total / max(seconds, 1e-9):.1f} articles/s",
        markup=False,
    )
    return report


def _run_spark_ingest(inputs: list[str], db: str, *, master: str | None,
                      **options: Any) -> tuple[int, int]:
    """Ingest with the Spark engine into the dataset folder ``db``: (done, failed)."""
    try:
        from newsevents.engines.spark import run_spark_ingest
    except ImportError:
        raise UsageError("--engine spark needs PySpark: pip install 'newsevents[spark]'") from None
    if Path(db).is_file():
        raise UsageError(f"--db {db} is a DuckDB file; --engine spark writes a dataset folder")
    started = time.monotonic()
    report = run_spark_ingest(inputs, db, master=master, **options)
    for failure in report.failures:
        _report_failure(failure)
    seconds = time.monotonic() - started
    stderr.print(
        f"{report.stored + report.failed} articles: {report.stored} stored, "
        f"{report.failed} failed"
        + (" (listed in the dataset's errors table)" if report.failed else "")
        + (f", {report.not_analysed} not analysed (not English)" if report.not_analysed else "")
        + f" — {seconds:.1f} s; dataset {db}", markup=False)
    return report.done, report.failed


@user_errors
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = settings.DB.default,  # type: ignore[assignment]
    published: PublishedOption = None,
    source: SourceOption = None,
    model: ModelOption = None,
    batch_size: BatchOption = settings.BATCH_SIZE.default,  # type: ignore[assignment]
    force: Annotated[bool, typer.Option("--force", help="Re-analyse articles already stored "
                                                        "unchanged.")] = False,
    actors: ActorsOption = None,
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    master: MasterOption = None,
) -> None:
    """Read articles, analyse them and store the results in the database.

    Re-running is safe: an article already stored with the same text and the same
    pipeline version is skipped, a changed one replaces its rows, and an interrupted
    ingest resumes where it stopped. Exit code: 0 all done, 1 some failed, 3 all failed.

    Example: newsevents ingest examples/ --db demo.duckdb
    """
    given = check_date(published, "--published")
    if engine is Engine.spark:
        done, failed = _run_spark_ingest(inputs, db, master=master, published=given,
                                         source=source, model=model, actors=actors,
                                         batch_size=batch_size)
        raise typer.Exit(exit_code(done, failed))
    if master is not None:
        raise UsageError("--master is for --engine spark")
    lexicon = load_lexicon(actors)
    with Store.open(db) as store:
        report = _run_ingest(read_inputs(inputs, published=given, source=source), store,
                             model=model, batch_size=batch_size, force=force, label="ingest",
                             lexicon=lexicon, workers=workers, actors=actors)
    raise typer.Exit(exit_code(report.done, report.failed))


@user_errors
def analyze_command(
    inputs: InputsArgument,
    published: PublishedOption = None,
    source: SourceOption = None,
    model: ModelOption = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="jsonl (json is accepted as the same).")] = "jsonl",
    actors: ActorsOption = None,
) -> None:
    """Print the analysis of each article as JSON Lines, touching no database.

    One object per article, in input order, as docs/contract.schema.json states;
    an article that fails gives {"article": {"id": ...}, "error": "..."} in its place.
    Progress and warnings go to stderr.

    Example: newsevents analyze article.txt --published 2019-01-08
    """
    if output_format.lower() not in ("jsonl", "json"):
        from newsevents.errors import UsageError

        raise UsageError(f"--format {output_format!r}: analyze prints jsonl (or json)")
    given = check_date(published, "--published")
    lexicon = load_lexicon(actors)
    nlp = load_pipeline(model)
    done = failed = 0
    items = read_inputs(inputs, published=given, source=source, stdin=sys.stdin.buffer)
    for outcome in analyze_items(items, nlp=nlp, lexicon=lexicon):
        if isinstance(outcome, InputFailure):
            _report_failure(outcome)
            record = {"article": {"id": None}, "input": outcome.input, "error": outcome.message}
            failed += 1
        else:
            record = outcome.contract_dict()
            if outcome.error:
                _report_failure(InputFailure(outcome.article.id, outcome.error))
                failed += 1
            else:
                done += 1
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    raise typer.Exit(exit_code(done, failed))


@user_errors
def reanalyze_command(
    db: DbOption = settings.DB.default,  # type: ignore[assignment]
    model: ModelOption = None,
    batch_size: BatchOption = settings.BATCH_SIZE.default,  # type: ignore[assignment]
    actors: ActorsOption = None,
    workers: WorkersOption = None,
) -> None:
    """Re-run analysis on stored articles built by an older pipeline or lexicon.

    Brings improvements to old rows without re-reading the original files. With
    --actors, rows built without that file (or with another version of it) count as old.
    """
    lexicon = load_lexicon(actors)
    with Store.open(db) as store:
        stale = store.stale_articles(pipeline_version=PIPELINE_VERSION,
                                     lexicon_version=lexicon.version)
        if not stale:
            stderr.print("every stored article is up to date", markup=False)
            raise typer.Exit(0)
        report = _run_ingest(stale, store, model=model, batch_size=batch_size, force=True,
                             label="reanalyze", lexicon=lexicon, workers=workers,
                             actors=actors)
    raise typer.Exit(exit_code(report.done, report.failed))
