"""Listings over the store: articles, events, actors, quotes, and corpus statistics.

Each listing takes keyword filters (all optional, combined with AND) and
returns plain dicts, one per row, ready for any output format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb


@dataclass(frozen=True)
class Filters:
    """What a listing may be narrowed by; ``None`` means "any"."""

    actor: str | None = None  # id, CAMEO code, country code, or part of a name
    type: str | None = None  # PLOVER event type
    modality: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    source: str | None = None  # outlet, part of its name
    speaker: str | None = None  # part of a quoted speaker's name
    kind: str | None = None  # actor kind, or quote kind
    limit: int | None = 50


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [
        {name: _plain(value) for name, value in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _limit(filters: Filters) -> str:
    return f"LIMIT {int(filters.limit)}" if filters.limit else ""


def _source_and_dates(where: _Where, filters: Filters, date_sql: str) -> None:
    if filters.source:
        where.add("a.source ILIKE ?", f"%{filters.source}%")
    if filters.since:
        where.add(f"{date_sql} >= CAST(? AS DATE)", filters.since)
    if filters.until:
        where.add(f"{date_sql} <= CAST(? AS DATE)", filters.until)


def _actor_match(alias: str) -> str:
    return (
        f"({alias}.id = ? OR {alias}.code = upper(?) OR {alias}.country = upper(?)"
        f" OR {alias}.igo = upper(?) OR {alias}.name ILIKE ?)"
    )


def _actor_params(actor: str) -> list[Any]:
    return [actor, actor, actor, actor, f"%{actor}%"]


def list_articles(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    where = _Where()
    _source_and_dates(where, filters, "a.published")
    if filters.actor:
        where.add(
            "a.id IN (SELECT aa.article_id FROM article_actors aa JOIN actors x"
            f" ON x.id = aa.actor_id WHERE {_actor_match('x')})",
            *_actor_params(filters.actor),
        )
    return _fetch(con, f"""
        SELECT a.id, a.published, a.source,
               coalesce(a.title, left(a.text, 60)) AS title,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               (SELECT count(*) FROM article_actors aa WHERE aa.article_id = a.id) AS actors,
               a.note
        FROM articles a {where.sql()}
        ORDER BY a.published NULLS LAST, a.id {_limit(filters)}""", where.params)


def list_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    """Events, dated by their own date, or the article's publication date when undated."""
    where = _Where()
    _source_and_dates(where, filters, "coalesce(e.when_start, a.published)")
    if filters.type:
        where.add("e.type = upper(?)", filters.type)
    if filters.modality:
        where.add("e.modality = lower(?)", filters.modality)
    if filters.actor:
        where.add(f"({_actor_match('s')} OR {_actor_match('t')})",
                  *_actor_params(filters.actor), *_actor_params(filters.actor))
    return _fetch(con, f"""
        SELECT e.article_id, e.seq, e.when_value AS "when", s.name AS source_actor, e.type,
               e.mode, e.cameo, t.name AS target_actor, e.modality, e.trigger_text AS trigger,
               e.confidence, a.source, a.published, e.sentence
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN actors s ON s.id = e.source_id
        LEFT JOIN actors t ON t.id = e.target_id
        {where.sql()}
        ORDER BY coalesce(e.when_start, a.published) NULLS LAST, e.article_id, e.seq
        {_limit(filters)}""", where.params)


def list_actors(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    where = _Where()
    if filters.actor:
        where.add(_actor_match("x"), *_actor_params(filters.actor))
    if filters.kind:
        where.add("x.kind = lower(?)", filters.kind)
    return _fetch(con, f"""
        SELECT x.id, x.name, x.kind, x.code, x.country, x.igo, x.sector,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = x.id) AS mentions,
               (SELECT count(DISTINCT article_id) FROM article_actors aa
                 WHERE aa.actor_id = x.id) AS articles,
               (SELECT count(*) FROM events e
                 WHERE e.source_id = x.id OR e.target_id = x.id) AS events
        FROM actors x {where.sql()}
        ORDER BY mentions DESC, x.id {_limit(filters)}""", where.params)


def list_quotes(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    where = _Where()
    _source_and_dates(where, filters, "a.published")
    if filters.speaker:
        where.add("q.speaker_name ILIKE ?", f"%{filters.speaker}%")
    if filters.kind:
        where.add("q.kind = lower(?)", filters.kind)
    if filters.actor:
        where.add(f"q.speaker_actor_id IN (SELECT x.id FROM actors x WHERE {_actor_match('x')})",
                  *_actor_params(filters.actor))
    return _fetch(con, f"""
        SELECT q.article_id, q.seq, q.speaker_name AS speaker, q.speaker_description,
               q.kind, q.text, a.source, a.published
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {where.sql()}
        ORDER BY a.published NULLS LAST, q.article_id, q.seq {_limit(filters)}""", where.params)


def corpus_stats(con: duckdb.DuckDBPyConnection, *, top: int = 10) -> dict[str, Any]:
    """Counts of every record kind, events by type and modality, top actors and dyads."""
    def scalar(sql: str) -> Any:
        row = con.execute(sql).fetchone()
        return _plain(row[0]) if row else None

    tables = ("articles", "events", "actors", "mentions", "quotes", "times", "places")
    return {
        "counts": {t: scalar(f"SELECT count(*) FROM {t}") for t in tables},
        "not_analysed": scalar("SELECT count(*) FROM articles WHERE note IS NOT NULL"),
        "published": {"first": scalar("SELECT min(published) FROM articles"),
                      "last": scalar("SELECT max(published) FROM articles")},
        "sources": _fetch(con, "SELECT source, count(*) AS articles FROM articles"
                               " GROUP BY source ORDER BY articles DESC, source", []),
        "events_by_type": _fetch(con, "SELECT type, count(*) AS events FROM events"
                                      " GROUP BY type ORDER BY events DESC, type", []),
        "events_by_modality": _fetch(con, "SELECT modality, count(*) AS events FROM events"
                                          " GROUP BY modality ORDER BY events DESC", []),
        # Counted by id first and named last: joining names before grouping costs
        # a string join per row on a large store.
        "top_actors": _fetch(con, f"""
            WITH counted AS (
                SELECT actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles
                FROM mentions GROUP BY actor_id)
            SELECT x.name, x.kind, x.code, sum(c.mentions) AS mentions,
                   sum(c.articles) AS articles
            FROM counted c JOIN actors x ON x.id = c.actor_id
            GROUP BY x.name, x.kind, x.code ORDER BY mentions DESC, x.name LIMIT {top}""", []),
        "top_dyads": _fetch(con, f"""
            WITH counted AS (
                SELECT source_id, target_id, count(*) AS events FROM events
                WHERE source_id IS NOT NULL AND target_id IS NOT NULL
                GROUP BY source_id, target_id)
            SELECT s.name AS source_actor, t.name AS target_actor, sum(c.events) AS events
            FROM counted c JOIN actors s ON s.id = c.source_id JOIN actors t ON t.id = c.target_id
            GROUP BY s.name, t.name ORDER BY events DESC, s.name, t.name LIMIT {top}""", []),
    }
