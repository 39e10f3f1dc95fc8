"""Score analysis-contract records against a folder of gold files in the seed format.

Gold is found by name: ``*.events.jsonl`` (scored by ``evaluate.events``) and
``*.times.jsonl`` (scored by ``evaluate.times`` as distinct triples). Other
gold kinds are reported as not scored here rather than silently passed over.
Only the articles a gold file names are scored; an article the gold names but
the predictions lack counts as predicting nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsevents.errors import UsageError
from newsevents.evaluate.events import (
    GoldEvent,
    predicted_events,
    score_by_article,
    score_events,
    type_confusion,
)
from newsevents.evaluate.times import TripleTimex, score_triples

GOLD_KINDS = ("events", "times")


@dataclass(frozen=True)
class Gold:
    events: tuple[GoldEvent, ...] = ()
    times: tuple[TripleTimex, ...] = ()
    files: tuple[Path, ...] = ()
    unscored: tuple[Path, ...] = field(default=())  # gold files of kinds not scored here


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not JSON ({exc.msg})") from None
    return rows


def _gold_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.jsonl"))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"--gold {path}: no such file or folder")
    return files


def _kind(path: Path) -> str | None:
    stem = path.name.removesuffix(".jsonl")
    kind = stem.rsplit(".", 1)[-1]
    return kind if kind in GOLD_KINDS else None


def load_gold(paths: Sequence[Path]) -> Gold:
    """The gold lines of every ``*.events.jsonl`` / ``*.times.jsonl`` under ``paths``."""
    events: list[GoldEvent] = []
    times: list[TripleTimex] = []
    scored, unscored = [], []
    for path in _gold_files(paths):
        kind = _kind(path)
        if kind is None:
            if path.name.endswith((".quotes.jsonl", ".places.jsonl")):
                unscored.append(path)
            continue
        rows = read_jsonl(path)
        try:
            if kind == "events":
                events += [GoldEvent.from_line(row) for row in rows]
            else:
                times += [(row["article"], row["text"], row["type"], row.get("value"))
                          for row in rows]
        except KeyError as exc:
            raise UsageError(f"{path}: a gold line lacks the field {exc.args[0]!r}") from None
        scored.append(path)
    if not scored:
        raise UsageError("no gold found: give *.events.jsonl or *.times.jsonl files, or a "
                         "folder holding them")
    return Gold(events=tuple(events), times=tuple(times), files=tuple(scored),
                unscored=tuple(unscored))


def predicted_times(records: Iterable[Mapping[str, Any]]) -> list[TripleTimex]:
    return [(record["article"]["id"], t["text"], t["type"], t.get("value"))
            for record in records if "error" not in record
            for t in record.get("times", [])]


def score(records: Sequence[Mapping[str, Any]], gold: Gold, *,
          per_article: bool = False) -> dict[str, Any]:
    """Figures by gold kind: events (precision, recall, F1, modality and date accuracy,
    PLOVER confusion) and times (strict, relaxed, value and type F1)."""
    result: dict[str, Any] = {"gold_files": [str(p) for p in gold.files]}
    gold, left_out = _for_inputs(gold, records)
    if left_out:
        result["gold_articles_not_in_input"] = left_out
    if gold.events:
        predicted = predicted_events(records)
        scores = score_events(predicted, gold.events)
        result["events"] = {"gold": scores.gold, "right": scores.right, "wrong": scores.wrong,
                            "ignored": scores.ignored, **_rounded(scores.figures())}
        if per_article:
            result["events"]["articles"] = {
                article: _rounded(s.figures())
                for article, s in score_by_article(predicted, gold.events).items()}
        result["events"]["confusion"] = [
            {"gold": g, "predicted": p, "count": n}
            for (g, p), n in sorted(type_confusion(predicted, gold.events).items())]
    if gold.times:
        articles = {t[0] for t in gold.times}
        times = score_triples(predicted_times(records), gold.times, articles=articles)
        result["times"] = {"gold": times.gold, "predictions": times.predictions,
                           **_rounded(times.figures())}
    if gold.unscored:
        result["not_scored"] = [str(p) for p in gold.unscored]
    return result


def _for_inputs(gold: Gold, records: Sequence[Mapping[str, Any]]) -> tuple[Gold, int]:
    """The gold of the articles given (a gold folder may cover other sets too), and how
    many gold articles were left out. An article that failed still counts as given."""
    given = {r["article"]["id"] for r in records if isinstance(r.get("article"), dict)}
    events = tuple(g for g in gold.events if g.article in given)
    times = tuple(t for t in gold.times if t[0] in given)
    left_out = {g.article for g in gold.events} | {t[0] for t in gold.times}
    return replace(gold, events=events, times=times), len(left_out - given)


def _rounded(figures: Mapping[str, float]) -> dict[str, float]:
    return {name: round(value, 3) for name, value in figures.items()}


def is_contract_jsonl(path: Path) -> bool:
    """True for a JSON Lines file of analysis-contract objects (what ``analyze`` prints)."""
    if path.is_dir() or path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8") as lines:
        first = next((line for line in lines if line.strip()), "")
    try:
        record = json.loads(first) if first else {}
    except json.JSONDecodeError:
        return False
    return isinstance(record.get("article"), dict)
