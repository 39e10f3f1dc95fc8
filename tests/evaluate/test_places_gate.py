"""CI gate: the places extractor stays above the floors pinned in bench/places_floors.json.

The scoring is bench/places.py's own (loaded from its file, as bench/ is no package).
Raise floors with `bench/places.py --update-floors`; lowering one needs --allow-lower.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.model

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_places", BENCH / "places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_place_figures_stay_above_their_floors() -> None:
    bench = _bench()
    floors = json.loads((BENCH / "places_floors.json").read_text())
    lines = bench.load_gold()
    articles = bench.gold_articles(lines)
    if not articles:
        pytest.skip("the examples/ articles of the places gold are not here")
    figures = bench.score(lines, articles, bench.predict(articles)).figures()
    below = {name: (round(figures[name], 3), floor)
             for name, floor in floors.items() if figures[name] < floor}
    assert not below, f"place figures below their floors (got, floor): {below}"
