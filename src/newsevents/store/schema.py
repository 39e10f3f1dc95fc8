"""The DuckDB schema, its version table and the migrations between versions.

``MIGRATIONS[n]`` brings a database from version ``n`` to ``n + 1``; a new
database runs them all. A database newer than this code is refused.
"""

from __future__ import annotations

import duckdb

from newsevents.errors import StoreError

_VERSION_1 = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    url VARCHAR,
    source VARCHAR,
    title VARCHAR,
    published DATE,
    published_how VARCHAR NOT NULL,
    language VARCHAR,
    text VARCHAR NOT NULL,
    dateline_place VARCHAR,
    dateline_agency VARCHAR,
    dateline_start INTEGER,
    dateline_end INTEGER,
    debris INTEGER[][],
    content_hash VARCHAR NOT NULL,
    signature UBIGINT[],
    note VARCHAR,
    pipeline_version INTEGER NOT NULL,
    lexicon_version VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE sentences (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    code VARCHAR, country VARCHAR, igo VARCHAR, sector VARCHAR, title VARCHAR,
    aliases VARCHAR[],
    provenance VARCHAR
);
CREATE TABLE article_actors (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, actor_id VARCHAR NOT NULL
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    text VARCHAR NOT NULL, label VARCHAR NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    actor_id VARCHAR
);
CREATE TABLE events (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    source_id VARCHAR, target_id VARCHAR,
    type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR,
    modality VARCHAR NOT NULL,
    when_value VARCHAR, when_text VARCHAR, when_start DATE, when_end DATE,
    when_granularity VARCHAR,
    place_seq INTEGER,
    reported_by VARCHAR,
    trigger_text VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,
    cluster VARCHAR
);
CREATE TABLE times (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    text VARCHAR NOT NULL, type VARCHAR NOT NULL, value VARCHAR, anchored BOOLEAN NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    speaker_name VARCHAR, speaker_description VARCHAR, speaker_actor_id VARCHAR,
    text VARCHAR NOT NULL, kind VARCHAR NOT NULL, occasion VARCHAR, verb VARCHAR,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE places (
    article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    text VARCHAR NOT NULL, name VARCHAR, country VARCHAR,
    lat DOUBLE, lon DOUBLE, kind VARCHAR, geonames_id BIGINT,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE tones (
    article_id VARCHAR PRIMARY KEY,
    tone DOUBLE, positive DOUBLE, negative DOUBLE, polarity DOUBLE,
    activity DOUBLE, self_group DOUBLE, words INTEGER, loaded_terms VARCHAR[]
);
CREATE TABLE stories (
    id VARCHAR PRIMARY KEY, label VARCHAR,
    first_published DATE, last_published DATE
);
CREATE TABLE story_articles (story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL);
"""

MIGRATIONS: tuple[str, ...] = (_VERSION_1,)
SCHEMA_VERSION = len(MIGRATIONS)

# Tables holding one article's analysis, keyed by article_id; replaced as a whole.
ARTICLE_TABLES = (
    "sentences", "article_actors", "mentions", "events", "times", "quotes", "places", "tones",
)


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the open database; 0 for an empty one."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Bring the database to ``SCHEMA_VERSION``, or refuse one written by newer code."""
    version = stored_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: database schema version {version} is newer than this newsevents "
            f"understands ({SCHEMA_VERSION}); upgrade newsevents"
        )
    if version == SCHEMA_VERSION:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        for number in range(version, SCHEMA_VERSION):
            con.execute(MIGRATIONS[number])
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [number + 1])
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
