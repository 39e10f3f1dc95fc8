"""Listing commands over the store: articles, events, actors, quotes, stats."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console

from newsevents import settings
from newsevents.cli.common import DbOption, FormatOption, OutputFormat, check_date, user_errors
from newsevents.cli.output import emit_rows
from newsevents.store import Store

ActorOption = Annotated[str | None, typer.Option(
    "--actor", help="Actor id, code (PRKGOV, CHN, IGOUN) or part of a name.")]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD",
                                                 help="From this date (inclusive).")]
UntilOption = Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD",
                                                 help="Up to this date (inclusive).")]
SourceFilter = Annotated[str | None, typer.Option("--source", help="Outlet, part of its name.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0,
                                          help="At most this many rows (0: all).")]

_DEFAULT_DB: Any = settings.DB.default


def _dates(since: str | None, until: str | None) -> dict[str, str | None]:
    return {"since": check_date(since, "--since"), "until": check_date(until, "--until")}


@user_errors
def articles_command(
    db: DbOption = _DEFAULT_DB, actor: ActorOption = None, source: SourceFilter = None,
    since: SinceOption = None, until: UntilOption = None, limit: LimitOption = 50,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List stored articles with their counts of events, quotes and actors.

    Dates filter on the publication date. Example: newsevents articles --source "Meridian"
    """
    with Store.open(db, read_only=True) as store:
        rows = store.articles(actor=actor, source=source, limit=limit, **_dates(since, until))
    emit_rows(rows, output_format, title="Articles", empty="no articles",
              table_columns=("id", "published", "source", "title", "events", "quotes"))


@user_errors
def events_command(
    db: DbOption = _DEFAULT_DB, actor: ActorOption = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", help="PLOVER event type: AGREE, CONSULT, ... ASSAULT.")] = None,
    modality: Annotated[str | None, typer.Option(
        "--modality", help="asserted, planned, hypothetical, conditional, rumoured, negated."
    )] = None,
    source: SourceFilter = None, since: SinceOption = None, until: UntilOption = None,
    limit: LimitOption = 50, output_format: FormatOption = OutputFormat.table,
) -> None:
    """List coded events: who did what to whom, when, and how surely.

    Dates filter on the event's own date, or the article's publication date when the
    text does not date the event. Example: newsevents events --actor PRK --type CONSULT
    """
    with Store.open(db, read_only=True) as store:
        rows = store.events(actor=actor, type=event_type, modality=modality, source=source,
                            limit=limit, **_dates(since, until))
    emit_rows(rows, output_format, title="Events", empty="no events",
              table_columns=("when", "source_actor", "type", "mode", "target_actor",
                             "modality", "article_id"))


@user_errors
def actors_command(
    db: DbOption = _DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(
        "--actor", "--name", help="Actor id, code or part of a name.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="person, organisation, country or igo.")] = None,
    limit: LimitOption = 50, output_format: FormatOption = OutputFormat.table,
) -> None:
    """List actors, most mentioned first, with their codes and counts."""
    with Store.open(db, read_only=True) as store:
        rows = store.actors(actor=actor, kind=kind, limit=limit)
    emit_rows(rows, output_format, title="Actors", empty="no actors",
              table_columns=("id", "name", "kind", "code", "sector", "mentions", "articles",
                             "events"))


@user_errors
def quotes_command(
    db: DbOption = _DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker",
                                                help="Part of the speaker's name.")] = None,
    actor: ActorOption = None,
    kind: Annotated[str | None, typer.Option("--kind",
                                             help="direct, partial or indirect.")] = None,
    source: SourceFilter = None, since: SinceOption = None, until: UntilOption = None,
    limit: LimitOption = 50, output_format: FormatOption = OutputFormat.table,
) -> None:
    """List who is quoted saying what. Dates filter on the publication date."""
    with Store.open(db, read_only=True) as store:
        rows = store.quotes(speaker=speaker, actor=actor, kind=kind, source=source, limit=limit,
                            **_dates(since, until))
    emit_rows(rows, output_format, title="Quotes", empty="no quotes",
              table_columns=("speaker", "kind", "text", "published", "article_id"))


@user_errors
def stats_command(
    db: DbOption = _DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="How many top actors and dyads.")] = 10,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Summarise the database: counts, events by type and modality, top actors and dyads."""
    with Store.open(db, read_only=True) as store:
        stats = store.stats(top=top)
    if output_format is OutputFormat.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    elif output_format is OutputFormat.table:
        print_stats(stats, Console())
    else:
        emit_rows(flatten_stats(stats), output_format)


def flatten_stats(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """Stats as (section, name, value) rows for line- and column-oriented formats."""
    rows = [{"section": "counts", "name": k, "value": v} for k, v in stats["counts"].items()]
    rows.append({"section": "counts", "name": "not_analysed", "value": stats["not_analysed"]})
    rows += [{"section": "published", "name": k, "value": v}
             for k, v in stats["published"].items()]
    rows += [{"section": "sources", "name": r["source"], "value": r["articles"]}
             for r in stats["sources"]]
    rows += [{"section": "events_by_type", "name": r["type"], "value": r["events"]}
             for r in stats["events_by_type"]]
    rows += [{"section": "events_by_modality", "name": r["modality"], "value": r["events"]}
             for r in stats["events_by_modality"]]
    rows += [{"section": "top_actors", "name": r["name"], "value": r["mentions"]}
             for r in stats["top_actors"]]
    rows += [{"section": "top_dyads", "name": f"{r['source_actor']} -> {r['target_actor']}",
              "value": r["events"]} for r in stats["top_dyads"]]
    return rows


def print_stats(stats: dict[str, Any], console: Console) -> None:
    counts = stats["counts"]
    first, last = stats["published"]["first"], stats["published"]["last"]
    console.print(
        f"[bold]{counts['articles']} articles[/] from {len(stats['sources'])} sources"
        + (f", published {first} to {last}" if first else "")
        + (f" ({stats['not_analysed']} not analysed)" if stats["not_analysed"] else "")
    )
    console.print(
        f"{counts['events']} events · {counts['actors']} actors ({counts['mentions']} mentions)"
        f" · {counts['quotes']} quotes · {counts['times']} time expressions"
        f" · {counts['places']} places"
    )
    sections = (
        ("Events by type", stats["events_by_type"], "no events coded yet"),
        ("Events by modality", stats["events_by_modality"], None),
        ("Top actors", stats["top_actors"], "no actors"),
        ("Top dyads", stats["top_dyads"], None),
        ("Sources", stats["sources"], None),
    )
    for title, rows, empty in sections:
        if rows:
            emit_rows(rows, OutputFormat.table, title=title, console=console)
        elif empty:
            console.print(f"[dim]{title}: {empty}[/]")
