"""Places: recall, precision and resolution accuracy against the dev gold.

    .venv/bin/python bench/places.py [--gold bench/gold/places.dev.jsonl] [--errors N]
                                     [--update-floors [--allow-lower]]

Gold: one line per place mention of the articles in examples/ (ids as
newsevents.ingest.read_inputs assigns them): {"article", "text", "start", "end",
"name", "country", "kind", "lat", "lon", "geonames_id", "optional", "comment"}.
Only articles with gold lines are scored.

- recall: share of non-optional gold mentions overlapped by a predicted place;
- precision: share of predicted places overlapping a non-optional gold mention,
  leaving out predictions that overlap only optional ones;
- resolution: share of matched gold mentions whose prediction lies within 161 km
  of the gold coordinates, or, where the gold is a country or has no
  coordinates, names the gold's country.

Prints figures (overall and by gold kind) and, with --errors N, up to N misses,
false alarms and wrong resolutions each. Asserts nothing: the CI gate
(tests/evaluate/test_places_gate.py) holds the figures above the floors pinned
in bench/places_floors.json, which ``--update-floors`` raises to today's figures
(it refuses to lower one unless given --allow-lower).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.extract.places import extract_places
from newsevents.extract.spans import skipped
from newsevents.ingest import read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Article, Place

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "places.dev.jsonl"
FLOORS = ROOT / "bench" / "places_floors.json"
KM = 161.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def resolved(gold: dict[str, Any], place: Place) -> bool:
    if gold["kind"] == "country" or gold["lat"] is None or gold["lon"] is None:
        return place.country == gold["country"]
    if place.lat is None or place.lon is None:
        return False
    return haversine(gold["lat"], gold["lon"], place.lat, place.lon) <= KM


def overlap(gold: dict[str, Any], place: Place) -> bool:
    return place.span[0] < gold["end"] and gold["start"] < place.span[1]


def predict(articles: list[Article]) -> dict[str, list[Place]]:
    nlp, lexicon = load_pipeline(), load_lexicon()
    return {a.id: list(extract_places(nlp(a.text), a, skip=skipped(a), lexicon=lexicon))
            for a in articles}


@dataclass
class Result:
    """Counts over one run: by gold kind [gold, found, resolved], and the errors."""

    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    true_pos: int = 0
    false_pos: int = 0
    misses: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    alarms: list[tuple[str, Place, str]] = field(default_factory=list)
    wrong: list[tuple[str, dict[str, Any], Place]] = field(default_factory=list)

    def totals(self) -> list[int]:
        return [sum(c[i] for c in self.by_kind.values()) for i in range(3)]

    def figures(self) -> dict[str, float]:
        """recall, precision and resolution, the figures the floors pin."""
        gold, found, good = self.totals()
        return {"recall": found / gold if gold else 0.0,
                "precision": self.true_pos / max(self.true_pos + self.false_pos, 1),
                "resolution": good / found if found else 0.0}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def gold_articles(lines: list[dict[str, Any]]) -> list[Article]:
    ids = {g["article"] for g in lines}
    articles = [a for a in read_inputs([str(ROOT / "examples")])
                if isinstance(a, Article) and a.id in ids]
    missing = ids - {a.id for a in articles}
    if missing:
        print(f"gold articles not found in examples/: {sorted(missing)}", file=sys.stderr)
    return articles


def score(lines: list[dict[str, Any]], articles: list[Article],
          predicted: dict[str, list[Place]]) -> Result:
    texts = {a.id: a.text for a in articles}
    result = Result()
    for article_id, places in predicted.items():
        gold = [g for g in lines if g["article"] == article_id]
        for g in gold:
            if g["optional"]:
                continue
            counts = result.by_kind[g["kind"]]
            counts[0] += 1
            hit = next((p for p in places if overlap(g, p)), None)
            if hit is None:
                result.misses.append((article_id, g,
                                      _context(texts[article_id], g["start"], g["end"])))
                continue
            counts[1] += 1
            if resolved(g, hit):
                counts[2] += 1
            else:
                result.wrong.append((article_id, g, hit))
        for p in places:
            touching = [g for g in gold if overlap(g, p)]
            if any(not g["optional"] for g in touching):
                result.true_pos += 1
            elif not touching:
                result.false_pos += 1
                result.alarms.append((article_id, p, _context(texts[article_id], *p.span)))
    return result


def update_floors(figures: dict[str, float], allow_lower: bool) -> None:
    """Pin today's figures (rounded down to three places) as the gate's floors."""
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for figure, value in figures.items():
        new, old = math.floor(value * 1000) / 1000, floors.get(figure)
        if old is not None and new < old and not allow_lower:
            sys.exit(f"{figure}: {new} would lower the floor {old}; pass --allow-lower")
        floors[figure] = new
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(f"floors written to {FLOORS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()
    lines = load_gold(args.gold)
    articles = gold_articles(lines)
    began = time.perf_counter()
    predicted = predict(articles)
    seconds = time.perf_counter() - began
    result = score(lines, articles, predicted)

    total = result.totals()
    print(f"articles {len(predicted)}  gold mentions {total[0]} (non-optional)  "
          f"predicted {sum(len(p) for p in predicted.values())}  {seconds:.1f}s")
    print(f"recall     {_ratio(total[1], total[0])}")
    print(f"precision  {_ratio(result.true_pos, result.true_pos + result.false_pos)}")
    print(f"resolution {_ratio(total[2], total[1])}")
    print(f"{'kind':10} {'gold':>5} {'recall':>7} {'resolution':>10}")
    for kind, (n, found, good) in sorted(result.by_kind.items(), key=lambda kv: -kv[1][0]):
        recall, resolution = _ratio(found, n, bare=True), _ratio(good, found, bare=True)
        print(f"{kind:10} {n:5} {recall:>7} {resolution:>10}")
    if args.errors:
        print(f"\nmissed ({len(result.misses)}):")
        for article_id, g, ctx in result.misses[:args.errors]:
            print(f"  {article_id[:12]} {g['text']!r} [{g['kind']}] ...{ctx}...")
        print(f"\nfalse alarms ({len(result.alarms)}):")
        for article_id, p, ctx in result.alarms[:args.errors]:
            print(f"  {article_id[:12]} {p.text!r} -> {p.name} {p.kind} ...{ctx}...")
        print(f"\nwrong resolution ({len(result.wrong)}):")
        for article_id, g, p in result.wrong[:args.errors]:
            print(f"  {article_id[:12]} {g['text']!r} gold {g['name']} {g['country']} "
                  f"{g['kind']} ({g['lat']}, {g['lon']}) -> {p.name} {p.country} {p.kind} "
                  f"({p.lat}, {p.lon})")
    if args.update_floors and args.gold == GOLD:
        update_floors(result.figures(), args.allow_lower)


def _ratio(part: int, whole: int, *, bare: bool = False) -> str:
    value = f"{part / whole:.3f}" if whole else "  -  "
    return value if bare else f"{value}  ({part}/{whole})"


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 40):end + 40].split())


if __name__ == "__main__":
    main()
