"""Events told by a pro-verb: "Poland has done the same", "Latvia followed suit".

A pro-verb names no act of its own: it repeats the latest act told just before it,
now done by its own subject and aimed where that act was aimed. It refuses when
the story names no such act nearby, or when its subject is on the target's side.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_actors import ActorIndex, actors_of, scored
from newsevents.extract.event_dates import event_date
from newsevents.extract.event_pairs import side_code
from newsevents.extract.event_subjects import subject_of
from newsevents.extract.modality import modality_of
from newsevents.lexicon.events import EventTables
from newsevents.records import Actor, Event, TimeExpression, Trigger

# The verb and the word with it that make a pro-verb: "did the same", "did
# likewise", "followed suit".
ECHO_WORDS = {"do": frozenset({"same", "likewise"}), "follow": frozenset({"suit"})}
ECHO_DEPS = frozenset({"dobj", "advmod"})
# How many sentences back the repeated act may be told: further back, "the same"
# no longer reaches one act.
REACH = 2
# A repeated act is read from the discourse, not from its own phrases.
ECHO_CONFIDENCE = 0.6


def echo_verbs(sent: SpacySpan) -> Iterator[Token]:
    """The pro-verbs of a sentence."""
    for token in sent:
        words = ECHO_WORDS.get(token.lemma_.lower())
        if words and any(c.dep_ in ECHO_DEPS and c.lower_ in words for c in token.children):
            yield token


def echoed_events(sent: SpacySpan, number: int, index: ActorIndex,
                  history: Sequence[tuple[int, Event]], tables: EventTables,
                  times: Sequence[TimeExpression], salient: Actor | None) -> Iterator[Event]:
    """One event per pro-verb of the sentence and each event of the act it repeats,
    with the pro-verb's subject as source and its own modality and date."""
    for verb in echo_verbs(sent):
        head, _ = subject_of(verb)
        sources = [a for a in actors_of(head, index, salient) if scored(a)]
        repeated = _latest_act(history, number, sources)
        trigger = Trigger(verb.text, (verb.idx, verb.idx + len(verb)))
        told: set[tuple[str, str | None]] = set()
        for event in repeated:
            for source in sources:
                pair = (source.id, side_code(event.target))
                if pair[1] == side_code(source) or pair in told:
                    continue
                told.add(pair)
                yield replace(event, source=source, modality=modality_of(verb, tables),
                              when=event_date(verb, times), trigger=trigger,
                              sentence=sent.text.strip(), span=(sent.start_char, sent.end_char),
                              confidence=ECHO_CONFIDENCE)


def _latest_act(history: Sequence[tuple[int, Event]], number: int,
                sources: list[Actor]) -> list[Event]:
    """The events of the latest trigger within reach that someone other than
    ``sources`` did."""
    own = {side_code(s) for s in sources}
    for told_in, event in reversed(history):
        if told_in < number - REACH:
            return []
        if scored(event.source) and side_code(event.source) not in own:
            return [e for n, e in history if n == told_in and e.trigger == event.trigger]
    return []
