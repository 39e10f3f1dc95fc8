"""Temporal expressions: our tagger and dateparser side by side on every gold set.

    .venv/bin/python bench/times.py [--gold seeds|dev|tbaq|all] [--tagger ours|dateparser|both]
                                   [--predictions FILE] [--errors N] [--limit N]
                                   [--update-floors [--allow-lower]]

Prints strict, relaxed, value and type F1 (definitions: ../shared/gold/README.md,
implemented in newsevents.evaluate.times). ``--predictions`` scores any tagger's
output given as analysis-contract JSON Lines (article.id and times). The CI gate
(tests/evaluate/test_times_gate.py) holds our figures above the floors pinned in
bench/times_floors.json; of TimeBank/AQUAINT it scores only the first documents
(``tbaq-gate``), to stay fast, while the full set's floors are for this bench.
``--update-floors`` raises them to today's figures and refuses to lower one
unless ``--allow-lower`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsevents.evaluate.time_sets import (
    GoldSet,
    dev_set,
    errors,
    score_set,
    seed_set,
    tag_dateparser,
    tag_ours,
    tbaq_gate_set,
    tbaq_set,
)
from newsevents.evaluate.times import Scores
from newsevents.records import TimeExpression

FLOORS = Path(__file__).resolve().parent / "times_floors.json"
# Which figures each set's floor pins (the targets).
GATED = {"seeds": ("strict_f1", "value_f1"), "dev": ("strict_f1", "value_f1"),
         "tbaq": ("relaxed_f1", "value_f1", "type_f1"),
         "tbaq-gate": ("relaxed_f1", "value_f1", "type_f1")}


def load_sets(names: list[str], limit: int | None) -> list[GoldSet]:
    loaders = {"seeds": seed_set, "dev": dev_set, "tbaq": lambda: tbaq_set(limit)}
    sets = []
    for name in names:
        gold = loaders[name]()
        if gold is None:
            print(f"{name}: gold not found, skipped", file=sys.stderr)
        else:
            sets.append(gold)
    return sets


def predictions_from(path: Path) -> dict[str, list[TimeExpression]]:
    tagged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        tagged[record["article"]["id"]] = [TimeExpression.from_dict(t)
                                           for t in record.get("times", [])]
    return tagged


def row(gold: GoldSet, tagger: str, scores: Scores, seconds: float) -> str:
    return (f"{gold.name:6} {tagger:11} {scores.gold:5} {scores.predictions:5}  "
            f"{scores.strict.precision:.3f} {scores.strict.recall:.3f} {scores.strict_f1:.3f}  "
            f"{scores.relaxed.precision:.3f} {scores.relaxed.recall:.3f} "
            f"{scores.relaxed_f1:.3f}  {scores.value_f1:.3f}  {scores.type_f1:.3f}  "
            f"{seconds:6.1f}s")


def update_floors(results: dict[str, Scores], allow_lower: bool) -> None:
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for name, scores in results.items():
        for figure in GATED[name]:
            new = round(getattr(scores, figure) - 0.005, 3)  # a little room for ties
            old = floors.get(name, {}).get(figure)
            if old is not None and new < old and not allow_lower:
                sys.exit(f"{name} {figure}: {new} would lower the floor {old}; "
                         "pass --allow-lower to accept that")
            floors.setdefault(name, {})[figure] = new
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(f"floors written to {FLOORS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", choices=["seeds", "dev", "tbaq", "all"], default="all")
    parser.add_argument("--tagger", choices=["ours", "dateparser", "both"], default="both")
    parser.add_argument("--predictions", type=Path, help="contract JSONL of another tagger")
    parser.add_argument("--errors", type=int, default=0, help="print N of our errors per set")
    parser.add_argument("--limit", type=int, help="only the first N TimeBank/AQUAINT documents")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()
    if args.update_floors and args.limit is not None:
        parser.error("--update-floors pins the full sets' figures: drop --limit")

    names = ["seeds", "dev", "tbaq"] if args.gold == "all" else [args.gold]
    taggers = {"ours": tag_ours, "dateparser": tag_dateparser}
    chosen = list(taggers) if args.tagger == "both" else [args.tagger]
    print("set    tagger       gold  pred  strict P/R/F1        relaxed P/R/F1       "
          "value  type   time")
    ours: dict[str, Scores] = {}
    for gold in load_sets(names, args.limit):
        for name in chosen:
            started = time.perf_counter()
            tagged = taggers[name](gold.articles)
            scores = score_set(gold, tagged)
            print(row(gold, name, scores, time.perf_counter() - started), flush=True)
            if name == "ours":
                ours[gold.name] = scores
                if gold.name == "tbaq" and args.update_floors and args.limit is None:
                    sample = tbaq_gate_set()
                    if sample is not None:  # the gate's documents, from the same run
                        ours[sample.name] = score_set(sample, tagged)
                for error in errors(gold, tagged)[: args.errors]:
                    print(f"    {error.kind:11} {error.article[:24]:24} "
                          f"pred={error.predicted}  gold={error.gold}")
        if args.predictions:
            scores = score_set(gold, predictions_from(args.predictions))
            print(row(gold, args.predictions.name[:11], scores, 0.0))
    if args.update_floors:
        update_floors(ours, args.allow_lower)


if __name__ == "__main__":
    main()
