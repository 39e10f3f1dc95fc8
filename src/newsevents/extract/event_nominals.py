"""Who does an event told by a noun, when its own phrase does not say.

"held talks", "announced a wave of arrests": the subject of the verb that carries
the noun; "Kim came for his meeting": the subject a possessive pronoun refers to;
"the UN issued a report that alleges": whoever issued the thing that speaks.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from newsevents.extract.actor_words import demonym_at
from newsevents.extract.event_actors import ActorIndex, actor_of, scored
from newsevents.extract.event_discourse import LIGHT_VERBS
from newsevents.extract.event_roles import MEETING_NOUNS, QUANTITY_NOUNS
from newsevents.extract.event_subjects import subject_of

OWNING_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Verbs of being in a state: "was in contact with", "remain in talks with".
STATE_VERBS = frozenset({"be", "remain", "stay", "keep"})
# Meetings and trips a verb's doers take part in: "agreed after talks", "on a visit to".
OCCASION_NOUNS = MEETING_NOUNS | {"visit", "trip", "tour"}
OCCASION_PREPS = frozenset({"after", "during", "following", "on", "at", "for"})
SPANS_OF_TIME = frozenset({"day", "week", "month", "hour", "year", "round"})
# A speaker "said after talks" may be anyone's spokesman, not a party to them.
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "announce", "state", "note"})


def carrying_verb(noun: Token) -> Token | None:
    """The verb whose object carries a nominal event and whose subject (or passive
    agent) is its doer: "held talks", "agreed a package of sanctions", "announced a wave
    of arrests", "protests were staged by farmers"."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        noun = noun.head.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in LIGHT_VERBS:
        return noun.head  # "denunciations were made by the envoy": its agent is the doer
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "in" and \
            prep.head.lemma_.lower() in STATE_VERBS:
        return prep.head  # "was in contact with", "remain in talks with"
    return _occasion_verb(noun)


def _occasion_verb(noun: Token) -> Token | None:
    """"reached a deal after three days of talks in Cairo", "On a state visit to Jakarta,
    the king apologised": the verb whose doers held the talks or made the visit named in
    its phrase. Not a meeting of a named body ("said after a meeting of the cabinet")."""
    if noun.lemma_.lower() not in OCCASION_NOUNS or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in SPANS_OF_TIME:
        noun = noun.head.head  # "three days of talks"
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in OCCASION_PREPS and prep.head.pos_ == "VERB" and \
            prep.head.lemma_.lower() not in SPEECH_LEMMAS:
        return prep.head
    return None


def carried_roles(carrier: Token, source_head: Token | None, target_head: Token | None,
                  index: ActorIndex) -> tuple[Token | None, Token | None]:
    """A carried noun's doer is the carrying verb's subject ("Trump has made requests of
    the DPRK"): its "of" phrase then names whom the event is aimed at."""
    subject, _ = subject_of(carrier)
    if source_head is None:
        return subject, target_head
    if subject is not None and scored(actor_of(subject, index)) and \
            source_head.head.lower_ == "of" and target_head is None:
        return subject, source_head
    return source_head, target_head


def owner_of(source_head: Token | None, noun: Token, index: ActorIndex) -> Token | None:
    """"Kim came for his meeting with Xi": a possessive pronoun on an event noun
    refers to the subject of the clause the noun sits in, when that names an actor."""
    if source_head is None or source_head.lower_ not in OWNING_PRONOUNS:
        return source_head
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject, _ = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
    return subject if subject is not None and scored(actor_of(subject, index)) else source_head


def issuer_of(head: Token | None, index: ActorIndex) -> Token | None:
    """"the UN issued a report that alleges", "scrapped a speech that would have
    criticized": a thing that speaks (a report, a motion, a speech) with no actor of
    its own speaks for whoever issued it, the subject of the verb it is the object of."""
    if head is None or head.pos_ != "NOUN" or head.dep_ != "dobj" or \
            scored(actor_of(head, index)):
        return head
    issuer, _ = subject_of(head.head)
    return issuer if issuer is not None and scored(actor_of(issuer, index)) else head


def demonym_owner(noun: Token, demonyms: Mapping[str, str | None]) -> str | None:
    """"the Turkish extradition request", "Russian missile strikes": the country whose
    nationality word modifies an event noun (directly or through the noun's compound)
    is the doer the noun's own phrase leaves unnamed."""
    words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    for head in (noun, *words):
        for child in head.children:
            if child.dep_ == "amod" and child.i < noun.i:
                hit = demonym_at(noun.doc, child.i, noun.i, demonyms)
                if hit is not None and hit.value:
                    return hit.value
    return None
