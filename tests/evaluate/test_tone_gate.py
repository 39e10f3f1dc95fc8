"""CI gate: tone labels and loaded terms on our dev gold stay above bench/tone_floors.json.

The figures are those bench/tone.py prints (label accuracy by the sign of tone,
strict loaded-term precision and recall); raise a floor when the bench rises.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.lexicon import load_lexicon

pytestmark = pytest.mark.model

BENCH = Path(__file__).resolve().parents[2] / "bench"
FLOORS = json.loads((BENCH / "tone_floors.json").read_text())


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_tone", BENCH / "tone.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_tone_figures_stay_above_their_floors(nlp) -> None:
    bench = load_bench()
    scores = bench.figures(bench.score_gold(bench.DEV, nlp, load_lexicon()))
    below = {name: (round(scores[name], 3), floor)
             for name, floor in FLOORS.items() if scores[name] < floor}
    assert not below, f"figures below their floors (got, floor): {below}"
