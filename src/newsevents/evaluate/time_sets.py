"""The gold sets for temporal expressions, and the taggers run over them.

Gold sets: the seed articles (``../shared/gold``), our dev gold over the
examples and extra passages (``bench/gold``), and TimeBank/AQUAINT
(``../shared/corpora``). Taggers: ours (``extract_times``) and
``dateparser.search.search_dates`` as a peer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.evaluate.times import Scores, score_spans, score_triples
from newsevents.extract.spans import skipped
from newsevents.extract.times import extract_times
from newsevents.ingest import InputFailure, make_article, read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline
from newsevents.records import Article, TimeExpression

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
SEED_ARTICLES = SHARED / "seeds" / "articles.jsonl"
SEED_GOLD = SHARED / "gold" / "seeds.times.jsonl"
DEV_ARTICLES = REPO / "bench" / "gold" / "times.dev.articles.jsonl"
DEV_GOLD = REPO / "bench" / "gold" / "times.dev.jsonl"
EXAMPLES = REPO / "examples"
TBAQ = SHARED / "corpora" / "tbaq_timex.jsonl"
# The CI gate scores the first documents of TimeBank/AQUAINT only, to stay fast.
TBAQ_GATE_DOCS = 50


@dataclass(frozen=True)
class GoldSet:
    """Articles with gold timexes: by span (``spans``) or as seed-style triples."""

    name: str
    articles: tuple[Article, ...]
    triples: tuple[tuple[str, str, str, str | None], ...] = ()
    spans: dict[str, list[tuple[int, int, str, str | None]]] = field(default_factory=dict)

    @property
    def has_spans(self) -> bool:
        return bool(self.spans)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _given(item: dict) -> Article:
    return make_article(item["text"], id=item["id"], source=item.get("source"),
                        published_given=item.get("published"))


def _triples(path: Path) -> tuple[tuple[str, str, str, str | None], ...]:
    return tuple((g["article"], g["text"], g["type"], g["value"]) for g in _jsonl(path))


def seed_set() -> GoldSet | None:
    """The two seed articles and their gold; None when ../shared is absent."""
    if not (SEED_ARTICLES.exists() and SEED_GOLD.exists()):
        return None
    return GoldSet("seeds", tuple(_given(a) for a in _jsonl(SEED_ARTICLES)), _triples(SEED_GOLD))


def dev_set() -> GoldSet | None:
    """Our dev gold: extra passages plus the examples it annotates; None until written."""
    if not (DEV_ARTICLES.exists() and DEV_GOLD.exists()):
        return None
    triples = _triples(DEV_GOLD)
    annotated = {t[0] for t in triples}
    passages = [_given(a) for a in _jsonl(DEV_ARTICLES)]
    examples = [a for a in read_inputs([str(EXAMPLES)])
                if not isinstance(a, InputFailure) and a.id in annotated]
    return GoldSet("dev", tuple(passages + examples), triples)


def tbaq_set(limit: int | None = None) -> GoldSet | None:
    """TimeBank/AQUAINT with character-span gold; None when ../shared is absent."""
    if not TBAQ.exists():
        return None
    docs = _unique_ids(_jsonl(TBAQ)[:limit])
    articles = tuple(_given(d) for d in docs)
    spans = {d["id"]: [(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]]
             for d in docs}
    return GoldSet("tbaq", articles, spans=spans)


def tbaq_gate_set() -> GoldSet | None:
    """The first ``TBAQ_GATE_DOCS`` documents of TimeBank/AQUAINT, as the CI gate scores them."""
    gold = tbaq_set(TBAQ_GATE_DOCS)
    return None if gold is None else GoldSet("tbaq-gate", gold.articles, spans=gold.spans)


def _unique_ids(docs: list[dict]) -> list[dict]:
    """The corpus repeats an id (two documents of AP900815-0044): number the repeats."""
    seen: dict[str, int] = {}
    unique = []
    for doc in docs:
        seen[doc["id"]] = seen.get(doc["id"], 0) + 1
        suffix = f"#{seen[doc['id']]}" if seen[doc["id"]] > 1 else ""
        unique.append({**doc, "id": doc["id"] + suffix})
    return unique


def tag_ours(articles: Iterable[Article]) -> dict[str, list[TimeExpression]]:
    """Our tagger over each article (the spaCy pipeline runs in batches)."""
    nlp = load_pipeline()
    lexicon = load_lexicon()
    articles = list(articles)
    docs = nlp.pipe(a.text for a in articles)
    return {
        article.id: list(extract_times(doc, article, skip=skipped(article), lexicon=lexicon))
        for article, doc in zip(articles, docs, strict=True)
    }


def tag_dateparser(articles: Iterable[Article]) -> dict[str, list[TimeExpression]]:
    """``dateparser.search.search_dates`` as a peer: every found date typed DATE, valued by day."""
    from dateparser.search import search_dates

    tagged = {}
    for article in articles:
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if article.published:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(article.published)
        found = search_dates(article.text, languages=["en"], settings=settings) or []
        times, cursor = [], 0
        for text, when in found:
            start = article.text.find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            times.append(TimeExpression(text=text, type="DATE", value=when.date().isoformat(),
                                        anchored=True, span=(start, cursor)))
        tagged[article.id] = times
    return tagged


def score_set(gold: GoldSet, tagged: dict[str, list[TimeExpression]]) -> Scores:
    """Score one tagger's output on one gold set, by span or by triple as the set allows."""
    if gold.has_spans:
        predicted = {doc: [(t.span[0], t.span[1], t.type, t.value) for t in times]
                     for doc, times in tagged.items()}
        return score_spans(predicted, gold.spans)
    triples = [(doc, t.text, t.type, t.value) for doc, times in tagged.items() for t in times]
    return score_triples(triples, gold.triples, articles=[a.id for a in gold.articles])


@dataclass(frozen=True)
class TimexError:
    kind: str  # "extra", "missed", "wrong value", "wrong type"
    article: str
    predicted: str | None
    gold: str | None


def errors(gold: GoldSet, tagged: dict[str, list[TimeExpression]]) -> list[TimexError]:
    """What a tagger got wrong, for reading: extras, misses and wrong values or types."""
    found: list[TimexError] = []
    texts = {a.id: a.text for a in gold.articles}
    for article in gold.articles:
        if gold.has_spans:
            golds = [(s, e, ty, v, texts[article.id][s:e]) for s, e, ty, v in
                     gold.spans.get(article.id, [])]
            preds = [(t.span[0], t.span[1], t.type, t.value, t.text)
                     for t in tagged.get(article.id, [])]
            def overlap(p, g):
                return p[0] < g[1] and g[0] < p[1]
        else:
            golds = [(0, 0, ty, v, text) for a, text, ty, v in gold.triples if a == article.id]
            preds = [(0, 0, t.type, t.value, t.text) for t in tagged.get(article.id, [])]
            def overlap(p, g):
                return p[4].lower() in g[4].lower() or g[4].lower() in p[4].lower()
        for p in preds:
            partners = [g for g in golds if overlap(p, g)]
            label = f"{p[4]!r} {p[2]} {p[3]}"
            if not partners:
                found.append(TimexError("extra", article.id, label, None))
            elif all(g[3] != p[3] for g in partners):
                found.append(TimexError("wrong value", article.id, label,
                                        f"{partners[0][4]!r} {partners[0][2]} {partners[0][3]}"))
            elif all(g[2] != p[2] for g in partners):
                found.append(TimexError("wrong type", article.id, label,
                                        f"{partners[0][4]!r} {partners[0][2]} {partners[0][3]}"))
        for g in golds:
            if not any(overlap(p, g) for p in preds):
                found.append(TimexError("missed", article.id, None, f"{g[4]!r} {g[2]} {g[3]}"))
    return found
