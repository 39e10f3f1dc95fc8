"""Whom an event is aimed at, read from its own sentence.

The target head's own actor first, then an actor its describing phrase names,
then (for a pronoun) the speaker or discourse actor it refers back to; a place
the trigger's phrases name for aid, forces and attacks; the other party of what
a request asks for. Refuses to guess: no actor in reach gives no target.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents.extract.actor_codes import country_actor
from newsevents.extract.actor_words import demonym_at
from newsevents.extract.event_actors import (
    FORCE_NOUNS,
    ActorIndex,
    actor_of,
    actors_of,
    described_actors,
    scored,
)
from newsevents.extract.event_dates import clause_chars, token_at
from newsevents.extract.event_nominals import demonym_owner
from newsevents.extract.event_pairs import other_sides, side_code
from newsevents.extract.event_triggers import TriggerMatch
from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.lexicon.events import EventPattern
from newsevents.records import Actor, Place

PEOPLE_SECTORS = frozenset({"CVL", "OPP", "MED", "REB", "NGO", "EDU", "LAB", "REL", "PTY"})
PEOPLE_NOUNS = frozenset({"people", "person", "man", "men", "woman", "women", "child", "children",
                          "activist", "protester", "demonstrator", "resident", "student",
                          "journalist", "reporter", "member", "supporter", "critic",
                          "official", "worker", "leader", "suspect", "dozen", "hundred",
                          "thousand", "president", "lawmaker", "legislator", "politician",
                          "candidate", "prisoner", "detainee", "opponent", "dissident",
                          "organiser", "organizer"})
# Between a state and people no actor places (its president, opposition lawmakers,
# striking workers) an event is domestic: CAMEO and GDELT code it against the doer's
# own country. Meetings, joint work and attacks stay out: the unplaced people there
# are as often foreigners placed elsewhere in the story.
HOME_TYPES = frozenset({"ACCUSE", "AGREE", "CONCEDE", "REJECT", "RETREAT", "SANCTION",
                        "SUPPORT", "THREATEN", "COERCE"})
PLACING_ENTITIES = frozenset({"GPE", "NORP", "LOC"})
YIELDED_AT_HOME = frozenset({"CONCEDE"})
# Measures on firms or people told by whose trade they carry ("companies accused of
# shipping Iranian oil") are aimed at that state.
SERVED_STATES = frozenset({"SANCTION"})
# Halting an offensive or suspending deportations is aimed at the other side, and
# is as often only asked for ("calls to halt its offensive"): never made at home.
AIMED_ABROAD = frozenset({"de-escalate"})
# Types that take forces out of a place.
WITHDRAWN = frozenset({"RETREAT"})


def own_targets(head: Token | None, index: ActorIndex, fallback: Actor | None,
                sources: list[Actor], trigger: Token) -> list[Actor]:
    """The target actors of a target head: its own, else one its describing phrase
    names, else the speaker or discourse actor a pronoun refers back to unless that
    is the source itself ("Iran said it would ask its allies")."""
    if head is None:
        return []
    own = actors_of(head, index)
    if any(scored(a) for a in own):
        return own
    described = described_actors(head, index, trigger)
    if described:
        return described
    borrowed = actors_of(head, index, fallback)
    source_codes = {side_code(s) for s in sources}
    return [a for a in borrowed if side_code(a) not in source_codes] if borrowed != own else own


def requested_party(trigger: Token, index: ActorIndex, sources: list[Actor],
                    lexicon: Lexicon) -> list[Actor]:
    """The first actor, not the asker's side, that the request's object names as a
    party: the object of a "with/from/to" phrase or a word before the object's noun."""
    own = {side_code(s) for s in sources}
    elsewhere = {t.i for c in trigger.subtree
                 if c.i != trigger.i and (c.dep_ in ("nsubj", "nsubjpass")
                                          or (c.pos_ == "VERB" and c.dep_ != "amod"))
                 for t in c.subtree}  # the asker, and clauses of their own ("to reward Kim")
    for token in trigger.subtree:
        if token.i in elsewhere or token.i == trigger.i:
            continue
        party = (token.dep_ == "pobj" and token.head.lower_ in ("with", "from", "to")) or (
            token.dep_ in ("amod", "compound", "poss") and token.head.dep_ in ("dobj", "pobj"))
        if not party:
            continue
        for mention in index.within(token.idx, token.idx + len(token)):
            actor = index.actor(mention)
            if scored(actor) and side_code(actor) not in own:
                return [actor]
        # "access to the Russian-occupied plant": a nationality word no mention covers
        nationality = demonym_at(token.doc, token.left_edge.i, token.i + 1,
                                 lexicon.actors.demonyms) if token.dep_ == "amod" else None
        if nationality is not None and nationality.value and nationality.value not in own:
            return [country_actor(nationality.value, lexicon)]
    return []


def served_state(head: Token | None, index: ActorIndex, sources: list[Actor],
                  lexicon: Lexicon) -> list[Actor]:
    """The state named inside the clause that describes a measure's unplaced target:
    an actor mention, else a nationality word ("shipped Iranian oil to Asia")."""
    if head is None:
        return []
    clauses = [c for c in head.subtree if (c.dep_ in ("acl", "relcl") and c.head.i == head.i)
               or (c.dep_ == "pobj" and c.head.head.i == head.i and c.head.lower_ == "of")]
    for clause in clauses:
        for token in clause.subtree:
            named = other_sides(actors_of(token, index), sources)
            code = demonym_owner(token.head, lexicon.actors.demonyms) \
                if token.dep_ == "amod" else None
            found = named or (other_sides([country_actor(code, lexicon)], sources)
                              if code else [])
            if found:
                return found[:1]
    return []


def nationality_target(head: Token | None, sources: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """"refused the Turkish extradition request", "condemned the Russian strikes": the
    country whose nationality word marks the answered deed."""
    code = demonym_owner(head, lexicon.actors.demonyms) if head is not None and \
        head.pos_ == "NOUN" else None
    return other_sides([country_actor(code, lexicon)], sources) if code else []


def place_target(where: Place | None, places: Sequence[Place], trigger: Token,
                 sources: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """"sent a field hospital to Camana": help and forces sent to a place go to the
    country the place lies in, when that is not the sender's own; to coordinated
    places, to each of their countries ("will travel to Pristina and Belgrade")."""
    if where is None or not where.country:
        return []
    head = token_at(trigger.doc, where.span)
    others = [(t.idx, t.idx + len(t)) for t in head.conjuncts] if head is not None else []
    countries = [where.country, *(p.country for p in places if p.country and overlaps(
        p.span, others))]
    own = {side_code(s) for s in sources}
    if where.country in own:
        return []
    return [country_actor(code, lexicon) for code in dict.fromkeys(countries) if code not in own]


def forces_withdrawn(match: TriggerMatch, source_head: Token | None) -> bool:
    """"the last Chadian soldiers stationed in Mali left", "fighters laid down their
    weapons in North Kivu": forces pulled out of a place leave the country it lies in
    (a border post reopened there leaves no one)."""
    if match.pattern.type not in WITHDRAWN:
        return False
    objects = [c for c in match.token.children if c.dep_ == "dobj"]
    return any(h.lemma_.lower() in FORCE_NOUNS for h in (source_head, *objects) if h is not None)


def hosted_sides(where: Place | None, sides: list[Actor],
                 targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of sides meeting each other at ``where``: a venue in one
    side's country makes that side the host the others visit ("the three governments
    will meet again in Almaty"); a venue elsewhere is no side at all ("the two
    delegations return to Nairobi to negotiate"), so the sides stay as they were."""
    if where is None or not where.country:
        return sides, targets
    hosts = [s for s in sides if side_code(s) == where.country][:1]
    visitors = [s for s in sides if side_code(s) != where.country]
    if not hosts or not visitors:
        return sides, targets
    return visitors, hosts


def is_meeting(head: Token | None, lexicon: Lexicon) -> bool:
    """"Qatar hosted the talks": a meeting as the object names no side of its own; its
    sides are the parties of the last joint event."""
    return head is not None and any(
        p.type == "CONSULT" and "joint" in p.flags
        for p in lexicon.events.nouns.get(head.lemma_.lower(), ()))


def names_people(head: Token | None, index: ActorIndex, lexicon: Lexicon) -> bool:
    """Whether a target names people (protesters, 47 people, the opposition) rather
    than a thing: only people are coded against the doer's own country by default."""
    if head is None:
        return False
    actor = actor_of(head, index)
    lemma = head.lemma_.lower()
    group = lexicon.actors.sector_nouns.get((lemma,)) or \
        lexicon.actors.sector_nouns.get((head.lower_,))
    return lemma in PEOPLE_NOUNS or (group is not None and group.sector in PEOPLE_SECTORS) or (
        actor is not None and (actor.kind == "person" or actor.sector in PEOPLE_SECTORS))


def home_target(pattern: EventPattern, head: Token | None, index: ActorIndex,
                sources: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """The doer's own country as the target of a domestic event, when the target
    names people and no word of it places them ("a Colombian man" is placed); a
    concession aimed at no one named ("the prime minister stepped down", "gave in") is
    made at home too."""
    own = [s for s in sources if scored(s)][:1]
    if pattern.type in YIELDED_AT_HOME and pattern.mode not in AIMED_ABROAD and (
            head is None or not scored(actor_of(head, index))):
        return own
    if pattern.type not in HOME_TYPES or head is None or not names_people(head, index, lexicon) or \
            any(t.ent_type_ in PLACING_ENTITIES for t in head.subtree):
        return []
    return own


def clause_place(trigger: Token, places: Sequence[Place]) -> Place | None:
    """The place the trigger's clause names, one its prepositional phrases name first
    ("China deployed warships to waters around Taiwan": Taiwan, not China)."""
    if not places:
        return None
    ranges = clause_chars(trigger)
    named = [p for p in places if overlaps(p.span, ranges)]
    phrases = [(t.idx, t.idx + len(t)) for c in _verb_phrases(trigger) for t in c.subtree]
    return next((p for p in named if overlaps(p.span, phrases)), named[0] if named else None)


def _verb_phrases(trigger: Token) -> list[Token]:
    """The trigger's objects ("visit Seoul") and the prepositional phrases of the
    trigger and of its objects."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    heads = [trigger, *objects]
    return objects + [c for h in heads for c in h.children if c.dep_ in ("prep", "dative")]
