"""Where analyze() spends its time: CPU seconds of the parse and of each extractor.

    .venv/bin/python bench/extractors.py [--inputs examples] [--repeat N] [--profile [--top N]]

Parses the articles once (``nlp.pipe``, as the engines do), then runs each
extractor over the parsed docs in the order and with the inputs
``newsevents.analyze.analyze`` gives it, ``--repeat`` times, and prints the CPU
seconds (``time.process_time``: the machine may be shared) of each, per pass.
The lexicon and gazetteer tiers are loaded first and timed apart. With
``--profile``, prints cProfile's top functions (cumulative) over the extractors.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from newsevents.extract.actors import resolve_actors
from newsevents.extract.events import extract_events
from newsevents.extract.mentions import extract_mentions, extract_sentences
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.spans import skipped
from newsevents.extract.times import extract_times
from newsevents.extract.tone import extract_tone
from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.lexicon.gazetteer import load_gazetteer, small_towns
from newsevents.nlp import load_pipeline, parse_articles
from newsevents.records import Article


def timed(seconds: dict[str, float], name: str, run: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = run()
    seconds[name] += time.process_time() - start
    return result


def analyze_timed(doc: Any, article: Article, lexicon: Lexicon,
                  seconds: dict[str, float]) -> None:
    """What analyze() does with a parsed doc, each step timed under its name."""
    skip = skipped(article)
    resolved = timed(seconds, "actors", lambda: resolve_actors(
        doc, list(extract_mentions(doc, skip=skip)), lexicon, published=article.published,
        skip=skip))
    times = timed(seconds, "times", lambda: tuple(
        extract_times(doc, article, skip=skip, lexicon=lexicon)))
    places = timed(seconds, "places", lambda: tuple(
        extract_places(doc, article, skip=skip, lexicon=lexicon)))
    timed(seconds, "quotes", lambda: tuple(extract_quotes(
        doc, article, skip=skip, actors=resolved.actors, lexicon=lexicon,
        mentions=resolved.mentions)))
    timed(seconds, "events", lambda: tuple(extract_events(
        doc, article, skip=skip, mentions=resolved.mentions, actors=resolved.actors,
        times=times, places=places, lexicon=lexicon)))
    timed(seconds, "sentences", lambda: tuple(extract_sentences(doc, skip=skip)))
    timed(seconds, "tone", lambda: extract_tone(doc, article, skip=skip, lexicon=lexicon))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", nargs="+", default=["examples"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    loads: dict[str, float] = defaultdict(float)
    nlp = timed(loads, "spaCy model", load_pipeline)
    lexicon = timed(loads, "lexicon", load_lexicon)
    timed(loads, "gazetteer", load_gazetteer)
    timed(loads, "small towns", small_towns)
    articles = [a for a in read_inputs(args.inputs)
                if not isinstance(a, InputFailure) and not a.note]
    parse: dict[str, float] = defaultdict(float)
    docs = timed(parse, "parse", lambda: list(parse_articles(nlp, articles)))

    seconds: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    for _ in range(args.repeat):
        for doc, article in zip(docs, articles, strict=True):
            analyze_timed(doc, article, lexicon, seconds)
    if profiler is not None:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)

    words = sum(len(doc) for doc in docs)
    print(f"{len(articles)} articles, {words} tokens; CPU seconds (time.process_time)")
    for name, value in loads.items():
        print(f"  load {name:<14} {value:7.3f}")
    print(f"  {'parse (nlp.pipe)':<19} {parse['parse']:7.3f}")
    total = 0.0
    for name, value in seconds.items():
        per_pass = value / args.repeat
        total += per_pass
        print(f"  {name:<19} {per_pass:7.3f}")
    print(f"  {'extractors, total':<19} {total:7.3f}  "
          f"({total / parse['parse']:.2f} x the parse)")


if __name__ == "__main__":
    main()
