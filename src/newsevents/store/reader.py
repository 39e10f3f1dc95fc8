"""Reading stored rows back into records: one article's full analysis."""

from __future__ import annotations

from typing import Any

import duckdb

from newsevents.records import (
    Actor,
    Analysis,
    Article,
    Dateline,
    Event,
    Mention,
    Place,
    Quote,
    Speaker,
    TimeExpression,
    Tone,
    Trigger,
    When,
)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def article_from_row(row: dict[str, Any]) -> Article:
    dateline = None
    if row["dateline_start"] is not None:
        dateline = Dateline(
            place=row["dateline_place"], agency=row["dateline_agency"],
            span=(row["dateline_start"], row["dateline_end"]),
        )
    return Article(
        id=row["id"], text=row["text"], title=row["title"], source=row["source"],
        url=row["url"], published=_iso(row["published"]), published_how=row["published_how"],
        language=row["language"], dateline=dateline,
        debris=tuple((r[0], r[1]) for r in row["debris"] or ()),
        content_hash=row["content_hash"], signature=tuple(row["signature"] or ()),
        note=row["note"],
    )


def load_article(con: duckdb.DuckDBPyConnection, article_id: str) -> Article | None:
    rows = _rows(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    return article_from_row(rows[0]) if rows else None


def load_analysis(con: duckdb.DuckDBPyConnection, article_id: str) -> Analysis | None:
    """The stored analysis of one article, as ``analyze()`` returned it."""
    article = load_article(con, article_id)
    if article is None:
        return None
    by_seq = "WHERE article_id = ? ORDER BY seq"
    sentences = _rows(con, f"SELECT span_start, span_end FROM sentences {by_seq}", [article_id])
    mentions = _rows(con, f"SELECT * FROM mentions {by_seq}", [article_id])
    actors = {
        r["id"]: _actor(r) for r in _rows(
            con,
            "SELECT * FROM actors WHERE id IN (SELECT actor_id FROM article_actors"
            " WHERE article_id = ? UNION SELECT source_id FROM events WHERE article_id = ?"
            " UNION SELECT target_id FROM events WHERE article_id = ?)",
            [article_id] * 3,
        )
    }
    places = [_place(r) for r in _rows(con, f"SELECT * FROM places {by_seq}", [article_id])]
    tone_rows = _rows(con, "SELECT * FROM tones WHERE article_id = ?", [article_id])
    return Analysis(
        article=article,
        sentences=tuple((r["span_start"], r["span_end"]) for r in sentences),
        mentions=tuple(
            Mention(text=r["text"], label=r["label"], span=(r["span_start"], r["span_end"]),
                    sentence=(r["sentence_start"], r["sentence_end"]), actor_id=r["actor_id"])
            for r in mentions
        ),
        actors=tuple(
            actors[r["actor_id"]]
            for r in _rows(con, f"SELECT actor_id FROM article_actors {by_seq}", [article_id])
        ),
        events=tuple(
            _event(r, actors, places)
            for r in _rows(con, f"SELECT * FROM events {by_seq}", [article_id])
        ),
        times=tuple(
            TimeExpression(text=r["text"], type=r["type"], value=r["value"],
                           anchored=r["anchored"], span=(r["span_start"], r["span_end"]))
            for r in _rows(con, f"SELECT * FROM times {by_seq}", [article_id])
        ),
        quotes=tuple(
            _quote(r) for r in _rows(con, f"SELECT * FROM quotes {by_seq}", [article_id])
        ),
        places=tuple(places),
        tone=_tone(tone_rows[0]) if tone_rows else None,
    )


def _actor(row: dict[str, Any]) -> Actor:
    return Actor(
        id=row["id"], name=row["name"], kind=row["kind"], code=row["code"],
        country=row["country"], igo=row["igo"], sector=row["sector"], title=row["title"],
        aliases=tuple(row["aliases"] or ()), provenance=row["provenance"] or "ner",
    )


def _place(row: dict[str, Any]) -> Place:
    return Place(
        text=row["text"], name=row["name"], country=row["country"], lat=row["lat"],
        lon=row["lon"], kind=row["kind"], geonames_id=row["geonames_id"],
        span=(row["span_start"], row["span_end"]),
    )


def _event(row: dict[str, Any], actors: dict[str, Actor], places: list[Place]) -> Event:
    when = None
    if row["when_text"] is not None:
        when = When(value=row["when_value"], text=row["when_text"],
                    start=_iso(row["when_start"]), end=_iso(row["when_end"]),
                    granularity=row["when_granularity"])
    return Event(
        source=actors.get(row["source_id"]) if row["source_id"] else None,
        target=actors.get(row["target_id"]) if row["target_id"] else None,
        type=row["type"], mode=row["mode"], cameo=row["cameo"], modality=row["modality"],
        when=when,
        where=places[row["place_seq"]] if row["place_seq"] is not None else None,
        reported_by=row["reported_by"],
        trigger=Trigger(text=row["trigger_text"],
                        span=(row["trigger_start"], row["trigger_end"])),
        sentence=row["sentence"], span=(row["span_start"], row["span_end"]),
        confidence=row["confidence"], cluster=row["cluster"],
    )


def _quote(row: dict[str, Any]) -> Quote:
    speaker = None
    if row["speaker_name"] is not None:
        speaker = Speaker(name=row["speaker_name"], description=row["speaker_description"],
                          actor_id=row["speaker_actor_id"])
    return Quote(speaker=speaker, text=row["text"], kind=row["kind"],
                 span=(row["span_start"], row["span_end"]), occasion=row["occasion"],
                 verb=row["verb"])


def _tone(row: dict[str, Any]) -> Tone:
    return Tone(
        tone=row["tone"], positive=row["positive"], negative=row["negative"],
        polarity=row["polarity"], activity=row["activity"], self_group=row["self_group"],
        words=row["words"], loaded_terms=tuple(row["loaded_terms"] or ()),
    )
