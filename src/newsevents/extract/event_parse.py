"""A parse whose sentences do not run across the headline, the dateline or debris.

spaCy's parser often glues the headline, the dateline ("NAIROBI, March 4
(Wire) –") and the first sentence into one tree, so the subject of the first
sentence becomes an apposition of the agency name. ``clean_parse`` re-parses
such an article with sentence starts fixed at those edges (spaCy's parser
keeps sentence starts set before it runs). The text and tokens are those of
the given doc, so every character offset stays valid. It returns the doc
unchanged when no sentence crosses an edge.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from spacy.tokens import Doc

from newsevents.nlp import EDGES_APPLIED_KEY, heading_breaks, load_pipeline

REPARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def crossed(doc: Doc, edges: set[int]) -> bool:
    """Whether an edge falls inside a sentence's words; an edge after its trailing
    whitespace (a headline's blank line) is not crossed."""
    for sent in doc.sents:
        words_end = sent.start_char + len(sent.text.rstrip())
        if any(sent.start_char < edge < words_end for edge in edges):
            return True
    return False


def _starts(doc: Doc, edges: set[int]) -> list[bool | int | None]:
    starts: list[bool | int | None] = [None] * len(doc)
    if len(doc):
        starts[0] = True
    pending = False
    for token in doc:
        if token.i and any(doc[token.i - 1].idx + len(doc[token.i - 1]) <= edge <= token.idx
                           for edge in edges):
            pending = True
        if pending and not token.is_space and token.i:
            starts[token.i] = True
            pending = False
    return starts


def clean_parse(doc: Doc, edges: Iterable[int]) -> Doc:
    """``doc`` re-parsed with sentence starts at ``edges`` (character offsets) and at
    blank lines, or ``doc`` itself when its sentences already respect them."""
    if doc.user_data.get(EDGES_APPLIED_KEY):
        return doc  # parsed by our pipeline, which fixed the article's edges before parsing
    edge_set = {e for e in edges if 0 < e < len(doc.text)}
    edge_set |= heading_breaks(doc, doc.text)
    if not edge_set or not crossed(doc, edge_set):
        return doc
    nlp = load_pipeline()
    fresh = Doc(doc.vocab, words=[t.text for t in doc],
                spaces=[bool(t.whitespace_) for t in doc], sent_starts=_starts(doc, edge_set))
    for name, component in nlp.pipeline:
        if name in REPARSE_COMPONENTS:
            fresh = component(fresh)
    with contextlib.suppress(ValueError):  # entities crossing a new sentence start
        fresh.ents = doc.ents
    return fresh
