"""Tone and loaded terms: our extractor on the dev gold, the seeds and the examples.

    .venv/bin/python bench/tone.py [--gold FILE] [--rows] [--words N]

Prints figures, asserts nothing.

Dev gold (bench/gold/tone.dev.jsonl): 44 short passages written for newsevents
(invented people, real places), frozen before the extractor was tuned. Each
has a ``label`` (how a careful reader judges the passage's language: negative,
neutral or positive; restrained wire copy about killings, attacks or sanctions
is neutral) and the ``loaded_terms`` it contains, as printed, lower-cased.

- Label rule (the sign of ``tone`` against the label), with T = 1.0 fixed
  before any result was seen: tone < -T is negative, tone > +T is positive,
  and a neutral label agrees when |tone| <= T. ``tone`` is in percentage
  points of the passage's words, so in a passage of 30-45 words one charged
  word moves it by 2-3 points: a neutral passage must have no charged word in
  excess (none, or as many positive as negative); over a 500-word article T
  allows a net five. Printed: accuracy (the issue's target is >= 0.85), the
  confusion matrix (rows gold, columns predicted), mean tone and polarity per
  gold label.
- Loaded terms, pooled over passages: strict (a predicted term equals a gold
  term of the same passage) and relaxed (one contains the other, on word
  boundaries: "out-of-touch" meets "out-of-touch elites") precision, recall, F1.

Then the figures for the two seed articles (../shared/seeds/articles.jsonl,
skipped when absent) and for every article under examples/. ``--words N``
lists the N words that count most often as positive and as negative there,
after the news table and negation (to spot senses that do not fit news).

bench/tone_floors.json pins floors under these figures; the gate test
tests/evaluate/test_tone_gate.py fails when a figure falls below its floor.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from newsevents.extract.spans import overlaps, skipped
from newsevents.extract.tone import charge_of, extract_tone, token_span
from newsevents.ingest import make_article, read_inputs
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Article, Tone

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "bench" / "gold" / "tone.dev.jsonl"
SEEDS = REPO.parent / "shared" / "seeds" / "articles.jsonl"
EXAMPLES = REPO / "examples"
T = 1.0  # fixed before looking at any result
LABELS = ("negative", "neutral", "positive")

Match = Callable[[str, str], bool]


@dataclass(frozen=True)
class Scored:
    id: str
    label: str
    gold_terms: tuple[str, ...]
    tone: Tone | None

    @property
    def predicted(self) -> str:
        return label_of(self.tone.tone if self.tone else 0.0)

    @property
    def terms(self) -> tuple[str, ...]:
        return self.tone.loaded_terms if self.tone else ()


def label_of(tone: float) -> str:
    return "negative" if tone < -T else "positive" if tone > T else "neutral"


def tone_of(article: Article, nlp: Language, lexicon: Lexicon) -> Tone | None:
    return extract_tone(nlp(article.text), article, skip=skipped(article), lexicon=lexicon)


def score_gold(path: Path, nlp: Language, lexicon: Lexicon) -> list[Scored]:
    scored = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = make_article(case["text"], id=case["id"])
        scored.append(Scored(case["id"], case["label"], tuple(case["loaded_terms"]),
                             tone_of(article, nlp, lexicon)))
    return scored


def strict(a: str, b: str) -> bool:
    return a == b


def relaxed(a: str, b: str) -> bool:
    def within(x: str, y: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(x)}(?![\w-])", y) is not None
    return within(a, b) or within(b, a)


def prf(scored: Sequence[Scored], match: Match) -> tuple[float, float, float]:
    """Pooled precision, recall and F1 of predicted against gold terms, passage by passage."""
    tp_p = sum(any(match(p, g) for g in s.gold_terms) for s in scored for p in s.terms)
    tp_g = sum(any(match(p, g) for p in s.terms) for s in scored for g in s.gold_terms)
    n_p = sum(len(s.terms) for s in scored)
    n_g = sum(len(s.gold_terms) for s in scored)
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy(scored: Sequence[Scored]) -> float:
    """The share of passages whose predicted label is the gold label."""
    return sum(s.label == s.predicted for s in scored) / len(scored)


def figures(scored: Sequence[Scored]) -> dict[str, float]:
    """The figures bench/tone_floors.json pins."""
    precision, recall, _ = prf(scored, strict)
    return {"label_accuracy": accuracy(scored), "loaded_precision": precision,
            "loaded_recall": recall}


def print_labels(scored: Sequence[Scored]) -> None:
    right = sum(s.label == s.predicted for s in scored)
    print(f"label rule: tone < -{T} negative, > +{T} positive, |tone| <= {T} neutral")
    print(f"accuracy {right}/{len(scored)} = {accuracy(scored):.3f}")
    print("confusion (rows gold, columns predicted)")
    print(f"{'':10}" + "".join(f"{label:>10}" for label in LABELS))
    for gold in LABELS:
        cells = [sum(s.label == gold and s.predicted == p for s in scored) for p in LABELS]
        print(f"{gold:10}" + "".join(f"{n:10}" for n in cells))
    print(f"{'label':10}{'n':>4}{'mean tone':>11}{'polarity':>10}{'loaded/psg':>12}")
    for gold in LABELS:
        group = [s for s in scored if s.label == gold and s.tone]
        tones = [s.tone.tone for s in group if s.tone]
        polarity = [s.tone.polarity for s in group if s.tone]
        loaded = [len(s.terms) for s in group]
        print(f"{gold:10}{len(group):4}{statistics.fmean(tones):11.3f}"
              f"{statistics.fmean(polarity):10.3f}{statistics.fmean(loaded):12.2f}")


def print_terms(scored: Sequence[Scored]) -> None:
    for name, match in (("strict", strict), ("relaxed", relaxed)):
        p, r, f = prf(scored, match)
        print(f"loaded terms {name:8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def print_rows(scored: Sequence[Scored]) -> None:
    for s in scored:
        tone = s.tone.tone if s.tone else float("nan")
        missed = [g for g in s.gold_terms if not any(relaxed(p, g) for p in s.terms)]
        extra = [p for p in s.terms if not any(relaxed(p, g) for g in s.gold_terms)]
        print(f"  {s.id:7} {s.label:8} -> {s.predicted:8} {tone:+7.2f}  "
              f"missed {missed}  extra {extra}")


def tone_line(name: str, tone: Tone | None) -> str:
    if tone is None:
        return f"  {name[:44]:44} (no words)"
    terms = ", ".join(tone.loaded_terms)
    return (f"  {name[:44]:44} {tone.words:5} {tone.tone:+7.2f} {tone.polarity:6.2f} "
            f"{tone.activity:6.2f} {tone.self_group:5.2f} {len(tone.loaded_terms):3}  {terms[:70]}")


def print_articles(title: str, articles: Iterable[Article], nlp: Language,
                   lexicon: Lexicon) -> None:
    print(f"\n{title}")
    print(f"  {'article':44} {'words':>5} {'tone':>7} {'polar':>6} {'activ':>6} "
          f"{'self':>5} {'#ld':>3}  loaded terms")
    for article in articles:
        name = f"{article.id} {article.source or ''}".strip()
        print(tone_line(name, tone_of(article, nlp, lexicon)))


def print_charged_words(articles: Iterable[Article], nlp: Language, lexicon: Lexicon,
                        top: int) -> None:
    counts: dict[str, Counter[str]] = {"positive": Counter(), "negative": Counter()}
    for article in articles:
        skip = skipped(article)
        for token in nlp(article.text):
            if token.is_alpha and not overlaps(token_span(token), skip):
                charge = charge_of(token, lexicon)
                if charge:
                    counts["positive" if charge > 0 else "negative"][token.lower_] += 1
    for sign, counter in counts.items():
        words = ", ".join(f"{word} {n}" for word, n in counter.most_common(top))
        print(f"\nmost frequent {sign} words in examples: {words}")


def articles_of(path: Path) -> list[Article]:
    return [item for item in read_inputs([str(path)]) if isinstance(item, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEV)
    parser.add_argument("--rows", action="store_true", help="print every passage")
    parser.add_argument("--words", type=int, default=0, help="list the N commonest charged words")
    args = parser.parse_args()
    nlp, lexicon = load_pipeline(), load_lexicon()
    scored = score_gold(args.gold, nlp, lexicon)
    print(f"{args.gold.name}: {len(scored)} passages, lexicon {lexicon.version}")
    print_labels(scored)
    print_terms(scored)
    if args.rows:
        print_rows(scored)
    if SEEDS.exists():
        print_articles("seeds", articles_of(SEEDS), nlp, lexicon)
    else:
        print("\nseeds: ../shared/seeds not found, skipped")
    examples = articles_of(EXAMPLES)
    print_articles("examples", examples, nlp, lexicon)
    if args.words:
        print_charged_words(examples, nlp, lexicon, args.words)


if __name__ == "__main__":
    main()
