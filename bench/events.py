"""Events against gold: precision, recall, F1, modality and date accuracy, per article too.

    .venv/bin/python bench/events.py [PRED_OR_INPUT ...] [--gold FILE ...] [--per-article]
                                    [--confusion] [--misses N] [--update-floors [--allow-lower]]

With no arguments it scores the seed articles against ../shared/gold/seeds.events.jsonl,
the examples against bench/gold/events.dev.jsonl and the short codebook-style items of
bench/gold/events.codebook.articles.jsonl against bench/gold/events.codebook.jsonl,
analysing them with the installed pipeline. PRED_OR_INPUT is either analysis-contract
JSON Lines (scored as they are) or any input `newsevents analyze` reads (analysed
first); then give the gold with --gold.
Rules: ../shared/gold/README.md, implemented in newsevents.evaluate.events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsevents.engines.local import analyze_items
from newsevents.evaluate.events import (
    MISSED,
    GoldEvent,
    PredictedEvent,
    predicted_events,
    score_by_article,
    score_events,
    type_confusion,
)
from newsevents.ingest import read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS = REPO / "bench" / "events_floors.json"
# Floors sit this far below the measured figure: the actor, time and place
# extractors the coder builds on move the figures a little from change to change,
# and on a small gold set one event more or less moves them by 1/size.
FLOOR_MARGIN = 0.02
EVENTS_OF_SLACK = 1.5
DEFAULT_SETS = {
    "seeds": (SHARED / "gold" / "seeds.events.jsonl", [SHARED / "seeds" / "articles.jsonl"]),
    "dev": (REPO / "bench" / "gold" / "events.dev.jsonl", [REPO / "examples"]),
    "codebook": (REPO / "bench" / "gold" / "events.codebook.jsonl",
                 [REPO / "bench" / "gold" / "events.codebook.articles.jsonl"]),
}


def read_gold(path: Path) -> list[GoldEvent]:
    return [GoldEvent.from_line(json.loads(line))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_contract_jsonl(path: Path) -> bool:
    if path.is_dir() or path.suffix != ".jsonl":
        return False
    first = next((line for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()), "{}")
    record = json.loads(first)
    return isinstance(record.get("article"), dict) and ("events" in record or "error" in record)


def analysed(inputs: Iterable[Path]) -> list[dict[str, Any]]:
    records = []
    nlp, lexicon = load_pipeline(), load_lexicon()
    for path in inputs:
        if is_contract_jsonl(path):
            records += [json.loads(line) for line in path.read_text().splitlines() if line]
            continue
        for outcome in analyze_items(read_inputs([str(path)]), nlp=nlp, lexicon=lexicon):
            if hasattr(outcome, "contract_dict"):
                records.append(outcome.contract_dict())
    return records


def print_scores(name: str, predicted: list[PredictedEvent], gold: list[GoldEvent],
                 args: argparse.Namespace) -> dict[str, float]:
    scores = score_events(predicted, gold)
    print(f"{name:6} gold {scores.gold:4}  tuples right {scores.right:4} wrong {scores.wrong:4} "
          f"ignored {scores.ignored:3}  P {scores.precision:.3f}  R {scores.recall:.3f}  "
          f"F1 {scores.f1:.3f}  modality {scores.modality_accuracy:.3f} "
          f"({scores.modality_right}/{scores.found})  date {scores.date_accuracy:.3f} "
          f"({scores.date_right}/{scores.dated_found})")
    if args.per_article:
        for article, s in score_by_article(predicted, gold).items():
            print(f"    {article[:28]:28} gold {s.gold:3} right {s.right:3} wrong {s.wrong:3} "
                  f"P {s.precision:.2f} R {s.recall:.2f} modality {s.modality_accuracy:.2f} "
                  f"date {s.date_accuracy:.2f}")
    if args.confusion:
        print_confusion(type_confusion(predicted, gold))
    if args.misses:
        found = {(e.article, e.source, e.type, e.target) for e in predicted}
        missed = [g for g in gold if not g.optional and not any(
            (g.article, g.source, t, g.target) in found for t in g.types)]
        for g in missed[: args.misses]:
            print(f"    missed {g.article[:24]:24} {g.source} {g.type} {g.target} {g.modality}")
    return scores.figures()


def print_confusion(counts: dict[tuple[str, str], int]) -> None:
    rows = sorted({g for g, _ in counts})
    cols = sorted({p for _, p in counts} - {MISSED}) + [MISSED]
    print("    gold \\ predicted " + " ".join(f"{c[:8]:>8}" for c in cols))
    for g in rows:
        cells = " ".join(f"{counts.get((g, c), 0) or '.':>8}" for c in cols)
        print(f"    {g:18} {cells}")


def update_floors(results: dict[str, dict[str, float]], sizes: dict[str, int],
                  allow_lower: bool) -> None:
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for name, figures in results.items():
        margin = max(FLOOR_MARGIN, EVENTS_OF_SLACK / max(1, sizes[name]))
        for figure, value in figures.items():
            new, old = round(value - margin, 3), floors.get(name, {}).get(figure)
            if old is not None and new < old and not allow_lower:
                sys.exit(f"{name} {figure}: {new} would lower the floor {old}; "
                         "pass --allow-lower to accept that")
            floors.setdefault(name, {})[figure] = new
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(f"floors written to {FLOORS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--gold", nargs="+", type=Path, help="gold files or folders")
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument("--confusion", action="store_true", help="PLOVER type confusion")
    parser.add_argument("--misses", type=int, default=0, help="list N missed gold lines")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    if args.inputs:
        if not args.gold:
            sys.exit("give the gold for these inputs with --gold")
        gold_files = [f for g in args.gold
                      for f in (sorted(g.glob("*.events.jsonl")) if g.is_dir() else [g])]
        gold = [line for f in gold_files for line in read_gold(f)]
        print_scores("input", predicted_events(analysed(args.inputs)), gold, args)
        return
    for name, (gold_path, inputs) in DEFAULT_SETS.items():
        if not gold_path.exists():
            print(f"{name}: {gold_path} not found, skipped", file=sys.stderr)
            continue
        gold = read_gold(gold_path)
        results[name] = print_scores(name, predicted_events(analysed(inputs)), gold, args)
        sizes[name] = sum(not line.optional for line in gold)
    if args.update_floors:
        update_floors(results, sizes, args.allow_lower)


if __name__ == "__main__":
    main()
