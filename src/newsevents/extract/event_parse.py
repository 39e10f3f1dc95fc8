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

from newsevents.nlp import load_pipeline

HEADING_CHARS = 160  # a line shorter than this, without final punctuation, is a heading
REPARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def _crossed(doc: Doc, edges: set[int]) -> bool:
    return any(sent.start_char < edge < sent.end_char - 1
               for sent in doc.sents for edge in edges)


def heading_breaks(doc: Doc) -> set[int]:
    """Ends of short lines without final punctuation (headlines, standfirsts), and of
    blank lines: a sentence never runs across them."""
    edges = set()
    for token in doc:
        if not (token.is_space and "\n" in token.text) or token.i == 0:
            continue
        line_start = doc.text.rfind("\n", 0, token.idx) + 1
        line = doc.text[line_start:token.idx].strip()
        if "\n\n" in token.text or (line and len(line) < HEADING_CHARS
                                      and line[-1] not in ".!?:;,\"\u201d'"):
            edges.add(token.idx + len(token))
    return edges


def _starts(doc: Doc, edges: set[int]) -> list[bool | None]:
    starts: list[bool | None] = [None] * len(doc)
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
    edge_set = {e for e in edges if 0 < e < len(doc.text)}
    edge_set |= heading_breaks(doc)
    if not edge_set or not _crossed(doc, edge_set):
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
