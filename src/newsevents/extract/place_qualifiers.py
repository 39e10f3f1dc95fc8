"""The mentions that say where other places are: the dateline and qualifiers.

- the dateline's place ("PARIS, Texas (Wire) –") is a place mention although the
  dateline is otherwise skipped; it is cut at commas like any other;
- a country or US state right after a place and a comma qualifies it ("Paris,
  Texas", "Atlanta, Georgia", "Brest, France"); a US state code there ("Paris,
  TX") is a mention too, although NER rarely tags one. A country or state before
  the comma is a list ("Kyrgyzstan, Kazakhstan and Uzbekistan"), not a qualifier.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsevents.extract.spans import overlaps
from newsevents.lexicon.gazetteer import Gazetteer
from newsevents.records import Article, Span


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the text: its characters, tokens (None for the dateline), label."""

    text: str
    span: Span
    label: str  # GPE, LOC, FAC or DATELINE
    tokens: tuple[int, int] | None = None
    qualifier: int | None = None  # index (in the mention list) of "Texas" in "Paris, Texas"
    sentence: Span = (0, 0)
    feature: str | None = None  # "river" in "the Naryn and Syr Darya rivers"


def dateline_mentions(article: Article, doc: Doc) -> Iterator[PlaceMention]:
    """The dateline's place, cut at commas ("PARIS, Texas"), with its spans in the text."""
    dateline = article.dateline
    if dateline is None or not dateline.place:
        return
    start, end = dateline.span
    at = article.text.casefold().find(dateline.place.casefold(), start, end)
    if at < 0:
        return
    sent = doc.char_span(at, at + 1, alignment_mode="expand")
    sentence = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (start, end)
    offset = at
    for part in dateline.place.split(","):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        if text:
            begin = offset + lead
            yield PlaceMention(article.text[begin:begin + len(text)], (begin, begin + len(text)),
                               "DATELINE", sentence=sentence)
        offset += len(part) + 1


def state_codes(doc: Doc, found: Sequence[PlaceMention], gazetteer: Gazetteer,
                 skip: Sequence[Span]) -> Iterator[PlaceMention]:
    """US state codes after a place and a comma ("Paris, TX"), which NER rarely tags."""
    taken = [m.span for m in found]
    for mention in found:
        if mention.tokens is None:
            continue
        end = mention.tokens[1]
        if end + 1 >= len(doc) or doc[end].text != ",":
            continue
        token = doc[end + 1]
        span = (token.idx, token.idx + len(token))
        if token.text in gazetteer.us_codes and not overlaps(span, taken + list(skip)):
            yield PlaceMention(token.text, span, "GPE", (end + 1, end + 2),
                               sentence=mention.sentence)


def qualified(text: str, found: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Link each mention to the place named right after it and a comma, if any."""
    linked = []
    for i, mention in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if after is not None and text[mention.span[1]:after.span[0]].strip() == ",":
            kinds = {c.entry.kind for c in gazetteer.lookup(after.text)}
            own = {c.entry.kind for c in gazetteer.lookup(mention.text)}
            if own & {"country", "admin1"}:
                pass  # "Kyrgyzstan, Kazakhstan and Uzbekistan": a list, not a qualifier
            elif kinds & {"country", "admin1"} or after.text in gazetteer.us_codes:
                mention = replace(mention, qualifier=i + 1)
        linked.append(mention)
    return linked

