"""CI gate: the event coder stays above the floors pinned in bench/events_floors.json.

Raise floors with `bench/events.py --update-floors`; lowering one needs --allow-lower.
Both gold sets are analysed once (about 30 articles, well under 30 s).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.evaluate.events import predicted_events, score_events

pytestmark = pytest.mark.model

BENCH = Path(__file__).resolve().parents[2] / "bench"
FLOORS = json.loads((BENCH / "events_floors.json").read_text())


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_events", BENCH / "events.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_scores_stay_above_their_floors(name: str) -> None:
    harness = _harness()
    gold_path, inputs = harness.DEFAULT_SETS[name]
    if not gold_path.exists() or not all(p.exists() for p in inputs):
        pytest.skip(f"{name} gold or articles are not available here")
    scores = score_events(predicted_events(harness.analysed(inputs)),
                          harness.read_gold(gold_path)).figures()
    below = {figure: (round(scores[figure], 3), floor)
             for figure, floor in FLOORS[name].items() if scores[figure] < floor}
    assert not below, f"{name}: figures below their floors (got, floor): {below}"
