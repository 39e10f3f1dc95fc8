"""The date of a promised event: when the promise is to be kept, not when it was made.

"Norway, Denmark and Finland pledged new money on Wednesday": a pledge, promise or
offer coded as the event it promises (aid pledged is AID, planned) is dated by that
event ("the first payment due early next year", "to be released in October"); the day
the promise was made dates the promise only. The promised event's time is one still to
come that the words under the promise name outside its own clause, else the one the
next sentence names when it tells no event of its own and its subject is the one who
promised ("Norway said it would contribute ... with the first payment due early next
year"). A promise coded as an agreement (AGREE) keeps its day.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_dates import clause_chars, dated, to_when, token_at
from newsevents.records import Article, Event, TimeExpression, When

# Verbs and nouns that promise the event they are coded as (the "promise" flag of the
# event tables).
PROMISING = frozenset({"pledge", "promise", "offer", "vow"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def promise_dated(event: Event, sent: SpacySpan, times: Sequence[TimeExpression]) -> bool:
    """Whether the event is a promised one dated by the promise's own clause."""
    trigger = token_at(sent.doc, event.trigger.span)
    if event.when is None or event.modality != "planned" or event.type == "AGREE" or \
            trigger is None or trigger.lemma_.lower() not in PROMISING:
        return False
    own = clause_chars(trigger)
    return any(t.value == event.when.value and _within(t, own) for t in times)


def promised_date(event: Event, number: int, sentences: Sequence[SpacySpan],
                  times: Sequence[TimeExpression], told_in: Collection[int],
                  article: Article) -> When | None:
    """The time the promised event is to happen, or None."""
    sent = sentences[number]
    trigger = token_at(sent.doc, event.trigger.span)
    if trigger is None:
        return None
    own = clause_chars(trigger)
    start, end = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
    under = [t for t in _coming(times, article)
             if start <= t.span[0] < end and not _within(t, own)]
    if under:
        return _one(under)
    after = number + 1
    if after >= len(sentences) or after in told_in or \
            not _told_by(sentences[after].root, event):
        return None
    following = sentences[after]
    return _one([t for t in _coming(times, article)
                 if following.start_char <= t.span[0] < following.end_char])


def _told_by(root: Token, event: Event) -> bool:
    """Whether a sentence's subject names the one who promised."""
    names = {event.source.name.lower(), *(a.lower() for a in event.source.aliases)} \
        if event.source is not None else set()
    return any(c.dep_ in SUBJECTS and c.text.lower() in names for c in root.children)


def _coming(times: Sequence[TimeExpression], article: Article) -> list[TimeExpression]:
    """Dated times not over by publication: a promise is kept later."""
    published = (article.published or "")[:10]
    return [t for t in dated(times) if not published or
            (to_when(t).end or "9999")[:10] >= published]


def _one(times: Sequence[TimeExpression]) -> When | None:
    return to_when(times[0]) if len({t.value for t in times}) == 1 else None


def _within(time: TimeExpression, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < time.span[1] and time.span[0] < end for start, end in ranges)
