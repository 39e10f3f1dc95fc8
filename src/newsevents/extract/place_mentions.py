"""Where the article names a place: the mentions the places extractor geocodes.

Candidate ranges (place_candidates.py) that no refusal stops
(place_refusals.py), outside debris and the dateline, then more from those
found: names joined to a place ("from Gao and Sévaré"), and every other
occurrence of a place's name however tagged (one sense per story); last the
dateline's place and US state codes after a comma (place_qualifiers.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.attrs import IS_LOWER
from spacy.tokens import Doc, Token

from newsevents.extract.actor_words import doc_text
from newsevents.extract.place_candidates import (
    FEATURE_WORDS,
    PLACE_LABELS,
    candidate_spans,
    entity_of,
    name_start,
)
from newsevents.extract.place_qualifiers import (
    PlaceMention,
    dateline_mentions,
    qualified,
    state_codes,
)
from newsevents.extract.place_refusals import PlaceRefusals, not_a_place, surname
from newsevents.extract.spans import token_bounds
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import Gazetteer
from newsevents.records import Article, Span


def find_mentions(doc: Doc, article: Article, skip: Sequence[Span], gazetteer: Gazetteer,
                  lexicon: Lexicon, skipped_tokens: set[int]) -> list[PlaceMention]:
    """The place mentions of the article in text order, with their qualifiers linked;
    ``skipped_tokens`` are the tokens whose first character ``skip`` covers."""
    found = list(dateline_mentions(article, doc))
    # lower-case words read from arrays and the text: no Token object per token
    text, (starts, ends) = doc_text(doc), token_bounds(doc)
    words = {text[start:end] for i, (start, end, lower)
             in enumerate(zip(starts, ends, doc.to_array(IS_LOWER).tolist(), strict=True))
             if lower and i not in skipped_tokens}
    check = PlaceRefusals(doc, gazetteer, lexicon, skip, words)
    for start, end, label in candidate_spans(doc, gazetteer):
        if check.refused(start, end, found):
            continue
        if not gazetteer.lookup(doc[start:end].text) and not_a_place(doc, start, end, lexicon):
            continue
        found.append(_mention(doc, start, end, label))
    for start, end, label in _spread(doc, article.text, found, gazetteer):
        if not check.refused(start, end, found):
            found.append(_mention(doc, start, end, label))
    found.extend(state_codes(doc, found, gazetteer, skip))
    found.sort(key=lambda m: m.span)
    return qualified(article.text, found, gazetteer)


def _mention(doc: Doc, start: int, end: int, label: str) -> PlaceMention:
    chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    sent = doc[start].sent
    return PlaceMention(doc[start:end].text, chars, label if label in PLACE_LABELS else "GPE",
                        (start, end), sentence=(sent.start_char, sent.end_char),
                        feature=_feature(doc, start, end))


def _feature(doc: Doc, start: int, end: int) -> str | None:
    """The kind of feature the words around a name give it: "river" in "the Naryn and
    Syr Darya rivers", "mountains" in "the Tian Shan mountains"."""
    token = doc[start:end].root
    while token.dep_ in ("conj", "compound", "nmod") and token.head is not token:
        token = token.head
        lemma = token.lemma_.lower()
        if lemma in FEATURE_WORDS or token.lower_ in FEATURE_WORDS:
            return lemma if lemma in FEATURE_WORDS else token.lower_
    return None


def _spread(doc: Doc, text: str, found: Sequence[PlaceMention],
            gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """More mentions from the ones found: a name joined to a place by "and" or a comma
    ("from Gao and Sévaré", "the provinces of Camaná, Islay and Caravelí"), and each
    other occurrence of a place's name, however tagged ("Tessalit is one of those
    places"): one sense per story."""
    names = {m.text for m in found if m.tokens is not None}
    for mention in list(found):
        if mention.tokens is None:
            continue
        root = doc[mention.tokens[0]:mention.tokens[1]].root
        for other in root.conjuncts:
            if other.pos_ == "PROPN" and other.is_title and not surname(doc, other.text):
                start = name_start(doc, other)
                if _whole_name(doc, start, other.i + 1):
                    label = other.ent_type_ if other.ent_type_ in PLACE_LABELS else mention.label
                    yield start, other.i + 1, label
    if not names:
        return
    # Read from character offsets: a Token or Span object for every range is too slow.
    starts, ends = token_bounds(doc)
    initials = {name[0] for name in names}
    for start in range(len(doc)):
        if text[starts[start]] not in initials:
            continue
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            if text[starts[start]:ends[end - 1]] in names and _whole_name(doc, start, end):
                label = doc[start].ent_type_
                yield start, end, label if label in PLACE_LABELS else "GPE"
                break


def _name_word(token: Token) -> bool:
    """A capitalised word that may belong to a name ("North" of "North Korea"), not
    "In" opening a sentence."""
    return token.is_title and not token.is_stop and token.is_alpha


def _whole_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` are a whole name, not part of a longer one
    ("Paris High School", "Paris Whitaker")."""
    if end < len(doc) and _name_word(doc[end]):
        return False
    if start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].like_num):
        return False
    for token in doc[start:end]:
        if token.ent_type_ and token.ent_type_ not in PLACE_LABELS:
            entity = entity_of(doc, token)
            if entity.start < start or entity.end > end or entity.label_ == "NORP":
                return False
    return True
