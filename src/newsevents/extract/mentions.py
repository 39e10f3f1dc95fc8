"""Named-entity mentions from spaCy's NER, with the sentence each sits in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsevents.extract.actor_words import doc_text, token_ends, token_starts
from newsevents.extract.spans import once_per_doc, overlaps
from newsevents.records import Mention, Span

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def extract_sentences(doc: Doc, *, skip: Sequence[Span]) -> Iterator[Span]:
    """Sentence spans, leaving out sentences that lie wholly inside debris or the dateline."""
    text = doc_text(doc)  # sliced, rather than a string joined from the tokens per sentence
    for sent in doc.sents:
        span = (sent.start_char, sent.end_char)
        if not text[span[0]:span[1]].strip():
            continue
        if any(start <= span[0] and span[1] <= end for start, end in skip):
            continue
        yield span


def extract_mentions(doc: Doc, *, skip: Sequence[Span]) -> Iterator[Mention]:
    """Entities of the labels in ``MENTION_LABELS`` that do not touch a skipped range."""
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        span = (ent.start_char, ent.end_char)
        if overlaps(span, skip):
            continue
        yield Mention(
            text=ent.text,
            label=ent.label_,
            span=span,
            sentence=sentence_chars(ent),
        )


def sentence_chars(span: SpacySpan) -> Span:
    """The character range of the sentence holding ``span``'s first token, as ``span.sent``
    reads it, found by bisection in the doc's sentence starts (spaCy walks the tokens and
    makes a new Span on each access)."""
    doc = span.doc
    starts = _sentence_starts(doc)
    at = bisect_right(starts, span.start)
    first = starts[at - 1] if at else 0
    end = starts[at] if at < len(starts) else len(doc)
    return token_starts(doc)[first], token_ends(doc)[end - 1]


def _sentence_starts(doc: Doc) -> list[int]:
    """Where each sentence starts, read once per doc from its array of sentence starts."""
    return once_per_doc(doc, "newsevents.sentence_starts", lambda: [
        i for i, first in enumerate(doc.to_array(SENT_START).tolist()) if first == 1])
