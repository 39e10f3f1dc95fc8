"""CI gate: our time tagger stays above the floors pinned in bench/times_floors.json.

Raise floors with `bench/times.py --update-floors`; lowering one needs --allow-lower.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate.time_sets import dev_set, score_set, seed_set, tag_ours, tbaq_gate_set

pytestmark = pytest.mark.model

FLOORS = json.loads((Path(__file__).resolve().parents[2] / "bench" / "times_floors.json")
                    .read_text())
# The full TimeBank/AQUAINT set takes a minute to tag: the gate checks the floors of
# its first documents (tbaq-gate); bench/times.py checks the full set's by hand.
LOADERS = {"seeds": seed_set, "dev": dev_set, "tbaq-gate": tbaq_gate_set}


@pytest.mark.parametrize("name", sorted(set(FLOORS) & set(LOADERS)))
def test_time_tagger_scores_stay_above_their_floors(name: str) -> None:
    gold = LOADERS[name]()
    if gold is None:
        pytest.skip(f"{name} gold is not available here")
    scores = score_set(gold, tag_ours(gold.articles)).figures()
    below = {figure: (round(scores[figure], 3), floor)
             for figure, floor in FLOORS[name].items() if scores[figure] < floor}
    assert not below, f"{name}: figures below their floors (got, floor): {below}"
