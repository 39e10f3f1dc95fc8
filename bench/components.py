"""What each spaCy component costs, and how much of the text a lean parse could skip.

    .venv/bin/python bench/components.py [--inputs FILE ...] [--articles 60] [--seed 1]

Runs the stock pipeline and ours (``newsevents.nlp.load_pipeline``: sentence
edges, the same-output attribute ruler and lemmatizer of ``nlp_rules``, matrix
products by numpy's BLAS on one thread rather than thinc's BLIS) one
component at a time over the same articles, and prints each component's CPU
milliseconds per article (``time.process_time``: the machine may be shared).

Then, from our parse, the share of sentences and of tokens a lean parse would
still have to tag and parse, under three rules of which sentences can carry what
the extractors look for: (any) an actor (a named entity of an actor's kind or a
pronoun), an event or reporting word (its lemma in the event or reporting-verb
tables), a quotation mark or a DATE/TIME entity; (event or quote or date) an
actor with an event word, a quotation mark or a date; (actor+event) an actor with
an event word only. A lean parse that runs tok2vec, the tagger and the parser
only over such sentences can save at most their cost on the rest, printed as
"saves at most" (NER must still run everywhere: actors and places read it). By
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


ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
LEAN_RULES = ("any", "event or quote or date", "actor+event")
PARSED_COMPONENTS = ("tok2vec", "tagger", "parser")  # what a lean parse would skip


def kept_by(sentence: Span, event_words: set[str]) -> dict[str, bool]:
    """For each rule of LEAN_RULES, whether it keeps ``sentence`` for the full parse."""
    actor = (any(e.label_ in ACTOR_ENTITIES for e in sentence.ents)
             or any(t.pos_ == "PRON" for t in sentence))
    event = any(t.lemma_.lower() in event_words for t in sentence)
    quote = any(t.is_quote for t in sentence)
    date = any(e.label_ in ("DATE", "TIME") for e in sentence.ents)
    return {"any": actor or event or quote or date,
            "event or quote or date": (actor and event) or quote or date,
            "actor+event": actor and event}


def kept_shares(docs: Iterable[Doc], lexicon: Lexicon) -> dict[str, tuple[float, float]]:
    """For each rule, the share of sentences and of tokens it keeps."""
    event_words = set(lexicon.events.verbs) | set(lexicon.events.nouns) | set(
        lexicon.quotes.verbs)
    sentences = tokens = 0
    kept = {rule: [0, 0] for rule in LEAN_RULES}
    for doc in docs:
        for sentence in doc.sents:
            sentences += 1
            tokens += len(sentence)
            for rule, keep in kept_by(sentence, event_words).items():
                if keep:
                    kept[rule][0] += 1
                    kept[rule][1] += len(sentence)
    return {rule: (count / max(sentences, 1), words / max(tokens, 1))
            for rule, (count, words) in kept.items()}


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
    parsed_ms = sum(our_ms[name] for name in PARSED_COMPONENTS if name in our_ms)
    shares = kept_shares(ours.pipe(article_doc(ours, a) for a in articles), load_lexicon())
    print(f"lean parse: sentences and tokens still parsed, and the most it saves "
          f"({'+'.join(PARSED_COMPONENTS)}: {parsed_ms:.1f} ms/article)")
    for rule, (sentences, tokens) in shares.items():
        print(f"  {rule:<26} {sentences:5.0%} {tokens:5.0%}  "
              f"saves at most {parsed_ms * (1 - tokens):5.1f} ms/article")


if __name__ == "__main__":
    main()
