"""Shared fixtures: the real spaCy pipeline loaded once per session, paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsevents.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_jsonl() -> Path:
    path = SHARED / "seeds" / "articles.jsonl"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    return path
