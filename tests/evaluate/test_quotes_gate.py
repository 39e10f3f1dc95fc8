"""CI gate: our quotes stay above the floors pinned in bench/quotes_floors.json, on the
seed gold and on our dev gold (F1 and speaker accuracy).

The scoring is bench/quotes.py's own (loaded from its file, as bench/ is no package).
Raise floors with `bench/quotes.py --extractor ours --update-floors`; lowering one
needs --allow-lower.
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
FLOORS = json.loads((BENCH / "quotes_floors.json").read_text())


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH / "quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quote_figures_stay_above_their_floors(name: str) -> None:
    bench = _bench()
    gold = {"seeds": bench.seed_set, "dev": bench.dev_set}[name]()
    if gold is None:
        pytest.skip(f"{name} gold is not available here")
    figures = bench.score(gold, bench.run_ours(gold.articles)).figures()
    below = {figure: (round(figures[figure], 3), floor)
             for figure, floor in FLOORS[name].items() if figures[figure] < floor}
    assert not below, f"{name}: quote figures below their floors (got, floor): {below}"
