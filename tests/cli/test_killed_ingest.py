"""An ingest killed outright (SIGKILL, no clean-up) and re-run stores every article once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def ingest(db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsevents", "ingest", str(EXAMPLES), "--db", str(db),
         "--batch-size", "4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def test_a_killed_ingest_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    reference = tmp_path / "reference.duckdb"
    assert ingest(reference).wait(timeout=300) == 0

    victim = ingest(db)
    time.sleep(4)  # model loaded, some batches committed, one in flight (wherever it is, the
    os.kill(victim.pid, signal.SIGKILL)  # assertions below must hold)
    victim.wait()

    rerun = ingest(db)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    query = "SELECT count(*), count(DISTINCT id) FROM articles"
    killed = duckdb.connect(str(db), read_only=True)
    complete = duckdb.connect(str(reference), read_only=True)
    assert killed.execute(query).fetchall() == complete.execute(query).fetchall()
    for table in ("mentions", "sentences", "article_actors"):
        sql = f"SELECT count(*) FROM {table}"
        assert killed.execute(sql).fetchall() == complete.execute(sql).fetchall(), table
