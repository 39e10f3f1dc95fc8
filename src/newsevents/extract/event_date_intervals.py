"""Dates told as a distance from another event: "a day after EU ministers froze the
assets", "three days before the vote".

A clause or phrase opened by "after" or "before" and measured by a count of days or
weeks tells an event that happened that long before (or after) the event of the clause
it hangs on. Its date is that clause's day moved by the distance: the day of an event
told by that clause, else the clause's own day, else the day the told events of the
sentence before happened ("They spoke on Thursday evening. The call came three days
after the ministers met in Tokyo."). A date in the measured clause itself wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.event_dates import dated, in_clause, token_at
from newsevents.extract.timex.calendar import parse_value
from newsevents.records import Event, TimeExpression, When

# "after" looks back from the clause it hangs on, "before" ahead.
DIRECTION = {"after": -1, "before": 1}
DAYS_IN = {"D": 1, "W": 7}
# A measured distance: P1D "a day", P3D "three days", P2W "two weeks".
DISTANCE = re.compile(r"^P(\d+)([DW])$")


def interval_dates(recent: Sequence[tuple[int, Event]], sentences: Sequence[SpacySpan],
                   times: Sequence[TimeExpression]) -> list[tuple[int, Event]]:
    """``recent`` (sentence number, event) with events told at a measured distance
    from another event dated from that event's day."""
    if not sentences:
        return list(recent)
    doc = sentences[0].doc
    moved = []
    for number, event in recent:
        when = _measured_date(event, number, recent, doc, sentences[number], times)
        moved.append((number, replace(event, when=when) if when else event))
    return moved


def _measured_date(event: Event, number: int, recent: Sequence[tuple[int, Event]],
                   doc: Doc, sent: SpacySpan, times: Sequence[TimeExpression]) -> When | None:
    trigger = token_at(doc, event.trigger.span)
    marker = _marker(trigger) if trigger is not None else None
    measure = _distance(marker, times) if marker is not None else None
    if trigger is None or marker is None or measure is None:
        return None
    distance, count = measure
    sent_times = dated([t for t in times if sent.start_char <= t.span[0] < sent.end_char])
    if in_clause(trigger, sent_times) is not None:
        return None  # "two days after Monday's attack": the clause dates itself
    anchor = _anchor_day(marker.head if marker.dep_ == "prep" else trigger.head,
                         number, recent, sent_times)
    if anchor is None:
        return None
    day = (anchor + dt.timedelta(days=DIRECTION[marker.lower_] * count)).isoformat()
    return When(value=day, text=f"{distance.text} {marker.text}", start=day, end=day,
                granularity="day")


def _marker(trigger: Token) -> Token | None:
    """The "after"/"before" that opens the trigger's clause ("after ministers froze")
    or governs the trigger noun ("after the fighting")."""
    for child in trigger.children:
        if child.dep_ == "mark" and child.lower_ in DIRECTION:
            return child
    head = trigger.head
    if trigger.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in DIRECTION:
        return head
    return None


def _distance(marker: Token, times: Sequence[TimeExpression]
              ) -> tuple[TimeExpression, int] | None:
    """The days or weeks told just before the marker ("three days after"), in days."""
    for time in times:
        if time.type == "DURATION" and time.span[1] <= marker.idx and \
                not marker.doc.text[time.span[1]:marker.idx].strip():
            measure = DISTANCE.match(time.value or "")
            return (time, int(measure[1]) * DAYS_IN[measure[2]]) if measure else None
    return None


def _anchor_day(anchor: Token, number: int, recent: Sequence[tuple[int, Event]],
                sent_times: Sequence[TimeExpression]) -> dt.date | None:
    """The day of the clause the measured clause hangs on."""
    governors = [anchor.i, *(w.i for w in anchor.ancestors)]
    told_here = {e.trigger.span[0]: e for n, e in recent if n == number and _day(e.when)}
    for i in governors:
        event = told_here.get(anchor.doc[i].idx)
        if event is not None:
            return _day(event.when)
    own = in_clause(anchor, sent_times)
    if own is not None and _day_of(own.value):
        return _day_of(own.value)
    # the reference time the sentence before set
    before = [e for n, e in recent if n == number - 1 and e.modality == "asserted"
              and _day(e.when)]
    return _day(before[-1].when) if before else None


def _day(when: When | None) -> dt.date | None:
    return _day_of(when.value) if when is not None else None


def _day_of(value: str | None) -> dt.date | None:
    """The day a value names ("2024-06-18", "2025-04-10TEV"); None for coarser ones."""
    point = parse_value(value)
    return point.day if point is not None and point.grain == "day" else None
