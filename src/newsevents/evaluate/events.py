"""Scoring coded events against gold, exactly as ``../shared/gold/README.md`` defines it.

- Predictions reduce to distinct (article, source, type, target) tuples, where
  an actor reads as its ``country``, else ``IGO:`` + ``igo``, else null.
- A tuple is right when a non-optional gold line of that article has the same
  source and target and its type or an alt type; ignored when it matches only
  optional lines; wrong otherwise. Precision = right / (right + wrong).
- Recall = non-optional gold lines matched by some tuple / non-optional lines.
- Modality (date) accuracy: over matched non-optional gold lines (with a
  ``when``), the share for which some matching predicted event has the gold
  modality (a date agreeing with the gold date).
- A predicted date agrees when it starts with the gold value; a week value
  stands for the year and month its Monday falls in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


@dataclass(frozen=True)
class GoldEvent:
    article: str
    source: str | None
    target: str | None
    type: str
    alt_types: frozenset[str]
    modality: str
    when: str | None
    optional: bool

    @property
    def types(self) -> frozenset[str]:
        return self.alt_types | {self.type}

    @classmethod
    def from_line(cls, line: Mapping[str, Any]) -> GoldEvent:
        return cls(
            article=line["article"], source=line["source"], target=line["target"],
            type=line["type"], alt_types=frozenset(line.get("alt_types") or ()),
            modality=line["modality"], when=line.get("when"),
            optional=bool(line.get("optional", False)),
        )


@dataclass(frozen=True)
class PredictedEvent:
    article: str
    source: str | None
    type: str
    target: str | None
    modality: str
    when: str | None

    @property
    def tuple(self) -> tuple[str, str | None, str, str | None]:
        return (self.article, self.source, self.type, self.target)


def actor_code(actor: Mapping[str, Any] | None) -> str | None:
    """How scorers read a contract actor: its country, else IGO:<igo>, else null."""
    if not actor:
        return None
    if actor.get("country"):
        return str(actor["country"])
    if actor.get("igo"):
        return f"IGO:{actor['igo']}"
    return None


def predicted_events(records: Iterable[Mapping[str, Any]]) -> list[PredictedEvent]:
    """The events of analysis-contract objects (error objects are skipped)."""
    events = []
    for record in records:
        if "error" in record:
            continue
        article = record["article"]["id"]
        for event in record.get("events", []):
            when = event.get("when") or {}
            events.append(PredictedEvent(
                article=article, source=actor_code(event.get("source")), type=event["type"],
                target=actor_code(event.get("target")), modality=event["modality"],
                when=when.get("value"),
            ))
    return events


def date_agrees(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    week = _WEEK.match(predicted)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        predicted = monday.strftime("%Y-%m")
    return predicted.startswith(gold)


def _matches(event: PredictedEvent, gold: GoldEvent) -> bool:
    return (event.article == gold.article and event.source == gold.source
            and event.target == gold.target and event.type in gold.types)


@dataclass(frozen=True)
class EventScores:
    right: int
    wrong: int
    ignored: int
    gold: int
    found: int
    modality_right: int
    dated_found: int
    date_right: int

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.found if self.found else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.dated_found if self.dated_found else 0.0

    def figures(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "modality_accuracy": self.modality_accuracy,
                "date_accuracy": self.date_accuracy}


def score_events(predicted: Iterable[PredictedEvent], gold: Iterable[GoldEvent]) -> EventScores:
    """Score predictions for the gold's articles (predictions for other articles are ignored)."""
    gold = list(gold)
    articles = {g.article for g in gold}
    events = [e for e in predicted if e.article in articles]
    required = [g for g in gold if not g.optional]
    optional = [g for g in gold if g.optional]
    right = wrong = ignored = 0
    for tup in dict.fromkeys(e.tuple for e in events):
        probe = next(e for e in events if e.tuple == tup)
        if any(_matches(probe, g) for g in required):
            right += 1
        elif any(_matches(probe, g) for g in optional):
            ignored += 1
        else:
            wrong += 1
    found = modality_right = dated_found = date_right = 0
    for line in required:
        matching = [e for e in events if _matches(e, line)]
        if not matching:
            continue
        found += 1
        modality_right += any(e.modality == line.modality for e in matching)
        if line.when:
            dated_found += 1
            date_right += any(date_agrees(e.when, line.when) for e in matching)
    return EventScores(right, wrong, ignored, len(required), found, modality_right,
                       dated_found, date_right)


def score_by_article(predicted: Iterable[PredictedEvent],
                     gold: Iterable[GoldEvent]) -> dict[str, EventScores]:
    predicted, gold = list(predicted), list(gold)
    return {
        article: score_events([e for e in predicted if e.article == article],
                              [g for g in gold if g.article == article])
        for article in dict.fromkeys(g.article for g in gold)
    }


MISSED = "(missed)"


def type_confusion(predicted: Iterable[PredictedEvent],
                   gold: Iterable[GoldEvent]) -> dict[tuple[str, str], int]:
    """(gold type, predicted type) counts over non-optional gold lines, pairing a line with
    the predicted events of its article, source and target; MISSED when there are none."""
    predicted = list(predicted)
    counts: dict[tuple[str, str], int] = {}
    for line in gold:
        if line.optional:
            continue
        partners = {e.type for e in predicted if e.article == line.article
                    and e.source == line.source and e.target == line.target}
        right = partners & line.types
        chosen = min(right) if right else (min(partners) if partners else MISSED)
        counts[(line.type, chosen)] = counts.get((line.type, chosen), 0) + 1
    return counts
