"""What each spaCy component costs, and how much of the text a lean parse could skip.

    .venv/bin/python bench/components.py [--inputs FILE ...] [--articles 60] [--seed 1]

Runs the stock pipeline and ours (``newsevents.nlp.load_pipeline``: sentence
edges, the same-output attribute ruler and lemmatizer of ``nlp_rules``) one
component at a time over the same articles, and prints each component's CPU
milliseconds per article (``time.process_time``: the machine may be shared).

Then, from our parse, the share of sentences and of tokens that could carry an
event, a quote or a date: a word whose lemma is in the event or reporting-verb
tables, a quotation mark, or a DATE/TIME entity. A lean parse that runs the
tagger and parser only over such sentences can save at most the rest. By
default the articles are synthetic (bench/corpus.py); ``--inputs`` reads others.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import DEFAULT_MODEL, article_doc, load_pipeline, with_sentence_edges
from newsevents.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402 - bench scripts import their siblings


def component_ms(nlp: Language, articles: list[Article]) -> dict[str, float]:
    """CPU milliseconds per article of making the docs and of each component."""
    costs: dict[str, float] = {}
    started = time.process_time()
    docs = [article_doc(nlp, article) for article in articles]
    costs["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [component(doc) for doc in docs]
        costs[name] = time.process_time() - started
    return {name: 1000 * seconds / len(articles) for name, seconds in costs.items()}


def could_carry(sentence: Span, lexicon: Lexicon) -> bool:
    """Whether a sentence has an event or reporting word, a quotation mark or a date."""
    words = set(lexicon.events.verbs) | set(lexicon.events.nouns) | set(lexicon.quotes.verbs)
    return (any(t.lemma_.lower() in words or t.is_quote for t in sentence)
            or any(e.label_ in ("DATE", "TIME") for e in sentence.ents))


def candidate_share(docs: Iterable[Doc], lexicon: Lexicon) -> tuple[float, float]:
    sentences = candidates = tokens = candidate_tokens = 0
    for doc in docs:
        for sentence in doc.sents:
            sentences += 1
            tokens += len(sentence)
            if could_carry(sentence, lexicon):
                candidates += 1
                candidate_tokens += len(sentence)
    return candidates / max(sentences, 1), candidate_tokens / max(tokens, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", nargs="+")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsevents-components-") as folder:
        inputs = args.inputs
        if not inputs:
            inputs = [str(Path(folder) / "corpus.jsonl")]
            write_corpus(Path(inputs[0]), args.articles, seed=args.seed)
        articles = [a for a in read_inputs(inputs)
                    if not isinstance(a, InputFailure) and not a.note]
    stock = with_sentence_edges(spacy.load(DEFAULT_MODEL))
    ours = load_pipeline()
    stock_ms, our_ms = component_ms(stock, articles), component_ms(ours, articles)
    print(f"{len(articles)} articles; CPU ms per article")
    print(f"{'component':<28} {'stock':>7} {'ours':>7}")
    for name in stock_ms:
        print(f"{name:<28} {stock_ms[name]:7.1f} {our_ms[name]:7.1f}")
    print(f"{'total':<28} {sum(stock_ms.values()):7.1f} {sum(our_ms.values()):7.1f}")
    sentences, tokens = candidate_share(
        ours.pipe(article_doc(ours, a) for a in articles), load_lexicon())
    print(f"sentences that could carry an event, quote or date: {sentences:.0%} "
          f"(holding {tokens:.0%} of the tokens)")


if __name__ == "__main__":
    main()
