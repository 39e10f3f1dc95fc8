"""Scoring temporal expressions against gold, with one set of definitions.

The definitions are those of ``../shared/gold/README.md`` and TempEval-3:

- with character spans (TimeML corpora): a prediction matches *strictly* when
  its span equals a gold span, *relaxed* when they overlap;
- without spans (the seed format): distinct (article, text, value) triples; a
  prediction matches strictly when its text equals a gold text of the same
  article, relaxed when one contains the other;
- value (type) F1 counts a relaxed match only when the value (type) is also
  equal: precision over predictions, recall over gold.

Scoring is written here rather than taken from TempEval-3's Java scripts
because it must also score the span-less seed format, in the same terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

# (start, end, type, value) for span gold; (article, text, type, value) for triples.
SpanTimex = tuple[int, int, str, str | None]
TripleTimex = tuple[str, str, str, str | None]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @classmethod
    def of(cls, right_predictions: int, predictions: int, found_gold: int, gold: int) -> PRF:
        return cls(right_predictions / predictions if predictions else 0.0,
                   found_gold / gold if gold else 0.0)


@dataclass(frozen=True)
class Scores:
    strict: PRF
    relaxed: PRF
    value: PRF
    type: PRF
    predictions: int
    gold: int

    @property
    def strict_f1(self) -> float:
        return self.strict.f1

    @property
    def relaxed_f1(self) -> float:
        return self.relaxed.f1

    @property
    def value_f1(self) -> float:
        return self.value.f1

    @property
    def type_f1(self) -> float:
        return self.type.f1

    def figures(self) -> dict[str, float]:
        """The four F1 figures by name (what floors are pinned on)."""
        return {"strict_f1": self.strict_f1, "relaxed_f1": self.relaxed_f1,
                "value_f1": self.value_f1, "type_f1": self.type_f1}


Match = Callable[[tuple, tuple], bool]


def _score(pairs: Sequence[tuple[Sequence[tuple], Sequence[tuple]]], strict: Match,
           relaxed: Match) -> Scores:
    """Score (predicted, gold) groups; items compare only within their group."""
    def same_value(p: tuple, g: tuple) -> bool:
        return relaxed(p, g) and p[3] == g[3]

    def same_type(p: tuple, g: tuple) -> bool:
        return relaxed(p, g) and p[2] == g[2]

    tallies = {name: [0, 0] for name in ("strict", "relaxed", "value", "type")}
    matchers = {"strict": strict, "relaxed": relaxed, "value": same_value, "type": same_type}
    n_pred = n_gold = 0
    for predicted, gold in pairs:
        n_pred += len(predicted)
        n_gold += len(gold)
        for name, match in matchers.items():
            tallies[name][0] += sum(any(match(p, g) for g in gold) for p in predicted)
            tallies[name][1] += sum(any(match(p, g) for p in predicted) for g in gold)
    prf = {name: PRF.of(right, n_pred, found, n_gold) for name, (right, found) in tallies.items()}
    return Scores(strict=prf["strict"], relaxed=prf["relaxed"], value=prf["value"],
                  type=prf["type"], predictions=n_pred, gold=n_gold)


def score_spans(predicted: Mapping[str, Sequence[SpanTimex]],
                gold: Mapping[str, Sequence[SpanTimex]]) -> Scores:
    """Score span predictions per document against TimeML gold (documents of the gold only)."""
    pairs = [(list(dict.fromkeys(predicted.get(doc, ()))), list(gold[doc])) for doc in gold]
    return _score(
        pairs,
        strict=lambda p, g: p[0] == g[0] and p[1] == g[1],
        relaxed=lambda p, g: p[0] < g[1] and g[0] < p[1],
    )


def distinct_triples(items: Iterable[TripleTimex]) -> list[TripleTimex]:
    """One item per (article, text, value), first type kept: how the seed gold lists them."""
    seen: dict[tuple[str, str, str | None], TripleTimex] = {}
    for item in items:
        seen.setdefault((item[0], item[1], item[3]), item)
    return list(seen.values())


def score_triples(predicted: Iterable[TripleTimex], gold: Iterable[TripleTimex],
                  articles: Iterable[str] | None = None) -> Scores:
    """Score span-less predictions against gold in the seed format.

    Only the gold's articles are scored, plus ``articles`` when given: pass every
    article of the set so that predictions in an article with no gold (a passage
    of traps) count as wrong.
    """
    by_article: dict[str, tuple[list[TripleTimex], list[TripleTimex]]] = {
        article: ([], []) for article in articles or ()
    }
    for item in distinct_triples(gold):
        by_article.setdefault(item[0], ([], []))[1].append(item)
    for item in distinct_triples(predicted):
        if item[0] in by_article:
            by_article[item[0]][0].append(item)

    def contains(p: tuple, g: tuple) -> bool:
        a, b = p[1].lower(), g[1].lower()
        return a in b or b in a

    return _score(
        list(by_article.values()),
        strict=lambda p, g: p[1] == g[1],
        relaxed=contains,
    )
