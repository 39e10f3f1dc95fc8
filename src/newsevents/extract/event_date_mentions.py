"""Dates an undated event takes from a later mention of the noun that names it.

A story often names an event again by its noun and dates it there: "the parliament
adopted a motion criticising Jakarta ... the real reason was the motion, passed by the
lower house last Thursday"; a headline's "state visit ... called off" is dated by the
lead's "A state visit ..., which was due to begin next Monday". The next mention of
the noun (a definite one, "the motion", after a body sentence; the lead's first one
after the headline, which the lead restates) dates the event when the words it
governs name one date. Only that mention is read: a later one may name another
occasion of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_dates import dated, one_date
from newsevents.records import TimeExpression, When

DEFINITE = frozenset({"the", "this", "that"})


def mention_date(trigger: Token, later: Iterable[SpacySpan], times: Sequence[TimeExpression],
                 headline: bool) -> When | None:
    """The date the next mention of the trigger's noun gives it, or None."""
    noun = _naming_noun(trigger)
    if noun is None:
        return None
    for sent in later:
        for word in sent:
            if word.pos_ == "NOUN" and word.lemma_ == noun.lemma_ and \
                    (headline or _definite(word)):
                return _mention_words_date(word, times)
    return None


def _naming_noun(trigger: Token) -> Token | None:
    """The noun an event is told by: the trigger noun ("the visit") or the noun whose
    content a participle tells ("a motion criticising Jakarta")."""
    if trigger.pos_ == "NOUN":
        return trigger
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN":
        return trigger.head
    return None


def _definite(word: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in word.children)


def _mention_words_date(word: Token, times: Sequence[TimeExpression]) -> When | None:
    """The one date the words a mention governs give it ("the motion, passed last
    Thursday", "a visit, which was due to begin next Monday")."""
    start, end = word.left_edge.idx, word.right_edge.idx + len(word.right_edge)
    return one_date(word, [t for t in dated(times) if start <= t.span[0] < end])
