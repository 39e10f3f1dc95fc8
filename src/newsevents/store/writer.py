"""Writing analyses: one transaction per batch, each article's rows replaced as a whole.

Rows go in as Arrow tables (one insert per table per batch) rather than row by
row, which DuckDB does slowly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.records import Actor, Analysis, Article
from newsevents.store.schema import ARTICLE_TABLES


def write_batch(
    con: duckdb.DuckDBPyConnection,
    analyses: Sequence[Analysis],
    *,
    pipeline_version: int,
    lexicon_version: str,
) -> None:
    """Store ``analyses`` in one transaction: all of them, or (on error) none."""
    if not analyses:
        return
    latest = {a.article.id: a for a in analyses}  # the same article twice: the last one wins
    ids = list(latest)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (*ARTICLE_TABLES, "articles")}
    actors: dict[str, Actor] = {}
    for analysis in latest.values():
        collect_rows(analysis, rows, actors, pipeline_version, lexicon_version)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in (*ARTICLE_TABLES, "articles"):
            con.execute(f"DELETE FROM {table} WHERE {_key(table)} IN (SELECT unnest(?))", [ids])
        _upsert_actors(con, actors.values())
        for table, table_rows in rows.items():
            _insert(con, table, table_rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _key(table: str) -> str:
    return "id" if table == "articles" else "article_id"


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    arrow = pa.Table.from_pylist(rows)  # noqa: F841 - read by name in the SQL below
    names = ", ".join(columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM arrow")


_ACTOR_SCHEMA = pa.schema([
    ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("code", pa.string()),
    ("country", pa.string()), ("igo", pa.string()), ("sector", pa.string()),
    ("title", pa.string()), ("aliases", pa.list_(pa.string())), ("provenance", pa.string()),
])


def _upsert_actors(con: duckdb.DuckDBPyConnection, actors: Any) -> None:
    """Insert new actors; for known ones keep the stored facts and add new aliases.

    One statement for the batch: an upsert per actor costs more than the rest of
    the write together.
    """
    rows = [{"id": a.id, "name": a.name, "kind": a.kind, "code": a.code, "country": a.country,
             "igo": a.igo, "sector": a.sector, "title": a.title, "aliases": list(a.aliases),
             "provenance": a.provenance} for a in actors]
    if not rows:
        return
    batch = pa.Table.from_pylist(rows, schema=_ACTOR_SCHEMA)  # noqa: F841 - read by name below
    con.execute(
        """
        INSERT INTO actors (id, name, kind, code, country, igo, sector, title, aliases,
                            provenance)
        SELECT id, name, kind, code, country, igo, sector, title, aliases, provenance
        FROM batch
        ON CONFLICT (id) DO UPDATE SET
            aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases)))
        """
    )


def collect_rows(
    analysis: Analysis,
    rows: dict[str, list[dict[str, Any]]],
    actors: dict[str, Actor],
    pipeline_version: int,
    lexicon_version: str,
) -> None:
    """Add one analysis's rows, table by table, to ``rows`` and its actors to ``actors``.

    Shared by the DuckDB writer and the Spark engine, so both store the same rows.
    """
    article = analysis.article
    rows["articles"].append(_article_row(article, pipeline_version, lexicon_version))
    aid = article.id
    for seq, actor in enumerate(analysis.actors):
        actors[actor.id] = _merge_aliases(actors.get(actor.id), actor)
        rows["article_actors"].append({"article_id": aid, "seq": seq, "actor_id": actor.id})
    for seq, (start, end) in enumerate(analysis.sentences):
        rows["sentences"].append(
            {"article_id": aid, "seq": seq, "span_start": start, "span_end": end})
    for seq, m in enumerate(analysis.mentions):
        rows["mentions"].append({
            "article_id": aid, "seq": seq, "text": m.text, "label": m.label,
            "span_start": m.span[0], "span_end": m.span[1],
            "sentence_start": m.sentence[0], "sentence_end": m.sentence[1],
            "actor_id": m.actor_id,
        })
    for seq, t in enumerate(analysis.times):
        rows["times"].append({
            "article_id": aid, "seq": seq, "text": t.text, "type": t.type, "value": t.value,
            "anchored": t.anchored, "span_start": t.span[0], "span_end": t.span[1],
        })
    for seq, p in enumerate(analysis.places):
        rows["places"].append({
            "article_id": aid, "seq": seq, "text": p.text, "name": p.name, "country": p.country,
            "lat": p.lat, "lon": p.lon, "kind": p.kind, "geonames_id": p.geonames_id,
            "span_start": p.span[0], "span_end": p.span[1],
        })
    for seq, q in enumerate(analysis.quotes):
        rows["quotes"].append({
            "article_id": aid, "seq": seq,
            "speaker_name": q.speaker.name if q.speaker else None,
            "speaker_description": q.speaker.description if q.speaker else None,
            "speaker_actor_id": q.speaker.actor_id if q.speaker else None,
            "text": q.text, "kind": q.kind, "occasion": q.occasion, "verb": q.verb,
            "span_start": q.span[0], "span_end": q.span[1],
        })
    for seq, e in enumerate(analysis.events):
        for side in (e.source, e.target):
            if side is not None:
                actors[side.id] = _merge_aliases(actors.get(side.id), side)
        rows["events"].append({
            "article_id": aid, "seq": seq,
            "source_id": e.source.id if e.source else None,
            "target_id": e.target.id if e.target else None,
            "type": e.type, "mode": e.mode, "cameo": e.cameo, "modality": e.modality,
            "when_value": e.when.value if e.when else None,
            "when_text": e.when.text if e.when else None,
            "when_start": e.when.start if e.when else None,
            "when_end": e.when.end if e.when else None,
            "when_granularity": e.when.granularity if e.when else None,
            "place_seq": _place_seq(analysis, e.where),
            "reported_by": e.reported_by,
            "trigger_text": e.trigger.text,
            "trigger_start": e.trigger.span[0], "trigger_end": e.trigger.span[1],
            "sentence": e.sentence, "span_start": e.span[0], "span_end": e.span[1],
            "confidence": e.confidence, "cluster": e.cluster,
        })
    if analysis.tone is not None:
        rows["tones"].append({"article_id": aid, **analysis.tone.to_dict()})


def _article_row(article: Article, pipeline_version: int, lexicon_version: str) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "id": article.id, "url": article.url, "source": article.source, "title": article.title,
        "published": article.published, "published_how": article.published_how,
        "language": article.language, "text": article.text,
        "dateline_place": dateline.place if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "dateline_start": dateline.span[0] if dateline else None,
        "dateline_end": dateline.span[1] if dateline else None,
        "debris": [list(r) for r in article.debris],
        "content_hash": article.content_hash,
        "signature": list(article.signature),
        "note": article.note,
        "pipeline_version": pipeline_version,
        "lexicon_version": lexicon_version,
    }


def _place_seq(analysis: Analysis, place: Any) -> int | None:
    if place is None:
        return None
    for seq, candidate in enumerate(analysis.places):
        if candidate == place:
            return seq
    return None


def _merge_aliases(known: Actor | None, actor: Actor) -> Actor:
    if known is None:
        return actor
    aliases = tuple(dict.fromkeys((*known.aliases, *actor.aliases)))
    return replace(known, aliases=aliases)
