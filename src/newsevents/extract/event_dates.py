"""When an event happened: the normalised time expression that governs its trigger.

``event_date`` looks for a dated time expression (a TIMEX3 calendar value,
not a duration or PAST_REF) in the trigger's own clause: its subtree without
the subordinate clauses that carry their own events. A nominal trigger with no
date of its own takes the date of the clause it sits in ("his visit ... on
Tuesday"); a conjoined or adverbial verb takes its head's ("detained ... on
Friday and seized ..."), unless it has a subject of its own: then its own words
date it, the relative clauses on its participants included; a trigger the parse
leaves outside every dated clause takes the date of its sentence when the sentence
names only one (leaving out a time told later in a clause of its own or in a past
participle describing another noun); a relative clause "in which ..." takes its
noun's date. It never falls back on the publication date: an undated clause gives
None, and ``carry_date`` may then take the date of the same event told in a nearby
sentence, or of the told event just before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsevents.extract.event_pairs import side_code
from newsevents.extract.event_phrases import step_noun, step_owner
from newsevents.extract.timex.calendar import parse_value
from newsevents.records import Event, TimeExpression, When

# How far back (in sentences) a date of the same event may be carried from.
CARRY_SENTENCES = 2
# How far back a told (asserted) event lends its date to the next told event that
# has none: a story's reference time holds from one sentence to the next ("The EU
# froze the assets on Monday. Minsk rejected the decision within hours.").
NARRATIVE_SENTENCES = 1
DATED = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|Q\d|SU|SP|FA|WI|H\d))?(-\d{2})?")
EXCLUDED_CLAUSES = frozenset({"ccomp", "relcl", "parataxis", "advcl", "xcomp", "conj"})
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
OCCASION_PREPS = frozenset({"in", "at", "during"})
# Verbs whose object is an occasion one takes part in or stays away from ("attended
# Monday's summit"): they happen when it does.
TAKING_PART = frozenset({"attend", "boycott", "skip", "snub", "host", "chair", "join",
                         "disrupt", "observe", "monitor"})
INHERIT_FROM_HEAD = frozenset({"conj", "advcl", "pobj", "dobj", "nsubj", "nsubjpass",
                               "attr", "compound", "appos", "pcomp", "advmod"})
# "Saturday's clash, in which ships fired water cannon": a relative clause opened by
# one of these prepositions tells what happened in its noun's event, at its time.
WITHIN_PREPS = frozenset({"in", "during", "amid"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def to_when(time: TimeExpression) -> When:
    point = parse_value(time.value)
    first, last = point.bounds() if point else (None, None)
    return When(value=time.value, text=time.text,
                start=first.isoformat() if first else None,
                end=last.isoformat() if last else None,
                granularity=point.grain if point else None)


def clause_chars(trigger: Token, excluded: frozenset[str] = EXCLUDED_CLAUSES
                 ) -> list[tuple[int, int]]:
    """Character ranges of the trigger's clause, subordinate clauses left out."""
    ranges = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        ranges.append((token.idx, token.idx + len(token)))
        for child in token.children:
            if child.dep_ in excluded and child.pos_ in ("VERB", "AUX"):
                ranges += [(t.idx, t.idx + len(t)) for t in _before_marker(child)]
                continue
            stack.append(child)
    return ranges


def _before_marker(clause: Token) -> list[Token]:
    """"detained 47 people overnight after protesters marched": words of an adverbial
    clause's subtree that come before its marker ("after", "when") belong to the
    clause above; the parser hangs them on the subordinate verb."""
    if clause.dep_ != "advcl":
        return []
    marker = next((c for c in clause.children if c.dep_ == "mark"), None)
    if marker is None:
        return []
    return [t for t in clause.subtree if t.i < marker.i]


def dated(times: Sequence[TimeExpression]) -> list[TimeExpression]:
    return [t for t in times if t.value and DATED.match(t.value)]


def in_clause(trigger: Token, times: Sequence[TimeExpression]) -> TimeExpression | None:
    ranges = clause_chars(trigger)
    inside = [t for t in times
              if any(start < t.span[1] and t.span[0] < end for start, end in ranges)
              and not _dates_another_noun(t, trigger) and not _in_noun_clause(t, trigger)
              and not _in_owned_step(t, trigger)]
    if not inside:
        return None
    # the expression closest to the trigger
    return min(inside, key=lambda t: abs(t.span[0] - trigger.idx))


def _dates_another_noun(time: TimeExpression, trigger: Token) -> bool:
    """"froze assets over last month's crackdown", "under the 1920 treaty": a time
    expression that modifies a noun dates that noun, not the trigger's clause."""
    root = time_root(time, trigger.doc)
    if root is None:
        return False
    noun = root.head
    return root.dep_ in NOUN_MODIFIER_DEPS and noun.i != trigger.i and \
        noun.pos_ in ("NOUN", "PROPN") and not _occasion_of(noun, trigger)


def token_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The head word of the tokens a character span covers (an event's trigger)."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    return words.root if words is not None and len(words) else None


def time_root(time: TimeExpression, doc: Doc) -> Token | None:
    """The token of a time expression that the parse hangs on a word outside it."""
    # the expression's own tokens, found by offset rather than by a scan of the whole doc
    # (this runs for every time of every trigger's sentence)
    span = doc.char_span(time.span[0], time.span[1], alignment_mode="expand")
    tokens = [t for t in span or () if time.span[0] <= t.idx < time.span[1]]
    if not tokens:
        return None
    return next((t for t in tokens if not (time.span[0] <= t.head.idx < time.span[1])),
                tokens[-1])


def _governors(token: Token) -> Iterator[Token]:
    """The words above ``token`` in the parse, nearest first."""
    while token.head.i != token.i:
        token = token.head
        yield token


def _in_noun_clause(time: TimeExpression, trigger: Token) -> bool:
    """"pull back from positions built since January": a time inside a past-participle
    clause that describes another noun dates the earlier event that made the noun what
    it is, not the trigger (a present participle, "sign a treaty delimiting the border
    next month", is often the parser's hook for the trigger's own time)."""
    root = time_root(time, trigger.doc)
    if root is None:
        return False
    for word in _governors(root):
        if word.i == trigger.i:
            return False
        if word.dep_ == "acl" and word.tag_ == "VBN" and word.head.i != trigger.i:
            return True
    return False


def _in_owned_step(time: TimeExpression, trigger: Token) -> bool:
    """"called for easing sanctions to reward Kim's move last year to halt tests": a
    time inside the step someone else took ("Kim's move ... halt tests") dates that
    step, not the call around it."""
    for verb in trigger.sent:
        if verb.pos_ != "VERB" or verb.left_edge.i <= trigger.i <= verb.right_edge.i:
            continue
        noun = step_noun(verb)
        if noun is not None and step_owner(verb) is not None and \
                noun.left_edge.idx <= time.span[0] and \
                time.span[1] <= verb.right_edge.idx + len(verb.right_edge):
            return True
    return False


def _later_clause(time: TimeExpression, trigger: Token) -> bool:
    """"urged the US to act in exchange for steps it has taken since last year": a time
    in a clause told after the trigger, with a subject of its own and not governing the
    trigger, dates that clause's event. A clause told before it sets the time of what
    follows ("bombers attacked on Sunday; police arrested 24 suspects"), and a relative
    clause describes a participant of the trigger's own scene ("did not detain the
    students who left on Sunday")."""
    root = time_root(time, trigger.doc)
    if root is None:
        return False
    above_trigger = {w.i for w in _governors(trigger)} | {trigger.i}
    for word in _governors(root):
        if word.i in above_trigger:
            return False
        if word.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in word.children):
            return word.i > trigger.i and word.dep_ != "relcl"
    return False


def _occasion_of(noun: Token, trigger: Token) -> bool:
    """"warned in a New Year's speech", "met at last week's summit", "boycotted Sunday's
    election": the noun is the occasion the trigger took place at, so its date is the
    trigger's."""
    prep = noun.head
    if noun.dep_ == "dobj":
        return prep.i == trigger.i and trigger.lemma_.lower() in TAKING_PART
    return noun.dep_ == "pobj" and prep.lower_ in OCCASION_PREPS and prep.head.i == trigger.i


def event_date(trigger: Token, times: Sequence[TimeExpression]) -> When | None:
    """The date of the clause that holds the trigger (climbing to a head clause for
    nominal, conjoined and adverbial triggers), or None."""
    usable = dated(times)
    if not usable:
        return None
    current = trigger
    for _ in range(4):
        found = in_clause(current, usable)
        if found is not None:
            return to_when(found)
        if (current.dep_ not in INHERIT_FROM_HEAD and not _within_relative(current)) or \
                current.head.i == current.i:
            break
        if current.dep_ == "conj" and current.pos_ == "VERB" and _own_subject(current):
            # "Chile will send ... next week, and Ecuador has sent": its own clause
            return _joined_clause_date(trigger, current, usable)
        current = current.head
        while current.dep_ == "prep" and current.head.i != current.i:
            current = current.head
    return sentence_date(trigger, usable)


def sentence_date(trigger: Token, times: Sequence[TimeExpression]) -> When | None:
    """The one date a sentence gives, for a trigger the parse leaves outside every
    dated clause: a sentence that names a single date tells its events on that date
    (two different dates leave the trigger undated)."""
    sent = trigger.sent
    return one_date(trigger, [t for t in times if sent.start_char <= t.span[0] < sent.end_char])


def _joined_clause_date(trigger: Token, clause: Token,
                        times: Sequence[TimeExpression]) -> When | None:
    """"and Chadian officials did not meet a delegation that had asked for talks in
    August": a joined clause with a subject of its own is dated by its own words, the
    relative clauses that describe its participants included (they tell its scene)."""
    ranges = clause_chars(clause, EXCLUDED_CLAUSES - {"relcl"})
    return one_date(trigger, [t for t in times if any(start < t.span[1] and t.span[0] < end
                                                       for start, end in ranges)])


def one_date(trigger: Token, times: Sequence[TimeExpression]) -> When | None:
    """The one date ``times`` give the trigger, those dating other words left out."""
    inside = [t for t in times
              if not _dates_another_noun(t, trigger) and not _in_noun_clause(t, trigger)
              and not _later_clause(t, trigger) and not _in_owned_step(t, trigger)]
    values = {t.value for t in inside}
    return to_when(inside[0]) if len(values) == 1 else None


def _within_relative(verb: Token) -> bool:
    """"the confrontation, in which ships fired water cannon": the relative clause
    tells what happened within its noun's event."""
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "prep" and c.lower_ in WITHIN_PREPS and
               any(w.dep_ == "pobj" and w.lower_ in ("which", "whom") for w in c.children)
               for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def carry_date(event: Event, others: Iterable[tuple[int, Event]], number: int) -> Event:
    """Give an undated event the date of the same event told in a nearby sentence,
    else, for a told event, that of a told event just before it (the narrative's
    reference time); ``others`` run away from the event's sentence ``number``."""
    if event.when is not None:
        return event
    nearby = []
    for seen_at, seen in others:
        if abs(number - seen_at) > CARRY_SENTENCES:
            break
        if seen.when is not None and same_event(seen, event):
            return replace(event, when=seen.when)
        nearby.append((seen_at, seen))
    for seen_at, seen in nearby:
        if abs(number - seen_at) <= NARRATIVE_SENTENCES and seen.when is not None and \
                event.modality == "asserted" and seen.modality == "asserted" and seen_at <= number:
            return replace(event, when=seen.when)
    return event


def same_event(a: Event, b: Event) -> bool:
    return (a.type == b.type and side_code(a.source) == side_code(b.source)
            and side_code(a.target) == side_code(b.target) and a.modality == b.modality)
