"""Dates that neighbouring sentences with no event of their own give a story's events.

Habits of news writing that date an event from a sentence that codes nothing:

- a scene sentence sets the time of the one after it: "The puppet show was in full
  swing on Tuesday. The foreign minister summoned the EU's envoy ...";
- the lead says what happened and the sentence after it says when: "SUVA (Courier) —
  The navy has seized a fishing vessel. The longliner was intercepted on Saturday ..."
  (or which day of the lead's weekend: "a weekend raid ... Gunmen arrived late on
  Saturday"); further on, a sentence that codes nothing and names one day tells when
  the undated event just before it in its paragraph happened ("Russia accused Norway of
  violating the treaty. Its embassy delivered a note of protest on Thursday.").

A plan is dated by the eventless sentence after it that names it again ("Xi is planning
a trip to Pyongyang. This would mean the trip would be on September 9th").

A told event at "the talks" or "the meeting" happened at the gathering the story is
about, on the day the lead gives it ("who travelled to Bishkek for the talks"), and so
did one told "within hours" with no event named to count from ("Minsk rejected the
decision within hours"): the hours run from the story's news.

A promised event is dated by when the promise is to be kept, not by the day it was
made (``event_date_pledges``). An event still undated takes the date the next mention
of its noun gives it ("the motion, passed last Thursday": ``event_date_mentions``).

Events told at a measured distance from another ("a day after ministers froze the
assets") are then dated from that event's day (``event_date_intervals``).

Only events with no date of their own take such a date (told events, and plans named
again), never the dateline's: the publication date is not an event's date by default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_date_intervals import interval_dates
from newsevents.extract.event_date_mentions import mention_date
from newsevents.extract.event_date_pledges import promise_dated, promised_date
from newsevents.extract.event_dates import clause_chars, dated, time_root, to_when, token_at
from newsevents.records import Article, Event, Span, TimeExpression, When

# Gatherings a story may be about, which a later "the talks" names again.
GATHERINGS = frozenset({"meeting", "talk", "talks", "summit", "session", "conference",
                        "negotiation", "negotiations", "vote", "ceremony", "signing"})
# Those who take part in such a gathering: "the army delegation was led by ..." tells
# who sat at it.
PARTIES = frozenset({"delegation", "negotiator", "delegate"})
# Where an event stands to such a gathering: "for the talks", "before the meeting".
OCCASION_PREPS = frozenset({"for", "at", "to", "before", "after", "during", "in"})
# "within hours", "within 30 minutes": a span shorter than a day.
WITHIN_HOURS = re.compile(r"^PT(\d+|X)[HM]$")


def scene_dates(recent: Sequence[tuple[int, Event]], sentences: Sequence[SpacySpan],
                times: Sequence[TimeExpression], article: Article) -> list[tuple[int, Event]]:
    """``recent`` (sentence number, event) with undated told events dated by the
    eventless sentence before them (a scene) or after them, or by the lead's day when
    they happened at the story's gathering."""
    told_in = {number for number, _ in recent}
    dateline = article.dateline.span if article.dateline is not None else None
    by_sentence = [_main_dates(sent, times, dateline) for sent in sentences]
    told_when = [_main_dates(sent, times, dateline, reported=True) for sent in sentences]
    # the lead is the sentence the dateline opens (the parse may end one at the dateline)
    lead = next((n for n, sent in enumerate(sentences)
                 if dateline is not None and sent.end_char > dateline[1]), None)
    after_lead = lead + 1 if lead is not None else len(sentences)

    def lent(number: int) -> TimeExpression | None:
        if by_sentence[number]:
            return None  # a sentence with a time of its own opens a new scene
        before = number - 1
        if before >= 0 and before not in told_in and \
                _one_paragraph(sentences, before, article.text) and \
                len({t.value for t in by_sentence[before]}) == 1:
            return by_sentence[before][0]
        after = number + 1
        if after >= len(sentences) or after in told_in:
            return None
        if number == lead and told_when[after] and not _ahead(told_when[after][0], article):
            return told_when[after][0]
        following = by_sentence[after]
        if following and len({t.value for t in following}) == 1 and \
                _one_paragraph(sentences, number, article.text) and \
                to_when(following[0]).granularity == "day" and \
                not _ahead(following[0], article):
            return following[0]
        return None

    def planned_for(event: Event, number: int) -> TimeExpression | None:
        """"The Times claims Xi's trip is scheduled to line up with the anniversary. This
        would mean the trip would be on September 9th": the one time still to come that
        the next, eventless sentence of the paragraph names when it names the plan again."""
        after = number + 1
        if by_sentence[number] or after >= len(sentences) or after in told_in or \
                not _one_paragraph(sentences, number, article.text) or \
                not _names_again(event, sentences[number], sentences[after]):
            return None
        coming = told_when[after]
        if len({t.value for t in coming}) != 1 or _past(coming[0], article):
            return None
        return coming[0]

    occasion = _lead_day(recent, lead, by_sentence, article) if lead is not None else None
    dated_events = []
    for number, event in recent:
        when = promised_date(event, number, sentences, times, told_in, article) \
            if promise_dated(event, sentences[number], times) else event.when
        if when is None and event.modality == "asserted":
            time = lent(number)
            when = to_when(time) if time else \
                _at_occasion(event, sentences[number], occasion) or \
                _within_hours(event, sentences[number], times, occasion)
        elif when is None and event.modality == "planned":
            time = planned_for(event, number)
            when = to_when(time) if time else None
        elif when is not None and number == lead and after_lead < len(sentences):
            time = _day_within(when, told_when[after_lead])
            when = to_when(time) if time else when
        if when is None:
            when = _mention_date(event, number, sentences, times, lead)
        dated_events.append((number, replace(event, when=when)))
    return interval_dates(dated_events, sentences, times)


def _mention_date(event: Event, number: int, sentences: Sequence[SpacySpan],
                  times: Sequence[TimeExpression], lead: int | None) -> When | None:
    """The date the next mention of the event's noun gives it (a headline's, the lead's)."""
    trigger = token_at(sentences[number].doc, event.trigger.span)
    if trigger is None:
        return None
    headline = lead is not None and number < lead
    return mention_date(trigger, sentences[lead if headline else number + 1:], times,
                        headline)


def _names_again(event: Event, sent: SpacySpan, following: SpacySpan) -> bool:
    trigger = token_at(sent.doc, event.trigger.span)
    return trigger is not None and any(w.lemma_ == trigger.lemma_ for w in following)


def _lead_day(recent: Sequence[tuple[int, Event]], lead: int,
              by_sentence: Sequence[Sequence[TimeExpression]], article: Article) -> When | None:
    """The day the lead tells its news on: that of its first told event, else the one
    day its main clause names (a day not yet come is no occasion told as past)."""
    told = [e.when for n, e in recent if n == lead and e.modality == "asserted" and
            e.when is not None and e.when.granularity == "day"]
    named = [to_when(t) for t in by_sentence[lead]]
    if not told and len({w.value for w in named}) == 1:
        told = [w for w in named if w.granularity == "day"]
    if not told or _ahead_day(told[0], article):
        return None
    return told[0]


def _at_occasion(event: Event, sent: SpacySpan, occasion: When | None) -> When | None:
    """"travelled to Bishkek for the talks", "attended the meeting", "protested before
    the meeting", "the army delegation was led by ...": a told event at the gathering a
    story is about, or by a party to it, named by a definite noun, happened on the day
    the lead gives it."""
    if occasion is None:
        return None
    trigger = token_at(sent.doc, event.trigger.span)
    if trigger is None:
        return None
    named = [c for c in trigger.children if c.dep_ == "dobj"] + \
        [w for c in trigger.children if c.dep_ == "prep" and c.lower_ in OCCASION_PREPS
         and not any(m.dep_ == "npadvmod" for m in c.children)
         for w in c.children if w.dep_ == "pobj"]
    sides = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    return occasion if any(_definite(w) for w in named if w.lemma_.lower() in GATHERINGS) or \
        any(_definite(w) for w in sides if w.lemma_.lower() in PARTIES) else None


def _definite(noun: Token) -> bool:
    return any(d.lower_ == "the" for d in noun.children if d.dep_ == "det")


def _within_hours(event: Event, sent: SpacySpan, times: Sequence[TimeExpression],
                  occasion: When | None) -> When | None:
    """"Minsk rejected the decision within hours": a reaction measured in hours or
    minutes from no event it names came on the day of the news the lead tells."""
    trigger = token_at(sent.doc, event.trigger.span)
    if occasion is None or trigger is None:
        return None
    clause = clause_chars(trigger)
    return occasion if any(
        time.type == "DURATION" and WITHIN_HOURS.match(time.value or "") and
        _word_before(sent.doc.text, time.span[0]) == "within" and
        any(start < time.span[1] and time.span[0] < end for start, end in clause)
        for time in times) else None


def _word_before(text: str, offset: int) -> str:
    """The word just before ``offset`` in ``text``, lower-cased."""
    before = text[max(0, offset - 20):offset].split()
    return before[-1].lower() if before else ""


def _day_within(when: When, times: Sequence[TimeExpression]) -> TimeExpression | None:
    """"killed six people in a weekend raid. Gunmen arrived late on Saturday": the day,
    told next, inside the week or weekend the lead gave."""
    if when.granularity not in ("week", "weekend") or not when.start or not when.end:
        return None
    return next((t for t in times if (day := to_when(t)).granularity == "day" and
                 day.start is not None and when.start <= day.start <= when.end), None)


def _one_paragraph(sentences: Sequence[SpacySpan], first: int, text: str) -> bool:
    """Whether sentence ``first`` and the one after it share a paragraph of ``text``
    (the article's, which the doc was made from): a scene's time holds to the end of
    its paragraph."""
    this, following = sentences[first], sentences[first + 1]
    # the parse hangs the line break on either sentence
    end = this.start_char + len(this.text.rstrip())
    start = following.start_char + len(following.text) - len(following.text.lstrip())
    return "\n" not in text[end:start]  # not doc.text, which spaCy joins anew each time


def _main_dates(sent: SpacySpan, times: Sequence[TimeExpression], dateline: Span | None,
                reported: bool = False) -> list[TimeExpression]:
    """The dated expressions of a sentence's main clause, the dateline's left out: a time
    in a reported or relative clause ("said the office had decided over the weekend",
    "a series that has grown since last month") dates that clause, not the scene.
    ``reported`` lets in the clause the sentence reports ("The ship was intercepted on
    Saturday, the navy said"), which tells the news when a lead is told on."""
    inside = [t for t in dated(times) if sent.start_char <= t.span[0] < sent.end_char
              and not (dateline is not None and dateline[0] <= t.span[0] < dateline[1])]
    clauses = [(t, _clause_of(t, sent)) for t in inside]
    return [t for t, clause in clauses if clause.i == sent.root.i or
            (reported and clause.dep_ == "ccomp" and clause.head.i == sent.root.i)]


def _clause_of(time: TimeExpression, sent: SpacySpan) -> Token:
    """The verb whose clause holds a time expression (the sentence root at most)."""
    word = time_root(time, sent.doc) or sent.root
    while word.i != sent.root.i and not (word.pos_ in ("VERB", "AUX") and word.dep_ != "amod"):
        word = word.head
    return word


def _ahead(time: TimeExpression, article: Article) -> bool:
    """A told event happened by publication: a later date is not its date."""
    return _ahead_day(to_when(time), article)


def _past(time: TimeExpression, article: Article) -> bool:
    """A planned event is still to come: a time over by publication is not its date."""
    end, published = to_when(time).end, article.published
    if not end or not published:
        return False
    return end[:10] < published[:10]


def _ahead_day(when: When, article: Article) -> bool:
    start, published = when.start, article.published
    if not start or not published:
        return False
    return start[:10] > published[:10]
