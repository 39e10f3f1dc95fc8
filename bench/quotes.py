"""Quotes: our extractor and textacy's direct_quotations side by side on every gold set.

    .venv/bin/python bench/quotes.py [--gold seeds|dev|all] [--extractor ours|textacy|both]
                                    [--errors N] [--update-floors [--allow-lower]]

Gold sets: the seed articles (../shared/gold/seeds.quotes.jsonl over
../shared/seeds/articles.jsonl) and our dev gold (bench/gold/quotes.dev.jsonl
over the passages of bench/gold/quotes.dev.articles.jsonl and the articles of
examples/ it names, read with newsevents.ingest.read_inputs). A set whose files
are absent is skipped with a note.

Scoring (../shared/gold/README.md): a predicted quote matches a gold line when
its text covers at least half of the gold's word tokens (case-insensitive).
Recall = non-optional gold lines matched by some predicted quote; precision =
predicted direct/partial quotes matching a non-optional line, over those that
match one or match nothing (quotes matching only optional lines are ignored);
speaker accuracy = among matched non-optional lines, the share whose best
matching prediction (highest coverage; then direct/partial over indirect; then
closest in length) has a speaker sharing a name token with the gold speaker
(case- and accent-insensitive; both null also agrees). Prints figures, asserts
nothing: the CI gate (tests/evaluate/test_quotes_gate.py) holds our F1 and
speaker accuracy above the floors pinned in bench/quotes_floors.json, which
``--update-floors`` raises to today's figures (never lower without --allow-lower).

The peer is textacy 0.13.0 (``pip install -e .[bench]``): its
``extract.triples.direct_quotations`` run on the same spaCy parse. It yields
direct quotes only, with the speaker as written ("he" is not resolved).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.extract.actors import resolve_actors
from newsevents.extract.mentions import extract_mentions
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.spans import skipped
from newsevents.ingest import InputFailure, make_article, read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLES = SHARED / "seeds" / "articles.jsonl"
SEED_GOLD = SHARED / "gold" / "seeds.quotes.jsonl"
DEV_ARTICLES = REPO / "bench" / "gold" / "quotes.dev.articles.jsonl"
DEV_GOLD = REPO / "bench" / "gold" / "quotes.dev.jsonl"
EXAMPLES = REPO / "examples"
FLOORS = REPO / "bench" / "quotes_floors.json"
NOT_NAMES = frozenset({"the", "a", "an", "of", "and", "for", "at", "in", "to", "on"})
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gold:
    article: str
    speaker: str | None
    text: str
    optional: bool


@dataclass(frozen=True)
class Predicted:
    article: str
    speaker: str | None
    text: str
    kind: str


@dataclass(frozen=True)
class GoldSet:
    name: str
    articles: tuple[Article, ...]
    lines: tuple[Gold, ...]


@dataclass(frozen=True)
class Scores:
    gold: int
    predicted: int
    right: int
    wrong: int
    matched: int
    speaker_right: int

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    def figures(self) -> dict[str, float]:
        """The figures the floors pin (the issue's targets)."""
        return {"f1": self.f1, "speaker": self.speaker_accuracy}


def update_floors(results: dict[str, Scores], allow_lower: bool) -> None:
    """Pin today's figures of our extractor (rounded down to three places)."""
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for name, scores in results.items():
        for figure, value in scores.figures().items():
            new, old = math.floor(value * 1000) / 1000, floors.get(name, {}).get(figure)
            if old is not None and new < old and not allow_lower:
                sys.exit(f"{name} {figure}: {new} would lower the floor {old}; "
                         "pass --allow-lower")
            floors.setdefault(name, {})[figure] = new
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(f"floors written to {FLOORS}")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _gold(path: Path) -> tuple[Gold, ...]:
    return tuple(Gold(g["article"], g.get("speaker"), g["text"], bool(g.get("optional")))
                 for g in _jsonl(path))


def _given(item: dict) -> Article:
    return make_article(item["text"], id=item["id"], source=item.get("source"),
                        published_given=item.get("published"))


def seed_set() -> GoldSet | None:
    if not (SEED_ARTICLES.exists() and SEED_GOLD.exists()):
        return None
    return GoldSet("seeds", tuple(_given(a) for a in _jsonl(SEED_ARTICLES)), _gold(SEED_GOLD))


def dev_set() -> GoldSet | None:
    if not DEV_GOLD.exists():
        return None
    lines = _gold(DEV_GOLD)
    wanted = {g.article for g in lines}
    passages = [_given(a) for a in _jsonl(DEV_ARTICLES)] if DEV_ARTICLES.exists() else []
    examples = [a for a in read_inputs([str(EXAMPLES)])
                if not isinstance(a, InputFailure) and a.id in wanted]
    articles = [a for a in passages + examples if a.id in wanted]
    missing = wanted - {a.id for a in articles}
    if missing:
        print(f"dev: no article for gold ids {sorted(missing)}", file=sys.stderr)
    return GoldSet("dev", tuple(articles), lines)


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def _names(name: str | None) -> set[str]:
    if not name:
        return set()
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {w.lower() for w in WORD.findall(plain)} - NOT_NAMES


def coverage(predicted: str, gold: str) -> float:
    want = _words(gold)
    if not want:
        return 0.0
    return sum((want & _words(predicted)).values()) / sum(want.values())


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    if gold is None:
        return predicted is None
    return bool(_names(predicted) & _names(gold))


def score(gold: GoldSet, predicted: Sequence[Predicted]) -> Scores:
    lines = [g for g in gold.lines if not g.optional]
    right = wrong = matched = speaker_right = 0
    for p in predicted:
        if p.kind not in ("direct", "partial"):
            continue
        partners = [g for g in gold.lines if g.article == p.article
                    and coverage(p.text, g.text) >= 0.5]
        if any(not g.optional for g in partners):
            right += 1
        elif not partners:
            wrong += 1
    for g in lines:
        hits = [(coverage(p.text, g.text), p.kind != "indirect", p) for p in predicted
                if p.article == g.article and coverage(p.text, g.text) >= 0.5]
        if hits:
            matched += 1
            speaker_right += same_speaker(_best(g, [h[2] for h in hits]).speaker, g.speaker)
    return Scores(len(lines), len(predicted), right, wrong, matched, speaker_right)


def _best(gold: Gold, hits: Sequence[Predicted]) -> Predicted:
    """The matching prediction that covers the gold line best; on ties, a direct or
    partial one, then the one closest in length (a long quote that happens to contain
    a short gold phrase is not its best match)."""
    size = sum(_words(gold.text).values())
    return max(hits, key=lambda p: (coverage(p.text, gold.text), p.kind != "indirect",
                                    -abs(sum(_words(p.text).values()) - size)))


def errors(gold: GoldSet, predicted: Sequence[Predicted]) -> list[str]:
    found = []
    for g in gold.lines:
        if g.optional:
            continue
        hits = [p for p in predicted if p.article == g.article
                and coverage(p.text, g.text) >= 0.5]
        if not hits:
            found.append(f"missed     {g.article[:22]:22} {g.speaker!s:18} {g.text[:60]!r}")
        elif not same_speaker((best := _best(g, hits)).speaker, g.speaker):
            found.append(f"speaker    {g.article[:22]:22} gold={g.speaker} "
                         f"pred={best.speaker} {g.text[:40]!r}")
    for p in predicted:
        if p.kind != "indirect" and not any(g.article == p.article
                                            and coverage(p.text, g.text) >= 0.5
                                            for g in gold.lines):
            found.append(f"extra      {p.article[:22]:22} {p.speaker!s:18} {p.text[:60]!r}")
    return found


def run_ours(articles: Sequence[Article]) -> list[Predicted]:
    """Our quotes, through the same steps as ``analyze()`` takes to reach them."""
    nlp, lexicon = load_pipeline(), load_lexicon()
    predicted = []
    for article in articles:
        doc, skip = nlp(article.text), skipped(article)
        resolved = resolve_actors(doc, list(extract_mentions(doc, skip=skip)), lexicon,
                                  published=article.published, skip=skip)
        for q in extract_quotes(doc, article, skip=skip, actors=resolved.actors,
                                lexicon=lexicon, mentions=resolved.mentions):
            predicted.append(Predicted(article.id, q.speaker.name if q.speaker else None,
                                       q.text, q.kind))
    return predicted


def textacy_missing() -> str | None:
    """Why the peer cannot run here, or None when it can."""
    try:
        import textacy  # noqa: F401
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as error:  # any import failure means: skip the peer, say why
        return f"textacy is not importable ({type(error).__name__}: {error}); " \
               "install it with: pip install -e .[bench]"
    return None


def run_textacy(articles: Sequence[Article]) -> list[Predicted]:
    from textacy.extract.triples import direct_quotations

    nlp = load_pipeline()
    predicted = []
    for article in articles:
        doc = nlp(article.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError as error:  # the peer refuses articles with an odd number of marks
            print(f"    textacy gave up on {article.id}: {str(error)[:70]}...")
            continue
        for triple in triples:
            text = " ".join(t.text for t in triple.content).strip("\"“”'‘’ ")
            speaker = " ".join(t.text for t in triple.speaker) or None
            predicted.append(Predicted(article.id, speaker, text, "direct"))
    return predicted


def row(gold: GoldSet, name: str, s: Scores, seconds: float) -> str:
    return (f"{gold.name:6} {name:8} {s.gold:5} {s.predicted:5}  {s.precision:.3f} "
            f"{s.recall:.3f} {s.f1:.3f}  {s.speaker_accuracy:.3f}  {seconds:6.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", choices=["seeds", "dev", "all"], default="all")
    parser.add_argument("--extractor", choices=["ours", "textacy", "both"], default="both")
    parser.add_argument("--errors", type=int, default=0, help="print N of our errors per set")
    parser.add_argument("--update-floors", action="store_true",
                        help="pin our figures on the sets run as the CI gate's floors")
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()
    ours: dict[str, Scores] = {}

    loaders: dict[str, Callable[[], GoldSet | None]] = {"seeds": seed_set, "dev": dev_set}
    names = list(loaders) if args.gold == "all" else [args.gold]
    runners: dict[str, Callable[[Sequence[Article]], list[Predicted]]] = {
        "ours": run_ours, "textacy": run_textacy}
    chosen = list(runners) if args.extractor == "both" else [args.extractor]
    if "textacy" in chosen and (why := textacy_missing()) is not None:
        print(f"textacy: skipped: {why}")
        chosen.remove("textacy")
    print("set    extractor gold  pred  P     R     F1     speaker   time")
    for name in names:
        gold = loaders[name]()
        if gold is None:
            print(f"{name:6} gold not found, skipped")
            continue
        for extractor in chosen:
            started = time.perf_counter()
            predicted = runners[extractor](gold.articles)
            scores = score(gold, predicted)
            print(row(gold, extractor, scores, time.perf_counter() - started), flush=True)
            if extractor == "ours":
                ours[name] = scores
                for line in errors(gold, predicted)[: args.errors]:
                    print(f"    {line}")
    if args.update_floors:
        update_floors(ours, args.allow_lower)


if __name__ == "__main__":
    main()
