"""Named-entity mentions from spaCy's NER, with the sentence each sits in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsevents.extract.actor_words import doc_text
from newsevents.extract.spans import overlaps
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
    """The character range of the sentence holding ``span``, its sentence read once
    (spaCy finds it anew, and makes a new Span, on each access)."""
    sentence = span.sent
    return sentence.start_char, sentence.end_char
