"""The two seed articles of ../shared/seeds, when that folder is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.ingest import read_inputs
from newsevents.records import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "articles.jsonl"

pytestmark = pytest.mark.skipif(not SEEDS.is_file(), reason="../shared/seeds is absent")


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    items = list(read_inputs([str(SEEDS)]))
    assert all(isinstance(i, Article) for i in items)
    return [i for i in items if isinstance(i, Article)]


def test_ids_are_kept(seeds: list[Article]) -> None:
    assert [a.id for a in seeds] == ["000_141bae70a4824152", "002_9669d67cad7bb40a"]
    assert all(a.published_how == "given" and a.language == "en" for a in seeds)


def test_second_seed_dateline(seeds: list[Article]) -> None:
    article = seeds[1]
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Beijing", "GPA")
    assert article.text[slice(*article.dateline.span)].startswith("Beijing (GPA)")


def test_second_seed_debris(seeds: list[Article]) -> None:
    article = seeds[1]
    marked = [article.text[s:e] for s, e in article.debris]
    assert "Image: KCNA" in marked
    assert "kim jong un china dprk xi" in marked
    related = [line for line in article.text.splitlines() if line.startswith("Related: ")]
    assert related and all(line in marked for line in related)
    assert all(not line.startswith("Chinese President") for line in marked)


def test_first_seed_has_no_dateline_and_text_kept(seeds: list[Article]) -> None:
    article = seeds[0]
    assert article.dateline is None
    for start, end in article.debris:
        assert article.text[start:end].strip() == article.text[start:end]
